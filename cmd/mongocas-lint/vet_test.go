package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/unitchecker"
)

// TestSkipVetUnit checks which go vet units are skipped before parsing:
// those that can hold neither a finding nor a fact.
func TestSkipVetUnit(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.vetx")
	withFacts := filepath.Join(dir, "facts.vetx")
	for name, content := range map[string]string{empty: "", withFacts: "gob"} {
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name   string
		unit   unitchecker.Config
		skip   bool
		output bool // the unit's facts file is written
	}{
		{"standard library", unitchecker.Config{ImportPath: "net/http", ImportMap: map[string]string{"fmt": "fmt"}, PackageVetx: map[string]string{"fmt": empty}}, true, true},
		{"imports the driver", unitchecker.Config{ImportPath: "app/repo", ImportMap: map[string]string{"go.mongodb.org/mongo-driver/v2/mongo": "go.mongodb.org/mongo-driver/v2/mongo"}}, false, false},
		{"imports driver v1", unitchecker.Config{ImportPath: "app/repo", ImportMap: map[string]string{"go.mongodb.org/mongo-driver/bson": "go.mongodb.org/mongo-driver/bson"}}, false, false},
		{"imports a package with facts", unitchecker.Config{ImportPath: "app/service", ImportMap: map[string]string{"app/repo": "app/repo"}, PackageVetx: map[string]string{"app/repo": withFacts}}, false, false},
		{"facts file missing", unitchecker.Config{ImportPath: "app/service", ImportMap: map[string]string{"app/repo": "app/repo"}, PackageVetx: map[string]string{"app/repo": filepath.Join(dir, "missing")}}, false, false},
		{"the driver itself", unitchecker.Config{ImportPath: "go.mongodb.org/mongo-driver/v2/mongo", ImportMap: map[string]string{"go.mongodb.org/mongo-driver/v2/bson": "go.mongodb.org/mongo-driver/v2/bson"}}, true, true},
		{"a look-alike path", unitchecker.Config{ImportPath: "app/x", ImportMap: map[string]string{"go.mongodb.org/mongo-driverx": "go.mongodb.org/mongo-driverx"}}, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.unit.VetxOutput = filepath.Join(dir, "out", tt.name+".vetx")
			if err := os.MkdirAll(filepath.Dir(tt.unit.VetxOutput), 0o755); err != nil {
				t.Fatal(err)
			}
			data, _ := json.Marshal(tt.unit)
			cfg := filepath.Join(dir, tt.name+".cfg")
			if err := os.WriteFile(cfg, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if got := skipVetUnit(cfg); got != tt.skip {
				t.Errorf("skipVetUnit = %v, want %v", got, tt.skip)
			}
			if _, err := os.Stat(tt.unit.VetxOutput); (err == nil) != tt.output {
				t.Errorf("facts file written: %v, want %v", err == nil, tt.output)
			}
		})
	}
	if skipVetUnit(filepath.Join(dir, "nothere.cfg")) {
		t.Error("a configuration that cannot be read is skipped")
	}
}
