package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Rule unchecked-result ("Write Atomicity in MongoDB", claimTask): a conditional update is a
// compare-and-swap, and only its outcome says whether this caller won.
// UpdateOne and friends report a lost race as MatchedCount == 0 with a nil
// error; FindOneAndUpdate reports it as mongo.ErrNoDocuments from Err or
// Decode. Code that never looks carries on as if it had won.

// Fields of *mongo.UpdateResult that tell whether the write happened.
var outcomeFields = map[string]bool{"MatchedCount": true, "ModifiedCount": true, "UpsertedCount": true}

// An unchecked is a result that is never looked at.
type unchecked struct {
	how string // what happens to the result, for the message
	// bound is the statement that binds the result (an assignment or a
	// declaration), when there is one.
	bound ast.Node
	// expr is the expression whose error is dropped for a SingleResult:
	// the write call itself or the Err/Decode call on it.
	expr *ast.CallExpr
}

var uncheckedRule = &rule{
	name:       RuleUncheckedResult,
	summary:    "a conditional update (compare-and-swap) whose outcome is never read",
	fix:        "bind the result and, when nothing matched, return false, nil or the package's own error, else a new one",
	inspects:   guardedWrite,
	precedence: 2,
	write: func(c *checker, wc *writeCheck) bool {
		if !membershipOnly(wc) {
			c.checkResult(wc.w, wc.guards)
		}
		return true // a guarded write is no other rule's once it has a guard
	},
}

// membershipOnly reports whether the update only adds or removes array
// elements, and every guard of wc is a test of those elements: a $pull of
// the element the filter finds ({items.id: x} with {$pull: {items: {id:
// x}}}), a $push or $addToSet of one it finds missing ({members: {$ne:
// u}} with {$push: {members: u}}). When such an update matches nothing,
// another writer made the same change first, and the document ends as
// this one wanted: no outcome is lost. A test of the array's size
// ($size) or of one of its values is not one, nor is an update that also
// sets a field.
func membershipOnly(wc *writeCheck) bool {
	if wc.uf.changesValues || !wc.uf.complete || len(wc.guards) == 0 {
		return false
	}
	for _, g := range wc.guards {
		for _, m := range wc.uf.modified {
			if !overlaps(g, m) {
				continue
			}
			element := strings.HasPrefix(dropPositional(g), dropPositional(m)+".")
			if !element && (g != m || !slices.Contains(wc.ff.ranged, g)) {
				return false
			}
		}
	}
	return true
}

