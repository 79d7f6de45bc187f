package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/mongocas/mongocas-lint/internal/flow"
	"golang.org/x/tools/go/ast/inspector"
)

// This file reads the Go expressions that the driver turns into BSON
// (bson.M, bson.D, bson.A, primitive.*, map literals, tagged structs)
// into a small model: the document's top-level keys, in source order, each
// with the expression of its value. Anything the evaluator cannot see in
// full makes the document incomplete, and the rules stay silent about what
// they cannot know.

// docKind tells how the driver encodes values of a Go type.
type docKind int

const (
	notDoc     docKind = iota
	mapDoc             // bson.M, primitive.M, map[string]T
	orderedDoc         // bson.D, primitive.D
	elemDoc            // bson.E, primitive.E: one key of an ordered document
	arrayDoc           // bson.A, []bson.D, []bson.M, mongo.Pipeline, []any
	structDoc          // a struct, encoded field by field through its bson tags
)

// isBSONPkg reports whether pkg is one of the drivers' bson packages.
func isBSONPkg(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	switch pkg.Path() {
	case bsonV1, bsonV1Primitive, bsonV2:
		return true
	}
	return false
}

// kindOf classifies t. Named types of the bson packages are recognised by
// name; everything else by its underlying structure.
func kindOf(t types.Type) docKind {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		if st, ok := types.Unalias(p.Elem()).Underlying().(*types.Struct); ok && st != nil {
			return structDoc
		}
		return notDoc
	}
	if n, ok := t.(*types.Named); ok && isBSONPkg(n.Obj().Pkg()) {
		switch n.Obj().Name() {
		case "M":
			return mapDoc
		case "D":
			return orderedDoc
		case "E":
			return elemDoc
		case "A":
			return arrayDoc
		}
		return notDoc // Raw, ObjectID and the other bson types
	}
	switch u := t.Underlying().(type) {
	case *types.Map:
		if b, ok := u.Key().Underlying().(*types.Basic); ok && b.Kind() == types.String {
			return mapDoc
		}
	case *types.Slice:
		if kindOf(u.Elem()) == elemDoc {
			return orderedDoc
		}
		return arrayDoc
	case *types.Array:
		return arrayDoc
	case *types.Struct:
		if isTimeLike(t) {
			return notDoc
		}
		return structDoc
	}
	return notDoc
}

// isTimeLike reports whether a struct type is encoded as a single value
// rather than a document (time.Time and types with their own marshaller).
func isTimeLike(t types.Type) bool {
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" {
		return true
	}
	return hasCustomMarshaller(t)
}

// hasCustomMarshaller reports whether values of t encode themselves, so
// their keys cannot be read from the type.
func hasCustomMarshaller(t types.Type) bool {
	ms := types.NewMethodSet(types.NewPointer(types.Unalias(t)))
	for _, name := range []string{"MarshalBSON", "MarshalBSONValue"} {
		if ms.Lookup(nil, name) != nil {
			return true
		}
	}
	return false
}

// A document is what the analyzer knows of one BSON document.
type document struct {
	entries []entry
	// lit is the composite literal that holds all the entries, when the
	// document is a single literal; fixes edit it.
	lit *ast.CompositeLit
	// applied are the functional options applied to the document (o(m)),
	// which make it incomplete; restComplete says whether it is complete
	// apart from them. A builder's summary reads them (see summarize).
	applied []*ast.CallExpr
	// The flags last, packed: a document is read for every literal.
	complete     bool // every key of the document is known
	restComplete bool
	// merged: the document is one of several, on different paths (see
	// mergeDocs).
	merged bool
}

// An entry is one key of a document. A document of every write is read,
// so an entry is kept small.
type entry struct {
	key   string
	value ast.Expr // nil for fields read from a struct type
	// node is the element of lit that holds the entry (a KeyValueExpr of
	// a map, a bson.E literal of a D); nil when not in the literal.
	node ast.Expr
	// field is set for a field of a struct value that is not a literal.
	field *structField
}

// A structField is a field of a struct value that is not a literal, read
// as a document: app and "Name" for the field Name of app.
type structField struct {
	of   ast.Expr
	name string
}

