package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Rule check-then-act ("Atomic Operations", "Update if Current": see that an item is
// available, and if it is, deduct it). Code reads a document, tests one of
// its fields (if it.Qty > 0, or if it.Qty <= 0 { return }), and then
// changes that field with an update whose filter does not repeat the
// test. Two callers can read the same document, both pass the test, and
// both write: the item is sold twice, the counter goes below zero. The
// documented answer is to let the server test and write at once:
// {_id, qty: {$gt: 0}} with {$inc: {qty: -1}}, then look at the result.
//
// The rule takes the writes that change the tested field with an operator
// applied on the server ($inc and the like). A $set of the field is a lost
// update that unguarded-update reports, and its $inc fix carries the test
// into the filter too (see unguardedFix). A write that has a guard (a
// filter field it changes) is left alone: it only applies to the document
// as it was.

// A fieldTest is a test of a field of a document read through the driver,
// under which a later write of the same document runs.
type fieldTest struct {
	field string   // the bson key tested
	cond  heldCond // the condition as it holds at the write
	// op and value: the test as "stored field op value", with the field on
	// the left and the negation of an early exit applied, when it is a
	// plain comparison that the filter can repeat; op is ILLEGAL otherwise.
	op    token.Token
	value ast.Expr
}

var checkThenActRule = &rule{
	name:       RuleCheckThenAct,
	summary:    "an update of a field tested before, whose filter does not repeat the test",
	fix:        "add the comparison to the filter and return an error when nothing matched",
	inspects:   unguardedWrite,
	precedence: 4,
	write: func(c *checker, wc *writeCheck) bool {
		c.checkThenAct(wc.w, wc.ev, wc.ff, wc.uf)
		return false
	},
}

// checkThenAct reports a write without a guard that changes a field that
// the code tested before, on the same document, without repeating the
// test in its filter.
func (c *checker) checkThenAct(w *write, ev *evaluator, ff filterFields, uf updateFields) {
	if !ff.complete || !uf.complete || uf.setsUnknown {
		return
	}
	var atomic []string // fields changed on the server
	for _, m := range uf.modified {
		if !slices.ContainsFunc(uf.sets, func(e entry) bool { return e.key == m }) {
			atomic = append(atomic, m)
		}
	}
	tests := c.testsBefore(w, ev, ff, atomic)
	if len(tests) == 0 || c.inTransaction(w) {
		return
	}
	var fields, conds []string
	for _, t := range tests {
		fields = append(fields, t.field)
		conds = append(conds, types.ExprString(t.cond.expr))
	}
	d := analysis.Diagnostic{
		Pos: w.node().Pos(),
		End: w.node().End(),
		Message: fmt.Sprintf("%s changes %s, which this code tested before (%s), but its filter does not repeat the test: "+
			"two callers can both pass it and both write; add the condition to the filter and check the result",
			w.label(), quoteList(fields), strings.Join(slices.Compact(conds), "; ")),
	}
	for i, t := range tests {
		if i == 0 || t.cond.expr != tests[i-1].cond.expr {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: t.cond.expr.Pos(), End: t.cond.expr.End(),
				Message: fmt.Sprintf("%q is tested here, and the filter does not repeat the test", t.field)})
		}
	}
	if fix, ok := c.testFilterFix(w, ev, tests); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	c.report(RuleCheckThenAct, d)
}

// testsBefore returns the tests that the write w depends on: conditions
// that hold where w runs (see conditionsAt) and read a field among fields
// from a document decoded from a FindOne or Find on the same collection,
// whose _id w's filter matches, while the filter does not constrain that
// field. A test the analyzer cannot tie to the document is left out.
func (c *checker) testsBefore(w *write, ev *evaluator, ff filterFields, fields []string) []fieldTest {
	info := c.pass.TypesInfo
	coll, fl := collectionOf(w), ev.reads
	if coll == nil || fl == nil || len(fields) == 0 {
		return nil
	}
	writeID, _ := ff.equalTo("_id")
	if w.byID() {
		writeID = w.node().(*ast.CallExpr).Args[1]
	}
	if writeID == nil {
		return nil
	}
	conds := c.conditionsAt(w.cur)
	defer c.recycle(conds)
	if !slices.ContainsFunc(conds, func(h heldCond) bool { return !h.loose }) {
		return nil // no test to look at: the closure below is not made
	}
	var tests []fieldTest
	var h heldCond // the condition walked; one closure serves them all
	visit := func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		x, key, ok := c.fieldRead(ev, e)
		if !ok || !slices.Contains(fields, key) || slices.ContainsFunc(ff.paths, func(p string) bool { return overlaps(p, key) }) {
			return true
		}
		d, ok := fl.decodeAt(x, h.at)
		if !ok || fl.touchedBetween(x, d.end, h.at) {
			return true
		}
		r := fl.readOfDecode(info, d)
		if r == nil || r.method == "CountDocuments" || !ev.sameCollection(r.coll, coll) || !c.sameID(ev, r, x, writeID) {
			return true
		}
		t := fieldTest{field: key, cond: h, op: token.ILLEGAL}
		t.op, t.value = c.comparison(ev, h, ast.Unparen(e), x, w.node().Pos())
		if !slices.ContainsFunc(tests, func(o fieldTest) bool { return o.field == key && o.cond == h }) {
			tests = append(tests, t)
		}
		return false
	}
	for _, h = range conds {
		if !h.loose {
			ast.Inspect(h.expr, visit)
		}
	}
	return tests
}

