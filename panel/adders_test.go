package panel

import (
	"math"
	"testing"

	"github.com/casus-dev/casus/world"
)

func dyadFrame(tb testing.TB, directed bool, add string, o Options) *Frame {
	tb.Helper()
	s := cow2016(tb)
	f, err := s.DyadYears(1816, 2016, directed)
	if err != nil {
		tb.Fatal(err)
	}
	as, err := ParseAdders(add)
	if err != nil {
		tb.Fatal(err)
	}
	if err := Apply(f, testWorld(tb), as, o); err != nil {
		tb.Fatal(err)
	}
	return f
}

// rowOf finds the row of dyad (a, b) in year y, or -1.
func rowOf(f *Frame, a, b, y int) int {
	c1, c2 := f.Codes()
	yy := f.Years()
	// Binary search on the sorted keys.
	lo, hi := 0, f.Len()
	key := func(i int) [3]int { return [3]int{int(c1[i]), int(c2[i]), int(yy[i])} }
	want := [3]int{a, b, y}
	less := func(x, y [3]int) bool {
		return x[0] < y[0] || x[0] == y[0] && (x[1] < y[1] || x[1] == y[1] && x[2] < y[2])
	}
	for lo < hi {
		m := (lo + hi) / 2
		if less(key(m), want) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < f.Len() && key(lo) == want {
		return lo
	}
	return -1
}

func val(tb testing.TB, f *Frame, col string, row int) float64 {
	tb.Helper()
	c := f.Column(col)
	if c == nil {
		tb.Fatalf("no column %q in %v", col, f.Names())
	}
	if row < 0 {
		tb.Fatalf("column %q: row not found", col)
	}
	return c.Float(row)
}

func TestATOPEqualsDirectedFile(t *testing.T) {
	f := dyadFrame(t, true, "atop", Options{})
	ad := testWorld(t).AllianceDyads
	file := map[dy][5]bool{}
	for _, r := range ad.Rows {
		file[dy{r.A, r.B, r.Year}] = [5]bool{r.Defense, r.Offense, r.Neutral, r.Nonagg, r.Consul}
	}
	c1, c2 := f.Codes()
	matched := 0
	for i, y := range f.Years() {
		want, ok := file[dy{int(c1[i]), int(c2[i]), int(y)}]
		if ok {
			matched++
		}
		anyOn := false
		for k, n := range atopNames {
			got := f.Column(n).I8[i]
			w := b2i(want[k])
			anyOn = anyOn || want[k]
			if got != w {
				t.Fatalf("%d-%d %d %s: got %d, ATOP file says %d", c1[i], c2[i], y, n, got, w)
			}
		}
		if f.Column("atop_any").I8[i] != b2i(anyOn) {
			t.Fatalf("%d-%d %d atop_any: got %d", c1[i], c2[i], y, f.Column("atop_any").I8[i])
		}
	}
	// Every ATOP row whose two states are COW members in a year of
	// 1816–2016 lands on a panel row (none falls on a false dyad); the rest
	// are 1815, 2017–2018, or a state outside the system that year.
	sys := system2016(t)
	inSystem, other := 0, 0
	for k := range file {
		if k.year >= 1816 && k.year <= 2016 && sys[sy{k.a, k.year}] && sys[sy{k.b, k.year}] {
			inSystem++
		} else {
			other++
		}
	}
	if len(file) != 273296 || matched != inSystem || inSystem != 250494 {
		t.Errorf("ATOP rows %d (want 273,296): %d on panel rows, %d with both states in the system (want 250,494 both)", len(file), matched, inSystem)
	}
	t.Logf("ATOP directed rows: %d in the COW v2016 panel, %d outside it (1815, 2017-2018, non-members)", matched, other)
}

func TestATOPAsymmetricPledges(t *testing.T) {
	tab, err := newATOPTable(testWorld(t).AllianceDyads)
	if err != nil {
		t.Fatal(err)
	}
	// 650 non-directed dyad-years in ATOP 5.1 whose two directions differ
	// (counted on atop5_1_ddyr_subset_peacesciencer.csv).
	asym := 0
	for k, s := range tab.slot {
		a, b := int(k)/MaxCode, int(k)%MaxCode
		if a > b {
			continue
		}
		rev := tab.years(b, a)
		for y, v := range tab.bits[s : s+int32(tab.last-tab.first+1)] {
			if rev == nil || rev[y] != v {
				asym++
			}
		}
	}
	if asym != 650 {
		t.Errorf("asymmetric ATOP dyad-years: got %d, want 650", asym)
	}
	f := dyadFrame(t, false, "atop", Options{ATOPDirections: true})
	// USA–Portugal 1944 (the brief said USA–Spain; the file's one-sided
	// pledge of 1944 is toward Portugal): the USA pledges defense, Portugal
	// does not.
	r := rowOf(f, 2, 235, 1944)
	for _, c := range []struct {
		col  string
		want float64
	}{{"atop_defense", 1}, {"atop_defense12", 1}, {"atop_defense21", 0}, {"atop_offense12", 1}, {"atop_offense21", 1}} {
		if got := val(t, f, c.col, r); got != c.want {
			t.Errorf("USA-Portugal 1944 %s: got %v, want %v", c.col, got, c.want)
		}
	}
	// France pledged to defend Belgium in 1832, not the reverse
	// (peacesciencer's own example of ndir = TRUE).
	r = rowOf(f, 211, 220, 1832)
	if val(t, f, "atop_defense", r) != 1 || val(t, f, "atop_defense12", r) != 0 || val(t, f, "atop_defense21", r) != 1 {
		t.Errorf("Belgium-France 1832: defense %v, 12 %v, 21 %v; want 1, 0, 1",
			val(t, f, "atop_defense", r), val(t, f, "atop_defense12", r), val(t, f, "atop_defense21", r))
	}
	inPanel := 0
	d12, d21 := f.Column("atop_defense12").I8, f.Column("atop_defense21").I8
	for i := range d12 {
		if d12[i] != d21[i] {
			inPanel++
		}
	}
	t.Logf("non-directed COW dyad-years with one-sided defense pledges: %d", inPanel)
}

func TestNMCValues(t *testing.T) {
	for _, c := range []struct {
		ver       string
		a, b, y   int
		col       string
		want, tol float64
	}{
		{"6.0", 2, 710, 2016, "cinc1", 0.13305758, 1e-12},
		{"6.0", 2, 710, 2016, "cinc2", 0.23061772, 1e-12},
		{"6.0", 2, 710, 2016, "pec1", 3293117, 0},
		{"7.0", 2, 710, 2016, "pec1", 3320843, 0},
		{"7.0", 2, 710, 2016, "cinc2", 0.23082519, 1e-12},
		{"", 2, 710, 2016, "cinc1", 0.13325359, 1e-12}, // default: newest, 7.0
		{"6.0", 31, 40, 1993, "milex1", math.NaN(), 0}, // Bahamas 1993 milex coded -9
		{"6.0", 2, 40, 1993, "milper2", 175, 0},        // Cuba 1993: milex -9, milper 175
	} {
		f := dyadFrame(t, false, "nmc", Options{NMC: c.ver})
		got := val(t, f, c.col, rowOf(f, c.a, c.b, c.y))
		switch {
		case math.IsNaN(c.want):
			if !math.IsNaN(got) {
				t.Errorf("NMC %s %d-%d %d %s: got %v, want missing", c.ver, c.a, c.b, c.y, c.col, got)
			}
		case c.tol < 0:
			if math.IsNaN(got) {
				t.Errorf("NMC %s %d-%d %d %s: missing, want a value", c.ver, c.a, c.b, c.y, c.col)
			}
		case math.Abs(got-c.want) > c.tol:
			t.Errorf("NMC %s %d-%d %d %s: got %v, want %v ± %g", c.ver, c.a, c.b, c.y, c.col, got, c.want, c.tol)
		}
	}
}

func TestMajorsContiguityWars(t *testing.T) {
	f := dyadFrame(t, true, "majors,contiguity,wars", Options{})
	for _, c := range []struct {
		a, b, y int
		col     string
		want    float64
	}{
		{2, 200, 1897, "cowmaj1", 0}, {2, 200, 1898, "cowmaj1", 1}, {2, 200, 1898, "cowmaj2", 1},
		{710, 2, 1949, "cowmaj1", 0}, {710, 2, 1950, "cowmaj1", 1},
		{255, 2, 1991, "cowmaj1", 1}, // Germany regains status 1991-12-11
		{710, 731, 1961, "conttype", 1}, {731, 732, 1990, "conttype", 1},
		{710, 740, 1878, "conttype", 5}, {740, 710, 1879, "conttype", 4}, // 5 then 4 in 1879: lowest
		{710, 740, 1952, "conttype", 5}, {380, 571, 1990, "conttype", 0},
		{2, 731, 1950, "cowinteronset", 1}, {2, 731, 1950, "cowinterongoing", 1}, {2, 731, 1950, "warnum", 151},
		{2, 731, 1950, "sidea1", 1}, {2, 731, 1950, "sidea2", 2}, {731, 2, 1950, "sidea1", 2},
		{2, 731, 1951, "cowinteronset", 0}, {2, 731, 1953, "cowinterongoing", 1},
		{2, 731, 1950, "outcome1", 6}, {731, 2, 1950, "outcome1", 6}, // Korea: stalemate
		{2, 731, 1950, "batdeath1", 54487}, {2, 731, 1950, "batdeath2", 316579},
		{2, 731, 1954, "cowinterongoing", 0}, {2, 732, 1950, "cowinterongoing", 0},
	} {
		if got := val(t, f, c.col, rowOf(f, c.a, c.b, c.y)); got != c.want {
			t.Errorf("%d-%d %d %s: got %v, want %v", c.a, c.b, c.y, c.col, got, c.want)
		}
	}
	if !f.Column("warnum").IsNA(rowOf(f, 2, 732, 1950)) || !f.Column("sidea1").IsNA(rowOf(f, 2, 732, 1950)) {
		t.Error("USA-ROK 1950 (allies): want warnum and sidea1 missing")
	}
}

// TestWarsAsPeacesciencer pins add_cow_wars(type = "inter")'s rules on
// dyad-years of the real data: COW sides as 1/2, a resumption is an onset,
// and of several wars in one dyad-year the one with an onset, else the
// deadliest, speaks for the row.
func TestWarsAsPeacesciencer(t *testing.T) {
	f := dyadFrame(t, false, "wars", Options{})
	for _, c := range []struct {
		a, b, y           int
		warnum, onset, on float64
		sidea1, sidea2    float64
		initiator1, init2 float64
		why               string
	}{
		// Austro-Sardinian War (10): Austria and Sardinia resume fighting
		// on 1849-03-12 (COW StartYear2): an onset, as in peacesciencer.
		{300, 325, 1848, 10, 1, 1, 1, 2, 0, 1, "first spell"},
		{300, 325, 1849, 10, 1, 1, 1, 2, 0, 1, "resumption is an onset"},
		// USA–DRV: 1968 brings the Second Laotian War (170) while the
		// Vietnam War (163) runs on: the onset wins.
		{2, 816, 1968, 170, 1, 1, 2, 1, 0, 1, "onset beats ongoing"},
		// 1970: the Communist Coalition war (176) begins.
		{2, 816, 1970, 176, 1, 1, 2, 1, 0, 1, "onset beats ongoing"},
		// 1971: three wars, none begins: the deadliest (163: 58,153 + 700,000).
		{2, 816, 1971, 163, 0, 1, 2, 1, 1, 0, "deadliest of three"},
		// Bulgaria–Turkey 1913: Bulgaria resumes the First Balkan War (100)
		// on 1913-02-03 and the Second Balkan War (103) begins in July: two
		// onsets, the deadlier (100: 32,000 + 30,000 against 18,000 +
		// 20,000) wins. peacesciencer pairs Bulgaria's resumption only with
		// resumptions (Turkey has none), so it shows 103.
		{355, 640, 1913, 100, 1, 1, 1, 2, 0, 0, "two onsets: deadlier"},
		// France returns to World War II on 1944-10-23 after Vichy: at war
		// with Germany again (peacesciencer, pairing first spells with
		// first spells only, has no France–Germany war-year in 1944–1945).
		{220, 255, 1944, 139, 1, 1, 1, 2, 0, 1, "re-entry after a break"},
		{220, 255, 1941, math.NaN(), 0, 0, math.NaN(), math.NaN(), math.NaN(), math.NaN(), "Vichy years: not at war"},
	} {
		r := rowOf(f, c.a, c.b, c.y)
		for _, v := range []struct {
			col  string
			want float64
		}{{"warnum", c.warnum}, {"cowinteronset", c.onset}, {"cowinterongoing", c.on}, {"sidea1", c.sidea1}, {"sidea2", c.sidea2}, {"initiator1", c.initiator1}, {"initiator2", c.init2}} {
			got := val(t, f, v.col, r)
			if got != v.want && !(math.IsNaN(got) && math.IsNaN(v.want)) {
				t.Errorf("%d-%d %d %s (%s): got %v, want %v", c.a, c.b, c.y, v.col, c.why, got, v.want)
			}
		}
	}
}

func TestWarDeathsMissing(t *testing.T) {
	f := dyadFrame(t, false, "wars", Options{})
	// Thailand–DRV 1970: the Second Laotian War (170) begins for Thailand
	// (1970-03-17), whose battle deaths COW codes -9.
	r := rowOf(f, 800, 816, 1970)
	if val(t, f, "warnum", r) != 170 || !math.IsNaN(val(t, f, "batdeath1", r)) || val(t, f, "batdeath2", r) != 2250 {
		t.Errorf("Thailand-DRV 1970: warnum %v batdeath1 %v batdeath2 %v; want 170, missing, 2250",
			val(t, f, "warnum", r), val(t, f, "batdeath1", r), val(t, f, "batdeath2", r))
	}
	// After 2007 every war column is missing; before, no war is 0 for the
	// flags and missing for the rest.
	r = rowOf(f, 2, 200, 2010)
	for _, c := range []string{"warnum", "cowinteronset", "cowinterongoing", "sidea1", "outcome2", "batdeath1"} {
		if !f.Column(c).IsNA(r) {
			t.Errorf("USA-UK 2010 %s: got %v, want missing", c, val(t, f, c, r))
		}
	}
	r = rowOf(f, 2, 200, 2000)
	if val(t, f, "cowinterongoing", r) != 0 || !f.Column("outcome1").IsNA(r) || !f.Column("batdeath2").IsNA(r) {
		t.Error("USA-UK 2000: want ongoing 0, outcome and deaths missing")
	}
}

func TestCapitalDistance(t *testing.T) {
	// geosphere's documented example: distVincentySphere(c(0,0), c(90,90))
	// = 10018754 m (a quarter meridian of the 6378137 m sphere).
	for _, c := range []struct {
		lat1, lng1, lat2, lng2, want, tol float64
	}{
		{0, 0, 90, 90, 10018.754, 0.001},
		{0, 0, 0, 180, math.Pi * EarthRadiusKm, 1e-9},
		{10, 20, 10, 20, 0, 0},
	} {
		if got := GreatCircleKm(c.lat1, c.lng1, c.lat2, c.lng2); math.Abs(got-c.want) > c.tol {
			t.Errorf("GreatCircleKm(%v,%v,%v,%v) = %v, want %v ± %v", c.lat1, c.lng1, c.lat2, c.lng2, got, c.want, c.tol)
		}
	}
	f := dyadFrame(t, false, "capdist", Options{})
	// Washington–London is about 5,900 km great-circle (5,897 km on the
	// 6371 km sphere; 0.11% more on geosphere's).
	if got := val(t, f, "capdist", rowOf(f, 2, 200, 2000)); math.Abs(got-5904) > 15 {
		t.Errorf("USA-UK 2000 capdist: got %.1f km, want 5904 ± 15", got)
	}
	// Seoul–Pyongyang about 195 km.
	if got := val(t, f, "capdist", rowOf(f, 731, 732, 2000)); math.Abs(got-195) > 10 {
		t.Errorf("PRK-ROK 2000 capdist: got %.1f km, want 195 ± 10", got)
	}
}

// extendedSystem runs the v2016 spells that end on 2016-12-31 on to
// 2024-12-31, so the data edges after 2016 can be tested.
func extendedSystem(tb testing.TB) *System {
	w := testWorld(tb)
	states := make([]world.State, len(w.States))
	copy(states, w.States)
	for i := range states {
		sp := append([]world.Spell(nil), states[i].Spells...)
		if n := len(sp); sp[n-1].End == world.D(2016, 12, 31) {
			sp[n-1].End = 0
		}
		states[i].Spells = sp
	}
	s, err := NewSystem("test", states, world.D(1816, 1, 1), world.D(2024, 12, 31))
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestNoValueOutsideSourceYears(t *testing.T) {
	s := extendedSystem(t)
	for _, c := range []struct {
		add   string
		o     Options
		cols  []string
		first int
		last  int
	}{
		{"atop", Options{}, []string{"atop_defense", "atop_any"}, 1815, 2018},
		{"nmc", Options{NMC: "6.0"}, []string{"cinc1", "tpop2"}, 1816, 2016},
		{"nmc", Options{NMC: "7.0"}, []string{"cinc1", "tpop2"}, 1816, 2022},
		{"majors", Options{}, []string{"cowmaj1", "cowmaj2"}, 1816, 2016},
		{"contiguity", Options{}, []string{"conttype"}, 1816, 2016},
		{"wars", Options{}, []string{"cowinterongoing", "cowinteronset"}, 1816, 2007},
	} {
		for _, directed := range []bool{false, true} {
			f, err := s.DyadYears(1816, 2024, directed)
			if err != nil {
				t.Fatal(err)
			}
			as, _ := ParseAdders(c.add)
			if err := Apply(f, testWorld(t), as, c.o); err != nil {
				t.Fatal(err)
			}
			for _, name := range c.cols {
				col := f.Column(name)
				inNA, outVal := 0, 0
				for i, y := range f.Years() {
					in := int(y) >= c.first && int(y) <= c.last
					if in && col.IsNA(i) && name != "tpop2" && name != "cinc1" {
						inNA++
					}
					if !in && !col.IsNA(i) {
						outVal++
					}
				}
				if outVal > 0 || inNA > 0 {
					t.Errorf("%s %s directed=%v: %d values outside %d–%d, %d missing inside", c.add, name, directed, outVal, c.first, c.last, inNA)
				}
			}
		}
	}
	// --carry-forward: 2017–2024 carry the 2016 status and say so.
	f, _ := s.DyadYears(2015, 2024, true)
	as, _ := ParseAdders("majors")
	if err := Apply(f, testWorld(t), as, Options{CarryForward: true}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		y            int
		maj, carried float64
	}{{2016, 1, 0}, {2017, 1, 1}, {2024, 1, 1}} {
		r := rowOf(f, 710, 2, c.y)
		if val(t, f, "cowmaj1", r) != c.maj || val(t, f, "cowmaj_carried", r) != c.carried {
			t.Errorf("China %d carried forward: cowmaj1 %v carried %v, want %v %v", c.y, val(t, f, "cowmaj1", r), val(t, f, "cowmaj_carried", r), c.maj, c.carried)
		}
	}
}

func TestAdderErrors(t *testing.T) {
	if _, err := ParseAdders("atop,bogus"); err == nil {
		t.Error("unknown adder accepted")
	}
	s := cow2016(t)
	sy, _ := s.StateYears(1816, 2016)
	as, _ := ParseAdders("atop")
	if err := Apply(sy, testWorld(t), as, Options{}); err == nil {
		t.Error("atop on state-years accepted")
	}
	f, _ := s.DyadYears(2000, 2000, false)
	as, _ = ParseAdders("obligations")
	if err := Apply(f, testWorld(t), as, Options{}); err == nil {
		t.Error("obligations without treaties accepted: want an error, not a column of zeros")
	}
	if _, err := s.DyadYears(1816, 2017, false); err == nil {
		t.Error("years beyond the v2016 system accepted")
	}
}

func TestStateYearAdders(t *testing.T) {
	s := cow2016(t)
	f, err := s.StateYears(1816, 2016)
	if err != nil {
		t.Fatal(err)
	}
	as, _ := ParseAdders("nmc,majors,wars,capdist")
	if err := Apply(f, testWorld(t), as, Options{NMC: "6.0"}); err != nil {
		t.Fatal(err)
	}
	// NMC 6.0 has exactly the system2016 state-years: no state-year without
	// a row, so cinc is missing nowhere.
	for i := range f.Len() {
		if f.Column("cinc").IsNA(i) {
			t.Fatalf("state-year %d %d: cinc missing", f.Cols[0].I16[i], f.Cols[1].I16[i])
		}
	}
	find := func(c, y int) int {
		for i := range f.Len() {
			if int(f.Cols[0].I16[i]) == c && int(f.Cols[1].I16[i]) == y {
				return i
			}
		}
		return -1
	}
	if got := val(t, f, "cinc", find(2, 2016)); math.Abs(got-0.13305758) > 1e-12 {
		t.Errorf("USA 2016 cinc: got %v", got)
	}
	// Nearest capitals: London–Brussels about 320 km, Seoul–Pyongyang
	// about 195 km.
	if got := val(t, f, "mincapdist", find(200, 2000)); math.Abs(got-320) > 15 {
		t.Errorf("UK 2000 mincapdist: got %.1f km, want 320 ± 15 (Brussels)", got)
	}
	if got := val(t, f, "mincapdist", find(732, 2000)); math.Abs(got-195) > 10 {
		t.Errorf("ROK 2000 mincapdist: got %.1f km, want 195 ± 10 (Pyongyang)", got)
	}
	if val(t, f, "cowmaj", find(2, 1898)) != 1 || val(t, f, "cowinterongoing", find(2, 1898)) != 1 {
		t.Error("USA 1898: want major and at war (Spanish-American War)")
	}
	// Several wars in a state-year: the one entered that year, else the
	// deadliest for the state. USA 1970 enters the Communist Coalition war
	// (176) while the Vietnam (163) and Second Laotian (170) wars run on;
	// 1971: no entry, Vietnam (58,153 US battle deaths) speaks.
	for _, c := range []struct{ y, warnum, onset int }{{1970, 176, 1}, {1971, 163, 0}, {1965, 163, 1}} {
		r := find(2, c.y)
		if val(t, f, "warnum", r) != float64(c.warnum) || val(t, f, "cowinteronset", r) != float64(c.onset) {
			t.Errorf("USA %d: warnum %v onset %v, want %d %d", c.y, val(t, f, "warnum", r), val(t, f, "cowinteronset", r), c.warnum, c.onset)
		}
	}
}

// TestContiguityEqualsContdird checks conttype on every directed COW
// dyad-year against COW's own dyad-year file: contdird lists a changed
// dyad-year once per type (China–Japan 1879: 5, then 4 with the Ryukyus),
// and conttype must be the lowest of them — peacesciencer's "minimum
// contiguity relationship observed in that given year" from the master
// records — and 0 where contdird has no row.
func TestContiguityEqualsContdird(t *testing.T) {
	raw := readRaw(t, "cow_contiguity/contdird.csv")
	low := map[dy]int{}
	changed := 0
	for _, r := range raw.rows {
		k := dy{raw.int(t, r, "state1no"), raw.int(t, r, "state2no"), raw.int(t, r, "year")}
		ty := raw.int(t, r, "conttype")
		if old, ok := low[k]; ok {
			if k.a < k.b {
				changed++
			}
			if ty >= old {
				continue
			}
		}
		low[k] = ty
	}
	f := dyadFrame(t, true, "contiguity", Options{})
	c1, c2 := f.Codes()
	ct := f.Column("conttype").I8
	onPanel := 0
	for i, y := range f.Years() {
		k := dy{int(c1[i]), int(c2[i]), int(y)}
		want, ok := low[k]
		if ok {
			onPanel++
		}
		if int(ct[i]) != want {
			t.Fatalf("%d-%d %d conttype: got %d, contdird's lowest %d", k.a, k.b, k.year, ct[i], want)
		}
	}
	// 29 non-directed dyad-years change type within the year, each listed
	// with both types (Netherlands–France 1830, China–Japan 1879, Russia–
	// Turkey 1991: land border to Dec. 1991, then across the Black Sea).
	if changed != 29 {
		t.Errorf("non-directed dyad-years listed twice in contdird: got %d, want 29", changed)
	}
	for _, c := range []struct{ a, b, y, want int }{{710, 740, 1879, 4}, {365, 640, 1991, 1}, {365, 640, 1992, 5}, {210, 220, 1830, 1}} {
		if got := ct[rowOf(f, c.a, c.b, c.y)]; int(got) != c.want {
			t.Errorf("%d-%d %d conttype: got %d, want %d", c.a, c.b, c.y, got, c.want)
		}
	}
	t.Logf("contdird: %d directed dyad-years (%d on the panel), %d with a mid-year change", len(low), onPanel, changed)
}

// TestDecisionsOnRealDyadYears pins, with dyad-years of the real data, the
// choices compared line by line with peacesciencer (see doc.go).
func TestDecisionsOnRealDyadYears(t *testing.T) {
	f := dyadFrame(t, false, "majors,contiguity,capdist,atop,nmc", Options{NMC: "6.0"})
	for _, c := range []struct {
		a, b, y   int
		col       string
		want, tol float64
		why       string
	}{
		// Capitals: the Jan. 1 capital speaks for the year (peacesciencer
		// keeps the first capital-year row). Brazil moves to Brasília on
		// 1960-04-21; Russia to Moscow on 1918-03-12. Expected km from an
		// independent evaluation of the Vincenty sphere formula, r = 6378.137.
		{2, 140, 1960, "capdist", 7730.614, 0.01, "Rio de Janeiro still the Jan. 1 capital"},
		{2, 140, 1961, "capdist", 6011.646, 0.01, "Brasília (peacesciencer's OSM point -10.33, -53.2)"},
		{200, 365, 1918, "capdist", 2093.569, 0.01, "Saint Petersburg on Jan. 1, 1918"},
		{200, 365, 1919, "capdist", 2503.963, 0.01, "Moscow"},
		// Majors: major on any day of the year, as peacesciencer's
		// styear:endyear expansion. France loses status 1940-06-22, regains
		// it 1945-08-15.
		{2, 220, 1940, "cowmaj2", 1, 0, "France major until June 22"},
		{2, 220, 1941, "cowmaj2", 0, 0, "France not major"},
		{2, 220, 1945, "cowmaj2", 1, 0, "France major from Aug. 15"},
		{2, 740, 1945, "cowmaj2", 1, 0, "Japan major until Aug. 14"},
		{2, 740, 1952, "cowmaj2", 0, 0, "Japan back in the system (1952-04-28), not major"},
		// A state entering mid-year: South Sudan (2011-07-09) has its
		// dyad-year with Sudan, land-contiguous from July 2011.
		{625, 626, 2011, "conttype", 1, 0, "contiguity begins with entry"},
		{625, 626, 2011, "cowmaj1", 0, 0, "neither is major"},
		{2, 626, 2011, "cowmaj1", 1, 0, "USA major"},
		// ATOP inside its years: no row means no obligation (0).
		{2, 626, 2011, "atop_defense", 0, 0, "no ATOP row"},
	} {
		r := rowOf(f, c.a, c.b, c.y)
		if r < 0 {
			t.Errorf("%d-%d %d: no dyad-year (%s)", c.a, c.b, c.y, c.why)
			continue
		}
		if got := val(t, f, c.col, r); math.Abs(got-c.want) > c.tol || math.IsNaN(got) {
			t.Errorf("%d-%d %d %s (%s): got %v, want %v ± %g", c.a, c.b, c.y, c.col, c.why, got, c.want, c.tol)
		}
	}
}

// TestMajorsEqualMajorYears checks cowmaj on every COW state-year against
// peacesciencer's major_years: majors2016's spells expanded from styear to
// endyear.
func TestMajorsEqualMajorYears(t *testing.T) {
	raw := readRaw(t, "cow_states/majors2016.csv")
	major := map[sy]bool{}
	for _, r := range raw.rows {
		for y := raw.int(t, r, "styear"); y <= raw.int(t, r, "endyear"); y++ {
			major[sy{raw.int(t, r, "ccode"), y}] = true
		}
	}
	f, err := cow2016(t).StateYears(1816, 2016)
	if err != nil {
		t.Fatal(err)
	}
	as, _ := ParseAdders("majors")
	if err := Apply(f, testWorld(t), as, Options{}); err != nil {
		t.Fatal(err)
	}
	codes, _ := f.Codes()
	col := f.Column("cowmaj").I8
	n := 0
	for i, y := range f.Years() {
		want := b2i(major[sy{int(codes[i]), int(y)}])
		if col[i] != want {
			t.Fatalf("%d %d cowmaj: got %d, majors2016 says %d", codes[i], y, col[i], want)
		}
		n += int(want)
	}
	// Every major state-year of majors2016 is a system state-year.
	if n != len(major) {
		t.Errorf("major state-years on the panel %d, in majors2016 %d", n, len(major))
	}
}

// TestATOPNonDirectedIsMaxOfDirections checks every non-directed COW
// dyad-year against add_atop_alliance(ndir = TRUE): each obligation is the
// maximum of the file's two directions, 0 without a row.
func TestATOPNonDirectedIsMaxOfDirections(t *testing.T) {
	file := map[dy][5]bool{}
	for _, r := range testWorld(t).AllianceDyads.Rows {
		file[dy{r.A, r.B, r.Year}] = [5]bool{r.Defense, r.Offense, r.Neutral, r.Nonagg, r.Consul}
	}
	// Every ATOP row has its reverse, so peacesciencer's ndir = TRUE path
	// (maximum per unordered pair, then keep ccode1 < ccode2) loses no pair
	// and equals the maximum of both directions.
	for k := range file {
		if _, ok := file[dy{k.b, k.a, k.year}]; !ok {
			t.Fatalf("ATOP row %v has no reverse", k)
		}
	}
	f := dyadFrame(t, false, "atop", Options{})
	c1, c2 := f.Codes()
	ones := 0
	for i, y := range f.Years() {
		ab, ba := file[dy{int(c1[i]), int(c2[i]), int(y)}], file[dy{int(c2[i]), int(c1[i]), int(y)}]
		for k, n := range atopNames {
			want := b2i(ab[k] || ba[k])
			if got := f.Column(n).I8[i]; got != want {
				t.Fatalf("%d-%d %d %s: got %d, max of both directions %d", c1[i], c2[i], y, n, got, want)
			}
			ones += int(want)
		}
	}
	if ones == 0 {
		t.Fatal("no obligation on the non-directed panel")
	}
}

// TestMinCapdistSkipsFalseDyads: mincapdist is the minimum over the
// state's dyad-years, so a partner never a member on a common day does not
// count (peacesciencer's minimum over cow_ddy, false dyads dropped).
// Expected km from an independent evaluation of the formula on the
// capitals file.
func TestMinCapdistSkipsFalseDyads(t *testing.T) {
	f, err := cow2016(t).StateYears(1990, 1990)
	if err != nil {
		t.Fatal(err)
	}
	as, _ := ParseAdders("capdist")
	if err := Apply(f, testWorld(t), as, Options{}); err != nil {
		t.Fatal(err)
	}
	codes, _ := f.Codes()
	want := map[int16]struct {
		km  float64
		why string
	}{
		// Germany (from 1990-10-03): Prague, not East Berlin (GDR to 1990-10-02).
		255: {278.992, "Berlin-Prague"},
		// Yemen (from 1990-05-22): Djibouti, not the Yemen Arab Republic's
		// Sanaa (to 1990-05-21), 0 km away.
		679: {419.962, "Sanaa-Djibouti"},
	}
	for i := range f.Len() {
		if w, ok := want[codes[i]]; ok {
			if got := val(t, f, "mincapdist", i); math.Abs(got-w.km) > 0.01 {
				t.Errorf("%d 1990 mincapdist: got %.3f km, want %.3f ± 0.01 (%s)", codes[i], got, w.km, w.why)
			}
			delete(want, codes[i])
		}
	}
	if len(want) > 0 {
		t.Errorf("state-years not found: %v", want)
	}
}

// TestContTypeFirstLast pins peacesciencer 1.2's add_contiguity(slice =
// "first"/"last") on the years whose type changes, and checks that the
// three rules agree wherever the year has a single type.
func TestContTypeFirstLast(t *testing.T) {
	lowest := dyadFrame(t, false, "contiguity", Options{})
	firstF := dyadFrame(t, false, "contiguity", Options{ContType: "first"})
	lastF := dyadFrame(t, false, "contiguity", Options{ContType: "last"})
	for _, c := range []struct {
		a, b, y          int
		low, first, last int8
		why              string
	}{
		{710, 740, 1879, 4, 5, 4, "China-Japan: 5 to March, 4 with the Ryukyus"},
		{365, 640, 1991, 1, 1, 5, "Russia-Turkey: land to Dec., then the Black Sea"},
		{210, 220, 1830, 1, 1, 5, "Netherlands-France: land border lost to Belgium in Dec."},
		{820, 840, 1963, 3, 0, 3, "Malaysia-Philippines: none until Sept. (Sabah joins)"},
		{625, 626, 2011, 1, 1, 1, "Sudan-South Sudan: from entry (July), no earlier month"},
		{2, 20, 2000, 1, 1, 1, "USA-Canada: one type"},
		{2, 200, 2000, 0, 0, 0, "USA-UK: none"},
	} {
		for _, g := range []struct {
			f    *Frame
			want int8
			rule string
		}{{lowest, c.low, "lowest"}, {firstF, c.first, "first"}, {lastF, c.last, "last"}} {
			if got := g.f.Column("conttype").I8[rowOf(g.f, c.a, c.b, c.y)]; got != g.want {
				t.Errorf("%d-%d %d conttype %s (%s): got %d, want %d", c.a, c.b, c.y, g.rule, c.why, got, g.want)
			}
		}
	}
	lo, fi, la := lowest.Column("conttype").I8, firstF.Column("conttype").I8, lastF.Column("conttype").I8
	diff := 0
	for i := range lo {
		if fi[i] != lo[i] || la[i] != lo[i] {
			diff++
			// The lowest type is never above either end of the year, except
			// where an end month has no contiguity (0).
			if fi[i] != 0 && fi[i] < lo[i] || la[i] != 0 && la[i] < lo[i] {
				t.Errorf("row %d: lowest %d above first %d or last %d", i, lo[i], fi[i], la[i])
			}
		}
	}
	// 29 changes of type within a year, the rest contiguity beginning or
	// ending within a year both states are members (0 at one end).
	if diff != 121 {
		t.Errorf("dyad-years where the rules differ: %d, want 121", diff)
	}
	t.Logf("non-directed dyad-years where lowest, first and last differ: %d", diff)
	f, _ := cow2016(t).DyadYears(2000, 2000, false)
	as, _ := ParseAdders("contiguity")
	if err := Apply(f, testWorld(t), as, Options{ContType: "middle"}); err == nil {
		t.Error("conttype rule \"middle\" accepted")
	}
}

// TestContiguityCountsEqualContdirs checks land and sea on every COW
// state-year against COW's own state-year file, contdirs.csv; with
// --conttype first each neighbour counts once, so neither count exceeds
// COW's.
func TestContiguityCountsEqualContdirs(t *testing.T) {
	raw := readRaw(t, "cow_contiguity/contdirs.csv")
	type ls struct{ land, sea int8 }
	want := map[sy]ls{}
	for _, r := range raw.rows {
		want[sy{raw.int(t, r, "stateno"), raw.int(t, r, "year")}] = ls{int8(raw.int(t, r, "land")), int8(raw.int(t, r, "sea"))}
	}
	build := func(o Options) *Frame {
		f, err := cow2016(t).StateYears(1816, 2016)
		if err != nil {
			t.Fatal(err)
		}
		as, _ := ParseAdders("contiguity")
		if err := Apply(f, testWorld(t), as, o); err != nil {
			t.Fatal(err)
		}
		return f
	}
	rows := build(Options{})
	firstF := build(Options{ContType: "first"})
	codes, _ := rows.Codes()
	fewer := 0
	for i, y := range rows.Years() {
		k := sy{int(codes[i]), int(y)}
		w, ok := want[k]
		if !ok {
			t.Fatalf("state-year %v not in contdirs.csv", k)
		}
		got := ls{rows.Column("land").I8[i], rows.Column("sea").I8[i]}
		if got != w {
			t.Fatalf("%d %d land, sea: got %d, %d; contdirs.csv %d, %d", k.code, k.year, got.land, got.sea, w.land, w.sea)
		}
		fl, fs := firstF.Column("land").I8[i], firstF.Column("sea").I8[i]
		if fl > w.land || fs > w.sea {
			t.Errorf("%d %d first-month land, sea %d, %d above COW's %d, %d", k.code, k.year, fl, fs, w.land, w.sea)
		}
		if fl != w.land || fs != w.sea {
			fewer++
		}
	}
	if len(want) != rows.Len() || rows.Len() != 15951 {
		t.Errorf("state-years %d, contdirs.csv %d, want 15,951 both", rows.Len(), len(want))
	}
	// The Netherlands 1830: France by land to December and by sea from
	// then: COW counts 3 land and 4 sea relationships.
	if r := rowOfState(rows, 210, 1830); rows.Column("land").I8[r] != 3 || rows.Column("sea").I8[r] != 4 {
		t.Errorf("Netherlands 1830 land, sea: got %d, %d, want 3, 4", rows.Column("land").I8[r], rows.Column("sea").I8[r])
	}
	t.Logf("state-years whose first-month counts differ from contdirs: %d", fewer)
	// After the data end (2016) the counts are missing, not 0.
	ext, err := extendedSystem(t).StateYears(2016, 2024)
	if err != nil {
		t.Fatal(err)
	}
	as, _ := ParseAdders("contiguity")
	if err := Apply(ext, testWorld(t), as, Options{}); err != nil {
		t.Fatal(err)
	}
	for i, y := range ext.Years() {
		if (y > 2016) != ext.Column("land").IsNA(i) || (y > 2016) != ext.Column("sea").IsNA(i) {
			t.Fatalf("state-year row %d (%d): land/sea missing = %v, want %v", i, y, ext.Column("land").IsNA(i), y > 2016)
		}
	}
}

func rowOfState(f *Frame, code, y int) int {
	codes, _ := f.Codes()
	for i, yy := range f.Years() {
		if int(codes[i]) == code && int(yy) == y {
			return i
		}
	}
	return -1
}
