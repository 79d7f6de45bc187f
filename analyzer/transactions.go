package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Transactions. In a multi-document transaction the server detects write
// conflicts: when another writer changes a document after the transaction
// read it, the transaction's write fails with a WriteConflict (a
// TransientTransactionError) instead of overwriting that change, and
// WithTransaction runs its callback again on the new value. A
// read-modify-write in a transaction loses no update, so unguarded-update
// stays silent for a write that runs in one:
//
//   - in a func literal passed as the callback of Session.WithTransaction
//     (v1 and v2);
//   - between sess.StartTransaction() and sess.CommitTransaction(...) on
//     the same session variable, in the same function (the callbacks of
//     mongo.WithSession and Client.UseSession count as part of the
//     function that calls them: the driver runs them before returning).
//
// A write is in the transaction only if it runs in the session, that is,
// with the session's context. It is still reported when its context is
// clearly another one: context.Background() or context.TODO(); inside a
// session callback, a variable declared outside the callback that is not
// a session context itself (the outer ctx); between Start and Commit, the
// parent passed to mongo.NewSessionContext rather than its result. It is
// also still reported when it uses a document decoded before the
// transaction began: that read is not part of the transaction, and the
// write-conflict check starts only at the transaction's first operation.
// Sessions and transactions are matched by type, like the writes.

// inTransaction reports whether w runs in a transaction that also holds
// the reads it depends on, so that the server detects a conflicting write.
func (c *checker) inTransaction(w *write) bool {
	in, _ := c.transactionOf(w)
	return in
}

// transactionOf is inTransaction, and the index of the session parameter
// of w's function when that parameter alone says so (its calls then
// decide, see sessioncalls.go), else -1.
func (c *checker) transactionOf(w *write) (in bool, param int) {
	ctx := w.ctx
	if ctx == nil && w.wrapper != "" {
		ctx = c.contextArg(w)
	}
	if start, ok := c.transactionStart(w.cur, ctx); ok {
		return !c.readBefore(w, start), -1
	}
	if i, ok := c.sessionParam(w, ctx); ok {
		return true, i
	}
	if c.inTxnHelper(w) || c.modelInTransaction(w) {
		return true, -1
	}
	return c.sums.requestSessions && ctx != nil && c.evaluatorAt(w.cur).isRequestContext(ctx), -1
}

// sessionParam reports whether ctx is a parameter of the function that
// holds the write w, of a session context's type: v1's
// mongo.SessionContext, or an interface of the program that embeds it
// (type TxContext interface { mongo.SessionContext }), and which one.
// Such a function says that it runs in its caller's session, most often a
// transaction begun in another package: the write is checked at the
// calls that give it no session (sessioncalls.go). The parameter of a
// func literal is a session callback's, which transactionStart reads.
//
// A bulk-write model has no context of its own: in a function with one
// parameter of a session context's type, it is written in that session.
func (c *checker) sessionParam(w *write, ctx ast.Expr) (int, bool) {
	if ctx != nil {
		i := c.sessionParamOf(w.cur, ctx)
		return i, i >= 0
	}
	if w.result != noResult {
		return 0, false
	}
	f := enclosingFunc(w.cur)
	if !f.Valid() {
		return 0, false // a model at package level
	}
	fd, isDecl := f.Node().(*ast.FuncDecl)
	if !isDecl {
		return 0, false // in a func literal: a session callback's, read as such
	}
	fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return 0, false
	}
	params := fn.Signature().Params()
	found := -1
	for i := range params.Len() {
		if isSessionContextType(params.At(i).Type()) {
			if found >= 0 {
				return 0, false // two sessions: which one the model's is, is not known
			}
			found = i
		}
	}
	return found, found >= 0
}

