package analyzer

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Helpers shared by the fixes. Fixes are text insertions around the code
// as written (never a reprint of a whole statement), so comments survive,
// and they assume gofmt'd source: new lines are indented with tabs to the
// column of the statement they follow.

// exprText prints an expression.
func exprText(fset *token.FileSet, e ast.Expr) string {
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, e); err != nil {
		return ""
	}
	return buf.String()
}

// indentOf returns the tab indentation of the line that starts at n.
func indentOf(fset *token.FileSet, n ast.Node) string {
	return strings.Repeat("\t", fset.Position(n.Pos()).Column-1)
}

// insert is a text edit that inserts text at pos.
func insert(pos token.Pos, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(text)}
}

// replace is a text edit that replaces [pos, end) by text.
func replace(pos, end token.Pos, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: pos, End: end, NewText: []byte(text)}
}

// appendElement inserts elements at the end of a composite literal, on
// the same line as the last element or each on a line of its own, as the
// literal is laid out.
func appendElement(fset *token.FileSet, lit *ast.CompositeLit, elems ...string) analysis.TextEdit {
	if len(lit.Elts) == 0 {
		return insert(lit.Rbrace, strings.Join(elems, ", "))
	}
	last := lit.Elts[len(lit.Elts)-1]
	if fset.Position(last.End()).Line == fset.Position(lit.Rbrace).Line {
		return insert(last.End(), ", "+strings.Join(elems, ", "))
	}
	// The last element ends its line with a comma, which now follows the
	// new ones.
	sep := ",\n" + indentOf(fset, last)
	return insert(last.End(), sep+strings.Join(elems, sep))
}

// isInside reports whether the literal lit lies within the node outer.
func isInside(n *ast.CompositeLit, outer ast.Node) bool {
	return n != nil && outer.Pos() <= n.Pos() && n.End() <= outer.End()
}

// enclosingFuncType returns the signature of the innermost function that
// holds cur.
func enclosingFuncType(info *types.Info, cur inspector.Cursor) *types.Signature {
	fn := enclosingFunc(cur)
	if !fn.Valid() {
		return nil
	}
	switch f := fn.Node().(type) {
	case *ast.FuncDecl:
		if obj, ok := info.Defs[f.Name].(*types.Func); ok {
			sig, _ := obj.Type().(*types.Signature)
			return sig
		}
	case *ast.FuncLit:
		if tv, ok := info.Types[f]; ok {
			sig, _ := tv.Type.(*types.Signature)
			return sig
		}
	}
	return nil
}

// errorReturn returns the start of a return statement for the function
// at cur: the zero values of every result but the last, which must be an
// error, followed by ", " (or nothing when error is the only result).
func errorReturn(info *types.Info, file *ast.File, pkg *types.Package, cur inspector.Cursor) (string, bool) {
	sig := enclosingFuncType(info, cur)
	if sig == nil || sig.Results().Len() == 0 {
		return "", false
	}
	res := sig.Results()
	if !isErrorType(res.At(res.Len() - 1).Type()) {
		return "", false
	}
	var b strings.Builder
	b.WriteString("return ")
	for i := 0; i < res.Len()-1; i++ {
		z, ok := zeroValue(res.At(i).Type(), file, pkg)
		if !ok {
			return "", false
		}
		b.WriteString(z + ", ")
	}
	return b.String(), true
}

// zeroValue writes the zero value of t as Go source in file.
func zeroValue(t types.Type, file *ast.File, pkg *types.Package) (string, bool) {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return "false", true
		case u.Info()&types.IsString != 0:
			return `""`, true
		case u.Info()&types.IsNumeric != 0:
			return "0", true
		case u.Kind() == types.UnsafePointer:
			return "nil", true
		}
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		if _, isParam := types.Unalias(t).(*types.TypeParam); !isParam {
			return "nil", true
		}
	case *types.Struct, *types.Array:
		if _, named := types.Unalias(t).(*types.Named); named {
			ok := true
			s := types.TypeString(t, func(p *types.Package) string {
				if p == pkg {
					return ""
				}
				name, found := importName(file, p.Path())
				ok = ok && found
				return name
			})
			return s + "{}", ok
		}
	}
	return "", false
}

// importName returns the name under which file imports path.
func importName(file *ast.File, path string) (string, bool) {
	for _, spec := range file.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil || p != path {
			continue
		}
		if spec.Name != nil {
			if spec.Name.Name == "_" || spec.Name.Name == "." {
				return "", false
			}
			return spec.Name.Name, true
		}
		return p[strings.LastIndex(p, "/")+1:], true
	}
	return "", false
}

