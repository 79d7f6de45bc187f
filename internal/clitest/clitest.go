// Package clitest has the helpers of the tests that run the linter's
// binaries the way users do: on a copy of a module, outside any workspace.
package clitest

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// CopyModule copies the module at src to a temporary directory, so that
// fixes can be applied to it.
func CopyModule(t testing.TB, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// WriteFile writes content to path, creating its directory.
func WriteFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Run runs a command in dir, outside any workspace, with extra environment
// variables env ("K=V"), and returns its combined output and exit code.
func Run(t testing.TB, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod"), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return out.String(), exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return out.String(), 0
}

// Build builds the main package in dir into a temporary directory and
// returns the binary's path.
func Build(t testing.TB, dir, name string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), name)
	if out, code := Run(t, dir, nil, "go", "build", "-o", bin, "."); code != 0 {
		t.Fatalf("go build %s: exit %d\n%s", dir, code, out)
	}
	return bin
}

// A Finding is one diagnostic of the mongocas analyzer, located by file
// base name and line.
type Finding struct {
	Where, Message, Category string
	Fixable                  bool
}

func (f Finding) String() string { return f.Where + ": " + f.Message }

// File is the base name of the finding's file.
func (f Finding) File() string { file, _, _ := strings.Cut(f.Where, ":"); return file }

// ParseJSON reads the findings of mongocas-lint -json, sorted.
func ParseJSON(t testing.TB, out string) []Finding {
	t.Helper()
	var tree map[string]map[string][]struct {
		Posn           string            `json:"posn"`
		Message        string            `json:"message"`
		Category       string            `json:"category"`
		SuggestedFixes []json.RawMessage `json:"suggested_fixes"`
	}
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("parsing -json output: %v\n%s", err, out)
	}
	var all []Finding
	for _, byAnalyzer := range tree {
		for _, d := range byAnalyzer["mongocas"] {
			file, rest, _ := strings.Cut(d.Posn, ":")
			line, _, _ := strings.Cut(rest, ":")
			all = append(all, Finding{
				Where:    filepath.Base(file) + ":" + line,
				Message:  d.Message,
				Category: d.Category,
				Fixable:  len(d.SuggestedFixes) > 0,
			})
		}
	}
	slices.SortFunc(all, func(a, b Finding) int { return strings.Compare(a.String(), b.String()) })
	return all
}

// ParseRelated reads the related information of the findings of
// mongocas-lint -json: "file:line: message" of each related position, by
// the finding's "file:line".
func ParseRelated(t testing.TB, out string) map[string][]string {
	t.Helper()
	var tree map[string]map[string][]struct {
		Posn    string `json:"posn"`
		Related []struct {
			Posn    string `json:"posn"`
			Message string `json:"message"`
		} `json:"related"`
	}
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("parsing -json output: %v\n%s", err, out)
	}
	where := func(posn string) string {
		file, rest, _ := strings.Cut(posn, ":")
		line, _, _ := strings.Cut(rest, ":")
		return filepath.Base(file) + ":" + line
	}
	related := make(map[string][]string)
	for _, byAnalyzer := range tree {
		for _, d := range byAnalyzer["mongocas"] {
			for _, r := range d.Related {
				related[where(d.Posn)] = append(related[where(d.Posn)], where(r.Posn)+": "+r.Message)
			}
		}
	}
	return related
}

// Config returns a .golangci.yml that enables mongocas alone, with the
// given lines as its settings ("rules: [unguarded-update]").
func Config(settings ...string) string {
	var b strings.Builder
	b.WriteString(`version: "2"
linters:
  default: none
  enable: [mongocas]
  settings:
    custom:
      mongocas:
        type: module
        settings:
`)
	for _, s := range settings {
		b.WriteString("          " + s + "\n")
	}
	return b.String()
}

// OneConfig is a .golangci.yml that changes mongocas's defaults (one rule,
// two fields whose last write wins): the command, golangci-lint and the
// gopls build must all read it the same way.
var OneConfig = Config("rules: [unguarded-update]", "ignore-fields: [name, email]")
