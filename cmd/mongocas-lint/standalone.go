package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/mongocas/mongocas-lint/analyzer"
	"github.com/mongocas/mongocas-lint/internal/load"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Exit codes of a standalone run.
const (
	exitClean    = 0 // no findings, or fixes applied, or -json
	exitLoad     = 1 // packages not loaded or not type-checked, or a fix not applied
	exitFlag     = 2 // invalid flag or flag value
	exitFindings = 3 // findings reported
)

// options are the flags of a standalone run, besides the analyzer's.
type options struct {
	fix, diff, json, sarif, tests, version bool
	context                                int
}

// runStandalone runs a on the packages named by args, as singlechecker
// would, and returns the exit code.
func runStandalone(a *analysis.Analyzer, args []string, stdout, stderr io.Writer) int {
	var opts options
	fs := flag.NewFlagSet("mongocas-lint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&opts.fix, "fix", false, "apply the suggested fixes")
	fs.BoolVar(&opts.diff, "diff", false, "with -fix, print the fixes as a unified diff instead of applying them")
	fs.BoolVar(&opts.json, "json", false, "print findings and their fixes as JSON on standard output")
	fs.BoolVar(&opts.sarif, "sarif", false, "print findings, their evidence and their fixes as SARIF 2.1.0 on standard output")
	fs.BoolVar(&opts.version, "version", false, "print the version and VCS revision, and exit")
	fs.BoolVar(&opts.tests, "test", true, "analyze test files too")
	fs.IntVar(&opts.context, "c", -1, "print this many lines of source around each finding")
	fs.String("config", "", configUsage) // read before, by configuredAnalyzer
	a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	fs.Usage = func() {} // errors are reported below, in one line
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(a, fs, stderr)
			return exitClean
		}
		printf(stderr, "mongocas-lint: %v (see mongocas-lint -help)\n", err)
		return exitFlag
	}
	if opts.version {
		printVersion(stdout)
		return exitClean
	}
	if opts.sarif && (opts.json || opts.fix) {
		printf(stderr, "mongocas-lint: -sarif cannot be combined with -json or -fix (see mongocas-lint -help)\n")
		return exitFlag
	}
	if fs.NArg() > 0 && fs.Arg(0) == "help" {
		// As singlechecker's help: the analyzer's documentation, then
		// the rules and the flags.
		printf(stdout, "%s\n\n", a.Doc)
		usage(a, fs, stdout)
		return exitClean
	}
	if fs.NArg() == 0 {
		printf(stderr, "mongocas-lint: no packages given, e.g. mongocas-lint ./... (see mongocas-lint -help)\n")
		return exitFlag
	}

	pkgs, err := load.Packages("", fs.Args(), opts.tests)
	if err != nil {
		printf(stderr, "mongocas-lint: %v\n", oneLine(err))
		return exitLoad
	}
	code := exitClean // the highest code wins: findings over errors
	if packages.PrintErrors(pkgs) > 0 {
		code = exitLoad
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		printf(stderr, "mongocas-lint: %v\n", oneLine(err))
		return exitLoad
	}
	// printText and PrintJSON name the analyses that failed, and -fix says
	// so here; the exit code says so under every output mode. Findings
	// set it in text mode only (see the README's table). Our analyzer
	// returns no error and contains its own panics (see
	// analyzer.checker.contain), so act.Err is set only by a bug in the
	// checker itself; TestFailedAnalysis runs one that fails.
	textMode := !opts.fix && !opts.json && !opts.sarif
	for act := range graph.All() {
		if act.Err != nil {
			code = max(code, exitLoad)
			if opts.fix {
				printf(stderr, "mongocas-lint: %s: %v\n", act, oneLine(act.Err))
			}
		} else if act.IsRoot && len(act.Diagnostics) > 0 && textMode {
			code = exitFindings
		}
	}
	switch {
	case opts.fix:
		if err := applyFixes(graph, opts.diff, stdout, stderr); err != nil {
			printf(stderr, "mongocas-lint: %v\n", oneLine(err))
			return exitLoad
		}
	case opts.json:
		if err := graph.PrintJSON(stdout); err != nil {
			return exitLoad
		}
	case opts.sarif:
		if err := printSARIF(stdout, graph); err != nil {
			printf(stderr, "mongocas-lint: %v\n", oneLine(err))
			return exitLoad
		}
	default:
		if err := printText(stderr, graph, opts.context); err != nil {
			return exitLoad
		}
	}
	return code
}

func usage(a *analysis.Analyzer, fs *flag.FlagSet, w io.Writer) {
	summary, _, _ := strings.Cut(a.Doc, "\n\n")
	printf(w, "%s\n\nUsage: mongocas-lint [-flag] [package ...]\n       go vet -vettool=$(which mongocas-lint) [package ...]\n\n", summary)
	printf(w, "%s\nFlags:\n", analyzer.RulesHelp())
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// oneLine keeps the first line of an error that spans several (go list
// errors do).
func oneLine(err error) string {
	s, _, _ := strings.Cut(strings.TrimSpace(err.Error()), "\n")
	return s
}

// printf writes to the terminal; an error there leaves nothing to do.
func printf(w io.Writer, format string, args ...any) {
	_, _ = fmt.Fprintf(w, format, args...)
}
