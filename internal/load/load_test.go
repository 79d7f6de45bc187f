package load

import (
	"path/filepath"
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
	pkgs, err := Packages(dir, patterns, tests)
	if err != nil {
		t.Fatal(err)
	}
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
	if len(pkgs) != 2 || shared == nil || len(shared.Syntax) != 1 || !shared.Types.Complete() {
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
	if len(repo.TypesInfo.Uses) == 0 || !hasBodyUse(repo) {
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
	if test.Types.Scope().Lookup("TestSvc") == nil {
		t.Errorf("%s is not type-checked", ext)
	}
}

// TestDependencyErrors checks that a dependency that does not type-check,
// and so has no export data, is loaded from source, and that its errors
// are reported with the package that imports it, though it leaves the
// graph.
func TestDependencyErrors(t *testing.T) {
	dir := module(t, map[string]string{
		"bad/bad.go":   "package bad\n\nvar X int = \"s\"\n",
		"good/good.go": "package good\n\nimport \"example.com/realdrivers/bad\"\n\nvar Y = bad.X\n",
	})
	pkgs, err := Packages(dir, []string{"./good"}, false)
	if err != nil {
		t.Fatal(err)
	}
	good := pkgs[0]
	if len(good.Imports) != 0 {
		t.Errorf("bad stays in the graph: %v", good.Imports)
	}
	if len(good.Errors) != 1 || !strings.Contains(good.Errors[0].Error(), `bad.go:3:13: cannot use "s"`) {
		t.Errorf("errors = %v, want bad.go's type error once", good.Errors)
	}
	if !good.IllTyped || good.Types.Scope().Lookup("Y") == nil {
		t.Errorf("good: IllTyped %v, Y declared %v; want an ill-typed package that declares Y", good.IllTyped, good.Types.Scope().Lookup("Y") != nil)
	}
}
