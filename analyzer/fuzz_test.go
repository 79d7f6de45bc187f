package analyzer

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/mongocas/mongocas-lint/internal/textdiff"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// The fuzz targets build a Go file around driver calls from fuzzed text,
// type-check it against the stub drivers in testdata/src (type errors
// included), and run the analyzer with panics not contained. Every
// suggested fix of a file that was gofmt-clean must leave it parsing and
// gofmt-clean. Their seed corpus is in testdata/fuzz.

// fuzzMethods are the calls FuzzDocuments builds, by index; %[1]s is the
// filter and %[2]s the update.
var fuzzMethods = []string{
	"res, err := coll.UpdateOne(ctx, %[1]s, %[2]s)\n_, _ = res, err",
	"res, err := coll.UpdateMany(ctx, %[1]s, %[2]s)\n_ = err\nuse(res.ModifiedCount)",
	"coll.UpdateByID(ctx, %[1]s, %[2]s)",
	"err := coll.FindOneAndUpdate(ctx, %[1]s, %[2]s).Decode(&doc)\n_ = err",
	"res, _ := coll.ReplaceOne(ctx, %[1]s, %[2]s)\nif res.MatchedCount == 0 {\n}",
	"_, _ = coll.BulkWrite(ctx, []mongo.WriteModel{mongo.NewUpdateOneModel().SetFilter(%[1]s).SetUpdate(%[2]s)})",
	"m := &mongo.UpdateManyModel{Filter: %[1]s, Update: %[2]s}\n_ = m",
	"coll.FindOneAndReplace(ctx, %[1]s, %[2]s)",
}

// FuzzDocuments fuzzes the filter and update documents of one call.
func FuzzDocuments(f *testing.F) {
	f.Add(uint8(0), true, `bson.M{"_id": id}`, `bson.M{"$set": bson.M{"qty": n}}`)
	f.Add(uint8(1), false, `bson.D{{"_id", id}, {"v", n}}`, `bson.D{{"$set", bson.D{{"a", s}}}, {"$inc", bson.D{{"v", 1}}}}`)
	f.Add(uint8(2), true, `id`, `bson.M{"$set": doc}`)
	f.Add(uint8(3), true, `bson.M{"_id": id, "status": "new"}`, `bson.M{"$set": bson.M{"status": "done"}}`)
	f.Add(uint8(4), false, `filter`, `doc`)
	f.Add(uint8(5), true, `bson.M{"_id": id}`, `mongo.Pipeline{{{"$set", bson.D{{"a", "$b"}}}}}`)
	f.Add(uint8(6), true, `bson.M{"$and": bson.A{bson.M{"_id": id}, bson.M{"q": bson.M{"$gt": 0}}}}`, `bson.M{"$inc": bson.M{"q": -1}}`)
	f.Add(uint8(7), false, `bson.M{"_id": id, "": nil}`, `bson.M{"$set": bson.M{"a.b": bson.M{"$x": 1}}, "$unset": ""}`)
	f.Fuzz(func(t *testing.T, method uint8, v2 bool, filter, update string) {
		call := fmt.Sprintf(fuzzMethods[int(method)%len(fuzzMethods)], filter, update)
		checkFuzzedSource(t, fuzzFile(v2, "filter := bson.M{\"_id\": id}\n_ = filter", call))
	})
}

// FuzzStatements fuzzes the statements around an update: the reads,
// branches and variables before it, and the uses of its result after it.
func FuzzStatements(f *testing.F) {
	const call = "res, err := coll.UpdateOne(ctx, filter, update)"
	f.Add(true, "var cur bson.M\ncoll.FindOne(ctx, bson.M{\"_id\": id}).Decode(&cur)\nfilter := bson.M{\"_id\": id}\nupdate := bson.M{\"$set\": bson.M{\"qty\": cur[\"qty\"]}}", call, "_, _ = res, err")
	f.Add(false, "filter := bson.D{}\nfilter = append(filter, bson.E{\"_id\", id})\nupdate := bson.M{}\nupdate[\"$set\"] = bson.M{\"a\": n}\nif n > 0 {\nfilter = bson.D{{\"a\", n}}\n}", call, "if err != nil {\nreturn\n}\nif res.MatchedCount == 0 {\nuse(1)\n}")
	f.Add(true, "filter, update := helper(id), bson.M{\"$set\": bson.M{\"state\": \"running\"}}", call, "if errors.Is(err, mongo.ErrNoDocuments) {\n}\n_ = res")
	f.Add(true, "sess, _ := coll.Database().Client().StartSession()\n_ = sess.StartTransaction()\nfilter := bson.M{\"_id\": id}\nupdate := bson.M{\"$set\": doc}", call, "_ = sess.CommitTransaction(ctx)\n_, _ = res, err")
	f.Add(false, "for i := range 3 {\nfilter := bson.M{\"_id\": i}\n_ = filter\n}\nvar filter, update any", call, "return")
	f.Fuzz(func(t *testing.T, v2 bool, before, call, after string) {
		checkFuzzedSource(t, fuzzFile(v2, before, call+"\n"+after))
	})
}

