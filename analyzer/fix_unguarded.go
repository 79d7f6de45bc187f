package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// Fixes for unguarded-update. Both rewrite only literals written inside
// the call, so no other write that shares a variable changes with them.

// unguardedFix returns the fix for an unguarded write, if a safe one
// exists: $inc when every $set is the field's old value plus a delta
// ("Atomicity and Transactions"); else, when the write runs only after a test of a field it sets
// (if t.Status == "open") and sets no value computed from the document
// read, that test repeated in the filter, check-then-act's fix ("Atomic Operations",
// and the claimTask pattern); else a version guard when the
// written values come from a decoded document whose type has a version
// field ("Atomic Operations" and "Isolate Sequence of Operations").
//
// When the write runs only after a test of a field it changes (if it.Qty
// <= 0 { return }), $inc alone would let two callers both pass the test
// and both decrement, past what the test allowed; the $set it replaces
// could not. The $inc fix then also repeats the test in the filter and
// checks the result, as check-then-act asks ("Atomic Operations": {qty: {$gt: 0}}
// with {$inc: {qty: -1}}), or is not offered. One fix, so that applying
// it leaves no finding behind.
func (c *checker) unguardedFix(w *write, ev *evaluator, ff filterFields, uf updateFields, decoded varSet, kind writeKind) (analysis.SuggestedFix, bool) {
	if w.wrapper != "" || w.replace || !uf.complete || uf.doc == nil || !isInside(uf.doc.lit, w.node()) {
		return analysis.SuggestedFix{}, false
	}
	var fix analysis.SuggestedFix
	ok := false
	c.contain(func() { // a shape not expected: no fix from tests, maybe a version guard
		tests := c.testsBefore(w, ev, ff, uf.modified)
		var inc bool
		fix, inc = c.incFix(ev, uf, decoded)
		switch {
		case inc && len(tests) == 0 && len(ff.unpinned) > 0:
			// The filter's range test stays: with $inc it is the
			// test-and-write of "Atomic Operations", and the write is
			// conditional, so its outcome must be read.
			var check []analysis.TextEdit
			if check, ok = c.outcomeCheckEdits(w); ok {
				fix.TextEdits = append(fix.TextEdits, check...)
			}
		case inc && len(tests) == 0:
			ok = true
		case inc:
			var guard analysis.SuggestedFix
			if guard, ok = c.testFilterFix(w, ev, tests); ok {
				fix.TextEdits = append(fix.TextEdits, guard.TextEdits...)
			}
		case !c.setsFromRead(ev, uf, decoded, kind):
			fix, ok = c.testFilterFix(w, ev, tests)
		}
	})
	if ok {
		return fix, true
	}
	return c.versionFix(w, ev, uf, decoded)
}

// setsFromRead reports whether a value that the update sets may come from
// a document decoded before. The tests repeated in the filter would then
// not be enough: a concurrent change of that other field would still be
// overwritten, and the fix would silence the finding with the lost update
// still there.
func (c *checker) setsFromRead(ev *evaluator, uf updateFields, decoded varSet, kind writeKind) bool {
	for _, e := range uf.sets {
		if e.value == nil {
			return true // a field of a struct value
		}
	}
	if kind != readModifyWrite {
		return false // kindOfWrite found no value computed from the read
	}
	for _, e := range uf.sets {
		if c.fromRead(ev, e.value, decoded, 0) {
			return true
		}
	}
	return false
}

