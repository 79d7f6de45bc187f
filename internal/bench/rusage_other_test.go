//go:build !unix

package bench

import "os"

// peakRSS is not known where the process's resource usage has no peak
// resident memory.
func peakRSS(*os.ProcessState) (float64, bool) { return 0, false }
