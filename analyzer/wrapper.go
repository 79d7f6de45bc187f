package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// This file summarizes wrappers: functions that pass their parameters on as
// the filter or the update of one driver write, such as a repository's
// Update(ctx, filter, update). Inside the wrapper the documents are
// unknown and the rules are silent; at each call of the wrapper they are
// the caller's arguments, so the call is checked there, like the driver
// call it wraps. The summary is an object fact, so this works across
// packages.

// wrapperFact is the fact of a wrapper function.
type wrapperFact struct {
	Method  string        // the driver method, for messages
	Filter  *summaryValue // nil when the write is by _id (UpdateByID)
	Update  *summaryValue
	Replace bool
	Result  resultKind // what the driver call returns
	// Returned is the index of the wrapper's result that is the driver's
	// result, or -1 when that result does not reach the caller.
	Returned int
	// Dropped: the wrapper discards the driver's result, so no caller can
	// tell whether a conditional write happened.
	Dropped bool
	// Changes: the wrapper adds keys to a document its caller passed.
	Changes bool
	// LookedIf is 1 + the index of a bool parameter that gates every
	// look at the result inside the wrapper (if mustMatch && res.MatchedCount
	// == 0), 0 for none: a call that passes false drops the result.
	LookedIf int
}

func (*wrapperFact) AFact() {}

func (f *wrapperFact) String() string {
	s := "wrapper " + f.Method + " filter " + f.Filter.String() + " update " + f.Update.String()
	switch {
	case f.Dropped:
		s += " result dropped"
	case f.Returned >= 0:
		s += " result returned"
	}
	if f.Changes {
		s += " changes its parameters"
	}
	if f.LookedIf > 0 {
		s += fmt.Sprintf(" result read if $%d", f.LookedIf-1)
	}
	return s
}

// wrapper returns the wrapper summary of fn, or nil when fn is not one.
func (s *summaries) wrapper(fn *types.Func) *wrapperFact {
	return summaryOf(s, s.wrappers, fn, s.summarizeWrapper)
}

// summarizeWrapper summarizes fn, declared at cur, if it holds exactly one
// write, and that write takes a whole parameter of fn as its filter or its
// update, or as the fields of an update operator ({$set: fields}) under a
// filter that may guard them.
func (s *summaries) summarizeWrapper(fn *types.Func, cur inspector.Cursor) *wrapperFact {
	params := paramIndices(fn.Signature())
	if len(params) == 0 {
		return nil
	}
	var w *write
	for n := range cur.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		found := s.c.matchWrite(n)
		if found == nil {
			continue
		}
		if w != nil || found.result == noResult {
			return nil // several writes, or a bulk-write model
		}
		w = found
	}
	if w == nil || !s.closureRunsOutsideSession(cur, w) {
		return nil
	}
	// A struct parameter whose fields the wrapper assigns before writing
	// it (u.ID = nil, then $set: u) is read as unknown: the caller's filter
	// still decides.
	fieldWrites(s.c.pass.TypesInfo, cur, params)
	if !paramsIntact(s.c.pass.TypesInfo, cur, params) {
		return nil
	}
	ev := s.c.evaluatorAt(cur)
	f := &wrapperFact{Method: w.name, Replace: w.replace, Result: w.result, Returned: -1,
		Changes: changesParams(s.c.pass.TypesInfo, cur, params)}
	if !w.byID() {
		f.Filter = ev.summarize(w.filter, params)
	}
	f.Update = ev.summarize(w.update, params)
	if w.replace && !w.byID() && onlyIDFilter(ev.filterOf(w)) {
		// A replacement under a filter of _id alone overwrites whatever
		// the caller passes: the write is checked here, once.
		return nil
	}
	if !f.Update.passedOn() && (f.Filter == nil || !f.Filter.passedOn()) && !f.Update.readsBuilder() &&
		(!f.Update.operandParam() || ev.filterOf(w).onlyID() || !ev.updateOf(w).setsUnknown) {
		// Both documents are known here, or enough of them to decide (no
		// field of an _id filter can guard, or the fields set are read from
		// the parameter's type): the write is checked here.
		return nil
	}
	if w.resultIndex != 0 || w.dropped {
		// A wrapper of a wrapper: the result goes where the inner one's goes.
		f.Dropped = w.dropped
		if w.resultIndex < 0 {
			return f
		}
	}
	f.Returned, f.Dropped = s.resultFlow(fn, w)
	if f.Returned < 0 && !f.Dropped {
		f.LookedIf = s.lookGate(fn, cur, w) + 1
	}
	return f
}