// incFix turns {$set: {qty: o.Qty - n}} into {$inc: {qty: -n}}.
func (c *checker) incFix(ev *evaluator, uf updateFields, decoded varSet) (analysis.SuggestedFix, bool) {
	set := uf.doc.lookup("$set")
	if set == nil || uf.doc.lookup("$inc") != nil || len(decoded) == 0 {
		// No old value without a document read before (see isOldValue).
		return analysis.SuggestedFix{}, false
	}
	key := set.keyExpr()
	if key == nil {
		return analysis.SuggestedFix{}, false
	}
	setDoc := ev.doc(set.value)
	if setDoc == nil || !setDoc.complete || !isInside(setDoc.lit, uf.doc.lit) || len(setDoc.entries) == 0 {
		return analysis.SuggestedFix{}, false
	}
	edits := []analysis.TextEdit{replace(key.Pos(), key.End(), `"$inc"`)}
	var fields []string
	var drops []analysis.TextEdit // declarations of locals left unused
	for _, e := range setDoc.entries {
		if e.node == nil {
			return analysis.SuggestedFix{}, false
		}
		value, via := e.value, (*ast.Ident)(nil)
		if id, ok := ast.Unparen(value).(*ast.Ident); ok {
			if v, ok := ev.onlyValue(id); ok {
				value, via = v, id // n := p.Stock - k; {$set: {stock: n}}
			}
		}
		delta, deltaExpr, ok := c.deltaOf(value, e.key, decoded)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		if via != nil {
			drop, ok := c.viaLocal(ev, via, value, deltaExpr, uf.doc.lit)
			if !ok {
				return analysis.SuggestedFix{}, false
			}
			drops = append(drops, drop...)
		}
		edits = append(edits, replace(e.value.Pos(), e.value.End(), delta))
		fields = append(fields, e.key)
	}
	if !c.usedElsewhere(ev, decoded, append(slices.Clone(edits[1:]), drops...)) {
		return analysis.SuggestedFix{}, false // the read would be left unused, and the code would not build
	}
	edits = append(edits, drops...)
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Use $inc for %s", quoteList(fields)),
		TextEdits: edits,
	}, true
}

// usedElsewhere reports whether each variable of decoded that the
// replaced ranges use is also used outside them.
func (c *checker) usedElsewhere(ev *evaluator, decoded varSet, replaced []analysis.TextEdit) bool {
	inside := func(pos token.Pos) bool {
		for _, r := range replaced {
			if r.Pos <= pos && pos < r.End {
				return true
			}
		}
		return false
	}
	for _, v := range decoded {
		uses, ok := ev.flow.Uses(v)
		if !ok {
			continue
		}
		mentioned, elsewhere := false, false
		for _, u := range uses {
			if inside(u.Node().Pos()) {
				mentioned = true
			} else {
				elsewhere = true
			}
		}
		if mentioned && !elsewhere {
			return false
		}
	}
	return true
}

// deltaOf matches value, written to key, as the key's own field of a
// decoded document plus or minus a delta, and returns the delta as source
// and as written.
func (c *checker) deltaOf(value ast.Expr, key string, decoded varSet) (string, ast.Expr, bool) {
	bin, ok := ast.Unparen(value).(*ast.BinaryExpr)
	if !ok || (bin.Op != token.ADD && bin.Op != token.SUB) {
		return "", nil, false
	}
	if basicInfo(c.pass.TypesInfo, bin)&types.IsNumeric == 0 {
		return "", nil, false // $inc only adds numbers
	}
	var delta ast.Expr
	switch {
	case c.isOldValue(bin.X, key, decoded):
		delta = bin.Y
	case bin.Op == token.ADD && c.isOldValue(bin.Y, key, decoded):
		delta = bin.X
	default:
		return "", nil, false
	}
	text := exprText(c.pass.Fset, delta)
	if text == "" {
		return "", nil, false
	}
	if bin.Op == token.ADD {
		return text, delta, true
	}
	if info := basicInfo(c.pass.TypesInfo, delta); info&types.IsNumeric == 0 || info&types.IsUnsigned != 0 {
		return "", nil, false // -n of an unsigned n wraps around
	}
	switch delta.(type) {
	case *ast.BasicLit, *ast.Ident, *ast.SelectorExpr, *ast.CallExpr, *ast.IndexExpr, *ast.ParenExpr:
		return "-" + text, delta, true
	}
	return "-(" + text + ")", delta, true
}

