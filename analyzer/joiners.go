package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Key joiners. Code that names its keys in variables often joins paths
// with a helper of one return (JoinFields("address", "_id") returns
// strings.Join(fields, ".")), or concatenates them (a + "." + b). A call
// of one with constant arguments is a constant key.

// keyJoinerFact is the fact of a function that returns its parts joined:
// constants, parameters, and the variadic parameter's elements joined by
// Sep. Under: the parts are only the start of what it returns, a path
// whose end is not known (PlayerPath(i) returning
// fmt.Sprintf("seats.%d.player", i), or "seats." + strconv.Itoa(i)).
type keyJoinerFact struct {
	Parts []joinPart
	Sep   string
	Under bool
}

// A joinPart is a constant (Param -1), a string parameter, or the
// elements of the variadic parameter (Spread).
type joinPart struct {
	Param  int
	Const  string
	Spread bool
}

func (*keyJoinerFact) AFact() {}

func (f *keyJoinerFact) String() string {
	var parts []string
	for _, p := range f.Parts {
		switch {
		case p.Param < 0:
			parts = append(parts, "\""+p.Const+"\"")
		case p.Spread:
			parts = append(parts, "join($"+strconv.Itoa(p.Param)+"..., \""+f.Sep+"\")")
		default:
			parts = append(parts, "$"+strconv.Itoa(p.Param))
		}
	}
	if f.Under {
		parts = append(parts, "...")
	}
	return "key " + strings.Join(parts, " + ")
}

// joinerOf returns the fact of fn, declared at decl, when it is a key
// joiner; str reads a constant string.
func joinerOf(info *types.Info, decl *ast.FuncDecl, fn *types.Func, str func(ast.Expr) (string, bool)) *keyJoinerFact {
	sig := fn.Signature()
	if decl.Body == nil || len(decl.Body.List) != 1 || sig.Results().Len() != 1 || !isString(sig.Results().At(0).Type()) {
		return nil
	}
	ret, ok := decl.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil
	}
	params := paramVars(sig)
	paramOf := func(e ast.Expr) int {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return -1
		}
		v, _ := info.Uses[id].(*types.Var)
		for i, p := range params {
			if p == v {
				return i
			}
		}
		return -1
	}
	f := &keyJoinerFact{}
	x := ast.Unparen(ret.Results[0])
	if call, ok := x.(*ast.CallExpr); ok {
		if start, ok := sprintfStart(info, call, str); ok {
			if !strings.Contains(start, ".") {
				return nil // not even its first field is known
			}
			f.Parts, f.Under = []joinPart{{Param: -1, Const: start}}, true
			return f
		}
		g := calleeFunc(info, call)
		if g == nil || g.Pkg() == nil || g.Pkg().Path() != "strings" || g.Name() != "Join" || len(call.Args) != 2 {
			return nil
		}
		i := paramOf(call.Args[0])
		sep, ok := str(call.Args[1])
		if i < 0 || !ok || !sig.Variadic() || i != len(params)-1 {
			return nil
		}
		f.Parts, f.Sep = []joinPart{{Param: i, Spread: true}}, sep
		return f
	}
	var operands []ast.Expr
	var flatten func(e ast.Expr) bool
	flatten = func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if b, ok := e.(*ast.BinaryExpr); ok {
			return b.Op == token.ADD && flatten(b.X) && flatten(b.Y)
		}
		operands = append(operands, e)
		return true
	}
	if !flatten(x) || len(operands) < 2 {
		return nil
	}
	hasParam, start := false, ""
	for _, op := range operands {
		if i := paramOf(op); i >= 0 && isString(params[i].Type()) && (!sig.Variadic() || i != len(params)-1) {
			f.Parts = append(f.Parts, joinPart{Param: i})
			hasParam = true
			continue
		}
		s, ok := str(op)
		if !ok {
			// The rest is not known: the key is a path under its start.
			if call, isCall := ast.Unparen(op).(*ast.CallExpr); isCall {
				s, _ = sprintfStart(info, call, str)
			}
			f.Under = true
		}
		if s != "" {
			f.Parts = append(f.Parts, joinPart{Param: -1, Const: s})
			start += s
		}
		if f.Under {
			break
		}
	}
	switch {
	case f.Under && !hasParam && !strings.Contains(start, "."):
		return nil // not even its first field is known
	case !f.Under && !hasParam:
		return nil // a constant
	}
	return f
}

