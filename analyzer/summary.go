package analyzer

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/types"
	"maps"
	"slices"
	"strings"

	"github.com/mongocas/mongocas-lint/internal/flow"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// This file summarizes helper functions: a function that returns a filter
// or an update built from literals and its parameters (byID(id),
// casFilter(id, status)) is read once, into a summary with its parameters
// left as holes, and each call to it is read from the summary with the
// call's arguments in the holes. Summaries are object facts, so calls in
// other packages read them too: go vet and nogo analyze one package at a
// time.

// valueKind says what a summarized value is.
type valueKind int

const (
	opaqueValue valueKind = iota // computed in the helper: not readable
	paramValue                   // the argument Param of the call
	constValue                   // the string constant Const
	docValue                     // a document: Entries
	arrayValue                   // an array: Elems
	altValue                     // one of Elems, on different paths
)

// A summaryValue is a value built by a helper, in terms of its parameters.
// Its fields are exported for gob, which encodes facts.
type summaryValue struct {
	Kind     valueKind
	Param    int
	Const    string
	Entries  []summaryEntry
	Elems    []*summaryValue
	Complete bool // docValue, arrayValue: every entry or element is known
	// Options, for a docValue, is 1 + the index of a variadic parameter of
	// functional options applied to the document (NewFilter(opts...)):
	// each option of the call adds its keys. 0 for none.
	Options int
	// Field, for a paramValue, is a document field of the parameter, a
	// builder (see builders.go): the value is that field's document.
	Field string
	// Case, for one of several values, is the case of a type switch on
	// a parameter that gives it (see typecases.go); nil for any.
	Case *typeCase
}

// inCase returns v given only in the case tc.
func inCase(v *summaryValue, tc *typeCase) *summaryValue {
	if tc == nil {
		return v
	}
	c := *v
	c.Case = tc
	return &c
}

// A summaryEntry is one key of a summarized document.
type summaryEntry struct {
	Key   string
	Value *summaryValue
	// KeyParam is 1 + the index of the parameter that gives the key, for
	// an option that adds the key its caller names (Set(k, v)); 0 for Key.
	KeyParam int
}

func (e summaryEntry) keyString() string {
	if e.KeyParam > 0 {
		return fmt.Sprintf("$%d", e.KeyParam-1)
	}
	return e.Key
}

// helperFact is the fact of a helper function: the document it returns.
type helperFact struct {
	Result *summaryValue
	// Index is the result that holds the document, for a helper with
	// several results ((bson.M, error)); 0 for one.
	Index int
	// Changes: the helper adds keys to a document its caller passed
	// (p["k"] = v), which the caller then sees.
	Changes bool
	// Recv: the helper is a method of a builder whose document reads its
	// receiver, as one parameter more, after the others (see builders.go).
	Recv bool
	// Also holds the other documents of a helper that returns several
	// (filter, update := casDocs(id, v)), each with its result's index.
	Also []indexedValue
}

// An indexedValue is the summary of one result of a helper.
type indexedValue struct {
	Index  int
	Result *summaryValue
}

func (*helperFact) AFact() {}

func (f *helperFact) String() string {
	s := "helper " + f.Result.String()
	if f.Index > 0 || len(f.Also) > 0 {
		s = fmt.Sprintf("helper result %d %s", f.Index, f.Result)
	}
	for _, a := range f.Also {
		s += fmt.Sprintf(" result %d %s", a.Index, a.Result)
	}
	if f.Changes {
		s += " changes its parameters"
	}
	return s
}

