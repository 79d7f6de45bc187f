package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// This file reads builder structs: a struct with one document field, made
// by a constructor, filled by methods that add keys to that field, and read
// by a method that returns it:
//
//	type Query struct{ m bson.M }
//	func NewQuery() *Query                  { return &Query{m: bson.M{}} }
//	func (q *Query) ID(id string) *Query    { q.m["_id"] = id; return q }
//	func (q *Query) BSON() bson.M           { return q.m }
//
// NewQuery().ID(id).BSON(), or the same through a variable (q :=
// NewQuery(); q.ID(id); ... q.BSON()), reads as {_id: id}. A method that
// adds keys is an option of the struct (optionFact, with Chain when it
// returns its receiver), so the flow follows it like a setter; the
// constructor and the getter are builderFacts. Anything else done to the
// builder leaves the document unknown.

// builderFact is the fact of a builder's constructor (New, the document
// it starts with) or of its getter (Get).
type builderFact struct {
	New *summaryValue
	Get bool
}

func (*builderFact) AFact() {}

func (f *builderFact) String() string {
	if f.Get {
		return "builder getter"
	}
	return "builder " + f.New.String()
}

// builderField returns the document field of a builder struct type (or a
// pointer to one): its one field of a map document type, when no other
// field holds a document.
func builderField(t types.Type) (*types.Var, int) {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || isBSONPkg(n.Obj().Pkg()) {
		return nil, -1
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return nil, -1
	}
	var field *types.Var
	index := -1
	for i := range st.NumFields() {
		switch kindOf(st.Field(i).Type()) {
		case mapDoc:
			if field != nil {
				return nil, -1
			}
			field, index = st.Field(i), i
		case orderedDoc, arrayDoc:
			return nil, -1
		}
	}
	return field, index
}

// builder returns the builder fact of fn, or nil.
func (s *summaries) builder(fn *types.Func) *builderFact {
	return summaryOf(s, s.builders, fn, s.summarizeBuilder)
}

// summarizeBuilder summarizes fn, declared at cur, as a getter (its one
// statement returns the receiver's document field) or a constructor (its
// one statement returns a literal of a builder struct that sets the
// field).
func (s *summaries) summarizeBuilder(fn *types.Func, cur inspector.Cursor) *builderFact {
	sig := fn.Signature()
	decl := cur.Node().(*ast.FuncDecl)
	if sig.Results().Len() != 1 || sig.TypeParams().Len() > 0 || sig.RecvTypeParams().Len() > 0 || len(decl.Body.List) != 1 {
		return nil
	}
	ret, ok := decl.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil
	}
	info := s.c.pass.TypesInfo
	if recv := sig.Recv(); recv != nil {
		field, _ := builderField(recv.Type())
		if field == nil || len(decl.Recv.List[0].Names) != 1 {
			return nil
		}
		if sel, ok := ast.Unparen(ret.Results[0]).(*ast.SelectorExpr); ok && info.Uses[sel.Sel] == field {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] == info.Defs[decl.Recv.List[0].Names[0]] {
				return &builderFact{Get: true}
			}
		}
		return nil
	}
	field, _ := builderField(sig.Results().At(0).Type())
	if field == nil {
		return nil
	}
	value := builderLitField(info, ret.Results[0], field)
	params := paramIndices(sig)
	if value == nil || !paramsIntact(info, cur, params) {
		return nil
	}
	v := s.c.evaluatorAt(cur).summarize(value, params)
	if v.Kind != docValue {
		return nil
	}
	return &builderFact{New: v}
}

// builderLitField returns the value that the literal e (S{...} or
// &S{...}) gives to field, or nil.
func builderLitField(info *types.Info, e ast.Expr, field *types.Var) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && info.Uses[id] == field {
				return kv.Value
			}
		}
	}
	return nil
}

// summarizeAdder summarizes a method of a builder struct whose statements
// add keys to the receiver's document field (q.m["_id"] = id), then
// return the receiver, or nothing.
func (s *summaries) summarizeAdder(fn *types.Func, cur inspector.Cursor) *optionFact {
	sig := fn.Signature()
	decl := cur.Node().(*ast.FuncDecl)
	field, _ := builderField(sig.Recv().Type())
	if field == nil || sig.RecvTypeParams().Len() > 0 || len(decl.Recv.List[0].Names) != 1 {
		return nil
	}
	info := s.c.pass.TypesInfo
	recv := info.Defs[decl.Recv.List[0].Names[0]]
	if recv == nil {
		return nil
	}
	stmts := decl.Body.List
	chain := false
	switch sig.Results().Len() {
	case 0:
	case 1:
		if len(stmts) == 0 || !types.Identical(sig.Results().At(0).Type(), recv.Type()) {
			return nil
		}
		ret, ok := stmts[len(stmts)-1].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 {
			return nil
		}
		if id, ok := ast.Unparen(ret.Results[0]).(*ast.Ident); !ok || info.Uses[id] != recv {
			return nil
		}
		stmts, chain = stmts[:len(stmts)-1], true
	default:
		return nil
	}
	target := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok || info.Uses[sel.Sel] != field {
			return false
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		return ok && info.Uses[id] == recv
	}
	f := s.keysAdded(sig, cur, target, stmts)
	if f != nil {
		f.Chain = chain
	}
	return f
}

// builderGet reads call, a call of a builder's getter, as the document
// its receiver holds.
func (ev *evaluator) builderGet(call *ast.CallExpr) *document {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || ev.sums == nil || len(call.Args) != 0 {
		return nil
	}
	fn, ok := ev.info.Uses[sel.Sel].(*types.Func)
	if !ok {
		return nil
	}
	if f := ev.sums.builder(fn); f == nil || !f.Get {
		return nil
	}
	return ev.builderDoc(sel.X)
}

// builderDoc reads e, a builder, as the document it holds: a constructor's
// call, a literal, a chain of adders on one of them, or a local variable
// holding one.
func (ev *evaluator) builderDoc(e ast.Expr) *document {
	if ev.depth > maxDepth {
		return nil
	}
	ev.depth++
	defer func() { ev.depth-- }()

	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		field, _ := builderField(typeOf(ev.info, e))
		if field == nil {
			return nil
		}
		if v := builderLitField(ev.info, e, field); v != nil {
			return ev.doc(v)
		}
	case *ast.CallExpr:
		fn := calleeFunc(ev.info, e)
		if fn == nil || e.Ellipsis.IsValid() {
			return nil
		}
		if f := ev.sums.builder(fn); f != nil && f.New != nil {
			return ev.doc(instantiate(f.New, e.Args, e))
		}
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		f := ev.sums.option(fn)
		if !ok || f == nil || !f.Chain {
			return nil
		}
		base := ev.builderDoc(sel.X)
		if base == nil {
			return nil
		}
		d := &document{entries: append([]entry(nil), base.entries...), complete: base.complete}
		for _, a := range f.Adds {
			d.entries = append(d.entries, entry{key: a.Key, value: instantiate(a.Value, e.Args, e)})
		}
		return d
	case *ast.Ident:
		if ev.flow == nil {
			return nil
		}
		if d, ok := ev.builders[e]; ok {
			return d // nil while read: a builder built from itself in a loop
		}
		if ev.builders == nil {
			ev.builders = make(map[*ast.Ident]*document)
		}
		ev.builders[e] = nil
		vals, complete := ev.flow.ValuesAt(e)
		d := mergeRead(len(vals), func(i int) *document {
			return ev.valueDocFrom(vals[i], e.Pos(), ev.builderDoc)
		}, complete)
		ev.builders[e] = d
		return d
	}
	return nil
}
