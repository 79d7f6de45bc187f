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

// appendElement inserts an element at the end of a composite literal,
// on the same line as the last element or on a line of its own, as the
// literal is laid out.
func appendElement(fset *token.FileSet, lit *ast.CompositeLit, elem string) analysis.TextEdit {
	if len(lit.Elts) == 0 {
		return insert(lit.Rbrace, elem)
	}
	last := lit.Elts[len(lit.Elts)-1]
	if fset.Position(last.End()).Line == fset.Position(lit.Rbrace).Line {
		return insert(last.End(), ", "+elem)
	}
	// The last element ends its line with a comma, which now follows elem.
	return insert(last.End(), ",\n"+indentOf(fset, last)+elem)
}

// isInside reports whether the literal lit lies within the node outer.
func isInside(n *ast.CompositeLit, outer ast.Node) bool {
	return n != nil && outer.Pos() <= n.Pos() && n.End() <= outer.End()
}

// enclosingFuncType returns the signature of the innermost function that
// holds cur.
func enclosingFuncType(info *types.Info, cur inspector.Cursor) *types.Signature {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch f := f.Node().(type) {
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
	if !types.Identical(res.At(res.Len()-1).Type(), types.Universe.Lookup("error").Type()) {
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
