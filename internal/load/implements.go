package load

import (
	"go/types"
	"sort"

	"golang.org/x/tools/go/packages"
)

// A service package often calls its store through an interface that it
// declares itself, while the type that implements it lives in a package it
// does not import: the two are joined in main. Analysis facts flow only
// along imports, and the analyzer looks for the implementations of an
// interface among the packages a package imports
// (analyzer/implementations.go), so such a call would stay unknown.
//
// linkImplementations makes each analyzed package that calls a method of
// an interface of the main module import, for the analysis alone, every
// analyzed package that declares a type implementing that interface: in
// the checker's graph, so that those packages are analyzed first and
// their facts reach the caller, and in the caller's types.Package, so
// that the analyzer counts their types. The analyzer still follows a call
// only when exactly one type implements the interface; a link to a second
// implementation (a mock, another store) is what keeps it silent. A link
// that would make a cycle is not made. go vet, gopls and golangci-lint
// analyze one package at a time along its real imports, and do not see
// these calls.
func linkImplementations(roots []*packages.Package, analyzed map[*packages.Package]bool) {
	var pkgs []*packages.Package
	byTypes := make(map[*types.Package]*packages.Package)
	mainModule := make(map[*types.Package]bool)
	packages.Visit(roots, nil, func(p *packages.Package) {
		if p.Types == nil {
			return
		}
		if p.Module != nil && p.Module.Main {
			mainModule[p.Types] = true
		}
		if analyzed[p] {
			pkgs = append(pkgs, p)
			byTypes[p.Types] = p
		}
	})
	index := make(map[string][]*types.Named) // named types by the names of their methods
	for _, p := range pkgs {
		if p.ForTest != "" {
			continue // a test variant: its package's types are counted once, from the package
		}
		scope := p.Types.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			named, ok := tn.Type().(*types.Named)
			if !ok || named.TypeParams().Len() > 0 || types.IsInterface(named) {
				continue
			}
			for i := range named.NumMethods() {
				index[named.Method(i).Name()] = append(index[named.Method(i).Name()], named)
			}
		}
	}
	type link struct{ from, to *packages.Package }
	var links []link
	implementers := make(map[*types.Func][]*types.Package) // by interface method
	for _, p := range pkgs {
		if p.TypesInfo == nil {
			continue
		}
		seen := make(map[*types.Package]bool)
		for _, sel := range p.TypesInfo.Selections {
			m, ok := sel.Obj().(*types.Func)
			if !ok || sel.Kind() != types.MethodVal || !types.IsInterface(sel.Recv()) || !mainModule[m.Pkg()] {
				continue
			}
			impls, done := implementers[m]
			if !done {
				impls = implementingPackages(index, m)
				implementers[m] = impls
			}
			for _, impl := range impls {
				if q := byTypes[impl]; q != nil && impl != p.Types && !seen[impl] {
					seen[impl] = true
					links = append(links, link{p, q})
				}
			}
		}
	}
	sort.Slice(links, func(i, j int) bool {
		if links[i].from.ID != links[j].from.ID {
			return links[i].from.ID < links[j].from.ID
		}
		return links[i].to.ID < links[j].to.ID
	})
	for _, l := range links {
		if dependsOn(l.from, l.to) || dependsOn(l.to, l.from) {
			continue // imported already, or a cycle
		}
		l.from.Imports[l.to.PkgPath+" (implements an interface used here)"] = l.to
		l.from.Types.SetImports(append(l.from.Types.Imports(), l.to.Types))
	}
}

// implementingPackages returns the packages of the named types of index
// that implement the interface of method m.
func implementingPackages(index map[string][]*types.Named, m *types.Func) []*types.Package {
	iface, ok := m.Signature().Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var pkgs []*types.Package
	for _, t := range index[m.Name()] {
		if types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface) {
			pkgs = append(pkgs, t.Obj().Pkg())
		}
	}
	return pkgs
}

// dependsOn reports whether p imports q, directly or not.
func dependsOn(p, q *packages.Package) bool {
	seen := make(map[*packages.Package]bool)
	work := []*packages.Package{p}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if x == q {
			return true
		}
		if seen[x] {
			continue
		}
		seen[x] = true
		for _, imp := range x.Imports {
			work = append(work, imp)
		}
	}
	return false
}