// checkResult reports a conditional write whose outcome is never read.
func (c *checker) checkResult(w *write, guards []string) {
	u := c.uncheckedOf(w)
	if u == nil {
		return
	}
	if call, ok := w.node().(*ast.CallExpr); ok && w.wrapper == "" && c.deadCheckFixed(call, w.cur) {
		return // see deadCheckFixed
	}
	d := analysis.Diagnostic{
		Pos:     w.node().Pos(),
		End:     w.node().End(),
		Message: uncheckedMessage(w, guards, u),
		Related: c.guardRelated(w, guards),
	}
	// No fix for a wrapper's call, whose result the fix would not reach;
	// asked anyway, the fix would reserve names that later fixes need.
	if w.wrapper == "" {
		if fix, ok := c.checkResultFix(w, u); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	c.report(RuleUncheckedResult, d)
}

// guardRelated points at the filter's conditions on the guards, where
// they are written in a literal the write holds.
func (c *checker) guardRelated(w *write, guards []string) []analysis.RelatedInformation {
	if w.byID() || w.wrapper != "" {
		return nil
	}
	d := c.evaluatorAt(w.cur).doc(w.filter)
	var rel []analysis.RelatedInformation
	for _, g := range guards {
		if en := d.lookup(g); en != nil && en.node != nil {
			rel = append(rel, analysis.RelatedInformation{Pos: en.node.Pos(), End: en.node.End(),
				Message: fmt.Sprintf("the filter's condition on %q makes the update conditional", g)})
		}
	}
	return rel
}

// uncheckedOf returns how the outcome of w goes unread, or nil.
//
// UpdateMany is a batch ("expire what is due"), not a compare-and-swap of
// one document: that it matched nothing is a normal outcome. A guarded
// upsert that loses the race fails with a duplicate-key error instead of
// matching nothing, so checking its error is enough.
func (c *checker) uncheckedOf(w *write) *unchecked {
	switch {
	case w.name == "UpdateMany":
		return nil
	case w.wrapper == "" && w.result == updateResult && c.upserts(w) && c.errorLooked(w.cur, 1):
		return nil
	case w.dropped && w.droppedHow != "":
		return &unchecked{how: w.droppedHow}
	case w.dropped:
		return &unchecked{how: w.wrapper + " discards the result of " + w.name}
	case w.resultIndex < 0:
		return nil // a wrapper looks at the result itself
	case w.result == updateResult:
		return c.uncheckedUpdateResult(w.cur, w.resultIndex)
	case w.result == singleResult:
		return c.uncheckedSingleResult(w.cur, w.resultIndex)
	}
	return nil
}

func uncheckedMessage(w *write, guards []string, u *unchecked) string {
	if w.result == singleResult {
		return fmt.Sprintf("%s is conditional on %s but %s: when another writer got there first, "+
			"the error is mongo.ErrNoDocuments and this code carries on as if it had won; check the error",
			w.label(), quoteList(guards), u.how)
	}
	return fmt.Sprintf("%s is conditional on %s but %s: when another writer got there first, "+
		"MatchedCount is 0 with a nil error and this code carries on as if it had won; check MatchedCount or ModifiedCount",
		w.label(), quoteList(guards), u.how)
}

// uncheckedUpdateResult looks at what happens to the *UpdateResult that
// the call at cur returns as its result number index. A result that
// escapes (returned, passed on, stored) counts as looked at.
func (c *checker) uncheckedUpdateResult(cur inspector.Cursor, index int) *unchecked {
	lhs, bound, ok := resultTarget(cur, index)
	switch {
	case !ok:
		return nil
	case bound == nil:
		return &unchecked{how: "its result is discarded"}
	case isBlank(lhs):
		return &unchecked{how: "its result is discarded", bound: bound}
	}
	id, uses, ok := c.boundUses(cur, lhs)
	if !ok {
		return nil // stored in a field or an element: it escapes
	}
	for _, u := range uses {
		if notALook(u) {
			continue
		}
		if u.ParentEdgeKind() != edge.SelectorExpr_X {
			return nil // passed on, returned, compared: it escapes
		}
		if outcomeFields[u.Parent().Node().(*ast.SelectorExpr).Sel.Name] {
			return nil
		}
	}
	return &unchecked{how: fmt.Sprintf("%s.MatchedCount and %s.ModifiedCount are never read", id.Name, id.Name), bound: bound}
}

// notALook reports whether the use of a result at u tells nothing of the
// outcome: assigned to the blank identifier (_ = res), or compared with nil
// (res != nil holds for every outcome without an error).
func notALook(u inspector.Cursor) bool {
	switch p := u.Parent().Node().(type) {
	case *ast.AssignStmt:
		if u.ParentEdgeKind() != edge.AssignStmt_Rhs || len(p.Lhs) != len(p.Rhs) {
			return false
		}
		_, i := u.ParentEdge()
		return isBlank(p.Lhs[i])
	case *ast.BinaryExpr:
		other := p.X
		if u.ParentEdgeKind() == edge.BinaryExpr_X {
			other = p.Y
		}
		id, ok := ast.Unparen(other).(*ast.Ident)
		return (p.Op == token.EQL || p.Op == token.NEQ) && ok && id.Name == "nil"
	}
	return false
}

// boundUses returns the variable that lhs names and the uses of it in the
// function that holds cur. ok is false when lhs is not a variable.
func (c *checker) boundUses(cur inspector.Cursor, lhs ast.Expr) (*ast.Ident, []inspector.Cursor, bool) {
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return nil, nil, false
	}
	v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	fn := outermostFunc(cur)
	if !ok || !fn.Valid() {
		return nil, nil, false
	}
	return id, c.usesOf(fn, v), true
}

// usesOf returns the uses of v in the outermost function fn, in source
// order: from fn's index when v is one of its locals, else by walking fn.
func (c *checker) usesOf(fn inspector.Cursor, v *types.Var) []inspector.Cursor {
	if uses, ok := c.evaluatorAt(fn).flow.Uses(v); ok {
		return uses
	}
	var uses []inspector.Cursor
	for u := range fn.Preorder((*ast.Ident)(nil)) {
		if id := u.Node().(*ast.Ident); id.Name == v.Name() && c.pass.TypesInfo.Uses[id] == v {
			uses = append(uses, u)
		}
	}
	return uses
}

