// Command mongocas-lint reports MongoDB Go driver updates that silently
// lose concurrent writes.
//
// Usage:
//
//	mongocas-lint [flags] ./...
//	go vet -vettool=$(which mongocas-lint) ./...
//
// Flags -fix, -diff and -json apply the suggested fixes, show them as a
// diff, or print findings as JSON. Run mongocas-lint -help for all flags.
//
// Exit status: 0 when there are no findings (and after -fix, and with
// -json), 1 when the packages could not be loaded or type-checked, 2 when
// a flag is invalid, 3 when there are findings. Every error is one line
// on standard error.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/mongocas/mongocas-lint/analyzer"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() {
	args := os.Args[1:]
	if len(args) == 1 && args[0] == "-V=full" {
		if err := printFullVersion(os.Stdout); err != nil {
			fmt.Fprintf(os.Stderr, "mongocas-lint: %v\n", err)
			os.Exit(exitLoad)
		}
		os.Exit(exitClean)
	}
	if !isVetInvocation(args) {
		a, rest, err := configuredAnalyzer(args)
		if err != nil {
			fmt.Fprintf(os.Stderr, "mongocas-lint: %v\n", err)
			os.Exit(exitFlag)
		}
		os.Exit(runStandalone(a, rest, os.Stdout, os.Stderr))
	}
	if cfg := args[len(args)-1]; strings.HasSuffix(cfg, ".cfg") && skipVetUnit(cfg) {
		os.Exit(0)
	}
	flag.CommandLine = briefFlagErrors(os.Args[0])
	singlechecker.Main(analyzer.Analyzer)
}

// briefFlagErrors returns a command-line flag set that reports a bad flag
// in one line and exits 2, where the flag package would print the whole
// usage after the error. singlechecker registers its flags on
// flag.CommandLine.
func briefFlagErrors(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ExitOnError)
	var msg bytes.Buffer
	fs.SetOutput(&msg) // the flag package writes the error here, then calls Usage
	fs.Usage = func() {
		fmt.Fprintf(os.Stderr, "mongocas-lint: %s\n", strings.TrimSpace(msg.String()))
		os.Exit(exitFlag)
	}
	return fs
}

// isVetInvocation reports whether go vet runs the tool: on one unit (a
// *.cfg file), or to ask its version (-V=full) or flags (-flags).
func isVetInvocation(args []string) bool {
	for _, arg := range args {
		if strings.HasSuffix(arg, ".cfg") || arg == "-flags" || strings.HasPrefix(arg, "-V") {
			return true
		}
	}
	return false
}
