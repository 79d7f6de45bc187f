package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// This file reads functional options that build documents:
//
//	func Name(n string) Option { return func(m bson.M) { m["name"] = n } }
//	func NewFilter(opts ...Option) bson.M {
//		m := bson.M{}
//		for _, o := range opts {
//			o(m)
//		}
//		return m
//	}
//
// An option is summarized as the keys it adds (an optionFact); a builder
// as a helper whose document takes the options of its variadic parameter
// (summaryValue.Options). A call NewFilter(Name(n), Type(t)) then reads as
// {name: n, type: t}. Any argument that is not a call of a summarized
// option leaves the document incomplete.

// optionFact is the fact of a function that returns a functional option:
// the keys the option adds to the document it is applied to.
type optionFact struct {
	Adds []summaryEntry
	// Field is the document field of the receiver that a builder's method
	// adds to, and Chain says that it returns its receiver (see
	// builders.go).
	Field string
	Chain bool
	// Sets holds, for a builder's setter (o.filter = f; return o), the
	// value each document field is given, keyed by the field's Go name;
	// Setter says the method is one (its Sets may be empty when it only
	// sets fields that hold no document).
	Sets   []summaryEntry
	Setter bool
}

func (*optionFact) AFact() {}

func (f *optionFact) String() string {
	var parts []string
	for _, e := range f.Adds {
		parts = append(parts, e.keyString()+": "+e.Value.String())
	}
	s := "option {" + strings.Join(parts, ", ") + "}"
	if f.Field != "" {
		s = "adds to " + f.Field + " " + s
	}
	if f.Setter {
		parts = parts[:0]
		for _, e := range f.Sets {
			parts = append(parts, e.Key+" = "+e.Value.String())
		}
		s = "sets {" + strings.Join(parts, ", ") + "}"
	}
	if f.Chain {
		s += " returns its receiver"
	}
	return s
}

// ofBuilder reports whether f is a builder's method: an adder to one of
// its document fields, or a setter of its fields.
func (f *optionFact) ofBuilder() bool { return f.Field != "" || f.Setter }

// option returns the summary of fn, or nil when fn returns no option that
// the analyzer reads.
func (s *summaries) option(fn *types.Func) *optionFact {
	return summaryOf(s, s.options, fn, s.summarizeOption)
}

// summarizeOption summarizes fn, declared at cur, if its one statement
// returns a function literal of one document parameter p whose body only
// adds keys to p (p["k"] = v).
func (s *summaries) summarizeOption(fn *types.Func, cur inspector.Cursor) *optionFact {
	sig := fn.Signature()
	if keyAdderShape(sig) {
		return s.summarizeKeyAdder(fn, cur)
	}
	if sig.Recv() != nil {
		if builderFields(sig.Recv().Type()) != nil {
			return s.summarizeAdder(fn, cur)
		}
		if sig.Results().Len() == 0 {
			return s.summarizeSetter(fn, cur)
		}
	}
	if sig.Results().Len() != 1 || sig.TypeParams().Len() > 0 || sig.RecvTypeParams().Len() > 0 {
		return nil
	}
	if rs, ok := sig.Results().At(0).Type().Underlying().(*types.Signature); !ok || rs.Params().Len() != 1 || rs.Results().Len() != 0 {
		return nil
	}
	body := cur.Node().(*ast.FuncDecl).Body
	if len(body.List) != 1 {
		return nil
	}
	ret, ok := body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil
	}
	e := ast.Unparen(ret.Results[0])
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 && isConversion(s.c.pass.TypesInfo, call) {
		e = ast.Unparen(call.Args[0]) // Option(func(m bson.M) {...})
	}
	lit, ok := e.(*ast.FuncLit)
	if !ok || len(lit.Type.Params.List) != 1 || len(lit.Type.Params.List[0].Names) != 1 {
		return nil
	}
	info := s.c.pass.TypesInfo
	p := info.Defs[lit.Type.Params.List[0].Names[0]]
	if p == nil || !isDocumentType(p.Type()) {
		return nil
	}
	return s.keysAdded(sig, cur, isObject(info, p), lit.Body.List)
}

// summarizeSetter summarizes a method of a document type that only adds
// keys to its receiver (func (f Filter) WithID(id ID) { f["_id"] = id })
// as the option it is: a call f.WithID(id) adds those keys to f.
func (s *summaries) summarizeSetter(fn *types.Func, cur inspector.Cursor) *optionFact {
	sig := fn.Signature()
	decl := cur.Node().(*ast.FuncDecl)
	if sig.RecvTypeParams().Len() > 0 || !isDocumentType(sig.Recv().Type()) || len(decl.Recv.List[0].Names) != 1 {
		return nil
	}
	if _, isMap := sig.Recv().Type().Underlying().(*types.Map); !isMap {
		return nil // a D's keys added to a copy of the slice are lost
	}
	recv := s.c.pass.TypesInfo.Defs[decl.Recv.List[0].Names[0]]
	if recv == nil {
		return nil
	}
	return s.keysAdded(sig, cur, isObject(s.c.pass.TypesInfo, recv), decl.Body.List)
}

