package main

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mongocas/mongocas-lint/analyzer"
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
		if strings.HasPrefix(m[3], "\t") {
			continue // related information, under its finding
		}
		got = append(got, filepath.Base(m[1])+":"+m[2]+": "+m[3])
	}
	slices.Sort(got)
	return got
}

// TestRelated checks that each finding says where its evidence is, in
// -json and in the text output: the read behind a read-modify-write or a
// stale write-back, the test that check-then-act repeats, the filter
// condition that makes an update conditional.
func TestRelated(t *testing.T) {
	bin := buildLinter(t)
	dir := clitest.CopyModule(t, "../../example")
	out, _ := run(t, dir, bin, "-json", "./...")
	want := map[string][]string{
		"checks.go:23":    {`checks.go:20: "qty" is tested here, and the filter does not repeat the test`},
		"inventory.go:47": {"inventory.go:41: it is read here, and the write uses it"},
		"profile.go:45":   {"profile.go:42: p is read here, and the write uses it"},
		"register.go:53":  {"register.go:49: p is read here, by FindOne"},
		"tasks.go:72":     {`tasks.go:69: the filter's condition on "status" makes the update conditional`},
		"tasks.go:130":    {`tasks.go:125: the filter's condition on "status" makes the update conditional`},
	}
	if got := clitest.ParseRelated(t, out); !maps.EqualFunc(got, want, slices.Equal) {
		t.Errorf("related information:\n got  %v\n want %v", got, want)
	}
	text, _ := run(t, dir, bin, "./...")
	if !strings.Contains(text, "inventory.go:41:12: \tit is read here, and the write uses it") {
		t.Errorf("the text output lacks the related read of inventory.go:47:\n%s", text)
	}
}

