package analyzer

import (
	_ "embed"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/mongocas/mongocas-lint/internal/flow"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

//go:embed doc.go
var docSource string

// Name is the analyzer's name, and the name of the golangci-lint plugin.
const Name = "mongocas"

// DocURL is where the rules are documented; each rule has its anchor.
const DocURL = "https://github.com/mongocas/mongocas-lint#readme"

// Rule names: the Category of each diagnostic and the anchor of the rule
// in the README.
const (
	RuleUnguardedUpdate      = "unguarded-update"
	RuleUncheckedResult      = "unchecked-result"
	RuleRemovedOperator      = "removed-operator"
	RuleDeadNoDocumentsCheck = "dead-no-documents-check"
	RuleStaleWriteBack       = "stale-write-back"
	RuleInsertIfAbsent       = "insert-if-absent"
	RuleCheckThenAct         = "check-then-act"
	ruleDirective            = "ignore-directive" // malformed //mongocas:ignore
)

// Config configures an analyzer built by New.
type Config struct {
	// Rules are the enabled rules; nil enables every rule.
	Rules []string
	// VersionFields are the bson keys of version counters, used by the
	// fix that adds a version guard.
	VersionFields []string
	// IgnoreFields are bson keys whose unguarded $set is intended to be
	// last-write-wins (updatedAt, lastSeenAt): unguarded-update does not
	// count them as written.
	IgnoreFields []string
	// BlindWrites makes unguarded-update report writes that show no
	// evidence of a read-modify-write or a state transition. Turning it off
	// keeps the findings most likely to be bugs, for a first adoption.
	BlindWrites bool

	// strict makes a panic in a rule crash the pass instead of being
	// contained; tests set it so that a bug cannot hide.
	strict bool
	// onWrite, when set, is called with each write before the rules see
	// it; tests use it to force an unexpected shape.
	onWrite func(ast.Node)
}

// DefaultConfig returns the configuration used by Analyzer.
func DefaultConfig() Config {
	return Config{
		Rules:         defaultRules(),
		VersionFields: []string{"version", "_version", "__v", "rev", "_rev"},
		BlindWrites:   true,
	}
}

// Validate reports the first setting that is not valid.
func (c Config) Validate() error {
	for _, r := range c.Rules {
		if !slices.Contains(AllRules(), r) {
			return fmt.Errorf("unknown rule %q (known rules: %s)", r, strings.Join(AllRules(), ", "))
		}
	}
	for _, f := range c.VersionFields {
		if f == "" || strings.HasPrefix(f, "$") {
			return fmt.Errorf("invalid version field %q: want a field name", f)
		}
	}
	for _, f := range c.IgnoreFields {
		if f == "" || strings.HasPrefix(f, "$") {
			return fmt.Errorf("invalid ignored field %q: want a field name or a dotted path", f)
		}
	}
	return nil
}

// Analyzer is the analyzer with the default configuration, for go vet,
// nogo and the mongocas-lint command.
var Analyzer = New(DefaultConfig())

// New returns a new analyzer with its own copy of cfg; its flags change
// that copy only. New panics if cfg is not valid (see Config.Validate).
func New(cfg Config) *analysis.Analyzer {
	if err := cfg.Validate(); err != nil {
		panic("mongocas: " + err.Error())
	}
	c := &cfg // cfg is New's own copy; its lists are cloned below
	c.Rules, c.VersionFields, c.IgnoreFields = slices.Clone(c.Rules), slices.Clone(c.VersionFields), slices.Clone(c.IgnoreFields)
	if c.Rules == nil {
		c.Rules = defaultRules()
	}
	a := &analysis.Analyzer{
		Name:      Name,
		Doc:       extractDoc(docSource),
		URL:       DocURL,
		Requires:  []*analysis.Analyzer{inspect.Analyzer},
		FactTypes: []analysis.Fact{new(helperFact), new(wrapperFact), new(optionFact), new(readerFact), new(keyFact), new(tagReaderFact), new(builderFact), new(txnRunnerFact), new(readOnlyFact), new(converterFact), new(keyJoinerFact), new(sessionWriteFact), new(requestSessionFact)},
		// Run on packages with type errors too: with facts, a package left
		// out would leave out every package that imports it. The analyzer
		// is silent wherever type information is missing.
		RunDespiteErrors: true,
		Run:              func(pass *analysis.Pass) (any, error) { return run(pass, c) },
	}
	a.Flags.Var(&listFlag{list: &c.Rules, check: func(v []string) error {
		return Config{Rules: v}.Validate()
	}}, "rules", "comma-separated list of rules to run: "+strings.Join(AllRules(), ","))
	a.Flags.Var(&listFlag{list: &c.VersionFields, check: func(v []string) error {
		return Config{VersionFields: v}.Validate()
	}}, "version-fields", "comma-separated bson keys of version counters, used by the version-guard fix")
	a.Flags.Var(&listFlag{list: &c.IgnoreFields, check: func(v []string) error {
		return Config{IgnoreFields: v}.Validate()
	}}, "ignore-fields", "comma-separated bson keys whose unguarded $set is intended (last write wins), e.g. updatedAt")
	a.Flags.BoolVar(&c.BlindWrites, "blind-writes", c.BlindWrites,
		"report unguarded writes that show no read-modify-write or state transition; false keeps only those")
	return a
}

// listFlag is a comma-separated list flag.
type listFlag struct {
	list  *[]string
	check func([]string) error
}

var _ flag.Value = (*listFlag)(nil)

func (f *listFlag) String() string {
	if f == nil || f.list == nil {
		return ""
	}
	return strings.Join(*f.list, ",")
}

func (f *listFlag) Set(s string) error {
	var v []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			v = append(v, item)
		}
	}
	if err := f.check(v); err != nil {
		return err
	}
	*f.list = v
	return nil
}