// viaLocal checks the $inc fix of a value written through the local
// variable at via, which holds value (n := p.Stock - k): the delta's
// variables must hold at the write what they held at value, and the
// declaration of via goes when the write was its only use. It returns the
// edits that remove that declaration.
func (c *checker) viaLocal(ev *evaluator, via *ast.Ident, value, delta ast.Expr, lit *ast.CompositeLit) ([]analysis.TextEdit, bool) {
	info := c.pass.TypesInfo
	unchanged := true
	ast.Inspect(delta, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			unchanged = false // called again at the write, it may give another value
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && isLocalVar(v) && ev.reads.touchedBetween(v, value.End(), via.Pos()) {
				unchanged = false
			}
		}
		return unchanged
	})
	if !unchanged {
		return nil, false
	}
	v := info.Uses[via].(*types.Var)
	uses, ok := ev.flow.Uses(v)
	if !ok {
		return nil, false
	}
	for _, u := range uses {
		if u.Node() != via && !isInside(lit, u.Node()) {
			return nil, true // used elsewhere: it stays
		}
	}
	return c.removeDeclaration(ev, value)
}

// removeDeclaration returns the edit that removes the statement that
// declares one variable with value (n := expr, var n = expr), with its
// line, when nothing else is on that line.
func (c *checker) removeDeclaration(ev *evaluator, value ast.Expr) ([]analysis.TextEdit, bool) {
	cur, ok := ev.fn.FindNode(value)
	if !ok {
		return nil, false
	}
	stmt := cur.Parent()
	switch n := stmt.Node().(type) {
	case *ast.AssignStmt:
		if n.Tok != token.DEFINE || len(n.Lhs) != 1 || len(n.Rhs) != 1 {
			return nil, false
		}
	case *ast.ValueSpec:
		if len(n.Names) != 1 || len(n.Values) != 1 || stmt.Parent().Node().(*ast.GenDecl).Lparen.IsValid() {
			return nil, false
		}
		stmt = stmt.Parent().Parent() // the DeclStmt
	default:
		return nil, false
	}
	if _, _, ok := statementInBlock(stmt); !ok || c.hasComments(stmt.Node()) {
		return nil, false
	}
	fset := c.pass.Fset
	tf := fset.File(stmt.Node().Pos())
	start, end := fset.Position(stmt.Node().Pos()), fset.Position(stmt.Node().End())
	if start.Line != end.Line || start.Line >= tf.LineCount() {
		return nil, false
	}
	from, to := tf.LineStart(start.Line), tf.LineStart(start.Line+1)
	var opening, closing token.Pos // what encloses the statement must be on other lines
	switch b := stmt.Parent().Node().(type) {
	case *ast.BlockStmt:
		opening, closing = b.Lbrace, b.Rbrace
	case *ast.CaseClause:
		opening, closing = b.Colon, to
	case *ast.CommClause:
		opening, closing = b.Colon, to
	}
	if opening >= from || closing < to {
		return nil, false
	}
	file := fileOf(c.pass, stmt.Node().Pos())
	if file == nil || lineEnd(fset, file, stmt.Node().End()) != stmt.Node().End() {
		return nil, false // a comment follows on the line
	}
	for next := range stmt.Parent().Children() { // nothing else on the line
		if n := next.Node(); n != stmt.Node() && n.Pos() < to && n.End() > from {
			return nil, false
		}
	}
	return []analysis.TextEdit{replace(from, to, "")}, true
}

// basicInfo returns the properties of e's type when it is a basic type,
// and none when it is not or e has no type (a type error).
func basicInfo(info *types.Info, e ast.Expr) types.BasicInfo {
	if t := info.TypeOf(e); t != nil {
		if b, ok := t.Underlying().(*types.Basic); ok {
			return b.Info()
		}
	}
	return 0
}

// isOldValue reports whether e is x.F, where x was decoded from the driver
// and F is the struct field stored under key.
func (c *checker) isOldValue(e ast.Expr, key string, decoded varSet) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[x].(*types.Var)
	if !ok || !decoded.has(v) {
		return false
	}
	name, ok := fieldKey(c.pass.TypesInfo, sel)
	return ok && name == key
}

// fieldKey returns the bson key of the struct field selected by sel, when
// it is a direct field of the selected struct.
func fieldKey(info *types.Info, sel *ast.SelectorExpr) (string, bool) {
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return "", false
	}
	st, ok := derefStruct(s.Recv())
	if !ok {
		return "", false
	}
	i := s.Index()[0]
	tag := parseBSONTag(st.Field(i), st.Tag(i))
	return tag.name, !tag.skip && !tag.inline
}

