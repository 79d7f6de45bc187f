package analyzer

import (
	"fmt"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Rule stale-write-back ("Atomic Operations", "The ABA Nuance"; the variants of "Isolate Sequence of Operations").
// Code reads a whole document, changes it in memory, and writes all of it
// back (ReplaceOne, FindOneAndReplace, ReplaceOneModel, or $set of the
// whole struct) with a filter that checks one field it owns, such as
// {_id, status: old}. The filter makes the write conditional on that
// field, but every other field is written back as it was read: a change
// another writer made to them in between is silently undone. MongoDB's documented
// answers: $set only the fields this code owns, put a version field in
// the filter and increment it, or put the whole document in the filter.
//
// There is no fix: which fields the code owns, or whether every writer
// of the collection increments a version field, is a design decision the
// analyzer cannot see.
//
// A write-back filtered on _id alone has no guard at all: that is
// unguarded-update's finding. A filter on a version field (the
// version-fields setting) is the documented answer, and is not reported.

var staleRule = &rule{
	name:       RuleStaleWriteBack,
	summary:    "a whole decoded document written back under a filter that checks only some of its fields",
	inspects:   guardedWrite | maybeGuarded,
	precedence: 1,
	write: func(c *checker, wc *writeCheck) bool {
		return c.checkStaleWriteBack(wc.w, wc.ev, wc.ff, wc.uf, slices.Concat(wc.guards, wc.maybe))
	},
}

// checkStaleWriteBack reports w if it writes back a whole decoded document
// with a filter that checks some, but not all, of its fields, and says
// whether it did so (a directive may still silence it). changed are the
// filter fields that the write changes, or may change (see guards).
func (c *checker) checkStaleWriteBack(w *write, ev *evaluator, ff filterFields, uf updateFields, changed []string) bool {
	if !ff.complete || uf.setsUnknown || uf.notUpdate {
		return false
	}
	x, ok := c.wholeDocument(w, uf)
	if !ok {
		return false
	}
	fl := ev.reads
	d, ok := fl.decodeAt(x, w.node().Pos())
	if !ok {
		return false
	}
	r := fl.readOfDecode(c.pass.TypesInfo, d)
	if r == nil || r.method == "CountDocuments" {
		return false
	}
	if coll := collectionOf(w); coll != nil && !ev.sameCollection(r.coll, coll) {
		return false // written somewhere else than where it was read
	}
	// The filter fields that can make the write miss: not _id, and changed
	// by the write (a field written back as matched checks nothing).
	var checked []string
	for _, p := range ff.paths {
		if c.isVersionField(p) {
			return false
		}
		if !isIDPath(p) && slices.Contains(changed, p) {
			checked = append(checked, p)
		}
	}
	if len(checked) == 0 {
		return false
	}
	// The fields written back blindly: any the filter does not check.
	var blind []string
	for _, e := range c.withoutIgnored(uf.sets) {
		if !slices.ContainsFunc(ff.paths, func(p string) bool { return overlaps(p, e.key) }) {
			blind = append(blind, e.key)
		}
	}
	if len(blind) == 0 || c.inTransaction(w) {
		return false // the whole document is in the filter
	}
	c.report(RuleStaleWriteBack, analysis.Diagnostic{
		Pos: w.node().Pos(),
		End: w.node().End(),
		Message: fmt.Sprintf("%s writes back the whole document %s read by %s, but its filter checks only %s: "+
			"a change another writer made to %s since the read is silently overwritten; "+
			"$set only the fields this code owns, or guard the write with a version field",
			w.label(), x.Name(), r.method, quoteList(checked), shortList(blind, 3)),
		Related: []analysis.RelatedInformation{{Pos: r.call.Pos(), End: r.call.End(),
			Message: fmt.Sprintf("%s is read here, by %s", x.Name(), r.method)}},
	})
	return true
}

// wholeDocument returns the local variable that w writes back whole: the
// replacement (x or &x), or the value of an update's $set (bson.M{"$set":
// x}) when x is a struct.
func (c *checker) wholeDocument(w *write, uf updateFields) (*types.Var, bool) {
	e := w.update
	if !w.replace {
		if uf.doc == nil || !uf.doc.complete || uf.setValue == nil {
			return nil, false
		}
		e = uf.setValue
	}
	v, ok := pointedVar(c.pass.TypesInfo, e)
	if !ok {
		return nil, false
	}
	if _, isStruct := derefStruct(v.Type()); !isStruct {
		return nil, false
	}
	return v, true
}

// isVersionField reports whether the filter path p is a version counter
// of the version-fields setting (version, or meta.version).
func (c *checker) isVersionField(p string) bool {
	return slices.Contains(c.cfg.VersionFields, p[strings.LastIndex(p, ".")+1:])
}

// shortList quotes at most n names, and says how many more there are.
func shortList(names []string, n int) string {
	if len(names) <= n {
		return quoteList(names)
	}
	return fmt.Sprintf("%s and %d more", quoteList(names[:n]), len(names)-n)
}