// closureRunsOutsideSession reports whether the write w of the wrapper
// declared at cur runs in the wrapper's own body, or in a func literal
// that the wrapper hands to another function (a retry or a timeout
// helper: withRetry(func() error { ... }), directly or through a variable
// used once) with a context that is clearly no session's: not one the
// literal is given, which a transaction runner or the driver may make a
// session context (see clearlyNotSessionContext). A write in any other
// closure (deferred, started, called in place) stays unsummarized.
func (s *summaries) closureRunsOutsideSession(cur inspector.Cursor, w *write) bool {
	lit := enclosingFunc(w.cur)
	if lit.Node() == cur.Node() {
		return true
	}
	if _, ok := lit.Node().(*ast.FuncLit); !ok || enclosingFunc(lit.Parent()).Node() != cur.Node() || w.ctx == nil {
		return false
	}
	info := s.c.pass.TypesInfo
	if _, _, stored := storedCallbackCall(info, lit); !stored && lit.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	return clearlyNotSessionContext(info, w.ctx, []sessionCallback{{lit: lit}})
}

// lookGate returns the index of the bool parameter of fn that gates every
// look at the result of w inside fn, or -1: each use of the result sits
// under if p (or if p && ...), or after if !p { return ... } in a block
// that holds it. Generic helpers take such a flag (mustMatch) so that a
// caller can ask for the count to be checked, or not.
func (s *summaries) lookGate(fn *types.Func, cur inspector.Cursor, w *write) int {
	info := s.c.pass.TypesInfo
	lhs, bound, ok := resultTarget(w.cur, w.resultIndex)
	if !ok || bound == nil || isBlank(lhs) {
		return -1
	}
	_, uses, ok := s.c.boundUses(w.cur, lhs)
	if !ok || len(uses) == 0 {
		return -1
	}
	sig := fn.Signature()
	gate := -1
	for _, u := range uses {
		p := gatingParam(info, u, cur.Node(), w.node().Pos())
		i := 0
		for i < sig.Params().Len() && sig.Params().At(i) != p {
			i++
		}
		if p == nil || i == sig.Params().Len() || gate >= 0 && gate != i {
			return -1
		}
		gate = i
	}
	if gate < 0 || assigned(info, cur, sig.Params().At(gate)) {
		return -1
	}
	return gate
}

// gatingParam returns the bool parameter p of the function whose body is
// in root that must be true for the use at u to run, but not for the
// write at write to run: a flag that gates the write itself (if !apply {
// return nil } before it) gates no look at its result.
func gatingParam(info *types.Info, u inspector.Cursor, root ast.Node, write token.Pos) *types.Var {
	for c := u; c.Node() != root && c.Node() != nil; c = c.Parent() {
		switch c.ParentEdgeKind() {
		case edge.IfStmt_Cond, edge.IfStmt_Body:
			ifs := c.Parent().Node().(*ast.IfStmt)
			if ifs.Pos() <= write && write < ifs.End() {
				continue // the if holds the write too
			}
			if p := boolParamIn(info, ifs.Cond, false); p != nil {
				return p
			}
		case edge.BlockStmt_List:
			// if !p { return ... } after the write, before the statement
			// that holds u.
			list := c.Parent().Node().(*ast.BlockStmt).List
			for _, st := range list[:c.ParentEdgeIndex()] {
				ifs, ok := st.(*ast.IfStmt)
				if !ok || ifs.Pos() < write || ifs.Init != nil || ifs.Else != nil || len(ifs.Body.List) == 0 {
					continue
				}
				if _, ret := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt); !ret {
					continue
				}
				if p := boolParamIn(info, ifs.Cond, true); p != nil {
					return p
				}
			}
		}
	}
	return nil
}

