package analyzer

import (
	"go/ast"
	"go/constant"
	"slices"
	"sync"

	"go/token"
	"go/types"
	"golang.org/x/tools/go/analysis"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// This file reads keys that are not constants:
//
//   - a package-level string variable that holds a key all along
//     (var StatusKey = "status"), read from its initializer when nothing in
//     its package assigns it; other packages read it from a keyFact;
//   - a key read from a struct's bson tag by a helper of the program
//     (tagOf(Host{}, "ID")), resolved from the struct literal and the field
//     named when the helper reads bson tags (a tagReaderFact).
//
// An exported variable could be assigned by another package; code that
// names its collection's keys in variables does not, and the analyzer
// takes the initializer.

// keyFact is the fact of a package-level variable that holds the key Key,
// or, with Names, a field-name object (fieldnames.go).
type keyFact struct {
	Key                string
	Names, DriverNames bool
}

func (*keyFact) AFact() {}

func (f *keyFact) String() string {
	if f.Names {
		return "field names"
	}
	return "key " + strconv.Quote(f.Key)
}

// tagReaderFact is the fact of a function that returns a field's bson tag:
// its body looks a struct tag up (reflect.StructTag's Get or Lookup) with
// the key "bson". With Names, it is instead a maker of field-name objects
// (fieldnames.go).
type tagReaderFact struct{ Names, DriverNames bool }

func (*tagReaderFact) AFact() {}

func (f *tagReaderFact) String() string {
	if f.Names {
		return "makes field-name objects"
	}
	return "reads bson tags"
}

// packageKeys holds what this file knows of the package being analyzed.
type packageKeys struct {
	inits   map[*types.Var]ast.Expr // package-level variables and their initializers
	written map[*types.Var]bool     // package-level variables assigned in a function; see isWritten
	once    sync.Once               // finds written
	keys    map[*types.Var]*keyFact // computed, or imported (nil: no key)
	readers map[*types.Func]*tagReaderFact
}

func newPackageKeys() *packageKeys {
	return &packageKeys{keys: make(map[*types.Var]*keyFact), readers: make(map[*types.Func]*tagReaderFact)}
}

// varKey returns the key that the package-level variable v holds.
func (s *summaries) varKey(v *types.Var) (string, bool) {
	pk := s.keys
	f, done := pk.keys[v]
	if !done && v.Pkg() == s.c.pass.Pkg && !s.done {
		pk.keys[v] = nil // while read: a variable initialized from itself has none
		f = s.computeVarKey(v)
		pk.keys[v] = f
		if f != nil && v.Exported() {
			s.c.pass.ExportObjectFact(v, f)
		}
	}
	if f == nil || f.Names || s.isWritten(v) {
		return "", false // a variable of another package that this one assigns
	}
	return f.Key, true
}

// isWritten reports whether this package assigns the package-level
// variable v, or takes its address. The package is walked for it the
// first time a variable that may hold a key is asked about: most packages
// have none. Safe while declarations are checked in parallel.
func (s *summaries) isWritten(v *types.Var) bool {
	s.keys.once.Do(s.findWritten)
	return s.keys.written[v]
}

// findWritten records the package-level variables, of this package or
// another, that this package assigns or takes the address of.
func (s *summaries) findWritten() {
	pk := s.keys
	info := s.c.pass.TypesInfo
	pk.written = make(map[*types.Var]bool)
	for n := range s.root.Preorder((*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil), (*ast.UnaryExpr)(nil)) {
		for _, t := range writeTargets(n.Node()) {
			if v := rootPackageVar(info, t); v != nil {
				pk.written[v] = true
			}
		}
	}
}

func (s *summaries) computeVarKey(v *types.Var) *keyFact {
	_, isStruct := v.Type().Underlying().(*types.Struct)
	if b, ok := v.Type().Underlying().(*types.Basic); !isStruct && (!ok || b.Info()&types.IsString == 0) {
		return nil
	}
	pk := s.keys
	info := s.c.pass.TypesInfo
	if pk.inits == nil {
		pk.inits = make(map[*types.Var]ast.Expr)
		for _, in := range info.InitOrder {
			if len(in.Lhs) == 1 {
				pk.inits[in.Lhs[0]] = in.Rhs
			}
		}
	}
	init, ok := pk.inits[v]
	if !ok || s.isWritten(v) {
		return nil
	}
	if isStruct {
		if f := s.namesMade(init); f != nil {
			return &keyFact{Names: true, DriverNames: f.DriverNames}
		}
		return nil
	}
	ev := &evaluator{info: info, sums: s}
	if k, ok := ev.stringConst(init); ok {
		return &keyFact{Key: k}
	}
	return nil
}

// packageVar returns the package-level variable that e names (v, pkg.V).
func packageVar(info *types.Info, e ast.Expr) *types.Var {
	id := namingIdent(e)
	if id == nil {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return nil
	}
	return v
}

// rootPackageVar returns the package-level variable that e is, or is a
// part of (V.f, V[i], pkg.V.f): a write there changes the variable.
func rootPackageVar(info *types.Info, e ast.Expr) *types.Var {
	for e != nil {
		if v := packageVar(info, e); v != nil {
			return v
		}
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
	return nil
}

// tagReader returns the fact of fn when it reads bson tags.
func (s *summaries) tagReader(fn *types.Func) *tagReaderFact {
	fn = fn.Origin()
	pk := s.keys
	if f, done := pk.readers[fn]; done || fn.Pkg() != s.c.pass.Pkg || s.done {
		return f
	}
	var f *tagReaderFact
	if cur, ok := s.decls[fn]; ok && returnsString(fn.Signature()) && readsBSONTag(s.c.pass.TypesInfo, cur) {
		f = &tagReaderFact{}
	} else if ok {
		f = fillsBSONNames(s.c.pass.TypesInfo, fn, cur, s.decls)
	}
	if f != nil {
		if fn.Exported() {
			s.c.pass.ExportObjectFact(fn, f)
		}
	}
	pk.readers[fn] = f
	return f
}

// readsBSONTag reports whether the function at cur returns a field's bson
// key: every return gives, as its first result, the bson tag (Get or
// Lookup of reflect.StructTag with the key "bson"), its part before the
// first comma (strings.Split, SplitN or Cut), a local variable holding
// one of those, or a string constant (an error's empty key). A function
// that makes anything else of the tag ("meta." + tag) is no tag reader.
func readsBSONTag(info *types.Info, cur inspector.Cursor) bool {
	found := false
	for n := range cur.Preorder((*ast.ReturnStmt)(nil), (*ast.FuncLit)(nil)) {
		ret, ok := n.Node().(*ast.ReturnStmt)
		if !ok {
			if n.Node() != cur.Node() {
				return false // a closure: not followed
			}
			continue
		}
		if len(ret.Results) == 0 {
			return false
		}
		r := ast.Unparen(ret.Results[0])
		if lit, ok := r.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			continue
		}
		if !tagDerived(info, cur, r, 0) {
			return false
		}
		found = true
	}
	return found
}

// tagDerived reports whether e is a bson tag, or its name before the
// first comma; see readsBSONTag.
func tagDerived(info *types.Info, cur inspector.Cursor, e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return isTagLookup(info, e)
	case *ast.SliceExpr:
		return e.Low == nil && tagDerived(info, cur, e.X, depth+1) // tag[:i]
	case *ast.IndexExpr:
		// strings.Split(tag, ",")[0]
		call, ok := ast.Unparen(e.X).(*ast.CallExpr)
		if v := exprConstant(info, e.Index); !ok || v == nil || v.String() != "0" || len(call.Args) < 2 {
			return false
		}
		fn := calleeFunc(info, call)
		return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "strings" && (fn.Name() == "Split" || fn.Name() == "SplitN") &&
			tagDerived(info, cur, call.Args[0], depth+1)
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		// Every value given to the local variable is derived from the tag.
		given := false
		for n := range cur.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
			lhs, rhs := assignedBy(n.Node())
			for i, l := range lhs {
				id, ok := ast.Unparen(l).(*ast.Ident)
				if !ok || info.ObjectOf(id) != v {
					continue
				}
				given = true
				switch {
				case len(lhs) == len(rhs):
					if !tagDerived(info, cur, rhs[i], depth+1) {
						return false
					}
				case len(rhs) == 1 && i == 0:
					// name, ok := tag.Lookup("bson"); name, _, _ := strings.Cut(tag, ",")
					call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
					if !ok {
						return false
					}
					if isTagLookup(info, call) {
						continue
					}
					fn := calleeFunc(info, call)
					if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "strings" || fn.Name() != "Cut" ||
						!tagDerived(info, cur, call.Args[0], depth+1) {
						return false
					}
				default:
					return false
				}
			}
		}
		return given
	}
	return false
}