// isSessionContextType reports whether t is v1's mongo.SessionContext or
// an interface that holds all of its methods.
func isSessionContextType(t types.Type) bool {
	if n := namedOf(t); n != nil && isMongoPkg(n.Obj().Pkg()) && n.Obj().Name() == "SessionContext" {
		return true
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := range iface.NumEmbeddeds() {
		if isSessionContextType(iface.EmbeddedType(i)) {
			return true
		}
	}
	return false
}

// contextArg returns the first argument of a wrapper's call that is a
// context: the one the wrapper's write runs in, or a parent of it. A
// wrapper that writes with a context of its own making (context.TODO())
// runs outside any session of its caller all the same.
func (c *checker) contextArg(w *write) ast.Expr {
	call, ok := w.node().(*ast.CallExpr)
	if !ok {
		return nil
	}
	for _, a := range call.Args {
		if isContextType(c.pass.TypesInfo.TypeOf(a)) {
			return a
		}
	}
	return nil
}

// inTxnHelper reports whether w runs with its function's context
// parameter, in a function that the package calls in a transaction with
// the session's context (a helper of the callback): the write may then
// run in the transaction, and nothing is said.
func (c *checker) inTxnHelper(w *write) bool {
	if len(c.sums.txnHelpers) == 0 {
		return false
	}
	f := enclosingFunc(w.cur)
	if !f.Valid() {
		return false // a model at package level
	}
	fd, ok := f.Node().(*ast.FuncDecl)
	if !ok {
		return false
	}
	info := c.pass.TypesInfo
	fn, ok := info.Defs[fd.Name].(*types.Func)
	if !ok || !c.sums.txnHelpers[fn] {
		return false
	}
	if w.wrapper != "" {
		// A wrapper's call: its first argument is the context it passes on.
		call, ok := w.node().(*ast.CallExpr)
		return ok && len(call.Args) > 0 && isParamOf(info, call.Args[0], fn)
	}
	return w.ctx != nil && isParamOf(info, w.ctx, fn)
}

// txnRunners are the functions that run a callback they are given in a
// transaction (func (r Repo) WithTx(ctx, fn func(ctx) error) error, which
// calls fn with the session context inside Session.WithTransaction, or
// between StartTransaction and CommitTransaction): those of the package,
// by the index of that parameter, and those of other packages, by their
// facts. A call through an interface method reads the fact of its one
// implementation (see soleImplementation).
type txnRunners struct {
	local map[*types.Func]int
	sums  *summaries
}

// txnRunnerFact is the fact of a function that runs its parameter number
// Param, a callback, in a transaction.
type txnRunnerFact struct{ Param int }

func (*txnRunnerFact) AFact() {}

func (f *txnRunnerFact) String() string { return fmt.Sprintf("transaction runner $%d", f.Param) }

// param returns the index of the callback that fn runs in a transaction.
func (r *txnRunners) param(fn *types.Func) (int, bool) {
	if r == nil || fn == nil {
		return 0, false
	}
	if i, ok := r.lookup(fn); ok {
		return i, true
	}
	if r.sums != nil {
		if impl := r.sums.soleImplementation(fn); impl != nil && impl != fn {
			return r.lookup(impl)
		}
	}
	return 0, false
}

// lookup finds fn among the package's runners, or by its fact.
func (r *txnRunners) lookup(fn *types.Func) (int, bool) {
	fn = fn.Origin()
	if i, ok := r.local[fn]; ok {
		return i, true
	}
	var f txnRunnerFact
	if r.sums != nil && fn.Pkg() != r.sums.c.pass.Pkg && r.sums.c.pass.ImportObjectFact(fn, &f) {
		return f.Param, true
	}
	return 0, false
}

// findTxnRunners finds the txnRunners of the package: a function with a
// parameter of function type that it calls, with a context first, in a
// transaction (a WithTransaction callback, or between StartTransaction
// and CommitTransaction) with the session's context, or that hands it on
// to a runner. It exports their facts.
func (c *checker) findTxnRunners(in *inspector.Inspector) *txnRunners {
	info := c.pass.TypesInfo
	runners := &txnRunners{local: make(map[*types.Func]int), sums: c.sums}
	for cur := range in.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		if !ok || len(call.Args) == 0 {
			continue
		}
		p, ok := info.Uses[id].(*types.Var)
		if !ok || !isContextType(info.TypeOf(call.Args[0])) {
			continue
		}
		fd, ok := enclosingDecl(cur)
		if !ok {
			continue
		}
		fn, ok := info.Defs[fd.Name].(*types.Func)
		if !ok {
			continue
		}
		i := slices.IndexFunc(paramVars(fn.Signature()), func(v *types.Var) bool { return v == p })
		if i < 0 {
			continue
		}
		if _, ok := c.transactionStart(cur, call.Args[0]); !ok {
			continue
		}
		runners.local[fn] = i
	}
	// A function that hands its callback parameter on to a runner, or to
	// Session.WithTransaction, as its callback, is a runner too.
	for changed := true; changed; {
		changed = false
		for cur := range in.Root().Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			g := calleeFunc(info, call)
			if g == nil {
				continue
			}
			j, isRunner := runners.param(g)
			if withTxn, ok := isSessionCall(info, call); !isRunner && ok && withTxn {
				j, isRunner = 1, true // sess.WithTransaction(ctx, fn): the driver's own runner
			}
			if !isRunner || j >= len(call.Args) {
				continue
			}
			id, ok := ast.Unparen(call.Args[j]).(*ast.Ident)
			fd, ok2 := enclosingDecl(cur)
			if !ok || !ok2 {
				continue
			}
			fn, ok := info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			if _, done := runners.local[fn]; done {
				continue
			}
			p, _ := info.Uses[id].(*types.Var)
			if i := slices.Index(paramVars(fn.Signature()), p); p != nil && i >= 0 {
				runners.local[fn] = i
				changed = true
			}
		}
	}
	for fn, i := range runners.local {
		if fn.Exported() || fn.Signature().Recv() != nil {
			c.pass.ExportObjectFact(fn, &txnRunnerFact{Param: i})
		}
	}
	return runners
}

