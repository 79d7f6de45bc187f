package main

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mongocas/mongocas-lint/internal/clitest"
)

// These tests build the command and run it the way users do: standalone,
// under go vet -vettool, and with -fix, on modules that use the real
// drivers.

func buildLinter(t *testing.T) string { return clitest.Build(t, ".", "mongocas-lint") }

// run runs a command in dir, outside any workspace.
func run(t *testing.T, dir string, name string, args ...string) (string, int) {
	t.Helper()
	return clitest.Run(t, dir, nil, name, args...)
}

var findingLine = regexp.MustCompile(`(?m)^(\S+\.go):(\d+):\d+: (.*)$`)

// textFindings parses the text output of the command or of go vet.
func textFindings(out string) []string {
	var got []string
	for _, m := range findingLine.FindAllStringSubmatch(out, -1) {
		got = append(got, filepath.Base(m[1])+":"+m[2]+": "+m[3])
	}
	slices.Sort(got)
	return got
}

// jsonFindings runs the command with -json.
func jsonFindings(t *testing.T, bin, dir string) []clitest.Finding {
	t.Helper()
	out, code := run(t, dir, bin, "-json", "./...")
	if code != 0 {
		t.Fatalf("mongocas-lint -json: exit %d\n%s", code, out)
	}
	all := clitest.ParseJSON(t, out)
	for _, f := range all {
		if f.Category != "unguarded-update" && f.Category != "unchecked-result" {
			t.Errorf("%s: category %q, want the rule's name", f.Where, f.Category)
		}
	}
	return all
}

func TestExampleFindings(t *testing.T) {
	bin := buildLinter(t)
	dir := clitest.CopyModule(t, "../../example")
	out, code := run(t, dir, bin, "./...")
	if code != 3 {
		t.Fatalf("exit code %d, want 3 (findings)\n%s", code, out)
	}
	want := []string{
		`inventory.go:47: read-modify-write: UpdateOne sets "qty" but its filter matches only "_id"`,
		`profile.go:44: read-modify-write: UpdateOne sets "name", "email" but its filter matches only "_id"`,
		`tasks.go:130: FindOneAndUpdate is conditional on "status" but the error of Decode is dropped`,
		`tasks.go:72: UpdateOne is conditional on "status" but its result is discarded`,
		`tasks.go:86: state transition: UpdateByID sets "status" but its filter matches only "_id"`,
	}
	got := textFindings(out)
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("finding %d:\n got  %s\n want %s...", i, got[i], want[i])
		}
	}

	// go vet -vettool reports the same findings.
	vetOut, vetCode := run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if vetCode == 0 {
		t.Errorf("go vet -vettool exited 0, want non-zero\n%s", vetOut)
	}
	if vet := textFindings(vetOut); !slices.Equal(vet, got) {
		t.Errorf("go vet -vettool findings differ:\n%s\nstandalone:\n%s", strings.Join(vet, "\n"), strings.Join(got, "\n"))
	}
}

// TestFixesApply applies every fix, builds the result, and runs the
// analyzer again: the findings that had a fix are gone, the others stay.
func TestFixesApply(t *testing.T) {
	bin := buildLinter(t)
	for _, mod := range []string{"../../example", "../../analyzer/testdata/realdrivers"} {
		t.Run(filepath.Base(mod), func(t *testing.T) {
			dir := clitest.CopyModule(t, mod)
			before := jsonFindings(t, bin, dir)
			var unfixable []string
			fixes := 0
			for _, f := range before {
				if f.Fixable {
					fixes++
				} else {
					unfixable = append(unfixable, f.Message)
				}
			}
			if fixes == 0 {
				t.Fatalf("no fixes offered in %s", mod)
			}
			if out, code := run(t, dir, bin, "-fix", "./..."); code != 0 && code != 3 {
				t.Fatalf("mongocas-lint -fix: exit %d\n%s", code, out)
			}
			if out, code := run(t, dir, "go", "build", "./..."); code != 0 {
				t.Fatalf("the fixed code does not build:\n%s", out)
			}
			if out, code := run(t, dir, "gofmt", "-l", "."); code != 0 || out != "" {
				t.Fatalf("the fixed code is not gofmt-clean:\n%s", out)
			}
			var after []string
			for _, f := range jsonFindings(t, bin, dir) {
				after = append(after, f.Message)
			}
			slices.Sort(unfixable)
			slices.Sort(after)
			if !slices.Equal(after, unfixable) {
				t.Errorf("after -fix:\n%s\nwant only the findings without a fix:\n%s", strings.Join(after, "\n"), strings.Join(unfixable, "\n"))
			}
		})
	}
}

// TestVetFacts runs the command under go vet, which analyzes each package
// separately (unitchecker, as nogo does) and carries facts between them in
// files: a wrapper and a helper of one package are seen from another, and
// the findings are those of the standalone run.
func TestVetFacts(t *testing.T) {
	bin := buildLinter(t)
	dir := clitest.CopyModule(t, "../../analyzer/testdata/realdrivers")
	standalone, code := run(t, dir, bin, "./...")
	if code != 3 {
		t.Fatalf("mongocas-lint: exit %d, want 3\n%s", code, standalone)
	}
	vetOut, vetCode := run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if vetCode == 0 {
		t.Fatalf("go vet -vettool exited 0, want non-zero\n%s", vetOut)
	}
	vet, want := textFindings(vetOut), textFindings(standalone)
	if !slices.Equal(vet, want) {
		t.Errorf("go vet -vettool findings:\n%s\nstandalone:\n%s", strings.Join(vet, "\n"), strings.Join(want, "\n"))
	}
	const crossPackage = `store.go:`
	found := false
	for _, f := range vet {
		if strings.HasPrefix(f, crossPackage) && strings.Contains(f, `repo.Items.Update (UpdateOne) sets "name" but its filter matches only "_id"`) {
			found = true
		}
	}
	if !found {
		t.Errorf("go vet -vettool did not see through the wrapper of package repo:\n%s", strings.Join(vet, "\n"))
	}
}
