// Package config reads mongocas's settings from a project's .golangci.yml
// (linters.settings.custom.mongocas.settings), so that the command, the
// gopls build and golangci-lint run the same rules with the same settings.
//
// It is read by the programs that run the analyzer, when they start, never
// by the analyzer itself: under go vet and nogo an analyzer sees only its
// flags, and its results must depend on nothing else.
package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/mongocas/mongocas-lint/analyzer"
	"gopkg.in/yaml.v3"
)

// Settings are mongocas's settings, as .golangci.yml spells them. A
// setting that is left out keeps its default (see analyzer.DefaultConfig).
type Settings struct {
	// Rules are the rules to run (the -rules flag).
	Rules []string `json:"rules"`
	// VersionFields are the bson keys of version counters (the
	// -version-fields flag).
	VersionFields []string `json:"version-fields"`
	// IgnoreFields are bson keys whose unguarded $set is intended (the
	// -ignore-fields flag).
	IgnoreFields []string `json:"ignore-fields"`
	// BlindWrites reports unguarded writes without evidence of a
	// read-modify-write or a state transition (the -blind-writes flag).
	BlindWrites *bool `json:"blind-writes"`
}

// Config returns the analyzer configuration that s describes, or the
// first setting that is not valid.
func (s Settings) Config() (analyzer.Config, error) {
	cfg := analyzer.DefaultConfig()
	if s.Rules != nil {
		cfg.Rules = s.Rules
	}
	if s.VersionFields != nil {
		cfg.VersionFields = s.VersionFields
	}
	if s.IgnoreFields != nil {
		cfg.IgnoreFields = s.IgnoreFields
	}
	if s.BlindWrites != nil {
		cfg.BlindWrites = *s.BlindWrites
	}
	if err := cfg.Validate(); err != nil {
		return analyzer.Config{}, fmt.Errorf("settings: %w", err)
	}
	return cfg, nil
}

// Decode reads settings given as golangci-lint gives them to a plugin (a
// map decoded from YAML): an unknown key or a value of the wrong type is
// an error that names it.
func Decode(raw any) (Settings, error) {
	var s Settings
	if raw == nil {
		return s, nil
	}
	data, err := json.Marshal(raw)
	if err != nil {
		return s, fmt.Errorf("decoding settings: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return s, fmt.Errorf("decoding settings: %w", err)
	}
	return s, nil
}

// Names are the file names golangci-lint reads its YAML configuration
// from, in its order.
var names = []string{".golangci.yml", ".golangci.yaml"}

// Find returns the .golangci.yml that golangci-lint would read for dir:
// the first one in dir or a parent directory. ok is false when there is
// none.
func Find(dir string) (path string, ok bool) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	for {
		for _, name := range names {
			p := filepath.Join(dir, name)
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				return p, true
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Load returns the configuration of the file at path: mongocas's settings
// in it, on top of the defaults. A file without them gives the defaults.
// Errors are one line that starts with the file's path.
func Load(path string) (analyzer.Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return analyzer.Config{}, err
	}
	var file struct {
		Linters struct {
			Settings struct {
				Custom map[string]struct {
					Settings any `yaml:"settings"`
				} `yaml:"custom"`
			} `yaml:"settings"`
		} `yaml:"linters"`
	}
	if err := yaml.Unmarshal(data, &file); err != nil {
		return analyzer.Config{}, fmt.Errorf("%s: %v", path, oneLine(err))
	}
	s, err := Decode(file.Linters.Settings.Custom[analyzer.Name].Settings)
	if err != nil {
		return analyzer.Config{}, fmt.Errorf("%s: %s: %w", path, analyzer.Name, err)
	}
	cfg, err := s.Config()
	if err != nil {
		return analyzer.Config{}, fmt.Errorf("%s: %s: %w", path, analyzer.Name, err)
	}
	return cfg, nil
}

// ForDir returns the configuration for the packages in dir: that of the
// .golangci.yml golangci-lint would read there, or the defaults, and the
// file's path ("" for none).
func ForDir(dir string) (analyzer.Config, string, error) {
	path, ok := Find(dir)
	if !ok {
		return analyzer.DefaultConfig(), "", nil
	}
	cfg, err := Load(path)
	return cfg, path, err
}

func oneLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}
