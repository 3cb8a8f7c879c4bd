package panel

import (
	"testing"

	"github.com/casus-dev/casus/world"
)

func cow2016(tb testing.TB) *System {
	tb.Helper()
	s, err := COW2016(testWorld(tb))
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

type sy struct{ code, year int }
type dy struct{ a, b, year int }

// system2016 reads COW's own state-year list.
func system2016(tb testing.TB) map[sy]bool {
	t := readRaw(tb, "cow_states/system2016.csv")
	out := map[sy]bool{}
	for _, r := range t.rows {
		out[sy{t.int(tb, r, "ccode"), t.int(tb, r, "year")}] = true
	}
	return out
}

func TestStateYearsEqualSystem2016(t *testing.T) {
	s := cow2016(t)
	f, err := s.StateYears(1816, 2016)
	if err != nil {
		t.Fatal(err)
	}
	want := system2016(t)
	if f.Len() != 15951 || len(want) != 15951 {
		t.Fatalf("state-years: got %d, system2016.csv has %d, want 15951 both", f.Len(), len(want))
	}
	codes, years := f.Cols[0].I16, f.Cols[1].I16
	for i := 0; i < f.Len(); i++ {
		k := sy{int(codes[i]), int(years[i])}
		if !want[k] {
			t.Errorf("state-year %v not in system2016.csv", k)
		}
		if i > 0 && (codes[i] < codes[i-1] || codes[i] == codes[i-1] && years[i] <= years[i-1]) {
			t.Fatalf("row %d: %v not after %d %d (want sorted, unique)", i, k, codes[i-1], years[i-1])
		}
	}
}

func TestStateYearFacts(t *testing.T) {
	s := cow2016(t)
	f, err := s.StateYears(1816, 2016)
	if err != nil {
		t.Fatal(err)
	}
	have := map[sy]bool{}
	first := map[int]int{}
	for i := 0; i < f.Len(); i++ {
		c, y := int(f.Cols[0].I16[i]), int(f.Cols[1].I16[i])
		have[sy{c, y}] = true
		if _, ok := first[c]; !ok {
			first[c] = y
		}
	}
	// FIXTURES.md: isard's state-panel tests.
	for _, k := range []sy{{40, 1907}, {817, 1976}, {260, 1991}, {680, 1991}} {
		if have[k] {
			t.Errorf("state-year %d %d exists, want none", k.code, k.year)
		}
	}
	// Their neighbours exist, so the absences are not an artefact.
	for _, k := range []sy{{40, 1906}, {40, 1909}, {817, 1975}, {260, 1990}, {680, 1990}} {
		if !have[k] {
			t.Errorf("state-year %d %d missing", k.code, k.year)
		}
	}
	// peacesciencer issue #12: India and Pakistan both enter in 1947.
	if first[750] != 1947 || first[770] != 1947 {
		t.Errorf("first years: India %d, Pakistan %d, want 1947 both", first[750], first[770])
	}
}

// referenceDyadYears is the slow, obviously correct definition: for every
// year, every ordered pair of system2016 state-years whose members share a
// day of that year, with days taken from states2016's spells one by one.
func referenceDyadYears(tb testing.TB) map[dy]bool {
	st := readRaw(tb, "cow_states/states2016.csv")
	spells := map[int][]world.Spell{}
	for _, r := range st.rows {
		c := st.int(tb, r, "ccode")
		spells[c] = append(spells[c], world.Spell{Start: date3(tb, st, r, "styear", "stmonth", "stday"), End: date3(tb, st, r, "endyear", "endmonth", "endday")})
	}
	byYear := map[int][]int{}
	for k := range system2016(tb) {
		byYear[k.year] = append(byYear[k.year], k.code)
	}
	out := map[dy]bool{}
	for y, codes := range byYear {
		// days[c][d] = member on day d of year y.
		var calendar []world.Date // every day of year y
		for d := world.D(y, 1, 1); d.Year() == y; d = d.AddDays(1) {
			calendar = append(calendar, d)
		}
		// days[c] has bit k set when c is a member on day k of year y.
		days := map[int][6]uint64{}
		for _, c := range codes {
			var m [6]uint64
			for k, d := range calendar {
				for _, sp := range spells[c] {
					if sp.Contains(d) {
						m[k/64] |= 1 << (k % 64)
					}
				}
			}
			days[c] = m
		}
		for _, a := range codes {
			for _, b := range codes {
				if a == b {
					continue
				}
				da, db := days[a], days[b]
				for k := range da {
					if da[k]&db[k] != 0 {
						out[dy{a, b, y}] = true
						break
					}
				}
			}
		}
	}
	return out
}

func TestDyadYearsMatchReference(t *testing.T) {
	if testing.Short() {
		t.Skip("reference dyad-years take seconds")
	}
	s := cow2016(t)
	want := referenceDyadYears(t)
	dir, err := s.DyadYears(1816, 2016, true)
	if err != nil {
		t.Fatal(err)
	}
	nd, err := s.DyadYears(1816, 2016, false)
	if err != nil {
		t.Fatal(err)
	}
	if dir.Len() != 2*nd.Len() {
		t.Errorf("directed %d rows, non-directed %d: want exactly twice", dir.Len(), nd.Len())
	}
	if dir.Len() != len(want) {
		t.Errorf("directed dyad-years: got %d, reference %d", dir.Len(), len(want))
	}
	// peacesciencer's create_dyadyears(system = "cow", mry = FALSE): the
	// 1,912,350 year-level pairs of cow_states minus false_cow_dyads (60
	// directed rows, states never members on a common day; TestFalseDyads).
	if dir.Len() != 1912290 || nd.Len() != 956145 {
		t.Errorf("COW v2016 1816-2016: %d directed, %d non-directed dyad-years; want 1,912,290 and 956,145", dir.Len(), nd.Len())
	}
	check := func(f *Frame, directed bool) {
		c1, c2 := f.Codes()
		yy := f.Years()
		n := 0
		for i := 0; i < f.Len(); i++ {
			k := dy{int(c1[i]), int(c2[i]), int(yy[i])}
			if !want[k] {
				t.Errorf("dyad-year %v not in the reference", k)
			}
			if !directed && k.a >= k.b {
				t.Errorf("non-directed row %v: want ccode1 < ccode2", k)
			}
			if i > 0 {
				p := dy{int(c1[i-1]), int(c2[i-1]), int(yy[i-1])}
				if !(p.a < k.a || p.a == k.a && (p.b < k.b || p.b == k.b && p.year < k.year)) {
					t.Fatalf("row %d %v not after %v: want sorted and unique", i, k, p)
				}
			}
			n++
		}
		if directed && n != len(want) || !directed && 2*n != len(want) {
			t.Errorf("directed=%v: %d rows for a reference of %d directed", directed, n, len(want))
		}
	}
	check(dir, true)
	check(nd, false)
	t.Logf("COW v2016 1816-2016: %d directed, %d non-directed dyad-years", dir.Len(), nd.Len())
}

// TestFalseDyads checks the dyads peacesciencer drops with false_cow_dyads:
// both states members in the year, never on the same day.
func TestFalseDyads(t *testing.T) {
	s := cow2016(t)
	f, err := s.DyadYears(1816, 2016, true)
	if err != nil {
		t.Fatal(err)
	}
	have := map[dy]bool{}
	c1, c2 := f.Codes()
	for i, y := range f.Years() {
		have[dy{int(c1[i]), int(c2[i]), int(y)}] = true
	}
	if have[dy{115, 817, 1975}] || have[dy{817, 115, 1975}] {
		t.Error("Suriname × Republic of Vietnam 1975 present: they never share a day (RVN ends 1975-04-30, Suriname enters 1975-11-25)")
	}
	if !have[dy{2, 817, 1975}] || !have[dy{2, 115, 1975}] {
		t.Error("USA × RVN and USA × Suriname 1975 missing")
	}
	// Count the year-level pairs the common-day rule removes.
	sys := system2016(t)
	byYear := map[int][]int{}
	for k := range sys {
		byYear[k.year] = append(byYear[k.year], k.code)
	}
	yearLevel := 0
	for _, codes := range byYear {
		yearLevel += len(codes) * (len(codes) - 1)
	}
	false_ := yearLevel - f.Len()
	if yearLevel != 1912350 || false_ != 60 {
		t.Fatalf("year-level pairs %d, common-day dyad-years %d: want 1,912,350 and 60 false dyad-years removed", yearLevel, f.Len())
	}
	t.Logf("year-level directed pairs %d, false directed dyad-years dropped %d", yearLevel, false_)
	// FIXTURES.md's 2,063,670 directed rows (peacesciencer 0.5.0, 1816–2020)
	// are the year-level pairs before false dyads were dropped, with the
	// 195 states of 2016 carried to 2017–2020 (mry = TRUE).
	if n2016 := len(byYear[2016]); n2016 != 195 || yearLevel+4*n2016*(n2016-1) != 2063670 {
		t.Errorf("year-level %d + 4 × %d × %d = %d, want 2,063,670", yearLevel, n2016, n2016-1, yearLevel+4*n2016*(n2016-1))
	}
}
