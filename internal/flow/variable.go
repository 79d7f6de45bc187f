package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// A variable is one local variable of the function, indexed on first use:
// every statement of its declaring function that gives it a value or adds
// to it, and the dataflow solved over them.
type variable struct {
	f  *Func
	v  *types.Var
	fn ast.Node // the function (root or literal) that declares it
	// unknown: the variable changes in a way that is not followed at all:
	// its address is stored, or a closure changes it.
	unknown bool
	// addrPassed: &v is taken, and given to a call or, for a struct,
	// stored. The call may change v (a Decode fills it), which Bindings and
	// TouchedBetween follow, but ValuesAt no longer reads it.
	addrPassed bool
	// param is the identifier that declares a parameter, result or
	// receiver: on entry it holds a value whose Init is this identifier
	// (for a parameter, what the caller gave).
	param  *ast.Ident
	events []event // in source order; by block and node once placed
	steps  []Step  // the steps of the events, by index
	// uses are the identifiers that use the variable, in source order.
	uses []inspector.Cursor

	placed bool // events have their nodes; see place
	solved [2]bool
	in     [2][]state // by mode: the values on entry to each block
}

// An event is one statement's effect on the variable.
type event struct {
	pos  token.Pos
	node nodeAt
	// block is the block whose list holds the event's statement, and end
	// the statement's end: see straight.
	block ast.Node
	end   token.Pos
	kind  eventKind
	init  ast.Expr // assign, bind: the value given; nil for the zero value
	step  int32    // addStep: index in variable.steps
	// late: the event is the assignment's left-hand side, which takes
	// effect after its right-hand side is evaluated (f = addDeleted(f)).
	late bool
}

type eventKind uint8

const (
	assign  eventKind = iota // a new value: init
	addStep                  // a key or elements added: steps[step]
	opaque                   // a new value that is not followed (v += x)
	// touch: a part of the value may change (v.f = x, m[k], a pointer
	// method, a call given a map, slice or pointer): opaque for the
	// document it holds, no new value for Bindings.
	touch
	// deep: a copy of a struct that shares maps, slices or pointers is
	// given away (a call, a value method): what those point to may
	// change, the struct's own fields cannot. Opaque for the document it
	// holds; nothing for Bindings and TouchedBetween.
	deep
	// bind: a new value that is no document (a Filled or an Element):
	// opaque for ValuesAt, init for Bindings.
	bind
)

// A mode is the question a dataflow answers: the documents a variable may
// hold (values), or the statement that gave it its value (bindings).
type mode uint8

const (
	values mode = iota
	bindings
)

// effect returns what ev does to the variable in mode m: assign, addStep,
// opaque, or touch for nothing.
func (ev event) effect(m mode) eventKind {
	switch {
	case m == values && (ev.kind == touch || ev.kind == deep || ev.kind == bind):
		return opaque
	case m == bindings && ev.kind == bind:
		return assign
	case m == bindings && (ev.kind == addStep || ev.kind == deep):
		return touch
	}
	return ev.kind
}

// A state is the values that may reach a point: a few hists, or top when
// there are more than MaxValues.
type state struct {
	hists []hist
	top   bool
}

// A hist is one value: how it started and the steps added since.
type hist struct {
	init   ast.Expr
	opaque bool      // a value that is not followed
	at     token.Pos // opaque: the event that made it so, when one did
	steps  []int32
	// widened: the steps of several paths from the same init, each of
	// which may be missing (see widen).
	widened bool
}

func (h hist) equal(o hist) bool {
	return h.init == o.init && h.opaque == o.opaque && h.at == o.at && h.widened == o.widened && slices.Equal(h.steps, o.steps)
}

// covers reports whether the widened value h stands for o too: the same
// start, and steps among h's.
func (h hist) covers(o hist) bool {
	if !h.widened || h.init != o.init || h.opaque != o.opaque {
		return false
	}
	for _, st := range o.steps {
		if !slices.Contains(h.steps, st) {
			return false
		}
	}
	return true
}

// variable returns the index of v, or nil when v is not a local variable
// of the function.
func (f *Func) variable(v *types.Var) *variable {
	if vr, ok := f.vars[v]; ok {
		return vr
	}
	vr := f.index(v)
	f.vars[v] = vr
	return vr
}