func derefStruct(t types.Type) (*types.Struct, bool) {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	st, ok := t.Underlying().(*types.Struct)
	return st, ok
}

// versionFix adds the decoded document's version to the filter and
// increments it in the update, so that the write only applies to the
// version that was read. The write becomes conditional, so the fix also
// checks its result when nothing does yet.
func (c *checker) versionFix(w *write, ev *evaluator, uf updateFields, decoded varSet) (analysis.SuggestedFix, bool) {
	if w.byID() {
		return analysis.SuggestedFix{}, false
	}
	filter := ev.doc(w.filter)
	if filter == nil || filter.lit == nil || !isInside(filter.lit, w.node()) {
		return analysis.SuggestedFix{}, false
	}
	src, key, field, ok := c.versionSource(uf, decoded)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	fset := c.pass.Fset
	guard := src.Name + "." + field
	edits := []analysis.TextEdit{appendElement(fset, filter.lit, c.element(filter.lit, strconv.Quote(key), guard))}

	for _, e := range uf.sets {
		if e.key == key {
			return analysis.SuggestedFix{}, false // it would be set back to the value read
		}
	}
	if !slices.Contains(uf.modified, key) {
		incEdit, ok := c.incrementEdit(ev, uf, key)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		edits = append(edits, incEdit)
	}
	check, ok := c.outcomeCheckEdits(w)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	edits = append(edits, check...)
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Guard the update with %s and increment %q", guard, key),
		TextEdits: edits,
	}, true
}

// versionSource finds a decoded variable that the $set values come from
// and whose struct type has a version field. It returns the variable, the
// field's bson key and its Go name.
func (c *checker) versionSource(uf updateFields, decoded varSet) (*ast.Ident, string, string, bool) {
	var exprs []ast.Expr
	if uf.setValue != nil {
		exprs = append(exprs, uf.setValue)
	}
	for _, e := range uf.sets {
		if e.value != nil {
			exprs = append(exprs, e.value)
		}
	}
	for _, e := range exprs {
		found := firstUse(c.pass.TypesInfo, e, decoded)
		if found == nil {
			continue
		}
		st, ok := derefStruct(c.pass.TypesInfo.Uses[found].Type())
		if !ok {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			tag := parseBSONTag(st.Field(i), st.Tag(i))
			if st.Field(i).Exported() && !tag.skip && !tag.inline && slices.Contains(c.cfg.VersionFields, tag.name) {
				return found, tag.name, st.Field(i).Name(), true
			}
		}
	}
	return nil, "", "", false
}

// incrementEdit adds {$inc: {key: 1}} to the update literal, or key: 1 to
// the $inc literal it already has.
func (c *checker) incrementEdit(ev *evaluator, uf updateFields, key string) (analysis.TextEdit, bool) {
	fset := c.pass.Fset
	if inc := uf.doc.lookup("$inc"); inc != nil {
		incDoc := ev.doc(inc.value)
		if incDoc == nil || !isInside(incDoc.lit, uf.doc.lit) {
			return analysis.TextEdit{}, false
		}
		return appendElement(fset, incDoc.lit, c.element(incDoc.lit, strconv.Quote(key), "1")), true
	}
	// The new document has the type of the $set document beside it.
	set := uf.doc.lookup("$set")
	if set == nil {
		return analysis.TextEdit{}, false
	}
	setLit, ok := ast.Unparen(set.value).(*ast.CompositeLit)
	if !ok || setLit.Type == nil {
		return analysis.TextEdit{}, false
	}
	typ := exprText(fset, setLit.Type)
	inner := typ + "{" + c.element(setLit, strconv.Quote(key), "1") + "}"
	return appendElement(fset, uf.doc.lit, c.element(uf.doc.lit, `"$inc"`, inner)), true
}

// element writes one element of a document literal: a key-value pair of a
// map, a keyed bson.E of a D.
func (c *checker) element(lit *ast.CompositeLit, key, value string) string {
	if kindOf(c.pass.TypesInfo.Types[lit].Type) == orderedDoc {
		return "{Key: " + key + ", Value: " + value + "}"
	}
	return key + ": " + value
}
