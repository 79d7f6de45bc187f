package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
)

// A filter field guards an update only if the update can change it: a
// concurrent writer that changed it first then makes this filter miss.
// An update that writes a field back with the very value its filter
// matched ({name: app.Name} with ReplaceOne(app) or $set: app, or
// {userId: u} with a struct whose UserID is u) changes nothing there, so
// it overwrites the other fields blindly. A state transition ({status:
// "CREATED"} then $set status: "RUNNING") or a version bump does change
// the field, and guards.

// writesBack tells whether the update sets filter field f (which it
// modifies as path m) to the value the filter matched: yes, no, or unsure
// when the value written is a field of a struct the analyzer cannot
// compare with the value matched.
func (ev *evaluator) writesBack(ff filterFields, uf updateFields, f, m string) (back, unsure bool) {
	matched, ok := ff.equalTo(f)
	if !ok {
		return false, false
	}
	if f != m {
		// A $set of a document at a parent of f ({a: doc} under a filter
		// on a.b) may write f back as it was: unsure. A $inc, $push... of
		// it changes it.
		for _, e := range uf.sets {
			if e.key == m && strings.HasPrefix(f, m+".") {
				if e.value != nil && (ev.fieldPathOf(matched, e.value, f[len(m)+1:]) || ev.literalWritesBack(matched, e.value, f[len(m)+1:])) {
					// {sender.id: u.ID} with $set sender: u, or with
					// $set sender: Sender{ID: u.ID, ...}: the id is
					// written back with the rest.
					return true, false
				}
				if e.value == nil && e.field != nil && ev.fieldPathOf(matched, e.field.of, f) {
					// {dev.class: d.Dev.Class} and the field Dev of d,
					// written whole (a replacement, or $set: d).
					return true, false
				}
				// A constant or nil there surely removes f.
				return false, e.value == nil || !isNil(ev.info, e.value) && ev.constantOf(e.value) == nil
			}
		}
		return false, false
	}
	if s, ok := ast.Unparen(matched).(*summarized); ok && s.v.Kind == opaqueValue {
		// Computed inside a helper or a wrapper (from a field of a
		// parameter, say): it may be the very value written.
		return false, true
	}
	for _, e := range uf.sets {
		if e.key == f {
			if ev.sameValue(matched, e) {
				return true, false
			}
			// A struct field written as it is may well hold the value
			// matched ({profile: true} and p.Profile), unless it surely
			// holds another.
			return false, e.value == nil && !ev.fieldMoved(matched, e.field)
		}
	}
	return false, false // $inc, $push, ... change it
}

// fieldMoved reports whether the field written, x.f, surely holds another
// value than the one the filter matched: the filter matched x.f - k or
// x.f + k (k a nonzero constant) as x.f is written, or it matched x.f and
// x.f was incremented (x.f++, x.f += k) between the filter and the write,
// and not assigned otherwise: a version bumped before a replacement.
func (ev *evaluator) fieldMoved(matched ast.Expr, field *structField) bool {
	if field == nil {
		return false
	}
	sameField := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		return ok && sel.Sel.Name == field.name && ev.sameFieldExpr(sel.X, field.of, ev.firstField(sel))
	}
	if b, ok := ast.Unparen(matched).(*ast.BinaryExpr); ok && (b.Op == token.SUB || b.Op == token.ADD) {
		k := ev.constantOf(b.Y)
		return k != nil && k.Kind() == constant.Int && constant.Sign(k) != 0 && sameField(b.X)
	}
	sel, ok := ast.Unparen(matched).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != field.name || !ev.fn.Valid() || !matched.Pos().IsValid() || matched.End() >= field.of.Pos() {
		return false
	}
	root, ok := ast.Unparen(sel.X).(*ast.Ident)
	of, ok2 := ast.Unparen(field.of).(*ast.Ident)
	if !ok || !ok2 || ev.info.Uses[root] == nil || ev.info.Uses[root] != ev.info.Uses[of] {
		return false
	}
	// Between the filter's read and the write: increments of x.f only.
	bumped := false
	for n := range ev.fn.Preorder((*ast.IncDecStmt)(nil), (*ast.AssignStmt)(nil), (*ast.UnaryExpr)(nil)) {
		node := n.Node()
		if node.Pos() < matched.End() || node.End() > field.of.Pos() {
			continue
		}
		for _, t := range writeTargets(node) {
			if t == nil || !mentions(ev.info, t, ev.info.Uses[root]) {
				continue
			}
			tsel, ok := ast.Unparen(t).(*ast.SelectorExpr)
			if !ok || !isIdentOf(ev.info, tsel.X, root) {
				return false // x itself, or a path through it
			}
			if tsel.Sel.Name != field.name {
				continue // another field of x
			}
			switch node := node.(type) {
			case *ast.IncDecStmt:
				if node.Tok != token.INC {
					return false
				}
				bumped = true
			case *ast.AssignStmt:
				k := ev.constantOf(node.Rhs[0])
				if node.Tok != token.ADD_ASSIGN || len(node.Rhs) != 1 || k == nil || k.Kind() != constant.Int || constant.Sign(k) <= 0 {
					return false
				}
				bumped = true
			default:
				return false // &x.f
			}
		}
	}
	return bumped
}

