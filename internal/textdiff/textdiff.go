// Package textdiff applies text edits and compares texts line by line. It
// serves both the analyzer, which realigns what gofmt would move after a
// fix, and the command, which applies fixes and prints them as a diff.
package textdiff

import (
	"bytes"
	"cmp"
	"fmt"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// An Edit replaces the bytes [Start, End) of a text by Text.
type Edit struct {
	Start, End int
	Text       string
}

// FromAnalysis resolves e to byte offsets of its file, which it returns;
// an edit without an end inserts at its position.
func FromAnalysis(fset *token.FileSet, e analysis.TextEdit) (*token.File, Edit) {
	end := e.End
	if !end.IsValid() {
		end = e.Pos
	}
	f := fset.File(e.Pos)
	return f, Edit{Start: f.Offset(e.Pos), End: f.Offset(end), Text: string(e.NewText)}
}

// Overlaps reports whether two edits touch the same text, or insert at
// the same place (their order would be arbitrary).
func Overlaps(a, b Edit) bool {
	return a.Start == b.Start || a.Start < b.End && b.Start < a.End
}

// Apply applies edits to src. Edits may come in any order; they must not
// overlap, and two insertions at one place keep their order.
func Apply(src []byte, edits []Edit) ([]byte, error) {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(a, b Edit) int { return cmp.Compare(a.Start, b.Start) })
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.Start < last || e.End < e.Start || e.End > len(src) {
			return nil, fmt.Errorf("edit [%d,%d) overlaps another or lies outside the text", e.Start, e.End)
		}
		out.Write(src[last:e.Start])
		out.WriteString(e.Text)
		last = e.End
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}

// An Op keeps (' '), deletes ('-') or inserts ('+') a line; A and B are
// the line's index, or the index of the next line, in the old and the new
// text.
type Op struct {
	Kind byte
	A, B int
}

// Lines returns a shortest edit script from a to b (Myers' algorithm,
// which is quick when the texts differ in few lines, as fixes do).
func Lines(a, b []string) []Op {
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

// backtrack walks the saved frontiers of Lines back from (n, m).
func backtrack(trace [][]int, offset, x, y, d int) []Op {
	var ops []Op
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
			ops = append(ops, Op{' ', x, y})
		}
		if x == prevX {
			y--
			ops = append(ops, Op{'+', x, y})
		} else {
			x--
			ops = append(ops, Op{'-', x, y})
		}
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		ops = append(ops, Op{' ', x, y})
	}
	slices.Reverse(ops)
	return ops
}

// Split splits s after each newline, keeping the newlines.
func Split(s string) []string {
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
