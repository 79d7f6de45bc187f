package main

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mongocas/mongocas-lint/internal/clitest"
	"golang.org/x/tools/go/analysis"
)

// TestFailedAnalysis runs an analyzer that fails: every output mode says
// so, and exits 1.
func TestFailedAnalysis(t *testing.T) {
	dir := t.TempDir()
	clitest.WriteFile(t, filepath.Join(dir, "go.mod"), "module m\n\ngo 1.21\n")
	clitest.WriteFile(t, filepath.Join(dir, "p.go"), "package p\n")
	t.Chdir(dir)
	t.Setenv("GOWORK", "off")
	failing := &analysis.Analyzer{
		Name: "failing",
		Doc:  "fails",
		Run:  func(*analysis.Pass) (any, error) { return nil, errors.New("it broke") },
	}
	for _, mode := range []string{"-json=false", "-json", "-fix"} {
		var stdout, stderr bytes.Buffer
		code := runStandalone(failing, []string{mode, "./..."}, &stdout, &stderr)
		if out := stdout.String() + stderr.String(); code != exitLoad || !strings.Contains(out, "it broke") {
			t.Errorf("%s: exit code %d, output %q; want %d and the analysis's error", mode, code, out, exitLoad)
		}
	}
}
