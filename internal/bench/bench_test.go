// Package bench measures the mongocas analyzer against the floor: the same
// checker running an analyzer that only requires inspect and does nothing.
// See docs/performance.md for the figures and how to reproduce them.
package bench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/mongocas/mongocas-lint/analyzer"
	"github.com/mongocas/mongocas-lint/internal/load"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// floor is the analyzer that does nothing.
var floor = Floor

var analyzers = []struct {
	name string
	a    *analysis.Analyzer
}{{"floor", floor}, {"mongocas", analyzer.Analyzer}}

// callCounts are the sizes of the generated packages.
var callCounts = []int{100, 1000, 10000}

var (
	modulesOnce sync.Once
	modulesRoot string
	modules     = make(map[int]string)
)

// callsModule returns the generated module with n calls, writing all of
// them once per process.
func callsModule(b *testing.B, n int) string {
	modulesOnce.Do(func() {
		root, err := os.MkdirTemp("", "mongocas-bench")
		if err != nil {
			b.Fatal(err)
		}
		modulesRoot = root
		for _, n := range callCounts {
			modules[n] = writeCallsModule(b, root, n)
			// Build the export data once, so that no run pays for it.
			loadFor(b, modules[n], floor, "./...")
		}
	})
	return modules[n]
}

func TestMain(m *testing.M) {
	if os.Getenv(measureEnv) != "" {
		os.Exit(measure(os.Args[1:]))
	}
	code := m.Run()
	if modulesRoot != "" {
		_ = os.RemoveAll(modulesRoot) // a temporary directory
	}
	os.Exit(code)
}

// loadFor loads patterns for a as its command does: for the floor, as
// singlechecker does for an analyzer without facts (the packages named
// from source, their dependencies from export data); for mongocas, as
// mongocas-lint does (see internal/load). Test files are left out.
func loadFor(tb testing.TB, dir string, a *analysis.Analyzer, patterns ...string) []*packages.Package {
	var pkgs []*packages.Package
	var err error
	if a == floor {
		pkgs, err = packages.Load(&packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Dir: dir}, patterns...)
	} else {
		pkgs, err = load.Packages(dir, patterns, false)
	}
	if err != nil {
		tb.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		tb.Fatal("packages have errors")
	}
	return pkgs
}

// analyze runs a on pkgs and returns the graph and its number of findings.
func analyze(tb testing.TB, a *analysis.Analyzer, pkgs []*packages.Package) (*checker.Graph, int) {
	g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		tb.Fatal(err)
	}
	findings := 0
	for act := range g.All() {
		if act.Err != nil {
			tb.Fatal(act.Err)
		}
		if act.Analyzer == a && act.IsRoot {
			findings += len(act.Diagnostics)
		}
	}
	return g, findings
}

// BenchmarkCalls loads, type-checks and analyzes packages of 100, 1,000
// and 10,000 driver writes, as mongocas-lint does, next to the floor.
func BenchmarkCalls(b *testing.B) {
	for _, n := range callCounts {
		for _, an := range analyzers {
			b.Run(fmt.Sprintf("calls=%d/analyzer=%s", n, an.name), func(b *testing.B) {
				dir := callsModule(b, n)
				b.ReportAllocs()
				for b.Loop() {
					analyze(b, an.a, loadFor(b, dir, an.a, "./..."))
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/call")
				reportLiveHeap(b, func() any { g, _ := analyze(b, an.a, loadFor(b, dir, an.a, "./...")); return g })
			})
		}
	}
}

// BenchmarkAnalyze times the analysis alone, on packages loaded once, to
// show the analyzer's own cost per call and that it grows linearly.
func BenchmarkAnalyze(b *testing.B) {
	for _, n := range callCounts {
		for _, an := range analyzers {
			b.Run(fmt.Sprintf("calls=%d/analyzer=%s", n, an.name), func(b *testing.B) {
				pkgs := loadFor(b, callsModule(b, n), analyzer.Analyzer, "./...")
				if _, findings := analyze(b, an.a, pkgs); an.a != floor && findings == 0 {
					b.Fatal("no findings: the generated package is not analyzed")
				}
				b.ReportAllocs()
				for b.Loop() {
					analyze(b, an.a, pkgs)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/call")
			})
		}
	}
}

// BenchmarkStd runs on packages of the standard library, which import no
// driver: the analyzer must skip them at no measurable cost.
func BenchmarkStd(b *testing.B) {
	stdWarm.Do(func() { loadFor(b, ".", floor, stdPatterns...) }) // go list's cache
	for _, an := range analyzers {
		b.Run("analyzer="+an.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				analyze(b, an.a, loadFor(b, ".", an.a, stdPatterns...))
			}
			reportLiveHeap(b, func() any { g, _ := analyze(b, an.a, loadFor(b, ".", an.a, stdPatterns...)); return g })
		})
	}
}

var (
	stdPatterns = []string{"std"}
	stdWarm     sync.Once
)

