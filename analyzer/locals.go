package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// This file follows what surely gave the local variables of one function
// their value (a driver read, a Decode, a reader's result) and what may
// have changed them since, so that the rules can tie a test or a write to
// the read it depends on (see readOf and decodeAt). What a document
// variable holds at a write is the value-flow layer's (internal/flow);
// this file still follows a variable through the block that declares it
// only, and is the next to move onto that layer.

// funcLocals indexes the local variables of one function, closures
// included. The function's loops, function literals and Decode calls are
// found when it is built; each variable is indexed when a rule first asks
// about it (see local), as most variables are never asked about and
// finding a variable's uses means a lookup in the large Uses map per
// identifier of its name.
type funcLocals struct {
	info      *types.Info
	fn        inspector.Cursor
	readsOnly func(*types.Func) bool

	loops   []ast.Node // for and range statements of the function
	lits    []ast.Node // function literals of the function, in source order
	hasGoto bool       // a goto can jump over any assignment
	decodes []decode   // driver Decode calls, in source order
	// vars are the variables indexed so far; nil for a variable that is
	// not a local of the function.
	vars map[*types.Var]*localVar
}

// A decode is a variable filled by SingleResult.Decode or Cursor.Decode:
// a document read through the driver, whose fields hold old values.
type decode struct {
	v    *types.Var
	call *ast.CallExpr
	// end, reach and fn: as for an assignment, the document is in v from
	// end on, surely in [end, reach), in the function literal fn.
	end, reach token.Pos
	fn         ast.Node
}

// A localVar is one local variable. For a document variable (tracked),
// its value is followed: its initial value and every change. For the
// others, only what gives them a value, and what may change them, is
// followed (see resultAt, decodeAt and touchedBetween).
type localVar struct {
	tracked bool      // a document variable (see isTrackedVar)
	init    ast.Expr  // value at declaration; nil for the zero value
	defPos  token.Pos // the declaring statement
	block   ast.Node  // the block that holds the declaration
	opaque  bool      // declared in a way the analyzer does not follow
	changes []change  // in source order

	// assigns are the declaration and every statement that gives the
	// variable a new value of its own, in source order: what an error
	// variable holds is followed through them (see resultAt).
	assigns   []assignment
	addrTaken bool // &v: it may change anywhere
	// touches are the uses of an untracked variable that may change it or a
	// part of it (v = x, v.f = x, v.f++, &v, a pointer method call),
	// except the Decode calls that fill it.
	touches []token.Pos
	// uses are all the uses of the variable, in source order: the rules
	// that follow a result look at each (see boundUses).
	uses []inspector.Cursor
}

