package flow

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/ast/inspector"
)

// The source of each case is the body of a function f(cond bool, m map[string]any);
// the value asked about is the argument of the last call of use.
func TestValuesAt(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		values   []string // each value: its initial value, then the keys added
		complete bool
	}{
		{"straight", `d := M{"a": 1}; use(d)`, []string{`M{"a": 1}`}, true},
		{"key added", `d := M{"a": 1}; d["b"] = 2; use(d)`, []string{`M{"a": 1} "b"`}, true},
		{"key under if", `d := M{"a": 1}; if cond { d["b"] = 2 }; use(d)`, []string{`M{"a": 1} "b"`, `M{"a": 1}`}, true},
		{"if else", `var d M; if cond { d = M{"a": 1} } else { d = M{"b": 2} }; use(d)`, []string{`M{"a": 1}`, `M{"b": 2}`}, true},
		{"zero value on one path", `var d M; if cond { d = M{"a": 1} }; use(d)`, []string{`M{"a": 1}`, `nil`}, true},
		{"switch", `var d M; switch { case cond: d = M{"a": 1}; default: d = M{"c": 3} }; use(d)`, []string{`M{"a": 1}`, `M{"c": 3}`}, true},
		{"reassigned", `d := M{"a": 1}; d = M{"b": 2}; use(d)`, []string{`M{"b": 2}`}, true},
		{"append", `var d D; d = append(d, E{"a", 1}); use(d)`, []string{`nil E{"a", 1}`}, true},
		{"loop", `d := M{}; for i := 0; i < 3; i++ { d["k"] = i }; use(d)`, []string{`M{} "k"`, `M{}`}, true},
		{"use before a change", `d := M{}; use(d); d["k"] = 1`, []string{`M{}`}, true},
		{"change after the use in a loop", `d := M{}; for cond { use(d); d["k"] = 1 }`, []string{`M{}`, `M{} "k"`}, true},
		{"passed to a function that may change it", `d := M{}; change(d); use(d)`, nil, false},
		{"passed as an interface", `d := M{"a": 1}; show("%v", d); println(d); use(d)`, []string{`M{"a": 1}`}, true},
		{"unknown on one path", `d := M{}; if cond { change(d) }; use(d)`, []string{`M{}`}, false},
		{"address taken", `d := M{}; p := &d; _ = p; use(d)`, nil, false},
		{"aliased", `d := M{}; e := d; e["k"] = 1; use(d)`, nil, false},
		{"parameter", `use(m)`, []string{`m`}, true},
		{"parameter given a default", `if m == nil { m = M{} }; use(m)`, []string{`m`, `M{}`}, true},
		{"parameter changed", `m["a"] = 1; use(m)`, []string{`m "a"`}, true},
		{"parameter reassigned", `m = M{"a": 1}; use(m)`, []string{`M{"a": 1}`}, true},
		{"closure", `d := M{"a": 1}; run(func() { use(d) })`, []string{`M{"a": 1}`}, true},
		{"closure, changed after", `d := M{"a": 1}; g := func() { use(d) }; d["b"] = 2; g()`, nil, false},
		{"changed in a closure", `d := M{"a": 1}; run(func() { d["b"] = 2 }); use(d)`, nil, false},
		{"goto", `d := M{}; if cond { goto L }; d["a"] = 1; L: use(d)`, []string{`M{} "a"`, `M{}`}, true},
		{"declared after a branch", `if cond { return }; d := M{}; if cond { d["a"] = 1 }; use(d)`, []string{`M{} "a"`, `M{}`}, true},
		{"struct field assigned", `s := S{A: 1}; s.A = 2; use(s)`, nil, false},
		{"struct read", `s := S{A: 1}; _ = s.A; use(s)`, []string{`S{A: 1}`}, true},
		{"option applied", `d := M{}; for _, o := range opts { o(d) }; use(d)`, []string{`M{} o(d)`, `M{}`}, true},
		{"stored in another map", `d := M{"a": 1}; o := M{}; o["d"] = d; use(d)`, []string{`M{"a": 1}`}, true},
		{"two results", `d, ok := two(); _ = ok; use(d)`, []string{"two()[0]"}, true},
		{"two results assigned", `var d M; var ok bool; if cond { d, ok = two() }; _ = ok; use(d)`, []string{"nil", "two()[0]"}, true},
		{"key from two results", `d := M{}; var ok bool; d["a"], ok = two(); _ = ok; use(d)`, []string{`M{} "a"`}, true},
		{"comma ok", `var mm map[string]M; d, ok := mm["a"]; _ = ok; use(d)`, nil, false},
		{"reassigned from a call of itself", `d := M{}; d = change2(d); d["a"] = 1; use(d)`, []string{`change2(d) "a"`}, true},
		{"reassigned from a call of itself, in a branch", `d := M{}; if cond { d = change2(d) }; use(d)`, []string{`change2(d)`, `M{}`}, true},
		{"keys under four conditions: 16 paths, widened", `d := M{}; if cond { d["a"] = 1 }; if cond { d["b"] = 2 }; if cond { d["c"] = 3 }; if cond { d["d"] = 4 }; d["e"] = 5; use(d)`,
			[]string{`M{} "a" "b" "c" "d" "e" (widened)`}, true},
		{"two starts, widened each", `var d M; if cond { d = M{} } else { d = M{"x": 0} }; if cond { d["a"] = 1 }; if cond { d["b"] = 2 }; if cond { d["c"] = 3 }; use(d)`,
			[]string{`M{} "a" "b" "c" (widened)`, `M{"x": 0} "a" "b" "c" (widened)`}, true},
		{"nine starts", `var d M; switch { case cond: d = M{"a": 1}; case cond: d = M{"a": 2}; case cond: d = M{"a": 3}; case cond: d = M{"a": 4}; case cond: d = M{"a": 5}; case cond: d = M{"a": 6}; case cond: d = M{"a": 7}; case cond: d = M{"a": 8}; default: d = M{"a": 9} }; use(d)`, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vals, complete, fset := valuesOfUse(t, tt.body)
			var got []string
			for _, v := range vals {
				s := "nil"
				if v.Init != nil {
					s = text(fset, v.Init)
				}
				for _, st := range v.Steps {
					switch {
					case st.Apply != nil:
						s += " " + text(fset, st.Apply)
					case st.Key != nil:
						s += " " + text(fset, st.Key)
					default:
						for _, e := range st.Elems {
							s += " " + text(fset, e)
						}
					}
				}
				if v.Widened {
					s += " (widened)"
				}
				got = append(got, s)
			}
			if complete != tt.complete || !sameSet(got, tt.values) {
				t.Errorf("got %q, complete %v; want %q, complete %v", got, complete, tt.values, tt.complete)
			}
		})
	}
}

