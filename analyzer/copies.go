package analyzer

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/mongocas/mongocas-lint/internal/flow"
)

// This file reads a document copied whole into another: a helper that
// copies the filter it is given and adds a key
// (for k, v := range f { g[k] = v }; g["tenant"] = t), or one that
// appends a bson.D to another. The copy holds every entry of its source.

// copySource returns the document that the step s copies whole into a
// variable: the flow's copies (Step.From), or a loop over src that adds
// each of its entries (d[k] = v, d = append(d, bson.E{Key: k, Value: v}),
// d = append(d, e), d[e.Key] = e.Value).
func (ev *evaluator) copySource(s flow.Step) (ast.Expr, bool) {
	if src, ok := ev.loopCopySource(s); ok {
		return src, true
	}
	return s.From, s.From != nil
}

// loopCopySource is copySource for the turns of a loop that copies a
// document entry by entry.
func (ev *evaluator) loopCopySource(s flow.Step) (ast.Expr, bool) {
	switch {
	case s.In != nil, s.From != nil, s.Apply != nil:
		return nil, false
	case s.Key != nil:
		return ev.entryLoop(s.Key, s.Elems[0])
	case len(s.Elems) == 1:
		switch e := ast.Unparen(s.Elems[0]).(type) {
		case *ast.Ident:
			if rs, key, ok := ev.rangeVar(e); ok && !key {
				return rs.X, true // for _, e := range d { g = append(g, e) }
			}
		case *ast.CompositeLit:
			if k, v, ok := elemParts(e); ok && k != nil && v != nil {
				return ev.entryLoop(k, v)
			}
		}
	}
	return nil, false
}

// entryLoop matches the key and the value that a loop over a document
// adds, each turn, as the key and the value of the turn's entry: k and v
// of for k, v := range src, or e.Key and e.Value of for _, e := range src.
// It returns src.
func (ev *evaluator) entryLoop(key, value ast.Expr) (ast.Expr, bool) {
	key, value = ast.Unparen(key), ast.Unparen(value)
	if k, ok := key.(*ast.Ident); ok {
		v, ok := value.(*ast.Ident)
		if !ok {
			return nil, false
		}
		krs, isKey, ok := ev.rangeVar(k)
		vrs, isKey2, ok2 := ev.rangeVar(v)
		if ok && ok2 && krs == vrs && isKey && !isKey2 && isDocumentType(typeOf(ev.info, krs.X)) {
			return krs.X, true
		}
		return nil, false
	}
	ks, ok := key.(*ast.SelectorExpr)
	vs, ok2 := value.(*ast.SelectorExpr)
	if !ok || !ok2 || ks.Sel.Name != "Key" || vs.Sel.Name != "Value" {
		return nil, false
	}
	ke, ok := ast.Unparen(ks.X).(*ast.Ident)
	ve, ok2 := ast.Unparen(vs.X).(*ast.Ident)
	if !ok || !ok2 || ev.info.Uses[ke] == nil || ev.info.Uses[ke] != ev.info.Uses[ve] {
		return nil, false
	}
	if rs, isKey, ok := ev.rangeVar(ke); ok && !isKey && isDocumentType(typeOf(ev.info, rs.X)) {
		return rs.X, true
	}
	return nil, false
}

// rangeVar returns the range statement whose key (key) or value the
// variable used at id holds there.
func (ev *evaluator) rangeVar(id *ast.Ident) (rs *ast.RangeStmt, key, ok bool) {
	if ev.flow == nil {
		return nil, false, false
	}
	b, ok := ev.flow.BindingAt(id)
	el, isElem := b.(*flow.Element)
	if !ok || !isElem {
		return nil, false, false
	}
	return el.Range, el.Key, true
}

// copyInto adds to d every entry of the document src, which a step copies
// into it; an unknown source leaves d incomplete.
func (ev *evaluator) copyInto(d *document, src ast.Expr) {
	sd := ev.doc(src)
	if sd == nil {
		d.complete = false
		return
	}
	addAll(d, sd)
}

