package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
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
		unit   vetUnit
		skip   bool
		output bool // the unit's facts file is written
	}{
		{"standard library", vetUnit{ImportPath: "net/http", ImportMap: map[string]string{"fmt": "fmt"}, PackageVetx: map[string]string{"fmt": empty}}, true, true},
		{"imports the driver", vetUnit{ImportPath: "app/repo", ImportMap: map[string]string{"go.mongodb.org/mongo-driver/v2/mongo": "go.mongodb.org/mongo-driver/v2/mongo"}}, false, false},
		{"imports driver v1", vetUnit{ImportPath: "app/repo", ImportMap: map[string]string{"go.mongodb.org/mongo-driver/bson": "go.mongodb.org/mongo-driver/bson"}}, false, false},
		{"imports a package with facts", vetUnit{ImportPath: "app/service", ImportMap: map[string]string{"app/repo": "app/repo"}, PackageVetx: map[string]string{"app/repo": withFacts}}, false, false},
		{"facts file missing", vetUnit{ImportPath: "app/service", ImportMap: map[string]string{"app/repo": "app/repo"}, PackageVetx: map[string]string{"app/repo": filepath.Join(dir, "missing")}}, false, false},
		{"the driver itself", vetUnit{ImportPath: "go.mongodb.org/mongo-driver/v2/mongo", ImportMap: map[string]string{"go.mongodb.org/mongo-driver/v2/bson": "go.mongodb.org/mongo-driver/v2/bson"}}, true, true},
		{"a look-alike path", vetUnit{ImportPath: "app/x", ImportMap: map[string]string{"go.mongodb.org/mongo-driverx": "go.mongodb.org/mongo-driverx"}}, true, true},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.unit.VetxOutput = filepath.Join(dir, "out", tt.name+".vetx")
			if err := os.MkdirAll(filepath.Dir(tt.unit.VetxOutput), 0o755); err != nil {
				t.Fatal(err)
			}
			data, _ := json.Marshal(tt.unit)
			cfg := filepath.Join(dir, filepath.Base(tt.name)+".cfg")
			if err := os.WriteFile(cfg, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if got := skipVetUnit(cfg); got != tt.skip {
				t.Errorf("case %d: skipVetUnit = %v, want %v", i, got, tt.skip)
			}
			if _, err := os.Stat(tt.unit.VetxOutput); (err == nil) != tt.output {
				t.Errorf("case %d: facts file written: %v, want %v", i, err == nil, tt.output)
			}
		})
	}
	if skipVetUnit(filepath.Join(dir, "nothere.cfg")) {
		t.Error("a configuration that cannot be read is skipped")
	}
}
