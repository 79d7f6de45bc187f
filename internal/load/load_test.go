package load

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mongocas/mongocas-lint/analyzer"
	"github.com/mongocas/mongocas-lint/internal/clitest"
	"golang.org/x/tools/go/packages"
)

// module copies the real-driver test module, which requires both drivers,
// and adds files to it.
func module(t *testing.T, files map[string]string) string {
	t.Helper()
	t.Setenv("GOWORK", "off")
	dir := clitest.CopyModule(t, "../../analyzer/testdata/realdrivers")
	for name, content := range files {
		clitest.WriteFile(t, filepath.Join(dir, name), content)
	}
	return dir
}

// load loads patterns in dir and fails on any error in the graph.
func load(t *testing.T, dir string, tests bool, patterns ...string) []*packages.Package {
	t.Helper()
	pkgs := loadAny(t, dir, tests, patterns...)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.ID, e)
		}
		if p.IllTyped {
			t.Errorf("%s is ill-typed", p.ID)
		}
		// What the checker asks of every package it analyzes.
		if p.Name == "" || p.PkgPath == "" || p.Types == nil || p.Fset == nil || p.TypesSizes == nil || p.TypesInfo == nil || p.Syntax == nil {
			t.Errorf("%s lacks the fields of packages.LoadSyntax: %+v", p.ID, p)
		}
	})
	return pkgs
}

// loadAny loads patterns in dir, where packages may have errors.
func loadAny(t *testing.T, dir string, tests bool, patterns ...string) []*packages.Package {
	t.Helper()
	pkgs, err := Packages(dir, patterns, tests)
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

// byID returns the package of pkgs' graph whose ID is id.
func byID(pkgs []*packages.Package, id string) *packages.Package {
	var found *packages.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.ID == id {
			found = p
		}
	})
	return found
}

// TestDriverTypesShared loads a package whose code type-checks only if the
// driver's packages read from export data are the same packages wherever
// they are reached: bson through mongo, options through mongo, and each
// one directly.
func TestDriverTypesShared(t *testing.T) {
	dir := module(t, map[string]string{"shared/shared.go": `package shared

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

type updater interface {
	UpdateOne(context.Context, any, any, ...options.Lister[options.UpdateOneOptions]) (*mongo.UpdateResult, error)
}

var (
	_ updater        = (*mongo.Collection)(nil)
	_ mongo.Pipeline = mongo.Pipeline{bson.D{{Key: "$match", Value: bson.M{}}}}
	_ bson.D         = mongo.Pipeline{}[0]
)
`})
	pkgs := load(t, dir, false, "./shared", "unsafe") // unsafe has no syntax
	shared := byID(pkgs, "example.com/realdrivers/shared")
	if len(pkgs) != 2 || shared == nil || len(shared.Syntax) != 1 {
		t.Fatalf("want shared parsed and type-checked, and unsafe, got %v", pkgs)
	}
}

// TestFactsFromSource checks which packages are analyzed: those named, and
// the packages not named that depend on the driver (here v2/repo, whose
// wrapper v2 calls), parsed with their function bodies. The driver and
// the standard library are read from export data and leave the graph.
func TestFactsFromSource(t *testing.T) {
	dir := module(t, nil)
	pkgs := load(t, dir, false, "./v2")
	if len(pkgs) != 1 || pkgs[0].PkgPath != "example.com/realdrivers/v2" {
		t.Fatalf("want the package named, got %v", pkgs)
	}
	var ids []string
	packages.Visit(pkgs, nil, func(p *packages.Package) { ids = append(ids, p.ID) })
	if want := "example.com/realdrivers/v2/repo example.com/realdrivers/v2"; strings.Join(ids, " ") != want {
		t.Errorf("graph = %v, want %s", ids, want)
	}
	repo := pkgs[0].Imports["example.com/realdrivers/v2/repo"]
	if repo == nil || len(repo.Syntax) == 0 || repo.TypesInfo == nil {
		t.Fatalf("v2/repo is not loaded from source: %+v", repo)
	}
	if !hasBodyUse(repo) {
		t.Errorf("v2/repo's function bodies are not type-checked")
	}
}

// hasBodyUse reports whether p's type information covers the use of the
// collection inside the wrapper's body.
func hasBodyUse(p *packages.Package) bool {
	for id, obj := range p.TypesInfo.Uses {
		if id.Name == "UpdateOne" && obj.Pkg() != nil && analyzer.IsDriverPath(obj.Pkg().Path()) {
			return true
		}
	}
	return false
}