// fuzzFile returns a file of package p whose function f holds body.
func fuzzFile(v2 bool, body ...string) string {
	driver := "go.mongodb.org/mongo-driver/v2"
	if !v2 {
		driver = "go.mongodb.org/mongo-driver"
	}
	return `package p

import (
	"context"
	"errors"

	"` + driver + `/bson"
	"` + driver + `/mongo"
)

var _ = errors.Is

func use(any) {}

func helper(id any) bson.M { return bson.M{"_id": id} }

func f(ctx context.Context, coll *mongo.Collection, id any, n int, s string, doc bson.M) {
` + strings.Join(body, "\n") + `
}
`
}

// checkFuzzedSource runs the analyzer on src. Source that does not parse
// is still analyzed, as go/packages hands a partial syntax tree to
// analyzers; its fixes are only checked when src was gofmt-clean.
func checkFuzzedSource(t *testing.T, src string) {
	if nestingDepth(src) > maxFuzzNesting {
		// Thousands of nested brackets cost go/types seconds of error
		// reports, long enough under load for the fuzzer to call the
		// worker hung; the analyzer never sees such code.
		t.Skip("nesting too deep")
	}
	if formatted, err := format.Source([]byte(src)); err == nil {
		src = string(formatted)
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if file == nil {
		return
	}
	wellFormed := err == nil && isGofmtClean([]byte(src))
	diags := runOnFile(t, fset, file, []byte(src))
	if !wellFormed {
		return
	}
	for i, d := range diags {
		if len(d.SuggestedFixes) > 1 {
			t.Errorf("%s: %d fixes; want at most one", d.Message, len(d.SuggestedFixes))
		}
		for _, fix := range d.SuggestedFixes {
			out, err := applyTextEdits(fset, []byte(src), fix.TextEdits)
			if err != nil {
				t.Fatalf("fix %q of %q: %v\n%s", fix.Message, d.Message, err, src)
			}
			if _, err := parser.ParseFile(token.NewFileSet(), "p.go", out, 0); err != nil {
				t.Fatalf("fix %q of %q does not parse: %v\nbefore:\n%s\nafter:\n%s", fix.Message, d.Message, err, src, out)
			}
			// Spacing that gofmt would change is excused next to another
			// diagnostic's edit only (see nextToOtherFix).
			if !isGofmtClean(out) && (!spacesOnly(out) || !nextToOtherFix(fset, diags, i, fix)) {
				t.Fatalf("fix %q of %q is not gofmt-clean:\n%s", fix.Message, d.Message, out)
			}
		}
	}
}

// nextToOtherFix reports whether an edit of fix, of diags[i], touches a
// line next to one that a different edit of another diagnostic's fix
// touches. Then realigning the trailing comments of one would conflict
// with the other, and the analyzer leaves both as the rules wrote them
// (see fix_format.go).
func nextToOtherFix(fset *token.FileSet, diags []analysis.Diagnostic, i int, fix analysis.SuggestedFix) bool {
	lines := func(e analysis.TextEdit) (first, last int) {
		return fset.Position(e.Pos).Line, fset.Position(max(e.End, e.Pos)).Line
	}
	for _, e := range fix.TextEdits {
		first, last := lines(e)
		for j, d := range diags {
			for _, other := range d.SuggestedFixes {
				for _, o := range other.TextEdits {
					same := o.Pos == e.Pos && o.End == e.End && bytes.Equal(o.NewText, e.NewText)
					if f, l := lines(o); j != i && !same && f <= last+1 && first <= l+1 {
						return true
					}
				}
			}
		}
	}
	return false
}

// spacesOnly reports whether gofmt changes nothing in src but spaces
// within lines: the alignment of trailing comments or of map values.
func spacesOnly(src []byte) bool {
	formatted, err := format.Source(src)
	if err != nil {
		return false
	}
	_, ok := lineChanges(src, formatted)
	return ok
}

func isGofmtClean(src []byte) bool {
	formatted, err := format.Source(src)
	return err == nil && bytes.Equal(formatted, src)
}

// runOnFile type-checks file, whose text is src, as package p, ignoring
// type errors, and runs a strict analyzer on it without facts from other
// packages.
func runOnFile(t *testing.T, fset *token.FileSet, file *ast.File, src []byte) []analysis.Diagnostic {
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:       make(map[ast.Node]*types.Scope),
		Instances:    make(map[*ast.Ident]types.Instance),
		FileVersions: make(map[*ast.File]string),
	}
	conf := types.Config{Importer: stubImporter(), Error: func(error) {}}
	pkg, _ := conf.Check("p", fset, []*ast.File{file}, info)
	files := []*ast.File{file}
	var diags []analysis.Diagnostic
	a := testAnalyzer()
	pass := &analysis.Pass{
		Analyzer:          a,
		Fset:              fset,
		Files:             files,
		Pkg:               pkg,
		TypesInfo:         info,
		TypesSizes:        types.SizesFor("gc", "amd64"),
		ResultOf:          map[*analysis.Analyzer]any{inspect.Analyzer: inspector.New(files)},
		Report:            func(d analysis.Diagnostic) { diags = append(diags, d) },
		ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
		ExportObjectFact:  func(types.Object, analysis.Fact) {},
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
		ExportPackageFact: func(analysis.Fact) {},
		AllObjectFacts:    func() []analysis.ObjectFact { return nil },
		AllPackageFacts:   func() []analysis.PackageFact { return nil },
		ReadFile: func(name string) ([]byte, error) {
			if name != fset.File(file.FileStart).Name() {
				return nil, os.ErrNotExist
			}
			return src, nil
		},
	}
	if _, err := a.Run(pass); err != nil {
		t.Fatalf("run: %v", err)
	}
	return diags
}