// keyExpr returns the key as written in the literal, for fixes; nil when
// the entry is not in a literal.
func (e *entry) keyExpr() ast.Expr {
	switch n := e.node.(type) {
	case *ast.KeyValueExpr:
		return n.Key
	case *ast.CompositeLit:
		key, _, _ := elemParts(n)
		return key
	}
	return nil
}

func (d *document) lookup(key string) *entry {
	if d == nil {
		return nil
	}
	for i := range d.entries {
		if d.entries[i].key == key {
			return &d.entries[i]
		}
	}
	return nil
}

// An evaluator reads documents within one function.
type evaluator struct {
	arena *docArena // where literals' documents are made; nil: the heap
	info  *types.Info
	reads *funcReads       // the reads of the enclosing function; nil outside one
	flow  *flow.Func       // the values of its variables; nil outside a function
	sums  *summaries       // summaries of helper functions; nil reads no helper
	fn    inspector.Cursor // the outermost function; invalid outside one
	depth int
	// summarized are the variables summarized so far (see summarizeVar).
	summarized map[*ast.Ident]*summaryValue
	// docs are the literals and variables read so far, nil when they are
	// no document: several rules read the same filter and update.
	docs map[ast.Expr]*document
	// builders are the builder variables read so far (see builderDoc).
	builders map[*ast.Ident]*document
	// cases are the case clauses of the function's type switches, found
	// on first use (see switchCases).
	cases []switchCase
}

const maxDepth = 32 // documents nested deeper than this are left unread

// A docArena makes the documents of literals, with room for their
// entries, in memory that the checker of a declaration reuses from one
// declaration to the next (see checker.clear): a package of many writes
// reads tens of thousands of literals, and the collector need not see
// them. Nothing keeps a document past the declaration it was read in.
type docArena struct {
	docs    []document
	entries []entry
}

// doc returns an empty document with room for n entries.
func (a *docArena) doc(n int) *document {
	if a == nil {
		return &document{entries: make([]entry, 0, n)}
	}
	if len(a.docs) == cap(a.docs) {
		a.docs = make([]document, 0, 256) // the full chunk stays with its documents
	}
	a.docs = append(a.docs, document{})
	d := &a.docs[len(a.docs)-1]
	if cap(a.entries)-len(a.entries) < n {
		a.entries = make([]entry, 0, max(1024, n))
	}
	start := len(a.entries)
	a.entries = a.entries[:start+n]
	d.entries = a.entries[start : start : start+n] // an append past n leaves the arena
	return d
}

// reset makes the memory of the last chunks free for the next
// declaration.
func (a *docArena) reset() {
	clear(a.docs)
	a.docs = a.docs[:0]
	clear(a.entries)
	a.entries = a.entries[:0]
}

// doc evaluates e as a document. It returns nil when e is not a document
// or nothing of it can be read.
func (ev *evaluator) doc(e ast.Expr) *document {
	if ev.depth > maxDepth {
		return nil
	}
	ev.depth++
	defer func() { ev.depth-- }()

	e = ast.Unparen(e)
	switch s := e.(type) {
	case *summarized:
		return ev.summarizedDoc(s)
	case *flow.Result:
		if h := ev.helperResult(s.Call, s.Index); h != nil {
			return ev.summarizedDoc(h)
		}
		return nil
	case *merged:
		return ev.mergedDoc(s)
	case *built:
		return s.d
	case *ast.BasicLit, *ast.BinaryExpr:
		return nil // never a document; spares a lookup of its type
	case *ast.CompositeLit, *ast.Ident:
		d, ok := ev.docs[e]
		if !ok {
			if ev.docs == nil {
				// Sized for a function of a few writes, to spare the
				// map's first growths.
				ev.docs = make(map[ast.Expr]*document, 16)
			}
			// While e is read it reads as no document: a variable built
			// from itself in a loop (f = bson.M{"$or": bson.A{f, x}})
			// is then unknown where it holds itself, not read forever.
			ev.docs[e] = nil
			d = ev.read(e)
			ev.docs[e] = d
		}
		return d
	}
	return ev.read(e)
}

