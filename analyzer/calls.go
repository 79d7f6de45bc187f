package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Import paths of the official drivers. Calls are matched by the package
// path of the callee and the name of its receiver type, never by the text
// of a selector, so renamed imports, aliases and vendoring all work and a
// look-alike package at another path never matches.
const (
	mongoV1 = "go.mongodb.org/mongo-driver/mongo"
	mongoV2 = "go.mongodb.org/mongo-driver/v2/mongo"

	bsonV1          = "go.mongodb.org/mongo-driver/bson"
	bsonV1Primitive = "go.mongodb.org/mongo-driver/bson/primitive"
	bsonV2          = "go.mongodb.org/mongo-driver/v2/bson"

	driverModulePrefix = "go.mongodb.org/mongo-driver"
)

func isMongoPkg(pkg *types.Package) bool {
	return pkg != nil && (pkg.Path() == mongoV1 || pkg.Path() == mongoV2)
}

// resultKind says what a write call returns, for the unchecked-result rule.
type resultKind int

const (
	noResult     resultKind = iota // bulk-write models: the result is per batch
	updateResult                   // (*UpdateResult, error)
	singleResult                   // *SingleResult
)

// writeMethod says where a *mongo.Collection write method takes its filter
// and its update.
type writeMethod struct {
	filterArg int  // index of the filter argument; -1 for UpdateByID
	updateArg int  // index of the update or replacement argument
	replace   bool // the update argument is a replacement document
	result    resultKind
}

// collectionWrites lists the *mongo.Collection methods that change one or
// more existing documents from a filter. It is the same for v1 and v2.
var collectionWrites = map[string]writeMethod{
	"UpdateOne":         {filterArg: 1, updateArg: 2, result: updateResult},
	"UpdateMany":        {filterArg: 1, updateArg: 2, result: updateResult},
	"UpdateByID":        {filterArg: -1, updateArg: 2, result: updateResult},
	"ReplaceOne":        {filterArg: 1, updateArg: 2, replace: true, result: updateResult},
	"FindOneAndUpdate":  {filterArg: 1, updateArg: 2, result: singleResult},
	"FindOneAndReplace": {filterArg: 1, updateArg: 2, replace: true, result: singleResult},
}

// writeModels lists the bulk-write model types, with the name of the field
// (and of the setter, prefixed with "Set") that holds the update.
var writeModels = map[string]string{
	"UpdateOneModel":        "Update",
	"UpdateManyModel":       "Update",
	"ReplaceOneModel":       "Replacement",
	"ClientUpdateOneModel":  "Update",
	"ClientUpdateManyModel": "Update",
	"ClientReplaceOneModel": "Replacement",
}

// A write is one driver operation that changes existing documents: a
// collection method call or a bulk-write model.
type write struct {
	cur     inspector.Cursor // the call or composite literal; diagnostics go here
	name    string           // method or model name, for messages
	filter  ast.Expr         // nil when byID
	update  ast.Expr         // update document, pipeline or replacement
	ctx     ast.Expr         // context argument of a call; nil for models
	replace bool
	result  resultKind

	// wrapper names the wrapper called (Store.Update), for a write made
	// through one; empty for a driver call or model.
	wrapper string
	// resultIndex is the index of the call's result that is the driver's
	// result: 0 for driver calls, -1 when a wrapper does not return it.
	resultIndex int
	dropped     bool   // a wrapper discards the driver's result
	droppedHow  string // why, when not by itself (see wrapperFact.LookedIf)
}

func (w *write) node() ast.Node { return w.cur.Node() }

// byID reports whether the write is UpdateByID, or a wrapper of it: the
// filter is {_id: id}.
func (w *write) byID() bool { return w.filter == nil }

// label names the write in messages: UpdateOne, Store.Update (UpdateOne).
func (w *write) label() string {
	if w.wrapper != "" {
		return w.wrapper + " (" + w.name + ")"
	}
	return w.name
}

// matchWrite reports the driver write at cur, if there is one.
func matchWrite(info *types.Info, cur inspector.Cursor) *write {
	switch n := cur.Node().(type) {
	case *ast.CallExpr:
		if w := matchCollectionCall(info, cur, n); w != nil {
			return w
		}
		if w := matchModelChain(info, cur, n); w != nil {
			return w
		}
		return matchModelVar(info, cur, n)
	case *ast.CompositeLit:
		return matchModelLiteral(info, cur, n)
	}
	return nil
}