// String renders a summary compactly, for facts in test expectations:
// {_id: $0, status: "new"}.
func (v *summaryValue) String() string {
	if v == nil {
		return "?"
	}
	if v.Case != nil {
		c := *v
		c.Case = nil
		return "[" + v.Case.String() + "] " + c.String()
	}
	switch v.Kind {
	case paramValue:
		if v.Field != "" {
			return fmt.Sprintf("$%d.%s", v.Param, v.Field)
		}
		if len(v.Entries) > 0 {
			var parts []string
			for _, e := range v.Entries {
				parts = append(parts, e.Key+": "+e.Value.String())
			}
			return fmt.Sprintf("$%d + {%s}", v.Param, strings.Join(parts, ", "))
		}
		return fmt.Sprintf("$%d", v.Param)
	case constValue:
		return fmt.Sprintf("%q", v.Const)
	case altValue:
		var parts []string
		for _, e := range v.Elems {
			parts = append(parts, e.String())
		}
		return "(" + strings.Join(parts, " | ") + ")"
	case docValue, arrayValue:
		var parts []string
		for _, e := range v.Entries {
			parts = append(parts, e.Key+": "+e.Value.String())
		}
		for _, e := range v.Elems {
			parts = append(parts, e.String())
		}
		if v.Options > 0 {
			parts = append(parts, fmt.Sprintf("options $%d...", v.Options-1))
		}
		if !v.Complete {
			parts = append(parts, "...")
		}
		if v.Kind == arrayValue {
			return "[" + strings.Join(parts, ", ") + "]"
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return "?"
}

// maxParam returns the largest parameter index that v uses, or -1.
func (v *summaryValue) maxParam() int {
	if v == nil {
		return -1
	}
	m := -1
	if v.Kind == paramValue {
		m = v.Param
	}
	for _, e := range v.Entries {
		m = max(m, e.Value.maxParam())
	}
	for _, e := range v.Elems {
		m = max(m, e.maxParam())
	}
	return m
}

// A summarized expression stands for a value read from a summary at a
// call site: v with the call's arguments in its holes. It is an ast.Expr
// so that it can sit in a document entry like any value written in the
// caller; it has no type information, so only the evaluator reads it, and
// no fix ever edits it (fixes edit literals of the caller only).
type summarized struct {
	ast.BadExpr // spans the call
	v           *summaryValue
	args        []ast.Expr
}

// summarize turns a value of the helper being summarized into a summary.
// params maps the helper's parameters to their indices.
func (ev *evaluator) summarize(e ast.Expr, params map[*types.Var]int) *summaryValue {
	if ev.depth > maxDepth || e == nil {
		return &summaryValue{}
	}
	ev.depth++
	defer func() { ev.depth-- }()

	e = ast.Unparen(e)
	if s, ok := e.(*summarized); ok && s.v.Kind == paramValue && len(s.v.Entries) == 0 {
		if s.v.Field != "" {
			return ev.summarizeField(ev.summarize(s.arg(s.v.Param), params), s.v.Field)
		}
		return ev.summarize(s.arg(s.v.Param), params) // a helper calling a helper
	}
	if sel, ok := e.(*ast.SelectorExpr); ok {
		// p.filter, a document field of a builder parameter.
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && isParam(ev.info, id, params) {
			if f, ok := ev.info.Uses[sel.Sel].(*types.Var); ok && f.IsField() && docField(typeOf(ev.info, id), f.Name()) == f && ev.isBuilder(typeOf(ev.info, id)) {
				if i := params[ev.info.Uses[id].(*types.Var)]; i >= 0 && ev.unchangedParam(id) {
					return &summaryValue{Kind: paramValue, Param: i, Field: f.Name()}
				}
				return &summaryValue{}
			}
		}
	}
	if ev.isBuilder(typeOf(ev.info, e)) {
		if id, isIdent := e.(*ast.Ident); !isIdent || !isParamObject(ev.info, id, params) {
			// A builder made here: its field document.
			if d := ev.builderDoc(e); d != nil {
				sv := &summaryValue{Kind: docValue, Complete: d.complete}
				for _, en := range d.entries {
					sv.Entries = append(sv.Entries, summaryEntry{Key: en.key, Value: ev.summarize(en.value, params)})
				}
				return sv
			}
			return &summaryValue{}
		}
	}
	if m, ok := e.(*merged); ok {
		return ev.summarizeAlts(m.alts, params)
	}
	if call, ok := e.(*ast.CallExpr); ok {
		if s := ev.helperCall(call); s != nil && s.v.Kind == paramValue && len(s.v.Entries) > 0 {
			return ev.summarizeExtendedCall(s, params)
		}
	}
	if call, ok := e.(*ast.CallExpr); ok {
		if v, ok := ev.summarizeAppend(call, params); ok {
			return v // append(filter, bson.E{...})
		}
	}
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 && isConversion(ev.info, call) &&
		isDocumentType(typeOf(ev.info, call)) && isDocumentType(typeOf(ev.info, call.Args[0])) {
		// bson.M(filter): the same map or slice, under another type.
		return ev.summarize(call.Args[0], params)
	}
	var local *ast.Ident // a local variable, read from its values when not as a document
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := ev.info.ObjectOf(id).(*types.Var); ok {
			if i, ok := ev.impliedParam(v, params); ok {
				return &summaryValue{Kind: paramValue, Param: i} // v of switch v := doc.(type)
			}
			if i, ok := params[v]; ok {
				if i < 0 {
					return &summaryValue{} // its fields change in the helper
				}
				if ev.info.Defs[id] != nil || ev.flow == nil {
					return &summaryValue{Kind: paramValue, Param: i}
				}
				return ev.summarizeVar(id, params)
			}
			local = id
			if ev.copiesParam(id, params) {
				return ev.summarizeVar(id, params)
			}
		}
	}
	if s, ok := ev.stringConst(e); ok {
		return &summaryValue{Kind: constValue, Const: s}
	}
	if d := ev.doc(e); d != nil {
		sv := &summaryValue{Kind: docValue, Complete: d.complete}
		for _, en := range d.entries {
			sv.Entries = append(sv.Entries, summaryEntry{Key: en.key, Value: ev.summarize(en.value, params)})
		}
		if i, ok := ev.optionsParam(d); ok {
			sv.Complete, sv.Options = true, i+1
		}
		return sv
	}
	if elems, ok := ev.array(e); ok {
		sv := &summaryValue{Kind: arrayValue, Complete: true}
		for _, el := range elems {
			sv.Elems = append(sv.Elems, ev.summarize(el, params))
		}
		return sv
	}
	if local != nil && ev.flow != nil {
		return ev.summarizeVar(local, params) // f := filter; f["k"] = v
	}
	return &summaryValue{}
}

// unchangedParam reports whether the parameter used at id holds there
// what the caller passed, with nothing added to it (f.Eq(k, v) before the
// use would add to the caller's builder).
func (ev *evaluator) unchangedParam(id *ast.Ident) bool {
	if ev.flow == nil {
		return false
	}
	vals, complete := ev.flow.ValuesAt(id)
	if !complete || len(vals) != 1 || len(vals[0].Steps) > 0 {
		return false
	}
	init, ok := vals[0].Init.(*ast.Ident)
	return ok && ev.info.Defs[init] == ev.info.Uses[id]
}

// summarizeField returns the summary of the document field named field
// of the builder that base summarizes.
func (ev *evaluator) summarizeField(base *summaryValue, field string) *summaryValue {
	switch {
	case base.Kind == paramValue && base.Field == "" && len(base.Entries) == 0:
		return &summaryValue{Kind: paramValue, Param: base.Param, Field: field}
	case base.Kind == docValue:
		for _, e := range base.Entries {
			if e.Key == field {
				return e.Value
			}
		}
	}
	return &summaryValue{}
}

// summarizeVar summarizes the variable used at id from the values that
// reach the use: for a parameter, the caller's argument or what the
// function assigned to it since (update = bson.M{"$set": update};
// if filter == nil { filter = bson.D{} }), with the keys added to it
// (filter["deleted"] = false).
func (ev *evaluator) summarizeVar(id *ast.Ident, params map[*types.Var]int) *summaryValue {
	if v, ok := ev.summarized[id]; ok {
		if v == nil {
			return &summaryValue{} // in progress: a variable built from itself
		}
		return v
	}
	if ev.summarized == nil {
		ev.summarized = make(map[*ast.Ident]*summaryValue)
	}
	ev.summarized[id] = nil
	v := ev.summarizeValues(id, params)
	ev.summarized[id] = v
	return v
}

func (ev *evaluator) summarizeValues(id *ast.Ident, params map[*types.Var]int) *summaryValue {
	vals, _ := ev.flow.PathsAt(id)
	if len(vals) == 0 {
		return &summaryValue{}
	}
	vals = ev.withoutSkippedCopies(vals)
	var sums []*summaryValue
	for _, val := range vals {
		tc := ev.caseAt(params, valuePositions(val)...)
		switch {
		case val.Opaque && tc == nil:
			return &summaryValue{} // not followed, whatever the argument
		case val.Opaque:
			sums = append(sums, inCase(&summaryValue{}, tc))
		case len(val.Steps) > 0:
			sums = append(sums, inCase(ev.summarizeExtended(val, params), tc))
		case val.Init != nil && !isNil(ev.info, val.Init):
			sums = append(sums, inCase(ev.summarize(val.Init, params), tc))
		}
	}
	return oneOf(sums)
}

// copiesParam reports whether a value of the local variable used at id
// copies a parameter in (for k, v := range filter { f[k] = v }): it is
// summarized as that parameter, extended.
func (ev *evaluator) copiesParam(id *ast.Ident, params map[*types.Var]int) bool {
	if ev.flow == nil || len(params) == 0 {
		return false
	}
	vals, _ := ev.flow.PathsAt(id)
	for _, val := range vals {
		for _, st := range val.Steps {
			src, ok := ev.copySource(st)
			if !ok {
				continue
			}
			if root, ok := rootIdent(src); ok {
				v, _ := ev.info.Uses[root].(*types.Var)
				if _, isParam := params[v]; isParam && v != nil {
					return true
				}
				if _, implied := ev.impliedParam(v, params); implied {
					return true
				}
			}
		}
	}
	return false
}

// summarizeExtendedCall summarizes a call of a helper that adds keys to
// its argument, when the argument is a parameter here: this parameter,
// with the helper's keys.
func (ev *evaluator) summarizeExtendedCall(s *summarized, params map[*types.Var]int) *summaryValue {
	base := ev.summarize(s.arg(s.v.Param), params)
	if base.Kind != paramValue {
		return &summaryValue{}
	}
	v := &summaryValue{Kind: paramValue, Param: base.Param, Complete: true, Entries: slices.Clip(base.Entries)}
	for _, e := range s.v.Entries {
		v.Entries = append(v.Entries, summaryEntry{Key: e.Key, Value: ev.summarize(instantiate(e.Value, s.args, s), params)})
	}
	return v
}

// summarizeExtended summarizes a parameter to which the function adds keys
// (filter["deleted"] = false, filter = append(filter, bson.E{...})): the
// caller's document with Entries added. Anything else is opaque.
func (ev *evaluator) summarizeExtended(val flow.Value, params map[*types.Var]int) *summaryValue {
	base := &summaryValue{Kind: docValue, Complete: true} // the zero value: empty
	if val.Init != nil && !isNil(ev.info, val.Init) {
		base = ev.summarize(val.Init, params)
	}
	added := &document{complete: true}
	var copied []summaryEntry // entries of documents copied in, summarized
	for _, st := range val.Steps {
		if src, ok := ev.copySource(st); ok {
			// A copy of a parameter into a new document (or a parameter
			// extended by a copy of a document).
			from := ev.summarize(src, params)
			switch {
			case from.Kind == paramValue && from.Field == "" && base.Kind == docValue && base.Complete:
				copied = append(copied, base.Entries...)
				base = &summaryValue{Kind: paramValue, Param: from.Param, Entries: from.Entries}
			case from.Kind == docValue && from.Complete:
				copied = append(copied, from.Entries...)
			default:
				return &summaryValue{}
			}
			continue
		}
		switch {
		case st.Apply != nil, st.In != nil:
			return &summaryValue{}
		case st.Key != nil:
			key, ok := ev.key(st.Key)
			if !ok {
				return &summaryValue{}
			}
			added.entries = append(added.entries, entry{key: key, value: stepValue(st.Elems[0])})
		default:
			for _, elt := range st.Elems {
				if !ev.addElem(added, elt, false) {
					return &summaryValue{}
				}
			}
		}
	}
	if base.Kind != paramValue {
		return &summaryValue{}
	}
	v := &summaryValue{Kind: paramValue, Param: base.Param, Complete: true, Entries: append(slices.Clip(base.Entries), copied...)}
	for _, en := range added.entries {
		v.Entries = append(v.Entries, summaryEntry{Key: en.key, Value: ev.summarize(en.value, params)})
	}
	return v
}

// summarizeAlts summarizes a value that is one of alts: the one summary
// they share, or an altValue of their distinct summaries.
func (ev *evaluator) summarizeAlts(alts []ast.Expr, params map[*types.Var]int) *summaryValue {
	sums := make([]*summaryValue, 0, len(alts))
	for _, a := range alts {
		sums = append(sums, ev.summarize(a, params))
	}
	return oneOf(sums)
}

// oneOf returns a value that is one of sums: the one they share, an
// altValue of the distinct ones, or opaque for none.
func oneOf(sums []*summaryValue) *summaryValue {
	var distinct []*summaryValue
	seen := make(map[string]bool)
	var flat []*summaryValue
	for _, v := range sums {
		if v.Kind == altValue && v.Case == nil {
			flat = append(flat, v.Elems...) // one of one of several
		} else {
			flat = append(flat, v)
		}
	}
	for _, v := range flat {
		if key := v.String(); !seen[key] {
			seen[key] = true
			distinct = append(distinct, v)
		}
	}
	switch len(distinct) {
	case 0:
		return &summaryValue{}
	case 1:
		return distinct[0]
	}
	return &summaryValue{Kind: altValue, Elems: distinct}
}

// arg returns the argument for parameter i, or nil when the call has none
// (a variadic helper called with fewer arguments).
func (s *summarized) arg(i int) ast.Expr {
	if i < 0 || i >= len(s.args) {
		return nil
	}
	return s.args[i]
}

// instantiate returns the expression that stands for v at a call with
// args: the argument itself for a parameter, else a summarized expression.
func instantiate(v *summaryValue, args []ast.Expr, at ast.Node) ast.Expr {
	s := &summarized{v: v, args: args}
	s.From, s.To = at.Pos(), at.End()
	if v.Kind == paramValue && len(v.Entries) == 0 && v.Field == "" && v.Case == nil {
		if a := s.arg(v.Param); a != nil {
			return a
		}
	}
	return s
}

// alternatives returns, for an altValue, the expression that stands for
// it at the call: a merged expression of its alternatives.
func (ev *evaluator) alternatives(s *summarized) *merged {
	m := &merged{BadExpr: s.BadExpr}
	for _, e := range s.v.Elems {
		if ev.caseLive(e.Case, s.args) {
			m.alts = append(m.alts, instantiate(e, s.args, s))
		}
	}
	return m
}

// summarizedDoc reads a summarized value as a document.
func (ev *evaluator) summarizedDoc(s *summarized) *document {
	if !ev.caseLive(s.v.Case, s.args) {
		return nil // a case the argument does not take: no value
	}
	switch s.v.Kind {
	case altValue:
		return ev.mergedDoc(ev.alternatives(s))
	case paramValue:
		var d *document
		if s.v.Field != "" {
			d = ev.builderField(s.arg(s.v.Param), s.v.Field)
		} else {
			d = ev.doc(s.arg(s.v.Param))
		}
		if d == nil || len(s.v.Entries) == 0 {
			return d
		}
		// The caller's document, with the keys the function adds.
		ext := &document{entries: slices.Clip(d.entries), complete: d.complete}
		for _, e := range s.v.Entries {
			ext.entries = append(ext.entries, entry{key: e.Key, value: instantiate(e.Value, s.args, s)})
		}
		return ext
	case docValue:
		d := &document{complete: s.v.Complete}
		for _, e := range s.v.Entries {
			d.entries = append(d.entries, entry{key: e.Key, value: instantiate(e.Value, s.args, s)})
		}
		if s.v.Options > 0 {
			ev.addOptions(d, s.args[min(s.v.Options-1, len(s.args)):])
		}
		return d
	}
	return nil
}

// summarizedArray reads a summarized value as an array.
func (ev *evaluator) summarizedArray(s *summarized) ([]ast.Expr, bool) {
	if !ev.caseLive(s.v.Case, s.args) {
		return nil, false
	}
	switch s.v.Kind {
	case altValue:
		return ev.mergedArray(ev.alternatives(s))
	case paramValue:
		if s.v.Field != "" {
			return nil, false
		}
		return ev.array(s.arg(s.v.Param))
	case arrayValue:
		var elems []ast.Expr
		for _, e := range s.v.Elems {
			elems = append(elems, instantiate(e, s.args, s))
		}
		return elems, s.v.Complete
	}
	return nil, false
}

// summarizedConst reads a summarized value as a string constant.
func (ev *evaluator) summarizedConst(s *summarized) (string, bool) {
	if !ev.caseLive(s.v.Case, s.args) {
		return "", false
	}
	switch s.v.Kind {
	case altValue:
		return ev.mergedConst(ev.alternatives(s))
	case paramValue:
		if s.v.Field != "" {
			return "", false
		}
		return ev.stringConst(s.arg(s.v.Param))
	case constValue:
		return s.v.Const, true
	}
	return "", false
}

// helperCall reads a call of a summarized helper that returns one value.
func (ev *evaluator) helperCall(call *ast.CallExpr) *summarized {
	return ev.helperResult(call, -1)
}

// helperResult reads result number index of a call of a summarized
// helper (f, err := helper(x)); index -1 is the one result of a helper
// that returns one.
func (ev *evaluator) helperResult(call *ast.CallExpr, index int) *summarized {
	if ev.sums == nil || call.Ellipsis.IsValid() {
		return nil
	}
	fn := calleeFunc(ev.info, call)
	if fn == nil {
		return nil
	}
	f := ev.sums.helper(fn)
	if f == nil || (index < 0) != (fn.Signature().Results().Len() == 1) {
		return nil
	}
	v := f.Result
	if index >= 0 && f.Index != index {
		i := slices.IndexFunc(f.Also, func(a indexedValue) bool { return a.Index == index })
		if i < 0 {
			return nil
		}
		v = f.Also[i].Result
	}
	args := call.Args
	if f.Recv {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || fn.Signature().Variadic() || len(args) != fn.Signature().Params().Len() {
			return nil
		}
		args = append(slices.Clip(args), sel.X) // the receiver, after the parameters
	}
	s := &summarized{v: v, args: args}
	s.From, s.To = call.Pos(), call.End()
	return s
}

// summaries finds and keeps the summaries of one pass: it summarizes the
// functions of the package on first use and exports their facts, and
// imports those of other packages.
type summaries struct {
	c        *checker
	decls    map[*types.Func]inspector.Cursor // function declarations of the package
	helpers  map[*types.Func]*helperFact      // nil value: not a helper, or in progress
	wrappers map[*types.Func]*wrapperFact     // likewise
	options  map[*types.Func]*optionFact      // likewise
	readers  map[*types.Func]*readerFact      // likewise
	builders map[*types.Func]*builderFact     // likewise
	// readOnlys: functions that only read the documents they are handed
	// (readonly.go); likewise.
	readOnlys     map[*types.Func]*readOnlyFact
	readOnlyReady bool // see readOnly
	// converters: functions that map one struct to another (converters.go);
	// likewise.
	converters map[*types.Func]*converterFact
	joiners    map[*types.Func]*keyJoinerFact // joiners.go; likewise
	// sessionWrites: the facts of other packages' functions whose write
	// runs in their caller's session (sessioncalls.go).
	sessionWrites map[*types.Func]*sessionWriteFact
	// txnHelpers are the functions that a transaction's callback calls
	// with its session context; see inTxnHelper.
	txnHelpers map[*types.Func]bool
	// requestSessions: the package, or one it imports, puts sessions
	// into HTTP requests (requestsessions.go).
	requestSessions bool
	// txnRunners: see findTxnRunners.
	txnRunners *txnRunners
	// importedRunners: another package exported a txnRunnerFact, so a
	// call that passes a function may run it in a transaction.
	importedRunners bool
	// noTxn: findTxnHelpers found no call that begins a transaction
	// (WithTransaction, StartTransaction, another package's runner) in
	// the package, so no write of it runs in one that it begins.
	noTxn bool
	// done is set once every declaration is summarized: from then on the
	// summaries are read-only, and declarations are checked in parallel.
	done bool
	// noWrappers: done, and no function of the package or fact of another
	// is a wrapper, so that no call needs its callee looked up for one.
	noWrappers bool
	impls      implementations // see soleImplementation
	keys       *packageKeys    // see varKey and tagReader
	root       inspector.Cursor
}

// finish marks the summaries complete; see done.
func (s *summaries) finish() {
	s.done = true
	s.noWrappers = true
	for _, f := range s.wrappers {
		if f != nil {
			s.noWrappers = false
		}
	}
}

func newSummaries(c *checker, in *inspector.Inspector) *summaries {
	s := &summaries{c: c, decls: make(map[*types.Func]inspector.Cursor), helpers: make(map[*types.Func]*helperFact),
		wrappers: make(map[*types.Func]*wrapperFact), options: make(map[*types.Func]*optionFact),
		readers: make(map[*types.Func]*readerFact), builders: make(map[*types.Func]*builderFact),
		readOnlys: make(map[*types.Func]*readOnlyFact), converters: make(map[*types.Func]*converterFact),
		joiners: make(map[*types.Func]*keyJoinerFact), sessionWrites: make(map[*types.Func]*sessionWriteFact), keys: newPackageKeys(), root: in.Root()}
	for cur := range in.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		if fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func); ok && decl.Body != nil {
			s.decls[fn] = cur
		}
	}
	// The facts of other packages, read once here rather than at each
	// call of one of their functions.
	for _, f := range c.pass.AllObjectFacts() {
		if k, ok := f.Fact.(*keyFact); ok {
			if v, ok := f.Object.(*types.Var); ok && v.Pkg() != c.pass.Pkg {
				s.keys.keys[v] = k
			}
			continue
		}
		fn, ok := f.Object.(*types.Func)
		if !ok || fn.Pkg() == c.pass.Pkg {
			continue
		}
		switch fact := f.Fact.(type) {
		case *tagReaderFact:
			s.keys.readers[fn] = fact
		case *helperFact:
			s.helpers[fn] = fact
		case *wrapperFact:
			s.wrappers[fn] = fact
		case *optionFact:
			s.options[fn] = fact
		case *readerFact:
			s.readers[fn] = fact
		case *builderFact:
			s.builders[fn] = fact
		case *readOnlyFact:
			s.readOnlys[fn] = fact
		case *converterFact:
			s.converters[fn] = fact
		case *keyJoinerFact:
			s.joiners[fn] = fact
		case *sessionWriteFact:
			s.sessionWrites[fn] = fact
		case *txnRunnerFact:
			s.importedRunners = true
		}
	}
	return s
}

