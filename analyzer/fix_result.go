package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The fix for unchecked-result: bind the outcome and return an error when
// nothing matched. It is offered only in functions whose last result is an
// error; elsewhere the right reaction to a lost race is the caller's call.

func (c *checker) checkResultFix(w *write, u *unchecked) (analysis.SuggestedFix, bool) {
	edits, ok := c.resultCheckEdits(w, u)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	what := "MatchedCount"
	if w.result == singleResult {
		what = "the error"
	}
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Return an error when %s reports that nothing matched (check %s)", w.name, what),
		TextEdits: edits,
	}, true
}

// outcomeCheckEdits returns the edits that make the outcome of w checked,
// for fixes that make w conditional: none when it is checked already. ok
// is false when the outcome is unchecked and cannot be checked.
func (c *checker) outcomeCheckEdits(w *write) (edits []analysis.TextEdit, ok bool) {
	u := c.uncheckedOf(w)
	if u == nil {
		return nil, true
	}
	return c.resultCheckEdits(w, u)
}

// resultCheckEdits returns the edits that make the outcome of w checked.
func (c *checker) resultCheckEdits(w *write, u *unchecked) ([]analysis.TextEdit, bool) {
	file := fileOf(c.pass, w.node().Pos())
	if file == nil {
		return nil, false
	}
	ret, ok := errorReturn(c.pass.TypesInfo, file, c.pass.Pkg, w.cur)
	if !ok {
		return nil, false
	}
	if call, ok := w.node().(*ast.CallExpr); ok && mayUpsert(call) {
		return nil, false // "nothing matched" is no failure then
	}
	if w.result == singleResult {
		return c.errorCheckEdits(w, u, file, ret)
	}
	return c.matchedCheckEdits(w, u, file, ret)
}

// lostRace returns the statement that a fixed function runs when its
// write lost the race, in the function's own terms: false, nil for a
// (bool, error) function (the claimTask pattern); the package error the
// function already returns elsewhere (ErrConflict, ErrNotFound), wrapped
// as it wraps it; else a new error. edits add the errors import it needs.
func (c *checker) lostRace(w *write, file *ast.File, ret string) (stmt string, edits []analysis.TextEdit, ok bool) {
	info := c.pass.TypesInfo
	if sig := enclosingFuncType(info, w.cur); sig != nil && sig.Results().Len() == 2 {
		if b, isBasic := sig.Results().At(0).Type().Underlying().(*types.Basic); isBasic && b.Kind() == types.Bool {
			return "return false, nil", nil, true
		}
	}
	if e, ok := c.packageError(w, file); ok {
		return ret + e, nil, true
	}
	errorsName, edits, ok := ensureErrorsImport(file, c.pass.Pkg, w.node().Pos())
	if !ok {
		return "", nil, false
	}
	return fmt.Sprintf("%s%s.New(%s)", ret, errorsName, strconv.Quote(w.name+" matched no document")), edits, true
}

