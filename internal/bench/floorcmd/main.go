// Command floorcmd is the floor analyzer as a command, built with
// singlechecker as mongocas-lint's vet mode is: BenchmarkVet runs it as
// a vet tool, BenchmarkCommand on its own.
package main

import (
	"github.com/mongocas/mongocas-lint/internal/bench"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() { singlechecker.Main(bench.Floor) }
