package obligation

import (
	"context"
	"sync"
	"testing"

	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/source/sourcetest"
	"github.com/casus-dev/casus/treaty"
	"github.com/casus-dev/casus/world"
)

var (
	realOnce sync.Once
	realW    *world.World
	realErr  error
)

// realWorld loads the official data (the directory $CASUS_DATA names, else
// the embedded snapshot; see sourcetest) with the registry and ATOP
// treaties, once per test binary.
func realWorld(tb testing.TB) *world.World {
	tb.Helper()
	dir := sourcetest.Data()
	realOnce.Do(func() {
		ctx := context.Background()
		realW, realErr = source.Load(ctx, dir, source.LoadOptions{})
		if realErr != nil {
			return
		}
		if realErr = treaty.Attach(ctx, realW, dir, nil); realErr != nil {
			return
		}
		realW.Freeze()
	})
	if realErr != nil {
		tb.Fatalf("loading the real world: %v", realErr)
	}
	return realW
}
