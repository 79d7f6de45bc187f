// Package flow follows the values of a function's local variables along
// its control flow, for the documents (maps, ordered documents, arrays)
// that code builds before it hands them to the MongoDB driver.
//
// Real code builds a filter or an update on several paths: a key added
// under an if, a variable assigned in each case of a switch, a variable
// reassigned before the call. ValuesAt answers, for one use of a variable,
// every way the code can have built the value it holds there: a small set
// of alternatives, each an initial value and the keys and elements added
// since, found by a forward dataflow over the function's control-flow
// graph (golang.org/x/tools/go/cfg). It knows nothing of MongoDB or of the
// rules: it only tells what a variable may hold.
//
// A value that the package cannot follow on some path (the variable passed
// to a function that may change it, its address taken, changed in a
// closure, assigned from a call's several results) makes the answer
// incomplete, and the caller decides what an incomplete answer means.
package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
)

// MaxValues bounds the alternatives of one variable at one point. Past it
// the values with the same start are folded into one (Value.Widened), and
// past MaxValues starts the answer is incomplete: a variable built in that
// many ways is better left unread than read slowly.
const MaxValues = 8

// Config tells the package what its caller knows of the functions that
// variables are passed to.
type Config struct {
	// ReadsOnly reports whether fn only reads the maps and slices passed
	// to it. Nil: no function does, beyond the parameters of interface type
	// (see readOnlyArg).
	ReadsOnly func(fn *types.Func) bool
	// AddsKeys tells the methods that only add keys to their receiver (a
	// setter of a document type, f.WithID(id)), and the functions that
	// only add keys to their first parameter (addID(f, id)): such a call
	// is a Step with Apply.
	AddsKeys func(fn *types.Func) bool
	// Fills tells the calls that store a new value in what their argument
	// number arg points to (a driver's Decode(&v)): for Bindings, such a
	// call gives v a new value, a Filled, rather than a pointer that may
	// change it anywhere.
	Fills func(call *ast.CallExpr) (arg int, ok bool)
	// Scratch, when set, holds the index of identifiers by name (see
	// firstNamed) for one Func at a time: a caller that makes one Func
	// after another reuses its memory. Nil: each Func has its own.
	Scratch *Scratch
}

// A Value is one way a variable may have been built: its initial value,
// then the keys and elements added to it, in order.
type Value struct {
	// Init is the value assigned; nil for the zero value. For a parameter
	// not assigned since the call, it is the identifier that declares the
	// parameter: the caller's argument. For one of several results of a
	// call, it is a *Result.
	Init  ast.Expr
	Steps []Step
	// Widened: the value stands for several paths from Init, past
	// MaxValues of them, and each step may be missing on some.
	Widened bool
	// Opaque: a value that is not followed (only PathsAt gives these),
	// made so by the statement at At, or at an unknown point (NoPos).
	Opaque bool
	At     token.Pos
}

// A Result stands for result number Index of a call that returns several
// (f, err := helper(x)), as the Init of a Value. It is no expression of
// the source: readers that do not know it find no type for it, and treat
// the value as unknown.
type Result struct {
	ast.BadExpr // spans the call
	Call        *ast.CallExpr
	Index       int
}

func newResult(call *ast.CallExpr, index int) *Result {
	return &Result{BadExpr: ast.BadExpr{From: call.Pos(), To: call.End()}, Call: call, Index: index}
}

// A Filled stands for the value that Call stored in the variable
// (Config.Fills), as the Init of a Binding.
type Filled struct {
	ast.BadExpr // spans the call
	Call        *ast.CallExpr
}

// An Element stands for the key (Key) or the value that a range
// statement gives its variable on each turn, as the Init of a Binding.
type Element struct {
	ast.BadExpr // spans the range clause
	Range       *ast.RangeStmt
	Key         bool
}

// A Step adds to a document: m[Key] = Elem[0], d = append(d, Elems...),
// From (a copy of another document), or Apply, a call of a function value with the document as its one
// argument (a functional option, o(m)) or of a method that adds keys to
// the document, its receiver (m.WithID(id)) or its first argument
// (addID(m, id); see Config.AddsKeys).
type Step struct {
	Key   ast.Expr   // nil for an append or an Apply; Elems[0] may be a *Result
	Elems []ast.Expr // the value of m[Key], or the elements appended
	// From, when set, is a document whose entries the step copies in
	// whole: d = append(d, src...), copy(d, src), maps.Copy(d, src).
	From ast.Expr
	// In, when set, is the key of a subdocument that the step adds Key
	// to instead (m[In].(bson.M)[Key] = Elems[0]).
	In    ast.Expr
	Apply *ast.CallExpr
}

