package main

import (
	"fmt"
	"go/format"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/mongocas/mongocas-lint/internal/textdiff"
	"golang.org/x/tools/go/analysis/checker"
)

// applyFixes applies the suggested fixes of the root packages' findings,
// or prints them as a unified diff. A finding in a file of several
// packages (a package and its test variant) is fixed once; a fix that
// overlaps another one already accepted is left out and named.
func applyFixes(graph *checker.Graph, diff bool, stdout, stderr io.Writer) error {
	files := make(map[string][]textdiff.Edit) // the edits accepted, by file
	for _, act := range graph.Roots {
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				byFile := make(map[string][]textdiff.Edit)
				for _, e := range fix.TextEdits {
					f, edit := textdiff.FromAnalysis(fset, e)
					byFile[f.Name()] = append(byFile[f.Name()], edit)
				}
				if !acceptFix(files, byFile) {
					printf(stderr, "mongocas-lint: %s: fix %q left out: it overlaps another fix\n", fset.Position(d.Pos), fix.Message)
				}
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		src, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		fixed, err := textdiff.Apply(src, files[name])
		if err != nil {
			return fmt.Errorf("fixes of %s: %w", name, err)
		}
		out, err := format.Source(fixed)
		if err != nil {
			return fmt.Errorf("fixes of %s do not parse, left unapplied: %w", name, err)
		}
		if diff {
			if _, err := io.WriteString(stdout, unifiedDiff(name, src, out)); err != nil {
				return err
			}
			continue
		}
		if err := os.WriteFile(name, out, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// acceptFix adds the edits of one fix unless one of them overlaps an edit
// already accepted; edits equal to accepted ones (the same fix reached
// through a test variant) are dropped.
func acceptFix(files map[string][]textdiff.Edit, byFile map[string][]textdiff.Edit) bool {
	added := make(map[string][]textdiff.Edit)
	for name, edits := range byFile {
		for _, e := range edits {
			if slices.Contains(files[name], e) {
				continue
			}
			for _, a := range files[name] {
				if textdiff.Overlaps(a, e) {
					return false
				}
			}
			added[name] = append(added[name], e)
		}
	}
	for name, edits := range added {
		files[name] = append(files[name], edits...)
	}
	return true
}

// unifiedDiff returns the unified diff, with three lines of context, from
// before to after.
func unifiedDiff(name string, before, after []byte) string {
	const context = 3
	a, b := textdiff.Split(string(before)), textdiff.Split(string(after))
	ops := textdiff.Lines(a, b)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", name, name)
	for i := 0; i < len(ops); {
		if ops[i].Kind == ' ' {
			i++
			continue
		}
		// A hunk runs from context lines before this change to context
		// lines after the last change that is at most 2*context away.
		first := max(i-context, 0)
		last := i
		for j := i; j < len(ops); j++ {
			if ops[j].Kind != ' ' {
				last = j
			} else if j-last > 2*context {
				break
			}
		}
		end := min(last+context+1, len(ops))
		var oldCount, newCount int
		for _, op := range ops[first:end] {
			if op.Kind != '+' {
				oldCount++
			}
			if op.Kind != '-' {
				newCount++
			}
		}
		fmt.Fprintf(&out, "@@ -%d,%d +%d,%d @@\n", ops[first].A+1, oldCount, ops[first].B+1, newCount)
		for _, op := range ops[first:end] {
			if op.Kind == '+' {
				writeDiffLine(&out, op.Kind, b[op.B])
			} else {
				writeDiffLine(&out, op.Kind, a[op.A])
			}
		}
		i = end
	}
	return out.String()
}

func writeDiffLine(b *strings.Builder, mark byte, line string) {
	b.WriteByte(mark)
	b.WriteString(line)
	if !strings.HasSuffix(line, "\n") {
		b.WriteString("\n\\ No newline at end of file\n")
	}
}