// exportAll summarizes every function of the package, so that packages
// that import it can read the summaries.
func (s *summaries) exportAll() {
	// In source order: a summary asked for while another is being made
	// reads it as unknown, so the order must not change between runs.
	fns := slices.SortedFunc(maps.Keys(s.decls), func(a, b *types.Func) int { return cmp.Compare(a.Pos(), b.Pos()) })
	for _, fn := range fns {
		s.helper(fn)
		s.wrapper(fn)
		s.option(fn)
		s.reader(fn)
		s.builder(fn)
		s.tagReader(fn)
		s.converter(fn)
		s.keyJoiner(fn)
	}
	s.readOnlyReady = true
	for _, fn := range fns {
		s.readOnly(fn)
	}
	for _, in := range s.c.pass.TypesInfo.InitOrder {
		if len(in.Lhs) == 1 {
			s.varKey(in.Lhs[0])
		}
	}
}

// helper returns the summary of fn, or nil when fn is not a helper.
func (s *summaries) helper(fn *types.Func) *helperFact {
	return summaryOf(s, s.helpers, fn, s.summarizeHelper)
}

// summaryOf returns the fact of fn: imported (see newSummaries) when fn
// belongs to another package, else computed once by summarize, and exported when other
// packages can call fn. memo holds nil while fn is being summarized, so a
// recursive function gets no summary.
func summaryOf[T any, F interface {
	*T
	analysis.Fact
}](s *summaries, memo map[*types.Func]F, fn *types.Func, summarize func(*types.Func, inspector.Cursor) F) F {
	fn = fn.Origin()
	if f, done := memo[fn]; done || s.done || fn.Pkg() != s.c.pass.Pkg {
		return f // imported facts are in memo from the start
	}
	memo[fn] = nil
	cur, ok := s.decls[fn]
	if !ok {
		return nil
	}
	f := summarize(fn, cur)
	memo[fn] = f
	if f != nil && fn.Exported() {
		s.c.pass.ExportObjectFact(fn, f) // only other packages need it
	}
	return f
}

