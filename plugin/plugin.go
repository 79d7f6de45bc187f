// Package plugin registers the mongocas analyzer as a golangci-lint v2
// module plugin named "mongocas".
//
// A custom golangci-lint binary includes the plugin by importing this
// package for its side effect:
//
//	import _ "github.com/mongocas/mongocas-lint/plugin"
//
// and enables it in .golangci.yml:
//
//	linters:
//	  enable: [mongocas]
//	  settings:
//	    custom:
//	      mongocas:
//	        type: module
//	        settings:
//	          rules: [unguarded-update, unchecked-result, check-then-act]
//	          version-fields: [version, rev]
//	          ignore-fields: [updatedAt, lastSeenAt]
//	          blind-writes: true
//
// The settings mirror the flags of the mongocas-lint command. Each list
// holds values, never map keys, because golangci-lint lower-cases map keys
// and field names are case-sensitive.
package plugin

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"github.com/mongocas/mongocas-lint/analyzer"
	"golang.org/x/tools/go/analysis"
)

func init() {
	register.Plugin(analyzer.Name, New)
}

// Settings are the plugin's settings in .golangci.yml. A setting that is
// left out keeps its default (see analyzer.DefaultConfig).
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

// config returns the analyzer configuration that s describes.
func (s Settings) config() analyzer.Config {
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
	return cfg
}

// New decodes the settings golangci-lint passes and returns the plugin.
// An unknown setting or an invalid value is an error that names it.
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", analyzer.Name, err)
	}
	cfg := s.config()
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("%s: settings: %w", analyzer.Name, err)
	}
	return &linter{cfg: cfg}, nil
}

// linter is the plugin built from one set of settings.
type linter struct {
	cfg analyzer.Config
}

// BuildAnalyzers returns a new analyzer each time, so that two
// configurations never share state.
func (l *linter) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{analyzer.New(l.cfg)}, nil
}

// GetLoadMode asks for type information: calls are matched by type.
func (*linter) GetLoadMode() string { return register.LoadModeTypesInfo }