// boolParamIn returns the bool parameter that cond requires to be true
// (p, or p && x), or to be false when negated (!p, or !p || x).
func boolParamIn(info *types.Info, cond ast.Expr, negated bool) *types.Var {
	cond = ast.Unparen(cond)
	if b, ok := cond.(*ast.BinaryExpr); ok && (!negated && b.Op == token.LAND || negated && b.Op == token.LOR) {
		if p := boolParamIn(info, b.X, negated); p != nil {
			return p
		}
		return boolParamIn(info, b.Y, negated)
	}
	if negated {
		u, ok := cond.(*ast.UnaryExpr)
		if !ok || u.Op != token.NOT {
			return nil
		}
		cond = ast.Unparen(u.X)
	}
	id, ok := cond.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || !types.Identical(v.Type().Underlying(), types.Typ[types.Bool]) {
		return nil
	}
	return v
}

// assigned reports whether the function at cur assigns to v or takes its
// address.
func assigned(info *types.Info, cur inspector.Cursor, v *types.Var) bool {
	for c := range cur.Preorder((*ast.Ident)(nil)) {
		if info.Uses[c.Node().(*ast.Ident)] != v {
			continue
		}
		switch c.ParentEdgeKind() {
		case edge.AssignStmt_Lhs, edge.IncDecStmt_X:
			return true
		case edge.UnaryExpr_X:
			if c.Parent().Node().(*ast.UnaryExpr).Op == token.AND {
				return true
			}
		}
	}
	return false
}

// resultFlow tells where the result of the write w, inside the wrapper fn,
// goes: returned as result number i of fn, or dropped (-1, true), or
// looked at or passed on inside fn (-1, false).
func (s *summaries) resultFlow(fn *types.Func, w *write) (int, bool) {
	info := s.c.pass.TypesInfo
	call := w.cur
	results := fn.Signature().Results()
	if call.ParentEdgeKind() == edge.ReturnStmt_Results {
		if _, inClosure := enclosingFunc(call).Node().(*ast.FuncLit); inClosure {
			return -1, false // the closure's results, not fn's
		}
		ret := call.Parent().Node().(*ast.ReturnStmt)
		if len(ret.Results) == 1 && results.Len() > 0 {
			return 0, false // return coll.UpdateOne(...): the same results
		}
		return -1, false
	}
	lhs, bound, ok := resultTarget(call, w.resultIndex)
	switch {
	case !ok:
		return -1, false
	case bound == nil || isBlank(lhs):
		return -1, true
	}
	_, uses, ok := s.c.boundUses(call, lhs)
	if !ok {
		return -1, false
	}
	returned := -1
	for _, u := range uses {
		if u.ParentEdgeKind() != edge.ReturnStmt_Results {
			return -1, false // looked at, or passed on
		}
		i := u.ParentEdgeIndex()
		if returned >= 0 && returned != i {
			return -1, false
		}
		returned = i
	}
	if returned < 0 {
		return -1, true // bound, never used
	}
	if v := info.ObjectOf(lhs.(*ast.Ident)); v != nil && !types.Identical(v.Type(), results.At(returned).Type()) {
		return -1, false
	}
	return returned, false
}