// ensureErrorsImport returns the name to call errors.New by in file at
// pos, and the edit that adds the import when the file lacks it.
func ensureErrorsImport(file *ast.File, pkg *types.Package, pos token.Pos) (string, []analysis.TextEdit, bool) {
	scope := pkg.Scope().Innermost(pos)
	if name, ok := importName(file, "errors"); ok {
		if _, obj := scope.LookupParent(name, pos); obj != nil {
			if _, isPkg := obj.(*types.PkgName); isPkg {
				return name, nil, true
			}
		}
		return "", nil, false
	}
	if _, obj := scope.LookupParent("errors", pos); obj != nil {
		return "", nil, false // a local named errors hides the package
	}
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if !gd.Lparen.IsValid() {
			return "errors", []analysis.TextEdit{insert(gd.End(), "\n\nimport \"errors\"")}, true
		}
		// Put it among the standard-library imports, in gofmt's order.
		var lastStd ast.Spec
		for _, spec := range gd.Specs {
			path := spec.(*ast.ImportSpec).Path.Value
			if strings.Contains(path, ".") {
				continue
			}
			if path > `"errors"` {
				return "errors", []analysis.TextEdit{insert(spec.Pos(), "\"errors\"\n\t")}, true
			}
			lastStd = spec
		}
		if lastStd == nil {
			return "errors", []analysis.TextEdit{insert(gd.Specs[0].Pos(), "\"errors\"\n\n\t")}, true
		}
		return "errors", []analysis.TextEdit{insert(lastStd.End(), "\n\t\"errors\"")}, true
	}
	return "errors", []analysis.TextEdit{insert(file.Name.End(), "\n\nimport \"errors\"")}, true
}

// freshName returns base, or base with a number, that names nothing
// visible at pos, nothing declared later in the same block, and nothing
// another fix of this pass declares there: declaring it at pos neither
// hides nor clashes, even when all fixes are applied at once.
func (c *checker) freshName(pos token.Pos, base string) string {
	scope := c.pass.Pkg.Scope().Innermost(pos)
	taken := c.fixNames[scope]
	name := base
	for i := 2; ; i++ {
		if _, obj := scope.LookupParent(name, pos); obj == nil && scope.Lookup(name) == nil && !taken[name] {
			if taken == nil {
				taken = make(map[string]bool)
				c.fixNames[scope] = taken
			}
			taken[name] = true
			return name
		}
		name = base + strconv.Itoa(i)
	}
}

// lineEnd returns the end of the line that holds pos, past any comment
// that follows pos there, so that inserted lines go below the comment.
func lineEnd(fset *token.FileSet, file *ast.File, pos token.Pos) token.Pos {
	line := fset.Position(pos).Line
	end := pos
	for _, group := range file.Comments {
		for _, com := range group.List {
			if com.Pos() >= pos && fset.Position(com.Pos()).Line == line {
				end = max(end, com.End())
			}
		}
	}
	return end
}

// fileOf returns the syntax tree that holds pos.
func fileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// statementInBlock returns the statement at cur and its cursor, when it
// is directly in a block (so text can go before and after it).
func statementInBlock(cur inspector.Cursor) (ast.Stmt, inspector.Cursor, bool) {
	switch cur.ParentEdgeKind() {
	case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
		stmt, ok := cur.Node().(ast.Stmt)
		return stmt, cur, ok
	}
	return nil, cur, false
}

// resultName returns the name to bind the discarded *UpdateResult of call
// to (`_, err := call` becomes `res, err := call`). Every fix that binds
// it gets the same name, so that their edits coincide when all are
// applied at once.
func (c *checker) resultName(call *ast.CallExpr) string {
	if name, ok := c.resultNames[call]; ok {
		return name
	}
	name := c.freshName(call.Pos(), "res")
	c.resultNames[call] = name
	return name
}

// Edits of the elements of a document literal. gofmt aligns the values
// of a multi-line map literal in a column after the longest key, so
// removing an element or renaming a key can move the values of the
// others; the edits below move them as gofmt would, and decline layouts
// they do not handle (comments, blank lines, several elements on a line).

// elementIndex returns the index of the element of lit that holds n, or -1.
func elementIndex(lit *ast.CompositeLit, n ast.Node) int {
	for i, e := range lit.Elts {
		if e.Pos() <= n.Pos() && n.End() <= e.End() {
			return i
		}
	}
	return -1
}

