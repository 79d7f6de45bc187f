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

func f(cond bool, m M, opts ...func(M)) {
`

func valuesOfUse(t *testing.T, body string) ([]Value, bool, *token.FileSet) {
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
	vals, complete := New(info, root, Config{}).ValuesAt(use)
	return vals, complete, fset
}

func text(fset *token.FileSet, e ast.Expr) string {
	if r, ok := e.(*Result); ok {
		return fmt.Sprintf("%s[%d]", text(fset, r.Call), r.Index)
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
