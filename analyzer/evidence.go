package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/mongocas/mongocas-lint/internal/flow"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// This file tells what kind of write an unguarded update is, from what
// the function did before it. The message names the kind, and the
// blind-writes setting keeps only the first two:
//
//   - a read-modify-write: a value written, or a condition that leads to
//     the write, comes from a document read through the driver earlier in
//     the function ("Atomic Operations": the lost update);
//   - a state transition: a constant is written to a field, such as a
//     status ("Write Atomicity in MongoDB": claimTask without its guard);
//   - a blind write: neither, as far as the analyzer can see.

type writeKind int

const (
	blindWrite writeKind = iota
	stateTransition
	readModifyWrite
)

func (k writeKind) String() string {
	switch k {
	case readModifyWrite:
		return "read-modify-write"
	case stateTransition:
		return "state transition"
	}
	return "blind write"
}

// kindOfWrite classifies the unguarded write w, whose update is uf;
// decoded are the variables a driver Decode filled before it.
func (c *checker) kindOfWrite(w *write, ev *evaluator, uf updateFields, decoded varSet) writeKind {
	if len(decoded) > 0 {
		// The values written, as read (entries of local variables
		// included), and the update as written at the call.
		exprs := []ast.Expr{w.update}
		if w.wrapper != "" {
			exprs = w.node().(*ast.CallExpr).Args
		}
		exprs = appendUncovered(exprs, uf.sets)
		for _, e := range exprs {
			if c.fromRead(ev, e, decoded, 0) {
				return readModifyWrite
			}
		}
		if c.branchesOn(w.cur, decoded) {
			return readModifyWrite
		}
	}
	for _, e := range uf.sets {
		if ev.constantOf(e.value) != nil {
			return stateTransition
		}
	}
	return blindWrite
}

// appendUncovered appends to exprs the values of sets that are not
// within the syntax of one of exprs already: reading the update literal
// reads the values written in it.
func appendUncovered(exprs []ast.Expr, sets []entry) []ast.Expr {
	outer := len(exprs)
	for _, e := range sets {
		if !slices.ContainsFunc(exprs[:outer], func(o ast.Expr) bool { return within(e.value, o) }) {
			exprs = append(exprs, e.value)
		}
	}
	return exprs
}

// within reports whether e is syntax inside outer's: not a value made by
// the analyzer, which spans syntax it does not hold.
func within(e, outer ast.Expr) bool {
	for _, x := range [2]ast.Expr{e, outer} {
		switch x.(type) {
		case nil, *merged, *summarized, *flow.Result:
			return false
		}
	}
	return outer.Pos() <= e.Pos() && e.End() <= outer.End()
}

// mentionsAny reports whether e uses one of vars.
func mentionsAny(info *types.Info, e ast.Expr, vars varSet) bool {
	return firstUse(info, e, vars) != nil
}

// firstUse returns the first identifier in e that uses one of vars. A
// summarized value has no syntax: it uses nothing. A merged value uses
// what any of its alternatives uses.
func firstUse(info *types.Info, e ast.Expr, vars varSet) *ast.Ident {
	if _, ok := e.(*summarized); ok || e == nil || len(vars) == 0 {
		return nil
	}
	if m, ok := e.(*merged); ok {
		for _, a := range m.alts {
			if id := firstUse(info, a, vars); id != nil {
				return id
			}
		}
		return nil
	}
	return useIn(info, e, vars)
}