// passesFunc reports whether one of call's arguments is a function.
func passesFunc(info *types.Info, call *ast.CallExpr) bool {
	for _, a := range call.Args {
		if _, ok := types.Unalias(info.TypeOf(a)).(*types.Signature); ok {
			return true
		}
	}
	return false
}

// paramVars returns the parameters of sig.
func paramVars(sig *types.Signature) []*types.Var {
	vars := make([]*types.Var, sig.Params().Len())
	for i := range vars {
		vars[i] = sig.Params().At(i)
	}
	return vars
}

// enclosingDecl returns the function declaration that holds cur.
func enclosingDecl(cur inspector.Cursor) (*ast.FuncDecl, bool) {
	for c := cur.Parent(); c.Valid(); c = c.Parent() {
		if fd, ok := c.Node().(*ast.FuncDecl); ok {
			return fd, true
		}
	}
	return nil, false
}

// findTxnHelpers finds the functions of the package that a session
// callback of a transaction calls with the callback's session context.
func (c *checker) findTxnHelpers(in *inspector.Inspector) map[*types.Func]bool {
	info := c.pass.TypesInfo
	withTxn := false
	imported := &txnRunners{sums: c.sums}
	for cur := range in.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		switch calledName(call) {
		case "WithTransaction", "StartTransaction":
			withTxn = true
		default:
			// Looking up the type of every argument is the costliest part
			// of this walk: done only when a runner fact was imported.
			if c.sums.importedRunners && passesFunc(info, call) {
				_, withTxn = imported.param(calleeFunc(info, call))
			}
		}
		if withTxn {
			break
		}
	}
	if !withTxn {
		c.sums.noTxn = true
		return nil // most packages: no type looked up
	}
	c.sums.txnRunners = c.findTxnRunners(in)
	var helpers map[*types.Func]bool
	for cur := range in.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if len(call.Args) == 0 || !isContextType(info.TypeOf(call.Args[0])) {
			continue
		}
		// In a WithTransaction callback, or between StartTransaction and
		// CommitTransaction, with the session's context.
		if _, ok := c.transactionStart(cur, call.Args[0]); !ok {
			continue
		}
		if fn := calleeFunc(info, call); fn != nil && fn.Pkg() == c.pass.Pkg {
			if helpers == nil {
				helpers = make(map[*types.Func]bool)
			}
			helpers[fn.Origin()] = true
		}
	}
	if helpers == nil {
		return nil
	}
	// A helper that passes its context parameter on to another function
	// of the package makes that one a helper too.
	for changed := true; changed; {
		changed = false
		for cur := range in.Root().Preorder((*ast.FuncDecl)(nil)) {
			decl := cur.Node().(*ast.FuncDecl)
			fn, ok := info.Defs[decl.Name].(*types.Func)
			if !ok || !helpers[fn] || decl.Body == nil {
				continue
			}
			for cc := range cur.Preorder((*ast.CallExpr)(nil)) {
				call := cc.Node().(*ast.CallExpr)
				if len(call.Args) == 0 || !isParamOf(info, call.Args[0], fn) {
					continue
				}
				if g := calleeFunc(info, call); g != nil && g.Pkg() == c.pass.Pkg && !helpers[g.Origin()] {
					helpers[g.Origin()] = true
					changed = true
				}
			}
		}
	}
	return helpers
}

