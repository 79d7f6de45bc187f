package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mongocas/mongocas-lint/internal/clitest"
)

// TestFixSemantics checks what each kind of fix does, not only that it
// applies: after -fix, the fixed write is safe under the rules (no
// unguarded-update, unchecked-result or check-then-act finding left in the
// function), it is guarded as the fix kind says ($inc, the test, the
// version, the value read), and on "nothing matched" the function does
// what the package does: false, nil for (bool, error), the package's own
// error, wrapped as it wraps it, and a new error only as the last resort.
// One row per fix kind and driver.
func TestFixSemantics(t *testing.T) {
	type row struct {
		pkg, fn string
		want    []string // in the fixed function, in order
	}
	var rows []row
	for _, v := range []string{"", "v1"} {
		rows = append(rows,
			row{"fixpin" + v, "buy", []string{`"stock": bson.M{"$gte": k}`, `"$inc": bson.M{"stock": -k}`, "res.MatchedCount == 0", "return ErrSoldOut"}},
			row{"fixpin" + v, "buyRanged", []string{`"$inc": bson.M{"stock": -k}`, "res.MatchedCount == 0", `return errors.New("UpdateOne matched no document")`}},
			row{"checkact" + v, "buy", []string{`"qty": bson.M{"$gt": 0}`, "MatchedCount == 0", "return errOut"}},
			row{"fixversion" + v, "rename", []string{`"version": p.Version`, `"$inc": bson.M{"version": 1}`, "MatchedCount == 0", "return errConflict"}},
			row{"fixlang" + v, "claimTask", []string{"res.MatchedCount == 0", "return false, nil"}},
			row{"fixlang" + v, "rename", []string{"res.MatchedCount == 0", `return fmt.Errorf("UpdateOne matched no document: %w", ErrConflict)`}},
			row{"fixlang" + v, "archive", []string{"res.MatchedCount == 0", "return nil, ErrNotFound"}},
			row{"fixshared" + v, "finish", []string{"err == nil && res.MatchedCount == 0", "return ErrNotFound"}},
		)
	}
	bin := buildLinter(t)
	gopath := clitest.CopyModule(t, "../../analyzer/testdata")
	src := filepath.Join(gopath, "src")
	env := []string{"GOPATH=" + gopath, "GO111MODULE=off", "GOFLAGS="}
	var pkgs []string
	for _, r := range rows {
		pkgs = append(pkgs, "./"+r.pkg)
	}
	clitest.Run(t, src, env, bin, append([]string{"-fix"}, pkgs...)...)
	out, _ := clitest.Run(t, src, env, bin, append([]string{"-json"}, pkgs...)...)
	left := clitest.ParseJSON(t, out)

	for _, r := range rows {
		t.Run(r.pkg+"."+r.fn, func(t *testing.T) {
			file, body, from, to := fixedFunc(t, filepath.Join(src, r.pkg), r.fn)
			at := 0
			for _, w := range r.want {
				i := strings.Index(body[at:], w)
				if i < 0 {
					t.Fatalf("fixed %s lacks %q after offset %d:\n%s", r.fn, w, at, body)
				}
				at += i + len(w)
			}
			for _, f := range left {
				_, l, _ := strings.Cut(f.Where, ":")
				line, _ := strconv.Atoi(l)
				if f.File() == file && from <= line && line <= to {
					switch f.Category {
					case "unguarded-update", "unchecked-result", "check-then-act", "dead-no-documents-check":
						t.Errorf("after the fix, %s still has %s", r.fn, f)
					}
				}
			}
		})
	}
}

// fixedFunc returns the file name, source and line range of the function
// fn of the package in dir.
func fixedFunc(t *testing.T, dir, fn string) (string, string, int, int) {
	t.Helper()
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		name := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, data, 0)
		if err != nil {
			t.Fatalf("the fixed file does not parse: %v", err)
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == fn {
				from, to := fset.Position(fd.Pos()), fset.Position(fd.End())
				return e.Name(), string(data[from.Offset:to.Offset]), from.Line, to.Line
			}
		}
	}
	t.Fatalf("no function %s in %s", fn, dir)
	return "", "", 0, 0
}
