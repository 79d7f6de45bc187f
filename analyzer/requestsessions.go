package analyzer

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Sessions carried by HTTP requests. A middleware may run every request in
// a session, most often in a transaction, and hand the handler the
// session through the request's context:
//
//	sc := mongo.NewSessionContext(req.Context(), sess)
//	next(w, req.WithContext(sc))
//
// The handler then writes with req.Context(), which holds the session,
// but nothing at the write shows it, nor whether the middleware began a
// transaction. In a package that puts a session into a request, and in a
// package that imports one that does (requestSessionFact), a write whose
// context is a request's may run in a transaction: unguarded-update says
// nothing of it.

// requestSessionFact is the fact of a package that puts a session context
// into an HTTP request.
type requestSessionFact struct{}

func (*requestSessionFact) AFact() {}

func (*requestSessionFact) String() string { return "puts sessions into requests" }

// findRequestSessions reports whether the package, or one it imports, puts
// a session context into an HTTP request, and exports the fact of the
// package when it does so itself.
func findRequestSessions(pass *analysis.Pass, in *inspector.Inspector) bool {
	for _, f := range pass.AllPackageFacts() {
		if _, ok := f.Fact.(*requestSessionFact); ok {
			return true
		}
	}
	if !slices.ContainsFunc(pass.Pkg.Imports(), func(p *types.Package) bool { return p.Path() == "net/http" }) {
		return false
	}
	for cur := range in.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "WithContext" || len(call.Args) != 1 || !isRequestMethod(calleeFunc(pass.TypesInfo, call)) {
			continue
		}
		if isSessionValue(pass.TypesInfo, cur, call.Args[0]) {
			pass.ExportPackageFact(&requestSessionFact{})
			return true
		}
	}
	return false
}

// isRequestMethod reports whether fn is a method of net/http's Request.
func isRequestMethod(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" {
		return false
	}
	recv := fn.Signature().Recv()
	n := recv != nil && namedOf(recv.Type()) != nil
	return n && namedOf(recv.Type()).Obj().Name() == "Request"
}

// isSessionValue reports whether e, at cur, is a session context: of v1's
// SessionContext type, made by mongo.NewSessionContext, or a local
// variable given one.
func isSessionValue(info *types.Info, cur inspector.Cursor, e ast.Expr) bool {
	if isSessionContextType(info.TypeOf(e)) {
		return true
	}
	return derivedFrom(info, cur, e, nil, func(call *ast.CallExpr, _ map[*types.Var]bool) bool {
		fn := calleeFunc(info, call)
		return fn != nil && fn.Name() == "NewSessionContext" && isMongoPkg(fn.Pkg())
	})
}

// isRequestContext reports whether ctx, at cur, is the context of an HTTP
// request: req.Context(), a context derived from it (context.WithTimeout
// and the like), or a local variable given one.
func isRequestContext(info *types.Info, cur inspector.Cursor, ctx ast.Expr) bool {
	var is func(call *ast.CallExpr, seen map[*types.Var]bool) bool
	is = func(call *ast.CallExpr, seen map[*types.Var]bool) bool {
		fn := calleeFunc(info, call)
		if fn != nil && fn.Name() == "Context" && isRequestMethod(fn) {
			return true
		}
		return isContextDerivation(fn) && len(call.Args) > 0 && derivedFrom(info, cur, call.Args[0], seen, is)
	}
	return derivedFrom(info, cur, ctx, nil, is)
}

// isContextDerivation reports whether fn derives a context from its first
// argument, keeping its values.
func isContextDerivation(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "context" {
		return false
	}
	switch fn.Name() {
	case "WithTimeout", "WithDeadline", "WithCancel", "WithValue", "WithoutCancel", "WithCancelCause", "WithTimeoutCause", "WithDeadlineCause":
		return true
	}
	return false
}

// derivedFrom reports whether e is a call that made reports true of, or a
// local variable of the function that holds cur whose every assignment is
// one (the first result of a call of several). seen holds the variables
// being read: a variable given a value derived from itself
// (ctx = context.WithValue(ctx, k, v)) keeps what its other assignments
// give it. A parameter's incoming value is not known: not derived.
func derivedFrom(info *types.Info, cur inspector.Cursor, e ast.Expr, seen map[*types.Var]bool, made func(call *ast.CallExpr, seen map[*types.Var]bool) bool) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return made(e, seen)
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		if seen[v] {
			return true // its other assignments decide
		}
		// The function that declares v, which may hold cur's.
		fn := enclosingFunc(cur)
		for fn.Valid() && (v.Pos() < fn.Node().Pos() || v.Pos() >= fn.Node().End()) {
			fn = enclosingFunc(fn.Parent())
		}
		if !fn.Valid() || isParamOfFunc(fn, v) || len(seen) > 8 {
			return false // a package-level variable or a parameter: not followed
		}
		if seen == nil {
			seen = make(map[*types.Var]bool)
		}
		seen[v] = true
		defer delete(seen, v)
		given := false
		for n := range fn.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
			lhs, rhs := assignedBy(n.Node())
			for i, l := range lhs {
				if id, ok := l.(*ast.Ident); !ok || info.ObjectOf(id) != v {
					continue
				}
				var r ast.Expr
				switch {
				case len(lhs) == len(rhs):
					r = rhs[i]
				case len(rhs) == 1 && i == 0:
					r = rhs[0] // ctx, cancel := context.WithTimeout(...)
				default:
					return false
				}
				if !derivedFrom(info, cur, r, seen, made) {
					return false
				}
				given = true
			}
		}
		return given
	}
	return false
}

// isParamOfFunc reports whether v is declared in the signature of the
// function at fn: a parameter or a named result.
func isParamOfFunc(fn inspector.Cursor, v *types.Var) bool {
	var typ *ast.FuncType
	switch f := fn.Node().(type) {
	case *ast.FuncDecl:
		typ = f.Type
	case *ast.FuncLit:
		typ = f.Type
	}
	return typ != nil && typ.Pos() <= v.Pos() && v.Pos() < typ.End()
}