// An assignment gives a variable a new value: its declaration, or an
// assignment statement (not a change of the map or slice it holds).
type assignment struct {
	end token.Pos // the value takes effect here, at the end of the statement
	// reach is the code that surely runs after the assignment, with no
	// other path into it: [end, reach). NoPos when there is none.
	reach token.Pos
	fn    ast.Node // the innermost function literal that holds it; nil for the outer function
	// call and result: the value is result number result of call; call is
	// nil for any other value.
	call   *ast.CallExpr
	result int
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

// newFuncLocals indexes the function at fn (a FuncDecl or FuncLit).
// readsOnly tells the functions (the driver's among them) known to only read
// the documents passed to them.
//
// A document is read (see decode) by a driver Decode, by Cursor.All, by a
// range over a slice that All filled, and by a call of a reader, a
// function that returns what it decoded (isReader; repo.Get(ctx, id)).
func newFuncLocals(info *types.Info, fn inspector.Cursor, readsOnly, isReader func(*types.Func) bool) *funcLocals {
	fl := &funcLocals{info: info, fn: fn, readsOnly: readsOnly, vars: make(map[*types.Var]*localVar)}
	for c := range fn.Preorder((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.CallExpr)(nil),
		(*ast.FuncLit)(nil), (*ast.BranchStmt)(nil)) {
		switch n := c.Node().(type) {
		case *ast.CallExpr:
			if v, ok := decodedVar(info, n); ok {
				fl.decodes = append(fl.decodes, fl.decodeAtCall(c, v))
			} else if v, ok := readerResult(info, c, isReader); ok {
				fl.decodes = append(fl.decodes, fl.decodeAtCall(c, v))
			}
		case *ast.FuncLit:
			fl.lits = append(fl.lits, n)
		case *ast.BranchStmt:
			fl.hasGoto = fl.hasGoto || n.Tok == token.GOTO
		case *ast.RangeStmt:
			fl.loops = append(fl.loops, n)
			if d, ok := fl.rangeDecode(n); ok {
				fl.decodes = append(fl.decodes, d)
			}
		default:
			fl.loops = append(fl.loops, n)
		}
	}
	return fl
}

// rangeDecode matches for _, x := range xs over a slice xs that Cursor.All
// filled before: x holds a document read, in the loop's body.
func (fl *funcLocals) rangeDecode(rs *ast.RangeStmt) (decode, bool) {
	x, ok := rs.X.(*ast.Ident)
	val, ok2 := rs.Value.(*ast.Ident)
	if !ok || !ok2 || rs.Tok != token.DEFINE {
		return decode{}, false
	}
	xs, ok := fl.info.Uses[x].(*types.Var)
	v, ok2 := fl.info.Defs[val].(*types.Var)
	if !ok || !ok2 {
		return decode{}, false
	}
	for _, d := range fl.decodes {
		if d.v == xs && d.call.End() <= rs.Pos() && calledName(d.call) == "All" {
			return decode{v: v, call: d.call, end: val.End(), reach: rs.Body.End(), fn: fl.funcAt(rs.Pos())}, true
		}
	}
	return decode{}, false
}

// readerResult matches x, err := get(...) (or x := get(...)) where get is
// a reader: x holds a document read through the driver.
func readerResult(info *types.Info, c inspector.Cursor, isReader func(*types.Func) bool) (*types.Var, bool) {
	if isReader == nil || c.ParentEdgeKind() != edge.AssignStmt_Rhs || c.ParentEdgeIndex() != 0 {
		return nil, false
	}
	as := c.Parent().Node().(*ast.AssignStmt)
	if len(as.Rhs) != 1 {
		return nil, false
	}
	fn := calleeFunc(info, c.Node().(*ast.CallExpr))
	if fn == nil || !isReader(fn) {
		return nil, false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	return v, ok
}

// local returns what is followed of v, or nil when v is not a local
// variable declared in the function.
func (fl *funcLocals) local(v *types.Var) *localVar {
	if v == nil {
		return nil
	}
	lv, ok := fl.vars[v]
	if !ok {
		lv = fl.index(v)
		fl.vars[v] = lv
	}
	return lv
}

// index finds the declaration of v in the function and every use of it,
// in source order. Only the identifiers in v's scope, with v's name, are
// looked up.
func (fl *funcLocals) index(v *types.Var) *localVar {
	if !isLocalVar(v) || v.Pos() < fl.fn.Node().Pos() || v.Pos() >= fl.fn.Node().End() {
		return nil
	}
	root := fl.fn
	if s := v.Parent(); s.Pos().IsValid() {
		if c, ok := fl.fn.FindByPos(s.Pos(), s.End()); ok {
			root = c
		}
	}
	var lv *localVar
	for c := range root.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		if id.Name != v.Name() || id.Pos() < v.Pos() || c.ParentEdgeKind() == edge.SelectorExpr_Sel {
			continue
		}
		if lv == nil {
			// The declaration comes first; before it, nothing is v.
			if obj, ok := defined(fl.info, c, id); ok && obj == v {
				if isTrackedVar(v) {
					lv = declaration(c)
					lv.tracked = true
				} else {
					lv = &localVar{}
				}
				lv.assigns = []assignment{fl.assignmentAt(c)}
			}
			continue
		}
		if _, isDef := defined(fl.info, c, id); isDef || fl.info.Uses[id] != v {
			continue // another variable of the same name, or not a variable
		}
		lv.uses = append(lv.uses, c)
		if !lv.tracked {
			fl.notePlainUse(lv, c)
			continue
		}
		if ch, changed := changeAt(fl.info, c, v, fl.readsOnly); changed {
			lv.changes = append(lv.changes, ch)
		}
		switch c.ParentEdgeKind() {
		case edge.AssignStmt_Lhs, edge.RangeStmt_Key, edge.RangeStmt_Value:
			lv.assigns = append(lv.assigns, fl.assignmentAt(c))
		case edge.UnaryExpr_X:
			lv.addrTaken = lv.addrTaken || c.Parent().Node().(*ast.UnaryExpr).Op == token.AND
		}
	}
	return lv
}

// defined returns the object that id, at c, declares: it looks in Defs
// only where a declaration can be, as most identifiers are uses.
func defined(info *types.Info, c inspector.Cursor, id *ast.Ident) (types.Object, bool) {
	switch c.ParentEdgeKind() {
	case edge.AssignStmt_Lhs, edge.ValueSpec_Names, edge.Field_Names, edge.RangeStmt_Key, edge.RangeStmt_Value:
		obj, ok := info.Defs[id]
		return obj, ok
	}
	return nil, false
}

// assignmentAt describes the assignment of the variable named at c, on
// the left of an assignment or a declaration.
func (fl *funcLocals) assignmentAt(c inspector.Cursor) assignment {
	a := assignment{end: c.Node().End(), fn: fl.funcAt(c.Node().Pos())}
	i := c.ParentEdgeIndex()
	var stmt inspector.Cursor
	var lhs, rhs []ast.Expr
	switch c.ParentEdgeKind() {
	case edge.AssignStmt_Lhs:
		stmt = c.Parent()
		as := stmt.Node().(*ast.AssignStmt)
		if as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
			return a // x += y
		}
		lhs, rhs = as.Lhs, as.Rhs
	case edge.ValueSpec_Names:
		// var v = x: the ValueSpec is in a GenDecl, in a DeclStmt.
		stmt = c.Parent().Parent().Parent()
		if _, ok := stmt.Node().(*ast.DeclStmt); !ok {
			return a
		}
		vs := c.Parent().Node().(*ast.ValueSpec)
		for _, n := range vs.Names {
			lhs = append(lhs, n)
		}
		rhs = vs.Values
	default:
		return a // a parameter, a range variable
	}
	a.end, a.reach = stmt.Node().End(), reachOf(stmt)
	switch {
	case len(rhs) == 1 && len(lhs) > 1:
		a.call, _ = ast.Unparen(rhs[0]).(*ast.CallExpr)
		a.result = i
	case len(rhs) == len(lhs):
		a.call, _ = ast.Unparen(rhs[i]).(*ast.CallExpr)
	}
	return a
}