// isTagLookup reports whether call is Get or Lookup of reflect.StructTag
// with the key "bson".
func isTagLookup(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 1 || sel.Sel.Name != "Get" && sel.Sel.Name != "Lookup" {
		return false
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "reflect" {
		return false
	}
	lit, ok := ast.Unparen(call.Args[0]).(*ast.BasicLit)
	return ok && lit.Value == `"bson"`
}

// tagKey reads tagOf(T{}, "Field"), a call of a bson tag reader with a
// struct literal and a constant naming one of its fields: the key is the
// name in that field's bson tag.
func (ev *evaluator) tagKey(call *ast.CallExpr) (string, bool) {
	if ev.sums == nil || len(call.Args) != 2 || call.Ellipsis.IsValid() {
		return "", false
	}
	fn := calleeFunc(ev.info, call)
	if fn == nil {
		return "", false
	}
	if f := ev.sums.tagReader(fn); f == nil || f.Names {
		return "", false
	}
	lit := ast.Unparen(call.Args[0])
	if u, ok := lit.(*ast.UnaryExpr); ok && u.Op == token.AND {
		lit = ast.Unparen(u.X)
	}
	if _, ok := lit.(*ast.CompositeLit); !ok {
		return "", false
	}
	name, ok := ev.stringConst(call.Args[1])
	if !ok {
		return "", false
	}
	st, ok := derefStruct(typeOf(ev.info, lit))
	if !ok {
		return "", false
	}
	for i := range st.NumFields() {
		if st.Field(i).Name() != name {
			continue
		}
		raw, ok := reflect.StructTag(st.Tag(i)).Lookup("bson")
		tag := strings.Split(raw, ",")[0]
		if !ok || tag == "" || tag == "-" {
			return "", false
		}
		return tag, true
	}
	return "", false
}

// returnsString reports whether sig's first result is a string, as a tag
// reader's is.
func returnsString(sig *types.Signature) bool {
	if sig.Results().Len() == 0 || sig.Params().Len() == 0 {
		return false
	}
	b, ok := sig.Results().At(0).Type().Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// exportTagReaders exports the tag readers of a package that does not use
// the driver, such as a utility package of reflection helpers. Only a
// package that imports reflect can have one.
func exportTagReaders(pass *analysis.Pass, in *inspector.Inspector) {
	if !slices.ContainsFunc(pass.Pkg.Imports(), func(p *types.Package) bool { return p.Path() == "reflect" }) {
		return
	}
	decls := make(map[*types.Func]inspector.Cursor)
	for cur := range in.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		if fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok && decl.Body != nil {
			decls[fn] = cur
		}
	}
	for fn, cur := range decls {
		switch {
		case !fn.Exported():
		case returnsString(fn.Signature()) && readsBSONTag(pass.TypesInfo, cur):
			pass.ExportObjectFact(fn, &tagReaderFact{})
		default:
			if f := fillsBSONNames(pass.TypesInfo, fn, cur, decls); f != nil {
				pass.ExportObjectFact(fn, f)
			}
		}
	}
}

// namingIdent returns the identifier that e names a variable by: v, or V
// of pkg.V (or of x.V).
func namingIdent(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// writeTargets returns what the node n assigns, changes or takes the
// address of: the left-hand sides of an assignment, the operand of ++, --
// or &, a range statement's key and value.
func writeTargets(n ast.Node) []ast.Expr {
	switch n := n.(type) {
	case *ast.AssignStmt:
		return n.Lhs
	case *ast.IncDecStmt:
		return []ast.Expr{n.X}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			return []ast.Expr{n.X}
		}
	case *ast.RangeStmt:
		return []ast.Expr{n.Key, n.Value}
	}
	return nil
}

// exportKeyVars exports the keys of a package that does not use the
// driver: an exported string variable initialized with a constant
// (var KeyStatus = "status", var MongoSet = "$set") that nothing in its
// package assigns. Code that names its keys in a package of constants
// reads them from there. It returns every such variable of the package,
// exported or not, with its key.
func exportKeyVars(pass *analysis.Pass, in *inspector.Inspector) map[*types.Var]string {
	var keys map[*types.Var]string
	for _, init := range pass.TypesInfo.InitOrder {
		if len(init.Lhs) != 1 {
			continue
		}
		v := init.Lhs[0]
		tv := pass.TypesInfo.Types[init.Rhs]
		if !isString(v.Type()) || tv.Value == nil || tv.Value.Kind() != constant.String {
			continue
		}
		if keys == nil {
			keys = make(map[*types.Var]string)
		}
		keys[v] = constant.StringVal(tv.Value)
	}
	if keys == nil {
		return nil // most packages: no walk
	}
	for n := range in.Root().Preorder((*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil), (*ast.UnaryExpr)(nil)) {
		for _, t := range writeTargets(n.Node()) {
			delete(keys, packageVar(pass.TypesInfo, t))
		}
	}
	for v, k := range keys {
		if v.Exported() {
			pass.ExportObjectFact(v, &keyFact{Key: k})
		}
	}
	return keys
}

// assignedBy returns the left- and right-hand sides of an assignment or a
// variable declaration.
func assignedBy(n ast.Node) (lhs, rhs []ast.Expr) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		return n.Lhs, n.Rhs
	case *ast.ValueSpec:
		for _, name := range n.Names {
			lhs = append(lhs, name)
		}
		return lhs, n.Values
	}
	return nil, nil
}