// paramsIntact reports whether the function at cur changes its
// parameters only in ways the flow follows: a new value (p =
// bson.M{"$set": p}) or a key added (p["k"] = v). A field assigned
// (p.f = v) or the address taken make it false. A parameter given a new
// value in another way (ctx, cancel := context.WithTimeout(ctx, d),
// n += 1) is marked in params as -1: the summary reads it as unknown.
func paramsIntact(info *types.Info, cur inspector.Cursor, params map[*types.Var]int) bool {
	for n := range cur.Preorder((*ast.AssignStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.IncDecStmt)(nil)) {
		switch n := n.Node().(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				id, ok := rootIdent(lhs)
				if !ok || !isParam(info, id, params) || opaqueParam(info, id, params) || n.Tok == token.ASSIGN && wholeOrKey(lhs, id) {
					continue
				}
				if ast.Unparen(lhs) != id {
					return false
				}
				params[info.Uses[id].(*types.Var)] = -1
			}
		case *ast.IncDecStmt:
			if id, ok := rootIdent(n.X); ok && isParam(info, id, params) && !opaqueParam(info, id, params) {
				if ast.Unparen(n.X) != id {
					return false
				}
				params[info.Uses[id].(*types.Var)] = -1
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op.String() == "&" && isParam(info, id, params) {
				return false
			}
		}
	}
	return true
}

// matchWrapperCall matches a call of a wrapper, as a write checked at the
// caller.
func (c *checker) matchWrapperCall(cur inspector.Cursor, call *ast.CallExpr) *write {
	if c.sums.noWrappers {
		return nil
	}
	fn := calleeFunc(c.pass.TypesInfo, call)
	if fn == nil {
		return nil
	}
	f := c.sums.wrapper(fn)
	if f == nil {
		if fn = c.sums.soleImplementation(fn); fn == nil {
			return nil
		}
		if f = c.sums.wrapper(fn); f == nil {
			return nil
		}
	}
	if call.Ellipsis.IsValid() && max(f.Filter.maxParam(), f.Update.maxParam()) >= len(call.Args)-1 {
		return nil // a document in the slice passed on: options, not documents
	}
	w := &write{
		cur:         cur,
		name:        f.Method,
		wrapper:     wrapperName(c.pass.Pkg, fn),
		update:      instantiate(f.Update, call.Args, call),
		replace:     f.Replace,
		result:      f.Result,
		resultIndex: f.Returned,
		dropped:     f.Dropped,
	}
	if f.LookedIf > 0 && f.LookedIf <= len(call.Args) && !call.Ellipsis.IsValid() {
		if b, ok := constBool(c.pass.TypesInfo, call.Args[f.LookedIf-1]); ok && !b {
			// The wrapper reads the result only when told to, and this
			// call tells it not to.
			w.dropped = true
			w.droppedHow = fmt.Sprintf("%s reads the result of %s only when its parameter %s is true, and this call passes false",
				w.wrapper, f.Method, fn.Signature().Params().At(f.LookedIf-1).Name())
		}
	}
	if f.Filter != nil {
		w.filter = instantiate(f.Filter, call.Args, call)
	}
	return w
}

