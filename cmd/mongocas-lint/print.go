package main

import (
	"bufio"
	"fmt"
	"go/token"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
)

// printText writes what checker.Graph.PrintText writes: the analyses that
// failed, then each finding of the root packages, as "file:line:col:
// message", with contextLines lines of source around it when
// contextLines >= 0. Like PrintText, it prints once a finding of a file
// that several root packages compile (p and p.test); unlike it, it does
// not look for a finding repeated within one package, which no rule
// reports.
//
// PrintText builds the whole output in memory before writing it, and
// reads a file again for every finding it shows in context. On a package
// with thousands of findings that buffer comes on top of the command's
// peak memory; here the output streams through a small buffer, and a
// file is read once.
func printText(w io.Writer, graph *checker.Graph, contextLines int) error {
	out := bufio.NewWriter(w)
	for act := range graph.All() {
		if act.Err != nil {
			if _, err := fmt.Fprintf(out, "%s: %v\n", act.Analyzer.Name, act.Err); err != nil {
				return err
			}
		}
	}
	// A file of both p and p.test has its findings in both: only the
	// findings in such files are looked for among those printed.
	shared := filesInSeveralRoots(graph)
	type findingKey struct {
		pos, end token.Position
		analyzer *analysis.Analyzer
		message  string
	}
	seen := make(map[findingKey]bool)
	p := sourcePrinter{out: out, contextLines: contextLines}
	for act := range graph.All() {
		if act.Err != nil || !act.IsRoot {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			posn, end := fset.Position(d.Pos), fset.Position(d.End)
			if f := fset.File(d.Pos); f != nil && shared[f.Name()] {
				k := findingKey{posn, end, act.Analyzer, d.Message}
				if seen[k] {
					continue
				}
				seen[k] = true
			}
			if err := p.print(posn, end, d.Message); err != nil {
				return err
			}
			for _, rel := range d.Related {
				if err := p.print(fset.Position(rel.Pos), fset.Position(rel.End), "\t"+rel.Message); err != nil {
					return err
				}
			}
		}
	}
	return out.Flush()
}

// filesInSeveralRoots returns the files that more than one root package
// compiles, by name.
func filesInSeveralRoots(graph *checker.Graph) map[string]bool {
	roots := make(map[string]int)
	for _, act := range graph.Roots {
		for _, name := range act.Package.CompiledGoFiles {
			roots[name]++
		}
	}
	shared := make(map[string]bool)
	for name, n := range roots {
		if n > 1 {
			shared[name] = true
		}
	}
	return shared
}

// sourcePrinter prints findings, with the lines of source around them.
type sourcePrinter struct {
	out          *bufio.Writer
	contextLines int
	lines        map[string][]string // by file name, read on first use
	line         []byte              // the line being written
}

func (p *sourcePrinter) print(posn, end token.Position, message string) error {
	p.line = appendPosition(p.line[:0], posn)
	p.line = append(append(append(p.line, ": "...), message...), '\n')
	if _, err := p.out.Write(p.line); err != nil {
		return err
	}
	if p.contextLines < 0 {
		return nil
	}
	if !end.IsValid() {
		end = posn
	}
	lines := p.fileLines(posn.Filename)
	for i := posn.Line - p.contextLines; i <= end.Line+p.contextLines; i++ {
		if 1 <= i && i <= len(lines) {
			p.line = strconv.AppendInt(p.line[:0], int64(i), 10)
			p.line = append(append(append(p.line, '\t'), lines[i-1]...), '\n')
			if _, err := p.out.Write(p.line); err != nil {
				return err
			}
		}
	}
	return nil
}

// fileLines returns the lines of a file, or none if it cannot be read.
func (p *sourcePrinter) fileLines(name string) []string {
	if lines, ok := p.lines[name]; ok {
		return lines
	}
	data, _ := os.ReadFile(name) // no file, no context, as PrintText does
	lines := strings.Split(string(data), "\n")
	if p.lines == nil {
		p.lines = make(map[string][]string)
	}
	p.lines[name] = lines
	return lines
}

// appendPosition appends posn as token.Position.String formats it,
// without making the string.
func appendPosition(dst []byte, posn token.Position) []byte {
	if !posn.IsValid() {
		if posn.Filename == "" {
			return append(dst, '-')
		}
		return append(dst, posn.Filename...)
	}
	if posn.Filename != "" {
		dst = append(append(dst, posn.Filename...), ':')
	}
	dst = strconv.AppendInt(dst, int64(posn.Line), 10)
	if posn.Column != 0 {
		dst = strconv.AppendInt(append(dst, ':'), int64(posn.Column), 10)
	}
	return dst
}
