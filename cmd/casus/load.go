package main

import (
	"context"
	"errors"

	"github.com/casus-dev/casus/world"
)

// The world is assembled from two sources that live in other packages:
// official files (package source) and treaties (package treaty: the
// embedded registry, the ATOP import and users' --treaties files). Each
// command file that owns one of them sets the hook in its init, so this file
// needs neither import and each part can land on its own.
var (
	// sourceLoad reads the official data in dir; only, when non-empty,
	// names the datasets a command needs (faster start).
	sourceLoad func(ctx context.Context, dir string, only []string) (*world.World, error)
	// attachTreaties adds registry, ATOP (read from dataDir) and user
	// treaties to w, before Freeze.
	attachTreaties func(ctx context.Context, w *world.World, dataDir string, user []string) error
)

// loadWorld builds the world a command runs on: official data from --data
// (or $CASUS_DATA), then treaties, frozen for read-only use.
func (f *flags) loadWorld(ctx context.Context, only ...string) (*world.World, error) {
	dir, err := f.needData()
	if err != nil {
		return nil, err
	}
	if sourceLoad == nil {
		return nil, errors.New("this build has no data loader")
	}
	w, err := sourceLoad(ctx, dir, only)
	if err != nil {
		return nil, err
	}
	if attachTreaties != nil {
		if err := attachTreaties(ctx, w, dir, f.treaties); err != nil {
			return nil, err
		}
	}
	w.Freeze()
	return w, nil
}