// uncheckedSingleResult looks at what happens to the *SingleResult that
// the call at cur returns as its result number index, and to the error of
// Err, Decode or Raw called on it.
func (c *checker) uncheckedSingleResult(cur inspector.Cursor, index int) *unchecked {
	// FindOneAndUpdate(...).Decode(&v): follow the error of Decode.
	if call, ok := resultMethodCall(cur); ok && index == 0 {
		return c.uncheckedError(cur.Parent().Parent(), call)
	}
	lhs, bound, ok := resultTarget(cur, index)
	switch {
	case !ok:
		return nil
	case bound == nil || isBlank(lhs):
		return &unchecked{how: "its result is dropped", bound: bound, expr: cur.Node().(*ast.CallExpr)}
	}
	id, uses, ok := c.boundUses(cur, lhs)
	if !ok {
		return nil
	}
	// sr := coll.FindOneAndUpdate(...); look at every use of sr.
	for _, u := range uses {
		call, ok := resultMethodCall(u)
		if !ok {
			return nil // passed on, returned: it escapes
		}
		if c.uncheckedError(u.Parent().Parent(), call) == nil {
			return nil
		}
	}
	return &unchecked{how: fmt.Sprintf("the error of %s is never checked", id.Name)}
}

// resultMethodCall matches cur as the receiver of a call of Err, Decode or
// Raw, and returns that call.
func resultMethodCall(cur inspector.Cursor) (*ast.CallExpr, bool) {
	if cur.ParentEdgeKind() != edge.SelectorExpr_X || cur.Parent().ParentEdgeKind() != edge.CallExpr_Fun {
		return nil, false
	}
	switch cur.Parent().Node().(*ast.SelectorExpr).Sel.Name {
	case "Err", "Decode", "Raw":
		return cur.Parent().Parent().Node().(*ast.CallExpr), true
	}
	return nil, false
}

// uncheckedError looks at what happens to the error of call (at cur):
// Err and Decode return only an error, Raw returns it second.
func (c *checker) uncheckedError(cur inspector.Cursor, call *ast.CallExpr) *unchecked {
	errIndex := 0
	if calledName(call) == "Raw" {
		errIndex = 1
	}
	lhs, bound, ok := resultTarget(cur, errIndex)
	switch {
	case !ok:
		return nil // compared, returned, passed on
	case bound == nil || isBlank(lhs):
		return &unchecked{how: "the error of " + calledName(call) + " is dropped", bound: bound, expr: call}
	}
	if c.errorUsed(cur, lhs, bound) {
		return nil
	}
	return &unchecked{how: "the error of " + calledName(call) + " is never checked", bound: bound, expr: call}
}

// errorLooked reports whether the error that the call at cur returns as
// its result number index is looked at: compared, returned or passed on,
// or bound to a variable used after the call.
func (c *checker) errorLooked(cur inspector.Cursor, index int) bool {
	lhs, bound, ok := resultTarget(cur, index)
	switch {
	case !ok:
		return true
	case bound == nil || isBlank(lhs):
		return false
	}
	return c.errorUsed(cur, lhs, bound)
}

// errorUsed reports whether the error variable lhs, bound at bound, is
// used after it.
func (c *checker) errorUsed(cur inspector.Cursor, lhs ast.Expr, bound ast.Node) bool {
	_, uses, ok := c.boundUses(cur, lhs)
	if !ok {
		return true
	}
	for _, u := range uses {
		if u.Node().Pos() > bound.End() {
			return true
		}
	}
	return false
}

// resultTarget finds where the value number index of the call at cur goes.
// It returns ok=false when the value escapes into an expression; a nil
// bound when the call is an expression statement; otherwise the
// assignment or declaration and its left-hand side for that value.
func resultTarget(cur inspector.Cursor, index int) (lhs ast.Expr, bound ast.Node, ok bool) {
	switch cur.ParentEdgeKind() {
	case edge.ExprStmt_X:
		return nil, nil, true
	case edge.AssignStmt_Rhs:
		as := cur.Parent().Node().(*ast.AssignStmt)
		if len(as.Rhs) != 1 || index >= len(as.Lhs) {
			return nil, nil, false
		}
		return as.Lhs[index], as, true
	case edge.ValueSpec_Values:
		vs := cur.Parent().Node().(*ast.ValueSpec)
		if len(vs.Values) != 1 || index >= len(vs.Names) {
			return nil, nil, false
		}
		return vs.Names[index], vs, true
	}
	return nil, nil, false
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

// enclosingFunc returns the innermost function declaration or literal
// that holds cur, cur included, or an invalid cursor.
func enclosingFunc(cur inspector.Cursor) inspector.Cursor {
	for c := cur; c.Node() != nil; c = c.Parent() {
		switch c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return c
		}
	}
	return inspector.Cursor{}
}

// outermostFunc returns the outermost function declaration or literal
// that holds cur.
func outermostFunc(cur inspector.Cursor) inspector.Cursor {
	var fn inspector.Cursor
	for c := cur; c.Node() != nil; c = c.Parent() {
		switch c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			fn = c
		}
	}
	return fn
}
