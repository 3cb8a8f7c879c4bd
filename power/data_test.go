package power_test

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/world"
)

// The real-data tests read the official files in $CASUS_DATA with
// source.Load (states, majors, both NMC releases, ATOP dyad-years), once
// per test binary.
var (
	realOnce sync.Once
	realW    *world.World
	realErr  error
)

func needData(tb testing.TB) string {
	tb.Helper()
	d := os.Getenv("CASUS_DATA")
	if d == "" {
		tb.Skip("CASUS_DATA is not set: run with CASUS_DATA=../shared/data (or the folder `casus data fetch` fills) to test on the official data")
	}
	return d
}

func realWorld(tb testing.TB) *world.World {
	tb.Helper()
	dir := needData(tb)
	realOnce.Do(func() {
		realW, realErr = source.Load(context.Background(), dir, source.LoadOptions{
			Only: []string{source.States, source.Majors, source.NMC, source.ATOP, source.Capitals},
		})
	})
	if realErr != nil {
		tb.Fatal(realErr)
	}
	return realW
}
