package main

import (
	"encoding/json"
	"os"

	"github.com/mongocas/mongocas-lint/analyzer"
	"golang.org/x/tools/go/analysis/unitchecker"
)

// The go vet protocol runs the tool once per package, dependencies
// included (the analyzer has facts), each from a JSON file named *.cfg.
// A package that imports no driver package and no package with facts of
// ours cannot hold a finding or a fact, so it is skipped before it is
// parsed: the standard library and most dependencies cost a process start.

// skipVetUnit reports whether the unit described by cfgFile needs no
// analysis, after writing the empty facts file that go vet expects. Any
// doubt, such as a configuration it cannot read, means no.
func skipVetUnit(cfgFile string) bool {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return false
	}
	var u unitchecker.Config
	if err := json.Unmarshal(data, &u); err != nil || u.VetxOutput == "" {
		return false
	}
	if !analyzer.IsDriverPath(u.ImportPath) {
		for _, path := range u.ImportMap {
			if analyzer.IsDriverPath(path) {
				return false
			}
			if vetx, ok := u.PackageVetx[path]; ok {
				if fi, err := os.Stat(vetx); err != nil || fi.Size() > 0 {
					return false // facts of ours, or unknown
				}
			}
		}
	}
	if os.WriteFile(u.VetxOutput, nil, 0o666) != nil {
		return false
	}
	if u.Stdout != "" {
		if f, err := os.Create(u.Stdout); err == nil {
			_ = f.Close() // empty: nothing to report
		}
	}
	return true
}
