package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mongocas/mongocas-lint/internal/clitest"
)

// TestConfigFile checks that the command reads mongocas's settings from
// the .golangci.yml golangci-lint would read (here, in a parent directory
// of the packages), that the command line still wins, that -config=none
// ignores the file, and that a bad setting is one line and exit status 2.
func TestConfigFile(t *testing.T) {
	bin := buildLinter(t)
	dir := clitest.CopyModule(t, "../../example")
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(clitest.OneConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Join(dir, "profile")

	out, code := run(t, pkg, bin, ".")
	if code != exitClean || len(textFindings(out)) != 0 {
		t.Errorf("with the config, profile (a $set of name and email, an insert): exit %d, want 0 and nothing\n%s", code, out)
	}
	out, _ = run(t, pkg, bin, "-ignore-fields=", ".")
	if got := textFindings(out); len(got) != 1 || !strings.Contains(got[0], "(unguarded-update)") {
		t.Errorf("-ignore-fields= over the config: %v, want the one unguarded-update finding", got)
	}
	out, _ = run(t, pkg, bin, "-config=none", ".")
	if got := textFindings(out); len(got) != 3 {
		t.Errorf("-config=none: %d findings, want the 3 of the defaults\n%s", len(got), out)
	}

	bad := clitest.Config("rules: [lost-update]")
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code = run(t, pkg, bin, ".")
	if code != exitFlag || strings.Count(strings.TrimSpace(out), "\n") != 0 || !strings.Contains(out, `mongocas: settings: unknown rule "lost-update"`) {
		t.Errorf("a bad setting: exit %d, want %d and one line naming it:\n%s", code, exitFlag, out)
	}
}
