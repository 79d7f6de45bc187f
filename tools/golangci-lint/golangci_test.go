package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mongocas/mongocas-lint/internal/clitest"
)

// These tests build this custom golangci-lint and run it on a copy of the
// example module with the example's .golangci.yml, the way CI and users
// run it. The findings must be those of the mongocas-lint command.

// lint runs golangci-lint in dir with JSON output and returns its findings
// and exit code. Each run gets an empty cache.
func lint(t *testing.T, bin, dir string, args ...string) ([]clitest.Finding, int) {
	t.Helper()
	args = append([]string{"run", "--output.json.path=stdout", "--output.text.path=stderr", "--show-stats=false"}, args...)
	out, code := clitest.Run(t, dir, []string{"GOLANGCI_LINT_CACHE=" + t.TempDir()}, bin, append(args, "./...")...)
	if code != 0 && code != 1 {
		t.Fatalf("golangci-lint %v: exit %d\n%s", args, code, out)
	}
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename string
				Line     int
			}
			SuggestedFixes []json.RawMessage
		}
	}
	found := false
	for _, line := range strings.Split(out, "\n") { // the text output is mixed in
		if strings.HasPrefix(line, `{"Issues":`) {
			found = true
			if err := json.Unmarshal([]byte(line), &report); err != nil {
				t.Fatalf("parsing the JSON report: %v\n%s", err, line)
			}
		}
	}
	if !found {
		t.Fatalf("golangci-lint %v printed no JSON report:\n%s", args, out)
	}
	var all []clitest.Finding
	for _, is := range report.Issues {
		if strings.HasPrefix(is.Text, "mongocas(related information): ") {
			continue // golangci-lint reports a finding's related information as issues of their own
		}
		if is.FromLinter != "mongocas" {
			t.Errorf("%s:%d: finding of %q, want mongocas", is.Pos.Filename, is.Pos.Line, is.FromLinter)
		}
		all = append(all, clitest.Finding{
			Where:   filepath.Base(is.Pos.Filename) + ":" + strconv.Itoa(is.Pos.Line),
			Message: is.Text,
			Fixable: len(is.SuggestedFixes) > 0,
		})
	}
	slices.SortFunc(all, func(a, b clitest.Finding) int { return strings.Compare(a.String(), b.String()) })
	return all, code
}

// standalone returns the findings of the mongocas-lint command in dir.
func standalone(t *testing.T, dir string) []clitest.Finding {
	t.Helper()
	bin := clitest.Build(t, "../../cmd/mongocas-lint", "mongocas-lint")
	out, code := clitest.Run(t, dir, nil, bin, "-json", "./...")
	if code != 0 {
		t.Fatalf("mongocas-lint -json: exit %d\n%s", code, out)
	}
	all := clitest.ParseJSON(t, out)
	for i := range all {
		all[i].Category = "" // golangci-lint's report has no category
	}
	return all
}

// ruleSuffix is the rule's name that ends each message: golangci-lint
// shows it before its own "(mongocas)".
var ruleSuffix = regexp.MustCompile(` \([a-z]+(-[a-z]+)+\)$`)

func TestExample(t *testing.T) {
	bin := clitest.Build(t, ".", "golangci-lint")
	dir := clitest.CopyModule(t, "../../example")
	want := standalone(t, dir)
	if len(want) == 0 {
		t.Fatal("mongocas-lint finds nothing in the example")
	}

	// Text output: each finding once, tagged with the linter's name,
	// exit code 1.
	out, code := clitest.Run(t, dir, []string{"GOLANGCI_LINT_CACHE=" + t.TempDir()}, bin, "run", "./...")
	if code != 1 {
		t.Fatalf("golangci-lint run: exit %d, want 1\n%s", code, out)
	}
	for _, f := range want {
		file, line, _ := strings.Cut(f.Where, ":")
		if !strings.Contains(out, "/"+file+":"+line+":") || !strings.Contains(out, f.Message+" (mongocas)") {
			t.Errorf("text output lacks %s\n%s", f, out)
		}
		if !ruleSuffix.MatchString(f.Message) {
			t.Errorf("%s: the message does not end with its rule's name", f)
		}
	}

	// JSON output: the same findings and fixes as mongocas-lint.
	got, code := lint(t, bin, dir)
	if code != 1 || !slices.Equal(got, want) {
		t.Fatalf("golangci-lint JSON (exit %d):\n%v\nwant, as mongocas-lint:\n%v", code, got, want)
	}

	// --fix applies every fix; the code still builds and is gofmt-clean,
	// and a second run finds only what had no fix.
	lint(t, bin, dir, "--fix") // exit 1: the findings without a fix remain
	if out, code := clitest.Run(t, dir, nil, "go", "build", "./..."); code != 0 {
		t.Fatalf("the fixed example does not build:\n%s", out)
	}
	if out, code := clitest.Run(t, dir, nil, "gofmt", "-l", "."); code != 0 || out != "" {
		t.Fatalf("the fixed example is not gofmt-clean:\n%s", out)
	}
	var unfixable []clitest.Finding
	for _, f := range want {
		if !f.Fixable {
			unfixable = append(unfixable, f)
		}
	}
	after, _ := lint(t, bin, dir)
	var afterTexts, unfixableTexts []string
	for _, f := range after {
		afterTexts = append(afterTexts, f.Message)
	}
	for _, f := range unfixable {
		unfixableTexts = append(unfixableTexts, f.Message)
	}
	slices.Sort(afterTexts)
	slices.Sort(unfixableTexts)
	if !slices.Equal(afterTexts, unfixableTexts) {
		t.Errorf("after --fix:\n%s\nwant only the findings without a fix:\n%s", strings.Join(afterTexts, "\n"), strings.Join(unfixableTexts, "\n"))
	}
}

