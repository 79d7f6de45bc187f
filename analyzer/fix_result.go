package analyzer

import "golang.org/x/tools/go/analysis"

func (c *checker) checkResultFix(w *write, u *unchecked) (analysis.SuggestedFix, bool) {
	return analysis.SuggestedFix{}, false
}