const prelude = `package p

type M map[string]any
type E struct {
	Key   string
	Value any
}
type D []E
type S struct{ A int }

func use(any)           {}
func show(string, ...any) {}
func change(M)          {}
func change2(d M) M     { return d }
func run(func())        {}
func two() (M, bool)    { return nil, false }
func one() *S           { return nil }
func fill(any)          {}
func mark()             {}
func set(*S)            {}
func seterr(*error)     {}
func byValue(S)         {}
func (S) Get() int      { return 0 }
func (*S) Set()         {}

func f(cond bool, m M, opts ...func(M)) {
`

func valuesOfUse(t *testing.T, body string) ([]Value, bool, *token.FileSet) {
	t.Helper()
	f, use, fset := parse(t, body)
	vals, complete := f.ValuesAt(use)
	return vals, complete, fset
}

// parse type-checks the body in f (see prelude) and returns its flow, with
// fill(&v) as a call that fills v, and the argument of the last use(x).
func parse(t *testing.T, body string) (*Func, *ast.Ident, *token.FileSet) {
	t.Helper()
	fset := token.NewFileSet()
	src := prelude + strings.ReplaceAll(body, "; ", "\n") + "\n}\n"
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: make(map[ast.Expr]types.TypeAndValue), Defs: make(map[*ast.Ident]types.Object),
		Uses: make(map[*ast.Ident]types.Object)}
	conf := types.Config{Importer: importer.Default(), Error: func(error) {}}
	if _, err := conf.Check("p", fset, []*ast.File{file}, info); err != nil && !strings.Contains(err.Error(), "declared and not used") {
		t.Fatal(err)
	}
	in := inspector.New([]*ast.File{file})
	var root inspector.Cursor
	var use *ast.Ident
	for c := range in.Root().Preorder((*ast.FuncDecl)(nil), (*ast.CallExpr)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			if n.Name.Name == "f" {
				root = c
			}
		case *ast.CallExpr:
			if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "use" && len(n.Args) == 1 {
				use, _ = n.Args[0].(*ast.Ident)
			}
		}
	}
	if use == nil {
		t.Fatal("no use(x) call")
	}
	fills := func(call *ast.CallExpr) (int, bool) {
		id, ok := call.Fun.(*ast.Ident)
		return 0, ok && id.Name == "fill"
	}
	return New(info, root, Config{Fills: fills}), use, fset
}