// isIdentOf reports whether e is an identifier of the same object as id.
func isIdentOf(info *types.Info, e ast.Expr, id *ast.Ident) bool {
	x, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[x] != nil && info.Uses[x] == info.Uses[id]
}

// sameValue reports whether the entry set writes the value of matched.
// It answers false whenever it cannot be sure: the field then counts as a
// guard, as it did before this check.
func (ev *evaluator) sameValue(matched ast.Expr, set entry) bool {
	a, b := ev.constantOf(matched), ev.constantOf(set.value)
	switch {
	case a != nil && b != nil:
		return a.Kind() == b.Kind() && constant.Compare(a, token.EQL, b)
	case a != nil || b != nil:
		return false
	case set.value != nil:
		if v := ev.entryOf(set.value); v != nil && (v == matched || ev.sameExpr(matched, v)) {
			return true // {"maintenance": filter["maintenance"]}
		}
		return ev.sameExpr(matched, set.value)
	case set.field != nil:
		// {name: app.Name} and the field Name of app.
		sel, ok := ast.Unparen(matched).(*ast.SelectorExpr)
		if ok && sel.Sel.Name == set.field.name && ev.sameFieldExpr(sel.X, set.field.of, ev.firstField(sel)) {
			return true
		}
		return ev.matchedByDecode(matched, set) || ev.matchedByConverter(matched, set)
	}
	return false
}

// matchedByDecode reports whether set writes a field of a struct that
// FindOne(ctx, filter).Decode(&x) filled, where that filter matched the
// field's key on the value matched here, and the field has not been
// assigned since: FindOne({boxid: id}) into b, then UpdateOne({boxid: id},
// {$set: b}) writes boxid back as it was.
func (ev *evaluator) matchedByDecode(matched ast.Expr, set entry) bool {
	id, ok := ast.Unparen(set.field.of).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := ev.info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	d, ok := ev.reads.decodeAt(v, id.Pos())
	if !ok {
		return ev.matchedOnEveryPath(matched, set, v, id.Pos())
	}
	return ev.decodedUnder(matched, set, d) && !ev.assignedAfter(v, d.end, set.field.name)
}

// decodedUnder reports whether d is a FindOne whose filter matched the key
// of set on the value matched.
func (ev *evaluator) decodedUnder(matched ast.Expr, set entry, d *decode) bool {
	r := ev.reads.readOfDecode(ev.info, d)
	if r == nil || r.method != "FindOne" {
		return false
	}
	fd := ev.doc(r.filter)
	if fd == nil || fd.merged {
		return false
	}
	en := fd.lookup(set.key)
	if en == nil || en.value == nil || ev.doc(en.value) != nil {
		return false // absent, or an operator document rather than a value
	}
	return ev.sameExpr(en.value, matched)
}

// matchedOnEveryPath is matchedByDecode for a struct given its value on
// several paths, the get-or-create of an upsert: decoded by FindOne under
// the key and value matched, or, when nothing was found, made as a literal
// whose field holds the value matched. Every path writes the key back.
func (ev *evaluator) matchedOnEveryPath(matched ast.Expr, set entry, v *types.Var, pos token.Pos) bool {
	if ev.reads == nil {
		return false
	}
	bs, ok := ev.reads.flow.BindingsOf(v, pos)
	if !ok || len(bs) < 2 {
		return false
	}
	last := token.NoPos
	for _, b := range bs {
		if d, ok := ev.reads.decodeOf(v, b, pos); ok {
			if !ev.decodedUnder(matched, set, d) {
				return false
			}
			last = max(last, d.end)
			continue
		}
		if !ev.literalWritesBack(matched, b, set.key) {
			return false
		}
		last = max(last, b.End())
	}
	return !ev.assignedAfter(v, last, set.field.name)
}

