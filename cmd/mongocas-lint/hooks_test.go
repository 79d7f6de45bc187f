package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/mongocas/mongocas-lint/internal/clitest"
	"gopkg.in/yaml.v3"
)

// TestPreCommitHook runs the command of the repository's pre-commit hook
// on the example, as pre-commit would after installing the command with
// go install: it must find the example's bugs and fail (exit status 3).
func TestPreCommitHook(t *testing.T) {
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []map[string]any
	if err := yaml.Unmarshal(data, &hooks); err != nil || len(hooks) != 1 {
		t.Fatalf(".pre-commit-hooks.yaml: %v, %d hooks; want one", err, len(hooks))
	}
	hook := make(map[string]string)
	for k, v := range hooks[0] {
		hook[k] = fmt.Sprint(v)
	}
	if hook["id"] != "mongocas-lint" || hook["language"] != "golang" || hook["pass_filenames"] != "false" {
		t.Fatalf("hook %v: want id mongocas-lint, language golang, pass_filenames false", hook)
	}
	entry := strings.Fields(hook["entry"])
	if len(entry) < 2 || entry[0] != "mongocas-lint" {
		t.Fatalf("entry %q: want mongocas-lint and its arguments", hook["entry"])
	}
	bin := buildLinter(t)
	dir := clitest.CopyModule(t, "../../example")
	out, code := run(t, dir, bin, entry[1:]...)
	if code != exitFindings || len(textFindings(out)) == 0 {
		t.Fatalf("the hook's command on the example: exit %d, want %d with findings\n%s", code, exitFindings, out)
	}
}
