package main

import (
	"context"

	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/treaty"
	"github.com/casus-dev/casus/world"
)

// loadData reads the official data in dir; only, when non-empty, names the
// dataset groups a command needs (source.States, source.NMC, …), so a
// command starts faster. The world is not frozen: treaties may follow.
func loadData(ctx context.Context, dir string, only []string) (*world.World, error) {
	return source.Load(ctx, dir, source.LoadOptions{Only: only})
}

// loadWorld builds the world a command runs on: official data from --data
// (or $CASUS_DATA), then the registry, ATOP and --treaties treaties, frozen
// for read-only use.
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