// reportLiveHeap reports the heap that run's result keeps alive, the
// loaded and analyzed program: the peak of a run, give or take garbage.
func reportLiveHeap(b *testing.B, run func() any) {
	b.StopTimer()
	defer b.StartTimer()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	result := run()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(result)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "live-MB")
}

// commands are the packages of the commands that BenchmarkVet and
// BenchmarkCommand run, by analyzer.
var commands = map[string]string{"floor": "./floorcmd", "mongocas": "../../cmd/mongocas-lint"}

// buildCommand builds the command of the analyzer named name into dir.
func buildCommand(tb testing.TB, name, dir string) string {
	bin := filepath.Join(dir, name)
	build := exec.Command("go", "build", "-o", bin, commands[name])
	if out, err := build.CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// BenchmarkVet runs go vet -vettool with each analyzer on the package of
// 1,000 calls and its dependencies. Compiled export data is cached; the
// vet results are not, as each run uses a binary with a new content hash,
// which go vet takes into the key of its cache.
func BenchmarkVet(b *testing.B) {
	dir := callsModule(b, 1000)
	for _, an := range analyzers {
		b.Run("analyzer="+an.name, func(b *testing.B) {
			bin := buildCommand(b, an.name, b.TempDir())
			vet := func() {
				cmd := exec.Command("go", "vet", "-vettool="+bin, "./...")
				cmd.Dir = dir
				cmd.Env = append(os.Environ(), "GOWORK=off")
				if out, err := cmd.CombinedOutput(); err != nil && an.a == floor {
					b.Fatalf("go vet: %v\n%s", err, out)
				}
			}
			vet() // builds what go vet needs besides the vet runs
			nonce := 0
			for b.Loop() {
				b.StopTimer()
				nonce++
				appendToFile(b, bin, fmt.Sprintf("nonce %d", nonce))
				b.StartTimer()
				vet()
			}
		})
	}
}

// BenchmarkCommand runs each command as users do (-test=false ./...) on
// the package of 10,000 calls, and reports the peak resident memory of
// its process, peak-RSS-MB: the whole run, garbage included, where
// live-MB is what a run keeps alive. The floor is a singlechecker. Each
// run goes through a helper process (see measure), whose start is in the
// time of both.
func BenchmarkCommand(b *testing.B) {
	const calls = 10000
	dir := callsModule(b, calls)
	for _, an := range analyzers {
		b.Run(fmt.Sprintf("calls=%d/analyzer=%s", calls, an.name), func(b *testing.B) {
			bin := commandBinary(b, an.name)
			wantCode := 0
			if an.a != floor {
				wantCode = 3 // findings
			}
			var peaks float64
			for b.Loop() {
				code, peak := measured(b, dir, bin, "-test=false", "./...")
				if code != wantCode {
					b.Fatalf("%s exited %d, want %d", an.name, code, wantCode)
				}
				peaks += peak
			}
			b.ReportMetric(peaks/float64(b.N)/(1<<20), "peak-RSS-MB")
		})
	}
}

// measureEnv makes the test binary a helper that runs the command in its
// arguments and prints its exit code and peak resident memory.
const measureEnv = "MONGOCAS_BENCH_MEASURE"

// measured runs a command in dir through the helper, and returns its exit
// code and peak resident memory in bytes. The helper is a small process:
// a command started from the benchmark itself would count the
// benchmark's memory in its peak, as the kernel counts the memory of the
// process that a child is forked from until it runs its program.
func measured(b *testing.B, dir string, args ...string) (code int, peak float64) {
	helper := exec.Command(os.Args[0], args...)
	helper.Dir = dir
	helper.Env = append(os.Environ(), "GOWORK=off", measureEnv+"=1")
	out, err := helper.Output()
	if err != nil {
		b.Fatalf("measuring %v: %v", args, err)
	}
	if _, err := fmt.Sscan(string(out), &code, &peak); err != nil {
		b.Fatalf("measuring %v: %q: %v", args, out, err)
	}
	if peak < 0 {
		b.Skip("the peak resident memory of a process is not known on " + runtime.GOOS)
	}
	return code, peak
}

// measure is the helper: it runs args, with its output to the null
// device, and prints the exit code and the peak resident memory in
// bytes, -1 where it is not known.
func measure(args []string) int {
	cmd := exec.Command(args[0], args[1:]...)
	if err := cmd.Run(); cmd.ProcessState == nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	peak, ok := peakRSS(cmd.ProcessState)
	if !ok {
		peak = -1
	}
	fmt.Println(cmd.ProcessState.ExitCode(), peak)
	return 0
}

var commandBinaries sync.Map // analyzer name to binary, built once per process

// commandBinary returns the command of the analyzer named name, built
// once per process into the generated modules' directory.
func commandBinary(b *testing.B, name string) string {
	if bin, ok := commandBinaries.Load(name); ok {
		return bin.(string)
	}
	bin := buildCommand(b, name, modulesRoot)
	commandBinaries.Store(name, bin)
	return bin
}

// appendToFile appends text to the file at name, changing its hash.
func appendToFile(tb testing.TB, name, text string) {
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}