// TestTestVariantNotAnalyzed loads the tests of lib, whose external test
// imports svc, which imports lib: go list compiles svc again for lib's
// tests ("svc [lib.test]"). That variant is type-checked from source
// against lib's test variant, and is not analyzed again.
func TestTestVariantNotAnalyzed(t *testing.T) {
	dir := module(t, map[string]string{
		"lib/lib.go": `package lib

import "go.mongodb.org/mongo-driver/v2/bson"

func Filter(id bson.ObjectID) bson.M { return bson.M{"_id": id} }
`,
		"lib/lib_test.go": `package lib

func helperForTests() int { return 1 }
`,
		"lib/ext_test.go": `package lib_test

import (
	"testing"

	"example.com/realdrivers/svc"
)

func TestSvc(t *testing.T) { _ = svc.Find }
`,
		"svc/svc.go": `package svc

import (
	"go.mongodb.org/mongo-driver/v2/bson"

	"example.com/realdrivers/lib"
)

func Find(id bson.ObjectID) bson.M { return lib.Filter(id) }
`,
	})
	pkgs := load(t, dir, true, "./lib")
	const (
		ext     = "example.com/realdrivers/lib_test [example.com/realdrivers/lib.test]"
		variant = "example.com/realdrivers/svc [example.com/realdrivers/lib.test]"
	)
	test := byID(pkgs, ext)
	if test == nil {
		t.Fatalf("no package %s among %v", ext, pkgs)
	}
	if v := byID(pkgs, variant); v != nil {
		t.Errorf("%s is analyzed", variant)
	}
	lib, libTest := byID(pkgs, "example.com/realdrivers/lib"), byID(pkgs, "example.com/realdrivers/lib [example.com/realdrivers/lib.test]")
	if lib == nil || libTest == nil || !slices.Contains(libTest.Syntax, lib.Syntax[0]) {
		t.Errorf("lib and its test variant do not share the syntax of lib.go")
	}
}

// TestDependencyErrors checks that a dependency that does not type-check,
// and so has no export data, is loaded from source, and that its errors
// are reported with the package that imports it, though it leaves the
// graph: all of them, those in function bodies too, each once.
func TestDependencyErrors(t *testing.T) {
	dir := module(t, map[string]string{
		"bad/bad.go":   "package bad\n\nvar X int = \"s\"\n\nfunc F() int { var x int = \"t\"; return x }\n",
		"good/good.go": "package good\n\nimport \"example.com/realdrivers/bad\"\n\nvar Y = bad.X\n",
	})
	pkgs := loadAny(t, dir, false, "./good")
	good := pkgs[0]
	if len(good.Imports) != 0 {
		t.Errorf("bad stays in the graph: %v", good.Imports)
	}
	report := errorsOf(pkgs)
	reportedOnce(t, report, `bad.go:3:13: cannot use "s"`, `bad.go:5:28: cannot use "t"`)
	if !good.IllTyped || good.Types.Scope().Lookup("Y") == nil {
		t.Errorf("good: IllTyped %v, Y declared %v; want an ill-typed package that declares Y", good.IllTyped, good.Types.Scope().Lookup("Y") != nil)
	}
}

// TestVariantErrors checks the errors of test variants: a package that
// does not type-check is reported once, though its test variant fails
// too; a variant that fails where its package builds is reported (lib's
// tests give lib.T a method that makes a selector of svc ambiguous).
func TestVariantErrors(t *testing.T) {
	const extTest = "package lib_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/realdrivers/svc\"\n)\n\nfunc TestSvc(t *testing.T) { svc.F() }\n"
	for name, c := range map[string]struct {
		files map[string]string
		want  []string
	}{
		"package fails": {
			files: map[string]string{
				"lib/lib.go":      "package lib\n\nfunc Filter() int { return 1 }\n",
				"lib/lib_test.go": "package lib\n\nfunc helperForTests() int { return 2 }\n",
				"svc/svc.go":      "package svc\n\nimport \"example.com/realdrivers/lib\"\n\nvar Z int = \"s\"\n\nfunc F() int { var n int = \"t\"; return n + lib.Filter() }\n",
			},
			want: []string{`svc.go:5:13: cannot use "s"`, `svc.go:7:28: cannot use "t"`},
		},
		"variant fails alone": {
			files: map[string]string{
				"lib/lib.go":      "package lib\n\ntype T struct{}\n",
				"lib/lib_test.go": "package lib\n\nfunc (T) M() {}\n",
				"svc/svc.go":      "package svc\n\nimport \"example.com/realdrivers/lib\"\n\ntype U struct{}\n\nfunc (U) M() {}\n\ntype V struct {\n\tlib.T\n\tU\n}\n\nfunc F() { V{}.M() }\n",
			},
			want: []string{"ambiguous selector"},
		},
	} {
		t.Run(name, func(t *testing.T) {
			c.files["lib/ext_test.go"] = extTest
			pkgs := loadAny(t, module(t, c.files), true, "./...")
			reportedOnce(t, errorsOf(pkgs), c.want...)
		})
	}
}

