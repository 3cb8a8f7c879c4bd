package obligation

import (
	"path/filepath"
	"sync"
	"testing"

	"github.com/casus-dev/casus/treaty"
	"github.com/casus-dev/casus/world"
)

var (
	fixOnce sync.Once
	fixW    *world.World
	fixErr  error
)

// fixtureWorld is a small world made for tests: a few states with their
// COW codes, major-power spells, a two-year capability table and the
// treaties in testdata/fixture (modelled on the registry's facts, ids
// fx-*). It needs no data directory, so the engine's logic is tested
// everywhere.
func fixtureWorld(tb testing.TB) *world.World {
	tb.Helper()
	fixOnce.Do(func() {
		w := &world.World{MembershipEnd: world.D(2024, 12, 31), MajorsEnd: world.D(2016, 12, 31)}
		from := func(y, m, d int) []world.Spell { return []world.Spell{{Start: world.D(y, m, d)}} }
		add := func(code int, abb, name string, sp []world.Spell, aliases ...string) {
			w.States = append(w.States, world.State{Code: code, Abb: abb, Name: name, Spells: sp, Aliases: aliases, OpenEnded: true})
		}
		add(2, "USA", "United States of America", from(1816, 1, 1), "US")
		add(20, "CAN", "Canada", from(1920, 1, 10))
		add(40, "CUB", "Cuba", from(1902, 5, 20))
		add(70, "MEX", "Mexico", from(1831, 1, 1))
		add(160, "ARG", "Argentina", from(1841, 1, 1))
		add(200, "UKG", "United Kingdom", from(1816, 1, 1))
		add(211, "BEL", "Belgium", from(1830, 1, 1))
		add(220, "FRN", "France", from(1816, 1, 1))
		add(230, "SPN", "Spain", from(1816, 1, 1))
		add(255, "GMY", "Germany", from(1816, 1, 1))
		add(290, "POL", "Poland", from(1918, 11, 11))
		add(300, "AUH", "Austria-Hungary", []world.Spell{{Start: world.D(1816, 1, 1), End: world.D(1918, 11, 12)}})
		add(325, "ITA", "Italy", from(1816, 1, 1))
		add(345, "YUG", "Serbia", from(1878, 7, 13), "SRB")
		add(365, "RUS", "Russia", from(1816, 1, 1))
		add(369, "UKR", "Ukraine", from(1991, 12, 1))
		add(370, "BLR", "Belarus", from(1991, 8, 25))
		add(371, "ARM", "Armenia", from(1991, 12, 21))
		add(373, "AZE", "Azerbaijan", from(1991, 8, 30))
		add(375, "FIN", "Finland", from(1917, 12, 6))
		add(380, "SWD", "Sweden", from(1816, 1, 1))
		add(640, "TUR", "Turkey", from(1816, 1, 1))
		add(705, "KZK", "Kazakhstan", from(1991, 12, 16))
		add(710, "CHN", "China", from(1860, 1, 1))
		add(731, "PRK", "North Korea", from(1948, 9, 9), "DPRK")
		add(732, "ROK", "South Korea", from(1949, 1, 1))
		add(740, "JPN", "Japan", from(1952, 4, 28))
		add(840, "PHI", "Philippines", from(1946, 7, 4))
		add(900, "AUL", "Australia", from(1920, 1, 10))
		add(920, "NEW", "New Zealand", from(1920, 1, 10))
		for _, c := range []int{200, 220, 255, 300, 325, 365} {
			w.Majors = append(w.Majors, world.MajorSpell{Code: c, Spell: world.Spell{Start: world.D(1816, 1, 1), End: world.D(1918, 11, 11)}})
		}
		w.Majors = append(w.Majors, world.MajorSpell{Code: 2, Spell: world.Spell{Start: world.D(1898, 8, 13), End: world.D(2016, 12, 31)}},
			world.MajorSpell{Code: 710, Spell: world.Spell{Start: world.D(1950, 1, 1), End: world.D(2016, 12, 31)}})
		// Capabilities: made-up round numbers (not NMC values), with a
		// missing milex for the DPRK as NMC has it. Balances recompute CINC
		// from the components; the cinc column is not read by them.
		caps := &world.Capabilities{Version: "7.0"}
		row := func(code, year int, milex, cinc float64) {
			caps.Rows = append(caps.Rows, world.Capability{Code: code, Year: year, Milex: milex, Milper: 100, Irst: 10, Pec: 10, Tpop: 1000, Upop: 100, CINC: cinc})
		}
		row(2, 2022, 800000000, 0.12)
		row(732, 2022, 40000000, 0.02)
		row(731, 2022, world.NA, 0.01)
		row(710, 2022, 290000000, 0.23)
		row(365, 2022, 80000000, 0.04)
		row(900, 2022, 30000000, 0.01)
		row(840, 2022, 4000000, 0.005)
		row(1, 1816, 1, 0.0) // first year of the release
		caps.Index()
		w.NMC = map[string]*world.Capabilities{"7.0": caps}
		w.Freeze()
		files, err := filepath.Glob("testdata/fixture/*.yaml")
		if err != nil {
			fixErr = err
			return
		}
		ts, err := treaty.LoadFiles(w, files, treaty.Options{})
		if err != nil {
			fixErr = err
			return
		}
		w.Treaties = append(w.Treaties, ts...)
		w.Freeze()
		fixW = w
	})
	if fixErr != nil {
		tb.Fatalf("fixture world: %v", fixErr)
	}
	return fixW
}
