// Package load loads packages for the mongocas analyzer, whose facts would
// otherwise make its driver load the whole program from source.
package load

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/mongocas/mongocas-lint/analyzer"
	"golang.org/x/tools/go/packages"
)

// The analyzer has facts (summaries of helpers and wrappers), and
// singlechecker loads the whole program from source for an analyzer with
// facts: the driver, the standard library and every other dependency are
// parsed and type-checked, where an analyzer without facts reads them from
// export data. Facts of ours can only come from packages that depend on
// the driver and are not the driver, so load reads those from source and
// everything else from export data, as for an analyzer without facts.
//
// It lists the packages with go/packages, in one go list that is the one
// go/packages runs to load an analyzer without facts, and then parses and
// type-checks them itself (typecheck.go): go/packages decides which
// packages come from source before it lists the graph that tells which
// ones we need.

// listMode asks go list for what loading needs: the whole import graph,
// the files to parse and the export data of every package.
const listMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedExportFile |
	packages.NeedModule | packages.NeedTypesSizes | packages.NeedForTest

// Packages loads the packages matched by patterns, and the packages
// they depend on that may hold facts of ours, from source, as the go
// command does in dir ("" for the current directory). It returns the
// packages matched. Each one's Imports holds only the packages loaded for
// analysis, so that the checker computes facts on those alone.
func Packages(dir string, patterns []string, tests bool) ([]*packages.Package, error) {
	cfg := &packages.Config{Mode: listMode, Tests: tests, Dir: dir, Env: os.Environ()}
	roots, err := packages.Load(cfg, patterns...)
	switch {
	case err != nil:
		return nil, err
	case len(roots) == 0:
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}

	loadListed(roots)
	return roots, nil
}

// loadListed loads the packages that go list listed under roots.
func loadListed(roots []*packages.Package) {
	analyzed := mayHoldFacts(roots)
	typeCheck(roots, analyzed)
	leaveOut(roots, analyzed)
	linkImplementations(roots, analyzed)
}

// leaveOut takes the packages not analyzed out of the graph under roots.
// Each one's errors go first to the first analyzed package that imports
// it, directly or not: a dependency that does not build is reported, as
// singlechecker reports it. A test variant's errors are left out when its
// package reports errors too: most often they are the same ones, compiled
// twice (errors of the variant's own are then lost, in a run that fails
// anyway).
func leaveOut(roots []*packages.Package, analyzed map[*packages.Package]bool) {
	reported := make(map[string]bool) // paths of the packages, not test variants, that report errors
	packages.Visit(roots, nil, func(p *packages.Package) {
		if p.ForTest == "" && len(p.Errors) > 0 {
			reported[p.PkgPath] = true
		}
	})
	taken := make(map[*packages.Package]bool)
	var take func(to, p *packages.Package)
	take = func(to, p *packages.Package) {
		if analyzed[p] || taken[p] {
			return
		}
		taken[p] = true
		for _, path := range slices.Sorted(maps.Keys(p.Imports)) {
			take(to, p.Imports[path])
		}
		if p.ForTest == "" || !reported[p.PkgPath] {
			to.Errors = append(to.Errors, dependencyErrors(p)...)
		}
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if !analyzed[p] {
			return
		}
		for _, path := range slices.Sorted(maps.Keys(p.Imports)) {
			take(p, p.Imports[path])
		}
		// Visit is done with p's imports: the checker is to see only
		// the analyzed ones, and compute facts on those alone.
		maps.DeleteFunc(p.Imports, func(_ string, imp *packages.Package) bool { return !analyzed[imp] })
	})
}

// dependencyErrors returns the errors of a package left out of the
// analysis. When go list reports errors for it, they are the report: the
// compiler's output covers the function bodies, which the type checker
// skipped, and a package that go list could not list (a module that could
// not be downloaded) is type-checked from whatever files its error names,
// which only makes noise.
func dependencyErrors(p *packages.Package) []packages.Error {
	var listed []packages.Error
	for _, e := range p.Errors {
		if e.Kind == packages.ListError {
			listed = append(listed, e)
		}
	}
	if listed == nil {
		return p.Errors
	}
	return listed
}

// mayHoldFacts returns the packages to analyze: roots, and the packages
// they depend on that depend on the driver and are not the driver. A test
// variant that is not a root ("q [p.test]": q compiled again for the tests
// of p, which q imports) is left out: analyzing q again would double the
// work for facts that only p's external tests could use.
func mayHoldFacts(roots []*packages.Package) map[*packages.Package]bool {
	analyzed := make(map[*packages.Package]bool)
	for _, p := range roots {
		analyzed[p] = true
	}
	dependsOnDriver := make(map[*packages.Package]bool)
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, imp := range p.Imports {
			if analyzer.IsDriverPath(imp.PkgPath) || dependsOnDriver[imp] {
				dependsOnDriver[p] = true
			}
		}
		if dependsOnDriver[p] && !analyzer.IsDriverPath(p.PkgPath) && p.ForTest == "" {
			analyzed[p] = true
		}
	})
	return analyzed
}

// withoutCompilerOutput drops the compiler's output that go list reports
// when it cannot build export data for a package with syntax or type
// errors: the parser and the type checker report the same errors, one per
// line.
func withoutCompilerOutput(p *packages.Package) []packages.Error {
	own := slices.ContainsFunc(p.Errors, func(e packages.Error) bool {
		return e.Kind == packages.ParseError || e.Kind == packages.TypeError
	})
	if !own {
		return p.Errors
	}
	var kept []packages.Error
	for _, e := range p.Errors {
		if e.Kind != packages.ListError || !strings.HasPrefix(e.Msg, "# ") {
			kept = append(kept, e)
		}
	}
	return kept
}
