package analyzer

import (
	"go/ast"
	"slices"
	"strings"
)

// This file turns the documents of a write into the two facts the rules
// need: which fields the filter constrains, and which fields the update
// changes (and which of those it overwrites with a value sent from Go).

// filterFields is what a filter constrains.
type filterFields struct {
	paths    []string // constrained field paths, in source order
	complete bool     // the filter holds nothing else the analyzer cannot read
	// merged: a document of the filter is one of several, on different
	// paths; see checkWrite.
	merged bool
	// equal holds the top-level {field: value} equalities, for telling
	// whether an update writes back the value it matched (see equalTo). A
	// filter has few: a slice costs less than a map.
	equal []fieldValue
	// ranged are the top-level fields that the filter tests only with
	// range or set operators ($gt, $in, $exists...): a test that two
	// writers can both pass with the same old value (see pinning).
	ranged []string
	// unpinned are the fields of ranged that would guard the write but
	// do not pin the value it writes from a read; set by checkWrite.
	unpinned []string
}

// A fieldValue is a field and the value a filter matches it with.
type fieldValue struct {
	field string
	value ast.Expr
}

// equalTo returns the value that the filter's top-level equality on field
// matches; the last one, as the driver sends a repeated key.
func (ff filterFields) equalTo(field string) (ast.Expr, bool) {
	for i := len(ff.equal) - 1; i >= 0; i-- {
		if ff.equal[i].field == field {
			return ff.equal[i].value, true
		}
	}
	return nil, false
}

// onlyID reports whether the filter constrains no field other than _id.
// Such a filter can never guard an update: _id cannot change.
func (ff filterFields) onlyID() bool {
	for _, p := range ff.paths {
		if !isIDPath(p) {
			return false
		}
	}
	return true
}

// filterOf reads the filter of w.
func (ev *evaluator) filterOf(w *write) filterFields {
	if w.byID() {
		return filterFields{paths: []string{"_id"}, complete: true}
	}
	ff := filterFields{complete: true}
	d := ev.doc(w.filter)
	if d == nil {
		return filterFields{}
	}
	ev.collectFilter(d, &ff, true, nil)
	return ff
}

// collectFilter adds the conditions of d to ff. seen are the documents
// read so far: a document built from itself in a loop holds itself, so a
// document met again is not read again, and the filter is incomplete.
func (ev *evaluator) collectFilter(d *document, ff *filterFields, top bool, seen *[]*document) {
	if seen != nil {
		if slices.Contains(*seen, d) || len(*seen) > maxDepth {
			ff.complete = false
			return
		}
		*seen = append(*seen, d)
	}
	if !d.complete {
		ff.complete = false
	}
	ff.merged = ff.merged || d.merged
	for _, e := range d.entries {
		switch {
		case e.key == "$and" || e.key == "$or" || e.key == "$nor":
			// A field named in any branch counts as constrained: that
			// errs towards silence.
			elems, ok := ev.array(e.value)
			if !ok {
				ff.complete = false
				continue
			}
			for _, elem := range elems {
				sub := ev.doc(elem)
				if sub == nil {
					ff.complete = false
					continue
				}
				if seen == nil {
					seen = &[]*document{d} // made for the filters that nest documents only
				}
				// The branches of $and all hold, as the top level's
				// conditions do: an equality there pins its field.
				ev.collectFilter(sub, ff, top && e.key == "$and", seen)
			}
		case e.key == "$comment", removedFilterOps[e.key]:
			// No condition on the document: a note, or a lock hint that
			// removed-operator reports. Its fix must not change what
			// the other rules see.
		case strings.HasPrefix(e.key, "$"):
			// $expr, $where, $text...: conditions the analyzer does not read.
			ff.complete = false
		default:
			if !slices.Contains(ff.paths, e.key) {
				ff.paths = append(ff.paths, e.key)
			}
			if top && e.value != nil {
				if v, ok := ev.equalityOf(e.value); ok {
					ff.equal = append(ff.equal, fieldValue{e.key, v})
				} else if ev.rangeOnly(e.value) {
					ff.ranged = append(ff.ranged, e.key)
				}
			}
		}
	}
}

// updateFields is what an update changes.
type updateFields struct {
	sets     []entry  // fields overwritten with a value sent from Go
	modified []string // every field the update changes, _id excluded
	// setsUnknown: $set or a replacement writes fields that cannot all be
	// listed.
	setsUnknown bool
	// changesValues: the update changes a path of modified other than by
	// adding or removing array elements ($push, $addToSet, $pull,
	// $pullAll); see membershipOnly.
	changesValues bool
	// complete: every operator of the update was read in full.
	complete bool
	// notUpdate: the document has keys that are not operators, which the
	// driver rejects for an update; the analyzer says nothing of it.
	notUpdate bool
	// merged: a document of the update is one of several, on different
	// paths; see checkWrite.
	merged bool

	doc      *document // the update document, for fixes; nil for pipelines
	setValue ast.Expr  // the value of its "$set", for fixes
}

