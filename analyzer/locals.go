package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// This file follows the local variables of one function that hold
// documents: where each is declared, and every statement that changes it.
// The evaluator uses it to read `filter := bson.M{...}` at a later call,
// including keys added in between, and to give up when a variable changes
// in a way it cannot follow (in a loop or a branch, through a pointer, in
// a function it is passed to).

// funcLocals indexes the document variables of one function, closures
// included.
type funcLocals struct {
	vars    map[*types.Var]*localVar
	loops   []ast.Node // for and range statements of the function
	decodes []decode   // driver Decode calls, in source order
}

// A decode is a variable filled by SingleResult.Decode or Cursor.Decode:
// a document read through the driver, whose fields hold old values.
type decode struct {
	v   *types.Var
	pos token.Pos
}

// A localVar is one document variable.
type localVar struct {
	init    ast.Expr  // value at declaration; nil for the zero value
	defPos  token.Pos // the declaring statement
	block   ast.Node  // the block that holds the declaration
	opaque  bool      // declared in a way the analyzer does not follow
	changes []change  // in source order
}

// A change is a statement that changes a document variable after its
// declaration.
type change struct {
	pos        token.Pos
	block      ast.Node
	key, value ast.Expr   // m[key] = value
	elems      []ast.Expr // d = append(d, elems...)
	opaque     bool       // anything else
}

// varHistory is what a variable holds at one use: its initial value and
// the changes made to it before that use, all in the declaring block.
type varHistory struct {
	init    ast.Expr
	changes []change
}

// newFuncLocals indexes the function at fn (a FuncDecl or FuncLit).
// readsOnly tells the functions (the driver's among them) known to only read
// the documents passed to them.
func newFuncLocals(info *types.Info, fn inspector.Cursor, readsOnly func(*types.Func) bool) *funcLocals {
	fl := &funcLocals{vars: make(map[*types.Var]*localVar)}
	for c := range fn.Preorder((*ast.Ident)(nil), (*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.CallExpr)(nil)) {
		var id *ast.Ident
		switch n := c.Node().(type) {
		case *ast.CallExpr:
			if v, ok := decodedVar(info, n); ok {
				fl.decodes = append(fl.decodes, decode{v, n.Pos()})
			}
			continue
		case *ast.Ident:
			id = n
		default:
			fl.loops = append(fl.loops, n)
			continue
		}
		if def, ok := info.Defs[id].(*types.Var); ok && isTrackedVar(def) {
			fl.vars[def] = declaration(c)
			continue
		}
		use, ok := info.Uses[id].(*types.Var)
		if !ok || !isTrackedVar(use) {
			continue
		}
		if lv := fl.vars[use]; lv != nil {
			if ch, changed := changeAt(info, c, use, readsOnly); changed {
				lv.changes = append(lv.changes, ch)
			}
		}
	}
	return fl
}

// isTrackedVar reports whether v is a local variable whose type can hold
// a document that the evaluator reads from its value.
func isTrackedVar(v *types.Var) bool {
	if v.IsField() || v.Pkg() == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	switch kindOf(v.Type()) {
	case mapDoc, orderedDoc, elemDoc, arrayDoc:
		return true
	}
	_, isIface := v.Type().Underlying().(*types.Interface)
	return isIface
}

// declaration reads the statement that declares the variable at c.
func declaration(c inspector.Cursor) *localVar {
	lv := &localVar{opaque: true}
	switch c.ParentEdgeKind() {
	case edge.AssignStmt_Lhs:
		as := c.Parent().Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			lv.init, lv.opaque = as.Rhs[c.ParentEdgeIndex()], false
		}
	case edge.ValueSpec_Names:
		vs := c.Parent().Node().(*ast.ValueSpec)
		switch len(vs.Values) {
		case 0:
			lv.opaque = false
		case len(vs.Names):
			lv.init, lv.opaque = vs.Values[c.ParentEdgeIndex()], false
		}
	}
	stmt, block := enclosingStatement(c)
	if stmt == nil {
		lv.opaque = true
		return lv
	}
	lv.defPos, lv.block = stmt.Pos(), block
	return lv
}