// addAll adds to d every entry of sd, out of any literal of d: no fix
// edits them there.
func addAll(d, sd *document) {
	for _, e := range sd.entries {
		e.node = nil
		d.entries = append(d.entries, e)
	}
	d.complete = d.complete && sd.complete
	d.merged = d.merged || sd.merged
}

// isFunc reports whether fn is the function name of the package path.
func isFunc(fn *types.Func, path, name string) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == path && fn.Name() == name && fn.Signature().Recv() == nil
}

// withoutSkippedCopies drops the values of a variable that are another of
// its values without the turns of a loop that copies a document in: the
// loop ran zero times, so the document copied was empty, and the other
// value, which holds all its entries, stands for it too.
func (ev *evaluator) withoutSkippedCopies(vals []flow.Value) []flow.Value {
	if len(vals) < 2 {
		return vals
	}
	out := vals[:0:0]
	for _, v := range vals {
		if !slices.ContainsFunc(vals, func(o flow.Value) bool { return ev.skipsCopies(v, o) }) {
			out = append(out, v)
		}
	}
	return out
}

// skipsCopies reports whether v is o without some of o's steps, each of
// which is a turn of a loop that copies a document.
func (ev *evaluator) skipsCopies(v, o flow.Value) bool {
	if v.Opaque || o.Opaque || v.Init != o.Init || v.Widened || o.Widened || len(v.Steps) >= len(o.Steps) {
		return false
	}
	j := 0
	for _, s := range o.Steps {
		if j < len(v.Steps) && sameStep(v.Steps[j], s) {
			j++
			continue
		}
		if _, ok := ev.loopCopySource(s); !ok {
			return false
		}
	}
	return j == len(v.Steps)
}

func sameStep(a, b flow.Step) bool {
	return a.Key == b.Key && a.In == b.In && a.Apply == b.Apply && a.From == b.From && slices.Equal(a.Elems, b.Elems)
}

// appended reads append(d, elems...) as d with elems added, and
// append(d, src...) as d with src's entries.
func (ev *evaluator) appended(call *ast.CallExpr) *document {
	base := ev.doc(call.Args[0])
	if base == nil {
		return nil
	}
	d := &document{complete: true}
	addAll(d, base)
	for i, elt := range call.Args[1:] {
		if call.Ellipsis.IsValid() && i == len(call.Args)-2 {
			ev.copyInto(d, elt)
		} else if !ev.addElem(d, elt, false) {
			d.complete = false
		}
	}
	return d
}

// summarizeAppend summarizes append(p, elems...) where p holds a
// parameter: the parameter, with the keys of elems. Where p is one of
// several values, each gets the keys.
func (ev *evaluator) summarizeAppend(call *ast.CallExpr, params map[*types.Var]int) (*summaryValue, bool) {
	if !flow.IsBuiltin(ev.info, call, "append") || len(call.Args) < 2 || call.Ellipsis.IsValid() {
		return nil, false
	}
	base := ev.summarize(call.Args[0], params)
	if !base.holdsParam() {
		return nil, false
	}
	added := &document{complete: true}
	for _, elt := range call.Args[1:] {
		if !ev.addElem(added, elt, false) {
			return &summaryValue{}, true
		}
	}
	var entries []summaryEntry
	for _, en := range added.entries {
		entries = append(entries, summaryEntry{Key: en.key, Value: ev.summarize(en.value, params)})
	}
	return base.extended(entries), true
}

// holdsParam reports whether v is a parameter, or one of several values
// of which one is.
func (v *summaryValue) holdsParam() bool {
	switch v.Kind {
	case paramValue:
		return v.Field == ""
	case altValue:
		return slices.ContainsFunc(v.Elems, (*summaryValue).holdsParam)
	}
	return false
}

// extended returns v with entries added: to a parameter or a complete
// document, or to each of several values; anything else stays as it is.
func (v *summaryValue) extended(entries []summaryEntry) *summaryValue {
	switch {
	case v.Kind == paramValue && v.Field == "", v.Kind == docValue:
		c := *v
		c.Entries = append(slices.Clip(v.Entries), entries...)
		return &c
	case v.Kind == altValue:
		c := *v
		c.Elems = nil
		for _, e := range v.Elems {
			c.Elems = append(c.Elems, e.extended(entries))
		}
		return &c
	}
	return v
}