// Func follows the variables of one outermost function, the function
// literals inside it included. It is not safe for concurrent use.
type Func struct {
	info   *types.Info
	root   inspector.Cursor // at an *ast.FuncDecl or *ast.FuncLit
	config Config
	funcs  []ast.Node // root, then its function literals in source order
	graphs map[ast.Node]*graph
	vars   map[*types.Var]*variable
	// hasGoto: 0 not looked for yet, 1 no goto, 2 a goto; see gotos.
	hasGoto uint8
}

// gotos reports whether the function has a goto statement, which can jump
// over any statement.
func (f *Func) gotos() bool {
	if f.hasGoto == 0 {
		f.hasGoto = 1
		for c := range f.root.Preorder((*ast.BranchStmt)(nil)) {
			if c.Node().(*ast.BranchStmt).Tok == token.GOTO {
				f.hasGoto = 2
				break
			}
		}
	}
	return f.hasGoto == 2
}

// New returns the flow of the function at root, an *ast.FuncDecl or an
// *ast.FuncLit that no other function holds.
func New(info *types.Info, root inspector.Cursor, config Config) *Func {
	f := &Func{info: info, root: root, config: config, funcs: []ast.Node{root.Node()},
		graphs: make(map[ast.Node]*graph), vars: make(map[*types.Var]*variable)}
	for c := range root.Preorder((*ast.FuncLit)(nil)) {
		if c.Node() != root.Node() {
			f.funcs = append(f.funcs, c.Node())
		}
	}
	return f
}

// ValuesAt returns what the local variable used at id may hold there: the
// distinct values that reach the use, and whether they are all the
// values it may hold. It returns nil, false for an identifier that is not
// a local variable of the function.
func (f *Func) ValuesAt(id *ast.Ident) ([]Value, bool) {
	vals, complete := f.PathsAt(id)
	return slices.DeleteFunc(vals, func(v Value) bool { return v.Opaque }), complete
}

// PathsAt is ValuesAt with the values that are not followed kept, as
// Opaque values that say where they became so: a reader that knows some
// paths cannot run (a type switch's other cases) may still read the rest.
func (f *Func) PathsAt(id *ast.Ident) ([]Value, bool) {
	v, ok := f.info.Uses[id].(*types.Var)
	if !ok {
		return nil, false
	}
	vr, at, ok := f.reaching(v, id.Pos())
	if !ok || vr.addrPassed {
		return nil, false
	}
	return vr.valuesAt(at, values)
}

// BindingAt returns the value that the statement which last gave the
// variable used at id its value gave it, when that is one statement on
// every path to the use: the expression assigned (for one result of
// several, a *Result; for a parameter, its identifier), a *Filled or an
// *Element. Changes of a part of the variable since (v.f = x, a key
// added, a method called) do not count: see TouchedBetween. It reports
// false for a variable assigned on several paths, assigned in a way that
// is not followed, or not a local variable of the function.
func (f *Func) BindingAt(id *ast.Ident) (ast.Expr, bool) {
	v, ok := f.info.Uses[id].(*types.Var)
	if !ok {
		return nil, false
	}
	return f.BindingOf(v, id.Pos())
}

// BindingOf is BindingAt for the variable v at pos, a point of the
// function, as if v were used there.
func (f *Func) BindingOf(v *types.Var, pos token.Pos) (ast.Expr, bool) {
	vr, at, ok := f.reaching(v, pos)
	if !ok {
		return nil, false
	}
	vals, complete := vr.valuesAt(at, bindings)
	if !complete || len(vals) != 1 || vals[0].Init == nil {
		return nil, false
	}
	return vals[0].Init, true
}

// BindingsOf is BindingOf for a variable given its value by different
// statements on different paths: each one's binding, when every path's
// is known.
func (f *Func) BindingsOf(v *types.Var, pos token.Pos) ([]ast.Expr, bool) {
	vr, at, ok := f.reaching(v, pos)
	if !ok {
		return nil, false
	}
	vals, complete := vr.valuesAt(at, bindings)
	if !complete || len(vals) == 0 {
		return nil, false
	}
	out := make([]ast.Expr, len(vals))
	for i, val := range vals {
		if val.Init == nil {
			return nil, false
		}
		out[i] = val.Init
	}
	return out, true
}

// reaching returns the index of v and the point of its declaring function
// whose value a use of v at pos sees.
func (f *Func) reaching(v *types.Var, pos token.Pos) (*variable, token.Pos, bool) {
	vr := f.variable(v)
	if vr == nil || vr.unknown {
		return nil, 0, false
	}
	at := pos
	if fn := f.funcAt(at); fn != vr.fn {
		// A use in a closure: the closure may run whenever it is called,
		// so it sees the value the variable has where the closure is made
		// only when nothing changes the variable from there on.
		lit := f.outermostLitIn(vr.fn, at)
		if lit == nil {
			return nil, 0, false
		}
		at = lit.Pos()
		if vr.changedFrom(at) {
			return nil, 0, false
		}
	}
	return vr, at, true
}

