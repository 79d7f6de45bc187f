package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Rule removed-operator ("Atomic Operations" and "Isolate Sequence of Operations"): operators that older MongoDB documentation
// teach and MongoDB has since removed. $isolated in a filter (and $atomic,
// its older name) kept other operations out of a multi-document write
// while it ran; MongoDB 4.0 removed both, and the server now rejects the
// write. It never made such a write all-or-nothing: only a transaction
// does. $pushAll appended several values to an array; MongoDB 3.6 removed
// it in favour of $push with $each. Code that still sends them fails on
// every current server, most often on a path that tests do not cover.

// removedFilterOps are the top-level filter operators the server rejects.
var removedFilterOps = map[string]bool{"$isolated": true, "$atomic": true}

// collectionDeletes lists the *mongo.Collection methods that delete the
// documents a filter matches, with the index of the filter argument.
// $isolated applied to deletes too.
var collectionDeletes = map[string]int{"DeleteOne": 1, "DeleteMany": 1, "FindOneAndDelete": 1}

var removedRule = &rule{
	name:    RuleRemovedOperator,
	summary: "an operator the server removed ($pushAll, $isolated, $atomic)",
	fix:     "remove $isolated/$atomic; $pushAll becomes $push with $each",
	node: func(c *checker, cur inspector.Cursor, w *write) {
		if w != nil {
			c.checkRemoved(w)
		} else {
			c.checkRemovedInDelete(cur)
		}
	},
}

