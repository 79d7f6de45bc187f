package analyzer

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/mongocas/mongocas-lint/internal/flow"
)

// A guard must pin the value written from a read ("Atomicity and
// Transactions", update if current). The filter {_id, stock: {$gte: k}}
// with {$set: {stock: p.Stock - k}} lets two buyers that read the same
// stock both pass the test and both write the same new stock: one sale is
// lost. An equality with the value read, a version compared and changed,
// or a constant written (a state transition, {status: {$in: [A, B]}} then
// $set status: C) pins it; $inc applies to the current value and needs no
// pin.

// unpinned returns the guards of a write that do not pin what it writes:
// filter fields tested only with range or set operators (ff.ranged) that
// the update overwrites, with $set or a replacement, with a value that
// comes from a document decoded before the write.
func (c *checker) unpinned(w *write, ev *evaluator, ff filterFields, uf updateFields, guards []string) []string {
	if len(ff.ranged) == 0 || ev.reads == nil {
		return nil
	}
	var decoded varSet
	var out []string
	for _, g := range guards {
		if !slices.Contains(ff.ranged, g) {
			continue
		}
		if decoded == nil {
			if decoded = ev.reads.decodedBefore(w.node().Pos()); len(decoded) == 0 {
				return nil
			}
		}
		for _, e := range uf.sets {
			if overlaps(g, e.key) && e.value != nil && c.fromRead(ev, e.value, decoded, 0) {
				out = append(out, g)
				break
			}
		}
	}
	return out
}

// fromRead reports whether e uses a document of decoded, directly or
// through local variables that hold one value computed from it
// (n := p.Stock - k, then $set: {stock: n}).
func (c *checker) fromRead(ev *evaluator, e ast.Expr, decoded varSet, depth int) bool {
	if e == nil {
		return false // a field of a struct value: no syntax to look at
	}
	if mentionsAny(c.pass.TypesInfo, e, decoded) {
		return true
	}
	switch x := e.(type) {
	case *merged:
		for _, a := range x.alts {
			if c.fromRead(ev, a, decoded, depth) {
				return true
			}
		}
		return false
	case *summarized, *flow.Result:
		return false // no syntax of this function: mentionsAny has looked
	}
	if depth > 3 {
		return false
	}
	// Each identifier that may name a variable: not a selected name, nor
	// one of a composite literal's type (bson.M), as useIn skips them.
	found := false
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			v, ok := ev.onlyValue(n)
			found = ok && c.fromRead(ev, v, decoded, depth+1)
			return false
		case *ast.SelectorExpr:
			ast.Inspect(n.X, visit)
			return false
		case *ast.CompositeLit:
			for _, elt := range n.Elts {
				ast.Inspect(elt, visit)
			}
			return false
		}
		return true
	}
	ast.Inspect(e, visit)
	return found
}

// onlyValue returns the one value that the local variable id holds on
// every path that reaches it, when that value is an expression assigned to
// it (not a parameter, not changed since).
func (ev *evaluator) onlyValue(id *ast.Ident) (ast.Expr, bool) {
	v, ok := ev.info.Uses[id].(*types.Var)
	if !ok || !isLocalVar(v) {
		return nil, false
	}
	init, ok := ev.unchanged(id)
	if p, isID := init.(*ast.Ident); ok && isID && ev.info.Defs[p] == v {
		return nil, false // a parameter: the caller's value
	}
	return init, ok
}