// A Scratch is the index of a function's identifiers by name, built when
// the first variable is indexed, so that indexing a variable visits the
// identifiers of its name only: the function is walked once, not once
// per variable. idents holds the identifiers in source order, by their
// index in the inspector; next chains those of one name and ends at -1;
// table is an open-addressed hash table of names (a map costs more to
// fill than the walks it saves) holding one more than the position of
// each name's first identifier. owner is the Func it indexes.
type Scratch struct {
	owner  *Func
	in     *inspector.Inspector
	idents []int32
	next   []int32
	table  []int32
}

// names returns the index of f's identifiers, building it in f's scratch,
// or in a scratch of its own, when it does not hold f's already.
func (f *Func) names() *Scratch {
	s := f.config.Scratch
	if s == nil {
		s = &Scratch{}
		f.config.Scratch = s
	}
	if s.owner == f {
		return s
	}
	s.owner, s.in = f, f.root.Inspector()
	s.idents = s.idents[:0]
	for c := range f.root.Preorder((*ast.Ident)(nil)) {
		s.idents = append(s.idents, c.Index())
	}
	size := 8
	for size < 2*len(s.idents) {
		size *= 2
	}
	if cap(s.table) < size {
		s.table = make([]int32, size)
	}
	s.table = s.table[:size]
	clear(s.table)
	s.next = slices.Grow(s.next[:0], len(s.idents))[:len(s.idents)]
	for i := int32(len(s.idents)) - 1; i >= 0; i-- {
		h := s.slot(s.nameAt(i))
		s.next[i] = s.table[h] - 1
		s.table[h] = i + 1
	}
	return s
}

// first returns the position in s.idents of the first identifier named
// name, or -1.
func (s *Scratch) first(name string) int32 { return s.table[s.slot(name)] - 1 }

func (s *Scratch) nameAt(i int32) string { return s.in.At(s.idents[i]).Node().(*ast.Ident).Name }

// slot returns the slot of the table that holds name, or the empty slot
// where it goes (FNV-1a, linear probing; the table is at most half full).
func (s *Scratch) slot(name string) int {
	h := uint32(2166136261)
	for i := 0; i < len(name); i++ {
		h = (h ^ uint32(name[i])) * 16777619
	}
	mask := len(s.table) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		if s.table[i] == 0 || s.nameAt(s.table[i]-1) == name {
			return i
		}
	}
}

// index finds the declaration of v and every statement that may change
// it. Only the identifiers of v's scope with v's name are looked up.
func (f *Func) index(v *types.Var) *variable {
	root := f.root.Node()
	if v.IsField() || v.Pkg() == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() ||
		v.Pos() < root.Pos() || v.Pos() >= root.End() {
		return nil
	}
	vr := &variable{f: f, v: v, fn: f.funcAt(v.Pos())}
	if _, isLit := vr.fn.(*ast.FuncLit); !isLit && vr.fn.(*ast.FuncDecl).Body == nil {
		return nil
	}
	scope := f.root
	if s := v.Parent(); s.Pos().IsValid() {
		if c, ok := f.root.FindByPos(s.Pos(), s.End()); ok {
			scope = c
		}
	}
	declared := false
	var usesBuf [16]inspector.Cursor
	var eventsBuf [8]event
	uses, events := usesBuf[:0], eventsBuf[:0]
	names := f.names()
	in, from, to := scope.Inspector(), scope.Node().Pos(), scope.Node().End()
	for i := names.first(v.Name()); i >= 0; i = names.next[i] {
		c := in.At(names.idents[i])
		id := c.Node().(*ast.Ident)
		if id.Pos() < from || id.Pos() >= to || c.ParentEdgeKind() == edge.SelectorExpr_Sel {
			continue
		}
		// Uses first: most identifiers of a variable use it, and an
		// identifier is in Defs or in Uses, not both (but an embedded
		// field's, which is no local variable).
		var ev event
		if obj := f.info.Uses[id]; obj == v {
			uses = append(uses, c)
			e, changes := vr.useAt(c)
			if !changes || vr.unknown {
				continue
			}
			ev = e
		} else if obj != nil || f.info.Defs[id] != v {
			continue
		} else {
			declared = true
			if c.ParentEdgeKind() == edge.Field_Names {
				vr.param = id
				continue
			}
			ev = vr.declaration(c)
		}
		if f.funcAt(id.Pos()) != vr.fn {
			vr.unknown = true // a closure changes it: it may run at any time
			continue
		}
		ev.pos = id.Pos()
		ev.block, ev.end = statementOf(c)
		ev.late = c.ParentEdgeKind() == edge.AssignStmt_Lhs
		events = append(events, ev)
	}
	if !declared {
		vr.unknown = true
	}
	// Collected in buffers on the stack, then copied at their size: most
	// variables have few uses and events.
	vr.uses, vr.events = slices.Clone(uses), slices.Clone(events)
	lateLast(vr.events)
	return vr
}

