package analyzer

import (
	"fmt"
	"go/token"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The fix for check-then-act: repeat the test in the filter, so that the
// server tests and writes at once ({"qty": bson.M{"$gt": 0}}), and check
// the result, since the write may now match nothing. It is offered when
// every test is a plain comparison (see comparison) and the filter is a
// literal written in the call. unguardedFix adds the same edits to its
// $inc fix.

// testFilterFix is the fix that adds tests to w's filter, and checks the
// result when the code does not.
func (c *checker) testFilterFix(w *write, ev *evaluator, tests []fieldTest) (analysis.SuggestedFix, bool) {
	if w.byID() || w.wrapper != "" || len(tests) == 0 {
		return analysis.SuggestedFix{}, false
	}
	filter := ev.doc(w.filter)
	if filter == nil || filter.lit == nil || filter.lit.Type == nil || !isInside(filter.lit, w.node()) {
		return analysis.SuggestedFix{}, false
	}
	fset := c.pass.Fset
	typ := exprText(fset, filter.lit.Type)
	if typ == "" {
		return analysis.SuggestedFix{}, false
	}
	// One element per field, with all of its tests: a map literal cannot
	// hold a key twice.
	var fields []string
	byField := make(map[string][]fieldTest)
	for _, t := range tests {
		if t.op == token.ILLEGAL {
			return analysis.SuggestedFix{}, false
		}
		if byField[t.field] == nil {
			fields = append(fields, t.field)
		}
		for _, o := range byField[t.field] {
			if o.op == t.op {
				return analysis.SuggestedFix{}, false
			}
		}
		byField[t.field] = append(byField[t.field], t)
	}
	var elems []string
	for _, f := range fields {
		ts := byField[f]
		var value string
		if len(ts) == 1 && ts[0].op == token.EQL {
			value = exprText(fset, ts[0].value)
		} else {
			var ops []string
			for _, t := range ts {
				v := exprText(fset, t.value)
				if v == "" {
					return analysis.SuggestedFix{}, false
				}
				ops = append(ops, c.element(filter.lit, strconv.Quote(queryOps[t.op]), v))
			}
			value = typ + "{" + strings.Join(ops, ", ") + "}"
		}
		if value == "" {
			return analysis.SuggestedFix{}, false
		}
		elems = append(elems, c.element(filter.lit, strconv.Quote(f), value))
	}
	// The write is now conditional: look at its outcome.
	check, ok := c.outcomeCheckEdits(w)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	msg := fmt.Sprintf("Add %s to the filter", strings.Join(elems, ", "))
	if len(check) > 0 {
		msg += " and return an error when nothing matches"
	}
	return analysis.SuggestedFix{
		Message:   msg,
		TextEdits: append([]analysis.TextEdit{appendElement(fset, filter.lit, elems...)}, check...),
	}, true
}