// applyTextEdits applies edits, which must not overlap, to src.
func applyTextEdits(fset *token.FileSet, src []byte, edits []analysis.TextEdit) ([]byte, error) {
	resolved := make([]textdiff.Edit, len(edits))
	for i, e := range edits {
		_, resolved[i] = textdiff.FromAnalysis(fset, e)
	}
	return textdiff.Apply(src, resolved)
}

// stubImporter imports the stub drivers of testdata/src from source and
// everything else from export data. It is shared by the fuzz inputs of a
// process, as type-checking the stubs again for each would dominate.
var stubImporter = sync.OnceValue(func() types.Importer {
	return &sourceImporter{
		root:  filepath.Join("testdata", "src"),
		fset:  token.NewFileSet(),
		std:   importer.Default(),
		cache: make(map[string]*types.Package),
	}
})

type sourceImporter struct {
	mu    sync.Mutex
	root  string
	fset  *token.FileSet
	std   types.Importer
	cache map[string]*types.Package
}

func (imp *sourceImporter) Import(path string) (*types.Package, error) {
	imp.mu.Lock()
	defer imp.mu.Unlock()
	return imp.load(path)
}

func (imp *sourceImporter) load(path string) (*types.Package, error) {
	if pkg, ok := imp.cache[path]; ok {
		return pkg, nil
	}
	dir := filepath.Join(imp.root, filepath.FromSlash(path))
	if _, err := os.Stat(dir); err != nil {
		pkg, err := imp.std.Import(path)
		imp.cache[path] = pkg
		return pkg, err
	}
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, name := range names {
		f, err := parser.ParseFile(imp.fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	conf := types.Config{Importer: importerFunc(imp.load)}
	pkg, err := conf.Check(path, imp.fset, files, nil)
	if err != nil {
		return nil, err
	}
	imp.cache[path] = pkg
	return pkg, nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// TestFuzzHarness checks that the fuzz harness sees findings and fixes,
// so that a fuzz target cannot pass by analyzing nothing.
func TestFuzzHarness(t *testing.T) {
	src, _ := format.Source([]byte(fuzzFile(true,
		"var cur struct{ Qty int `bson:\"qty\"` }",
		`_ = coll.FindOne(ctx, bson.M{"_id": id}).Decode(&cur)`,
		`coll.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": cur.Qty - n}})`)))
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	diags := runOnFile(t, fset, file, src)
	if len(diags) != 1 || len(diags[0].SuggestedFixes) != 1 {
		t.Fatalf("got %d diagnostics (%v); want one with a fix", len(diags), diags)
	}
	out, err := applyTextEdits(fset, src, diags[0].SuggestedFixes[0].TextEdits)
	if err != nil || !strings.Contains(string(out), `"$inc"`) || bytes.Equal(out, src) {
		t.Fatalf("fix: %v\n%s", err, out)
	}
	checkFuzzedSource(t, string(src))
}

// maxFuzzNesting bounds the bracket nesting of a fuzzed file.
const maxFuzzNesting = 64

// nestingDepth returns the deepest nesting of (, [ and { in src.
func nestingDepth(src string) int {
	depth, deepest := 0, 0
	for _, r := range src {
		switch r {
		case '(', '[', '{':
			depth++
			deepest = max(deepest, depth)
		case ')', ']', '}':
			depth--
		}
	}
	return deepest
}