// methodOf returns the named receiver type of a method in a driver
// package, with aliases and pointers removed.
func methodOf(fn *types.Func) (*types.TypeName, bool) {
	if fn == nil {
		return nil, false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil, false
	}
	named := namedOf(sig.Recv().Type())
	if named == nil || !isMongoPkg(named.Obj().Pkg()) {
		return nil, false
	}
	return named.Obj(), true
}

// namedOf strips aliases and one pointer and returns the named type, if any.
func namedOf(t types.Type) *types.Named {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, _ := t.(*types.Named)
	return n
}

func calleeFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

func matchCollectionCall(info *types.Info, cur inspector.Cursor, call *ast.CallExpr) *write {
	m, ok := collectionWrites[calledName(call)]
	if !ok || !argsBefore(call, m.updateArg) {
		return nil // most calls: no lookup in types.Info
	}
	fn := methodValue(info, call)
	if recv, ok := methodOf(fn); (!ok || recv.Name() != "Collection") && !isCollectionSeam(fn) {
		return nil
	}
	w := &write{cur: cur, name: fn.Name(), update: call.Args[m.updateArg], ctx: call.Args[0], replace: m.replace, result: m.result}
	if m.filterArg >= 0 {
		w.filter = call.Args[m.filterArg]
	}
	return w
}

// isCollectionSeam reports whether fn is a write method of an interface
// that *mongo.Collection satisfies, with the very signature of the
// driver's method: the usual seam for mocking the driver. Production code
// calls the driver through it, so its calls are checked like the driver's.
// The match is by type: the driver package is the one of the method's
// result (*mongo.UpdateResult or *mongo.SingleResult).
func isCollectionSeam(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	if _, ok := collectionWrites[fn.Name()]; !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil || sig.Results().Len() == 0 {
		return false
	}
	iface, ok := sig.Recv().Type().Underlying().(*types.Interface)
	result := namedOf(sig.Results().At(0).Type())
	if !ok || result == nil || !isMongoPkg(result.Obj().Pkg()) {
		return false
	}
	coll, ok := result.Obj().Pkg().Scope().Lookup("Collection").(*types.TypeName)
	if !ok {
		return false
	}
	ptr := types.NewPointer(coll.Type())
	driverMethod, _, _ := types.LookupFieldOrMethod(ptr, false, coll.Pkg(), fn.Name())
	// Identical ignores receivers.
	return driverMethod != nil && types.Implements(ptr, iface) && types.Identical(driverMethod.Type(), sig)
}

// matchModelChain matches the outermost call of a setter chain that starts
// at a model constructor: mongo.NewUpdateOneModel().SetFilter(f).SetUpdate(u).
// A chain that starts anywhere else (a variable, a function result) is left
// alone: its other setters may be called where the analyzer cannot see.
func matchModelChain(info *types.Info, cur inspector.Cursor, call *ast.CallExpr) *write {
	model, ok := modelSetter(info, call)
	if !ok || isInnerChainCall(info, cur) {
		return nil
	}
	updateField := writeModels[model]
	var filter, update ast.Expr
	for c := call; ; {
		sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		if _, isSetter := modelSetter(info, c); isSetter {
			// The outermost setter wins, as it does at run time.
			switch {
			case sel.Sel.Name == "SetFilter" && filter == nil && len(c.Args) == 1:
				filter = c.Args[0]
			case sel.Sel.Name == "Set"+updateField && update == nil && len(c.Args) == 1:
				update = c.Args[0]
			}
			inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
			if !ok {
				return nil
			}
			c = inner
			continue
		}
		fn := calleeFunc(info, c)
		if fn == nil || !isMongoPkg(fn.Pkg()) || fn.Name() != "New"+model {
			return nil
		}
		break
	}
	if filter == nil || update == nil {
		return nil
	}
	return &write{cur: cur, name: model, filter: filter, update: update, replace: updateField == "Replacement"}
}

