package bench

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// Floor requires inspect and does nothing: the cost of any analyzer, the
// floor that the benchmarks compare mongocas with.
var Floor = &analysis.Analyzer{
	Name:     "floor",
	Doc:      "requires inspect and does nothing",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      func(*analysis.Pass) (any, error) { return nil, nil },
}
