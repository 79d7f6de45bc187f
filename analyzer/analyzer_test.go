package analyzer

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// testAnalyzer returns an analyzer running only the given rules, with
// panics not contained, so that a bug fails the test.
func testAnalyzer(rules ...string) *analysis.Analyzer {
	cfg := DefaultConfig()
	if len(rules) > 0 {
		cfg.Rules = rules
	}
	cfg.strict = true
	return New(cfg)
}

func TestUnguardedUpdate(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), testAnalyzer(RuleUnguardedUpdate), "unguarded", "unguardedv1")
}

func TestUncheckedResult(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), testAnalyzer(RuleUncheckedResult), "unchecked", "uncheckedv1")
}

func TestIgnoreDirectives(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), testAnalyzer(), "ignore")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), testAnalyzer(), "fixinc", "fixversion", "fixcheck")
}