func TestExampleFindings(t *testing.T) {
	bin := buildLinter(t)
	dir := clitest.CopyModule(t, "../../example")
	out, code := run(t, dir, bin, "./...")
	if code != 3 {
		t.Fatalf("exit code %d, want 3 (findings)\n%s", code, out)
	}
	want := []string{
		`checks.go:23: UpdateOne changes "qty", which this code tested before (it.Qty <= 0), but its filter does not repeat the test`,
		`checks.go:34: UpdateMany sends $isolated in its filter, which MongoDB 4.0 removed`,
		`checks.go:40: UpdateMany sends $pushAll, which MongoDB 3.6 removed`,
		`complete.go:25: UpdateOne never returns mongo.ErrNoDocuments, so this check is always false`,
		`inventory.go:47: read-modify-write: UpdateOne sets "qty" but its filter matches only "_id"`,
		`profile.go:45: read-modify-write: UpdateOne sets "name", "email" but its filter matches only "_id"`,
		`register.go:22: InsertOne runs when FindOne on the same collection found no document`,
		`register.go:53: ReplaceOne writes back the whole document p read by FindOne, but its filter checks only "active"`,
		`tasks.go:130: FindOneAndUpdate is conditional on "status" but the error of Decode is dropped`,
		`tasks.go:72: UpdateOne is conditional on "status" but its result is discarded`,
		`tasks.go:86: state transition: UpdateByID sets "status" but its filter matches only "_id"`,
	}
	got := textFindings(out)
	for _, f := range got {
		// Each finding names its rule, in the command's text as in go vet's.
		rule := f[strings.LastIndex(f, " (")+2 : len(f)-1]
		if !strings.HasSuffix(f, ")") || !slices.Contains(analyzer.AllRules(), rule) {
			t.Errorf("finding does not end with its rule's name: %s", f)
		}
	}
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

// TestFixesApply applies every fix in the example, the real-driver module
// and all of the analyzer's test data, then checks that the result builds
// and is gofmt-clean, and that a second run reports exactly the findings
// that had no fix: nothing left at the fixed sites, nothing new elsewhere.
func TestFixesApply(t *testing.T) {
	bin := buildLinter(t)
	for _, mod := range []string{"../../example", "../../analyzer/testdata/realdrivers"} {
		t.Run(filepath.Base(mod), func(t *testing.T) {
			checkFixesApply(t, bin, clitest.CopyModule(t, mod), nil)
		})
	}
	t.Run("testdata", func(t *testing.T) {
		// The analyzer's test packages, in GOPATH mode as analysistest
		// loads them; those with type errors on purpose are left out.
		gopath := clitest.CopyModule(t, "../../analyzer/testdata")
		for _, broken := range []string{"brokendep", "usesbroken"} {
			if err := os.RemoveAll(filepath.Join(gopath, "src", broken)); err != nil {
				t.Fatal(err)
			}
		}
		env := []string{"GOPATH=" + gopath, "GO111MODULE=off", "GOFLAGS="}
		checkFixesApply(t, bin, filepath.Join(gopath, "src"), env)
	})
}

func checkFixesApply(t *testing.T, bin, dir string, env []string) {
	findings := func() []clitest.Finding {
		out, code := clitest.Run(t, dir, env, bin, "-json", "./...")
		if code != 0 {
			t.Fatalf("mongocas-lint -json: exit %d\n%s", code, out)
		}
		all := clitest.ParseJSON(t, out)
		for _, f := range all {
			if !slices.Contains(analyzer.AllRules(), f.Category) && f.Category != "ignore-directive" { // a malformed //mongocas:ignore
				t.Errorf("%s: category %q, want the rule's name", f.Where, f.Category)
			}
		}
		return all
	}
	var unfixable []string
	fixes := 0
	for _, f := range findings() {
		if f.Fixable {
			fixes++
		} else {
			unfixable = append(unfixable, f.File()+": "+f.Message)
		}
	}
	if fixes == 0 {
		t.Fatalf("no fixes offered in %s", dir)
	}
	// -diff prints the fixes and changes nothing.
	before := goFiles(t, dir)
	diff, code := clitest.Run(t, dir, env, bin, "-fix", "-diff", "./...")
	if code != 0 || !strings.HasPrefix(diff, "--- ") || !strings.Contains(diff, "\n+++ ") || !strings.Contains(diff, "\n@@ -") {
		t.Fatalf("mongocas-lint -fix -diff: exit %d, want a unified diff:\n%s", code, diff)
	}
	if !maps.Equal(goFiles(t, dir), before) {
		t.Fatal("mongocas-lint -fix -diff changed files")
	}

	if out, code := clitest.Run(t, dir, env, bin, "-fix", "./..."); code != 0 {
		t.Fatalf("mongocas-lint -fix: exit %d\n%s", code, out)
	}
	if out, code := clitest.Run(t, dir, env, "go", "build", "./..."); code != 0 {
		t.Fatalf("the fixed code does not build:\n%s", out)
	}
	if out, code := clitest.Run(t, dir, env, "gofmt", "-l", "."); code != 0 || out != "" {
		t.Fatalf("the fixed code is not gofmt-clean:\n%s", out)
	}
	var after []string
	for _, f := range findings() {
		after = append(after, f.File()+": "+f.Message)
	}
	slices.Sort(unfixable)
	slices.Sort(after)
	if !slices.Equal(after, unfixable) {
		t.Errorf("after applying %d fixes:\n%s\nwant only the findings without a fix:\n%s", fixes, strings.Join(after, "\n"), strings.Join(unfixable, "\n"))
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

	// Named alone, the v2 package still sees the wrapper of repo, a
	// dependency that the command loads from source for its facts.
	alone, _ := run(t, dir, bin, "./v2")
	if !strings.Contains(alone, `repo.Items.Update (UpdateOne) sets "name" but its filter matches only "_id"`) {
		t.Errorf("mongocas-lint ./v2 did not see through the wrapper of package repo:\n%s", alone)
	}
}

// TestBadInput checks that bad input gives an error that says what is
// wrong, one line per problem, with the documented exit code, and never a
// stack trace or the whole usage.
func TestBadInput(t *testing.T) {
	bin := buildLinter(t)
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":       "module bad\n\ngo 1.25\n",
		"syntax/s.go":  "package syntax\n\nfunc f() { x := }\n",
		"typeerr/t.go": "package typeerr\n\nfunc f() { var x int = \"s\"; _ = x }\n",
		"baddep/d.go":  "package baddep\n\nimport _ \"bad/typeerr\"\n",
		"empty/README": "no Go files here\n",
		"good/good.go": "package good\n",
	}
	for name, content := range files {
		clitest.WriteFile(t, filepath.Join(dir, name), content)
	}
	outside := t.TempDir() // no go.mod above it
	tests := []struct {
		name    string
		dir     string
		args    []string
		code    int
		want    string
		oneLine bool
	}{
		{"unknown flag", dir, []string{"-nope", "./good"}, 2, "flag provided but not defined: -nope", true},
		{"unknown rule", dir, []string{"-rules=lost-update", "./good"}, 2, `unknown rule "lost-update"`, true},
		{"bad version field", dir, []string{"-version-fields=$v", "./good"}, 2, `invalid version field "$v"`, true},
		{"bad boolean", dir, []string{"-blind-writes=maybe", "./good"}, 2, `invalid boolean value "maybe" for -blind-writes`, true},
		{"missing flag value", dir, []string{"-rules"}, 2, "flag needs an argument: -rules", true},
		{"nonexistent directory", dir, []string{"./nonexistent"}, 1, "directory not found", true},
		{"no Go files", dir, []string{"./empty"}, 1, "no Go files in", true},
		{"unknown package", dir, []string{"example.invalid/nothing"}, 1, "example.invalid/nothing", true},
		{"outside a module", outside, []string{"./..."}, 1, "does not contain main module", true},
		{"syntax error", dir, []string{"./syntax"}, 1, "s.go:3:17: expected operand", false},
		{"type error", dir, []string{"./typeerr"}, 1, `t.go:3:24: cannot use "s"`, true},
		{"type error in a dependency", dir, []string{"./baddep"}, 1, `t.go:3:24: cannot use "s"`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, code := run(t, tt.dir, bin, tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d\n%s", code, tt.code, out)
			}
			if !strings.Contains(out, tt.want) {
				t.Errorf("output does not say %q:\n%s", tt.want, out)
			}
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if tt.oneLine && len(lines) != 1 {
				t.Errorf("got %d lines, want one:\n%s", len(lines), out)
			}
			for _, bad := range []string{"goroutine ", "panic", "Usage:"} {
				if strings.Contains(out, bad) {
					t.Errorf("output contains %q:\n%s", bad, out)
				}
			}
		})
	}
}

// goFiles returns the contents of the Go files under dir, by path.
func goFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := make(map[string]string)
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		files[path] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestInterfaceLinks runs the command on a service that calls its stores
// through interfaces and imports none of them: the call through the
// interface with one implementation is checked with its wrapper, for both
// drivers, and the one with two implementations is not.
func TestInterfaceLinks(t *testing.T) {
	bin := buildLinter(t)
	dir := clitest.CopyModule(t, "../../analyzer/testdata/linked")
	out, code := run(t, dir, bin, "./...")
	if code != 3 {
		t.Fatalf("mongocas-lint: exit %d, want 3\n%s", code, out)
	}
	want := []string{
		`svc.go:13: blind write: store.Tags.Set (UpdateOne) sets "name" but its filter matches only "_id": a concurrent update of the same document is silently overwritten (lost update); add the current value or a version field to the filter, or use $inc (unguarded-update)`,
		`svc.go:17: blind write: store.Tags.Update (UpdateOne) sets "name" but its filter matches only "_id": a concurrent update of the same document is silently overwritten (lost update); add the current value or a version field to the filter, or use $inc (unguarded-update)`,
	}
	if got := textFindings(out); !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
