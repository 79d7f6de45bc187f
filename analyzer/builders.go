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

// This file reads builder structs: a struct with document fields, made by
// a constructor, filled by methods that add keys to one of the fields, and
// read by methods that return a document made of them, or through a field:
//
//	type Updater struct{ set, push bson.M }
//	func NewUpdater() *Updater { return &Updater{bson.M{}, bson.M{}} }
//	func (u *Updater) Set(k string, v any) *Updater { u.set[k] = v; return u }
//	func (u *Updater) Doc() bson.M {
//		d := bson.M{}
//		if len(u.set) > 0 {
//			d["$set"] = u.set
//		}
//		...
//	}
//
// NewUpdater().Set("state", s).Doc(), or the same through a variable or a
// wrapper that takes the builder, reads as {$set: {state: s}}.
//
// A builder's value is read as a field document: one entry per document
// field, keyed by the field's Go name. A constructor's builderFact is the
// field document it returns; an adder is an option of the struct
// (optionFact, with the Field it fills and Chain when it returns the
// builder), so the flow follows it like a setter; a method that returns a
// document made of the fields is a helper whose summary takes the receiver
// as one more parameter (helperFact.Recv), and a field of a parameter is a
// summary value of its own (summaryValue.Field). Anything else done to the
// builder leaves its documents unknown.

// builderFact is the fact of a builder's constructor: the field document
// it returns.
type builderFact struct {
	New *summaryValue
}

func (*builderFact) AFact() {}

func (f *builderFact) String() string { return "builder " + f.New.String() }

// builderFields returns the document fields of a builder struct type (or
// of a pointer to one): its fields of a map document type. It returns nil
// for a type of the bson package and for a type with none.
func builderFields(t types.Type) []*types.Var {
	st := builderStruct(t)
	if st == nil {
		return nil
	}
	var fields []*types.Var
	for i := range st.NumFields() {
		if kindOf(st.Field(i).Type()) == mapDoc {
			fields = append(fields, st.Field(i))
		}
	}
	return fields
}

func builderStruct(t types.Type) *types.Struct {
	if t == nil {
		return nil
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || isBSONPkg(n.Obj().Pkg()) {
		return nil
	}
	st, _ := n.Underlying().(*types.Struct)
	return st
}

// isBuilder reports whether t, or a pointer to it, is a builder: a struct
// with map fields and a method that adds to one of them or makes a
// document of them. Any other struct, maps and all, is a document of its
// bson fields.
func (ev *evaluator) isBuilder(t types.Type) bool {
	if ev.sums == nil || builderFields(t) == nil {
		return false
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	ms := types.NewMethodSet(types.NewPointer(t))
	for i := range ms.Len() {
		fn, ok := ms.At(i).Obj().(*types.Func)
		if !ok {
			continue
		}
		if f := ev.sums.option(fn); f != nil && (f.Field != "" || len(f.Sets) > 0) {
			return true
		}
		if h := ev.sums.helper(fn); h != nil && h.Recv {
			return true
		}
	}
	return false
}

// docField returns the document field of a builder type named name.
func docField(t types.Type, name string) *types.Var {
	for _, f := range builderFields(t) {
		if f.Name() == name {
			return f
		}
	}
	return nil
}

// builder returns the builder fact of fn, or nil.
func (s *summaries) builder(fn *types.Func) *builderFact {
	return summaryOf(s, s.builders, fn, s.summarizeBuilder)
}

// summarizeBuilder summarizes fn, declared at cur, as a constructor: a
// function whose one statement returns a literal of a builder struct.
func (s *summaries) summarizeBuilder(fn *types.Func, cur inspector.Cursor) *builderFact {
	sig := fn.Signature()
	decl := cur.Node().(*ast.FuncDecl)
	if sig.Recv() != nil || sig.Results().Len() != 1 || sig.TypeParams().Len() > 0 || len(decl.Body.List) != 1 ||
		builderFields(sig.Results().At(0).Type()) == nil {
		return nil
	}
	ret, ok := decl.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil
	}
	info := s.c.pass.TypesInfo
	fields := builderLitFields(info, ret.Results[0])
	params := paramIndices(sig)
	if fields == nil || !paramsIntact(info, cur, params) {
		return nil
	}
	ev := s.c.evaluatorAt(cur)
	v := &summaryValue{Kind: docValue, Complete: true}
	for _, f := range fields {
		v.Entries = append(v.Entries, summaryEntry{Key: f.key, Value: ev.summarize(f.value, params)})
	}
	return &builderFact{New: v}
}

// A litField is a document field given a value in a builder's literal.
type litField struct {
	key   string
	value ast.Expr
}

// builderLitFields returns the document fields that the literal e (S{...}
// or &S{...}, keyed or not) of a builder struct gives a value; nil when e
// is no such literal.
func builderLitFields(info *types.Info, e ast.Expr) []litField {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	st := builderStruct(typeOf(info, lit))
	if st == nil || builderFields(typeOf(info, lit)) == nil {
		return nil
	}
	fields := []litField{}
	for i, elt := range lit.Elts {
		var f *types.Var
		value := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			id, _ := kv.Key.(*ast.Ident)
			if id == nil {
				return nil
			}
			f, _ = info.Uses[id].(*types.Var)
			value = kv.Value
		} else if i < st.NumFields() {
			f = st.Field(i)
		}
		if f != nil && kindOf(f.Type()) == mapDoc {
			fields = append(fields, litField{key: f.Name(), value: value})
		}
	}
	return fields
}