// lateLast moves, within the events of one statement, those of its
// left-hand side after those of its right-hand side, in the order they
// take effect: in f = g(f) the call sees f before it is assigned.
func lateLast(events []event) {
	for i := 0; i < len(events); {
		j := i + 1
		for j < len(events) && events[j].block == events[i].block && events[j].end == events[i].end {
			j++
		}
		run := events[i:j]
		sort.SliceStable(run, func(a, b int) bool { return !run[a].late && run[b].late })
		i = j
	}
}

// straight returns the one value that reaches pos, without a graph, when
// the variable's declaration and every statement that changes it follow
// each other in one block, in a function without goto: they then run in
// source order, and the ones that end before pos have run. It reports
// false when the graph must decide.
func (vr *variable) straight(pos token.Pos, m mode) ([]Value, bool, bool) {
	if vr.param != nil {
		if len(vr.events) == 0 {
			return []Value{{Init: vr.param}}, true, true
		}
		return nil, false, false
	}
	if len(vr.events) == 0 || vr.events[0].block == nil || vr.f.gotos() {
		return nil, false, false
	}
	for _, ev := range vr.events[1:] {
		if ev.block != vr.events[0].block {
			return nil, false, false
		}
	}
	var val Value
	for i, ev := range vr.events {
		if i > 0 && ev.end > pos {
			break
		}
		switch ev.effect(m) {
		case assign:
			val = Value{Init: ev.init}
		case opaque:
			val = Value{Opaque: true, At: ev.pos}
		case addStep:
			if !val.Opaque {
				val.Steps = append(val.Steps, vr.steps[ev.step])
			}
		}
	}
	return []Value{val}, !val.Opaque, true
}

// statementOf returns the block (or case or comm clause) whose list holds
// the statement at c, and the statement's end.
func statementOf(c inspector.Cursor) (ast.Node, token.Pos) {
	for ; c.Node() != nil; c = c.Parent() {
		switch c.ParentEdgeKind() {
		case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
			return c.Parent().Node(), c.Node().End()
		}
		if _, ok := c.Node().(*ast.FuncLit); ok {
			break
		}
	}
	return nil, token.NoPos
}

// place finds the node of each event in the graph of the declaring
// function, once, and sorts them by block and node. An event outside the
// graph makes the variable unknown.
func (vr *variable) place(g *graph) {
	if vr.placed {
		return
	}
	vr.placed = true
	for i := range vr.events {
		n, ok := g.nodeOf(vr.events[i].pos)
		if !ok {
			vr.unknown = true
			return
		}
		vr.events[i].node = n
	}
	sort.SliceStable(vr.events, func(i, j int) bool {
		a, b := vr.events[i].node, vr.events[j].node
		if a.block != b.block {
			return a.block < b.block
		}
		return a.index < b.index
	})
}

// declaration reads the declaration of the variable at c.
func (vr *variable) declaration(c inspector.Cursor) event {
	i := c.ParentEdgeIndex()
	switch c.ParentEdgeKind() {
	case edge.AssignStmt_Lhs:
		as := c.Parent().Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			return event{kind: assign, init: as.Rhs[i]}
		}
		return resultEvent(as.Rhs, i)
	case edge.ValueSpec_Names:
		vs := c.Parent().Node().(*ast.ValueSpec)
		switch len(vs.Values) {
		case 0:
			return event{kind: assign} // the zero value
		case len(vs.Names):
			return event{kind: assign, init: vs.Values[i]}
		}
		return resultEvent(vs.Values, i)
	}
	if rs, ok := c.Parent().Node().(*ast.RangeStmt); ok {
		return vr.element(rs, c.ParentEdgeKind() == edge.RangeStmt_Key)
	}
	return event{kind: opaque}
}

