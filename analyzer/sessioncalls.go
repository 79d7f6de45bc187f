package analyzer

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Writes in a session that the caller gives. A function whose context
// parameter has a session context's type (v1's mongo.SessionContext, or an
// interface that embeds it) runs its writes in whatever session its caller
// hands it: most calls pass a transaction's, but a call that passes nil
// runs them in none, and an unguarded write there loses updates as any
// other. Only the call shows which, and the call is often in another
// package (a service calling its storage through an interface), so such a
// write is not reported where it is written: its function carries a
// sessionWriteFact, and unguarded-update reports each call that passes nil
// for that parameter. A function that passes its own session parameter on
// carries the fact of its callee in turn.

// sessionWriteFact is the fact of a function whose unguarded write runs in
// the session of its parameter number Param.
type sessionWriteFact struct {
	Param   int
	Where   string // file:line of the write
	Message string // what unguarded-update says of the write
}

func (*sessionWriteFact) AFact() {}

func (f *sessionWriteFact) String() string {
	return fmt.Sprintf("unguarded write at %s in the session of $%d", f.Where, f.Param)
}

// deferredWrite is an unguarded write in a session parameter's session,
// found while checking a declaration.
type deferredWrite struct {
	fn   *types.Func
	fact *sessionWriteFact
}

// deferToCallers notes w, an unguarded write that runs in the session of
// its function's parameter number param, and only so in a transaction:
// its calls decide (see above).
func (c *checker) deferToCallers(w *write, param int, ev *evaluator, ff filterFields, uf updateFields) {
	fd, _ := enclosingDecl(w.cur)
	fn, _ := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if fn == nil || testsNil(c.pass.TypesInfo, fd, fn.Signature().Params().At(param)) {
		return // if sc == nil { ...start one... }: a nil session is handled
	}
	kind := c.kindOfWrite(w, ev, uf, ev.reads.decodedBefore(w.node().Pos()))
	if kind == blindWrite && !c.cfg.BlindWrites ||
		c.ignores.silenced(c.pass.Fset, RuleUnguardedUpdate, w.node().Pos(), w.node().End()) {
		return
	}
	posn := c.pass.Fset.Position(w.node().Pos())
	c.deferred = append(c.deferred, deferredWrite{fn: fn, fact: &sessionWriteFact{
		Param:   param,
		Where:   fmt.Sprintf("%s:%d", filepath.Base(posn.Filename), posn.Line),
		Message: unguardedMessage(kind, w, ff, uf),
	}})
}

// testsNil reports whether the function fd compares v with nil.
func testsNil(info *types.Info, fd *ast.FuncDecl, v *types.Var) bool {
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
			for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
				if id, ok := ast.Unparen(pair[0]).(*ast.Ident); ok && info.Uses[id] == v && isNil(info, pair[1]) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// argFor returns the argument of call for the parameter i of its callee;
// a method expression, (*T).M(x, ...), passes the receiver first.
func argFor(info *types.Info, call *ast.CallExpr, i int) (ast.Expr, bool) {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			i++
		}
	}
	if call.Ellipsis.IsValid() || i >= len(call.Args) {
		return nil, false
	}
	return call.Args[i], true
}

// reportSessionCalls reports the calls of the package that pass nil as the
// session of a function with an unguarded write in it (deferred holds the
// package's own, in source order), and exports the facts of the package's
// functions.
func (c *checker) reportSessionCalls(in *inspector.Inspector, deferred []deferredWrite) {
	local := make(map[*types.Func]*sessionWriteFact)
	for _, d := range deferred {
		if _, ok := local[d.fn]; !ok {
			local[d.fn] = d.fact // the first write of the function speaks for it
		}
	}
	if len(local) == 0 && len(c.sums.sessionWrites) == 0 {
		return
	}
	lookup := func(f *types.Func) *sessionWriteFact {
		if sf := local[f]; sf != nil {
			return sf
		}
		return c.sums.sessionWrites[f]
	}
	fact := func(fn *types.Func) (*types.Func, *sessionWriteFact) {
		if sf := lookup(fn.Origin()); sf != nil {
			return fn.Origin(), sf
		}
		if impl := c.sums.soleImplementation(fn); impl != nil {
			if sf := lookup(impl); sf != nil {
				return impl, sf
			}
		}
		return nil, nil
	}
	// The calls that pass nil or their function's own session parameter;
	// a function that passes its parameter on carries its callee's fact,
	// which its own calls in the package may need: repeat until no
	// function gains one.
	type site struct {
		cur    inspector.Cursor
		call   *ast.CallExpr
		callee *types.Func
	}
	var sites []site
	for cur := range in.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if !slices.ContainsFunc(call.Args, func(a ast.Expr) bool { return isNil(c.pass.TypesInfo, a) || c.sessionParamOf(cur, a) >= 0 }) {
			continue
		}
		if fn := calleeFunc(c.pass.TypesInfo, call); fn != nil {
			sites = append(sites, site{cur, call, fn})
		}
	}
	for changed := true; changed; {
		changed = false
		for _, s := range sites {
			_, f := fact(s.callee)
			if f == nil {
				continue
			}
			arg, ok := argFor(c.pass.TypesInfo, s.call, f.Param)
			if !ok {
				continue
			}
			i := c.sessionParamOf(s.cur, arg)
			fd, _ := enclosingDecl(s.cur)
			if i < 0 || fd == nil {
				continue
			}
			if caller, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok && local[caller] == nil {
				local[caller] = &sessionWriteFact{Param: i, Where: f.Where, Message: f.Message}
				changed = true
			}
		}
	}
	for _, fn := range slices.SortedFunc(maps.Keys(local), func(a, b *types.Func) int { return cmp.Compare(a.Pos(), b.Pos()) }) {
		c.pass.ExportObjectFact(fn, local[fn])
	}
	for _, s := range sites {
		impl, f := fact(s.callee)
		if f == nil {
			continue
		}
		if arg, ok := argFor(c.pass.TypesInfo, s.call, f.Param); !ok || !isNil(c.pass.TypesInfo, arg) {
			continue
		}
		c.report(RuleUnguardedUpdate, analysis.Diagnostic{
			Pos: s.call.Pos(),
			End: s.call.End(),
			Message: fmt.Sprintf("%s is given a nil session here, so the write it runs at %s is outside any transaction: %s",
				wrapperName(c.pass.Pkg, impl), f.Where, f.Message),
		})
	}
}

// sessionParamOf returns the index of the parameter of the function
// declaration that holds cur which e names, when that parameter has a
// session context's type; else -1.
func (c *checker) sessionParamOf(cur inspector.Cursor, e ast.Expr) int {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return -1
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || !isSessionContextType(v.Type()) {
		return -1
	}
	fd, ok := enclosingDecl(cur)
	if !ok {
		return -1
	}
	fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return -1
	}
	return slices.Index(paramVars(fn.Signature()), v)
}