// sprintfStart returns the start of what call, a fmt.Sprintf with a
// constant format, returns: the format up to its first verb.
func sprintfStart(info *types.Info, call *ast.CallExpr, str func(ast.Expr) (string, bool)) (string, bool) {
	fn := calleeFunc(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" || fn.Name() != "Sprintf" || len(call.Args) == 0 {
		return "", false
	}
	format, ok := str(call.Args[0])
	if !ok {
		return "", false
	}
	start, _, _ := strings.Cut(format, "%")
	return start, true
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// join returns the key that call, a call of the joiner f, returns, or
// its start when it is not all known (complete false): the joiner's own
// start, or its parts up to the first argument that is not a constant.
func (f *keyJoinerFact) join(call *ast.CallExpr, str func(ast.Expr) (string, bool)) (key string, complete, ok bool) {
	var b strings.Builder
	for _, p := range f.Parts {
		switch {
		case p.Param < 0:
			b.WriteString(p.Const)
		case p.Spread:
			if call.Ellipsis.IsValid() || p.Param > len(call.Args) {
				return "", false, false
			}
			for i, a := range call.Args[p.Param:] {
				if i > 0 {
					b.WriteString(f.Sep)
				}
				s, ok := str(a)
				if !ok {
					return b.String(), false, true
				}
				b.WriteString(s)
			}
		default:
			if p.Param >= len(call.Args) {
				return "", false, false
			}
			s, ok := str(call.Args[p.Param])
			if !ok {
				return b.String(), false, true
			}
			b.WriteString(s)
		}
	}
	return b.String(), !f.Under, true
}

// keyJoiner returns the fact of fn when it joins keys.
func (s *summaries) keyJoiner(fn *types.Func) *keyJoinerFact {
	return summaryOf(s, s.joiners, fn, func(fn *types.Func, cur inspector.Cursor) *keyJoinerFact {
		ev := &evaluator{info: s.c.pass.TypesInfo, sums: s}
		return joinerOf(s.c.pass.TypesInfo, cur.Node().(*ast.FuncDecl), fn, ev.stringConst)
	})
}

// joinedKey reads the key that a call of a key joiner returns, or its
// start (see join).
func (ev *evaluator) joinedKey(call *ast.CallExpr) (key string, complete, ok bool) {
	if ev.sums == nil {
		return "", false, false
	}
	fn := calleeFunc(ev.info, call)
	if fn == nil {
		return "", false, false
	}
	f := ev.sums.keyJoiner(fn)
	if f == nil {
		return "", false, false
	}
	return f.join(call, ev.stringConst)
}

// exportKeyJoiners exports the key joiners of a package that does not
// use the driver; keys are its own variables that hold keys.
func exportKeyJoiners(pass *analysis.Pass, in *inspector.Inspector, keys map[*types.Var]string) {
	str := func(e ast.Expr) (string, bool) {
		if tv, ok := pass.TypesInfo.Types[e]; ok && tv.Value != nil {
			if tv.Value.Kind() != constant.String {
				return "", false
			}
			return constant.StringVal(tv.Value), true
		}
		v := packageVar(pass.TypesInfo, e)
		if v == nil {
			return "", false
		}
		if v.Pkg() == pass.Pkg {
			k, ok := keys[v]
			return k, ok
		}
		var f keyFact
		if pass.ImportObjectFact(v, &f) {
			return f.Key, true
		}
		return "", false
	}
	for cur := range in.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
		if !ok || !fn.Exported() {
			continue
		}
		if f := joinerOf(pass.TypesInfo, decl, fn, str); f != nil {
			pass.ExportObjectFact(fn, f)
		}
	}
}