// extractDoc returns the text of doc.go's package comment after its
// "# Analyzer mongocas" heading.
func extractDoc(src string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic("mongocas: doc.go has no package comment")
	}
	text := f.Doc.Text()
	const heading = "# Analyzer " + Name + "\n"
	if i := strings.Index(text, heading); i >= 0 {
		text = text[i+len(heading):]
	}
	return strings.TrimSpace(text)
}

// A checker holds the state of one pass over one top-level declaration
// (see run); the summaries and the directives are shared, read-only.
type checker struct {
	pass    *analysis.Pass
	cfg     *Config
	ignores ignores
	sums    *summaries
	funcs   map[ast.Node]*evaluator                // by outermost function
	txns    map[ast.Node]map[*types.Var][]txnEvent // by function; see txnEvents
	// fixNames are the names that fixes declare, by scope; see freshName.
	fixNames map[*types.Scope]map[string]bool
	// resultNames are the names given to a discarded *UpdateResult, by
	// call, so that two fixes binding the same result agree; see resultName.
	resultNames map[*ast.CallExpr]string
	found       []analysis.Diagnostic // in the order found
	spareConds  []heldCond            // see conditionsAt
	deferred    []deferredWrite       // see deferToCallers
	// wc is the write being checked (see checkWrite), and spareDocs a
	// cleared map of documents for the next function's evaluator: a
	// checker checks one declaration after another, and reusing them
	// spares the collector a few megabytes on a large package.
	wc        writeCheck
	spareDocs map[ast.Expr]*document
	scratch   flow.Scratch // the flow's index of names, likewise
	arena     docArena     // the documents of literals, likewise

	// writeRules and nodeRules are the enabled rules; see enabledRules.
	writeRules, nodeRules []*rule
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	if IsDriverPath(pass.Pkg.Path()) {
		return nil, nil
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	if !importsDriver(pass.Pkg) {
		// Nothing to report, and no helper or wrapper to summarize; a
		// utility package may still read bson tags, or name keys, for
		// other packages.
		exportTagReaders(pass, in)
		exportKeyJoiners(pass, in, exportKeyVars(pass, in))
		return nil, nil
	}
	c := &checker{pass: pass, cfg: cfg, ignores: readIgnores(pass)}
	c.writeRules, c.nodeRules = enabledRules(cfg)
	c.clear()
	c.sums = newSummaries(c, in)
	c.contain(c.sums.exportAll) // a shape not expected leaves the rest unsummarized
	c.sums.finish()
	c.contain(func() { c.sums.txnHelpers = c.findTxnHelpers(in) })
	c.contain(func() { c.sums.requestSessions = c.findRequestSessions(in) })

	// Top-level declarations are independent of each other once the
	// summaries are made: check them in parallel, each with its own state,
	// and report in source order.
	var decls []inspector.Cursor
	for file := range in.Root().Children() {
		for decl := range file.Children() {
			if _, ok := decl.Node().(ast.Decl); ok {
				decls = append(decls, decl)
			}
		}
	}
	found := make([][]analysis.Diagnostic, len(decls))
	deferred := make([][]deferredWrite, len(decls))
	workers := make([]*checker, runtime.GOMAXPROCS(0))
	parallel(len(decls), func(worker, i int) {
		dc := workers[worker]
		if dc == nil {
			dc = &checker{pass: pass, cfg: cfg, ignores: c.ignores, sums: c.sums, writeRules: c.writeRules, nodeRules: c.nodeRules}
			workers[worker] = dc
		}
		dc.clear()
		dc.contain(func() { dc.checkDecl(decls[i]) }) // matching, outside the rules' own containment
		if len(dc.found) > 0 {
			found[i] = slices.Clone(dc.found) // dc.found is reused
		}
		deferred[i] = dc.deferred
	})
	if slices.Contains(c.writeRules, unguardedRule) {
		// Calls found afterwards (sessioncalls.go) join their
		// declaration's findings, in source order.
		c.contain(func() { c.reportSessionCalls(in, slices.Concat(deferred...)) })
		for _, d := range c.found {
			i := slices.IndexFunc(decls, func(decl inspector.Cursor) bool { return decl.Node().Pos() <= d.Pos && d.Pos < decl.Node().End() })
			if i >= 0 {
				found[i] = append(found[i], d)
				slices.SortStableFunc(found[i], func(a, b analysis.Diagnostic) int { return int(a.Pos) - int(b.Pos) })
			}
		}
	}
	al := newAligner(pass, found)
	for _, ds := range found {
		for _, d := range ds {
			c.contain(func() { al.align(d) }) // a fix left unaligned is still a fix
			pass.Report(d)
		}
	}
	return nil, nil
}

// clear gives c empty per-declaration state. The deferred writes of the
// declaration before are handed on, not reused; its findings are copied.
func (c *checker) clear() {
	if c.funcs == nil {
		c.funcs = make(map[ast.Node]*evaluator)
		c.txns = make(map[ast.Node]map[*types.Var][]txnEvent)
		c.fixNames = make(map[*types.Scope]map[string]bool)
		c.resultNames = make(map[*ast.CallExpr]string)
	}
	for _, ev := range c.funcs {
		if c.spareDocs == nil && ev.docs != nil && len(ev.docs) <= maxSpareDocs {
			clear(ev.docs)
			c.spareDocs = ev.docs
		}
	}
	clear(c.funcs)
	c.arena.reset()
	clear(c.txns)
	clear(c.fixNames)
	clear(c.resultNames)
	c.found, c.deferred = c.found[:0], nil
}

// maxSpareDocs bounds the map kept for the next function: clearing a map
// costs its capacity.
const maxSpareDocs = 256

// parallel calls f(worker, 0), ..., f(worker, n-1), on up to GOMAXPROCS
// goroutines; worker, below GOMAXPROCS, tells which goroutine calls.
func parallel(n int, f func(worker, i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(0, i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for worker := range workers {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				f(worker, i)
			}
		})
	}
	wg.Wait()
}