// reachOf returns the end of the code that surely runs after the
// statement at s, and only after it: the rest of its block, or of the if
// or switch statement whose init it is. NoPos when there is none, as for
// a for statement's post statement.
func reachOf(s inspector.Cursor) token.Pos {
	switch s.ParentEdgeKind() {
	case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
		return s.Parent().Node().End()
	case edge.IfStmt_Init, edge.SwitchStmt_Init, edge.TypeSwitchStmt_Init:
		p := s.Parent()
		if r := reachOf(p); r.IsValid() {
			return r
		}
		return p.Node().End() // an else if: runs only when it is reached
	}
	return token.NoPos
}

// funcAt returns the innermost function literal that holds pos, or nil
// for the outer function.
func (fl *funcLocals) funcAt(pos token.Pos) ast.Node {
	for i := len(fl.lits) - 1; i >= 0; i-- {
		if lit := fl.lits[i]; lit.Pos() <= pos && pos < lit.End() {
			return lit
		}
	}
	return nil
}

// resultAt returns the call whose result number result the variable used
// at id surely holds there. It answers only when the last assignment
// before the use stores that result, runs on every path to the use, and
// nothing else can assign the variable in between: no assignment in
// another function (a closure may run at any time), none through a
// pointer, none later in a loop that holds the use, no goto.
func (fl *funcLocals) resultAt(id *ast.Ident) (call *ast.CallExpr, result int, ok bool) {
	if fl == nil || fl.hasGoto {
		return nil, 0, false
	}
	v, isVar := fl.info.Uses[id].(*types.Var)
	lv := fl.local(v)
	if !isVar || lv == nil || lv.addrTaken {
		return nil, 0, false
	}
	use := id.Pos()
	useFn := fl.funcAt(use)
	var last *assignment
	for i := range lv.assigns {
		a := &lv.assigns[i]
		// The declaration runs before any closure that sees the variable
		// exists; any other assignment must be in the function of the use.
		if i > 0 && a.fn != useFn {
			return nil, 0, false
		}
		if a.end <= use && (last == nil || a.end >= last.end) {
			last = a
		}
	}
	if last == nil || last.call == nil || use < last.end || use >= last.reach {
		return nil, 0, false
	}
	for _, a := range lv.assigns {
		if a.end > use && fl.loopCarried(last.end, a.end, use) {
			return nil, 0, false
		}
	}
	return last.call, last.result, true
}