// resultEvent is the assignment of result number i of the one call in rhs
// (f, err := helper(x)); opaque for anything else (v, ok := m[k]).
func resultEvent(rhs []ast.Expr, i int) event {
	if len(rhs) == 1 {
		if call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr); ok {
			return event{kind: assign, init: newResult(call, i)}
		}
	}
	return event{kind: opaque}
}

// useAt classifies the use of the variable at c: an event, or false when
// the use only reads it.
func (vr *variable) useAt(c inspector.Cursor) (event, bool) {
	info := vr.f.info
	parent := c.Parent()
	switch c.ParentEdgeKind() {
	case edge.AssignStmt_Lhs:
		as := parent.Node().(*ast.AssignStmt)
		if as.Tok == token.ASSIGN && len(as.Lhs) != len(as.Rhs) {
			return resultEvent(as.Rhs, c.ParentEdgeIndex()), true // v, err = f()
		}
		if as.Tok != token.ASSIGN {
			return event{kind: opaque}, true // v += x
		}
		rhs := as.Rhs[c.ParentEdgeIndex()]
		if elems, spread, ok := vr.appendTo(rhs); ok {
			if spread {
				return vr.newStep(Step{From: elems[0]}), true // d = append(d, src...)
			}
			return vr.newStep(Step{Elems: elems}), true
		}
		return event{kind: assign, init: rhs}, true

	case edge.IndexExpr_X:
		// m[k] = x adds a key; any other write into the variable, through
		// an index, a field or a pointer, is not followed.
		top := accessRoot(parent)
		switch top.ParentEdgeKind() {
		case edge.AssignStmt_Lhs:
			as := top.Parent().Node().(*ast.AssignStmt)
			if top == parent && as.Tok == token.ASSIGN {
				ix := parent.Node().(*ast.IndexExpr)
				if len(as.Lhs) == len(as.Rhs) {
					return vr.newStep(Step{Key: ix.Index, Elems: []ast.Expr{as.Rhs[top.ParentEdgeIndex()]}}), true
				}
				if ev := resultEvent(as.Rhs, top.ParentEdgeIndex()); ev.kind == assign {
					// m[k], err = f(): the key is known, its value is a result.
					return vr.newStep(Step{Key: ix.Index, Elems: []ast.Expr{ev.init}}), true
				}
			}
			if in, key, ok := nestedKey(parent, top); ok && as.Tok == token.ASSIGN && len(as.Lhs) == len(as.Rhs) {
				// m["$set"].(bson.M)["k"] = x: a key of the subdocument.
				return vr.newStep(Step{In: in, Key: key, Elems: []ast.Expr{as.Rhs[top.ParentEdgeIndex()]}}), true
			}
			return event{kind: touch}, true
		case edge.IncDecStmt_X, edge.RangeStmt_Key, edge.RangeStmt_Value:
			return event{kind: touch}, true
		case edge.UnaryExpr_X:
			if top.Parent().Node().(*ast.UnaryExpr).Op == token.AND {
				return vr.addressOf(top.Parent())
			}
		}
		return event{}, false

	case edge.UnaryExpr_X:
		if parent.Node().(*ast.UnaryExpr).Op == token.AND {
			if ev, ok := vr.filledBy(parent); ok {
				return ev, true
			}
			if vr.readOnlyAddr(parent) {
				return event{}, false // UpdateOne(ctx, f, &u): read as u
			}
			return vr.addressOf(parent)
		}
		return event{}, false

	case edge.RangeStmt_Key, edge.RangeStmt_Value:
		// for k, v = range xs: an element, each turn.
		return vr.element(parent.Node().(*ast.RangeStmt), c.ParentEdgeKind() == edge.RangeStmt_Key), true

	case edge.IncDecStmt_X:
		return event{kind: opaque}, true

	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
		// Another variable now shares the map or the slice; until this one
		// is given a value of its own, it may change through the other.
		if shares(vr.v.Type()) && assignedToVariable(c) {
			return event{kind: touch}, true
		}
		return event{}, false

	case edge.CallExpr_Args:
		call := parent.Node().(*ast.CallExpr)
		if vr.applied(call) {
			return vr.newStep(Step{Apply: call}), true
		}
		if ev, ok := vr.filledBy(c); ok {
			return ev, true // Decode(p), p a pointer
		}
		if c.ParentEdgeIndex() == 0 && copiesInto(info, call) {
			return vr.newStep(Step{From: call.Args[1]}), true // copy(v, src), maps.Copy(v, src)
		}
		if c.ParentEdgeIndex() == 0 && vr.f.config.AddsKeys != nil {
			if fn, ok := typeutil.Callee(info, call).(*types.Func); ok && fn.Signature().Recv() == nil && vr.f.config.AddsKeys(fn) {
				return vr.newStep(Step{Apply: call}), true // addID(m, id)
			}
		}
		if vr.readOnlyArg(call, c.ParentEdgeIndex()) {
			return event{}, false
		}
		return vr.copied(), true

	case edge.SelectorExpr_X:
		// v.Method(...): a method may change what v holds.
		if parent.ParentEdgeKind() == edge.CallExpr_Fun {
			fn, _ := info.Uses[parent.Node().(*ast.SelectorExpr).Sel].(*types.Func)
			switch {
			case fn != nil && vr.f.config.AddsKeys != nil && vr.f.config.AddsKeys(fn):
				return vr.newStep(Step{Apply: parent.Parent().Node().(*ast.CallExpr)}), true
			case fn != nil && vr.f.config.ReadsOnly != nil && vr.f.config.ReadsOnly(fn):
				return event{}, false
			case fn != nil && valueReceiver(fn):
				return vr.copied(), true
			}
			return event{kind: touch}, true
		}
		// v.f = x, v.f.g++, &v.f: a part of a struct changes.
		if writtenThrough(parent) {
			return event{kind: touch}, true
		}
	}
	return event{}, false
}