// checkDecl applies the rules to the nodes of one top-level declaration.
func (c *checker) checkDecl(decl inspector.Cursor) {
	for cur := range decl.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.BinaryExpr)(nil), (*ast.SwitchStmt)(nil)) {
		w := c.matchWrite(cur)
		if w != nil {
			c.contain(func() { c.checkWrite(w) })
		}
		for _, r := range c.nodeRules {
			c.contain(func() { r.node(c, cur, w) })
		}
	}
}

// contain runs one rule on one node. A shape the analyzer did not expect
// makes it skip that node, not the package; tests (strict) see the panic.
func (c *checker) contain(rule func()) {
	defer func() {
		if r := recover(); r != nil && c.cfg.strict {
			panic(r)
		}
	}()
	rule()
}

// matchWrite reports the write at cur: a driver call or model, or a call
// of a wrapper.
func (c *checker) matchWrite(cur inspector.Cursor) *write {
	if w := matchWrite(c.pass.TypesInfo, cur); w != nil {
		return w
	}
	if call, ok := cur.Node().(*ast.CallExpr); ok {
		return c.matchWrapperCall(cur, call)
	}
	return nil
}

// readsOnly reports whether fn only reads the documents passed to it: a
// function of the driver, a method of an interface seam, or a helper or a
// wrapper that does not add keys to its parameters (see paramsIntact).
func (c *checker) readsOnly(fn *types.Func) bool {
	if fn.Pkg() != nil && IsDriverPath(fn.Pkg().Path()) || isCollectionSeam(fn) {
		return true
	}
	if h := c.sums.helper(fn); h != nil {
		return !h.Changes
	}
	if w := c.sums.wrapper(fn); w != nil {
		return !w.Changes
	}
	if c.sums.readOnly(fn) != nil {
		return true
	}
	// A method of a repository interface with one implementation.
	impl := c.sums.soleImplementation(fn)
	return impl != nil && impl != fn && c.readsOnly(impl)
}