// useIn is firstUse on n. It walks the usual expressions itself, in
// source order, as ast.Inspect would but without allocating; it hands
// any other node to ast.Inspect.
func useIn(info *types.Info, n ast.Node, vars varSet) *ast.Ident {
	switch n := n.(type) {
	case *ast.Ident:
		if usesAny(info, n, vars) {
			return n
		}
		return nil
	case *ast.BasicLit:
		return nil
	case *ast.ParenExpr:
		return useIn(info, n.X, vars)
	case *ast.SelectorExpr:
		return useIn(info, n.X, vars) // Sel: a field, a method or a package member, never a local in vars
	case *ast.StarExpr:
		return useIn(info, n.X, vars)
	case *ast.UnaryExpr:
		return useIn(info, n.X, vars)
	case *ast.BinaryExpr:
		if id := useIn(info, n.X, vars); id != nil {
			return id
		}
		return useIn(info, n.Y, vars)
	case *ast.KeyValueExpr:
		if id := useIn(info, n.Key, vars); id != nil {
			return id
		}
		return useIn(info, n.Value, vars)
	case *ast.CallExpr:
		if id := useIn(info, n.Fun, vars); id != nil {
			return id
		}
		return useInList(info, n.Args, vars)
	case *ast.CompositeLit:
		if n.Type != nil {
			if id := useIn(info, n.Type, vars); id != nil {
				return id
			}
		}
		return useInList(info, n.Elts, vars)
	}
	var found *ast.Ident
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && found == nil && usesAny(info, id, vars) {
			found = id
		}
		return found == nil
	})
	return found
}

// useInList is useIn on each of list, in order.
func useInList(info *types.Info, list []ast.Expr, vars varSet) *ast.Ident {
	for _, e := range list {
		if id := useIn(info, e, vars); id != nil {
			return id
		}
	}
	return nil
}

// usesAny reports whether id uses one of vars. The name is compared
// first: most identifiers are then never looked up.
func usesAny(info *types.Info, id *ast.Ident, vars varSet) bool {
	if !namesAny(id.Name, vars) {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && vars.has(v)
}

// namesAny reports whether one of vars has the given name: a test much
// cheaper than looking the identifier up in types.Info.Uses.
func namesAny(name string, vars varSet) bool {
	for _, v := range vars {
		if v.Name() == name {
			return true
		}
	}
	return false
}

// branchesOn reports whether the write at cur runs only under a condition
// that uses one of vars (see conditionsAt): the decision to write came
// from a document read before.
func (c *checker) branchesOn(cur inspector.Cursor, vars varSet) bool {
	conds := c.conditionsAt(cur)
	defer c.recycle(conds)
	for _, h := range conds {
		if mentionsAny(c.pass.TypesInfo, h.expr, vars) {
			return true
		}
	}
	return false
}

// A heldCond is a condition that the branches leading to a statement
// tell about it: the condition of an if whose body holds the statement;
// its negation in the else branch, and after an if without else whose
// body leaves the block (if x.Qty <= 0 { return }); the case of a switch
// (tag == value), and the negation of the cases before it. && and ! are
// taken apart, so each heldCond is one operand.
type heldCond struct {
	expr ast.Expr // parentheses removed
	neg  bool     // expr is false there
	at   token.Pos
	// loose: the condition held once but may not hold any more, as a for
	// loop's at the start of each iteration. Rules that rely on the value
	// of a condition skip these; evidence counts them.
	loose bool
}

// conditionsAt returns the conditions that hold where the node at cur
// runs, innermost first, up to the outermost function. The caller hands
// the slice back to recycle when done with it.
func (c *checker) conditionsAt(cur inspector.Cursor) []heldCond {
	out := c.spareConds[:0] // a call made while the spare is lent out allocates
	c.spareConds = nil
	add := func(e ast.Expr, neg, loose bool) {
		if e != nil {
			out = appendHeld(out, e, neg, e.Pos(), loose)
		}
	}
	for child := cur; child.Node() != nil; child = child.Parent() {
		parent := child.Parent()
		switch p := parent.Node().(type) {
		case *ast.IfStmt:
			switch child.ParentEdgeKind() {
			case edge.IfStmt_Body:
				add(p.Cond, false, false)
			case edge.IfStmt_Else:
				add(p.Cond, true, false)
			}
		case *ast.ForStmt:
			if child.ParentEdgeKind() == edge.ForStmt_Body {
				add(p.Cond, false, true)
			}
		case *ast.CaseClause:
			if child.ParentEdgeKind() == edge.CaseClause_Body {
				out = append(out, caseConditions(parent)...)
			}
		}
		switch child.ParentEdgeKind() {
		case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
			for prev, ok := child.PrevSibling(); ok; prev, ok = prev.PrevSibling() {
				switch s := prev.Node().(type) {
				case *ast.IfStmt:
					// Only the branch that does not leave reaches the code
					// that follows.
					if c.leaves(s.Body) {
						add(s.Cond, true, false)
					} else if els, ok := s.Else.(*ast.BlockStmt); ok && c.leaves(els) {
						add(s.Cond, false, false)
					}
				case *ast.SwitchStmt:
					out = append(out, c.casesLeft(s)...)
				}
			}
		}
	}
	return out
}

// recycle keeps conds, which conditionsAt returned, for its next call:
// several rules ask for the conditions at every write. The caller keeps
// nothing of conds afterwards; heldCond values copied out are its own.
func (c *checker) recycle(conds []heldCond) {
	c.spareConds = conds[:0]
}

// appendHeld appends e (negated if neg) to out, taking apart !, and &&
// when it holds and || when it does not.
func appendHeld(out []heldCond, e ast.Expr, neg bool, at token.Pos, loose bool) []heldCond {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			return appendHeld(out, x.X, !neg, at, loose)
		}
	case *ast.BinaryExpr:
		if x.Op == token.LAND && !neg || x.Op == token.LOR && neg {
			out = appendHeld(out, x.X, neg, at, loose)
			return appendHeld(out, x.Y, neg, at, loose)
		}
	}
	return append(out, heldCond{expr: e, neg: neg, at: at, loose: loose})
}