// addressOf classifies &v (or &v.f, &m[k]) at c. The fields of a struct
// may change wherever the pointer goes, which TouchedBetween and Bindings
// take as a change of a part where the address is taken (touch). Given to
// a call, anything else may get a new value there (opaque); stored, at any
// time (unknown). Either way, ValuesAt no longer reads the variable.
func (vr *variable) addressOf(c inspector.Cursor) (event, bool) {
	vr.addrPassed = true
	if _, isStruct := vr.v.Type().Underlying().(*types.Struct); isStruct {
		return event{kind: touch}, true
	}
	if c.ParentEdgeKind() == edge.CallExpr_Args {
		return event{kind: opaque}, true
	}
	vr.unknown = true
	return event{}, false
}

// readOnlyAddr reports whether &v at c is an argument of a function that
// Config.ReadsOnly knows: the driver, or a wrapper that only reads the
// documents it is given, reads the document v points to, and keeps no
// pointer to it. (A parameter of interface type is no such promise for a
// pointer: json.Unmarshal(b, &v) writes through it.)
func (vr *variable) readOnlyAddr(c inspector.Cursor) bool {
	if c.ParentEdgeKind() != edge.CallExpr_Args || vr.f.config.ReadsOnly == nil {
		return false
	}
	fn, ok := typeutil.Callee(vr.f.info, c.Parent().Node().(*ast.CallExpr)).(*types.Func)
	return ok && vr.f.config.ReadsOnly(fn)
}

// filledBy matches the argument at c (v, or &v) as the one that a call
// fills (Config.Fills): the call gives v a new value, a Filled.
func (vr *variable) filledBy(c inspector.Cursor) (event, bool) {
	if vr.f.config.Fills == nil || c.ParentEdgeKind() != edge.CallExpr_Args {
		return event{}, false
	}
	call := c.Parent().Node().(*ast.CallExpr)
	if i, ok := vr.f.config.Fills(call); !ok || i != c.ParentEdgeIndex() {
		return event{}, false
	}
	return event{kind: bind, init: &Filled{BadExpr: ast.BadExpr{From: call.Pos(), To: call.End()}, Call: call}}, true
}

// element is the value a range statement gives its key or value.
func (vr *variable) element(rs *ast.RangeStmt, key bool) event {
	return event{kind: bind, init: &Element{BadExpr: ast.BadExpr{From: rs.Pos(), To: rs.Body.Pos()}, Range: rs, Key: key}}
}