// isParamOf reports whether e is a parameter of fn.
func isParamOf(info *types.Info, e ast.Expr, fn *types.Func) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	params := fn.Signature().Params()
	for i := range params.Len() {
		if params.At(i) == v {
			return true
		}
	}
	return false
}

// isContextType reports whether t is context.Context or a driver session
// context.
func isContextType(t types.Type) bool {
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return false
	}
	if n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context" {
		return true
	}
	return isSessionContextType(t)
}

// transactionStart returns where the transaction that the driver call at
// cur, given the context ctx (nil when a wrapper hides it), runs in
// begins, if it runs in one.
func (c *checker) transactionStart(cur inspector.Cursor, ctx ast.Expr) (token.Pos, bool) {
	if c.sums.noTxn {
		return token.NoPos, false // the package begins no transaction
	}
	info := c.pass.TypesInfo
	callbacks := sessionCallbacks(info, cur, c.sums.txnRunners)
	if ctx != nil && clearlyNotSessionContext(info, ctx, callbacks) {
		return token.NoPos, false
	}
	if start, ok := withTransactionStart(callbacks); ok {
		return start, true
	}
	return c.startCommitStart(cur, ctx)
}

// A sessionCallback is a func literal that the driver calls with a session
// context before the call that takes it returns.
type sessionCallback struct {
	lit     inspector.Cursor
	withTxn bool // the callback of Session.WithTransaction
}

// sessionCallbacks returns the session callbacks that hold cur, innermost
// first, up to the first function that is not one.
func sessionCallbacks(info *types.Info, cur inspector.Cursor, runners *txnRunners) []sessionCallback {
	var cbs []sessionCallback
	for f := enclosingFunc(cur); f.Valid(); f = enclosingFunc(f.Parent()) {
		withTxn, ok := isSessionCallback(info, f, runners)
		if !ok {
			break
		}
		cbs = append(cbs, sessionCallback{f, withTxn})
	}
	return cbs
}

// isSessionCallback reports whether the function at f is a func literal
// passed to Session.WithTransaction (withTxn), Client.UseSession,
// Client.UseSessionWithOptions, mongo.WithSession or one of runners (a
// transaction, withTxn).
func isSessionCallback(info *types.Info, f inspector.Cursor, runners *txnRunners) (withTxn, ok bool) {
	if _, isLit := f.Node().(*ast.FuncLit); !isLit {
		return false, false
	}
	var (
		call *ast.CallExpr
		arg  int
	)
	if f.ParentEdgeKind() == edge.CallExpr_Args {
		call, arg = f.Parent().Node().(*ast.CallExpr), f.ParentEdgeIndex()
	} else if call, arg, ok = storedCallbackCall(info, f); !ok {
		return false, false
	}
	if i, isRunner := runners.param(calleeFunc(info, call)); isRunner && i == arg {
		return true, true
	}
	return isSessionCall(info, call)
}

// isSessionCall reports whether call runs its function argument in a
// session: Session.WithTransaction (withTxn), Client.UseSession,
// Client.UseSessionWithOptions or mongo.WithSession.
func isSessionCall(info *types.Info, call *ast.CallExpr) (withTxn, ok bool) {
	switch calledName(call) {
	case "WithTransaction", "UseSession", "UseSessionWithOptions", "WithSession":
	default:
		return false, false
	}
	fn := calleeFunc(info, call)
	if fn == nil {
		return false, false
	}
	if recv, isMethod := methodOf(fn); isMethod {
		switch {
		case recv.Name() == "Session" && fn.Name() == "WithTransaction":
			return true, true
		case recv.Name() == "Client" && (fn.Name() == "UseSession" || fn.Name() == "UseSessionWithOptions"):
			return false, true
		}
		return false, false
	}
	return false, isMongoPkg(fn.Pkg()) && fn.Name() == "WithSession"
}

