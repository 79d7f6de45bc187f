package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestForDir checks the file golangci-lint would read (the nearest in a
// parent directory), the settings read from it on top of the defaults,
// and the one-line errors of a bad file.
func TestForDir(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg, path, err := ForDir(sub)
	if err != nil || path != "" || !slices.Equal(cfg.Rules, []string{"unguarded-update", "unchecked-result", "removed-operator", "dead-no-documents-check", "stale-write-back", "insert-if-absent", "check-then-act"}) {
		t.Fatalf("no file: %v, %q, %v; want the defaults", cfg.Rules, path, err)
	}

	write(t, filepath.Join(root, ".golangci.yml"), "version: \"2\"\nlinters:\n  settings:\n    custom:\n      mongocas:\n        settings:\n          rules: [check-then-act]\n          blind-writes: false\n")
	cfg, path, err = ForDir(sub)
	if err != nil || path != filepath.Join(root, ".golangci.yml") || !slices.Equal(cfg.Rules, []string{"check-then-act"}) || cfg.BlindWrites || len(cfg.VersionFields) == 0 {
		t.Fatalf("parent's file: %+v, %q, %v", cfg, path, err)
	}

	write(t, filepath.Join(root, "a", ".golangci.yaml"), "version: \"2\"\n") // nearer, without mongocas
	if cfg, path, err = ForDir(sub); err != nil || !strings.HasSuffix(path, filepath.Join("a", ".golangci.yaml")) || len(cfg.Rules) != 7 {
		t.Fatalf("nearer file without settings: %v, %q, %v; want it, with the defaults", cfg.Rules, path, err)
	}

	for _, tc := range []struct{ text, want string }{
		{"linters:\n  settings:\n    custom:\n      mongocas:\n        settings:\n          rules: [lost-update]\n", `mongocas: settings: unknown rule "lost-update"`},
		{"linters:\n  settings:\n    custom:\n      mongocas:\n        settings:\n          version-field: [v]\n", `mongocas: decoding settings: json: unknown field "version-field"`},
		{"linters: [\n", ".golangci.yaml: yaml:"},
	} {
		write(t, filepath.Join(root, "a", ".golangci.yaml"), tc.text)
		_, _, err := ForDir(sub)
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: error %v, want one line with %q", tc.text, err, tc.want)
		}
	}
}