// read evaluates e, unparenthesized, as a document; see doc.
func (ev *evaluator) read(e ast.Expr) *document {
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		if t := typeOf(ev.info, u.X); t != nil && (kindOf(t) == mapDoc || kindOf(t) == orderedDoc) {
			return ev.doc(u.X) // &update: the driver encodes what it points to
		}
	}
	t := typeOf(ev.info, e)
	if t == nil {
		return nil
	}
	kind := kindOf(t)
	if kind == structDoc {
		return ev.structValue(e, t)
	}
	if kind != mapDoc && kind != orderedDoc {
		// An interface-typed value: read what it holds when that is a
		// local variable or a literal of a document type.
		if _, isIface := t.Underlying().(*types.Interface); !isIface {
			return nil
		}
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		return ev.literal(e, kind)
	case *ast.Ident:
		return ev.variable(e)
	case *ast.UnaryExpr:
		if e.Op.String() == "&" {
			return ev.doc(e.X)
		}
	case *ast.CallExpr:
		if flow.IsBuiltin(ev.info, e, "make") {
			return &document{complete: true} // make(bson.M), make(bson.D, 0, n): empty
		}
		if flow.IsBuiltin(ev.info, e, "append") && len(e.Args) > 0 {
			return ev.appended(e)
		}
		if s := ev.helperCall(e); s != nil {
			return ev.summarizedDoc(s)
		}
	case *ast.SelectorExpr:
		return ev.builderSelect(e)
	}
	return nil
}

// literal reads a composite literal of a map or D type (kind).
func (ev *evaluator) literal(lit *ast.CompositeLit, kind docKind) *document {
	d := ev.arena.doc(len(lit.Elts))
	d.complete, d.lit = true, lit
	switch kind {
	case mapDoc:
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				d.complete = false
				continue
			}
			key, isConst := ev.key(kv.Key)
			if !isConst {
				d.complete = false
				continue
			}
			d.entries = append(d.entries, entry{key: key, value: kv.Value, node: kv})
		}
	case orderedDoc:
		for _, elt := range lit.Elts {
			if !ev.addElem(d, elt, true) {
				d.complete = false
			}
		}
	default:
		return nil
	}
	return d
}

// addElem adds one bson.E to d: a literal, keyed or not, or a local
// variable holding one. inLit says whether elt is an element of d.lit.
func (ev *evaluator) addElem(d *document, elt ast.Expr, inLit bool) bool {
	elt = ast.Unparen(elt)
	if id, ok := elt.(*ast.Ident); ok {
		init, ok := ev.unchanged(id)
		if !ok {
			return false
		}
		elt, inLit = ast.Unparen(init), false
	}
	lit, ok := elt.(*ast.CompositeLit)
	if !ok {
		return false
	}
	keyExpr, value, ok := elemParts(lit)
	if !ok {
		return false
	}
	key, ok := ev.key(keyExpr)
	if !ok {
		return false
	}
	en := entry{key: key, value: value}
	if inLit {
		en.node = lit
	}
	d.entries = append(d.entries, en)
	return true
}

// elemParts returns the key and the value of a bson.E literal, keyed or
// not; ok is false when a key is not a field name.
func elemParts(lit *ast.CompositeLit) (key, value ast.Expr, ok bool) {
	for i, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			name, _ := kv.Key.(*ast.Ident)
			switch {
			case name == nil:
				return nil, nil, false
			case name.Name == "Key":
				key = kv.Value
			case name.Name == "Value":
				value = kv.Value
			}
			continue
		}
		switch i {
		case 0:
			key = e
		case 1:
			value = e
		}
	}
	return key, value, true
}

// variable reads a local variable holding a document: each value that
// the flow can reach the use with (its initial value, plus the keys and
// elements added since), merged into one (see mergeDocs). A value the
// flow cannot follow on some path makes the document incomplete.
func (ev *evaluator) variable(id *ast.Ident) *document {
	if ev.flow == nil {
		return nil
	}
	vals, complete := ev.flow.ValuesAt(id)
	if len(vals) == 1 && len(vals[0].Steps) == 0 && vals[0].Init != nil && complete {
		return ev.doc(vals[0].Init) // the document as written, for fixes
	}
	vals = ev.withoutSkippedCopies(vals)
	return mergeRead(len(vals), func(i int) *document { return ev.valueDoc(vals[i], id.Pos()) }, complete)
}

// valueDoc reads one value of a variable, used at pos, as a document. A
// key added after pos reaches it from an earlier turn of a loop: its value
// was computed then, and is left unknown.
func (ev *evaluator) valueDoc(val flow.Value, pos token.Pos) *document {
	return ev.valueDocFrom(val, pos, ev.doc)
}

