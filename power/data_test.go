package power_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/world"
)

// The real-data tests build a world from the official files in
// $CASUS_DATA with the source readers: states (statelist2024, spells
// reaching its end open-ended, as the world model reads them), majors2016, both
// NMC releases and ATOP's dyad-years. It is built once per test binary.
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
	realOnce.Do(func() { realW, realErr = loadReal(dir) })
	if realErr != nil {
		tb.Fatal(realErr)
	}
	return realW
}

func loadReal(dir string) (*world.World, error) {
	p := func(parts ...string) string { return filepath.Join(append([]string{dir}, parts...)...) }
	spells, _, err := source.ReadStateList2024(p("cow_states", "statelist2024.csv"))
	if err != nil {
		return nil, err
	}
	w := &world.World{NMC: map[string]*world.Capabilities{}, MembershipEnd: world.D(2024, 12, 31)}
	at := map[int]int{}
	for _, s := range spells {
		i, ok := at[s.Code]
		if !ok {
			i = len(w.States)
			at[s.Code] = i
			w.States = append(w.States, world.State{Code: s.Code, Abb: s.Abb, Name: s.Name})
		}
		w.States[i].Spells = append(w.States[i].Spells, s.Spell)
		w.States[i].OpenEnded = s.Spell.End == w.MembershipEnd
	}
	majors, _, err := source.ReadMajors2016(p("cow_states", "majors2016.csv"))
	if err != nil {
		return nil, err
	}
	for _, m := range majors {
		w.Majors = append(w.Majors, world.MajorSpell{Code: m.Code, Spell: m.Spell})
	}
	if w.NMC["6.0"], err = source.ReadNMC6(p("cow_nmc", "NMC-60-abridged.csv")); err != nil {
		return nil, err
	}
	if w.NMC["7.0"], err = source.ReadNMC7(p("cow_nmc", "cow_nmc_v7_peacesciencer.csv")); err != nil {
		return nil, err
	}
	if w.AllianceDyads, err = source.ReadATOPDyadYears(p("atop", "atop5_1_ddyr_subset_peacesciencer.csv")); err != nil {
		return nil, err
	}
	w.Freeze()
	return w, nil
}