// matchModelVar matches a model built in statements: m :=
// mongo.NewUpdateOneModel() (or the start of a chain), then
// m.SetFilter(f) and m.SetUpdate(u), alone or in chains, each setter once,
// with m never assigned again nor its address taken. Handing m on (to
// append, to BulkWrite) does not change it. The write is reported at the
// constructor.
func matchModelVar(info *types.Info, cur inspector.Cursor, call *ast.CallExpr) *write {
	name := calledName(call)
	model, ok := strings.CutPrefix(name, "New")
	if !ok {
		return nil
	}
	updateField, ok := writeModels[model]
	if !ok || len(call.Args) != 0 {
		return nil
	}
	if fn := calleeFunc(info, call); fn == nil || !isMongoPkg(fn.Pkg()) || fn.Name() != name {
		return nil
	}
	var filter, update ast.Expr
	setter := func(c *ast.CallExpr) bool {
		sel := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if len(c.Args) != 1 {
			return true
		}
		switch sel.Sel.Name {
		case "SetFilter":
			if filter != nil {
				return false
			}
			filter = c.Args[0]
		case "Set" + updateField:
			if update != nil {
				return false
			}
			update = c.Args[0]
		}
		return true
	}
	// climb climbs the setter chain whose receiver is at c, and returns
	// the top of the chain.
	climb := func(c inspector.Cursor) (inspector.Cursor, bool) {
		for c.ParentEdgeKind() == edge.SelectorExpr_X && c.Parent().ParentEdgeKind() == edge.CallExpr_Fun {
			outer := c.Parent().Parent()
			if m, ok := modelSetter(info, outer.Node().(*ast.CallExpr)); !ok || m != model {
				return c, false
			}
			if !setter(outer.Node().(*ast.CallExpr)) {
				return c, false
			}
			c = outer
		}
		return c, true
	}
	top, ok := climb(cur)
	if !ok || filter != nil && update != nil {
		return nil // a whole chain is matchModelChain's
	}
	var v *types.Var
	switch top.ParentEdgeKind() {
	case edge.AssignStmt_Rhs:
		as := top.Parent().Node().(*ast.AssignStmt)
		if as.Tok == token.DEFINE && len(as.Lhs) == len(as.Rhs) {
			if id, ok := as.Lhs[top.ParentEdgeIndex()].(*ast.Ident); ok {
				v, _ = info.Defs[id].(*types.Var)
			}
		}
	case edge.ValueSpec_Values:
		vs := top.Parent().Node().(*ast.ValueSpec)
		if len(vs.Names) == len(vs.Values) {
			v, _ = info.Defs[vs.Names[top.ParentEdgeIndex()]].(*types.Var)
		}
	}
	fn := enclosingFunc(cur)
	if v == nil || !fn.Valid() {
		return nil
	}
	for c := range fn.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		if id.Name != v.Name() || info.Uses[id] != v {
			continue
		}
		switch c.ParentEdgeKind() {
		case edge.SelectorExpr_X:
			if _, ok := climb(c); !ok {
				return nil
			}
		case edge.AssignStmt_Lhs, edge.UnaryExpr_X, edge.RangeStmt_Key, edge.RangeStmt_Value:
			return nil
		}
	}
	if filter == nil || update == nil {
		return nil
	}
	return &write{cur: cur, name: model, filter: filter, update: update, replace: updateField == "Replacement"}
}

// modelSetter reports whether call is a Set* method of a bulk-write model,
// and which model.
func modelSetter(info *types.Info, call *ast.CallExpr) (string, bool) {
	if !strings.HasPrefix(calledName(call), "Set") {
		return "", false
	}
	recv, ok := methodOf(calleeFunc(info, call))
	if !ok {
		return "", false
	}
	_, isModel := writeModels[recv.Name()]
	return recv.Name(), isModel
}

// isInnerChainCall reports whether the call at cur is the receiver of
// another setter call of the same chain.
func isInnerChainCall(info *types.Info, cur inspector.Cursor) bool {
	sel, ok := cur.Parent().Node().(*ast.SelectorExpr)
	if !ok {
		return false
	}
	outer, ok := cur.Parent().Parent().Node().(*ast.CallExpr)
	if !ok || outer.Fun != sel {
		return false
	}
	_, isSetter := modelSetter(info, outer)
	return isSetter
}