// caseConditions returns the conditions that hold in the body of the case
// clause at cl: its own (tag == value, or the expression of a tagless
// switch; several values make an ||), and the negations of the cases
// before it, or of all the others for default. A clause that can be
// entered by fallthrough tells nothing.
func caseConditions(cl inspector.Cursor) []heldCond {
	body, ok := cl.Parent().Node().(*ast.BlockStmt)
	sw, isSwitch := cl.Parent().Parent().Node().(*ast.SwitchStmt)
	if !ok || !isSwitch {
		return nil // a type switch or a select
	}
	clause := cl.Node().(*ast.CaseClause)
	var out []heldCond
	for i, s := range body.List {
		cc := s.(*ast.CaseClause)
		if i > 0 && cc == clause && fallsThrough(body.List[i-1].(*ast.CaseClause)) {
			return nil
		}
		switch {
		case cc == clause && cc.List != nil:
			out = appendHeld(out, caseCond(sw, cc), false, cc.Pos(), false)
		case cc != clause && cc.List != nil && (clause.List == nil || cc.Pos() < clause.Pos()):
			out = appendHeld(out, caseCond(sw, cc), true, cc.Pos(), false)
		}
	}
	return out
}

// caseCond returns the condition under which the case clause cc of sw is
// chosen when the cases before it are not: tag == value, or the
// expression of a tagless switch; several values make an ||.
func caseCond(sw *ast.SwitchStmt, cc *ast.CaseClause) ast.Expr {
	var e ast.Expr
	for _, v := range cc.List {
		if sw.Tag != nil {
			v = &ast.BinaryExpr{X: sw.Tag, OpPos: v.Pos(), Op: token.EQL, Y: v}
		}
		if e == nil {
			e = v
		} else {
			e = &ast.BinaryExpr{X: e, OpPos: v.Pos(), Op: token.LOR, Y: v}
		}
	}
	return e
}

