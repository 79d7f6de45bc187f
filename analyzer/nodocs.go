package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Rule dead-no-documents-check ("Write Atomicity in MongoDB": the outcome of a conditional
// update is in its counts). UpdateOne, UpdateMany, UpdateByID and
// ReplaceOne report a filter that matched nothing as MatchedCount == 0
// with a nil error; only FindOne and the FindOneAnd* methods return
// mongo.ErrNoDocuments. A comparison of an update's error with
// ErrNoDocuments is therefore never true: the branch meant for the lost
// race is dead, and the race goes unnoticed.

// countingWrites are the *mongo.Collection methods that report a filter
// that matched nothing in their counts, never as mongo.ErrNoDocuments.
var countingWrites = map[string]bool{"UpdateOne": true, "UpdateMany": true, "UpdateByID": true, "ReplaceOne": true}

// noDocsForm is how an error is compared with mongo.ErrNoDocuments.
type noDocsForm int

const (
	isNoDocs   noDocsForm = iota // err == mongo.ErrNoDocuments, errors.Is(err, mongo.ErrNoDocuments)
	notNoDocs                    // err != mongo.ErrNoDocuments
	caseNoDocs                   // switch err { case mongo.ErrNoDocuments: }
)

var noDocsRule = &rule{
	name:    RuleDeadNoDocumentsCheck,
	summary: "a comparison with ErrNoDocuments after a call that never returns it",
	fix:     "check the result's MatchedCount instead, keeping the code's own branch",
	node:    func(c *checker, cur inspector.Cursor, _ *write) { c.checkNoDocs(cur) },
}

// checkNoDocs reports the comparison at cur (==, !=, errors.Is, or the
// cases of a switch on an error) of an update's error with
// mongo.ErrNoDocuments.
func (c *checker) checkNoDocs(cur inspector.Cursor) {
	c.noDocsChecksAt(cur, func(n ast.Node, errExpr ast.Expr, form noDocsForm) {
		if d, _ := c.noDocsFinding(cur, n, errExpr, form); d != nil {
			c.report(RuleDeadNoDocumentsCheck, *d)
		}
	})
}

// noDocsChecksAt calls f with each comparison of an error with
// mongo.ErrNoDocuments at cur: the node that compares, the error and the
// form of the comparison.
func (c *checker) noDocsChecksAt(cur inspector.Cursor, f func(n ast.Node, errExpr ast.Expr, form noDocsForm)) {
	info := c.pass.TypesInfo
	switch n := cur.Node().(type) {
	case *ast.BinaryExpr:
		if n.Op != token.EQL && n.Op != token.NEQ {
			return
		}
		form := isNoDocs
		if n.Op == token.NEQ {
			form = notNoDocs
		}
		switch {
		case isErrNoDocuments(info, n.Y):
			f(n, n.X, form)
		case isErrNoDocuments(info, n.X):
			f(n, n.Y, form)
		}
	case *ast.CallExpr:
		if err, ok := isNoDocsCall(info, n); ok {
			f(n, err, isNoDocs)
		}
	case *ast.SwitchStmt:
		if n.Tag == nil {
			return // switch { case err == ...: } is a comparison of its own
		}
		for _, cl := range n.Body.List {
			for _, e := range cl.(*ast.CaseClause).List {
				if isErrNoDocuments(info, e) {
					f(e, n.Tag, caseNoDocs)
				}
			}
		}
	}
}

// deadCheckFixed reports whether the error of the write call is compared
// with mongo.ErrNoDocuments in a check that dead-no-documents-check
// reports with a fix. That fix turns the check into the outcome check and
// keeps the code's own branch, so unchecked-result leaves the call to it:
// one problem, one finding, one fix.
func (c *checker) deadCheckFixed(call *ast.CallExpr, cur inspector.Cursor) bool {
	if !slices.Contains(c.nodeRules, noDocsRule) {
		return false
	}
	fixed := false
	for n := range outermostFunc(cur).Preorder((*ast.BinaryExpr)(nil), (*ast.CallExpr)(nil)) {
		c.noDocsChecksAt(n, func(cmp ast.Node, errExpr ast.Expr, form noDocsForm) {
			if d, of := c.noDocsFinding(n, cmp, errExpr, form); d != nil && of == call && len(d.SuggestedFixes) > 0 {
				fixed = true
			}
		})
	}
	return fixed
}

// isErrNoDocuments reports whether e names the variable ErrNoDocuments of
// a driver's mongo package.
func isErrNoDocuments(info *types.Info, e ast.Expr) bool {
	id := namingIdent(e)
	if id == nil || id.Name != "ErrNoDocuments" {
		return false // most comparisons: no lookup in types.Info
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && isMongoPkg(v.Pkg()) && v.Pkg().Scope().Lookup(v.Name()) == v
}

// isNoDocsCall matches errors.Is(err, mongo.ErrNoDocuments), and returns
// err.
func isNoDocsCall(info *types.Info, call *ast.CallExpr) (ast.Expr, bool) {
	if calledName(call) != "Is" || len(call.Args) != 2 {
		return nil, false
	}
	fn := calleeFunc(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "errors" || !isErrNoDocuments(info, call.Args[1]) {
		return nil, false
	}
	return call.Args[0], true
}

// noDocsFinding returns the finding of the check n (at cur, or a case of
// the switch at cur) when the error it compares, errExpr, surely comes
// from an update that never returns mongo.ErrNoDocuments, and that call.
func (c *checker) noDocsFinding(cur inspector.Cursor, n ast.Node, errExpr ast.Expr, form noDocsForm) (*analysis.Diagnostic, *ast.CallExpr) {
	info := c.pass.TypesInfo
	id, ok := ast.Unparen(errExpr).(*ast.Ident)
	if !ok {
		return nil, nil
	}
	call, result, ok := c.evaluatorAt(cur).reads.resultAt(id)
	if !ok || result != 1 {
		return nil, nil
	}
	fn, _, ok := collectionMethod(info, call)
	if !ok || !countingWrites[fn.Name()] {
		return nil, nil // FindOne and FindOneAnd* do return it; so may a mock behind an interface
	}
	what := "this check is always false"
	switch form {
	case notNoDocs:
		what = "this check is always true"
	case caseNoDocs:
		what = "this case never runs"
	}
	d := &analysis.Diagnostic{
		Pos: n.Pos(),
		End: n.End(),
		Message: fmt.Sprintf("%s never returns mongo.ErrNoDocuments, so %s: when its filter matches no document "+
			"(another writer got there first), the error is nil and MatchedCount is 0, and the lost race goes unnoticed; "+
			"check MatchedCount", fn.Name(), what),
	}
	if form != caseNoDocs {
		if fix, ok := c.noDocsFix(cur, id, call, form == notNoDocs); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	return d, call
}

// noDocsFix replaces the check at cmp with a check of the update's
// MatchedCount: err == nil && res.MatchedCount == 0 (res is nil when err
// is not), or its negation for !=. The result is bound to a fresh name
// when the code drops it.
func (c *checker) noDocsFix(cmp inspector.Cursor, errID *ast.Ident, call *ast.CallExpr, negated bool) (analysis.SuggestedFix, bool) {
	if mayUpsert(call) {
		return analysis.SuggestedFix{}, false // MatchedCount 0 is then a success
	}
	errVar, ok := c.pass.TypesInfo.Uses[errID].(*types.Var)
	if !ok || c.underCheckOf(cmp, errVar) {
		return analysis.SuggestedFix{}, false
	}
	imports, ok := c.importEdits(cmp)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	res, edits, ok := c.bindResult(cmp, call)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	edits = append(edits, imports...)
	cond, top := fmt.Sprintf("%s == nil && %s.MatchedCount == 0", errID.Name, res), token.LAND
	if negated {
		cond, top = fmt.Sprintf("%s != nil || %s.MatchedCount != 0", errID.Name, res), token.LOR
	}
	switch cmp.ParentEdgeKind() {
	case edge.UnaryExpr_X:
		cond = "(" + cond + ")"
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		if cmp.Parent().Node().(*ast.BinaryExpr).Op != top {
			cond = "(" + cond + ")"
		}
	}
	n := cmp.Node()
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Check %s.MatchedCount instead of mongo.ErrNoDocuments", res),
		TextEdits: append(edits, replace(n.Pos(), n.End(), cond)),
	}, true
}

// underCheckOf reports whether the check at cmp is reached only through
// another test of v: beside it in a chain of && or ||, or in the body of
// an if or a case that tests v (if err != nil { if err == ... }). There a
// check of MatchedCount would be as dead as the one it replaces, or
// redundant.
func (c *checker) underCheckOf(cmp inspector.Cursor, v *types.Var) bool {
	info := c.pass.TypesInfo
	vars := varSet{v}
	for cur := cmp; cur.Node() != nil; cur = cur.Parent() {
		switch p := cur.Parent().Node().(type) {
		case *ast.BinaryExpr:
			other := p.X
			if cur.ParentEdgeKind() == edge.BinaryExpr_X {
				other = p.Y
			}
			if (p.Op == token.LAND || p.Op == token.LOR) && mentionsAny(info, other, vars) {
				return true
			}
		case *ast.IfStmt:
			if cur.ParentEdgeKind() != edge.IfStmt_Cond && mentionsAny(info, p.Cond, vars) {
				return true
			}
		case *ast.CaseClause:
			for _, e := range p.List {
				if cur.ParentEdgeKind() == edge.CaseClause_Body && mentionsAny(info, e, vars) {
					return true
				}
			}
		case *ast.SwitchStmt:
			if cur.ParentEdgeKind() == edge.SwitchStmt_Body && p.Tag != nil && mentionsAny(info, p.Tag, vars) {
				return true
			}
		case *ast.FuncDecl, *ast.FuncLit, nil:
			return false
		}
	}
	return false
}

// bindResult returns the name of the variable that holds the
// *UpdateResult of call at cmp, and the edits that declare it when the
// code drops the result (_, err := ... becomes res, err := ...).
func (c *checker) bindResult(cmp inspector.Cursor, call *ast.CallExpr) (string, []analysis.TextEdit, bool) {
	info := c.pass.TypesInfo
	callCur, ok := outermostFunc(cmp).FindNode(call)
	if !ok {
		return "", nil, false
	}
	var lhs, errLHS ast.Expr
	var as *ast.AssignStmt
	switch callCur.ParentEdgeKind() {
	case edge.AssignStmt_Rhs:
		as = callCur.Parent().Node().(*ast.AssignStmt)
		if len(as.Lhs) != 2 || len(as.Rhs) != 1 {
			return "", nil, false
		}
		lhs, errLHS = as.Lhs[0], as.Lhs[1]
	case edge.ValueSpec_Values:
		vs := callCur.Parent().Node().(*ast.ValueSpec)
		if len(vs.Names) != 2 || len(vs.Values) != 1 {
			return "", nil, false
		}
		lhs = vs.Names[0]
	default:
		return "", nil, false
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return "", nil, false
	}
	at := cmp.Node().Pos()
	scope := c.pass.Pkg.Scope().Innermost(at)
	if !isBlank(id) {
		// res, err := ...: res must still hold this result at cmp.
		obj := info.ObjectOf(id)
		if _, found := scope.LookupParent(id.Name, at); found == nil || found != obj || c.assignedElsewhere(callCur, id) {
			return "", nil, false
		}
		return id.Name, nil, true
	}
	var edits []analysis.TextEdit
	if as != nil && as.Tok == token.ASSIGN {
		// _, err = ...: declaring res needs :=, which must reuse err, not
		// declare a new one.
		errID, ok := errLHS.(*ast.Ident)
		if !ok || !c.declaredInScopeOf(errID, as.Pos()) {
			return "", nil, false
		}
		edits = append(edits, replace(as.TokPos, as.TokPos+1, ":="))
	}
	name := c.resultName(call)
	if _, found := scope.LookupParent(name, at); found != nil {
		return "", nil, false // a nearer declaration would hide it at cmp
	}
	return name, append(edits, replace(id.Pos(), id.End(), name)), true
}

// assignedElsewhere reports whether the variable that id declares or
// assigns at the call at cur is assigned anywhere else in the function,
// or has its address taken.
func (c *checker) assignedElsewhere(cur inspector.Cursor, id *ast.Ident) bool {
	_, uses, ok := c.boundUses(cur, id)
	if !ok {
		return true
	}
	for _, u := range uses {
		if u.Node() == id {
			continue
		}
		switch u.ParentEdgeKind() {
		case edge.AssignStmt_Lhs, edge.RangeStmt_Key, edge.RangeStmt_Value:
			return true
		case edge.UnaryExpr_X:
			if u.Parent().Node().(*ast.UnaryExpr).Op == token.AND {
				return true
			}
		}
	}
	return false
}

// importEdits returns the edits that keep the imports of the check at cmp
// right once it is replaced: a package (mongo, errors) that the check
// alone uses in its file loses its import. ok is false when a package is
// also used by another check of mongo.ErrNoDocuments: replacing both
// would leave the import unused, and replacing one must not remove it.
func (c *checker) importEdits(cmp inspector.Cursor) (edits []analysis.TextEdit, ok bool) {
	info := c.pass.TypesInfo
	need := make(map[*types.PkgName]bool)
	for cur := range cmp.Preorder((*ast.Ident)(nil)) {
		if pn, ok := info.Uses[cur.Node().(*ast.Ident)].(*types.PkgName); ok {
			need[pn] = true
		}
	}
	var file inspector.Cursor
	for f := range cmp.Enclosing((*ast.File)(nil)) {
		file = f
	}
	if len(need) == 0 || !file.Valid() {
		return nil, len(need) == 0
	}
	inCheck := func(n ast.Node) bool { return cmp.Node().Pos() <= n.Pos() && n.End() <= cmp.Node().End() }
	otherCheck := make(map[*types.PkgName]bool)
	for cur := range file.Preorder((*ast.Ident)(nil)) {
		pn, ok := info.Uses[cur.Node().(*ast.Ident)].(*types.PkgName)
		if !ok || !need[pn] || inCheck(cur.Node()) {
			continue
		}
		if cur.ParentEdgeKind() == edge.SelectorExpr_X {
			sel := cur.Parent().Node().(*ast.SelectorExpr)
			if isErrNoDocuments(info, sel) {
				otherCheck[pn] = true
				continue
			}
			if pn.Imported().Path() == "errors" && sel.Sel.Name == "Is" && cur.Parent().ParentEdgeKind() == edge.CallExpr_Fun {
				if args := cur.Parent().Parent().Node().(*ast.CallExpr).Args; len(args) == 2 && isErrNoDocuments(info, args[1]) {
					otherCheck[pn] = true
					continue
				}
			}
		}
		delete(need, pn) // used elsewhere: the import stays
	}
	f := file.Node().(*ast.File)
	for pn := range need {
		if otherCheck[pn] {
			return nil, false
		}
		e, ok := c.removeImport(f, pn)
		if !ok {
			return nil, false
		}
		edits = append(edits, e)
	}
	return edits, true
}

// removeImport returns the edit that removes the import of pn from f: its
// line in a parenthesized import declaration, or the whole declaration.
func (c *checker) removeImport(f *ast.File, pn *types.PkgName) (analysis.TextEdit, bool) {
	fset := c.pass.Fset
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, spec := range gd.Specs {
			is := spec.(*ast.ImportSpec)
			if c.pass.TypesInfo.PkgNameOf(is) != pn {
				continue
			}
			var n ast.Node = is
			if !gd.Lparen.IsValid() || len(gd.Specs) == 1 {
				n = gd
			}
			tf := fset.File(n.Pos())
			line := fset.Position(n.Pos()).Line
			if fset.Position(n.End()).Line != line || line >= tf.LineCount() || c.hasComments(n) ||
				lineEnd(fset, f, n.End()) != n.End() || n.Pos() != tf.LineStart(line)+token.Pos(fset.Position(n.Pos()).Column-1) {
				return analysis.TextEdit{}, false
			}
			for _, other := range gd.Specs { // another import on the line
				if other != spec && fset.Position(other.Pos()).Line == line {
					return analysis.TextEdit{}, false
				}
			}
			return replace(tf.LineStart(line), tf.LineStart(line+1), ""), true
		}
	}
	return analysis.TextEdit{}, false
}