// summarizeAdder summarizes a method of a builder struct whose statements
// add keys to one document field of the receiver (u.set[k] = v), then
// return the receiver, or nothing.
func (s *summaries) summarizeAdder(fn *types.Func, cur inspector.Cursor) *optionFact {
	sig := fn.Signature()
	decl := cur.Node().(*ast.FuncDecl)
	if sig.RecvTypeParams().Len() > 0 || len(decl.Recv.List[0].Names) != 1 {
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
		if !ok || len(ret.Results) != 1 || !isObject(info, recv)(ret.Results[0]) {
			return nil
		}
		stmts, chain = stmts[:len(stmts)-1], true
	default:
		return nil
	}
	var field *types.Var
	target := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok || !isObject(info, recv)(sel.X) {
			return false
		}
		f, ok := info.Uses[sel.Sel].(*types.Var)
		if !ok || !f.IsField() || kindOf(f.Type()) != mapDoc || field != nil && f != field {
			return false
		}
		field = f
		return true
	}
	f := s.keysAdded(sig, cur, target, stmts)
	if f == nil || field == nil {
		return s.fieldsSet(sig, cur, recv, stmts, chain)
	}
	f.Field, f.Chain = field.Name(), chain
	return f
}

// fieldsSet summarizes a setter of a builder struct: a method of a
// pointer receiver whose statements only give fields of the receiver a
// value (o.filter = f), before it returns the receiver or nothing. A
// request object that a wrapper writes (coll.UpdateOne(ctx, op.filter,
// op.update)) is often filled this way: NewOp().Where(f).Change(u).
// Fields that hold no document are left out: setting them changes none.
// Only a struct whose document fields are all unexported is read so: the
// driver encodes none of them, so it carries documents rather than being
// one, where a model with setters (SetKind on a struct written whole) is
// a document whose fields they change.
func (s *summaries) fieldsSet(sig *types.Signature, cur inspector.Cursor, recv types.Object, stmts []ast.Stmt, chain bool) *optionFact {
	if _, ptr := types.Unalias(recv.Type()).(*types.Pointer); !ptr || len(stmts) == 0 {
		return nil // a value receiver's fields are set on a copy
	}
	if slices.ContainsFunc(builderFields(recv.Type()), (*types.Var).Exported) {
		return nil
	}
	info := s.c.pass.TypesInfo
	params := paramIndices(sig)
	if !paramsIntact(info, cur, params) {
		return nil
	}
	ev := s.c.evaluatorAt(cur)
	f := &optionFact{Setter: true, Chain: chain}
	for _, st := range stmts {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return nil
		}
		sel, ok := ast.Unparen(as.Lhs[0]).(*ast.SelectorExpr)
		if !ok || !isObject(info, recv)(sel.X) {
			return nil
		}
		field, ok := info.Uses[sel.Sel].(*types.Var)
		if !ok || !field.IsField() {
			return nil
		}
		if kindOf(field.Type()) != mapDoc {
			continue
		}
		f.Sets = slices.DeleteFunc(f.Sets, func(e summaryEntry) bool { return e.Key == field.Name() })
		f.Sets = append(f.Sets, summaryEntry{Key: field.Name(), Value: ev.summarize(as.Rhs[0], params)})
	}
	return f
}

