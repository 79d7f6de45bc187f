// Command floorvet is the floor analyzer as a vet tool, for BenchmarkVet.
package main

import (
	"github.com/mongocas/mongocas-lint/internal/bench"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() { singlechecker.Main(bench.Floor) }
