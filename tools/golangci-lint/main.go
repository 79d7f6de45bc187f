// Command golangci-lint is golangci-lint v2 with the mongocas plugin
// compiled in. It is built from the Go module proxy alone, without
// `golangci-lint custom` (which clones golangci-lint's repository): see
// build.sh.
//
// main mirrors cmd/golangci-lint/main.go of golangci-lint, except that it
// leaves the version empty. golangci-lint then salts its cache with a hash
// of this binary, so a rebuild with a changed analyzer never reuses the
// results of the old one.
package main

import (
	"fmt"
	"os"
	"runtime"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/mongocas/mongocas-lint/plugin" // registers "mongocas"
)

func main() {
	info := commands.BuildInfo{
		GoVersion: runtime.Version(),
		Version:   "", // empty on purpose: see the package comment
		Commit:    "mongocas",
		Date:      "(unknown)",
	}
	if err := commands.Execute(info); err != nil {
		_, _ = fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
