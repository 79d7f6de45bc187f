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
	"github.com/mongocas/mongocas-lint/config"
	"golang.org/x/tools/go/analysis"
)

func init() {
	register.Plugin(analyzer.Name, New)
}

// Settings are the plugin's settings in .golangci.yml; the command and the
// gopls build read the same settings from the same file (see package
// config).
type Settings = config.Settings

// New decodes the settings golangci-lint passes and returns the plugin.
// An unknown setting or an invalid value is an error that names it.
func New(settings any) (register.LinterPlugin, error) {
	s, err := config.Decode(settings)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", analyzer.Name, err)
	}
	cfg, err := s.Config()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", analyzer.Name, err)
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
