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
// Exit status: 0 when there are no findings (and after -fix), 1 when the
// packages could not be loaded or type-checked, 2 when a flag is invalid,
// 3 when there are findings. Every error is one line on standard error.
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
	flag.CommandLine = briefFlagErrors(os.Args[0])
	singlechecker.Main(analyzer.Analyzer)
}

// briefFlagErrors returns a command-line flag set that reports a bad flag
// in one line and exits 2, where the flag package would print the whole
// usage after the error. -help still prints the usage. singlechecker
// registers its flags on flag.CommandLine and sets flag.Usage, which this
// set calls for -help.
func briefFlagErrors(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ExitOnError)
	var msg bytes.Buffer
	fs.SetOutput(&msg) // the flag package writes the error here, then calls Usage
	fs.Usage = func() {
		if m := strings.TrimSpace(msg.String()); m != "" {
			fmt.Fprintf(os.Stderr, "mongocas-lint: %s (see mongocas-lint -help)\n", m)
			os.Exit(2)
		}
		fs.SetOutput(os.Stderr)
		flag.Usage()
	}
	return fs
}