// modifierOps are the update operators that change the fields under them.
// $setOnInsert is not one: it only applies when an upsert inserts.
var modifierOps = map[string]bool{
	"$set": true, "$inc": true, "$unset": true, "$mul": true, "$min": true,
	"$max": true, "$currentDate": true, "$push": true, "$pull": true,
	"$addToSet": true, "$pop": true, "$rename": true, "$bit": true,
	"$pullAll": true, "$pushAll": true,
}

// updateOf reads the update, pipeline or replacement of w.
func (ev *evaluator) updateOf(w *write) updateFields {
	uf := updateFields{complete: true}
	if isNil(ev.info, w.update) {
		return updateFields{notUpdate: true} // the driver rejects it
	}
	switch {
	case w.replace:
		d := ev.doc(w.update)
		if d == nil {
			return updateFields{setsUnknown: true}
		}
		uf.doc, uf.merged = d, d.merged
		for _, e := range d.entries {
			uf.addSet(e)
		}
		if !d.complete {
			uf.setsUnknown, uf.complete = true, false
		}
	case ev.isArray(w.update):
		ev.readPipeline(w.update, &uf)
	default:
		d := ev.doc(w.update)
		if d == nil {
			return updateFields{}
		}
		uf.doc, uf.merged = d, d.merged
		uf.complete = d.complete
		for _, e := range d.entries {
			ev.readOperator(e, &uf)
		}
	}
	return uf
}

// isArray reports whether the update e is a pipeline: an array, also as
// a wrapper's summary gives it ([{$set: $3}]).
func (ev *evaluator) isArray(e ast.Expr) bool {
	e = ast.Unparen(e)
	if s, ok := e.(*summarized); ok {
		return s.v.Kind == arrayValue
	}
	t := typeOf(ev.info, e)
	return t != nil && kindOf(t) == arrayDoc
}

func (uf *updateFields) addSet(e entry) {
	if isIDPath(e.key) {
		return
	}
	uf.sets = append(uf.sets, e)
	uf.addModified(e.key)
}

func (uf *updateFields) addModified(path string) {
	uf.addMember(path)
	uf.changesValues = true
}

// addMember adds a path whose array the update adds elements to or
// removes elements from.
func (uf *updateFields) addMember(path string) {
	if !isIDPath(path) && !slices.Contains(uf.modified, path) {
		uf.modified = append(uf.modified, path)
	}
}

// membershipOps are the update operators that add or remove array
// elements without changing the others.
var membershipOps = map[string]bool{"$push": true, "$addToSet": true, "$pull": true, "$pullAll": true}

// readOperator reads one top-level entry of an update document.
func (ev *evaluator) readOperator(op entry, uf *updateFields) {
	switch {
	case !strings.HasPrefix(op.key, "$"):
		uf.notUpdate = true
		return
	case op.key == "$setOnInsert":
		return
	case !modifierOps[op.key] || op.value == nil || ev.callersField(op.value):
		// A builder's field that the caller filled (u.set of a parameter u):
		// the write is checked at each call (see builders.go).
		uf.complete = false
		return
	}
	d := ev.doc(op.value)
	if d != nil && d.merged {
		uf.merged = true
	}
	if op.key == "$set" {
		uf.setValue = op.value
		if d == nil || !d.complete {
			uf.setsUnknown = true
		}
	}
	if d == nil {
		uf.complete = false
		return
	}
	if !d.complete {
		uf.complete = false
	}
	for _, e := range d.entries {
		if op.key == "$set" {
			uf.addSet(e)
			continue
		}
		if membershipOps[op.key] {
			uf.addMember(e.key)
			continue
		}
		uf.addModified(e.key)
		if op.key == "$rename" {
			if to, ok := ev.stringConst(e.value); ok {
				uf.addModified(to)
			} else {
				uf.complete = false
			}
		}
	}
}

