package reliability

import (
	"context"
	"sync"
	"testing"

	"github.com/casus-dev/casus/obligation"
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

// realWorld loads the official data ($CASUS_DATA, else the embedded
// snapshot; see sourcetest) with the registry and ATOP treaties, once per
// test binary.
func realWorld(tb testing.TB) (*world.World, *obligation.Engine) {
	tb.Helper()
	realOnce.Do(func() {
		ctx := context.Background()
		dir := sourcetest.Data()
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
	return realW, obligation.For(realW)
}
