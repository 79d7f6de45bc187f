package analyzer

import (
	"fmt"
	"go/ast"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Rule unguarded-update ("Atomicity and Transactions" and "Atomic Operations"): an update that overwrites
// fields with $set (or replaces the document) while its filter constrains
// none of the fields the update changes. Two such updates running at once
// both match, both succeed, and the second silently overwrites the first:
// a lost update. The guard that documentation teaches is any filter field that the
// update itself changes: the old value of the field being set, a version
// counter that the update increments, or a state that the update moves
// on. _id is never a guard, as it cannot change.

var unguardedRule = &rule{
	name:       RuleUnguardedUpdate,
	summary:    "an update that overwrites fields with no guard in its filter",
	fix:        "$set of old value +/- delta becomes $inc; a tested field's test goes into the filter; a version guard for a decoded write-back",
	inspects:   unguardedWrite,
	precedence: 3,
	write: func(c *checker, wc *writeCheck) bool {
		return c.checkUnguarded(wc.w, wc.ev, wc.ff, wc.uf)
	},
}

// checkUnguarded reports w if it overwrites fields without a guard, out
// of a transaction, and says whether it found it so (a directive may
// still silence it). It is called only for writes that have no guard
// (see guards).
func (c *checker) checkUnguarded(w *write, ev *evaluator, ff filterFields, uf updateFields) bool {
	if !ff.complete {
		return false // the filter may hold a guard the analyzer cannot see
	}
	uf.sets = c.withoutIgnored(uf.sets)
	if len(uf.sets) == 0 && !uf.setsUnknown {
		return false // $inc, $push, ... only: applied atomically to the current value
	}
	if !uf.complete && !ff.onlyID() {
		return false // an unread operator might change a filter field
	}
	if in, param := c.transactionOf(w); in {
		if param >= 0 {
			c.deferToCallers(w, param, ev, ff, uf)
		}
		return false // see transactions.go
	}
	decoded := ev.reads.decodedBefore(w.node().Pos())
	kind := c.kindOfWrite(w, ev, uf, decoded)
	if kind == blindWrite && !c.cfg.BlindWrites {
		return false
	}
	d := analysis.Diagnostic{
		Pos:     w.node().Pos(),
		End:     w.node().End(),
		Message: unguardedMessage(kind, w, ff, uf),
	}
	if kind == readModifyWrite {
		d.Related = c.readRelated(w, ev, uf, decoded)
	}
	if fix, ok := c.unguardedFix(w, ev, ff, uf, decoded, kind); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	c.report(RuleUnguardedUpdate, d)
	return true
}

// readRelated points at the read of the document whose values the write
// uses: what makes it a read-modify-write.
func (c *checker) readRelated(w *write, ev *evaluator, uf updateFields, decoded varSet) []analysis.RelatedInformation {
	exprs := appendUncovered([]ast.Expr{w.update}, uf.sets)
	for _, v := range decoded {
		used := false
		for _, e := range exprs {
			used = used || e != nil && c.fromRead(ev, e, varSet{v}, 0)
		}
		if !used {
			continue
		}
		if d, ok := ev.reads.decodeAt(v, w.node().Pos()); ok {
			return []analysis.RelatedInformation{{Pos: d.call.Pos(), End: d.call.End(),
				Message: fmt.Sprintf("%s is read here, and the write uses it", v.Name())}}
		}
	}
	return nil
}

// withoutIgnored drops the fields of the ignore-fields setting, and the
// fields under them, from sets.
func (c *checker) withoutIgnored(sets []entry) []entry {
	if len(c.cfg.IgnoreFields) == 0 {
		return sets
	}
	var kept []entry
	for _, e := range sets {
		ignored := false
		for _, f := range c.cfg.IgnoreFields {
			if e.key == f || strings.HasPrefix(e.key, f+".") {
				ignored = true
			}
		}
		if !ignored {
			kept = append(kept, e)
		}
	}
	return kept
}

func unguardedMessage(kind writeKind, w *write, ff filterFields, uf updateFields) string {
	// Made in one buffer, with the rule's name at its end (see withRule):
	// a large package has thousands of these.
	b := make([]byte, 0, 320)
	b = append(b, kind.String()...)
	b = append(b, ": "...)
	b = append(b, w.label()...)
	switch {
	case w.replace:
		b = append(b, " replaces the whole document"...)
	case len(uf.sets) == 0:
		b = append(b, " sets fields with $set"...)
	default:
		b = append(b, " sets "...)
		b = appendQuoted(b, len(uf.sets), func(i int) string { return uf.sets[i].key })
	}
	if len(ff.paths) > 0 {
		b = append(b, " but its filter matches only "...)
		b = appendQuoted(b, len(ff.paths), func(i int) string { return ff.paths[i] })
	} else {
		b = append(b, " but its filter matches any document"...)
	}
	// Filter fields that the update changes were written back unchanged,
	// or they would be guards (see writesBack).
	var back []string
	for _, p := range ff.paths {
		if slices.Contains(ff.unpinned, p) {
			continue
		}
		for _, m := range uf.modified {
			if overlaps(p, m) {
				back = append(back, p)
				break
			}
		}
	}
	if len(back) > 0 {
		b = append(b, " and it writes "...)
		b = appendQuoted(b, len(back), func(i int) string { return back[i] })
		b = append(b, " back unchanged"...)
	}
	if len(ff.unpinned) > 0 {
		b = append(b, "; its test of "...)
		b = appendQuoted(b, len(ff.unpinned), func(i int) string { return ff.unpinned[i] })
		b = append(b, " is a range, which does not pin the value read: two writers that read the same value both pass it and both write"...)
	}
	b = append(b, ": a concurrent update of the same document is silently overwritten (lost update); "+
		"add the current value or a version field to the filter, or use $inc"...)
	b = appendRule(b, RuleUnguardedUpdate)
	return string(b)
}

// quoteList formats names as "a", "b", "c", without repeats.
func quoteList(names []string) string {
	return string(appendQuoted(nil, len(names), func(i int) string { return names[i] }))
}

// appendQuoted appends the n names that name(i) gives to b, as quoteList
// formats them.
func appendQuoted(b []byte, n int, name func(int) string) []byte {
	start := len(b)
	for i := range n {
		s := name(i)
		seen := false
		for j := range i {
			seen = seen || name(j) == s
		}
		if seen {
			continue
		}
		if len(b) > start {
			b = append(b, ", "...)
		}
		b = strconv.AppendQuote(b, s)
	}
	return b
}