// readPipeline reads an update pipeline. A $set or $addFields stage whose
// value is an aggregation expression is computed on the server from the
// document as it is at the time of the write, which is atomic; a value
// sent from Go overwrites like a $set.
func (ev *evaluator) readPipeline(e ast.Expr, uf *updateFields) {
	stages, ok := ev.array(e)
	if !ok {
		uf.complete = false
		return
	}
	for _, s := range stages {
		stage := ev.doc(s)
		if stage == nil || !stage.complete {
			uf.complete = false
			continue
		}
		for _, op := range stage.entries {
			switch op.key {
			case "$set", "$addFields":
				fields := ev.doc(op.value)
				if fields != nil && fields.merged || stage.merged {
					uf.merged = true
				}
				if fields == nil || !fields.complete {
					uf.setsUnknown, uf.complete = true, false
				}
				if fields == nil {
					continue
				}
				for _, f := range fields.entries {
					switch {
					case f.value != nil && ev.isServerExpression(f.value):
						uf.addModified(f.key)
					case ev.marshalsItself(f.value):
						// It may encode an expression or a value: unknown.
						uf.addModified(f.key)
						uf.complete = false
					default:
						uf.addSet(f)
					}
				}
			case "$unset":
				ev.readUnsetStage(op.value, uf)
			default:
				uf.complete = false
			}
		}
	}
}

// marshalsItself reports whether e is of a type that encodes itself
// (MarshalBSON, MarshalBSONValue), so what it sends cannot be read.
func (ev *evaluator) marshalsItself(e ast.Expr) bool {
	t := typeOf(ev.info, e)
	return t != nil && hasCustomMarshaller(t)
}

func (ev *evaluator) readUnsetStage(v ast.Expr, uf *updateFields) {
	if name, ok := ev.stringConst(v); ok {
		uf.addModified(name)
		return
	}
	names, ok := ev.array(v)
	if !ok {
		uf.complete = false
		return
	}
	for _, n := range names {
		if name, ok := ev.stringConst(n); ok {
			uf.addModified(name)
		} else {
			uf.complete = false
		}
	}
}

// guards returns the filter fields that the update changes: the fields
// that make the write conditional, because a concurrent writer that
// changes them first makes this filter miss. A field that the update sets
// back to the very value the filter matched changes nothing, and guards
// nothing (see writesBack). maybe are the fields that may or may not be
// written back unchanged: without a sure guard, the rules then stay
// silent. Both keep the order of the filter.
func (ev *evaluator) guards(ff filterFields, uf updateFields) (sure, maybe []string) {
	for _, f := range ff.paths {
		for _, m := range uf.modified {
			if !overlaps(f, m) {
				continue
			}
			back, unsure := ev.writesBack(ff, uf, f, m)
			if unsure {
				if !slices.Contains(maybe, f) {
					maybe = append(maybe, f)
				}
				continue
			}
			if !back {
				sure = append(sure, f)
				break
			}
		}
	}
	return sure, maybe
}

// equalityOf returns the value that a filter's condition on a field
// matches it with, when the condition is an equality: a value, or
// {$eq: value}.
func (ev *evaluator) equalityOf(cond ast.Expr) (ast.Expr, bool) {
	d := ev.doc(cond)
	if d == nil || len(d.entries) == 0 || !strings.HasPrefix(d.entries[0].key, "$") {
		return cond, true
	}
	if len(d.entries) == 1 && d.entries[0].key == "$eq" && d.complete && d.entries[0].value != nil {
		return d.entries[0].value, true
	}
	return nil, false
}

// rangeOps are the filter operators that test a field without pinning
// its value: many values pass them.
var rangeOps = map[string]bool{
	"$gt": true, "$gte": true, "$lt": true, "$lte": true, "$ne": true,
	"$in": true, "$nin": true, "$exists": true,
}

// rangeOnly reports whether the condition cond is made of rangeOps only.
func (ev *evaluator) rangeOnly(cond ast.Expr) bool {
	d := ev.doc(cond)
	if d == nil || !d.complete || len(d.entries) == 0 {
		return false
	}
	for _, e := range d.entries {
		if !rangeOps[e.key] {
			return false
		}
	}
	return true
}

// overlaps reports whether two field paths name the same field or one
// holds the other: a filter on "stats" or "stats.level" constrains
// "stats.level". Positional segments ($, $[], $[id]) are dropped first.
func overlaps(a, b string) bool {
	a, b = dropPositional(a), dropPositional(b)
	return a == b || strings.HasPrefix(a, b+".") || strings.HasPrefix(b, a+".")
}

func dropPositional(path string) string {
	if !strings.Contains(path, "$") {
		return path
	}
	segs := strings.Split(path, ".")
	kept := segs[:0]
	for _, s := range segs {
		if !strings.HasPrefix(s, "$") {
			kept = append(kept, s)
		}
	}
	return strings.Join(kept, ".")
}

func isIDPath(p string) bool { return p == "_id" || strings.HasPrefix(p, "_id.") }
