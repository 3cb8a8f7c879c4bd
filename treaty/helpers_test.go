package treaty

import (
	"context"
	"sync"
	"testing"

	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/source/sourcetest"
	"github.com/casus-dev/casus/world"
)

// smallWorld is a hand-made world of the states the data-free tests name,
// with COW codes, abbreviations and names as in statelist2024.
func smallWorld() *world.World {
	st := func(code int, abb, name, iso string, start world.Date) world.State {
		return world.State{Code: code, Abb: abb, Name: name, ISO3: iso, Spells: []world.Spell{{Start: start, End: world.D(2024, 12, 31)}}, OpenEnded: true}
	}
	w := &world.World{States: []world.State{
		st(2, "USA", "United States of America", "USA", world.D(1816, 1, 1)),
		st(20, "CAN", "Canada", "CAN", world.D(1920, 1, 10)),
		st(220, "FRN", "France", "FRA", world.D(1816, 1, 1)),
		st(255, "GMY", "Germany", "DEU", world.D(1816, 1, 1)),
		st(300, "AUH", "Austria-Hungary", "", world.D(1816, 1, 1)),
		st(325, "ITA", "Italy", "ITA", world.D(1816, 1, 1)),
		st(365, "RUS", "Russia", "RUS", world.D(1816, 1, 1)),
		st(900, "AUL", "Australia", "AUS", world.D(1920, 1, 10)),
		st(920, "NEW", "New Zealand", "NZL", world.D(1920, 1, 10)),
	}}
	w.Freeze()
	return w
}

// needData returns the official data the tests run on: the directory
// $CASUS_DATA names when set, else the embedded snapshot (sourcetest).
func needData(t testing.TB) *source.Data {
	t.Helper()
	return sourcetest.Data()
}

var (
	statesOnce  sync.Once
	statesWorld *world.World
	statesErr   error
)

// dataWorld loads the COW states (with ISO3 codes and aliases) from
// the official data (needData) once per test binary.
func dataWorld(t testing.TB) *world.World {
	t.Helper()
	dir := needData(t)
	statesOnce.Do(func() {
		statesWorld, statesErr = source.Load(context.Background(), dir, source.LoadOptions{Only: []string{source.States}})
	})
	if statesErr != nil {
		t.Fatal(statesErr)
	}
	return statesWorld
}