// summarizeHelper summarizes fn, declared at cur, if it returns a document
// and never assigns to its parameters. A helper with several returns
// gives one of the documents they return: a nil return is left out, as
// no caller writes with it. A helper with several results is summarized
// when one of them only is a document ((bson.M, error)).
func (s *summaries) summarizeHelper(fn *types.Func, cur inspector.Cursor) *helperFact {
	sig := fn.Signature()
	if sig.TypeParams().Len() > 0 || sig.RecvTypeParams().Len() > 0 {
		return nil
	}
	var docs []int // the results that are documents
	for i := range sig.Results().Len() {
		if isDocumentType(sig.Results().At(i).Type()) {
			docs = append(docs, i)
		}
	}
	if len(docs) == 0 {
		return nil
	}
	index := docs[0]
	info := s.c.pass.TypesInfo
	params := paramIndices(sig)
	recvIndex := -1
	if recv := sig.Recv(); recv != nil && builderFields(recv.Type()) != nil && !sig.Variadic() {
		if names := cur.Node().(*ast.FuncDecl).Recv.List[0].Names; len(names) == 1 {
			if rv, ok := info.Defs[names[0]].(*types.Var); ok {
				recvIndex = sig.Params().Len() // a builder's getter reads its receiver
				params[rv] = recvIndex
			}
		}
	}
	fieldsChange := fieldWrites(info, cur, params)
	if !paramsIntact(info, cur, params) {
		return nil
	}
	var results []ast.Expr
	var docsRet *ast.ReturnStmt // for several documents, the one return that gives them
	for n := range cur.Preorder((*ast.ReturnStmt)(nil)) {
		if enclosingFunc(n).Node() != cur.Node() {
			continue // a closure's return
		}
		ret := n.Node().(*ast.ReturnStmt)
		if len(ret.Results) != sig.Results().Len() {
			return nil // named results, or another call's results: not followed
		}
		if len(docs) > 1 {
			if !slices.ContainsFunc(docs, func(i int) bool { return !isNil(info, ret.Results[i]) }) {
				continue // an error's return
			}
			if docsRet != nil {
				// Two returns of documents: which filter goes with which
				// update is not kept, so neither is read.
				return nil
			}
			docsRet = ret
		}
		if !isNil(info, ret.Results[index]) {
			results = append(results, ret.Results[index])
		}
	}
	if len(results) == 0 {
		return nil
	}
	ev := s.c.evaluatorAt(cur)
	var also []indexedValue
	for _, i := range docs[1:] {
		r := docsRet.Results[i]
		if isNil(info, r) {
			return nil
		}
		also = append(also, indexedValue{Index: i, Result: ev.summarize(r, params)})
	}
	sums := make([]*summaryValue, 0, len(results))
	for _, r := range results {
		sums = append(sums, inCase(ev.summarize(r, params), ev.caseAt(params, r.Pos())))
	}
	v := oneOf(sums)
	if !v.isDocument() {
		return nil
	}
	recvRead := v.maxParam() >= recvIndex
	for _, a := range also {
		recvRead = recvRead || a.Result.maxParam() >= recvIndex
	}
	return &helperFact{Result: v, Index: index, Changes: fieldsChange || changesParams(info, cur, params),
		Recv: recvIndex >= 0 && recvRead, Also: also}
}