// valueDocFrom is valueDoc with the value's start read by initDoc: a
// document, or a builder (see builderDoc).
func (ev *evaluator) valueDocFrom(val flow.Value, pos token.Pos, initDoc func(ast.Expr) *document) *document {
	var d *document
	if val.Init == nil {
		d = &document{complete: true} // declared without a value: empty
	} else if d = initDoc(val.Init); d == nil {
		return nil
	}
	if len(val.Steps) > 0 {
		d = &document{entries: append([]entry(nil), d.entries...), complete: d.complete}
	}
	for _, s := range val.Steps {
		if src, ok := ev.copySource(s); ok {
			ev.copyInto(d, src)
			continue
		}
		if s.Apply != nil {
			// f.WithID(id), addID(f, id): the keys the setter adds, with
			// the call's arguments.
			if fn := calleeFunc(ev.info, s.Apply); fn != nil && ev.sums != nil {
				if f := ev.sums.option(fn); f != nil {
					if f.ofBuilder() {
						d = ev.applyToFields(d, f, s.Apply) // a builder's adder or setter: u.Set(k, v)
					} else {
						ev.addEntries(d, f, s.Apply)
					}
					continue
				}
			}
			d.applied = append(d.applied, s.Apply)
			continue
		}
		if s.Key == nil {
			for _, elt := range s.Elems {
				if !ev.addElem(d, elt, false) {
					d.complete = false
				}
			}
			continue
		}
		if s.In != nil {
			ev.addNested(d, s, pos)
			continue
		}
		key, ok := ev.key(s.Key)
		if !ok {
			d.complete = false // a key the code computes: unknown, the others stay known
			continue
		}
		value := stepValue(s.Elems[0])
		if value != nil && value.Pos() > pos {
			value = nil
		}
		d.entries = append(d.entries, entry{key: key, value: value})
	}
	if len(d.applied) > 0 {
		d.restComplete, d.complete = d.complete, false
	}
	if val.Widened && len(val.Steps) > 0 {
		widened(d)
	}
	return d
}

// addNested applies to d a step that adds a key to one of its
// subdocuments (m["$set"].(bson.M)["k"] = v): the subdocument, read with
// the key added, replaces the entry's value.
func (ev *evaluator) addNested(d *document, s flow.Step, pos token.Pos) {
	in, ok := ev.key(s.In)
	i := -1
	if ok {
		i = slices.IndexFunc(d.entries, func(e entry) bool { return e.key == in })
	}
	if i < 0 || d.entries[i].value == nil {
		d.complete = false
		return
	}
	old := d.entries[i].value
	sub := ev.doc(old)
	if sub == nil {
		d.complete = false
		return
	}
	nested := &document{entries: slices.Clip(sub.entries), complete: sub.complete, merged: sub.merged}
	if key, ok := ev.key(s.Key); ok {
		value := stepValue(s.Elems[0])
		if value != nil && value.Pos() > pos {
			value = nil
		}
		nested.entries = append(nested.entries, entry{key: key, value: value})
	} else {
		nested.complete = false
	}
	d.entries[i].value = &built{BadExpr: ast.BadExpr{From: old.Pos(), To: old.End()}, d: nested}
	d.entries[i].node = nil
}

// widened marks d, the value of several paths folded into one by the
// flow, as merged, with one entry per key: a key that paths set to
// different values holds one of them.
func widened(d *document) {
	d.merged, d.lit = true, nil
	out := d.entries[:0:0]
	for _, e := range d.entries {
		e.node = nil
		if i := slices.IndexFunc(out, func(o entry) bool { return o.key == e.key }); i >= 0 {
			if out[i].value != nil && e.value != nil {
				out[i].value = mergeValues(out[i].value, e.value)
			} else {
				out[i].value = nil
			}
			continue
		}
		out = append(out, e)
	}
	d.entries = out
}

// stepValue returns the value a step gives a key, or nil when it is one
// of several results of a call (m[k], err = f()): unknown.
func stepValue(e ast.Expr) ast.Expr {
	if _, ok := e.(*flow.Result); ok {
		return nil
	}
	return e
}

