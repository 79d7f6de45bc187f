package main

import (
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mongocas/mongocas-lint/analyzer"
	"github.com/owenrumney/go-sarif/v2/sarif"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
)

// printSARIF writes the findings of the root packages as a SARIF 2.1.0
// log, the format GitHub code scanning and most CI dashboards read: one
// rule entry per rule (its summary, its fix, its README section), one
// result per finding with its related locations, and its fixes as
// replacements. Paths are relative to the working directory when they
// are under it, as code scanning expects.
func printSARIF(w io.Writer, graph *checker.Graph) error {
	report, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	run := sarif.NewRunWithInformationURI("mongocas-lint", analyzer.DocURL)
	if v := version(); v != "" {
		run.Tool.Driver.WithVersion(v)
	}
	for _, r := range analyzer.Rules() {
		help := r.Summary + "."
		if r.Fix != "" {
			help += " Fix: " + r.Fix + "."
		}
		run.AddRule(r.Name).WithDescription(r.Summary).WithHelpURI(r.URL).WithTextHelp(help).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithEnabled(r.Default).WithLevel("warning"))
	}
	wd, _ := os.Getwd()
	uri := func(name string) string {
		if rel, err := filepath.Rel(wd, name); err == nil && wd != "" && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
		return "file://" + filepath.ToSlash(name)
	}
	location := func(fset *token.FileSet, pos, end token.Pos) *sarif.Location {
		p, e := fset.Position(pos), fset.Position(end)
		if !e.IsValid() {
			e = p
		}
		run.AddDistinctArtifact(uri(p.Filename))
		return sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
			WithArtifactLocation(sarif.NewSimpleArtifactLocation(uri(p.Filename))).
			WithRegion(region(p, e)))
	}
	shared := filesInSeveralRoots(graph)
	seen := make(map[string]bool)
	for act := range graph.All() {
		if act.Err != nil || !act.IsRoot {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			rule := d.Category
			if !slices.Contains(analyzer.AllRules(), rule) {
				rule = "ignore-directive"
				if _, err := run.GetRuleById(rule); err != nil {
					run.AddRule(rule).WithDescription("a //mongocas:ignore directive that is malformed").
						WithHelpURI(strings.TrimSuffix(analyzer.DocURL, "#readme") + "#suppression")
				}
			}
			if f := fset.File(d.Pos); f != nil && shared[f.Name()] {
				key := fset.Position(d.Pos).String() + "\x00" + d.Message
				if seen[key] {
					continue // a file of both p and p.test
				}
				seen[key] = true
			}
			res := run.CreateResultForRule(rule).WithLevel("warning").WithMessage(sarif.NewTextMessage(d.Message))
			res.AddLocation(location(fset, d.Pos, d.End))
			for _, rel := range d.Related {
				res.AddRelatedLocation(location(fset, rel.Pos, rel.End).WithMessage(sarif.NewTextMessage(rel.Message)))
			}
			for _, fix := range d.SuggestedFixes {
				res.AddFix(sarifFix(fset, fix, uri))
			}
		}
	}
	report.AddRun(run)
	return report.PrettyWrite(w)
}

// sarifFix turns a suggested fix into SARIF replacements, one artifact
// change per file.
func sarifFix(fset *token.FileSet, fix analysis.SuggestedFix, uri func(string) string) *sarif.Fix {
	f := sarif.NewFix().WithDescriptionText(fix.Message)
	changes := make(map[string]*sarif.ArtifactChange)
	var order []string
	for _, e := range fix.TextEdits {
		p, end := fset.Position(e.Pos), fset.Position(e.End)
		if !end.IsValid() {
			end = p
		}
		name := uri(p.Filename)
		ch, ok := changes[name]
		if !ok {
			ch = sarif.NewArtifactChange(sarif.NewSimpleArtifactLocation(name))
			changes[name] = ch
			order = append(order, name)
		}
		ch.WithReplacement(sarif.NewReplacement(region(p, end)).
			WithInsertedContent(sarif.NewArtifactContent().WithText(string(e.NewText))))
	}
	for _, name := range order {
		f.AddArtifactChanges(changes[name])
	}
	return f
}

// region is the SARIF region from p to end; columns count bytes, as Go's
// do, which matches SARIF's characters on ASCII source.
func region(p, end token.Position) *sarif.Region {
	return sarif.NewRegion().WithStartLine(p.Line).WithStartColumn(p.Column).WithEndLine(end.Line).WithEndColumn(end.Column)
}