// storedCallbackCall matches a func literal stored in a local variable
// (cb := func(...) {...}) that is never assigned again and is used once
// only, as an argument of a call, which it returns with the argument's
// index.
func storedCallbackCall(info *types.Info, f inspector.Cursor) (*ast.CallExpr, int, bool) {
	var v *types.Var
	switch f.ParentEdgeKind() {
	case edge.AssignStmt_Rhs:
		as := f.Parent().Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			if id, ok := as.Lhs[f.ParentEdgeIndex()].(*ast.Ident); ok {
				v, _ = info.Defs[id].(*types.Var)
			}
		}
	case edge.ValueSpec_Values:
		vs := f.Parent().Node().(*ast.ValueSpec)
		if len(vs.Names) == len(vs.Values) {
			v, _ = info.Defs[vs.Names[f.ParentEdgeIndex()]].(*types.Var)
		}
	}
	scope := enclosingFunc(f.Parent())
	if v == nil || !scope.Valid() {
		return nil, 0, false
	}
	var call *ast.CallExpr
	arg := 0
	for c := range scope.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		if id.Name != v.Name() || info.Uses[id] != v {
			continue
		}
		if call != nil || c.ParentEdgeKind() != edge.CallExpr_Args {
			return nil, 0, false
		}
		call, arg = c.Parent().Node().(*ast.CallExpr), c.ParentEdgeIndex()
	}
	return call, arg, call != nil
}

// withTransactionStart returns where the innermost WithTransaction
// callback among cbs begins.
func withTransactionStart(cbs []sessionCallback) (token.Pos, bool) {
	for _, cb := range cbs {
		if cb.withTxn {
			return cb.lit.Node().Pos(), true
		}
	}
	return token.NoPos, false
}

// clearlyNotSessionContext reports whether the context argument of a
// write certainly does not carry the session of the callbacks that hold
// it: context.Background(), context.TODO(), a variable declared outside
// the innermost callback that is not a session context itself, or a field
// of one (s.ctx).
func clearlyNotSessionContext(info *types.Info, ctx ast.Expr, cbs []sessionCallback) bool {
	ctx = ast.Unparen(ctx)
	if call, ok := ctx.(*ast.CallExpr); ok {
		fn := calleeFunc(info, call)
		return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "context" &&
			(fn.Name() == "Background" || fn.Name() == "TODO")
	}
	if len(cbs) == 0 {
		return false
	}
	lit := cbs[0].lit.Node()
	if sel, ok := ctx.(*ast.SelectorExpr); ok {
		// A field (s.ctx) of a value made outside the callback holds a
		// context of its own, not the callback's session.
		root, ok := rootIdent(sel.X)
		if !ok {
			return false
		}
		v, ok := info.Uses[root].(*types.Var)
		return ok && (v.Pos() < lit.Pos() || v.Pos() >= lit.End()) && info.Selections[sel] != nil &&
			info.Selections[sel].Kind() == types.FieldVal
	}
	id, ok := ctx.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	if lit.Pos() <= v.Pos() && v.Pos() < lit.End() {
		return false // declared in the callback: derived from its context
	}
	return !isSessionContextVar(info, v, cbs)
}

// isSessionContextVar reports whether v holds a session context: it has
// v1's mongo.SessionContext type, or it is a parameter of a session
// callback.
func isSessionContextVar(info *types.Info, v *types.Var, cbs []sessionCallback) bool {
	if isSessionContextType(v.Type()) {
		return true
	}
	for _, cb := range cbs {
		for _, field := range cb.lit.Node().(*ast.FuncLit).Type.Params.List {
			for _, name := range field.Names {
				if info.Defs[name] == v {
					return true
				}
			}
		}
	}
	return false
}

// startCommitStart returns where the StartTransaction call that the call at
// cur follows begins, when the call lies between StartTransaction and
// CommitTransaction on the same session variable, all three in the same
// function, and its context ctx is not the parent of the session context.
func (c *checker) startCommitStart(cur inspector.Cursor, ctx ast.Expr) (token.Pos, bool) {
	info := c.pass.TypesInfo
	scope := txnScope(info, cur)
	if !scope.Valid() {
		return token.NoPos, false
	}
	events := c.txnEvents(scope) // found once per function
	if len(events) == 0 || ctx != nil && isSessionContextParent(info, ctx, scope) {
		return token.NoPos, false
	}
	pos, end := cur.Node().Pos(), cur.Node().End()
	for _, evs := range events {
		start, open := token.NoPos, false
		for _, e := range evs {
			switch {
			case e.pos < pos:
				open = !e.commit
				if open {
					start = e.pos
				}
			case e.pos >= end && e.commit && open:
				return start, true
			}
		}
	}
	return token.NoPos, false
}