// The binding asked about is that of the argument of the last call of use.
func TestBindingAt(t *testing.T) {
	tests := []struct {
		name, body string
		want       string // "" for none
	}{
		{"assigned", `p := one(); use(p)`, "one()"},
		{"a result of two", `d, ok := two(); _ = d; use(ok)`, "two()[1]"},
		{"assigned on two paths", `p := one(); if cond { p = one() }; use(p)`, ""},
		{"the same on every path", `var p *S; if cond { p = one() } else { p = one(); _ = p; p = one() }; use(p)`, ""},
		{"assigned, then its fields changed", `p := one(); p.A = 1; p.Set(); set(p); use(p)`, "one()"},
		{"filled", `var s S; fill(&s); use(s)`, "fill(&s)"},
		{"filled, then a field changed", `var s S; fill(&s); s.A = 2; set(&s); use(s)`, "fill(&s)"},
		{"filled on one path", `var s S; if cond { fill(&s) }; use(s)`, ""},
		{"filled again in a loop", `var s S; fill(&s); for cond { use(s); fill(&s) }`, ""},
		{"a range element", `var xs []S; fill(&xs); for _, x := range xs { use(x) }`, "range xs"},
		{"a range key", `var xs []S; for i := range xs { use(i) }`, "range xs (key)"},
		{"address of an error given to a call", `var err error; seterr(&err); use(err)`, ""},
		{"address stored", `p := one(); pp := &p; _ = pp; use(p)`, ""},
		{"in a closure", `p := one(); run(func() { use(p) })`, "one()"},
		{"assigned in a closure", `p := one(); run(func() { p = one() }); use(p)`, ""},
		{"a parameter", `use(m)`, "m"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, use, fset := parse(t, tt.body)
			b, ok := f.BindingAt(use)
			got := ""
			if ok {
				got = text(fset, b)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TouchedBetween is asked about the variable of the last use(x), from the
// end of the call of mark() to the use.
func TestTouchedBetween(t *testing.T) {
	tests := []struct {
		name, body string
		want       bool
	}{
		{"nothing between", `var s S; mark(); _ = s.A; s.Get(); byValue(s); use(s)`, false},
		{"a field assigned", `var s S; mark(); s.A = 1; use(s)`, true},
		{"a pointer method", `var s S; mark(); s.Set(); use(s)`, true},
		{"its address given away", `var s S; mark(); set(&s); use(s)`, true},
		{"changed before", `var s S; s.A = 1; mark(); use(s)`, false},
		{"changed after", `var s S; mark(); use(s); s.A = 1`, false},
		{"changed later in a loop", `var s S; mark(); for cond { use(s); s.A = 1 }`, true},
		{"changed later in a loop that holds both", `var s S; for cond { mark(); use(s); s.A = 1 }`, false},
		{"a key added", `d := M{}; mark(); d["a"] = 1; use(d)`, true},
		{"changed in a closure", `var s S; run(func() { s.A = 1 }); mark(); use(s)`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, use, _ := parse(t, tt.body)
			var from token.Pos
			for c := range f.root.Preorder((*ast.CallExpr)(nil)) {
				if id, ok := c.Node().(*ast.CallExpr).Fun.(*ast.Ident); ok && id.Name == "mark" {
					from = c.Node().End()
				}
			}
			v := f.info.Uses[use].(*types.Var)
			if got := f.TouchedBetween(v, from, use.Pos()); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func text(fset *token.FileSet, e ast.Expr) string {
	switch e := e.(type) {
	case *Result:
		return fmt.Sprintf("%s[%d]", text(fset, e.Call), e.Index)
	case *Filled:
		return text(fset, e.Call)
	case *Element:
		if e.Key {
			return "range " + text(fset, e.Range.X) + " (key)"
		}
		return "range " + text(fset, e.Range.X)
	}
	var b strings.Builder
	if err := printer.Fprint(&b, fset, e); err != nil {
		return err.Error()
	}
	return b.String()
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		found := false
		for _, y := range b {
			found = found || x == y
		}
		if !found {
			return false
		}
	}
	return true
}

// Two functions that share one Scratch, asked about in turn: each rebuilds
// the index of names when it finds the other's there.
func TestScratchShared(t *testing.T) {
	f1, b1, _ := parse(t, `a := M{"k": 1}; b := M{"j": 2}; use(a); use(b)`)
	f2, a2, _ := parse(t, `a := M{"x": 3}; use(a)`)
	shared := &Scratch{}
	f1.config.Scratch, f2.config.Scratch = shared, shared
	var a1 *ast.Ident
	for c := range f1.root.Preorder((*ast.Ident)(nil)) {
		if id := c.Node().(*ast.Ident); id.Name == "a" && f1.info.Uses[id] != nil && a1 == nil {
			a1 = id
		}
	}
	key := func(f *Func, id *ast.Ident) string {
		t.Helper()
		vals, complete := f.ValuesAt(id)
		if !complete || len(vals) != 1 {
			t.Fatalf("%s: %d values, complete %v; want one", id.Name, len(vals), complete)
		}
		lit, ok := vals[0].Init.(*ast.CompositeLit)
		if !ok || len(lit.Elts) != 1 {
			t.Fatalf("%s: not a one-key literal", id.Name)
		}
		return lit.Elts[0].(*ast.KeyValueExpr).Key.(*ast.BasicLit).Value
	}
	for _, q := range []struct {
		f    *Func
		id   *ast.Ident
		want string
	}{{f1, a1, `"k"`}, {f2, a2, `"x"`}, {f1, b1, `"j"`}} {
		if got := key(q.f, q.id); got != q.want {
			t.Errorf("%s: key %s, want %s", q.id.Name, got, q.want)
		}
	}
}
