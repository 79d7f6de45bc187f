package main

import (
	"bytes"
	"errors"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// TestPrintText checks that printText writes what checker's PrintText
// writes, on a graph made by hand: a file of both p and p.test, whose
// findings are printed once; related information; an analysis that
// failed; a dependency's findings, which are not printed; and the lines
// of source around each finding.
func TestPrintText(t *testing.T) {
	dir := t.TempDir()
	fset := token.NewFileSet()
	// addFile writes a file of n lines and adds it to fset.
	addFile := func(name string, n int) *token.File {
		var src strings.Builder
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&src, "line %d of %s\n", i, name)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(src.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		f := fset.AddFile(path, -1, src.Len())
		f.SetLinesForContent([]byte(src.String()))
		return f
	}
	lib, libTest, dep := addFile("lib.go", 20), addFile("lib_test.go", 5), addFile("dep.go", 3)
	at := func(f *token.File, line int) token.Pos { return f.LineStart(line) + 2 }

	a := &analysis.Analyzer{Name: "mongocas", Doc: "test"}
	p := &packages.Package{ID: "p", Fset: fset, CompiledGoFiles: []string{lib.Name()}}
	pTest := &packages.Package{ID: "p [p.test]", Fset: fset, CompiledGoFiles: []string{lib.Name(), libTest.Name()}}
	q := &packages.Package{ID: "q", Fset: fset, CompiledGoFiles: []string{dep.Name()}}

	inLib := []analysis.Diagnostic{
		{Pos: at(lib, 1), Message: "first line"},
		{Pos: at(lib, 7), End: at(lib, 9), Message: "three lines"},
		{Pos: at(lib, 7), End: at(lib, 9), Message: "same place, other message"},
		{Pos: at(lib, 20), Message: "last line", Related: []analysis.RelatedInformation{
			{Pos: at(lib, 3), Message: "related"},
		}},
	}
	depAct := &checker.Action{Analyzer: a, Package: q, Diagnostics: []analysis.Diagnostic{{Pos: at(dep, 1), Message: "in a dependency"}}}
	graph := &checker.Graph{Roots: []*checker.Action{
		{Analyzer: a, Package: p, IsRoot: true, Diagnostics: inLib, Deps: []*checker.Action{depAct}},
		{Analyzer: a, Package: pTest, IsRoot: true, Diagnostics: append(inLib[1:], analysis.Diagnostic{Pos: at(libTest, 2), Message: "in a test"})},
		{Analyzer: a, Package: &packages.Package{ID: "r", Fset: fset}, IsRoot: true, Err: errors.New("failed")},
	}}

	for _, contextLines := range []int{-1, 0, 1, 3} {
		var got, want bytes.Buffer
		if err := printText(&got, graph, contextLines); err != nil {
			t.Fatal(err)
		}
		if err := graph.PrintText(&want, contextLines); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("-c=%d: printText wrote\n%s\nPrintText writes\n%s", contextLines, got.String(), want.String())
		}
		if n := strings.Count(got.String(), "three lines"); n != 1 {
			t.Errorf("-c=%d: a finding of a file of p and p.test printed %d times, want once", contextLines, n)
		}
	}
}

func TestAppendPosition(t *testing.T) {
	for _, posn := range []token.Position{
		{},
		{Filename: "a.go"},
		{Filename: "a.go", Line: 3},
		{Filename: "a.go", Line: 3, Column: 14},
		{Line: 3, Column: 14},
	} {
		if got, want := string(appendPosition(nil, posn)), posn.String(); got != want {
			t.Errorf("appendPosition(%#v) = %q, want %q", posn, got, want)
		}
	}
}