// isTrackedVar reports whether v is a local variable whose type can hold
// a document that the evaluator reads from its value.
func isTrackedVar(v *types.Var) bool {
	if !isLocalVar(v) {
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

	case edge.RangeStmt_Key, edge.RangeStmt_Value:
		return ch, true // for _, v = range xs

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
		if isConversion(info, call) {
			return change{}, false
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
// *SingleResult or *Cursor, or cur.All(ctx, &v), and returns v.
func decodedVar(info *types.Info, call *ast.CallExpr) (*types.Var, bool) {
	var arg ast.Expr
	switch name := calledName(call); {
	case name == "Decode" && len(call.Args) == 1:
		arg = call.Args[0]
	case name == "All" && len(call.Args) == 2:
		arg = call.Args[1]
	default:
		return nil, false
	}
	fn := calleeFunc(info, call)
	recv, ok := methodOf(fn)
	if !ok || recv.Name() != "SingleResult" && recv.Name() != "Cursor" {
		return nil, false
	}
	return pointedVar(info, arg)
}

// pointedVar matches e as x or &x, where x is a variable, and returns x.
func pointedVar(info *types.Info, e ast.Expr) (*types.Var, bool) {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := info.Uses[id].(*types.Var)
	return v, ok
}

// decodedBefore returns the variables that a driver Decode fills before
// pos.
func (fl *funcLocals) decodedBefore(pos token.Pos) varSet {
	var decoded varSet
	if fl == nil {
		return nil
	}
	for _, d := range fl.decodes {
		if d.call.Pos() < pos && !decoded.has(d.v) {
			decoded = append(decoded, d.v)
		}
	}
	return decoded
}

// A varSet is a set of variables, most often of one or two.
type varSet []*types.Var

func (s varSet) has(v *types.Var) bool { return slices.Contains(s, v) }

// isLocalVar reports whether v is a variable of a function: not a field,
// not a package-level variable.
func isLocalVar(v *types.Var) bool {
	return !v.IsField() && v.Pkg() != nil && v.Parent() != nil && v.Parent() != v.Pkg().Scope()
}

// decodeAtCall describes the Decode call at c that fills v.
func (fl *funcLocals) decodeAtCall(c inspector.Cursor, v *types.Var) decode {
	call := c.Node().(*ast.CallExpr)
	d := decode{v: v, call: call, end: call.End(), fn: fl.funcAt(call.Pos())}
	// The statement that holds the call runs it whenever it runs.
	for s := c.Parent(); s.Node() != nil; s = s.Parent() {
		if _, ok := s.Node().(ast.Stmt); ok {
			d.reach = reachOf(s)
			break
		}
		if _, ok := s.Node().(*ast.FuncLit); ok {
			break
		}
	}
	return d
}

// notePlainUse records what the use at c of an untracked variable does to it.
func (fl *funcLocals) notePlainUse(lv *localVar, c inspector.Cursor) {
	info, readsOnly := fl.info, fl.readsOnly
	pos := c.Node().Pos()
	switch c.ParentEdgeKind() {
	case edge.AssignStmt_Lhs, edge.RangeStmt_Key, edge.RangeStmt_Value:
		lv.assigns = append(lv.assigns, fl.assignmentAt(c))
		lv.touches = append(lv.touches, pos)
		return
	case edge.IncDecStmt_X:
		// A new value that is no call's result.
		lv.assigns = append(lv.assigns, assignment{end: c.Parent().Node().End(), fn: fl.funcAt(pos)})
		lv.touches = append(lv.touches, pos)
		return
	case edge.CallExpr_Args:
		call := c.Parent().Node().(*ast.CallExpr)
		if _, isDecode := decodedVar(info, call); isDecode {
			return // Decode(p): see decodeAt
		}
		t := info.TypeOf(c.Node().(*ast.Ident))
		if t == nil {
			lv.touches = append(lv.touches, pos)
			return
		}
		switch t.Underlying().(type) {
		case *types.Pointer, *types.Map, *types.Slice:
			if fn := calleeFunc(info, call); fn == nil || !readsOnly(fn) {
				lv.touches = append(lv.touches, pos)
			}
		}
		return
	}
	// Climb v.f.g[i] to the expression it is part of.
	top := c
	for {
		k := top.ParentEdgeKind()
		if k != edge.SelectorExpr_X && k != edge.IndexExpr_X && k != edge.StarExpr_X && k != edge.ParenExpr_X {
			break
		}
		top = top.Parent()
	}
	switch top.ParentEdgeKind() {
	case edge.AssignStmt_Lhs, edge.IncDecStmt_X, edge.RangeStmt_Key, edge.RangeStmt_Value:
		if top != c {
			lv.touches = append(lv.touches, pos)
		}
	case edge.UnaryExpr_X:
		if top.Parent().Node().(*ast.UnaryExpr).Op != token.AND {
			return
		}
		if top == c {
			lv.addrTaken = true
			if call, ok := top.Parent().Parent().Node().(*ast.CallExpr); ok && top.Parent().ParentEdgeKind() == edge.CallExpr_Args {
				if _, isDecode := decodedVar(info, call); isDecode {
					return // Decode(&v): see decodeAt
				}
			}
		}
		lv.touches = append(lv.touches, pos)
	case edge.CallExpr_Fun:
		// v.Method(): a pointer receiver may change v.
		if sel, ok := top.Node().(*ast.SelectorExpr); ok {
			if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal {
				if sig, ok := s.Obj().Type().(*types.Signature); ok && sig.Recv() != nil {
					if _, ptr := types.Unalias(sig.Recv().Type()).(*types.Pointer); ptr {
						lv.touches = append(lv.touches, pos)
					}
				}
			}
		}
	}
}

// decodeAt returns the driver Decode whose document the variable v surely
// holds at pos: the last Decode of v before pos, which runs on every path
// to pos, in the same function literal, with no assignment of v since,
// none in a closure that may run at any time, and neither an assignment
// nor another Decode later in a loop that holds pos. Changes of a part of
// v (v.f = x) are allowed; see touchedBetween.
func (fl *funcLocals) decodeAt(v *types.Var, pos token.Pos) (*decode, bool) {
	if fl == nil || fl.hasGoto {
		return nil, false
	}
	lv := fl.local(v)
	if lv == nil {
		return nil, false
	}
	var last *decode
	for i := range fl.decodes {
		if d := &fl.decodes[i]; d.v == v && d.end <= pos && (last == nil || d.end > last.end) {
			last = d
		}
	}
	useFn := fl.funcAt(pos)
	if last == nil || pos >= last.reach || last.fn != useFn {
		return nil, false
	}
	for i, a := range lv.assigns {
		switch {
		case i > 0 && a.fn != useFn:
			return nil, false
		case a.end > last.end && a.end <= pos:
			return nil, false
		case a.end > pos && fl.loopCarried(last.end, a.end, pos):
			return nil, false
		}
	}
	for _, d := range fl.decodes {
		if d.v == v && d.end > pos && fl.loopCarried(last.end, d.end, pos) {
			return nil, false
		}
	}
	return last, true
}

// touchedBetween reports whether anything may change v, or a part of it,
// after from and before to, including later in a loop that holds to but
// not from.
func (fl *funcLocals) touchedBetween(v *types.Var, from, to token.Pos) bool {
	lv := fl.local(v)
	if lv == nil {
		return true
	}
	touched := func(t token.Pos) bool {
		return from < t && t < to || t >= to && fl.loopCarried(from, t, to)
	}
	for _, t := range lv.touches {
		if touched(t) {
			return true
		}
	}
	for _, ch := range lv.changes { // a document variable's changes
		if touched(ch.pos) {
			return true
		}
	}
	return false
}

// readOf returns the driver read whose result e holds at its position:
// the read call itself, or a local variable that surely holds its result
// (see resultAt). It returns nil when e comes from anything else.
func (fl *funcLocals) readOf(info *types.Info, e ast.Expr) *read {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return matchRead(info, e)
	case *ast.Ident:
		if call, result, ok := fl.resultAt(e); ok && result == 0 {
			return matchRead(info, call)
		}
	}
	return nil
}

// readOfDecode returns the driver read whose result d decodes, or nil.
func (fl *funcLocals) readOfDecode(info *types.Info, d *decode) *read {
	sel, ok := ast.Unparen(d.call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	return fl.readOf(info, sel.X)
}