// unchanged returns the value of a local variable that is assigned once
// and never changed before the use at id.
func (ev *evaluator) unchanged(id *ast.Ident) (ast.Expr, bool) {
	if ev.flow == nil {
		return nil, false
	}
	vals, complete := ev.flow.ValuesAt(id)
	if !complete || len(vals) != 1 || len(vals[0].Steps) > 0 || vals[0].Init == nil {
		return nil, false
	}
	if _, ok := vals[0].Init.(*flow.Result); ok {
		return nil, false // one of several results: no expression
	}
	return vals[0].Init, true
}

// structValue reads the keys of a struct value from its type, the way the
// driver's struct codec does. In a keyed literal, omitempty fields that
// are not given are left out.
func (ev *evaluator) structValue(e ast.Expr, t types.Type) *document {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if hasCustomMarshaller(t) {
		return nil
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var given map[string]ast.Expr // a keyed literal's fields and values
	of := e                       // the struct value, when not a literal
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		of = nil
		var ok bool
		if given, ok = literalFields(x); !ok {
			return nil
		}
	case *ast.UnaryExpr:
		if x.Op != token.AND {
			break
		}
		of = x.X
		if lit, ok := ast.Unparen(x.X).(*ast.CompositeLit); ok {
			// &T{...}: the literal's fields.
			of = nil
			var ok bool
			if given, ok = literalFields(lit); !ok {
				return nil
			}
		}
	case *ast.StarExpr:
		of = x.X // *p: the fields of p
	case *ast.CallExpr:
		if len(x.Args) == 1 && isConversion(ev.info, x) {
			// dbToken(t): a struct of the same fields, with their values.
			if t := typeOf(ev.info, x.Args[0]); t != nil {
				if _, isStruct := t.Underlying().(*types.Struct); isStruct {
					of = x.Args[0]
				}
			}
		}
	}
	if id, ok := ast.Unparen(of).(*ast.Ident); ok {
		// A local variable that holds a literal, unchanged since: its
		// fields have the literal's values.
		if init, ok := ev.unchanged(id); ok {
			init = ast.Unparen(init)
			if u, ok := init.(*ast.UnaryExpr); ok && u.Op == token.AND {
				init = ast.Unparen(u.X)
			}
			if lit, ok := init.(*ast.CompositeLit); ok {
				if g, ok := literalFields(lit); ok {
					given = g
				}
			}
		}
	}
	d := &document{complete: true}
	ev.addStructFields(d, st, given, of, 0)
	return d
}

// literalFields returns the fields and values of a keyed struct literal;
// nil for a literal without keys. It returns false for a partial literal,
// in code that does not parse.
func literalFields(lit *ast.CompositeLit) (map[string]ast.Expr, bool) {
	if len(lit.Elts) == 0 {
		return nil, true
	}
	if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); !keyed {
		return nil, true
	}
	given := make(map[string]ast.Expr)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil, false
		}
		if id, ok := kv.Key.(*ast.Ident); ok {
			given[id.Name] = kv.Value
		}
	}
	return given, true
}

func (ev *evaluator) addStructFields(d *document, st *types.Struct, given map[string]ast.Expr, of ast.Expr, depth int) {
	if depth > maxDepth {
		d.complete = false
		return
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if !f.Exported() {
			continue
		}
		tag := parseBSONTag(f, st.Tag(i))
		switch {
		case tag.skip:
			continue
		case tag.inline:
			inner := types.Unalias(f.Type())
			if p, ok := inner.(*types.Pointer); ok {
				inner = types.Unalias(p.Elem())
			}
			if ist, ok := inner.Underlying().(*types.Struct); ok && !hasCustomMarshaller(inner) {
				ev.addStructFields(d, ist, nil, of, depth+1)
			} else {
				d.complete = false // an inline map: its keys are data
			}
			continue
		case tag.omitempty && given != nil && given[f.Name()] == nil:
			continue
		}
		en := entry{key: tag.name, value: given[f.Name()]}
		if of != nil {
			en.field = &structField{of, f.Name()}
		}
		d.entries = append(d.entries, en)
	}
}

// bsonTag is a parsed `bson:"name,omitempty,inline"` tag.
type bsonTag struct {
	name      string
	skip      bool
	omitempty bool
	inline    bool
}