// isDocument reports whether v is a document, an array or a parameter, or
// one of several values of which one at least is.
func (v *summaryValue) isDocument() bool {
	switch v.Kind {
	case docValue, arrayValue, paramValue:
		return true
	case altValue:
		for _, e := range v.Elems {
			if e.isDocument() {
				return true
			}
		}
	}
	return false
}

// isDocumentType reports whether t holds a filter, an update or a
// pipeline: a document, or an array of documents.
func isDocumentType(t types.Type) bool {
	if t == nil {
		return false // an expression the type checker gave no type (bad code)
	}
	switch kindOf(t) {
	case mapDoc, orderedDoc:
		return true
	case arrayDoc:
		if n := namedOf(t); n != nil && isBSONPkg(n.Obj().Pkg()) {
			return true // bson.A
		}
		if s, ok := t.Underlying().(*types.Slice); ok {
			k := kindOf(s.Elem())
			return k == mapDoc || k == orderedDoc
		}
	}
	return false
}

// paramIndices maps the parameters of sig to their indices. A variadic
// parameter is left out: its arguments are not one expression.
func paramIndices(sig *types.Signature) map[*types.Var]int {
	params := make(map[*types.Var]int)
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Variadic() && i == sig.Params().Len()-1 {
			break
		}
		params[sig.Params().At(i)] = i
	}
	return params
}

// isParamObject reports whether id declares or uses one of params.
func isParamObject(info *types.Info, id *ast.Ident, params map[*types.Var]int) bool {
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok {
		return false
	}
	_, ok = params[v]
	return ok
}

func isParam(info *types.Info, id *ast.Ident, params map[*types.Var]int) bool {
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	_, ok = params[v]
	return ok
}

// rootIdent returns the variable at the root of x, x.f, x[i], *x.
func rootIdent(e ast.Expr) (*ast.Ident, bool) {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x, true
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.TypeAssertExpr:
			e = x.X // m["$set"].(bson.M)["k"] = v changes m
		default:
			return nil, false
		}
	}
}