// A txnEvent is a StartTransaction or CommitTransaction call.
type txnEvent struct {
	pos    token.Pos
	commit bool
}

// txnEvents returns the StartTransaction and CommitTransaction calls of
// the function at scope, by session variable, in source order. They are
// found once per function, not once per write.
func (c *checker) txnEvents(scope inspector.Cursor) map[*types.Var][]txnEvent {
	if evs, ok := c.txns[scope.Node()]; ok {
		return evs
	}
	info := c.pass.TypesInfo
	events := make(map[*types.Var][]txnEvent)
	for cc := range scope.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if n := calledName(call); n != "StartTransaction" && n != "CommitTransaction" {
			continue
		}
		name, sess, ok := sessionMethodCall(info, call)
		if !ok || txnScope(info, cc) != scope {
			continue
		}
		events[sess] = append(events[sess], txnEvent{cc.Node().Pos(), name == "CommitTransaction"})
	}
	c.txns[scope.Node()] = events
	return events
}

// txnScope returns the innermost function that holds cur, looking through
// session callbacks, or an invalid cursor.
func txnScope(info *types.Info, cur inspector.Cursor) inspector.Cursor {
	for f := enclosingFunc(cur); f.Valid(); f = enclosingFunc(f.Parent()) {
		if _, ok := isSessionCallback(info, f, nil); !ok {
			return f
		}
	}
	return inspector.Cursor{}
}

// sessionMethodCall matches sess.Method(...) where sess is a variable of
// the driver's Session type (v1's interface, v2's *Session, or v1's
// SessionContext, which embeds Session).
func sessionMethodCall(info *types.Info, call *ast.CallExpr) (string, *types.Var, bool) {
	fn := calleeFunc(info, call)
	recv, ok := methodOf(fn)
	if !ok || recv.Name() != "Session" {
		return "", nil, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", nil, false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return "", nil, false
	}
	v, ok := info.Uses[id].(*types.Var)
	return fn.Name(), v, ok
}

// isSessionContextParent reports whether ctx is a variable that scope
// passes as the parent to mongo.NewSessionContext, without assigning the
// result back to it: the session context is the result, not ctx.
func isSessionContextParent(info *types.Info, ctx ast.Expr, scope inspector.Cursor) bool {
	id, ok := ast.Unparen(ctx).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	for cc := range scope.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if calledName(call) != "NewSessionContext" {
			continue
		}
		fn := calleeFunc(info, call)
		if fn == nil || !isMongoPkg(fn.Pkg()) || len(call.Args) == 0 {
			continue
		}
		if parent, ok := ast.Unparen(call.Args[0]).(*ast.Ident); !ok || info.Uses[parent] != v {
			continue
		}
		if cc.ParentEdgeKind() == edge.AssignStmt_Rhs {
			as := cc.Parent().Node().(*ast.AssignStmt)
			if i := cc.ParentEdgeIndex(); len(as.Lhs) == len(as.Rhs) {
				if lhs, ok := as.Lhs[i].(*ast.Ident); ok && info.ObjectOf(lhs) == v {
					continue // ctx = mongo.NewSessionContext(ctx, sess)
				}
			}
		}
		return true
	}
	return false
}

// readBefore reports whether the transaction that begins at start and
// holds w uses, before w, a document that a driver Decode filled before
// start and not again since: that read is not part of the transaction.
func (c *checker) readBefore(w *write, start token.Pos) bool {
	return c.decodedBeforeUsedIn(w, w.node().Pos(), start, w.node().End())
}

// decodedBeforeUsedIn reports whether a variable of w's function whose
// last Decode before at came before start is used between start and end.
func (c *checker) decodedBeforeUsedIn(w *write, at, start, end token.Pos) bool {
	ev := c.evaluatorAt(w.cur)
	if ev.reads == nil {
		return false
	}
	// The variables whose last Decode before at came before start.
	latest := make(map[*types.Var]token.Pos)
	for _, d := range ev.reads.decodes {
		if d.call.Pos() < at {
			latest[d.v] = d.call.Pos()
		}
	}
	for v, p := range latest {
		if p >= start {
			continue
		}
		for _, u := range c.usesOf(ev.fn, v) {
			if pos := u.Node().Pos(); start <= pos && pos < end {
				return true
			}
		}
	}
	return false
}