// parseBSONTag reads a field's bson tag. A field without a name in its tag
// is keyed by its lower-cased name, as the driver's default struct tag
// parser does.
func parseBSONTag(f *types.Var, tag string) bsonTag {
	raw, ok := reflect.StructTag(tag).Lookup("bson")
	if !ok {
		raw = tag // the driver falls back to the whole tag when it has no key
		if strings.ContainsAny(tag, ":\"") {
			raw = ""
		}
	}
	if raw == "-" {
		return bsonTag{skip: true}
	}
	parts := strings.Split(raw, ",")
	t := bsonTag{name: parts[0]}
	for _, opt := range parts[1:] {
		switch opt {
		case "omitempty", "omitzero":
			t.omitempty = true
		case "inline":
			t.inline = true
		}
	}
	if t.name == "" {
		t.name = strings.ToLower(f.Name())
	}
	return t
}

// array evaluates e as a BSON array: a literal of bson.A, []bson.D,
// mongo.Pipeline and the like, or a local variable holding one. It returns
// the element expressions and whether they are all known.
func (ev *evaluator) array(e ast.Expr) ([]ast.Expr, bool) {
	e = ast.Unparen(e)
	if s, ok := e.(*summarized); ok {
		return ev.summarizedArray(s)
	}
	if m, ok := e.(*merged); ok {
		return ev.mergedArray(m)
	}
	if r, ok := e.(*flow.Result); ok {
		if h := ev.helperResult(r.Call, r.Index); h != nil {
			return ev.summarizedArray(h)
		}
		return nil, false
	}
	if t := typeOf(ev.info, e); t == nil || kindOf(t) != arrayDoc {
		return nil, false
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		if s := ev.helperCall(e); s != nil {
			return ev.summarizedArray(s)
		}
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if _, keyed := elt.(*ast.KeyValueExpr); keyed {
				return nil, false // [...]T{2: x}: positions, not worth reading
			}
		}
		return e.Elts, true
	case *ast.Ident:
		if ev.flow == nil {
			return nil, false
		}
		vals, complete := ev.flow.ValuesAt(e)
		if !complete || len(vals) == 0 {
			return nil, false
		}
		// The elements of every value: a field named in any counts.
		var elems []ast.Expr
		for _, val := range vals {
			if val.Init != nil {
				init, ok := ev.array(val.Init)
				if !ok {
					return nil, false
				}
				elems = append(elems, init...)
			}
			for _, s := range val.Steps {
				if s.Key != nil || s.Apply != nil || s.From != nil {
					return nil, false
				}
				elems = append(elems, s.Elems...)
			}
		}
		return elems, true
	}
	return nil, false
}

// stringConst returns the value of a constant string expression, literal
// or named.
func (ev *evaluator) stringConst(e ast.Expr) (string, bool) {
	if e == nil {
		return "", false
	}
	if s, ok := ast.Unparen(e).(*summarized); ok {
		return ev.summarizedConst(s)
	}
	if m, ok := ast.Unparen(e).(*merged); ok {
		return ev.mergedConst(m)
	}
	if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
		s, err := strconv.Unquote(lit.Value)
		return s, err == nil
	}
	v := exprConstant(ev.info, e)
	if v == nil || v.Kind() != constant.String {
		if k, ok := ev.fieldNameKey(e); ok {
			return k, true // UserBson.Email
		}
		if pv := packageVar(ev.info, e); pv != nil && ev.sums != nil {
			return ev.sums.varKey(pv) // var StatusKey = "status"
		}
		if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
			if k, ok := ev.tagKey(call); ok {
				return k, true // tagOf(Host{}, "ID")
			}
			if k, complete, ok := ev.joinedKey(call); ok && complete {
				return k, true // join("address", "_id")
			}
		}
		return "", false
	}
	return constant.StringVal(v), true
}

// key reads the key of a document entry: a string constant, or a path
// computed under a known field ("scores." + user), read as that field,
// the part of the path that is known. A filter on it then constrains, and
// an update changes, the whole field: both err towards a guard.
func (ev *evaluator) key(e ast.Expr) (string, bool) {
	start, complete := ev.keyStart(e)
	if complete {
		return start, true
	}
	if i := strings.LastIndexByte(start, '.'); i > 0 && !strings.HasPrefix(start, "$") {
		return start[:i], true
	}
	return "", false
}

