package analyzer

import (
	"go/ast"
	"slices"
)

// A variable built on several paths holds one of several documents at a
// use. The rules read them as one document, merged so that every reading
// errs towards silence: a key that any path adds is in it (a filter key
// on one path is a guard, a conditional one), and it is complete only when
// every path is. No fix edits a merged document: it has no one literal.

// A merged expression stands for a value that differs between the paths
// that reach a use: one of alts. Like a summarized expression it has no
// type information, and only the evaluator reads it.
type merged struct {
	ast.BadExpr // spans the first alternative
	alts        []ast.Expr
}

// mergeValues returns a value that is a or b.
func mergeValues(a, b ast.Expr) ast.Expr {
	if a == b {
		return a
	}
	if m, ok := a.(*merged); ok {
		for _, x := range m.alts {
			if x == b {
				return a
			}
		}
		return &merged{BadExpr: m.BadExpr, alts: append(m.alts[:len(m.alts):len(m.alts)], b)}
	}
	m := &merged{alts: []ast.Expr{a, b}}
	m.From, m.To = a.Pos(), a.End()
	return m
}

// mergeDocs merges the documents ds, the values of one variable on
// different paths. A key's value is merged when the paths differ on it. A
// field of a struct value that is not a literal, merged with anything
// else, becomes a value not known.
func mergeDocs(ds []*document) *document {
	if len(ds) == 1 {
		return ds[0]
	}
	m := &document{complete: true, restComplete: true, merged: true}
	for _, d := range ds {
		m.complete = m.complete && d.complete
		m.restComplete = m.restComplete && (d.complete || len(d.applied) > 0 && d.restComplete)
		for _, a := range d.applied {
			if !slices.Contains(m.applied, a) {
				m.applied = append(m.applied, a)
			}
		}
		for _, e := range d.entries {
			e.node = nil
			i := m.index(e.key)
			if i < 0 {
				m.entries = append(m.entries, e)
				continue
			}
			old := &m.entries[i]
			switch {
			case old.value == nil && e.value == nil && old.field != nil && e.field != nil && *old.field == *e.field:
			case old.value == nil || e.value == nil:
				old.value, old.field = nil, nil
			default:
				old.value = mergeValues(old.value, e.value)
			}
		}
	}
	return m
}

// index returns the index of key's first entry in d, or -1.
func (d *document) index(key string) int {
	for i := range d.entries {
		if d.entries[i].key == key {
			return i
		}
	}
	return -1
}

// mergedDoc reads a merged value as a document: the documents of its
// alternatives merged.
func (ev *evaluator) mergedDoc(m *merged) *document {
	d := mergeRead(len(m.alts), func(i int) *document { return ev.doc(m.alts[i]) }, true)
	if d != nil && !d.merged {
		c := *d // one alternative read: a document others may hold too
		c.merged = true
		d = &c
	}
	return d
}

// mergeRead merges the documents read(0), ..., read(n-1); one that cannot
// be read, or complete false, makes the result incomplete. It returns nil
// when none can be read.
func mergeRead(n int, read func(int) *document, complete bool) *document {
	docs := make([]*document, 0, n)
	for i := range n {
		if d := read(i); d != nil {
			docs = append(docs, d)
		} else {
			complete = false
		}
	}
	if len(docs) == 0 {
		return nil
	}
	d := mergeDocs(docs)
	if !complete && d.complete {
		d = &document{entries: d.entries, merged: d.merged}
	}
	return d
}

// mergedArray reads a merged value as an array: the elements of every
// alternative.
func (ev *evaluator) mergedArray(m *merged) ([]ast.Expr, bool) {
	var elems []ast.Expr
	for _, a := range m.alts {
		es, ok := ev.array(a)
		if !ok {
			return nil, false
		}
		elems = append(elems, es...)
	}
	return elems, true
}

// mergedConst reads a merged value as a string constant: the one that
// every alternative holds.
func (ev *evaluator) mergedConst(m *merged) (string, bool) {
	var s string
	for i, a := range m.alts {
		v, ok := ev.stringConst(a)
		if !ok || i > 0 && v != s {
			return "", false
		}
		s = v
	}
	return s, true
}
