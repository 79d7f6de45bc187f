package plugin

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"github.com/mongocas/mongocas-lint/analyzer"
	"github.com/mongocas/mongocas-lint/internal/fixtest"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// build decodes settings as golangci-lint passes them (the YAML decoded
// into maps) and returns the plugin's analyzer.
func build(t *testing.T, settings any) *analysis.Analyzer {
	t.Helper()
	newPlugin, err := register.GetPlugin(analyzer.Name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Name != analyzer.Name {
		t.Fatalf("BuildAnalyzers() = %v, want one analyzer named %q", as, analyzer.Name)
	}
	return as[0]
}

// TestSettings runs analyzers built from different settings on the same
// package: each sees only its own settings.
func TestSettings(t *testing.T) {
	// The driver stubs live in the analyzer's test data.
	dir, err := filepath.Abs(filepath.Join("..", "analyzer", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	// Defaults: every rule, and the fix guards with "version".
	analysistest.Run(t, dir, build(t, nil), "pluginsettings/defaults")
	// Only unchecked-result: the unguarded update is not reported.
	analysistest.Run(t, dir, build(t, map[string]any{
		"rules": []any{"unchecked-result"},
	}), "pluginsettings/uncheckedonly")
	// A version field with capitals keeps its case and replaces the
	// defaults: the fix uses it, stale-write-back accepts it as a guard,
	// and "version" is no longer a version field.
	fixtest.Run(t, dir, build(t, map[string]any{
		"version-fields": []any{"docRevision"},
	}), "pluginsettings/versionfields")
	// Intended last-write-wins fields, and no blind writes.
	analysistest.Run(t, dir, build(t, map[string]any{
		"ignore-fields": []any{"updatedAt", "lastSeen"},
	}), "ignorefields")
	analysistest.Run(t, dir, build(t, map[string]any{
		"rules":        []any{"unguarded-update"},
		"blind-writes": false,
	}), "noblindwrites")
	// An empty settings map means the defaults, whatever was built before.
	analysistest.Run(t, dir, build(t, map[string]any{}), "pluginsettings/defaults")
}

func TestBadSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		want     string
	}{
		{"unknown key", map[string]any{"version-field": []any{"v"}}, `unknown field "version-field"`},
		{"unknown rule", map[string]any{"rules": []any{"lost-update"}}, `unknown rule "lost-update"`},
		{"bad version field", map[string]any{"version-fields": []any{"$v"}}, `invalid version field "$v"`},
		{"wrong type", map[string]any{"rules": "unguarded-update"}, `rules`},
		{"bad ignored field", map[string]any{"ignore-fields": []any{""}}, `invalid ignored field ""`},
		{"blind-writes not a bool", map[string]any{"blind-writes": "no"}, `blind-writes`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.settings)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), analyzer.Name+": ") {
				t.Errorf("New(%v) = %v, want an error starting %q and naming %s", tc.settings, err, analyzer.Name+": ", tc.want)
			}
		})
	}
}
