package analyzer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// A function that only reads the documents it is handed: a store's getter
// (GetSeat(ctx, filter Map)) that passes its filter to Find or FindOne. A
// document handed to one is the same document after the call, so a write
// that follows still reads it (see checker.readsOnly). Without this, a
// filter used for a read and then for a write is unknown at the write.
//
// Every use of each document parameter must be a read: an argument of
// the driver or of a function that only reads it (this fact, a helper or
// a wrapper that does not change it, a parameter of interface type, as
// fmt and loggers take), p[k] read, len(p), or range p. An assignment,
// p[k] = v, &p, a return of p or a closure that uses it make the function
// no reader of its documents.

// readOnlyFact is the fact of a function that only reads the documents
// it is handed.
type readOnlyFact struct{}

func (*readOnlyFact) AFact() {}

func (*readOnlyFact) String() string { return "reads its documents only" }

// readOnly returns the fact of fn when it only reads its documents.
//
// The package's own are made after its other summaries (see exportAll):
// until then they are unknown, so that no summary depends on the order in
// which the others are made.
func (s *summaries) readOnly(fn *types.Func) *readOnlyFact {
	if !s.readOnlyReady && fn.Origin().Pkg() == s.c.pass.Pkg {
		return nil
	}
	return summaryOf(s, s.readOnlys, fn, s.summarizeReadOnly)
}

func (s *summaries) summarizeReadOnly(fn *types.Func, cur inspector.Cursor) *readOnlyFact {
	if s.helper(fn) != nil || s.wrapper(fn) != nil {
		return nil // their facts say whether they change a document
	}
	sig := fn.Signature()
	info := s.c.pass.TypesInfo
	docs := make(map[*types.Var]bool)
	for i := range sig.Params().Len() {
		if p := sig.Params().At(i); isDocumentType(p.Type()) {
			docs[p] = true
		}
	}
	if len(docs) == 0 {
		return nil
	}
	for c := range cur.Preorder((*ast.Ident)(nil)) {
		v, ok := info.Uses[c.Node().(*ast.Ident)].(*types.Var)
		if !ok || !docs[v] {
			continue
		}
		if enclosingFunc(c).Node() != cur.Node() || !s.readUse(c) {
			return nil
		}
	}
	return &readOnlyFact{}
}

// readUse reports whether the use of a document parameter at c only
// reads it.
func (s *summaries) readUse(c inspector.Cursor) bool {
	info := s.c.pass.TypesInfo
	switch c.ParentEdgeKind() {
	case edge.RangeStmt_X:
		return true
	case edge.IndexExpr_X:
		// p[k], unless it is assigned, incremented or its address taken.
		// p[k], p[k].f, p[k].(bson.M)[j] read, not assigned, incremented,
		// its address taken or a method called on it; an element that may
		// share what it holds (a map, a slice, a pointer, an interface)
		// only read in place, not handed on or stored.
		ix := c.Parent()
		top := ix
		for k := top.ParentEdgeKind(); k == edge.SelectorExpr_X || k == edge.IndexExpr_X ||
			k == edge.TypeAssertExpr_X || k == edge.ParenExpr_X || k == edge.StarExpr_X; k = top.ParentEdgeKind() {
			top = top.Parent()
		}
		switch top.ParentEdgeKind() {
		case edge.AssignStmt_Lhs, edge.IncDecStmt_X, edge.UnaryExpr_X, edge.CallExpr_Fun, edge.RangeStmt_Key, edge.RangeStmt_Value:
			return false
		case edge.CallExpr_Args:
			return s.argRead(top)
		case edge.AssignStmt_Rhs, edge.ValueSpec_Values, edge.KeyValueExpr_Value,
			edge.CompositeLit_Elts, edge.ReturnStmt_Results, edge.SendStmt_Value:
			t := info.TypeOf(top.Node().(ast.Expr))
			if t == nil {
				return false
			}
			switch t.Underlying().(type) {
			case *types.Map, *types.Slice, *types.Pointer, *types.Interface:
				return false
			}
		}
		return true
	case edge.KeyValueExpr_Value, edge.CompositeLit_Elts:
		// An element of a literal of interface type (logrus.Fields{"filter":
		// filter}): the same as an argument of interface type.
		t := literalElemType(info, c)
		return t != nil && types.IsInterface(t)
	case edge.CallExpr_Args:
		return s.argRead(c)
	}
	return false
}

// literalElemType returns the type that the element of a composite
// literal at c takes: the value type of a map, the element type of a
// slice or an array, the field's type of a struct; nil when unknown.
func literalElemType(info *types.Info, c inspector.Cursor) types.Type {
	lit := c.Parent()
	var key ast.Expr
	if kv, ok := lit.Node().(*ast.KeyValueExpr); ok {
		key, lit = kv.Key, lit.Parent()
	}
	cl, ok := lit.Node().(*ast.CompositeLit)
	if !ok {
		return nil
	}
	t := info.TypeOf(cl)
	if t == nil {
		return nil
	}
	switch t := t.Underlying().(type) {
	case *types.Map:
		return t.Elem()
	case *types.Slice:
		return t.Elem()
	case *types.Array:
		return t.Elem()
	case *types.Struct:
		if id, ok := key.(*ast.Ident); ok {
			if f, ok := info.Uses[id].(*types.Var); ok {
				return f.Type()
			}
		}
	}
	return nil
}

// argRead reports whether the argument at c only reads what it is given:
// len or cap, a function that only reads its documents, or a parameter of
// interface type (changing a document through it needs a type assertion
// back, which printers and loggers do not make).
func (s *summaries) argRead(c inspector.Cursor) bool {
	info := s.c.pass.TypesInfo
	call := c.Parent().Node().(*ast.CallExpr)
	if tv, ok := info.Types[call.Fun]; ok && tv.IsBuiltin() {
		id, _ := ast.Unparen(call.Fun).(*ast.Ident)
		return id != nil && (id.Name == "len" || id.Name == "cap")
	}
	fn := calleeFunc(info, call)
	if fn == nil {
		return false
	}
	if s.c.readsOnly(fn) {
		return true
	}
	sig := fn.Signature()
	i := c.ParentEdgeIndex()
	if sig.Variadic() && i >= sig.Params().Len()-1 {
		if call.Ellipsis.IsValid() {
			return false
		}
		elem := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice).Elem()
		return types.IsInterface(elem)
	}
	return i < sig.Params().Len() && types.IsInterface(sig.Params().At(i).Type())
}