// matchModelLiteral matches &mongo.UpdateOneModel{Filter: f, Update: u}
// and the other model literals. Literals without keys are left alone.
func matchModelLiteral(info *types.Info, cur inspector.Cursor, lit *ast.CompositeLit) *write {
	if !hasKey(lit, "Filter") {
		return nil // most literals: no need to look up their type
	}
	named := namedOf(typeOf(info, lit))
	if named == nil || !isMongoPkg(named.Obj().Pkg()) {
		return nil
	}
	model := named.Obj().Name()
	updateField, ok := writeModels[model]
	if !ok {
		return nil
	}
	var filter, update ast.Expr
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil
		}
		key, _ := kv.Key.(*ast.Ident)
		switch {
		case key == nil:
			return nil
		case key.Name == "Filter":
			filter = kv.Value
		case key.Name == updateField:
			update = kv.Value
		}
	}
	if filter == nil || update == nil {
		return nil
	}
	return &write{cur: cur, name: model, filter: filter, update: update, replace: updateField == "Replacement"}
}

// importsDriver reports whether pkg depends, directly or not, on a driver
// package. Packages that do not are skipped before any walk of their syntax.
func importsDriver(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package) bool
	visit = func(p *types.Package) bool {
		for _, imp := range p.Imports() {
			if seen[imp] {
				continue
			}
			seen[imp] = true
			if IsDriverPath(imp.Path()) || visit(imp) {
				return true
			}
		}
		return false
	}
	return visit(pkg)
}

// IsDriverPath reports whether path is a package of the MongoDB driver,
// v1 or v2. The rules never look into those packages, and only packages
// that depend on them can hold a finding or a fact.
func IsDriverPath(path string) bool {
	return path == driverModulePrefix || strings.HasPrefix(path, driverModulePrefix+"/")
}

// readMethods lists the *mongo.Collection methods that read documents, with
// the index of their filter: the reads whose outcome later code acts on.
var readMethods = map[string]int{"FindOne": 1, "Find": 1, "CountDocuments": 1}

// A read is a driver call that reads documents of a collection.
type read struct {
	call   *ast.CallExpr
	method string   // FindOne, Find or CountDocuments
	coll   ast.Expr // the collection, as written at the call
	filter ast.Expr
}

// collectionMethod matches a call of a method of the driver's
// *mongo.Collection, and returns the method and the collection expression.
func collectionMethod(info *types.Info, call *ast.CallExpr) (*types.Func, ast.Expr, bool) {
	fn := methodValue(info, call)
	if recv, ok := methodOf(fn); !ok || recv.Name() != "Collection" {
		return nil, nil, false
	}
	return fn, ast.Unparen(call.Fun).(*ast.SelectorExpr).X, true
}

// argsBefore reports whether call has argument number i, written out:
// before the options, which a call may pass on as opts... (the filter
// and the update are still plain arguments then).
func argsBefore(call *ast.CallExpr, i int) bool {
	if call.Ellipsis.IsValid() {
		return i < len(call.Args)-1
	}
	return i < len(call.Args)
}

// mayUpsert reports whether the driver write call passes options (the
// arguments after ctx, filter and update), which may make it an upsert:
// one that matches nothing and succeeds by inserting.
func mayUpsert(call *ast.CallExpr) bool {
	return len(call.Args) > 3
}

// upserts reports whether the options of the driver call w surely make it
// an upsert: a chain of the driver's option builders that ends in
// SetUpsert(true), in the call or in a local variable that holds only that.
func (c *checker) upserts(w *write) bool {
	call, ok := w.node().(*ast.CallExpr)
	if !ok || call.Ellipsis.IsValid() || len(call.Args) <= 3 {
		return false
	}
	ev := c.evaluatorAt(w.cur)
	for _, arg := range call.Args[3:] {
		if ev.setsUpsert(arg, false) {
			return true
		}
	}
	return false
}

