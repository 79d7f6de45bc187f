package analyzer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// This file tells what kind of write an unguarded update is, from what
// the function did before it. The message names the kind, and the
// blind-writes setting keeps only the first two:
//
//   - a read-modify-write: a value written, or a condition that leads to
//     the write, comes from a document read through the driver earlier in
//     the function (seed 001: the lost update);
//   - a state transition: a constant is written to a field, such as a
//     status (seed 002: claimTask without its guard);
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

// kindOfWrite classifies the unguarded write w, whose update is uf.
func (c *checker) kindOfWrite(w *write, ev *evaluator, uf updateFields) writeKind {
	decoded := ev.locals.decodedBefore(w.node().Pos())
	if len(decoded) > 0 {
		// The values written, as read (entries of local variables
		// included), and the update as written at the call.
		exprs := []ast.Expr{w.update}
		if w.wrapper != "" {
			exprs = w.node().(*ast.CallExpr).Args
		}
		for _, e := range uf.sets {
			exprs = append(exprs, e.value)
		}
		for _, e := range exprs {
			if mentionsAny(c.pass.TypesInfo, e, decoded) {
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

// mentionsAny reports whether e uses one of vars.
func mentionsAny(info *types.Info, e ast.Expr, vars map[*types.Var]bool) bool {
	return firstUse(info, e, vars) != nil
}

// firstUse returns the first identifier in e that uses one of vars. A
// summarized value has no syntax: it uses nothing.
func firstUse(info *types.Info, e ast.Expr, vars map[*types.Var]bool) *ast.Ident {
	var found *ast.Ident
	if _, ok := e.(*summarized); ok || e == nil {
		return nil
	}
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && found == nil {
			if v, ok := info.Uses[id].(*types.Var); ok && vars[v] {
				found = id
			}
		}
		return found == nil
	})
	return found
}

// branchesOn reports whether the write at cur runs only under a condition
// (if, switch, for) that uses one of vars: the decision to write came from
// a document read before.
func (c *checker) branchesOn(cur inspector.Cursor, vars map[*types.Var]bool) bool {
	for s := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.SwitchStmt)(nil), (*ast.ForStmt)(nil)) {
		var cond ast.Expr
		switch s := s.Node().(type) {
		case *ast.IfStmt:
			cond = s.Cond
		case *ast.SwitchStmt:
			cond = s.Tag
			if cond == nil && mentionsAnyCase(c.pass.TypesInfo, s, vars) {
				return true
			}
		case *ast.ForStmt:
			cond = s.Cond
		}
		if mentionsAny(c.pass.TypesInfo, cond, vars) {
			return true
		}
	}
	return false
}

// mentionsAnyCase reports whether a case of a tagless switch uses vars.
func mentionsAnyCase(info *types.Info, s *ast.SwitchStmt, vars map[*types.Var]bool) bool {
	for _, cl := range s.Body.List {
		for _, e := range cl.(*ast.CaseClause).List {
			if mentionsAny(info, e, vars) {
				return true
			}
		}
	}
	return false
}
