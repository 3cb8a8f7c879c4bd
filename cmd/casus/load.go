package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime"

	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/treaty"
	"github.com/casus-dev/casus/world"
)

// loadData reads the official data, each file from where d resolves it;
// only, when non-empty, names the dataset groups a command needs
// (source.States, source.NMC, …), so a command starts faster. The world is
// not frozen: treaties may follow.
func loadData(ctx context.Context, d *source.Data, only []string) (*world.World, error) {
	return source.Load(ctx, d, source.LoadOptions{Only: only})
}

// data is the resolution order every command uses (and the server will):
// dir (--data), $CASUS_DATA, the user cache, the embedded snapshot.
func (m *Main) data(dir string) (*source.Data, error) {
	return source.NewData(source.DataOptions{Dir: dir, Env: m.Getenv("CASUS_DATA"), Cache: m.cacheDir()})
}

// cacheDir is the folder `casus data fetch` fills by default and the third
// place the data are looked for: os.UserCacheDir's rule, read through
// Main's environment so that tests control it. "" when there is none.
func (m *Main) cacheDir() string {
	var base string
	switch runtime.GOOS {
	case "windows", "darwin", "ios", "plan9":
		base, _ = os.UserCacheDir()
	default:
		if base = m.Getenv("XDG_CACHE_HOME"); base == "" || !filepath.IsAbs(base) {
			base = ""
			if home := m.Getenv("HOME"); home != "" {
				base = filepath.Join(home, ".cache")
			}
		}
	}
	if base == "" {
		return ""
	}
	return filepath.Join(base, "casus", "data")
}

// loadWorld builds the world a command runs on: official data (see
// needData), then the registry, ATOP and --treaties treaties, frozen for
// read-only use.
func (f *flags) loadWorld(ctx context.Context, only ...string) (*world.World, error) {
	dir, err := f.needData()
	if err != nil {
		return nil, err
	}
	w, err := loadData(ctx, dir, only)
	if err != nil {
		return nil, err
	}
	if err := treaty.Attach(ctx, w, dir, f.treaties); err != nil {
		return nil, err
	}
	w.Freeze()
	return w, nil
}
