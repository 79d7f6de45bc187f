package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

// version returns the module version of the running binary and its VCS
// revision, from the build information the go command records: "v0.1.0"
// for an installed release; "(devel) 1a2b3c4d5e6f" (with "+dirty" for
// uncommitted changes) for a build from a checkout; "" when the binary
// carries none.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	v := bi.Main.Version
	rev, dirty := "", ""
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value[:min(12, len(s.Value))]
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev != "" && !strings.Contains(v, rev) {
		v += " " + rev + dirty
	}
	return strings.TrimSpace(v)
}

// release reports whether v is a published version: a tag, neither a
// checkout's "(devel)" nor a pseudo-version of untagged commits.
func release(v string) bool {
	return strings.HasPrefix(v, "v") && !strings.Contains(v, " ") && !strings.Contains(v, "+dirty") &&
		strings.Count(v, "-") < 2
}

// printVersion writes the answer to -version.
func printVersion(w io.Writer) {
	v := version()
	if v == "" {
		v = "unknown (no build information)"
	}
	printf(w, "mongocas-lint %s\n", v)
}

// printFullVersion writes the answer to -V=full, which go vet asks to key
// its cache: "mongocas-lint version V buildID=H", with H a hash of the
// executable. go vet reads a version of "devel" as "use the build ID", so
// a build that is not a release says devel, followed by its revision.
func printFullVersion(w io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	f, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }() // read only
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	v := version()
	if !release(v) {
		v = strings.TrimSpace("devel " + strings.TrimPrefix(v, "(devel)"))
	}
	_, err = fmt.Fprintf(w, "mongocas-lint version %s buildID=%02x\n", v, h.Sum(nil))
	return err
}
