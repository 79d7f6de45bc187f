// Package load loads packages for the mongocas analyzer, whose facts would
// otherwise make its driver load the whole program from source.
package load

import (
	"context"
	"fmt"
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

// Packages loads the packages matched by patterns, and the packages
// they depend on that may hold facts of ours, from source, as the go
// command does in dir ("" for the current directory). It returns the
// packages matched. Each one's Imports holds only the packages loaded from
// source, so that the checker computes facts on those alone.
func Packages(dir string, patterns []string, tests bool) ([]*packages.Package, error) {
	cfg := func(ctx context.Context, mode packages.LoadMode) *packages.Config {
		return &packages.Config{Context: ctx, Mode: mode, Tests: tests, Dir: dir, Env: os.Environ()}
	}
	const syntax = packages.LoadSyntax | packages.NeedModule

	// Load the packages named while listing the dependencies: most runs
	// need no other package from source, and then the listing costs
	// nothing. When some are needed, the first load is cancelled.
	type result struct {
		pkgs []*packages.Package
		err  error
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	first := make(chan result, 1)
	go func() {
		pkgs, err := packages.Load(cfg(ctx, syntax), patterns...)
		first <- result{pkgs, err}
	}()
	graph, err := packages.Load(cfg(context.Background(), packages.NeedName|packages.NeedImports|packages.NeedDeps), patterns...)
	if err != nil {
		return nil, err
	}
	roots, extra := dependentsOfDriver(graph)
	var loaded []*packages.Package
	if len(extra) > 0 {
		cancel()
		<-first
		loaded, err = packages.Load(cfg(context.Background(), syntax), slices.Concat(patterns, extra)...)
	} else {
		r := <-first
		loaded, err = r.pkgs, r.err
	}
	switch {
	case err != nil:
		return nil, err
	case len(loaded) == 0:
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}

	fromSource := make(map[string]*packages.Package)
	for _, p := range loaded {
		fromSource[p.ID] = p
	}
	var matched []*packages.Package
	for _, p := range loaded {
		imports := make(map[string]*packages.Package)
		for path, imp := range p.Imports {
			if dep, ok := fromSource[imp.ID]; ok {
				imports[path] = dep
			}
		}
		p.Imports = imports
		p.Errors = withoutCompilerOutput(p)
		if roots[p.ID] {
			matched = append(matched, p)
		}
	}
	return matched, nil
}

// withoutCompilerOutput drops the compiler's output that go list reports
// when it cannot build export data for a package with type errors: the
// type checker reports the same errors, one per line.
func withoutCompilerOutput(p *packages.Package) []packages.Error {
	if len(p.TypeErrors) == 0 {
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

// dependentsOfDriver returns the IDs of the packages of graph, and the
// paths of their dependencies that depend on the driver and are not the
// driver: those that may hold facts.
func dependentsOfDriver(graph []*packages.Package) (roots map[string]bool, extra []string) {
	roots = make(map[string]bool)
	for _, p := range graph {
		roots[p.ID] = true
	}
	dependsOnDriver := make(map[string]bool)
	packages.Visit(graph, nil, func(p *packages.Package) {
		for _, imp := range p.Imports {
			if analyzer.IsDriverPath(imp.PkgPath) || dependsOnDriver[imp.ID] {
				dependsOnDriver[p.ID] = true
			}
		}
		if dependsOnDriver[p.ID] && !roots[p.ID] && !analyzer.IsDriverPath(p.PkgPath) {
			extra = append(extra, p.PkgPath)
		}
	})
	return roots, extra
}
