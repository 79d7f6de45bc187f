package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/mongocas/mongocas-lint/internal/clitest"
)

// TestOneConfig runs golangci-lint and the mongocas-lint command with one
// .golangci.yml that changes mongocas's defaults (one rule, two ignored
// fields): both read the settings from it, and give the same findings.
// tools/gopls/check.sh checks the gopls build with the same settings.
func TestOneConfig(t *testing.T) {
	bin := clitest.Build(t, ".", "golangci-lint")
	dir := clitest.CopyModule(t, "../../example")
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(clitest.OneConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	want := standalone(t, dir)
	got, _ := lint(t, bin, dir)
	if !slices.Equal(got, want) {
		t.Fatalf("golangci-lint and mongocas-lint differ on one config:\n%v\nwant\n%v", got, want)
	}
	if len(want) != 2 {
		t.Fatalf("%d findings, want the 2 unguarded-update findings left by the config:\n%v", len(want), want)
	}
}
