// Package fixtest runs analyzers on test data and checks their fixes
// against golden files, for the tests of the analyzer and of the plugin.
package fixtest

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Run runs analysistest.RunWithSuggestedFixes on the packages of dir,
// which compares a golden file only with a file that got an edit, and
// fails when a package has no golden file or a file with a golden file
// got no fix: a rule or a setting that stops a fix being offered must not
// pass unnoticed.
func Run(t *testing.T, dir string, a *analysis.Analyzer, pkgs ...string) {
	t.Helper()
	fixed := make(map[string]bool)
	for _, r := range analysistest.RunWithSuggestedFixes(t, dir, a, pkgs...) {
		for _, d := range r.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				for _, e := range fix.TextEdits {
					fixed[r.Pass.Fset.File(e.Pos).Name()] = true
				}
			}
		}
	}
	for _, pkg := range pkgs {
		goldens, err := filepath.Glob(filepath.Join(dir, "src", filepath.FromSlash(pkg), "*.golden"))
		if err != nil || len(goldens) == 0 {
			t.Fatalf("%s: no golden files: %v", pkg, err)
		}
		for _, golden := range goldens {
			if name := strings.TrimSuffix(golden, ".golden"); !fixed[name] {
				t.Errorf("%s: no fix was offered in the file", name)
			}
		}
	}
}