// summarizeKeyAdder summarizes a function whose body only adds keys to
// its first parameter, a map document (func addID(f bson.M, id ID) {
// f["_id"] = id }), as the option it is: a call addID(f, id) adds those
// keys to f. Its values and keys count the parameters from that document,
// $0, on. A key adder that returns an error when it cannot compute a value
// (an id parsed from hex) is read as it runs when it succeeds.
func (s *summaries) summarizeKeyAdder(fn *types.Func, cur inspector.Cursor) *optionFact {
	sig := fn.Signature()
	decl, ok := cur.Node().(*ast.FuncDecl)
	if !ok || decl.Body == nil || sig.TypeParams().Len() > 0 || sig.Params().Len() == 0 {
		return nil
	}
	p := sig.Params().At(0)
	if _, isMap := p.Type().Underlying().(*types.Map); !isMap || !isDocumentType(p.Type()) {
		return nil
	}
	// Besides the keys it adds (p[k] = v), it may compute their values in
	// local variables, return early (if err != nil { return err }), and
	// return at its end; nothing else may touch p.
	info := s.c.pass.TypesInfo
	var adds []ast.Stmt
	for i, st := range decl.Body.List {
		switch st := st.(type) {
		case *ast.AssignStmt:
			if len(st.Lhs) == 1 {
				if id, ok := rootIdent(st.Lhs[0]); ok && info.Uses[id] == p {
					adds = append(adds, st)
					continue
				}
			}
			if mentions(info, st, p) {
				return nil
			}
		case *ast.IfStmt:
			if st.Else != nil || len(st.Body.List) == 0 || mentions(info, st, p) {
				return nil
			}
			if _, ok := st.Body.List[len(st.Body.List)-1].(*ast.ReturnStmt); !ok {
				return nil
			}
		case *ast.ReturnStmt:
			if i != len(decl.Body.List)-1 || mentions(info, st, p) {
				return nil
			}
		default:
			return nil
		}
	}
	return s.keysAdded(sig, cur, isObject(info, p), adds)
}

// keyAdderShape reports whether sig may be a key adder's: a function with
// a parameter, that returns nothing or an error.
func keyAdderShape(sig *types.Signature) bool {
	if sig.Recv() != nil || sig.Params().Len() == 0 {
		return false
	}
	switch sig.Results().Len() {
	case 0:
		return true
	case 1:
		return types.Identical(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type())
	}
	return false
}

// mentions reports whether n uses the object obj.
func mentions(info *types.Info, n ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == obj {
			found = true
		}
		return !found
	})
	return found
}

// keysAdded summarizes stmts, the body of the function of signature sig
// declared at cur, when each adds a key to the document that target
// matches (p[k] = v).
func (s *summaries) keysAdded(sig *types.Signature, cur inspector.Cursor, target func(ast.Expr) bool, stmts []ast.Stmt) *optionFact {
	info := s.c.pass.TypesInfo
	params := paramIndices(sig)
	if !paramsIntact(info, cur, params) || len(stmts) == 0 {
		return nil
	}
	ev := s.c.evaluatorAt(cur)
	f := &optionFact{}
	for _, st := range stmts {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return nil
		}
		ix, ok := ast.Unparen(as.Lhs[0]).(*ast.IndexExpr)
		if !ok {
			return nil
		}
		if !target(ix.X) {
			return nil
		}
		en := summaryEntry{Value: ev.summarize(as.Rhs[0], params)}
		if key, ok := ev.key(ix.Index); ok {
			en.Key = key
		} else if id, ok := ast.Unparen(ix.Index).(*ast.Ident); ok && isParam(info, id, params) && params[info.Uses[id].(*types.Var)] >= 0 {
			en.KeyParam = params[info.Uses[id].(*types.Var)] + 1 // the caller's key: Set(k, v)
		} else {
			return nil
		}
		f.Adds = append(f.Adds, en)
	}
	return f
}

// optionsParam returns the index of the variadic parameter of the
// function being read whose options are applied to d, when every
// function applied to d is a range variable over that parameter.
func (ev *evaluator) optionsParam(d *document) (int, bool) {
	if len(d.applied) == 0 || !d.restComplete || !ev.fn.Valid() {
		return 0, false
	}
	decl, ok := ev.fn.Node().(*ast.FuncDecl)
	if !ok {
		return 0, false
	}
	fn, ok := ev.info.Defs[decl.Name].(*types.Func)
	if !ok || !fn.Signature().Variadic() {
		return 0, false
	}
	last := fn.Signature().Params().Len() - 1
	variadic := fn.Signature().Params().At(last)
	for _, call := range d.applied {
		o, ok := ev.info.Uses[ast.Unparen(call.Fun).(*ast.Ident)].(*types.Var)
		if !ok {
			return 0, false
		}
		c, ok := ev.fn.FindByPos(o.Pos(), o.Pos()+token.Pos(len(o.Name())))
		if !ok || c.ParentEdgeKind() != edge.RangeStmt_Value {
			return 0, false
		}
		x, ok := ast.Unparen(c.Parent().Node().(*ast.RangeStmt).X).(*ast.Ident)
		if !ok || ev.info.Uses[x] != variadic {
			return 0, false
		}
	}
	return last, true
}

// addOptions adds to d the keys of the options passed as args, and makes
// it incomplete when one of them is not a call of a summarized option.
func (ev *evaluator) addOptions(d *document, args []ast.Expr) {
	for _, a := range args {
		call, ok := ast.Unparen(a).(*ast.CallExpr)
		var f *optionFact
		if ok && !call.Ellipsis.IsValid() && ev.sums != nil {
			if fn := calleeFunc(ev.info, call); fn != nil {
				f = ev.sums.option(fn)
			}
		}
		if f == nil || f.ofBuilder() {
			d.complete = false
			continue
		}
		ev.addEntries(d, f, call)
	}
}

// isObject returns a test of an expression that names obj.
func isObject(info *types.Info, obj types.Object) func(ast.Expr) bool {
	return func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == obj
	}
}
