package analyzer

import (
	"go/ast"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mongocas/mongocas-lint/internal/fixtest"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// testAnalyzer returns an analyzer running only the given rules, with
// panics not contained, so that a bug fails the test.
func testAnalyzer(rules ...string) *analysis.Analyzer {
	cfg := DefaultConfig()
	if len(rules) > 0 {
		cfg.Rules = rules
	}
	cfg.strict = true
	return New(cfg)
}

func TestUnguardedUpdate(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), testAnalyzer(RuleUnguardedUpdate), "unguarded", "unguardedv1")
}

// TestWriteBack checks that a filter field written back with the value it
// matched does not count as a guard.
func TestWriteBack(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), testAnalyzer(), "writeback")
}

func TestUncheckedResult(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), testAnalyzer(RuleUncheckedResult), "unchecked", "uncheckedv1")
}

func TestIgnoreDirectives(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), testAnalyzer(), "ignore")
}

func TestFixes(t *testing.T) {
	runWithFixes(t, testAnalyzer(), "fixinc", "fixversion", "fixcheck", "fixnames", "fixshared", "fixsharedv1", "fiximport", "fixpin", "fixpinv1", "fixlang", "fixlangv1", "fixversionv1", "fiximportv1")
}

// TestRealDrivers type-checks a module against the real drivers v1 and v2,
// fetched through the module proxy, and checks the same findings there.
func TestRealDrivers(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "realdrivers")
	download := exec.Command("go", "mod", "download")
	download.Dir = dir
	download.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	if out, err := download.CombinedOutput(); err != nil {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	analysistest.Run(t, dir, testAnalyzer(), "./...")
}

func TestVersionFieldsSetting(t *testing.T) {
	a := testAnalyzer()
	if err := a.Flags.Set("version-fields", "docRevision"); err != nil {
		t.Fatal(err)
	}
	// The plugin's TestSettings runs the same package with the setting.
	runWithFixes(t, a, "pluginsettings/versionfields")
}

func TestInvalidSettings(t *testing.T) {
	a := New(DefaultConfig())
	if err := a.Flags.Set("rules", "unguarded-update,lost-update"); err == nil || !strings.Contains(err.Error(), `unknown rule "lost-update"`) {
		t.Errorf("-rules with an unknown rule: got %v, want an error naming it", err)
	}
	if err := a.Flags.Set("version-fields", "$v"); err == nil {
		t.Errorf("-version-fields=$v: got no error")
	}
	if err := a.Flags.Set("ignore-fields", "updatedAt,$set"); err == nil || !strings.Contains(err.Error(), `invalid ignored field "$set"`) {
		t.Errorf("-ignore-fields with an operator: got %v, want an error naming it", err)
	}
	if err := a.Flags.Set("blind-writes", "sometimes"); err == nil {
		t.Errorf("-blind-writes=sometimes: got no error")
	}
	if err := (Config{Rules: []string{"nope"}}).Validate(); err == nil {
		t.Errorf("Config.Validate accepted an unknown rule")
	}
}

func TestInterfaceSeams(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), testAnalyzer(), "ifaceseam", "ifaceseamv1")
}

func TestTransactions(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), testAnalyzer(), "txn", "txnv1", "txnstore", "txnsvc")
}

// TestRequestSessions checks writes with the context of an HTTP request in
// a program whose middleware puts a session into it.
func TestRequestSessions(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), testAnalyzer(), "reqsess", "reqsessuse", "reqplain", "reqsessv1")
}

// TestHelpersAndWrappers checks documents built by helpers and writes made
// by wrappers, in the same package and, through facts, in another one.
func TestHelpersAndWrappers(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), testAnalyzer(), "helpers", "helpersdep", "helpersuse")
}

func TestEvidence(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), testAnalyzer(RuleUnguardedUpdate), "evidence")
	a := testAnalyzer(RuleUnguardedUpdate)
	if err := a.Flags.Set("blind-writes", "false"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "noblindwrites")
}

func TestIgnoreFieldsSetting(t *testing.T) {
	a := testAnalyzer(RuleUnguardedUpdate)
	if err := a.Flags.Set("ignore-fields", "updatedAt,lastSeen"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "ignorefields")
}

// TestTypeErrors checks that a package with type errors is analyzed, and
// so are the packages that import it.
func TestTypeErrors(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), testAnalyzer(), "brokendep", "usesbroken")
}

// TestPanicsContained forces a panic on one call, as an unexpected shape
// would, and checks that the rest of the package is still analyzed.
func TestPanicsContained(t *testing.T) {
	cfg := DefaultConfig()
	forced := 0
	cfg.onWrite = func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Value == `"broken"` {
				forced++
				panic("unexpected shape")
			}
			return true
		})
	}
	analysistest.Run(t, analysistest.TestData(), New(cfg), "contained")
	if forced != 1 {
		t.Errorf("forced %d panics, want 1", forced)
	}
}

func TestRemovedOperator(t *testing.T) {
	runWithFixes(t, testAnalyzer(RuleRemovedOperator), "removedop", "removedopv1")
}

func TestDeadNoDocumentsCheck(t *testing.T) {
	runWithFixes(t, testAnalyzer(RuleDeadNoDocumentsCheck), "nodocs", "nodocsv1")
}

// TestFixesUnformatted applies each fix alone, as an editor applies a
// quick fix, without formatting the result: it must parse and be
// gofmt-clean already (the values of a map literal stay aligned, and so
// do the trailing comments of neighbouring lines, their // want lines).
func TestFixesUnformatted(t *testing.T) {
	root := filepath.Join("testdata", "src")
	checked := 0
	err := filepath.WalkDir(root, func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && d.Name() == "go.mongodb.org":
			return filepath.SkipDir // the driver stubs
		case d.IsDir() || filepath.Ext(name) != ".go":
			return nil
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		checkFuzzedSource(t, string(src))
		checked++
		return nil
	})
	if err != nil || checked == 0 {
		t.Fatalf("%d files checked: %v", checked, err)
	}
}

// TestStaleWriteBack runs every rule, so that a write is seen reported
// under one rule only.
func TestStaleWriteBack(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), testAnalyzer(), "stalewb", "stalewbv1")
}

func TestInsertIfAbsent(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), testAnalyzer(RuleInsertIfAbsent), "insertabsent", "insertabsentv1")
}

// TestCheckThenAct runs every rule, so that a write is seen reported under
// one rule only, and checks the fixes of both rules involved.
func TestCheckThenAct(t *testing.T) {
	runWithFixes(t, testAnalyzer(), "checkact", "checkactv1")
}

func runWithFixes(t *testing.T, a *analysis.Analyzer, pkgs ...string) {
	t.Helper()
	fixtest.Run(t, analysistest.TestData(), a, pkgs...)
}

// TestReach checks the shapes in which real code builds its documents:
// on several paths, in closures, with options passed on.
func TestReach(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), testAnalyzer(RuleUnguardedUpdate, RuleUncheckedResult), "reach", "reachv1dep", "reachv1")
}

// TestReachReads runs every rule on results and reads that the flow layer
// follows across paths and into closures.
func TestReachReads(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), testAnalyzer(), "reachreads", "reachreadsv1")
}
