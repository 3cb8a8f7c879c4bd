package power_test

import (
	"context"
	"sync"
	"testing"

	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/source/sourcetest"
	"github.com/casus-dev/casus/world"
)

// The real-data tests read the official files (the directory $CASUS_DATA
// names, else the embedded snapshot; see sourcetest) with source.Load (states, majors, both NMC releases, ATOP dyad-years), once
// per test binary.
var (
	realOnce sync.Once
	realW    *world.World
	realErr  error
)

func needData(tb testing.TB) *source.Data {
	tb.Helper()
	return sourcetest.Data()
}

func realWorld(tb testing.TB) *world.World {
	tb.Helper()
	dir := needData(tb)
	realOnce.Do(func() {
		realW, realErr = source.Load(context.Background(), dir, source.LoadOptions{
			Only: []string{source.States, source.Majors, source.NMC, source.ATOP, source.Capitals, source.Contiguity},
		})
	})
	if realErr != nil {
		tb.Fatal(realErr)
	}
	return realW
}