// checkRemoved reports the removed operators in the filter and the
// update of w.
func (c *checker) checkRemoved(w *write) {
	ev := c.evaluatorAt(w.cur)
	if !w.byID() {
		c.checkRemovedFilter(ev, w.cur, w.label(), w.filter)
	}
	if w.replace || ev.isArray(w.update) {
		return // a replacement or a pipeline holds no update operators
	}
	d := ev.doc(w.update)
	if d == nil {
		return
	}
	for _, e := range d.entries {
		if e.key != "$pushAll" {
			continue
		}
		diag := analysis.Diagnostic{
			Pos: w.node().Pos(),
			End: w.node().End(),
			Message: fmt.Sprintf("%s sends $pushAll, which MongoDB 3.6 removed: the server rejects the update; "+
				"use $push with $each", w.label()),
		}
		if fix, ok := c.pushAllFix(ev, d, e); ok {
			diag.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		c.report(RuleRemovedOperator, diag)
	}
}

// checkRemovedInDelete reports the removed operators in the filter of a
// delete call at cur.
func (c *checker) checkRemovedInDelete(cur inspector.Cursor) {
	call, ok := cur.Node().(*ast.CallExpr)
	if !ok {
		return
	}
	i, ok := collectionDeletes[calledName(call)]
	if !ok || !argsBefore(call, i) {
		return
	}
	fn, _, ok := collectionMethod(c.pass.TypesInfo, call)
	if !ok {
		return
	}
	c.checkRemovedFilter(c.evaluatorAt(cur), cur, fn.Name(), call.Args[i])
}

// checkRemovedFilter reports $isolated and $atomic in a filter. A key
// that is known is reported even when other keys are not: it is sent.
func (c *checker) checkRemovedFilter(ev *evaluator, cur inspector.Cursor, label string, filter ast.Expr) {
	d := ev.doc(filter)
	if d == nil {
		return
	}
	for _, e := range d.entries {
		if !removedFilterOps[e.key] {
			continue
		}
		diag := analysis.Diagnostic{
			Pos: cur.Node().Pos(),
			End: cur.Node().End(),
			Message: fmt.Sprintf("%s sends %s in its filter, which MongoDB 4.0 removed: the server rejects the write; "+
				"writes to several documents are atomic together only in a transaction", label, e.key),
		}
		if fix, ok := c.dropEntryFix(d, e); ok {
			diag.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		c.report(RuleRemovedOperator, diag)
	}
}

// dropEntryFix removes the entry e, a constant such as $isolated: 1, from
// the literal of the filter d. The literal may be a variable's: every
// write it reaches is rejected the same way.
func (c *checker) dropEntryFix(d *document, e entry) (analysis.SuggestedFix, bool) {
	if d.lit == nil || e.node == nil || e.value == nil {
		return analysis.SuggestedFix{}, false
	}
	if exprConstant(c.pass.TypesInfo, e.value) == nil && !isNil(c.pass.TypesInfo, e.value) {
		return analysis.SuggestedFix{}, false // a value computed in Go: it may do more than fill the key
	}
	i := elementIndex(d.lit, e.node)
	if i < 0 || namesPackage(c.pass.TypesInfo, d.lit.Elts[i]) {
		return analysis.SuggestedFix{}, false // removing it might leave an import unused
	}
	edits, ok := c.removeElement(d.lit, i)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Remove %s from the filter", e.key),
		TextEdits: edits,
	}, true
}

// pushAllFix turns {$pushAll: {f: xs}} into {$push: {f: {$each: xs}}},
// in the document type the code uses. It edits only a $pushAll document
// written in place, in an update without a $push of its own.
func (c *checker) pushAllFix(ev *evaluator, d *document, e entry) (analysis.SuggestedFix, bool) {
	key := e.keyExpr()
	if d.lit == nil || key == nil || d.lookup("$push") != nil || namesPackage(c.pass.TypesInfo, key) {
		return analysis.SuggestedFix{}, false
	}
	fields := ev.doc(e.value)
	if fields == nil || !fields.complete || len(fields.entries) == 0 ||
		fields.lit == nil || fields.lit != ast.Unparen(e.value) || fields.lit.Type == nil {
		return analysis.SuggestedFix{}, false
	}
	info, fset := c.pass.TypesInfo, c.pass.Fset
	typ := exprText(fset, fields.lit.Type)
	var open, end string
	switch kindOf(info.TypeOf(fields.lit)) {
	case mapDoc:
		if !holdsDocuments(info.TypeOf(fields.lit)) {
			return analysis.SuggestedFix{}, false // map[string][]string: no room for {$each: xs}
		}
		open, end = typ+`{"$each": `, "}"
	case orderedDoc:
		open, end = typ+`{{Key: "$each", Value: `, "}}"
	default:
		return analysis.SuggestedFix{}, false
	}
	if typ == "" || c.hasComments(d.lit) {
		return analysis.SuggestedFix{}, false
	}
	edits := []analysis.TextEdit{replace(key.Pos(), key.End(), `"$push"`)}
	if kindOf(info.TypeOf(d.lit)) == mapDoc {
		i := elementIndex(d.lit, e.node)
		if i < 0 {
			return analysis.SuggestedFix{}, false
		}
		align, ok := c.alignValues(d.lit, -1, map[int]int{i: len(`"$push"`)})
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		edits = append(edits, align...)
	}
	for _, f := range fields.entries {
		if f.node == nil || f.value == nil || fset.Position(f.value.Pos()).Line != fset.Position(f.value.End()).Line {
			return analysis.SuggestedFix{}, false
		}
		edits = append(edits, insert(f.value.Pos(), open), insert(f.value.End(), end))
	}
	return analysis.SuggestedFix{
		Message:   "Use $push with $each instead of $pushAll",
		TextEdits: edits,
	}, true
}

// holdsDocuments reports whether the map type t can hold a document as a
// value: its values are interfaces, as those of bson.M are.
func holdsDocuments(t types.Type) bool {
	m, ok := types.Unalias(t).Underlying().(*types.Map)
	if !ok {
		return false
	}
	iface, ok := m.Elem().Underlying().(*types.Interface)
	return ok && iface.Empty()
}

// namesPackage reports whether n refers to an imported package (ops.Isolated).
func namesPackage(info *types.Info, n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			_, isPkg := info.Uses[id].(*types.PkgName)
			found = found || isPkg
		}
		return !found
	})
	return found
}
