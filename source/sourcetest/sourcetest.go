// Package sourcetest gives tests the official data, so that no test skips
// for want of them.
//
// With $CASUS_DATA set, the tests read that directory alone (no fallback):
// .ci/run does so with the published files beside the repository, which
// proves that they and the embedded snapshot give the same results.
// Without it, the tests read the snapshot compiled into the binary, so
// `go test ./...` on a fresh clone runs everything on the real data.
package sourcetest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/casus-dev/casus/source"
)

// Data returns the data the tests run on (see the package comment).
func Data() *source.Data {
	if d := os.Getenv("CASUS_DATA"); d != "" {
		return source.Dir(d)
	}
	return source.Embedded()
}

// ReadFile returns the bytes of one known file (a path such as
// source.PathATOPMembers) as Data resolves it.
func ReadFile(tb testing.TB, rel string) []byte {
	tb.Helper()
	b, err := Data().ReadFile(rel)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// Dir returns a directory laid out like the published data: $CASUS_DATA
// when set, otherwise a temporary directory (removed when the test ends)
// into which every known file is written from the snapshot. Use it where a
// test needs real paths, e.g. to pass --data.
func Dir(tb testing.TB) string {
	tb.Helper()
	if d := os.Getenv("CASUS_DATA"); d != "" {
		return d
	}
	dir := tb.TempDir()
	for _, k := range source.KnownFiles {
		WriteFile(tb, dir, k.Path)
	}
	return dir
}

// WriteFile writes the published bytes of rel under dir, creating folders.
func WriteFile(tb testing.TB, dir, rel string) {
	tb.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(p, ReadFile(tb, rel), 0o644); err != nil {
		tb.Fatal(err)
	}
}