// casesLeft returns the conditions that hold after the switch sw: the
// negations of its first cases, as long as each one's body leaves (a
// return, not a break, which only ends the switch). Past a case that does
// not leave, a later case may have been skipped because that one was
// chosen. The default clause is chosen last, wherever it stands.
func (c *checker) casesLeft(sw *ast.SwitchStmt) []heldCond {
	var out []heldCond
	for _, s := range sw.Body.List {
		cc := s.(*ast.CaseClause)
		if cc.List == nil {
			continue
		}
		if !c.leaves(&ast.BlockStmt{List: cc.Body}) || endsInBreak(cc.Body) {
			break
		}
		out = appendHeld(out, caseCond(sw, cc), true, cc.Pos(), false)
	}
	return out
}

// endsInBreak reports whether the last of stmts is a break.
func endsInBreak(stmts []ast.Stmt) bool {
	if len(stmts) == 0 {
		return false
	}
	br, ok := stmts[len(stmts)-1].(*ast.BranchStmt)
	return ok && br.Tok == token.BREAK
}

func fallsThrough(cc *ast.CaseClause) bool {
	if len(cc.Body) == 0 {
		return false
	}
	br, ok := cc.Body[len(cc.Body)-1].(*ast.BranchStmt)
	return ok && br.Tok == token.FALLTHROUGH
}

// leaves reports whether a block always leaves the code that follows it:
// its last statement returns, breaks, continues or panics.
func (c *checker) leaves(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.BREAK || s.Tok == token.CONTINUE
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			b, isBuiltin := c.pass.TypesInfo.Uses[id].(*types.Builtin)
			return isBuiltin && b.Name() == "panic"
		}
		fn := calleeFunc(c.pass.TypesInfo, call)
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		switch fn.Pkg().Path() + "." + fn.Name() {
		case "os.Exit", "log.Fatal", "log.Fatalf", "log.Fatalln", "log.Panic", "log.Panicf", "log.Panicln":
			return fn.Type().(*types.Signature).Recv() == nil
		}
	}
	return false
}

// sameCollection reports whether two expressions surely denote the same
// collection: the same variable (not assigned after the first of them),
// the same field of the same collection holder, or the same
// Database(name).Collection(name) chain with constant names.
func (ev *evaluator) sameCollection(a, b ast.Expr) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	switch a := a.(type) {
	case *ast.Ident:
		b, ok := b.(*ast.Ident)
		if !ok {
			return false
		}
		obj := ev.info.Uses[a]
		v, isVar := obj.(*types.Var)
		return isVar && ev.info.Uses[b] == obj && !ev.assignedAfter(v, min(a.Pos(), b.Pos()), "")
	case *ast.SelectorExpr:
		b, ok := b.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		obj := ev.info.Uses[a.Sel]
		if obj == nil || ev.info.Uses[b.Sel] != obj {
			return false
		}
		if id, ok := ast.Unparen(a.X).(*ast.Ident); ok {
			if _, isPkg := ev.info.Uses[id].(*types.PkgName); isPkg {
				return true // pkg.Coll: the same package variable
			}
		}
		_, isField := obj.(*types.Var)
		return isField && ev.sameCollection(a.X, b.X)
	case *ast.CallExpr:
		b, ok := b.(*ast.CallExpr)
		if !ok || len(a.Args) == 0 || len(b.Args) == 0 {
			return false
		}
		fa, fb := calleeFunc(ev.info, a), calleeFunc(ev.info, b)
		if _, isMethod := methodOf(fa); !isMethod || fa != fb || (fa.Name() != "Collection" && fa.Name() != "Database") {
			return false
		}
		na, okA := ev.stringConst(a.Args[0])
		nb, okB := ev.stringConst(b.Args[0])
		sa, _ := ast.Unparen(a.Fun).(*ast.SelectorExpr)
		sb, _ := ast.Unparen(b.Fun).(*ast.SelectorExpr)
		return okA && okB && na == nb && sa != nil && sb != nil && ev.sameCollection(sa.X, sb.X)
	}
	return false
}