// copied is the event of a copy of the variable given to a call or a
// value method: a struct copy cannot change the struct's own fields.
func (vr *variable) copied() event {
	switch vr.v.Type().Underlying().(type) {
	case *types.Struct, *types.Basic, *types.Array:
		return event{kind: deep}
	}
	return event{kind: touch}
}

// valueReceiver reports whether fn is a method with a value receiver,
// which works on a copy of the variable.
func valueReceiver(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	switch types.Unalias(sig.Recv().Type()).Underlying().(type) {
	case *types.Pointer, *types.Interface:
		return false
	}
	return true
}

// writtenThrough reports whether the selector, index or dereference at c
// is the root of an expression that is assigned, incremented or whose
// address is taken.
func writtenThrough(c inspector.Cursor) bool {
	c = accessRoot(c)
	switch c.ParentEdgeKind() {
	case edge.AssignStmt_Lhs, edge.IncDecStmt_X, edge.RangeStmt_Key, edge.RangeStmt_Value:
		return true
	case edge.UnaryExpr_X:
		return c.Parent().Node().(*ast.UnaryExpr).Op == token.AND
	}
	return false
}

func (vr *variable) newStep(s Step) event {
	vr.steps = append(vr.steps, s)
	return event{kind: addStep, step: int32(len(vr.steps) - 1)}
}

// appendTo matches append(v, elems) and returns elems; spread is set for
// append(v, xs...).
func (vr *variable) appendTo(rhs ast.Expr) (elems []ast.Expr, spread, ok bool) {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || !IsBuiltin(vr.f.info, call, "append") {
		return nil, false, false
	}
	first, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok || vr.f.info.Uses[first] != vr.v {
		return nil, false, false
	}
	return call.Args[1:], call.Ellipsis.IsValid(), true
}