// hasComments reports whether a comment lies within n.
func (c *checker) hasComments(n ast.Node) bool {
	file := fileOf(c.pass, n.Pos())
	if file == nil {
		return true
	}
	for _, g := range file.Comments {
		if g.Pos() < n.End() && n.Pos() < g.End() {
			return true
		}
	}
	return false
}

// plainLines reports whether each element of the multi-line literal lit
// starts on the line after the previous one ends (or after the opening
// brace), and the closing brace is on the line after the last element:
// no blank lines, no two elements on a line.
func (c *checker) plainLines(lit *ast.CompositeLit) bool {
	line := func(p token.Pos) int { return c.pass.Fset.Position(p).Line }
	prev := line(lit.Lbrace)
	for _, e := range lit.Elts {
		if line(e.Pos()) != prev+1 {
			return false
		}
		prev = line(e.End())
	}
	return line(lit.Rbrace) == prev+1
}

// removeElement returns the edits that remove element i of lit, with its
// comma, leaving the literal gofmt-clean.
func (c *checker) removeElement(lit *ast.CompositeLit, i int) ([]analysis.TextEdit, bool) {
	fset := c.pass.Fset
	line := func(p token.Pos) int { return fset.Position(p).Line }
	elts := lit.Elts
	if c.hasComments(lit) {
		return nil, false
	}
	if len(elts) == 1 {
		return []analysis.TextEdit{replace(lit.Lbrace+1, lit.Rbrace, "")}, true
	}
	if line(lit.Lbrace) == line(lit.Rbrace) {
		if i < len(elts)-1 {
			return []analysis.TextEdit{replace(elts[i].Pos(), elts[i+1].Pos(), "")}, true
		}
		return []analysis.TextEdit{replace(elts[i-1].End(), elts[i].End(), "")}, true
	}
	if !c.plainLines(lit) {
		return nil, false
	}
	// Remove the element's lines, then realign the values of the others.
	tf := fset.File(lit.Pos())
	edits := []analysis.TextEdit{replace(tf.LineStart(line(elts[i].Pos())), tf.LineStart(line(elts[i].End())+1), "")}
	if kindOf(c.pass.TypesInfo.TypeOf(lit)) != mapDoc {
		return edits, true
	}
	align, ok := c.alignValues(lit, i, nil)
	return append(edits, align...), ok
}

// alignValues returns the edits that put the values of the map literal
// lit where gofmt puts them once element drop (-1 for none) is removed
// and the keys of the elements in widths have the given widths. gofmt
// aligns the values of consecutive one-line elements after the widest key
// of the run, with one space of padding; an element over several lines
// ends the run. Keys wider than 40 columns follow another rule: declined.
func (c *checker) alignValues(lit *ast.CompositeLit, drop int, widths map[int]int) ([]analysis.TextEdit, bool) {
	fset := c.pass.Fset
	line := func(p token.Pos) int { return fset.Position(p).Line }
	if line(lit.Lbrace) == line(lit.Rbrace) {
		return nil, true // one line: no column
	}
	if !c.plainLines(lit) || c.hasComments(lit) {
		return nil, false
	}
	type row struct {
		kv    *ast.KeyValueExpr
		width int
	}
	var run []row
	var edits []analysis.TextEdit
	flush := func() {
		widest := 0
		for _, r := range run {
			widest = max(widest, r.width)
		}
		for _, r := range run {
			gap := fset.Position(r.kv.Value.Pos()).Offset - fset.Position(r.kv.Colon).Offset - 1
			if want := widest - r.width + 1; gap != want {
				edits = append(edits, replace(r.kv.Colon+1, r.kv.Value.Pos(), strings.Repeat(" ", want)))
			}
		}
		run = run[:0]
	}
	for i, e := range lit.Elts {
		if i == drop {
			continue
		}
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			return nil, false
		}
		if line(kv.Pos()) != line(kv.End()) {
			flush()
			continue
		}
		w, ok := widths[i]
		if !ok {
			w, ok = c.keyWidth(kv.Key)
		}
		if !ok || w > 40 {
			return nil, false
		}
		run = append(run, row{kv, w})
	}
	flush()
	return edits, true
}

// keyWidth returns the width of a key as written, when it is plain ASCII
// on one line.
func (c *checker) keyWidth(key ast.Expr) (int, bool) {
	ascii := true
	ast.Inspect(key, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok {
			for i := 0; i < len(lit.Value); i++ {
				ascii = ascii && lit.Value[i] < 0x80
			}
		}
		return ascii
	})
	start, end := c.pass.Fset.Position(key.Pos()), c.pass.Fset.Position(key.End())
	return end.Offset - start.Offset, ascii && start.Line == end.Line
}