// entryOf returns the value that x[k] reads, when x is a document the
// evaluator reads in full and k a constant key it holds; else nil.
func (ev *evaluator) entryOf(e ast.Expr) ast.Expr {
	ix, ok := ast.Unparen(e).(*ast.IndexExpr)
	if !ok {
		return nil
	}
	key, ok := ev.stringConst(ix.Index)
	if !ok {
		return nil
	}
	d := ev.doc(ix.X)
	if d == nil || !d.complete || d.merged {
		return nil
	}
	if en := d.lookup(key); en != nil {
		return en.value
	}
	return nil
}

func (ev *evaluator) constantOf(e ast.Expr) constant.Value {
	if e == nil {
		return nil
	}
	if s, ok := ev.stringConst(e); ok {
		return constant.MakeString(s)
	}
	if v := exprConstant(ev.info, e); v != nil && v.Kind() != constant.Unknown {
		return v
	}
	return nil
}

// sameExpr reports whether a and b are the same expression over the same
// variables, without calls, and none of those variables is assigned
// between the two and the write (when either was written before it).
func (ev *evaluator) sameExpr(a, b ast.Expr) bool {
	return ev.sameFieldExpr(a, b, "")
}

// sameFieldExpr is sameExpr for two expressions of which only the field
// field is read (a.Name and the field Name of a struct written whole): a
// change of another field of a variable in between does not count.
func (ev *evaluator) sameFieldExpr(a, b ast.Expr, field string) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	if _, ok := a.(*summarized); ok {
		return false
	}
	if _, ok := b.(*summarized); ok {
		return false
	}
	if _, ok := a.(*merged); ok {
		return false
	}
	if _, ok := b.(*merged); ok {
		return false
	}
	if types.ExprString(a) != types.ExprString(b) {
		return false
	}
	// A pointer read twice in one statement (*p in the filter and in
	// the update of one call) reads one value.
	derefOK := ev.sameStatement(a, b)
	va, okA := ev.pureVars(a, derefOK)
	vb, okB := ev.pureVars(b, derefOK)
	if !okA || !okB || len(va) != len(vb) {
		return false
	}
	for i := range va {
		if va[i] != vb[i] {
			return false
		}
	}
	if _, isSel := a.(*ast.SelectorExpr); isSel {
		field = ev.firstField(a)
	}
	for _, v := range va {
		if ev.assignedAfter(v, min(a.Pos(), b.Pos()), field) {
			return false
		}
	}
	return true
}

// firstField returns f when e reads x.f (or x.f.g..., x.f[i].g) of a variable x,
// else "". A field promoted from an embedded struct is "": assigning the
// embedded struct changes it.
func (ev *evaluator) firstField(e ast.Expr) string {
	field := ""
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if s, ok := ev.info.Selections[x]; !ok || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
				return ""
			}
			field, e = x.Sel.Name, x.X
		case *ast.IndexExpr:
			// v.items[i].n: a change of the field items.
			if _, ok := ast.Unparen(x.X).(*ast.SelectorExpr); !ok {
				return ""
			}
			e = x.X
		case *ast.Ident:
			return field
		default:
			return ""
		}
	}
}

// pureVars returns the objects that the identifiers of e denote, in
// order, or false if e calls anything, receives from a channel or
// dereferences a pointer, unless derefOK (values that can change between
// two reads). A conversion, and a String() or an ObjectID's Hex() of a
// value (id.String(), by convention a rendering of the value), are no
// calls.
func (ev *evaluator) pureVars(e ast.Expr, derefOK bool) ([]types.Object, bool) {
	var objs []types.Object
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.StarExpr:
			ok = derefOK
		case *ast.CallExpr:
			ok = isConversion(ev.info, n) || ev.rendersValue(n)
		case *ast.FuncLit:
			ok = false
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				ok = false
			}
		case *ast.Ident:
			objs = append(objs, ev.info.ObjectOf(n))
		}
		return ok
	})
	return objs, ok
}