// copiesInto reports whether call copies the entries of its second
// argument into its first: the builtin copy, or maps.Copy.
func copiesInto(info *types.Info, call *ast.CallExpr) bool {
	if len(call.Args) != 2 {
		return false
	}
	if IsBuiltin(info, call, "copy") {
		return true
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == "maps" && fn.Name() == "Copy"
}

// changedFrom reports whether an event of the variable may run at or
// after pos, a point of its declaring function.
func (vr *variable) changedFrom(pos token.Pos) bool {
	if len(vr.events) == 0 || len(vr.events) == 1 && vr.param == nil {
		return false // only its declaration, which runs first
	}
	if _, _, ok := vr.straight(pos, values); ok {
		for _, ev := range vr.events[1:] {
			if ev.end > pos {
				return true
			}
		}
		return false
	}
	g := vr.f.graph(vr.fn)
	if g == nil {
		return true
	}
	vr.place(g)
	n, ok := g.nodeOf(pos)
	if !ok || vr.unknown {
		return true
	}
	seen := make([]bool, len(g.g.Blocks))
	var work []int32
	for _, ev := range vr.events {
		if ev.node.block == n.block && ev.node.index >= n.index {
			return true
		}
	}
	for _, s := range g.g.Blocks[n.block].Succs {
		work = append(work, s.Index)
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		for _, ev := range vr.events {
			if ev.node.block == b {
				return true
			}
		}
		for _, s := range g.g.Blocks[b].Succs {
			work = append(work, s.Index)
		}
	}
	return false
}

// valuesAt returns the values that reach pos, a point of the declaring
// function; see Func.ValuesAt.
func (vr *variable) valuesAt(pos token.Pos, m mode) ([]Value, bool) {
	if vals, complete, ok := vr.straight(pos, m); ok {
		return vals, complete
	}
	g := vr.f.graph(vr.fn)
	if g == nil {
		return nil, false
	}
	vr.place(g)
	n, ok := g.nodeOf(pos)
	if !ok || vr.unknown {
		return nil, false
	}
	vr.solve(g, m)
	st := vr.transfer(vr.in[m][n.block], n.block, n.index, m)
	if st.top || len(st.hists) == 0 {
		return nil, false
	}
	complete := true
	vals := make([]Value, 0, len(st.hists))
	for _, h := range st.hists {
		if h.opaque {
			complete = false
			vals = append(vals, Value{Opaque: true, At: h.at})
			continue
		}
		val := Value{Init: h.init, Widened: h.widened}
		for _, s := range h.steps {
			val.Steps = append(val.Steps, vr.steps[s])
		}
		vals = append(vals, val)
	}
	return vals, complete
}

// solve computes the values on entry to each block: a forward dataflow to
// a fixed point. It ends, as each block's values only grow and a value
// holds each step at most once.
func (vr *variable) solve(g *graph, m mode) {
	if vr.solved[m] {
		return
	}
	vr.solved[m] = true
	blocks := g.g.Blocks
	vr.in[m] = make([]state, len(blocks))
	in := vr.in[m]
	if len(blocks) == 0 {
		return
	}
	if vr.param != nil {
		in[0] = state{hists: []hist{{init: vr.param}}}
	}
	queued := make([]bool, len(blocks))
	reached := make([]bool, len(blocks)) // a block is processed once at least, even before the declaration
	work := []int32{0}
	queued[0], reached[0] = true, true
	for len(work) > 0 {
		b := work[0]
		work = work[1:]
		queued[b] = false
		out := vr.transfer(in[b], b, int32(len(blocks[b].Nodes)), m)
		for _, s := range blocks[b].Succs {
			changed := vr.join(&in[s.Index], out) || !reached[s.Index]
			reached[s.Index] = true
			if changed && !queued[s.Index] {
				queued[s.Index] = true
				work = append(work, s.Index)
			}
		}
	}
}

// transfer applies the events of the first upto nodes of block b to st.
func (vr *variable) transfer(st state, b, upto int32, m mode) state {
	i := sort.Search(len(vr.events), func(i int) bool { return vr.events[i].node.block >= b })
	for ; i < len(vr.events) && vr.events[i].node.block == b && vr.events[i].node.index < upto; i++ {
		ev := vr.events[i]
		switch ev.effect(m) {
		case assign:
			st = state{hists: []hist{{init: ev.init}}}
		case opaque:
			if !st.top {
				st = state{hists: []hist{{opaque: true, at: ev.pos}}}
			}
		case addStep:
			if st.top {
				continue
			}
			next := state{hists: make([]hist, 0, len(st.hists))}
			for _, h := range st.hists {
				if !h.opaque && !slices.Contains(h.steps, ev.step) {
					h.steps = append(slices.Clip(h.steps), ev.step)
				}
				next.add(h)
			}
			st = next
		}
	}
	return st
}

// add adds h to s unless s has it.
func (s *state) add(h hist) bool {
	if s.top {
		return false
	}
	for i, o := range s.hists {
		if o.equal(h) || o.covers(h) {
			return false
		}
		if o.widened && o.init == h.init && o.opaque == h.opaque {
			s.hists[i] = o.union(h) // a start once widened takes in every path from it
			return true
		}
	}
	s.hists = append(s.hists, h)
	if len(s.hists) > MaxValues {
		s.widen()
	}
	return true
}

// union returns the widened value with the steps of h and o.
func (h hist) union(o hist) hist {
	steps := slices.Clone(h.steps)
	for _, st := range o.steps {
		if !slices.Contains(steps, st) {
			steps = append(steps, st)
		}
	}
	slices.Sort(steps)
	at := h.at
	if o.at != at {
		at = token.NoPos
	}
	return hist{init: h.init, opaque: h.opaque, at: at, steps: steps, widened: true}
}

// widen folds the values that start from the same init into one, with
// the steps of all: the keys that some path adds, each of which may be
// missing. A document patched field by field under a condition each
// (if p.Name != "" { set["name"] = p.Name }) takes 2^n paths, and its
// readers only need the keys it may have. Past MaxValues starts, s is
// top.
func (s *state) widen() {
	var out []hist
	for _, h := range s.hists {
		i := slices.IndexFunc(out, func(o hist) bool { return o.init == h.init && o.opaque == h.opaque })
		if i < 0 {
			out = append(out, h)
			continue
		}
		out[i] = out[i].union(h)
	}
	if len(out) > MaxValues {
		*s = state{top: true}
		return
	}
	s.hists = out
}

// join adds the values of src to dst, and reports whether dst changed.
func (vr *variable) join(dst *state, src state) bool {
	if dst.top {
		return false
	}
	if src.top {
		*dst = state{top: true}
		return true
	}
	changed := false
	for _, h := range src.hists {
		if dst.add(h) {
			changed = true
		}
	}
	return changed
}

// IsBuiltin reports whether call calls the builtin name.
func IsBuiltin(info *types.Info, call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || id.Name != name {
		return false
	}
	_, ok = info.Uses[id].(*types.Builtin)
	return ok
}

// readOnlyArg reports whether the call only reads its argument number i
// (the variable):
//   - the builtins len, cap, print, println and append (which copies
//     the elements), and a conversion;
//   - a function that Config.ReadsOnly knows;
//   - a parameter of interface type, such as the ...any of fmt and of
//     loggers, the any of json.Marshal, or a tracing attribute's value.
//     Changing a document through an interface needs a type assertion
//     back to its type, which code that prints, encodes or records a
//     value does not make.
func (vr *variable) readOnlyArg(call *ast.CallExpr, i int) bool {
	info := vr.f.info
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			switch b.Name() {
			case "len", "cap", "append", "print", "println":
				return true
			}
			return false // delete, clear, copy
		}
	}
	tv, ok := info.Types[call.Fun]
	if !ok {
		return false
	}
	if tv.IsType() {
		return true // a conversion
	}
	if fn, ok := typeutil.Callee(info, call).(*types.Func); ok && vr.f.config.ReadsOnly != nil && vr.f.config.ReadsOnly(fn) {
		return true
	}
	sig, ok := tv.Type.Underlying().(*types.Signature)
	if !ok {
		return false
	}
	var param types.Type
	switch n := sig.Params().Len(); {
	case sig.Variadic() && i >= n-1:
		param = sig.Params().At(n - 1).Type()
		if !call.Ellipsis.IsValid() {
			param = param.(*types.Slice).Elem()
		}
	case i < n:
		param = sig.Params().At(i).Type()
	default:
		return false
	}
	return types.IsInterface(param) && !isTypeParam(param)
}

