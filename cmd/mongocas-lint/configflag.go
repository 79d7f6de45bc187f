package main

import (
	"strings"

	"github.com/mongocas/mongocas-lint/analyzer"
	"github.com/mongocas/mongocas-lint/config"
	"golang.org/x/tools/go/analysis"
)

// configUsage documents -config in -help; configuredAnalyzer reads it.
const configUsage = "the .golangci.yml whose mongocas settings to use, or none; by default the one golangci-lint would read here (flags still win)"

// configuredAnalyzer returns the analyzer that the settings of the
// project's .golangci.yml describe (linters.settings.custom.mongocas), as
// golangci-lint and the gopls build read them, so that the command and
// the editor agree with CI; the flags of the command line still win. It
// takes -config out of args: the file is read before the flags, whose
// defaults it sets.
func configuredAnalyzer(args []string) (*analysis.Analyzer, []string, error) {
	file, rest := "", args[:0:0]
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i:]...)
			i = len(args)
		case a == "-config" || a == "--config":
			if i+1 < len(args) {
				file = args[i+1]
				i++
			}
		case strings.HasPrefix(a, "-config=") || strings.HasPrefix(a, "--config="):
			_, file, _ = strings.Cut(a, "=")
		default:
			rest = append(rest, a)
		}
	}
	var cfg analyzer.Config
	var err error
	switch file {
	case "":
		cfg, _, err = config.ForDir(".")
	case "none":
		cfg = analyzer.DefaultConfig()
	default:
		cfg, err = config.Load(file)
	}
	if err != nil {
		return nil, nil, err
	}
	return analyzer.New(cfg), rest, nil
}