// fieldRead matches e as a read of one field of a local variable: x.F of
// a struct, through F's bson tag, or x["key"] of a document map, with a
// type assertion or not (m["qty"].(int32)).
func (c *checker) fieldRead(ev *evaluator, e ast.Expr) (*types.Var, string, bool) {
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	if ta, ok := e.(*ast.TypeAssertExpr); ok && ta.Type != nil {
		e = ast.Unparen(ta.X)
		if _, isIndex := e.(*ast.IndexExpr); !isIndex {
			return nil, "", false
		}
	}
	switch e := e.(type) {
	case *ast.SelectorExpr:
		id, ok := ast.Unparen(e.X).(*ast.Ident)
		if !ok {
			return nil, "", false
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok {
			return nil, "", false
		}
		key, ok := fieldKey(info, e)
		return v, key, ok
	case *ast.IndexExpr:
		id, ok := ast.Unparen(e.X).(*ast.Ident)
		if !ok {
			return nil, "", false
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok || kindOf(v.Type()) != mapDoc {
			return nil, "", false
		}
		key, ok := ev.stringConst(e.Index)
		return v, key, ok && key != "" && !strings.HasPrefix(key, "$")
	}
	return nil, "", false
}

// sameID reports whether writeID, the _id that a write matches, is the
// _id of the document x decoded from the read r: x's own _id field, or
// the value r's filter matched as _id.
func (c *checker) sameID(ev *evaluator, r *read, x *types.Var, writeID ast.Expr) bool {
	if y, key, ok := c.fieldRead(ev, writeID); ok && y == x && key == "_id" {
		return true
	}
	f := ev.doc(r.filter)
	if f == nil {
		return false
	}
	id := f.lookup("_id")
	return id != nil && id.value != nil && ev.sameExpr(id.value, writeID)
}

// comparison returns the test h as "stored field op value", when h is a
// comparison of the field read at field with a constant or a value that
// does not change before the write at pos and is in scope there, both of
// a basic type. op is ILLEGAL otherwise.
func (c *checker) comparison(ev *evaluator, h heldCond, field ast.Expr, x *types.Var, pos token.Pos) (token.Token, ast.Expr) {
	info := c.pass.TypesInfo
	bin, ok := h.expr.(*ast.BinaryExpr)
	if !ok {
		return token.ILLEGAL, nil
	}
	op, value := bin.Op, bin.Y
	switch field {
	case ast.Unparen(bin.X):
	case ast.Unparen(bin.Y):
		op, value = mirror(op), bin.X
	default:
		return token.ILLEGAL, nil
	}
	if h.neg {
		op = negate(op)
	}
	if op == token.ILLEGAL || basicInfo(info, field) == 0 || basicInfo(info, value) == 0 ||
		mentionsAny(info, value, varSet{x}) {
		return token.ILLEGAL, nil
	}
	if exprConstant(info, value) != nil {
		if !c.visibleAt(value, pos) {
			return token.ILLEGAL, nil
		}
		return op, value
	}
	objs, pure := ev.pureVars(value, false)
	if !pure {
		return token.ILLEGAL, nil
	}
	for _, obj := range objs {
		if v, isVar := obj.(*types.Var); isVar && !v.IsField() {
			if !isLocalVar(v) || ev.reads.touchedBetween(v, h.at, pos) {
				return token.ILLEGAL, nil // a package variable may change at any time
			}
		}
	}
	if !c.visibleAt(value, pos) {
		return token.ILLEGAL, nil
	}
	return op, value
}

// visibleAt reports whether every name in e denotes the same object at
// pos, so that e can be copied there.
func (c *checker) visibleAt(e ast.Expr, pos token.Pos) bool {
	scope := c.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	ok := true
	var visit func(ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			ast.Inspect(n.X, visit)
			return false // the selected name is a field or a package member
		case *ast.Ident:
			_, obj := scope.LookupParent(n.Name, pos)
			ok = ok && obj != nil && obj == c.pass.TypesInfo.Uses[n]
		}
		return ok
	}
	ast.Inspect(e, visit)
	return ok
}

// mirror returns the operator with its operands swapped: a < b is b > a.
func mirror(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.GTR:
		return token.LSS
	case token.LEQ:
		return token.GEQ
	case token.GEQ:
		return token.LEQ
	case token.EQL, token.NEQ:
		return op
	}
	return token.ILLEGAL
}

// negate returns the comparison that is true when op is false.
func negate(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GEQ
	case token.GEQ:
		return token.LSS
	case token.GTR:
		return token.LEQ
	case token.LEQ:
		return token.GTR
	case token.EQL:
		return token.NEQ
	case token.NEQ:
		return token.EQL
	}
	return token.ILLEGAL
}

// queryOps maps a comparison to its query operator.
var queryOps = map[token.Token]string{
	token.GTR: "$gt", token.GEQ: "$gte", token.LSS: "$lt", token.LEQ: "$lte", token.EQL: "$eq", token.NEQ: "$ne",
}