// changeAt classifies the use of v at c. It reports false for uses that
// only read the variable.
func changeAt(info *types.Info, c inspector.Cursor, v *types.Var, readsOnly func(*types.Func) bool) (change, bool) {
	stmt, block := enclosingStatement(c)
	if stmt == nil {
		return change{}, false
	}
	ch := change{pos: stmt.Pos(), block: block, opaque: true}
	parent := c.Parent()
	switch c.ParentEdgeKind() {
	case edge.AssignStmt_Lhs:
		as := parent.Node().(*ast.AssignStmt)
		if elems, ok := appendTo(info, as, v); ok {
			ch.elems, ch.opaque = elems, false
		}
		return ch, true

	case edge.IndexExpr_X:
		if parent.ParentEdgeKind() != edge.AssignStmt_Lhs {
			if parent.ParentEdgeKind() == edge.IncDecStmt_X {
				return ch, true
			}
			return change{}, false // m[k] read
		}
		as := parent.Parent().Node().(*ast.AssignStmt)
		if as.Tok == token.ASSIGN && len(as.Lhs) == len(as.Rhs) {
			ch.key = parent.Node().(*ast.IndexExpr).Index
			ch.value = as.Rhs[parent.ParentEdgeIndex()]
			ch.opaque = false
		}
		return ch, true

	case edge.UnaryExpr_X:
		return ch, parent.Node().(*ast.UnaryExpr).Op == token.AND

	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
		// Another variable now shares the map or slice.
		return ch, true

	case edge.CallExpr_Args:
		call := parent.Node().(*ast.CallExpr)
		if fn, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[fn].(*types.Builtin); ok {
				switch b.Name() {
				case "append", "len", "cap":
					return change{}, false
				}
				return ch, true // delete, clear, copy
			}
		}
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			return change{}, false // a conversion
		}
		if fn := calleeFunc(info, call); fn != nil && readsOnly(fn) {
			return change{}, false
		}
		return ch, true // any other function may change it
	}
	return change{}, false
}

// appendTo matches `v = append(v, elems...)`.
func appendTo(info *types.Info, as *ast.AssignStmt, v *types.Var) ([]ast.Expr, bool) {
	if as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return nil, false
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || call.Ellipsis.IsValid() || len(call.Args) == 0 {
		return nil, false
	}
	fn, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil, false
	}
	if b, ok := info.Uses[fn].(*types.Builtin); !ok || b.Name() != "append" {
		return nil, false
	}
	first, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok || info.Uses[first] != v {
		return nil, false
	}
	return call.Args[1:], true
}

// enclosingStatement returns the statement that holds c and the block
// (BlockStmt, CaseClause or CommClause) that holds the statement.
func enclosingStatement(c inspector.Cursor) (ast.Stmt, ast.Node) {
	for ; c.Node() != nil; c = c.Parent() {
		switch c.ParentEdgeKind() {
		case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
			stmt, _ := c.Node().(ast.Stmt)
			return stmt, c.Parent().Node()
		}
	}
	return nil, nil
}

// history returns what the local variable used at id holds there, or false
// when it is not a local document variable or changes in a way the
// evaluator does not follow.
func (fl *funcLocals) history(info *types.Info, id *ast.Ident) (varHistory, bool) {
	if fl == nil {
		return varHistory{}, false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return varHistory{}, false
	}
	lv := fl.vars[v]
	if lv == nil || lv.opaque {
		return varHistory{}, false
	}
	h := varHistory{init: lv.init}
	for _, ch := range lv.changes {
		if ch.pos < id.Pos() {
			if ch.opaque || ch.block != lv.block {
				return varHistory{}, false
			}
			h.changes = append(h.changes, ch)
		} else if fl.loopCarried(lv.defPos, ch.pos, id.Pos()) {
			return varHistory{}, false
		}
	}
	return h, true
}

// unchanged returns the initial value of a local variable that nothing
// changes before the use at id.
func (fl *funcLocals) unchanged(info *types.Info, id *ast.Ident) (ast.Expr, bool) {
	h, ok := fl.history(info, id)
	if !ok || h.init == nil || len(h.changes) > 0 {
		return nil, false
	}
	return h.init, true
}

// loopCarried reports whether a change after a use can still reach the
// use on a later iteration of a loop that holds both but not the
// declaration.
func (fl *funcLocals) loopCarried(def, changed, use token.Pos) bool {
	for _, loop := range fl.loops {
		in := func(p token.Pos) bool { return loop.Pos() <= p && p < loop.End() }
		if in(changed) && in(use) && !in(def) {
			return true
		}
	}
	return false
}

// decodedVar matches x.Decode(&v) or x.Decode(v) where x is a driver
// *SingleResult or *Cursor, and returns v.
func decodedVar(info *types.Info, call *ast.CallExpr) (*types.Var, bool) {
	if len(call.Args) != 1 {
		return nil, false
	}
	fn := calleeFunc(info, call)
	recv, ok := methodOf(fn)
	if !ok || fn.Name() != "Decode" || (recv.Name() != "SingleResult" && recv.Name() != "Cursor") {
		return nil, false
	}
	arg := ast.Unparen(call.Args[0])
	if u, ok := arg.(*ast.UnaryExpr); ok && u.Op == token.AND {
		arg = ast.Unparen(u.X)
	}
	id, ok := arg.(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := info.Uses[id].(*types.Var)
	return v, ok
}

// decodedBefore returns the variables that a driver Decode fills before pos.
func (fl *funcLocals) decodedBefore(pos token.Pos) map[*types.Var]bool {
	decoded := make(map[*types.Var]bool)
	if fl == nil {
		return decoded
	}
	for _, d := range fl.decodes {
		if d.pos < pos {
			decoded[d.v] = true
		}
	}
	return decoded
}
