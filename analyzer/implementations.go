package analyzer

import (
	"go/types"
	"strings"
	"sync"
)

// A repository interface whose methods are not the driver's
// (Update(ctx, id, fields)), called where its one implementation is a
// wrapper, is checked with that implementation's wrapper fact. "One" is
// counted among the named types the pass can see: those of the package and
// of the packages it imports, standard library aside. A second
// implementation (a mock, another store) leaves the call unknown, and
// silent.

// implementations indexes the named types that the pass can see by the
// names of their methods, once, when a call through an interface first
// asks.
type implementations struct {
	once   sync.Once
	byName map[string][]*types.Named
	mu     sync.Mutex
	sole   map[*types.Func]*types.Func // by interface method; nil: none or several
}

// soleImplementation returns the method that implements the interface
// method m in the one type of the pass that implements m's interface, or
// nil.
func (s *summaries) soleImplementation(m *types.Func) *types.Func {
	recv := m.Signature().Recv()
	if recv == nil {
		return nil
	}
	iface, ok := recv.Type().Underlying().(*types.Interface)
	if !ok || m.Pkg() == nil || isStdPath(m.Pkg().Path()) {
		return nil
	}
	im := &s.impls
	im.once.Do(func() { im.byName = indexMethods(s.c.pass.Pkg) })
	im.mu.Lock()
	defer im.mu.Unlock()
	if f, ok := im.sole[m]; ok {
		return f
	}
	var found *types.Func
	n := 0
	for _, t := range im.byName[m.Name()] {
		var impl types.Type
		switch {
		case types.Implements(t, iface):
			impl = t
		case types.Implements(types.NewPointer(t), iface):
			impl = types.NewPointer(t)
		default:
			continue
		}
		if n++; n > 1 {
			found = nil
			break
		}
		obj, _, _ := types.LookupFieldOrMethod(impl, false, m.Pkg(), m.Name())
		found, _ = obj.(*types.Func)
	}
	if im.sole == nil {
		im.sole = make(map[*types.Func]*types.Func)
	}
	im.sole[m] = found
	return found
}

// indexMethods indexes the named non-interface types of pkg and of the
// packages it imports, standard library aside, by their methods' names.
func indexMethods(pkg *types.Package) map[string][]*types.Named {
	byName := make(map[string][]*types.Named)
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if seen[p] || isStdPath(p.Path()) || IsDriverPath(p.Path()) {
			return
		}
		seen[p] = true
		scope := p.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			named, ok := tn.Type().(*types.Named)
			if !ok || named.TypeParams().Len() > 0 {
				continue
			}
			if _, isIface := named.Underlying().(*types.Interface); isIface {
				continue
			}
			for i := range named.NumMethods() {
				byName[named.Method(i).Name()] = append(byName[named.Method(i).Name()], named)
			}
		}
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	visit(pkg)
	return byName
}

// isStdPath reports whether path is a package of the standard library:
// its first element names one of the library's trees. (A module path
// without a dot, as small programs have, is not one.)
func isStdPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return stdRoots[first]
}

var stdRoots = func() map[string]bool {
	m := make(map[string]bool)
	for _, r := range strings.Fields(`archive bufio builtin bytes cmp compress container context crypto
		database debug embed encoding errors expvar flag fmt go hash html image index internal io iter
		log maps math mime net os path plugin reflect regexp runtime slices sort strconv strings sync
		syscall testing text time unicode unique unsafe vendor weak`) {
		m[r] = true
	}
	return m
}()
