package analyzer

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/tools/go/analysis/analysistest"
)

// namedPackages hold cases that issues 2 and 6 name and that had no test
// of their own, for both drivers. TestDiagnosticURLs runs every rule on
// them, which checks their // want lines: a call is also seen reported
// under one rule only.
var namedPackages = []string{"namedcases", "namedcasesv1"}

// TestDiagnosticURLs checks issue 2's "Each diagnostic's Category is its
// rule name and its URL points to the rule's section of the README": the
// URL is the repository's README with the rule's anchor, and the README
// has a heading with that anchor. The named packages hold a finding of
// every rule and a malformed directive, whose section is Suppression.
func TestDiagnosticURLs(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	anchors := headingAnchors(readme)
	const repo = "https://github.com/mongocas/mongocas-lint"
	seen := make(map[string]int)
	for _, r := range analysistest.Run(t, analysistest.TestData(), testAnalyzer(), namedPackages...) {
		for _, d := range r.Action.Diagnostics {
			seen[d.Category]++
			anchor := d.Category
			switch {
			case d.Category == ruleDirective:
				anchor = "suppression"
			case !slices.Contains(AllRules(), d.Category):
				t.Errorf("%s: category %q is not a rule", r.Action.Package.Fset.Position(d.Pos), d.Category)
				continue
			}
			if want := repo + "#" + anchor; d.URL != want {
				t.Errorf("%s: %s diagnostic has URL %q, want %q", r.Action.Package.Fset.Position(d.Pos), d.Category, d.URL, want)
			}
			if !anchors[anchor] {
				t.Errorf("%s: README.md has no heading with anchor #%s", r.Action.Package.Fset.Position(d.Pos), anchor)
			}
		}
	}
	for _, rule := range append(AllRules(), ruleDirective) {
		if seen[rule] == 0 {
			t.Errorf("no %s diagnostic in %v: its URL is not checked", rule, namedPackages)
		}
	}
}

// headingAnchors returns the anchors GitHub gives the Markdown headings
// of src (lower case, punctuation dropped, spaces as hyphens), outside
// fenced code blocks.
func headingAnchors(src []byte) map[string]bool {
	anchors := make(map[string]bool)
	fenced := false
	sc := bufio.NewScanner(bytes.NewReader(src))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
			continue
		}
		if fenced || !strings.HasPrefix(line, "#") {
			continue
		}
		title := strings.TrimSpace(strings.TrimLeft(line, "#"))
		var b strings.Builder
		for _, r := range strings.ToLower(title) {
			switch {
			case r == ' ':
				b.WriteRune('-')
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
				b.WriteRune(r)
			}
		}
		anchors[b.String()] = true
	}
	return anchors
}