func isTypeParam(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.TypeParam)
	return ok
}

// applied reports whether call applies a function value, a variable of
// function type, to the document alone: o(m).
func (vr *variable) applied(call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) != 1 {
		return false
	}
	fv, ok := vr.f.info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	sig, ok := fv.Type().Underlying().(*types.Signature)
	return ok && sig.Params().Len() == 1 && sig.Results().Len() == 0
}

// shares reports whether a value of type t shares what it holds with its
// copies: a map, a slice, a pointer, or an interface that may hold one, or
// a struct with a field that does (a builder of documents held by value).
func shares(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Map, *types.Slice, *types.Pointer, *types.Interface, *types.Chan:
		return true
	case *types.Struct:
		for i := range u.NumFields() {
			if shares(u.Field(i).Type()) {
				return true
			}
		}
	}
	return false
}

// assignedToVariable reports whether the right-hand side at c is assigned
// to a variable, rather than stored in a map, a slice or a field.
func assignedToVariable(c inspector.Cursor) bool {
	if c.ParentEdgeKind() == edge.ValueSpec_Values {
		return true
	}
	as := c.Parent().Node().(*ast.AssignStmt)
	if len(as.Lhs) != len(as.Rhs) {
		return true
	}
	_, ok := ast.Unparen(as.Lhs[c.ParentEdgeIndex()]).(*ast.Ident)
	return ok
}

// nestedKey matches top, the whole of an access that starts at ix (v[in]),
// as v[in].(T)[key], and returns in and key.
func nestedKey(ix, top inspector.Cursor) (in, key ast.Expr, ok bool) {
	outer, ok := top.Node().(*ast.IndexExpr)
	if !ok {
		return nil, nil, false
	}
	ta, ok := ast.Unparen(outer.X).(*ast.TypeAssertExpr)
	if !ok || ta.Type == nil || ast.Unparen(ta.X) != ix.Node() {
		return nil, nil, false
	}
	return ix.Node().(*ast.IndexExpr).Index, outer.Index, true
}

// accessRoot climbs from the selector, index, type assertion or
// dereference at c to the whole expression it is part of: v.f[i].g from
// v.f, m["$set"].(bson.M)["k"] from m.
func accessRoot(c inspector.Cursor) inspector.Cursor {
	for k := c.ParentEdgeKind(); k == edge.SelectorExpr_X || k == edge.IndexExpr_X || k == edge.StarExpr_X || k == edge.ParenExpr_X || k == edge.TypeAssertExpr_X; k = c.ParentEdgeKind() {
		c = c.Parent()
	}
	return c
}
