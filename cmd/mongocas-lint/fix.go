package main

import (
	"bytes"
	"cmp"
	"fmt"
	"go/format"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
)

// An edit is a text edit resolved to byte offsets of one file.
type edit struct {
	start, end int
	text       string
}

// applyFixes applies the suggested fixes of the root packages' findings,
// or prints them as a unified diff. A finding in a file of several
// packages (a package and its test variant) is fixed once; a fix that
// overlaps another one already accepted is left out and named.
func applyFixes(graph *checker.Graph, diff bool, stdout, stderr io.Writer) error {
	files := make(map[string][]edit) // the edits accepted, by file
	for _, act := range graph.Roots {
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				byFile := make(map[string][]edit)
				for _, e := range fix.TextEdits {
					f := fset.File(e.Pos)
					end := e.End
					if !end.IsValid() {
						end = e.Pos
					}
					byFile[f.Name()] = append(byFile[f.Name()], edit{f.Offset(e.Pos), f.Offset(end), string(e.NewText)})
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
		out, err := format.Source(applyEdits(src, files[name]))
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
func acceptFix(files map[string][]edit, byFile map[string][]edit) bool {
	added := make(map[string][]edit)
	for name, edits := range byFile {
		for _, e := range edits {
			if slices.Contains(files[name], e) {
				continue
			}
			for _, a := range files[name] {
				if overlaps(a, e) {
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

// overlaps reports whether two different edits touch the same text, or
// insert at the same place (their order would be arbitrary).
func overlaps(a, b edit) bool {
	if a.start == b.start {
		return true
	}
	return a.start < b.end && b.start < a.end
}

// applyEdits applies non-overlapping edits to src.
func applyEdits(src []byte, edits []edit) []byte {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(a, b edit) int { return cmp.Compare(a.start, b.start) })
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		out.Write(src[last:e.start])
		out.WriteString(e.text)
		last = e.end
	}
	out.Write(src[last:])
	return out.Bytes()
}

// unifiedDiff returns the unified diff, with three lines of context, from
// before to after.
func unifiedDiff(name string, before, after []byte) string {
	const context = 3
	a, b := splitLines(string(before)), splitLines(string(after))
	ops := diffLines(a, b)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", name, name)
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// A hunk runs from context lines before this change to context
		// lines after the last change that is at most 2*context away.
		first := max(i-context, 0)
		last := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				last = j
			} else if j-last > 2*context {
				break
			}
		}
		end := min(last+context+1, len(ops))
		var oldCount, newCount int
		for _, op := range ops[first:end] {
			if op.kind != '+' {
				oldCount++
			}
			if op.kind != '-' {
				newCount++
			}
		}
		fmt.Fprintf(&out, "@@ -%d,%d +%d,%d @@\n", ops[first].a+1, oldCount, ops[first].b+1, newCount)
		for _, op := range ops[first:end] {
			if op.kind == '+' {
				writeDiffLine(&out, op.kind, b[op.b])
			} else {
				writeDiffLine(&out, op.kind, a[op.a])
			}
		}
		i = end
	}
	return out.String()
}

// A lineOp keeps (' '), deletes ('-') or inserts ('+') a line; a and b are
// the line's index, or the index of the next line, in the old and the new
// text.
type lineOp struct {
	kind byte
	a, b int
}

// diffLines returns a shortest edit script from a to b (Myers' algorithm,
// which is quick when the texts differ in few lines, as fixes do).
func diffLines(a, b []string) []lineOp {
	n, m := len(a), len(b)
	most := n + m // the longest script
	v := make([]int, 2*most+2)
	var trace [][]int
	for d := 0; d <= most; d++ {
		trace = append(trace, slices.Clone(v))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[most+k-1] < v[most+k+1] {
				x = v[most+k+1]
			} else {
				x = v[most+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[most+k] = x
			if x >= n && y >= m {
				return backtrack(trace, most, n, m, d)
			}
		}
	}
	return nil
}

// backtrack walks the saved frontiers of diffLines back from (n, m).
func backtrack(trace [][]int, offset, x, y, d int) []lineOp {
	var ops []lineOp
	for ; d > 0; d-- {
		v := trace[d]
		k := x - y
		var prevK int
		if k == -d || k != d && v[offset+k-1] < v[offset+k+1] {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := v[offset+prevK]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x, y = x-1, y-1
			ops = append(ops, lineOp{' ', x, y})
		}
		if x == prevX {
			y--
			ops = append(ops, lineOp{'+', x, y})
		} else {
			x--
			ops = append(ops, lineOp{'-', x, y})
		}
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		ops = append(ops, lineOp{' ', x, y})
	}
	slices.Reverse(ops)
	return ops
}

// splitLines splits s after each newline, keeping the newlines.
func splitLines(s string) []string {
	var lines []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i+1])
		s = s[i+1:]
	}
	return lines
}

func writeDiffLine(b *strings.Builder, mark byte, line string) {
	b.WriteByte(mark)
	b.WriteString(line)
	if !strings.HasSuffix(line, "\n") {
		b.WriteString("\n\\ No newline at end of file\n")
	}
}
