package analyzer

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/mongocas/mongocas-lint/internal/flow"
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
func (c *checker) findRequestSessions(in *inspector.Inspector) bool {
	pass := c.pass
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
		if c.evaluatorAt(cur).isSessionValue(call.Args[0]) {
			pass.ExportPackageFact(&requestSessionFact{})
			return true
		}
	}
	return false
}

// isRequestMethod reports whether fn is a method of net/http's Request.
func isRequestMethod(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" || fn.Signature().Recv() == nil {
		return false
	}
	n := namedOf(fn.Signature().Recv().Type())
	return n != nil && n.Obj().Name() == "Request"
}

// isSessionValue reports whether e is a session context: of v1's
// SessionContext type, or made by mongo.NewSessionContext (directly or in
// every value of a local variable).
func (ev *evaluator) isSessionValue(e ast.Expr) bool {
	if isSessionContextType(ev.info.TypeOf(e)) {
		return true
	}
	return ev.derivedFrom(e, 0, func(call *ast.CallExpr, _ int) bool {
		fn := calleeFunc(ev.info, call)
		return fn != nil && fn.Name() == "NewSessionContext" && isMongoPkg(fn.Pkg())
	})
}

// isRequestContext reports whether ctx is the context of an HTTP request:
// req.Context(), a context derived from it (context.WithTimeout and the
// like), or a local variable every value of which is one.
func (ev *evaluator) isRequestContext(ctx ast.Expr) bool {
	var is func(call *ast.CallExpr, depth int) bool
	is = func(call *ast.CallExpr, depth int) bool {
		fn := calleeFunc(ev.info, call)
		if fn != nil && fn.Name() == "Context" && isRequestMethod(fn) {
			return true
		}
		return isContextDerivation(fn) && len(call.Args) > 0 && ev.derivedFrom(call.Args[0], depth+1, is)
	}
	return ev.derivedFrom(ctx, 0, is)
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
// variable whose every value reaching e (internal/flow) is one: the first
// result of a call of several counts as the call. A parameter's incoming
// value is not known: not derived. depth bounds the chain of calls and
// variables followed.
func (ev *evaluator) derivedFrom(e ast.Expr, depth int, made func(call *ast.CallExpr, depth int) bool) bool {
	if depth > 8 {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return made(e, depth)
	case *flow.Result:
		return e.Index == 0 && made(e.Call, depth) // ctx, cancel := context.WithTimeout(...)
	case *ast.Ident:
		if ev.flow == nil {
			return false
		}
		vals, complete := ev.flow.ValuesAt(e)
		if !complete || len(vals) == 0 {
			return false
		}
		for _, v := range vals {
			if v.Init == nil || len(v.Steps) > 0 || !ev.derivedFrom(v.Init, depth+1, made) {
				return false
			}
		}
		return true
	}
	return false
}