// TestNamedPackageErrors checks the errors of packages named: a syntax
// error is a parse error, a type error a type error, reported by the type
// checker and not again by the compiler's output; a file needing a newer
// Go than the module's go line is a type error too.
func TestNamedPackageErrors(t *testing.T) {
	t.Setenv("GOWORK", "off")
	dir := t.TempDir()
	for name, content := range map[string]string{
		"go.mod":         "module errs\n\ngo 1.21\n",
		"syntax/s.go":    "package syntax\n\nfunc f() {\n\tfor {\n}\n",
		"typeerr/t.go":   "package typeerr\n\nfunc f() { var x int = \"s\"; _ = x }\n",
		"rangeint/r.go":  "package rangeint\n\nfunc f() {\n\tfor range 3 {\n\t}\n}\n",
		"fine/fine.go":   "package fine\n",
		"fine/README.md": "no error here\n",
	} {
		clitest.WriteFile(t, filepath.Join(dir, name), content)
	}
	pkgs := loadAny(t, dir, false, "./...")
	want := map[string]struct {
		kind packages.ErrorKind
		text string
	}{
		"errs/syntax":   {packages.ParseError, "s.go:5:3: expected ';', found 'EOF'"},
		"errs/typeerr":  {packages.TypeError, `t.go:3:24: cannot use "s"`},
		"errs/rangeint": {packages.TypeError, "requires go1.22"},
	}
	if fine := byID(pkgs, "errs/fine"); fine == nil || len(fine.Errors) > 0 {
		t.Errorf("errs/fine: want it loaded without errors, got %+v", fine)
	}
	for id, w := range want {
		p := byID(pkgs, id)
		if p == nil {
			t.Errorf("%s is not loaded", id)
			continue
		}
		// A syntax error is followed by what the parser and the checker
		// make of the rest; a type error is alone. Neither is repeated by
		// the compiler's output.
		if len(p.Errors) == 0 || p.Errors[0].Kind != w.kind || !strings.Contains(p.Errors[0].Error(), w.text) ||
			w.kind == packages.TypeError && len(p.Errors) != 1 ||
			strings.Contains(errorsOf([]*packages.Package{p}), "# errs/") {
			t.Errorf("%s: errors %v, want first one of kind %v saying %q, and no compiler output", id, p.Errors, w.kind, w.text)
		}
	}
}

// reportedOnce checks that each of wants is in report once.
func reportedOnce(t *testing.T, report string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if n := strings.Count(report, want); n != 1 {
			t.Errorf("%q reported %d times, want once:\n%s", want, n, report)
		}
	}
}

// errorsOf returns the errors of pkgs' graph, one per line.
func errorsOf(pkgs []*packages.Package) string {
	var b strings.Builder
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			b.WriteString(e.Error() + "\n")
		}
	})
	return b.String()
}

// TestExportDataError checks that a dependency whose export data cannot be
// read is reported once, by the type checker of the package that imports
// it.
func TestExportDataError(t *testing.T) {
	dir := module(t, map[string]string{
		"dep/dep.go": "package dep\n\nvar X = 1\n",
		"use/use.go": "package use\n\nimport \"example.com/realdrivers/dep\"\n\nvar Y = dep.X\n",
	})
	roots, err := packages.Load(&packages.Config{Mode: listMode, Dir: dir, Env: os.Environ()}, "./use")
	if err != nil {
		t.Fatal(err)
	}
	dep := byID(roots, "example.com/realdrivers/dep")
	if dep == nil {
		t.Fatal("dep is not listed")
	}
	dep.ExportFile = filepath.Join(t.TempDir(), "dep.a")
	clitest.WriteFile(t, dep.ExportFile, "not export data\n")
	loadListed(roots)
	report := errorsOf(roots)
	reportedOnce(t, report, "could not import example.com/realdrivers/dep", dep.ExportFile)
	if !roots[0].IllTyped {
		t.Error("use is not ill-typed")
	}
}

// TestLinkImplementations loads a service that calls its stores through
// interfaces, and imports no store: it is linked to every package that
// implements an interface it calls, in the checker's graph and in its
// types, and to nothing else.
func TestLinkImplementations(t *testing.T) {
	t.Setenv("GOWORK", "off")
	dir := clitest.CopyModule(t, "../../analyzer/testdata/linked")
	pkgs := load(t, dir, false, "./...")
	for _, tt := range []struct {
		id   string
		want []string // the packages it imports, linked or not, in its types
	}{
		{"example.com/linked/v2/svc", []string{"context", "example.com/linked/v2/ifc", "example.com/linked/v2/memnotes", "example.com/linked/v2/store"}},
		{"example.com/linked/v1/svc", []string{"context", "example.com/linked/v1/ifc", "example.com/linked/v1/store"}},
		{"example.com/linked/v2/store", []string{"go.mongodb.org/mongo-driver/v2/bson", "go.mongodb.org/mongo-driver/v2/mongo", "context"}},
	} {
		p := byID(pkgs, tt.id)
		if p == nil {
			t.Fatalf("%s not loaded", tt.id)
		}
		var got []string
		for _, imp := range p.Types.Imports() {
			got = append(got, imp.Path())
		}
		slices.Sort(got)
		slices.Sort(tt.want)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s imports %v, want %v", tt.id, got, tt.want)
		}
		for _, path := range tt.want {
			if strings.HasPrefix(path, "example.com/linked/") && !slices.ContainsFunc(slices.Collect(maps.Values(p.Imports)), func(q *packages.Package) bool { return q.PkgPath == path }) {
				t.Errorf("%s: the checker's graph lacks %s", tt.id, path)
			}
		}
	}
}
