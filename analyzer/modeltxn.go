package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/mongocas/mongocas-lint/internal/flow"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Models written in a transaction. A bulk-write model has no context: it
// is written by the BulkWrite that it is handed to. A batch is often
// collected first and written in a transaction afterwards:
//
//	var writes []mongo.WriteModel
//	for _, l := range leagues {
//		writes = append(writes, mongo.NewUpdateOneModel().SetFilter(...).SetUpdate(...))
//	}
//	sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
//		return coll.BulkWrite(sc, writes)
//	})
//
// Such a model is written in the transaction when every BulkWrite of its
// function that may take it runs in one. It is followed through a
// []WriteModel literal, a variable, and a slice it is appended to
// (s = append(s, m)); anything else it is handed to may write it
// elsewhere, and the model stays outside. The transaction protects
// only what it reads, so a model that uses a document decoded before it
// is built is still outside.

// maxModelHops bounds how many holders (literal, variable, slice) a model
// is followed through.
const maxModelHops = 4

// modelInTransaction reports whether the model w, built outside any
// transaction, is written only by BulkWrite calls that run in one.
func (c *checker) modelInTransaction(w *write) bool {
	if w.ctx != nil || w.wrapper != "" {
		return false
	}
	fl := c.evaluatorAt(w.cur).flow // nil for a model at package level
	calls, ok := c.bulkWritesOf(fl, modelTop(c.pass.TypesInfo, w.cur), maxModelHops)
	if !ok || len(calls) == 0 {
		return false
	}
	for _, bc := range calls {
		call := bc.Node().(*ast.CallExpr)
		if _, in := c.transactionStart(bc, call.Args[0]); !in {
			return false
		}
	}
	// Its filter and update are set where it is built (a chain, or setter
	// statements).
	for _, e := range []ast.Expr{w.filter, w.update} {
		if e != nil && c.decodedBeforeUsedIn(w, e.Pos(), e.Pos(), e.End()) {
			return false
		}
	}
	return true
}

// modelTop returns the outermost expression of the model at cur: the end
// of its setter chain, the & of its literal.
func modelTop(info *types.Info, cur inspector.Cursor) inspector.Cursor {
	for {
		switch {
		case cur.ParentEdgeKind() == edge.ParenExpr_X:
			cur = cur.Parent()
		case cur.ParentEdgeKind() == edge.UnaryExpr_X && cur.Parent().Node().(*ast.UnaryExpr).Op == token.AND:
			cur = cur.Parent()
		case cur.ParentEdgeKind() == edge.SelectorExpr_X && cur.Parent().ParentEdgeKind() == edge.CallExpr_Fun:
			if _, ok := modelSetter(info, cur.Parent().Parent().Node().(*ast.CallExpr)); !ok {
				return cur
			}
			cur = cur.Parent().Parent()
		default:
			return cur
		}
	}
}

// bulkWritesOf returns the BulkWrite calls that may write the model whose
// value is at e, and false when it may go anywhere else.
func (c *checker) bulkWritesOf(fl *flow.Func, e inspector.Cursor, hops int) ([]inspector.Cursor, bool) {
	if hops == 0 || fl == nil {
		return nil, false
	}
	info := c.pass.TypesInfo
	switch e.ParentEdgeKind() {
	case edge.CompositeLit_Elts: // []mongo.WriteModel{m, ...}
		return c.bulkWritesOf(fl, modelTop(info, e.Parent()), hops-1)
	case edge.CallExpr_Args:
		call := e.Parent().Node().(*ast.CallExpr)
		if fn, _, ok := collectionMethod(info, call); ok && fn.Name() == "BulkWrite" && e.ParentEdgeIndex() == 1 && !call.Ellipsis.IsValid() {
			return []inspector.Cursor{e.Parent()}, true
		}
		if s := appendedTo(info, e.Parent()); s != nil && e.ParentEdgeIndex() > 0 {
			return c.bulkWritesOfVar(fl, s, hops-1)
		}
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
		lhs, rhs := assignedBy(e.Parent().Node())
		if len(lhs) != len(rhs) {
			return nil, false
		}
		if id, ok := lhs[e.ParentEdgeIndex()].(*ast.Ident); ok {
			if v, ok := info.ObjectOf(id).(*types.Var); ok && isLocalVar(v) {
				return c.bulkWritesOfVar(fl, v, hops-1)
			}
		}
	}
	return nil, false
}

// bulkWritesOfVar is bulkWritesOf for a model, or a slice of models, held
// by the local variable v: its setters, its appends (v = append(v, ...))
// and len(v) keep it; every other use must hand it to a BulkWrite.
func (c *checker) bulkWritesOfVar(fl *flow.Func, v *types.Var, hops int) ([]inspector.Cursor, bool) {
	uses, ok := fl.Uses(v)
	if !ok {
		return nil, false
	}
	info := c.pass.TypesInfo
	var calls []inspector.Cursor
	for _, u := range uses {
		switch {
		case u.ParentEdgeKind() == edge.SelectorExpr_X && u.Parent().ParentEdgeKind() == edge.CallExpr_Fun:
			if _, ok := modelSetter(info, u.Parent().Parent().Node().(*ast.CallExpr)); ok {
				continue // m.SetFilter(f)
			}
		case u.ParentEdgeKind() == edge.AssignStmt_Lhs:
			as := u.Parent().Node().(*ast.AssignStmt)
			if len(as.Rhs) == 1 && as.Tok == token.ASSIGN {
				if r, ok := u.Parent().FindNode(as.Rhs[0]); ok && appendedTo(info, r) == v {
					continue // v = append(v, ...)
				}
			}
		case u.ParentEdgeKind() == edge.CallExpr_Args && u.ParentEdgeIndex() == 0:
			call := u.Parent().Node().(*ast.CallExpr)
			if flow.IsBuiltin(info, call, "len") || appendedTo(info, u.Parent()) == v {
				continue
			}
		}
		found, ok := c.bulkWritesOf(fl, u, hops)
		if !ok {
			return nil, false
		}
		calls = append(calls, found...)
	}
	return calls, true
}

// appendedTo returns the local variable v of v = append(v, ...) at call,
// or nil.
func appendedTo(info *types.Info, call inspector.Cursor) *types.Var {
	ce, ok := call.Node().(*ast.CallExpr)
	if !ok || !flow.IsBuiltin(info, ce, "append") || len(ce.Args) == 0 || ce.Ellipsis.IsValid() ||
		call.ParentEdgeKind() != edge.AssignStmt_Rhs {
		return nil
	}
	as := call.Parent().Node().(*ast.AssignStmt)
	if len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return nil
	}
	lhs, ok1 := as.Lhs[0].(*ast.Ident)
	first, ok2 := ast.Unparen(ce.Args[0]).(*ast.Ident)
	if !ok1 || !ok2 {
		return nil
	}
	v, ok := info.Uses[lhs].(*types.Var)
	if !ok || info.Uses[first] != v || !isLocalVar(v) {
		return nil
	}
	return v
}