// builderSelect reads b.f, a document field of a builder.
func (ev *evaluator) builderSelect(sel *ast.SelectorExpr) *document {
	if f, ok := ev.info.Uses[sel.Sel].(*types.Var); !ok || !f.IsField() || docField(typeOf(ev.info, sel.X), f.Name()) != f {
		return nil
	}
	return ev.builderField(sel.X, sel.Sel.Name)
}

// builderField reads the document field named field of the builder e.
func (ev *evaluator) builderField(e ast.Expr, field string) *document {
	d := ev.builderDoc(e)
	if d == nil {
		return nil
	}
	for _, en := range d.entries {
		if en.key != field || en.value == nil {
			continue
		}
		fd := ev.doc(en.value)
		if fd != nil && (!d.complete || d.merged) {
			// Something not followed was done to the builder (more(q)), or
			// it was built on several paths: so was the field.
			fd = &document{entries: fd.entries, complete: fd.complete && d.complete, merged: fd.merged || d.merged}
		}
		return fd
	}
	return nil // a field without a value is a nil map, or unknown
}

// A built expression stands for a document read from a builder, as the
// value of a field document's entry.
type built struct {
	ast.BadExpr
	d *document
}

// builderDoc reads e, a builder, as its field document: a constructor's
// call, a literal, a chain of adders on one of them, or a local variable
// holding one.
func (ev *evaluator) builderDoc(e ast.Expr) *document {
	if ev.depth > maxDepth || ev.sums == nil {
		return nil
	}
	ev.depth++
	defer func() { ev.depth-- }()

	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *summarized:
		if e.v.Kind == paramValue && len(e.v.Entries) == 0 && e.v.Field == "" {
			return ev.builderDoc(e.arg(e.v.Param))
		}
		if e.v.Kind == docValue {
			return ev.summarizedDoc(e)
		}
	case *ast.CompositeLit:
		fields := builderLitFields(ev.info, e)
		if fields == nil {
			return nil
		}
		d := &document{complete: true}
		for _, f := range fields {
			d.entries = append(d.entries, entry{key: f.key, value: f.value})
		}
		return d
	case *ast.CallExpr:
		fn := calleeFunc(ev.info, e)
		if fn == nil || e.Ellipsis.IsValid() {
			return nil
		}
		if f := ev.sums.builder(fn); f != nil {
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
		return ev.applyToFields(base, f, e)
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
		if ev.fieldsShared(e) {
			return nil
		}
		vals, complete := ev.flow.ValuesAt(e)
		d := mergeRead(len(vals), func(i int) *document {
			return ev.valueDocFrom(vals[i], e.Pos(), ev.builderDoc)
		}, complete)
		ev.builders[e] = d
		return d
	}
	return nil
}

// applyToFields returns the field document d after the call of a
// builder's adder or setter (of fact f).
func (ev *evaluator) applyToFields(d *document, f *optionFact, call *ast.CallExpr) *document {
	if !f.Setter {
		return ev.addToField(d, f, call)
	}
	out := &document{entries: make([]entry, 0, len(d.entries)+len(f.Sets)), complete: d.complete, merged: d.merged}
	for _, en := range d.entries {
		if !slices.ContainsFunc(f.Sets, func(e summaryEntry) bool { return e.Key == en.key }) {
			out.entries = append(out.entries, en)
		}
	}
	for _, e := range f.Sets {
		out.entries = append(out.entries, entry{key: e.Key, value: instantiate(e.Value, call.Args, call)})
	}
	return out
}

