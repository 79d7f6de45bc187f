package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/mongocas/mongocas-lint/internal/flow"
)

// This file finds the documents that one function reads through the
// driver (a Decode, Cursor.All, a reader's result), so that the rules can
// tie a test or a write to the read it depends on. What a variable holds
// at a point, and what may have changed it, is the value-flow layer's
// (internal/flow): this file only says which of its values are reads.

// funcReads are the reads of one outermost function, closures included,
// in source order, with the flow of its variables.
type funcReads struct {
	info    *types.Info
	flow    *flow.Func
	decodes []decode
}

// A decode is a variable filled with a document read through the driver,
// whose fields hold old values: by SingleResult.Decode or Cursor.Decode,
// by Cursor.All (and a range over the slice it filled), or as the result
// of a reader (see isReader).
type decode struct {
	v    *types.Var
	call *ast.CallExpr // the Decode, the All or the reader's call
	end  token.Pos     // the document is in v from end on
}

// fillsArg is the flow layer's Config.Fills: the argument that a driver
// Decode or All stores a document in, or that bson.Unmarshal decodes
// into (which keeps no pointer to it).
func fillsArg(info *types.Info) func(*ast.CallExpr) (int, bool) {
	return func(call *ast.CallExpr) (int, bool) {
		if _, ok := decodedVar(info, call); !ok {
			fn := calleeFunc(info, call)
			if !isFunc(fn, bsonV1, "Unmarshal") && !isFunc(fn, bsonV2, "Unmarshal") || len(call.Args) != 2 {
				return 0, false
			}
		}
		return len(call.Args) - 1, true
	}
}

// newFuncReads finds the reads of the function at fn. isReader tells the
// functions that return what they decoded (repo.Get(ctx, id)).
func newFuncReads(info *types.Info, fn inspector.Cursor, fl *flow.Func, isReader func(*types.Func) bool) *funcReads {
	fr := &funcReads{info: info, flow: fl}
	for c := range fn.Preorder((*ast.CallExpr)(nil), (*ast.RangeStmt)(nil)) {
		switch n := c.Node().(type) {
		case *ast.CallExpr:
			if v, ok := decodedVar(info, n); ok {
				fr.decodes = append(fr.decodes, decode{v: v, call: n, end: n.End()})
			} else if v, ok := readerResult(info, c, isReader); ok {
				fr.decodes = append(fr.decodes, decode{v: v, call: n, end: n.End()})
			}
		case *ast.RangeStmt:
			if d, ok := fr.rangeDecode(n); ok {
				fr.decodes = append(fr.decodes, d)
			}
		}
	}
	return fr
}

// rangeDecode matches for _, x := range xs over a slice xs that
// Cursor.All filled: x holds a document read, in the loop's body.
func (fr *funcReads) rangeDecode(rs *ast.RangeStmt) (decode, bool) {
	xs, ok := ast.Unparen(rs.X).(*ast.Ident)
	val, ok2 := rs.Value.(*ast.Ident)
	if !ok || !ok2 || rs.Tok != token.DEFINE {
		return decode{}, false
	}
	v, ok := fr.info.Defs[val].(*types.Var)
	if !ok {
		return decode{}, false
	}
	b, ok := fr.flow.BindingAt(xs)
	filled, ok2 := b.(*flow.Filled)
	if !ok || !ok2 || calledName(filled.Call) != "All" {
		return decode{}, false
	}
	return decode{v: v, call: filled.Call, end: val.End()}, true
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

// resultAt returns the call whose result number result the variable used
// at id surely holds there: the one assignment that reaches the use on
// every path stores that result (see flow.Func.BindingAt).
func (fr *funcReads) resultAt(id *ast.Ident) (call *ast.CallExpr, result int, ok bool) {
	if fr == nil {
		return nil, 0, false
	}
	b, ok := fr.flow.BindingAt(id)
	if !ok {
		return nil, 0, false
	}
	switch b := b.(type) {
	case *flow.Result:
		return b.Call, b.Index, true
	case *ast.CallExpr:
		return b, 0, true
	case *ast.ParenExpr:
		call, ok := ast.Unparen(b).(*ast.CallExpr)
		return call, 0, ok
	}
	return nil, 0, false
}

// decodeAt returns the read whose document the variable v surely holds at
// pos: the one statement that last gave v its value, on every path to
// pos, is a Decode of v, a range over what All filled, or a reader's
// call. Changes of a part of v since (v.f = x) are allowed; see
// touchedBetween.
func (fr *funcReads) decodeAt(v *types.Var, pos token.Pos) (*decode, bool) {
	if fr == nil {
		return nil, false
	}
	b, ok := fr.flow.BindingOf(v, pos)
	if !ok {
		return nil, false
	}
	return fr.decodeOf(v, b, pos)
}

// decodeOf returns the read whose document the binding b of v, seen at
// pos, gives it.
func (fr *funcReads) decodeOf(v *types.Var, b ast.Expr, pos token.Pos) (*decode, bool) {
	var call *ast.CallExpr
	switch b := b.(type) {
	case *flow.Filled:
		call = b.Call
	case *flow.Element:
		if b.Key {
			return nil, false
		}
		xs, isID := ast.Unparen(b.Range.X).(*ast.Ident)
		if !isID {
			return nil, false
		}
		xb, ok := fr.flow.BindingAt(xs)
		filled, ok2 := xb.(*flow.Filled)
		if !ok || !ok2 {
			return nil, false
		}
		call = filled.Call
	case *flow.Result:
		if b.Index != 0 {
			return nil, false
		}
		call = b.Call
	default:
		call, _ = ast.Unparen(b).(*ast.CallExpr)
	}
	for i := range fr.decodes {
		if d := &fr.decodes[i]; d.v == v && d.call == call && d.end <= pos {
			return d, true
		}
	}
	return nil, false
}

// touchedBetween reports whether anything may change v, or a part of it,
// after from and before to (see flow.Func.TouchedBetween).
func (fr *funcReads) touchedBetween(v *types.Var, from, to token.Pos) bool {
	return fr == nil || fr.flow.TouchedBetween(v, from, to)
}

// readOf returns the driver read whose result e holds at its position:
// the read call itself, or a local variable that surely holds its result
// (see resultAt). It returns nil when e comes from anything else.
func (fr *funcReads) readOf(info *types.Info, e ast.Expr) *read {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return matchRead(info, e)
	case *ast.Ident:
		if call, result, ok := fr.resultAt(e); ok && result == 0 {
			return matchRead(info, call)
		}
	}
	return nil
}

// readOfDecode returns the driver read whose result d decodes, or nil.
func (fr *funcReads) readOfDecode(info *types.Info, d *decode) *read {
	sel, ok := ast.Unparen(d.call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	return fr.readOf(info, sel.X)
}

// decodedBefore returns the variables that a read fills before pos.
func (fr *funcReads) decodedBefore(pos token.Pos) varSet {
	if fr == nil {
		return nil
	}
	var decoded varSet
	for _, d := range fr.decodes {
		if d.call.Pos() < pos && !decoded.has(d.v) {
			decoded = append(decoded, d.v)
		}
	}
	return decoded
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

// A varSet is a set of variables, most often of one or two.
type varSet []*types.Var

func (s varSet) has(v *types.Var) bool { return slices.Contains(s, v) }

// isLocalVar reports whether v is a variable of a function: not a field,
// not a package-level variable.
func isLocalVar(v *types.Var) bool {
	return !v.IsField() && v.Pkg() != nil && v.Parent() != nil && v.Parent() != v.Pkg().Scope()
}