// packageError finds, among the errors that the function holding w
// returns, a package-level error variable (return ErrNotFound, or
// fmt.Errorf("...: %w", ErrNotFound)), and returns it as the function
// returns it, with the message of the lost race when it wraps it. An
// error whose name says conflict comes first, then not found.
func (c *checker) packageError(w *write, file *ast.File) (string, bool) {
	info := c.pass.TypesInfo
	fn := enclosingFunc(w.cur)
	if !fn.Valid() {
		return "", false
	}
	rank := func(name string) int {
		n := strings.ToLower(name)
		switch {
		case strings.Contains(n, "conflict"), strings.Contains(n, "concurren"), strings.Contains(n, "modified"), strings.Contains(n, "stale"):
			return 0
		case strings.Contains(n, "notfound"), strings.Contains(n, "not_found"):
			return 1
		}
		return 2
	}
	best, bestRank := "", 3
	for r := range fn.Preorder((*ast.ReturnStmt)(nil)) {
		if enclosingFunc(r).Node() != fn.Node() {
			continue
		}
		results := r.Node().(*ast.ReturnStmt).Results
		if len(results) == 0 {
			continue
		}
		last := ast.Unparen(results[len(results)-1])
		text, v := "", (*types.Var)(nil)
		if call, ok := last.(*ast.CallExpr); ok {
			// fmt.Errorf("...: %w", ErrX): wrapped as the package wraps.
			callee := calleeFunc(info, call)
			if callee == nil || callee.Pkg() == nil || callee.Pkg().Path() != "fmt" || callee.Name() != "Errorf" || len(call.Args) < 2 || call.Ellipsis.IsValid() {
				continue
			}
			format, ok := c.evaluatorAt(w.cur).stringConst(call.Args[0])
			wrapped := call.Args[len(call.Args)-1]
			if v = packageErrorVar(info, wrapped); v == nil || !ok || !strings.HasSuffix(format, "%w") {
				continue
			}
			fmtName, ok := importName(file, "fmt")
			if !ok {
				continue
			}
			text = fmt.Sprintf("%s.Errorf(%s, %s)", fmtName, strconv.Quote(w.name+" matched no document: %w"), exprText(c.pass.Fset, wrapped))
		} else if v = packageErrorVar(info, last); v != nil {
			text = exprText(c.pass.Fset, last)
		}
		if v != nil && text != "" && rank(v.Name()) < bestRank {
			best, bestRank = text, rank(v.Name())
		}
	}
	return best, best != ""
}

// packageErrorVar returns the package-level variable of error type that e
// names (ErrNotFound, store.ErrConflict), or nil.
func packageErrorVar(info *types.Info, e ast.Expr) *types.Var {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() || !types.Implements(v.Type(), errorInterface) {
		return nil
	}
	return v
}

var errorInterface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// matchedCheckEdits binds the *UpdateResult of w and checks MatchedCount.
func (c *checker) matchedCheckEdits(w *write, u *unchecked, file *ast.File, ret string) ([]analysis.TextEdit, bool) {
	fset := c.pass.Fset
	call := w.node()
	lost, edits, ok := c.lostRace(w, file, ret)
	if !ok {
		return nil, false
	}
	missed := func(res, indent string) string {
		return fmt.Sprintf("%sif %s.MatchedCount == 0 {\n%s\t%s\n%s}", indent, res, indent, lost, indent)
	}
	errCheck := func(errName, indent string) string {
		return fmt.Sprintf("%sif %s != nil {\n%s\t%s%s\n%s}", indent, errName, indent, ret, errName, indent)
	}

	// coll.UpdateOne(...) as a statement: bind both results, check both.
	if u.bound == nil {
		stmt, _, ok := statementInBlock(w.cur.Parent())
		if !ok {
			return nil, false
		}
		indent := indentOf(fset, stmt)
		res := c.freshName(call.Pos(), "res")
		errName := c.errNameToDefine(call.Pos())
		return append(edits,
			insert(stmt.Pos(), res+", "+errName+" := "),
			insert(lineEnd(fset, file, stmt.End()), "\n"+errCheck(errName, indent)+"\n"+missed(res, indent)),
		), true
	}

	as, isAssign := u.bound.(*ast.AssignStmt)
	if !isAssign || len(as.Lhs) != 2 {
		return nil, false
	}
	stmt, stmtCur, ok := statementInBlock(w.cur.Parent())
	if !ok || stmt != as {
		return nil, false
	}
	indent := indentOf(fset, as)
	res := ""
	if isBlank(as.Lhs[0]) {
		callExpr, ok := call.(*ast.CallExpr)
		if !ok {
			return nil, false
		}
		res = c.resultName(callExpr)
		edits = append(edits, replace(as.Lhs[0].Pos(), as.Lhs[0].End(), res))
	} else if id, ok := as.Lhs[0].(*ast.Ident); ok {
		res = id.Name
	} else {
		return nil, false
	}

	errID, ok := as.Lhs[1].(*ast.Ident)
	if !ok {
		return nil, false
	}
	if isBlank(errID) {
		// res, _ = ...: the error was dropped too; check both. With =,
		// assign an error variable in sight, or declare one with := when
		// that reuses res rather than hiding it.
		var errName string
		switch {
		case as.Tok == token.DEFINE:
			errName = c.errNameToDefine(call.Pos())
		case c.errorInSight(call.Pos()) != nil:
			errName = "err"
		case c.declaredInScopeOf(as.Lhs[0].(*ast.Ident), as.Pos()):
			errName = c.errNameToDefine(call.Pos())
			edits = append(edits, replace(as.TokPos, as.TokPos+1, ":="))
		default:
			return nil, false
		}
		edits = append(edits, replace(errID.Pos(), errID.End(), errName))
		return append(edits, insert(lineEnd(fset, file, as.End()), "\n"+errCheck(errName, indent)+"\n"+missed(res, indent))), true
	}
	if as.Tok == token.ASSIGN && isBlank(as.Lhs[0]) {
		// _, err = ...: declaring res needs :=, which must not declare a
		// new err that hides the one the function uses.
		if !c.declaredInScopeOf(errID, as.Pos()) {
			return nil, false
		}
		edits = append(edits, replace(as.TokPos, as.TokPos+1, ":="))
	}

	// Check MatchedCount after the error check that follows, or guard it
	// with err == nil when there is none (res is nil on error).
	if next, ok := stmtCur.NextSibling(); ok && isErrCheck(next.Node(), errID.Name) {
		return append(edits, insert(lineEnd(fset, file, next.Node().End()), "\n"+missed(res, indent))), true
	}
	check := fmt.Sprintf("%sif %s == nil && %s.MatchedCount == 0 {\n%s\t%s\n%s}", indent, errID.Name, res, indent, lost, indent)
	return append(edits, insert(lineEnd(fset, file, as.End()), "\n"+check)), true
}

