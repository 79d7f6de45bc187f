package analyzer

import "golang.org/x/tools/go/analysis"

func (c *checker) unguardedFix(w *write, ev *evaluator, ff filterFields, uf updateFields) (analysis.SuggestedFix, bool) {
	return analysis.SuggestedFix{}, false
}