// Uses returns the identifiers that use v, a local variable of the
// function, in source order; false when v is not one.
func (f *Func) Uses(v *types.Var) ([]inspector.Cursor, bool) {
	vr := f.variable(v)
	if vr == nil {
		return nil, false
	}
	return vr.uses, true
}

// TouchedBetween reports whether v, or a part of it, may change after
// from and before to, two points of v's function: a statement between
// them gives it a value or changes a part of it, or one later in a loop
// that holds to but not from. A copy given away (deep) does not count.
// It reports true when it cannot tell.
func (f *Func) TouchedBetween(v *types.Var, from, to token.Pos) bool {
	vr := f.variable(v)
	if vr == nil || vr.unknown {
		return true
	}
	for _, ev := range vr.events {
		if ev.kind == deep {
			continue
		}
		if from < ev.pos && ev.pos < to || ev.pos >= to && f.loopCarried(from, ev.pos, to) {
			return true
		}
	}
	return false
}

// loopCarried reports whether a change at changed, after a use at use,
// can reach the use on a later turn of a loop that holds both but not
// def.
func (f *Func) loopCarried(def, changed, use token.Pos) bool {
	for c := range f.root.Preorder((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		loop := c.Node()
		in := func(p token.Pos) bool { return loop.Pos() <= p && p < loop.End() }
		if in(changed) && in(use) && !in(def) {
			return true
		}
	}
	return false
}

// funcAt returns the innermost function of f that holds pos.
func (f *Func) funcAt(pos token.Pos) ast.Node {
	for i := len(f.funcs) - 1; i >= 0; i-- {
		if fn := f.funcs[i]; fn.Pos() <= pos && pos < fn.End() {
			return fn
		}
	}
	return nil
}

// outermostLitIn returns the function literal directly inside fn that
// holds pos.
func (f *Func) outermostLitIn(fn ast.Node, pos token.Pos) ast.Node {
	for _, lit := range f.funcs[1:] {
		if lit.Pos() <= pos && pos < lit.End() && lit != fn && fn.Pos() <= lit.Pos() && lit.End() <= fn.End() &&
			f.parentFunc(lit) == fn {
			return lit
		}
	}
	return nil
}

// parentFunc returns the innermost function that holds the literal lit.
func (f *Func) parentFunc(lit ast.Node) ast.Node {
	for i := len(f.funcs) - 1; i >= 0; i-- {
		fn := f.funcs[i]
		if fn != lit && fn.Pos() <= lit.Pos() && lit.End() <= fn.End() {
			return fn
		}
	}
	return nil
}

// graph returns the control-flow graph of fn, one of f.funcs, with its
// nodes indexed by position.
func (f *Func) graph(fn ast.Node) *graph {
	if g, ok := f.graphs[fn]; ok {
		return g
	}
	var body *ast.BlockStmt
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		body = fn.Body
	case *ast.FuncLit:
		body = fn.Body
	}
	var g *graph
	if body != nil {
		g = newGraph(cfg.New(body, mayReturn))
	}
	f.graphs[fn] = g
	return g
}

// mayReturn tells the graph builder which calls return: all but panic.
func mayReturn(call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	return !ok || id.Name != "panic"
}

// A graph is a control-flow graph with its nodes indexed by position.
type graph struct {
	g     *cfg.CFG
	nodes []nodeAt // sorted by position; the nodes do not overlap
}

// A nodeAt is a node of a block: a statement or an expression.
type nodeAt struct {
	pos, end token.Pos
	block    int32
	index    int32
}

func newGraph(g *cfg.CFG) *graph {
	gr := &graph{g: g}
	for _, b := range g.Blocks {
		for i, n := range b.Nodes {
			gr.nodes = append(gr.nodes, nodeAt{n.Pos(), n.End(), b.Index, int32(i)})
		}
	}
	sort.Slice(gr.nodes, func(i, j int) bool { return gr.nodes[i].pos < gr.nodes[j].pos })
	return gr
}

// nodeOf returns the node that holds pos.
func (g *graph) nodeOf(pos token.Pos) (nodeAt, bool) {
	i := sort.Search(len(g.nodes), func(i int) bool { return g.nodes[i].pos > pos }) - 1
	if i < 0 || pos >= g.nodes[i].end {
		return nodeAt{}, false
	}
	return g.nodes[i], true
}
