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
// 3 when there are findings.
package main

import (
	"github.com/mongocas/mongocas-lint/analyzer"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() { singlechecker.Main(analyzer.Analyzer) }