// setsUpsert reports whether the options e set Upsert to true; see upserts.
func (ev *evaluator) setsUpsert(e ast.Expr, inVar bool) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		id, ok := ast.Unparen(e.X).(*ast.Ident)
		return ok && e.Op == token.AND && !inVar && ev.upsertField(id)
	case *ast.Ident:
		if inVar || ev.flow == nil {
			return false
		}
		if ev.upsertField(e) {
			return true
		}
		vals, complete := ev.flow.ValuesAt(e)
		if !complete || len(vals) == 0 {
			return false
		}
		for _, v := range vals {
			if v.Init == nil || len(v.Steps) > 0 || !ev.setsUpsert(v.Init, true) {
				return false
			}
		}
		return true
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(ev.info, e).(*types.Func)
		if fn == nil || fn.Pkg() == nil || !IsDriverPath(fn.Pkg().Path()) {
			return false
		}
		if fn.Name() == "SetUpsert" {
			if len(e.Args) != 1 {
				return false
			}
			tv := ev.info.Types[e.Args[0]]
			return tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
		}
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok && methodValue(ev.info, e) != nil {
			return ev.setsUpsert(sel.X, inVar) // an earlier link of the chain
		}
	}
	return false
}

// upsertField reports whether id names a variable of the driver's options
// struct type (options.UpdateOptions{}, or a pointer to one) whose Upsert
// field the function sets to something other than nil (opts.Upsert =
// &yes; *opts.Upsert = true), or whose SetUpsert it calls with true, in
// any statement: an upsert on some path at least.
func (ev *evaluator) upsertField(id *ast.Ident) bool {
	v, ok := ev.info.Uses[id].(*types.Var)
	if !ok || !ev.fn.Valid() {
		return false
	}
	t := v.Type()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if n := namedOf(t); n == nil || n.Obj().Pkg() == nil || !IsDriverPath(n.Obj().Pkg().Path()) {
		return false
	}
	isField := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Upsert" {
			return false
		}
		x, ok := ast.Unparen(sel.X).(*ast.Ident)
		return ok && ev.info.Uses[x] == v
	}
	for n := range ev.fn.Preorder((*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)) {
		switch n := n.Node().(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if i >= len(n.Rhs) {
					break
				}
				if star, ok := ast.Unparen(l).(*ast.StarExpr); ok && isField(star.X) {
					if tv := ev.info.Types[n.Rhs[i]]; tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) {
						return true // *opts.Upsert = true
					}
				}
				if isField(l) && !isNil(ev.info, n.Rhs[i]) {
					return true // opts.Upsert = &yes
				}
			}
		case *ast.CallExpr:
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "SetUpsert" || len(n.Args) != 1 {
				continue
			}
			x, ok := ast.Unparen(sel.X).(*ast.Ident)
			tv := ev.info.Types[n.Args[0]]
			if ok && ev.info.Uses[x] == v && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) {
				return true // opts.SetUpsert(true)
			}
		}
	}
	return false
}

// methodValue returns the method that call calls when it calls a method
// of a value, x.M(args), whose arguments are the method's parameters, or
// nil. In a method expression, (T).M(x, args), they start with the
// receiver.
func methodValue(info *types.Info, call *ast.CallExpr) *types.Func {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
		fn, _ := s.Obj().(*types.Func)
		return fn
	}
	return nil
}

// calledName returns the name that call calls, f in f(...) or x.f(...),
// or "". Rules that look for calls of one name test it first: it costs
// no lookup in the large maps of types.Info.
func calledName(call *ast.CallExpr) string {
	fun := call.Fun
	for {
		switch f := fun.(type) {
		case *ast.Ident:
			return f.Name
		case *ast.SelectorExpr:
			return f.Sel.Name
		case *ast.ParenExpr:
			fun = f.X
		case *ast.IndexExpr: // an instantiated generic function
			fun = f.X
		case *ast.IndexListExpr:
			fun = f.X
		default:
			return ""
		}
	}
}

// matchRead matches a read of a *mongo.Collection.
func matchRead(info *types.Info, call *ast.CallExpr) *read {
	i, ok := readMethods[calledName(call)]
	if !ok || !argsBefore(call, i) {
		return nil
	}
	fn, coll, ok := collectionMethod(info, call)
	if !ok {
		return nil
	}
	return &read{call: call, method: fn.Name(), coll: coll, filter: call.Args[i]}
}

// collectionOf returns the collection that a write call is made on, as
// written; nil for bulk-write models and wrappers, which do not name it.
func collectionOf(w *write) ast.Expr {
	call, ok := w.node().(*ast.CallExpr)
	if !ok || w.ctx == nil || w.wrapper != "" {
		return nil
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.X
	}
	return nil
}

// hasKey reports whether the keyed literal lit gives the field name.
func hasKey(lit *ast.CompositeLit, name string) bool {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return true
			}
		}
	}
	return false
}
