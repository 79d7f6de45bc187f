package main

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mongocas/mongocas-lint/analyzer"
	"github.com/mongocas/mongocas-lint/internal/clitest"
	"github.com/owenrumney/go-sarif/v2/sarif"
)

// TestSARIF reads back the SARIF log of the example (the schema itself is
// checked in tools/golangci-lint, whose module has a validator): one rule
// entry per rule, one result per finding of -json, in the finding's file
// and line, with its related locations and its fixes.
func TestSARIF(t *testing.T) {
	bin := buildLinter(t)
	dir := clitest.CopyModule(t, "../../example")
	out, code := run(t, dir, bin, "-sarif", "./...")
	if code != exitClean {
		t.Fatalf("-sarif: exit %d, want %d\n%s", code, exitClean, out)
	}
	report, err := sarif.FromString(out)
	if err != nil {
		t.Fatalf("reading the SARIF back: %v\n%s", err, out)
	}
	if report.Version != "2.1.0" || len(report.Runs) != 1 {
		t.Fatalf("version %q, %d runs; want 2.1.0, 1", report.Version, len(report.Runs))
	}
	run0 := report.Runs[0]
	var ids []string
	for _, r := range run0.Tool.Driver.Rules {
		ids = append(ids, r.ID)
		if r.HelpURI == nil || !strings.HasSuffix(*r.HelpURI, "#"+r.ID) || r.ShortDescription == nil {
			t.Errorf("rule %s: help URI %v, want the README's #%s section, and a description", r.ID, r.HelpURI, r.ID)
		}
	}
	if !slices.Equal(ids, analyzer.AllRules()) {
		t.Errorf("rules %v, want %v", ids, analyzer.AllRules())
	}

	jsonOut, _ := run(t, dir, bin, "-json", "./...")
	want := clitest.ParseJSON(t, jsonOut)
	related := clitest.ParseRelated(t, jsonOut)
	var got []clitest.Finding
	gotRelated := make(map[string][]string)
	for _, res := range run0.Results {
		loc := res.Locations[0].PhysicalLocation
		where := (*loc.ArtifactLocation.URI)[strings.LastIndex(*loc.ArtifactLocation.URI, "/")+1:] + ":" + itoa(*loc.Region.StartLine)
		if strings.HasPrefix(*loc.ArtifactLocation.URI, "file:") || strings.HasPrefix(*loc.ArtifactLocation.URI, "/") {
			t.Errorf("%s: URI %s, want a path relative to the module", where, *loc.ArtifactLocation.URI)
		}
		got = append(got, clitest.Finding{Where: where, Message: *res.Message.Text, Category: *res.RuleID, Fixable: len(res.Fixes) > 0})
		for _, rel := range res.RelatedLocations {
			p := rel.PhysicalLocation
			file := (*p.ArtifactLocation.URI)[strings.LastIndex(*p.ArtifactLocation.URI, "/")+1:]
			gotRelated[where] = append(gotRelated[where], file+":"+itoa(*p.Region.StartLine)+": "+*rel.Message.Text)
		}
		for _, fix := range res.Fixes {
			if len(fix.ArtifactChanges) == 0 || len(fix.ArtifactChanges[0].Replacements) == 0 {
				t.Errorf("%s: a fix without replacements", where)
			}
		}
	}
	slices.SortFunc(got, func(a, b clitest.Finding) int { return strings.Compare(a.String(), b.String()) })
	if !slices.Equal(got, want) {
		t.Errorf("SARIF results differ from -json:\n%v\nwant\n%v", got, want)
	}
	for where, rels := range related {
		if !slices.Equal(gotRelated[where], rels) {
			t.Errorf("%s: related locations %v, want %v", where, gotRelated[where], rels)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestVersion checks -version and the -V=full line go vet keys its cache
// with.
func TestVersion(t *testing.T) {
	bin := buildLinter(t)
	out, code := run(t, t.TempDir(), bin, "-version")
	if code != exitClean || !strings.HasPrefix(out, "mongocas-lint ") || strings.Contains(out, "unknown") {
		t.Errorf("-version: exit %d, %q", code, out)
	}
	out, code = run(t, t.TempDir(), bin, "-V=full")
	if code != exitClean || !regexp.MustCompile(`^mongocas-lint version \S.* buildID=[0-9a-f]{64}\n$`).MatchString(out) {
		t.Errorf("-V=full: exit %d, %q", code, out)
	}
	out, code = run(t, t.TempDir(), bin, "help")
	for _, r := range analyzer.AllRules() {
		if code != exitClean || !strings.Contains(out, "\n  "+r+" ") {
			t.Errorf("help does not list rule %s (exit %d):\n%s", r, code, out)
		}
	}
}