// sameStatement reports whether a and b are in one statement of the
// function, with no function literal between them and it.
func (ev *evaluator) sameStatement(a, b ast.Expr) bool {
	if !ev.fn.Valid() || !a.Pos().IsValid() || !b.Pos().IsValid() {
		return false
	}
	c, ok := ev.fn.FindByPos(a.Pos(), a.End())
	if !ok {
		return false
	}
	for ; c.Valid() && c != ev.fn; c = c.Parent() {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return false
		case ast.Stmt:
			return n.Pos() <= b.Pos() && b.End() <= n.End()
		}
	}
	return false
}

// assignedAfter reports whether the variable v may change after pos in the
// enclosing function: assigned, incremented, or its address taken. With a
// field, an assignment of another field of v (v.g = x, v.g.h++) does not
// count. Without the function's syntax, it answers true.
func (ev *evaluator) assignedAfter(v types.Object, pos token.Pos, field string) bool {
	if _, isVar := v.(*types.Var); !isVar {
		return false // constants, types, functions, packages
	}
	if !ev.fn.Valid() {
		return true
	}
	changed := false
	for c := range ev.fn.Preorder((*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil)) {
		if c.Node().Pos() < pos {
			continue
		}
		for _, t := range writeTargets(c.Node()) {
			if t == nil {
				continue // for range x
			}
			if id, ok := rootIdent(t); ok && ev.info.ObjectOf(id) == v {
				if f := ev.firstField(t); field == "" || f == "" || f == field {
					changed = true
				}
			}
		}
	}
	return changed
}

// literalWritesBack reports whether whole, a literal written at a parent
// of the filter's field, gives the field at path the value matched
// ({subject.id: id} with $set subject: Object{ID: id, Name: n}).
func (ev *evaluator) literalWritesBack(matched, whole ast.Expr, path string) bool {
	w := ast.Unparen(whole)
	if u, ok := w.(*ast.UnaryExpr); ok && u.Op == token.AND {
		w = ast.Unparen(u.X)
	}
	if _, ok := w.(*ast.CompositeLit); !ok {
		return false
	}
	d := ev.doc(w)
	keys := strings.Split(path, ".")
	for i, key := range keys {
		if d == nil || d.merged {
			return false
		}
		en := d.lookup(key)
		if en == nil || en.value == nil {
			return false
		}
		if i == len(keys)-1 {
			return ev.sameValue(matched, *en)
		}
		d = ev.doc(en.value)
	}
	return false
}

// fieldPathOf reports whether matched reads, from the struct value whole,
// the fields whose bson keys make path: u.Profile.ID for path "profile.id"
// of u.
func (ev *evaluator) fieldPathOf(matched, whole ast.Expr, path string) bool {
	var keys []string
	x := ast.Unparen(matched)
	for {
		sel, ok := x.(*ast.SelectorExpr)
		if !ok {
			break
		}
		key, ok := fieldKey(ev.info, sel)
		if !ok {
			return false
		}
		keys = append([]string{key}, keys...)
		x = ast.Unparen(sel.X)
	}
	if len(keys) == 0 || strings.Join(keys, ".") != path {
		return false
	}
	w := ast.Unparen(whole)
	if u, ok := w.(*ast.UnaryExpr); ok && u.Op == token.AND {
		w = ast.Unparen(u.X)
	}
	if st, ok := x.(*ast.StarExpr); ok {
		x = ast.Unparen(st.X)
	}
	if _, ok := w.(*ast.CompositeLit); ok {
		return false
	}
	return ev.sameExpr(x, w)
}

// rendersValue reports whether call is x.String() or an ObjectID's
// x.Hex(), a method of a value receiver: a rendering of the value of x,
// the same for the same x.
func (ev *evaluator) rendersValue(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 0 || sel.Sel.Name != "String" && sel.Sel.Name != "Hex" {
		return false
	}
	s, ok := ev.info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return false
	}
	fn := s.Obj().(*types.Func)
	sig := fn.Signature()
	recv := sig.Recv().Type()
	if _, ptr := recv.Underlying().(*types.Pointer); ptr || types.IsInterface(recv) || types.IsInterface(s.Recv()) {
		return false // a method of a pointer (a builder's String), or a dynamic one
	}
	if sig.Results().Len() != 1 || !isString(sig.Results().At(0).Type()) {
		return false
	}
	return sel.Sel.Name == "String" || fn.Pkg() != nil && IsDriverPath(fn.Pkg().Path())
}