// isSetter reports whether fn is a method that only adds keys to its
// receiver, a document (see summarizeSetter), or a function that only adds
// keys to its first parameter (see summarizeKeyAdder).
func (c *checker) isSetter(fn *types.Func) bool {
	if fn.Signature().Recv() == nil && !keyAdderShape(fn.Signature()) {
		return false // a functional option's maker, not a key adder
	}
	return c.sums != nil && c.sums.option(fn) != nil
}

// isReader reports whether fn returns a document it read through the
// driver (see readerFact).
func (c *checker) isReader(fn *types.Func) bool {
	return c.sums != nil && c.sums.reader(fn) != nil
}

// checkWrite applies the write rules to one write, in precedence, until
// one reports it.
func (c *checker) checkWrite(w *write) {
	if c.cfg.onWrite != nil {
		c.cfg.onWrite(w.node())
	}
	if len(c.writeRules) == 0 {
		return
	}
	ev := c.evaluatorAt(w.cur)
	wc := &c.wc // no rule keeps it past the write
	*wc = writeCheck{w: w, ev: ev, ff: ev.filterOf(w), uf: ev.updateOf(w)}
	if wc.uf.notUpdate {
		return
	}
	ev.addArrayFilters(w, &wc.ff, wc.uf)
	wc.guards, wc.maybe = ev.guards(wc.ff, wc.uf)
	if wc.ff.merged && wc.uf.merged && len(wc.guards) > 0 {
		// Both built on several paths: a filter field of one path and a
		// change of another may never meet. Neither a sure guard nor
		// surely none, so nothing is said.
		wc.maybe, wc.guards = append(wc.maybe, wc.guards...), nil
	}
	if un := c.unpinned(w, ev, wc.ff, wc.uf, wc.guards); len(un) > 0 {
		// A range test of a field written from a read is no guard.
		wc.ff.unpinned = un
		wc.guards = slices.DeleteFunc(wc.guards, func(g string) bool { return slices.Contains(un, g) })
	}
	switch {
	case len(wc.guards) > 0:
		wc.kind = guardedWrite
	case len(wc.maybe) > 0:
		wc.kind = maybeGuarded
	default:
		wc.kind = unguardedWrite
	}
	for _, r := range c.writeRules {
		if r.inspects&wc.kind == 0 {
			continue
		}
		reported := false
		c.contain(func() { reported = r.write(c, wc) })
		if reported {
			return
		}
	}
}

// evaluatorAt returns the evaluator of the function that holds cur: the
// outermost one, so that variables captured by closures are seen.
func (c *checker) evaluatorAt(cur inspector.Cursor) *evaluator {
	fn := outermostFunc(cur)
	if !fn.Valid() {
		return &evaluator{info: c.pass.TypesInfo, sums: c.sums}
	}
	ev, ok := c.funcs[fn.Node()]
	if !ok {
		info := c.pass.TypesInfo
		fl := flow.New(info, fn, flow.Config{ReadsOnly: c.readsOnly, AddsKeys: c.isSetter, Fills: fillsArg(info), Scratch: &c.scratch})
		ev = &evaluator{info: info, sums: c.sums, fn: fn, flow: fl, reads: newFuncReads(info, fn, fl, c.isReader), docs: c.spareDocs, arena: &c.arena}
		c.spareDocs = nil
		c.funcs[fn.Node()] = ev
	}
	return ev
}

// report reports d under rule unless a directive silences it there.
func (c *checker) report(rule string, d analysis.Diagnostic) {
	if c.ignores.silenced(c.pass.Fset, rule, d.Pos, d.End) {
		return
	}
	// The URL is the Category's anchor in the README: every driver
	// resolves an empty URL so (see analysis.Diagnostic.URL), with
	// Analyzer.URL as the base.
	d.Category = rule
	if !hasRule(d.Message, rule) {
		d.Message = withRule(d.Message, rule)
	}
	c.found = append(c.found, d)
}

// withRule ends a message with the name of its rule, as staticcheck and
// gosec findings name their check: every output (the command's text, go
// vet, golangci-lint, an editor) then shows the name that
// //mongocas:ignore and -rules take.
func withRule(message, rule string) string {
	return message + " (" + rule + ")"
}

// appendRule appends the end that withRule gives a message, for a
// message made in a buffer.
func appendRule(b []byte, rule string) []byte {
	b = append(b, " ("...)
	b = append(b, rule...)
	return append(b, ')')
}

// hasRule reports whether message ends as withRule ends it.
func hasRule(message, rule string) bool {
	body, ok := strings.CutSuffix(message, ")")
	body, ok2 := strings.CutSuffix(body, rule)
	return ok && ok2 && strings.HasSuffix(body, " (")
}

// ruleURL returns the address of rule's section of the README.
func ruleURL(rule string) string {
	return strings.TrimSuffix(DocURL, "#readme") + "#" + rule
}