// addToField returns the field document d with the keys that the adder
// call (of fact f) adds to its field.
func (ev *evaluator) addToField(d *document, f *optionFact, call *ast.CallExpr) *document {
	out := &document{entries: make([]entry, 0, len(d.entries)), complete: d.complete}
	found := false
	for _, en := range d.entries {
		if en.key == f.Field && en.value != nil && !found {
			found = true
			fd := ev.doc(en.value)
			if fd == nil {
				en.value = nil
			} else {
				nd := &document{entries: append([]entry(nil), fd.entries...), complete: fd.complete, merged: fd.merged}
				ev.addEntries(nd, f, call)
				b := &built{d: nd}
				b.From, b.To = call.Pos(), call.End()
				en.value = b
			}
		}
		out.entries = append(out.entries, en)
	}
	return out
}

// addEntries adds to d the keys that the call of the option or adder f
// adds; a key given by an argument that is not a constant leaves d
// incomplete.
func (ev *evaluator) addEntries(d *document, f *optionFact, call *ast.CallExpr) {
	for _, e := range f.Adds {
		key := e.Key
		if e.KeyParam > 0 {
			var ok bool
			if e.KeyParam > len(call.Args) {
				d.complete = false
				continue
			}
			if key, ok = ev.key(call.Args[e.KeyParam-1]); !ok {
				d.complete = false
				continue
			}
		}
		d.entries = append(d.entries, entry{key: key, value: instantiate(e.Value, call.Args, call)})
	}
}

// callersField reports whether e is a document field of a builder that
// the function being read was passed: u.set, with u a parameter or the
// receiver.
func (ev *evaluator) callersField(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *summarized:
		return e.v.Kind == paramValue && e.v.Field != "" && ev.callersBuilder(e.arg(e.v.Param))
	case *ast.SelectorExpr:
		f, ok := ev.info.Uses[e.Sel].(*types.Var)
		return ok && f.IsField() && docField(typeOf(ev.info, e.X), f.Name()) == f && ev.isBuilder(typeOf(ev.info, e.X)) && ev.callersBuilder(e.X)
	}
	return false
}

// callersBuilder reports whether e is a parameter or the receiver of the
// function being read.
func (ev *evaluator) callersBuilder(e ast.Expr) bool {
	e = ast.Unparen(e)
	if s, ok := e.(*summarized); ok && s.v.Kind == paramValue && len(s.v.Entries) == 0 && s.v.Field == "" {
		return ev.callersBuilder(s.arg(s.v.Param))
	}
	id, ok := e.(*ast.Ident)
	if !ok || !ev.fn.Valid() {
		return false
	}
	v, ok := ev.info.Uses[id].(*types.Var)
	decl, isDecl := ev.fn.Node().(*ast.FuncDecl)
	if !ok || !isDecl {
		return false
	}
	in := func(n ast.Node) bool { return n != nil && n.Pos() <= v.Pos() && v.Pos() < n.End() }
	return in(decl.Type.Params) || decl.Recv != nil && in(decl.Recv)
}

// fieldsShared reports whether the function reads a document field of the
// builder variable used at id, elsewhere than at id and other than as
// len(b.f): the map may then
// change outside the builder's methods (addVersion(b.f, v), m := b.f).
func (ev *evaluator) fieldsShared(id *ast.Ident) bool {
	v, ok := ev.info.Uses[id].(*types.Var)
	if !ok || !ev.fn.Valid() {
		return true
	}
	for c := range ev.fn.Preorder((*ast.Ident)(nil)) {
		if c.Node() == id || ev.info.Uses[c.Node().(*ast.Ident)] != v || c.ParentEdgeKind() != edge.SelectorExpr_X {
			continue
		}
		sel := c.Parent()
		f, ok := ev.info.Uses[sel.Node().(*ast.SelectorExpr).Sel].(*types.Var)
		if !ok || !f.IsField() || kindOf(f.Type()) != mapDoc {
			continue
		}
		if sel.ParentEdgeKind() == edge.CallExpr_Args {
			if call := sel.Parent().Node().(*ast.CallExpr); flow.IsBuiltin(ev.info, call, "len") {
				continue
			}
		}
		return true
	}
	return false
}