// wrapperName names fn for messages: Save, store.Save, Repo.Save.
func wrapperName(from *types.Package, fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		if n := namedOf(recv.Type()); n != nil {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil && fn.Pkg() != from {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// operandParam reports whether v is an update with a parameter as the
// whole value of an operator: {$set: fields}, or a pipeline with such a
// stage ([{$set: fields}]).
func (v *summaryValue) operandParam() bool {
	if v == nil {
		return false
	}
	switch v.Kind {
	case arrayValue:
		return slices.ContainsFunc(v.Elems, (*summaryValue).operandParam)
	case docValue:
		for _, e := range v.Entries {
			if strings.HasPrefix(e.Key, "$") && e.Value.Kind == paramValue {
				return true
			}
		}
	}
	return false
}

// readsBuilder reports whether the document v is a document field of a
// builder parameter (f.filter), or has one as an operator's operand
// ({$set: u.set}), on some path: its keys are the caller's, as a
// parameter's are. A map field of a parameter written as a value ({props:
// in.Props}) brings no keys, and does not count.
func (v *summaryValue) readsBuilder() bool {
	if v == nil {
		return false
	}
	switch v.Kind {
	case paramValue:
		return v.Field != ""
	case altValue:
		for _, e := range v.Elems {
			if e.readsBuilder() {
				return true
			}
		}
	case docValue:
		for _, e := range v.Entries {
			if strings.HasPrefix(e.Key, "$") && e.Value.Kind == paramValue && e.Value.Field != "" {
				return true
			}
		}
	}
	return false
}

// passedOn reports whether v is a parameter, on one path at least: the
// caller's document is the write's.
func (v *summaryValue) passedOn() bool {
	switch v.Kind {
	case paramValue:
		return true
	case altValue:
		for _, e := range v.Elems {
			if e.Kind == paramValue {
				return true
			}
		}
	}
	return false
}

// wholeOrKey reports whether lhs is the parameter id itself, or id[k].
func wholeOrKey(lhs ast.Expr, id *ast.Ident) bool {
	lhs = ast.Unparen(lhs)
	if ix, ok := lhs.(*ast.IndexExpr); ok {
		lhs = ast.Unparen(ix.X)
	}
	return lhs == id
}

// opaqueParam reports whether id is a parameter that a summary reads as
// unknown (index -1; see fieldWrites).
func opaqueParam(info *types.Info, id *ast.Ident, params map[*types.Var]int) bool {
	v, _ := info.Uses[id].(*types.Var)
	return params[v] < 0
}

// fieldWrites marks, in params, the struct parameters whose fields the
// function at cur assigns (opt.Model.Name = n), as index -1: a summary
// reads them as unknown, since the caller's argument no longer is what
// the function holds. It reports whether one of them is a pointer, whose
// changes the caller sees.
func fieldWrites(info *types.Info, cur inspector.Cursor, params map[*types.Var]int) (throughPointer bool) {
	for n := range cur.Preorder((*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil)) {
		lhss := []ast.Expr{nil}
		if as, ok := n.Node().(*ast.AssignStmt); ok {
			lhss = as.Lhs
		} else {
			lhss[0] = n.Node().(*ast.IncDecStmt).X
		}
		for _, lhs := range lhss {
			id, ok := rootIdent(lhs)
			if !ok || !isParam(info, id, params) || wholeOrKey(lhs, id) {
				continue
			}
			if _, isSel := ast.Unparen(lhs).(*ast.SelectorExpr); !isSel && !selectsField(lhs) {
				continue
			}
			v := info.Uses[id].(*types.Var)
			if isDocumentType(v.Type()) {
				continue // a document's part: paramsIntact decides
			}
			params[v] = -1
			if _, ok := v.Type().Underlying().(*types.Pointer); ok {
				throughPointer = true
			}
		}
	}
	return throughPointer
}

// selectsField reports whether the access x.f[i].g or x.f[i] goes through
// a field.
func selectsField(e ast.Expr) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			return true
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return false
		}
	}
}

// changesParams reports whether the function at cur adds keys to a map
// its caller passed: p["k"] = v.
func changesParams(info *types.Info, cur inspector.Cursor, params map[*types.Var]int) bool {
	for n := range cur.Preorder((*ast.AssignStmt)(nil)) {
		for _, lhs := range n.Node().(*ast.AssignStmt).Lhs {
			if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok {
				if id, ok := ast.Unparen(ix.X).(*ast.Ident); ok && isParam(info, id, params) {
					return true
				}
			}
		}
	}
	return false
}

// constBool returns the value of e when it is a constant boolean.
func constBool(info *types.Info, e ast.Expr) (bool, bool) {
	v := exprConstant(info, e)
	if v == nil || v.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(v), true
}

// onlyIDFilter reports whether ff is known, and tests _id alone.
func onlyIDFilter(ff filterFields) bool {
	return ff.complete && len(ff.paths) > 0 && ff.onlyID()
}