// keyStart returns the start of the key e, all of it when complete: a
// constant; the start of a sum ("scores." + id, "attributes." + name +
// ".value"), of fmt.Sprintf("scores.%s", id) (its format up to the first
// verb), or of a call of a key joiner whose arguments are constants up to
// the first that is not (see join); or what a local variable holds (key
// := "a." + x; m[key] = v).
func (ev *evaluator) keyStart(e ast.Expr) (string, bool) {
	if k, ok := ev.stringConst(e); ok {
		return k, true
	}
	if ev.depth >= maxDepth {
		return "", false
	}
	ev.depth++
	defer func() { ev.depth-- }()
	switch x := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		start, complete := ev.keyStart(x.X)
		if !complete {
			return start, false
		}
		rest, complete := ev.keyStart(x.Y)
		return start + rest, complete
	case *ast.CallExpr:
		if start, ok := sprintfStart(ev.info, x, ev.stringConst); ok {
			return start, false
		}
		start, complete, _ := ev.joinedKey(x)
		return start, complete
	case *ast.Ident:
		if init, ok := ev.unchanged(x); ok && init != e {
			return ev.keyStart(init)
		}
	}
	return "", false
}

// isServerExpression reports whether a value in an update pipeline is an
// aggregation expression computed on the server ("$qty", {"$add": [...]})
// rather than a value sent from Go. {"$literal": v} is a value.
func (ev *evaluator) isServerExpression(e ast.Expr) bool {
	if s, ok := ev.stringConst(e); ok {
		return strings.HasPrefix(s, "$")
	}
	d := ev.doc(e)
	if d == nil || len(d.entries) == 0 {
		return false
	}
	first := d.entries[0].key
	return strings.HasPrefix(first, "$") && first != "$literal"
}

// In a large package, looking an expression up in types.Info.Types costs
// more than anything else the analysis does: the map is keyed by interface
// and holds every expression of the package. typeOf and exprConstant answer
// the common cases (literals, identifiers, a literal of a named type)
// without it.

// typeOf returns the type of e, or nil when the type checker recorded none.
func typeOf(info *types.Info, e ast.Expr) types.Type {
	switch e := e.(type) {
	case *ast.Ident:
		switch obj := info.Uses[e].(type) {
		case *types.Var, *types.Const, *types.Nil:
			return obj.Type()
		}
	case *ast.CompositeLit:
		if obj, ok := info.Uses[typeName(e.Type)].(*types.TypeName); ok && !isGeneric(obj.Type()) {
			return obj.Type()
		}
	}
	return info.TypeOf(e)
}

// typeName returns the identifier that names the type t (T or pkg.T), or nil.
func typeName(t ast.Expr) *ast.Ident {
	switch t := t.(type) {
	case *ast.Ident:
		return t
	case *ast.SelectorExpr:
		return t.Sel
	}
	return nil
}

// isGeneric reports whether t is a generic type, which a literal must
// instantiate.
func isGeneric(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.TypeParams().Len() > 0
}

// exprConstant returns the value of the constant expression e, or nil.
func exprConstant(info *types.Info, e ast.Expr) constant.Value {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		if v := constant.MakeFromLiteral(e.Value, e.Kind, 0); v.Kind() != constant.Unknown {
			return v
		}
		return nil
	case *ast.Ident:
		return namedConst(info, e)
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok {
			if _, isPkg := info.Uses[x].(*types.PkgName); isPkg {
				return namedConst(info, e.Sel) // pkg.Name
			}
		}
	}
	if tv, ok := info.Types[e]; ok {
		return tv.Value
	}
	return nil
}

// namedConst returns the value of the constant that id names, or nil.
func namedConst(info *types.Info, id *ast.Ident) constant.Value {
	if c, ok := info.Uses[id].(*types.Const); ok {
		return c.Val()
	}
	return nil
}

// isNil reports whether e is the predeclared nil.
func isNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}

// isConversion reports whether call converts a value to a type: T(x).
func isConversion(info *types.Info, call *ast.CallExpr) bool {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident, *ast.SelectorExpr:
		_, isType := info.Uses[typeName(fun)].(*types.TypeName)
		return isType
	}
	tv, ok := info.Types[call.Fun]
	return ok && tv.IsType()
}