// TestBadSettings checks that a wrong setting stops golangci-lint with a
// message that names it.
func TestBadSettings(t *testing.T) {
	bin := clitest.Build(t, ".", "golangci-lint")
	for _, tc := range []struct{ name, settings, want string }{
		{"unknown key", "version-field: [rev]", `unknown field "version-field"`},
		{"unknown rule", "rules: [lost-update]", `unknown rule "lost-update"`},
		{"bad version field", `version-fields: ["$v"]`, `invalid version field "$v"`},
		{"bad boolean", "blind-writes: maybe", `Settings.blind-writes of type bool`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := clitest.CopyModule(t, "../../example")
			if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(clitest.Config(tc.settings)), 0o644); err != nil {
				t.Fatal(err)
			}
			out, code := clitest.Run(t, dir, []string{"GOLANGCI_LINT_CACHE=" + t.TempDir()}, bin, "run", "./...")
			if code != 3 || !strings.Contains(out, tc.want) {
				t.Errorf("golangci-lint with %s: exit %d, want 3 and an error naming %s\n%s", tc.settings, code, tc.want, out)
			}
			if strings.Contains(out, "goroutine ") || strings.Contains(out, "panic") {
				t.Errorf("golangci-lint with %s printed a stack trace:\n%s", tc.settings, out)
			}
		})
	}
}

// TestEditorInvocations runs golangci-lint the way editors do, with the
// arguments they add, and checks that they can read our findings.
func TestEditorInvocations(t *testing.T) {
	bin := clitest.Build(t, ".", "golangci-lint")
	dir := clitest.CopyModule(t, "../../example")
	cache := []string{"GOLANGCI_LINT_CACHE=" + t.TempDir()}
	file := filepath.Join(dir, "inventory", "inventory.go")
	const message = `read-modify-write: UpdateOne sets "qty" but its filter matches only "_id"`

	// VS Code's Go extension with "go.lintTool": "golangci-lint-v2" runs
	// it in the package's directory and reads file:line:col: lines.
	out, code := clitest.Run(t, filepath.Dir(file), cache, bin, "run",
		"--issues-exit-code=0", "--output.text.print-issued-lines=false",
		"--show-stats=false", "--output.text.path=stdout", "--path-mode=abs")
	if code != 0 || !strings.Contains(out, file+":47:12: "+message) {
		t.Errorf("VS Code's invocation: exit %d, want 0 and %s:47:12: %s\n%s", code, file, message, out)
	}

	// nvim-lint's golangcilint linter runs it on the buffer's directory
	// and reads the JSON report, matching files by absolute path.
	out, code = clitest.Run(t, dir, cache, bin, "run", "--output.json.path=stdout",
		"--output.text.path=", "--issues-exit-code=0", "--show-stats=false",
		"--path-mode=abs", filepath.Dir(file))
	if code != 0 || !strings.Contains(out, `"Filename":"`+file+`"`) || !strings.Contains(out, strings.ReplaceAll(message, `"`, `\"`)) {
		t.Errorf("nvim-lint's invocation: exit %d, want 0 and a JSON issue in %s\n%s", code, file, out)
	}
}
