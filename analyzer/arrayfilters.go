package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strings"
)

// An update path with a filtered positional operator, items.$[it].qty,
// changes the elements that the option arrayFilters selects: a condition
// on them ({"it.state": "open"}) is a condition of the write like a
// filter field, and guards a change of that field of the element. The
// conditions are read from options built at the call (a local variable
// or the call's argument holding options.Update().SetArrayFilters(...));
// options that cannot be read leave the filter incomplete, so that no
// guard hidden there is missed.

// filteredPositional matches a $[identifier] path segment.
var filteredPositional = regexp.MustCompile(`\$\[([a-z][A-Za-z0-9]*)\]`)

// addArrayFilters adds to ff the conditions of the arrayFilters of w,
// when its update changes paths with $[identifier].
func (ev *evaluator) addArrayFilters(w *write, ff *filterFields, uf updateFields) {
	prefixes := make(map[string]string) // identifier -> the array's path
	for _, m := range uf.modified {
		for _, loc := range filteredPositional.FindAllStringSubmatchIndex(m, -1) {
			ident := m[loc[2]:loc[3]]
			prefixes[ident] = dropPositional(strings.TrimSuffix(m[:loc[0]], "."))
		}
	}
	if len(prefixes) == 0 {
		return
	}
	filters, ok := ev.arrayFiltersOf(w)
	if !ok {
		ff.complete = false
		return
	}
	for _, f := range filters {
		d := ev.doc(f)
		if d == nil || !d.complete {
			ff.complete = false
			continue
		}
		for _, e := range d.entries {
			ident, rest, _ := strings.Cut(e.key, ".")
			prefix, ok := prefixes[ident]
			if !ok {
				ff.complete = false
				continue
			}
			path := prefix
			if rest != "" {
				path += "." + rest
			}
			ff.paths = append(ff.paths, path)
		}
	}
}

// arrayFiltersOf returns the documents of the arrayFilters option that
// the driver call w passes, read from the options built at the call.
func (ev *evaluator) arrayFiltersOf(w *write) ([]ast.Expr, bool) {
	call, ok := w.node().(*ast.CallExpr)
	if !ok || w.wrapper != "" || call.Ellipsis.IsValid() || len(call.Args) < 4 {
		return nil, false
	}
	var filters []ast.Expr
	found := false
	for _, opt := range call.Args[3:] {
		opt = ast.Unparen(opt)
		if id, ok := opt.(*ast.Ident); ok {
			init, ok := ev.unchanged(id)
			if !ok {
				return nil, false
			}
			opt = ast.Unparen(init)
		}
		if u, ok := opt.(*ast.UnaryExpr); ok && u.Op == token.AND {
			opt = ast.Unparen(u.X)
		}
		if lit, ok := opt.(*ast.CompositeLit); ok {
			// v1's &options.UpdateOptions{ArrayFilters: &options.ArrayFilters{...}}
			fs, ok := ev.optionsLiteralFilters(lit)
			if !ok {
				return nil, false
			}
			filters, found = append(filters, fs...), found || len(fs) > 0
			continue
		}
		// options.Update().SetArrayFilters(af).SetUpsert(...)
		for {
			c, ok := opt.(*ast.CallExpr)
			if !ok {
				return nil, false
			}
			sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
			if !ok {
				return nil, false
			}
			if sel.Sel.Name == "SetArrayFilters" && len(c.Args) == 1 {
				fs, ok := ev.arrayFilterDocs(c.Args[0])
				if !ok {
					return nil, false
				}
				filters, found = append(filters, fs...), true
			}
			if _, isPkg := ev.info.Uses[identOf(sel.X)].(*types.PkgName); isPkg {
				break // the constructor: options.Update()
			}
			if inner, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok {
				opt = inner
				continue
			}
			break
		}
	}
	return filters, found
}

// optionsLiteralFilters reads the ArrayFilters field of an options
// struct literal of the driver (v1's options.UpdateOptions{...}).
func (ev *evaluator) optionsLiteralFilters(lit *ast.CompositeLit) ([]ast.Expr, bool) {
	named := namedOf(typeOf(ev.info, lit))
	if named == nil || named.Obj().Pkg() == nil || !IsDriverPath(named.Obj().Pkg().Path()) {
		return nil, false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil, false
		}
		if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "ArrayFilters" {
			v := ast.Unparen(kv.Value)
			if u, ok := v.(*ast.UnaryExpr); ok && u.Op == token.AND {
				v = u.X
			}
			return ev.arrayFilterDocs(v)
		}
	}
	return nil, true
}

// identOf returns e as an identifier, or nil.
func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// arrayFilterDocs reads the argument of SetArrayFilters: v2's []any of
// documents, or v1's options.ArrayFilters{Filters: [...]}.
func (ev *evaluator) arrayFilterDocs(e ast.Expr) ([]ast.Expr, bool) {
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Filters" {
					return ev.array(kv.Value)
				}
			}
		}
	}
	return ev.array(e)
}