// errorCheckEdits makes the error of a SingleResult (from Err, Decode or
// Raw) returned: mongo.ErrNoDocuments is how a lost race shows.
func (c *checker) errorCheckEdits(w *write, u *unchecked, file *ast.File, ret string) ([]analysis.TextEdit, bool) {
	fset := c.pass.Fset
	if u.expr == nil {
		return nil, false
	}
	suffix := ""
	if u.expr == w.node() {
		suffix = ".Err()" // the *SingleResult itself was dropped
	} else if calledName(u.expr) == "Raw" {
		return nil, false
	}
	target := w.cur
	if u.expr != w.node() {
		target = w.cur.Parent().Parent()
	}
	if u.bound == nil {
		// coll.FindOneAndUpdate(...).Decode(&v) as a statement.
		stmt, _, ok := statementInBlock(target.Parent())
		if !ok {
			return nil, false
		}
		return c.wrapInErrCheck(file, stmt, stmt.Pos(), u.expr.End(), suffix, ret), true
	}
	as, ok := u.bound.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 {
		return nil, false
	}
	if stmt, _, ok := statementInBlock(target.Parent()); !ok || stmt != as {
		return nil, false
	}
	if isBlank(as.Lhs[0]) {
		// _ = ...: replace "_ =" by the check.
		return c.wrapInErrCheck(file, as, as.Pos(), u.expr.End(), suffix, ret), true
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok || suffix != "" {
		return nil, false
	}
	// err = ...Decode(&v) with err never read afterwards.
	indent := indentOf(fset, as)
	return []analysis.TextEdit{insert(lineEnd(fset, file, as.End()),
		fmt.Sprintf("\n%sif %s != nil {\n%s\t%s%s\n%s}", indent, id.Name, indent, ret, id.Name, indent))}, true
}

// wrapInErrCheck turns the statement [start of stmt, exprEnd) into
// `if err := expr; err != nil { return ..., err }`; start is where the
// expression (or the "_ =" before it) begins.
func (c *checker) wrapInErrCheck(file *ast.File, stmt ast.Stmt, start, exprEnd token.Pos, suffix, ret string) []analysis.TextEdit {
	indent := indentOf(c.pass.Fset, stmt)
	errName := "err" // declared by the if statement, in its own scope
	if _, obj := c.pass.Pkg.Scope().Innermost(stmt.Pos()).LookupParent("err", stmt.Pos()); obj != nil && !isErrorVar(obj) {
		errName = c.freshName(stmt.Pos(), "err")
	}
	var edits []analysis.TextEdit
	if as, ok := stmt.(*ast.AssignStmt); ok {
		edits = append(edits, replace(as.Pos(), as.Rhs[0].Pos(), "if "+errName+" := "))
	} else {
		edits = append(edits, insert(start, "if "+errName+" := "))
	}
	head := fmt.Sprintf("%s; %s != nil {", suffix, errName)
	body := fmt.Sprintf("\n%s\t%s%s\n%s}", indent, ret, errName, indent)
	if end := lineEnd(c.pass.Fset, file, exprEnd); end != exprEnd {
		return append(edits, insert(exprEnd, head), insert(end, body))
	}
	return append(edits, insert(exprEnd, head+body))
}

// errNameToDefine is the name for the error variable that a := statement
// at pos declares or reuses: err when := reuses an error variable of the
// same block, or declares one that clashes with nothing in the block and
// hides no err that the block uses later; a fresh name otherwise.
func (c *checker) errNameToDefine(pos token.Pos) string {
	scope := c.pass.Pkg.Scope().Innermost(pos)
	_, visible := scope.LookupParent("err", pos)
	inBlock := scope.Lookup("err")
	switch {
	case visible == nil && inBlock == nil:
		return "err"
	case inBlock != nil && inBlock == visible && isErrorVar(visible):
		return "err"
	case inBlock == nil && isErrorVar(visible) && !c.usedWithin(visible, pos, scope.End()):
		return "err"
	}
	return c.freshName(pos, "err")
}

// errorInSight returns the error variable called err visible at pos.
func (c *checker) errorInSight(pos token.Pos) types.Object {
	if _, obj := c.pass.Pkg.Scope().Innermost(pos).LookupParent("err", pos); isErrorVar(obj) {
		return obj
	}
	return nil
}

func isErrorVar(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && isErrorType(v.Type())
}

// isErrorType reports whether t is the predeclared error type.
func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// usedWithin reports whether obj is used in [pos, end). It walks only the
// syntax around that range, not every use of the package.
func (c *checker) usedWithin(obj types.Object, pos, end token.Pos) bool {
	file := fileOf(c.pass, pos)
	if file == nil {
		return true // unknown: assume used
	}
	used := false
	ast.Inspect(file, func(n ast.Node) bool {
		if used || n == nil || n.End() <= pos || n.Pos() >= end {
			return false
		}
		if id, ok := n.(*ast.Ident); ok && id.Pos() >= pos && c.pass.TypesInfo.Uses[id] == obj {
			used = true
		}
		return !used
	})
	return used
}

// declaredInScopeOf reports whether id names a variable declared in the
// innermost scope at pos, so that := reuses it instead of hiding it.
func (c *checker) declaredInScopeOf(id *ast.Ident, pos token.Pos) bool {
	obj := c.pass.TypesInfo.ObjectOf(id)
	return obj != nil && c.pass.Pkg.Scope().Innermost(pos).Lookup(id.Name) == obj
}

// isErrCheck matches `if err != nil { ... }` without init or else.
func isErrCheck(n ast.Node, errName string) bool {
	ifs, ok := n.(*ast.IfStmt)
	if !ok || ifs.Init != nil || ifs.Else != nil {
		return false
	}
	bin, ok := ifs.Cond.(*ast.BinaryExpr)
	if !ok || bin.Op != token.NEQ {
		return false
	}
	x, ok := bin.X.(*ast.Ident)
	y, ok2 := bin.Y.(*ast.Ident)
	return ok && ok2 && x.Name == errName && y.Name == "nil"
}
