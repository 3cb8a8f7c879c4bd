package power_test

import (
	"math"
	"sort"
	"testing"

	"github.com/casus-dev/casus/power"
	"github.com/casus-dev/casus/world"
)

var nan = math.NaN()

// toyCaps builds a release from rows of (code, year, six components).
func toyCaps(version string, rows ...world.Capability) *world.Capabilities {
	c := &world.Capabilities{Version: version, Rows: rows}
	c.Index()
	return c
}

func row(code, year int, comp [6]float64, published float64) world.Capability {
	return world.Capability{Code: code, Year: year, Milex: comp[0], Milper: comp[1], Irst: comp[2],
		Pec: comp[3], Tpop: comp[4], Upop: comp[5], CINC: published}
}

// TestCINCToy checks the missing-value rule on hand-computed numbers.
func TestCINCToy(t *testing.T) {
	caps := toyCaps("toy",
		row(1, 2000, [6]float64{30, 10, 50, 20, 60, 40}, nan),
		row(2, 2000, [6]float64{70, 30, 50, 80, 40, 60}, nan),
		// State 3 misses milex and upop: its CINC averages four shares and
		// the milex and upop totals leave it out.
		row(3, 2000, [6]float64{nan, 60, 0, 100, 100, nan}, nan),
		// State 4 has nothing at all.
		row(4, 2000, [6]float64{nan, nan, nan, nan, nan, nan}, nan),
	)
	ix := power.Recompute(caps)
	// totals: milex 100, milper 100, irst 100, pec 200, tpop 200, upop 100
	tests := []struct {
		code int
		want float64
		used uint8
	}{
		{1, (0.3 + 0.1 + 0.5 + 0.1 + 0.3 + 0.4) / 6, 6},
		{2, (0.7 + 0.3 + 0.5 + 0.4 + 0.2 + 0.6) / 6, 6},
		{3, (0.6 + 0 + 0.5 + 0.5) / 4, 4},
		{4, nan, 0},
	}
	const tol = 1e-15
	for _, tc := range tests {
		got, ok := ix.Get(tc.code, 2000)
		if !ok {
			t.Fatalf("state %d: no row", tc.code)
		}
		if math.IsNaN(tc.want) != math.IsNaN(got) || (!math.IsNaN(got) && math.Abs(got-tc.want) > tol) {
			t.Errorf("state %d: CINC want %.17g (±%g), got %.17g", tc.code, tc.want, tol, got)
		}
	}
	if got := ix.Totals(2000); got != [6]float64{100, 100, 100, 200, 200, 100} {
		t.Errorf("totals: want [100 100 100 200 200 100], got %v", got)
	}
	if got := ix.Totals(1999); !math.IsNaN(got[0]) {
		t.Errorf("totals outside the release: want NaN, got %v", got)
	}
	if v, ok := ix.Get(1, 2001); ok || !math.IsNaN(v) {
		t.Errorf("state-year outside the release: want NaN, false; got %v, %v", v, ok)
	}
	// The sum is not 1 because state 3's average is over fewer shares.
	if got, want := ix.SystemSum(2000), (0.3+0.1+0.5+0.1+0.3+0.4+0.7+0.3+0.5+0.4+0.2+0.6)/6+0.4; math.Abs(got-want) > tol {
		t.Errorf("system sum: want %.17g, got %.17g", want, got)
	}
}

func TestMismatchesToy(t *testing.T) {
	caps := toyCaps("toy",
		row(1, 2000, [6]float64{1, 1, 1, 1, 1, 1}, 0.5),
		row(2, 2000, [6]float64{1, 1, 1, 1, 1, 1}, 0.6), // wrong by 0.1
		row(3, 2001, [6]float64{nan, nan, nan, nan, nan, nan}, 0.2),
	)
	got := power.Mismatches(caps, 1e-4)
	if len(got) != 2 || got[0].Code != 2 || got[1].Code != 3 || len(got[1].Missing) != 6 {
		t.Fatalf("want mismatches for 2/2000 and 3/2001 (6 missing), got %v", got)
	}
}

func TestLatestYear(t *testing.T) {
	caps := toyCaps("toy", row(1, 1816, [6]float64{1, 1, 1, 1, 1, 1}, nan), row(1, 2016, [6]float64{1, 1, 1, 1, 1, 1}, nan))
	tests := []struct {
		year, want int
		ok         bool
	}{{1815, 0, false}, {1816, 1816, true}, {1900, 1900, true}, {2016, 2016, true}, {2024, 2016, true}}
	for _, tc := range tests {
		got, ok := power.LatestYear(caps, tc.year)
		if got != tc.want || ok != tc.ok {
			t.Errorf("LatestYear(%d): want %d, %v; got %d, %v", tc.year, tc.want, tc.ok, got, ok)
		}
	}
	if _, ok := power.LatestYear(nil, 2000); ok {
		t.Error("LatestYear(nil): want false")
	}
}

// TestCINCReproducesPublished is the acceptance test of the recomputation:
// at 1e-4 at least 99.9% of state-years must agree with the published cinc,
// and the exceptions are printed. On both releases there are none, and the
// worst difference is the rounding of the published 8-9 significant digits.
func TestCINCReproducesPublished(t *testing.T) {
	w := realWorld(t)
	tests := []struct {
		version    string
		rows       int
		exceptions int     // at 1e-4
		maxDiff    float64 // largest |published − recomputed|
	}{
		{"6.0", 15951, 0, 2.5e-8},
		{"7.0", 17121, 0, 2.5e-8},
	}
	for _, tc := range tests {
		caps := w.NMC[tc.version]
		if len(caps.Rows) != tc.rows {
			t.Fatalf("NMC %s: want %d state-years, got %d", tc.version, tc.rows, len(caps.Rows))
		}
		ex := power.Mismatches(caps, 1e-4)
		for _, m := range ex {
			t.Logf("NMC %s exception: %v", tc.version, m)
		}
		t.Logf("NMC %s: %d state-years, %d exceptions at 1e-4", tc.version, len(caps.Rows), len(ex))
		if float64(len(ex)) > 0.001*float64(len(caps.Rows)) {
			t.Errorf("NMC %s: %d exceptions exceed 0.1%% of %d", tc.version, len(ex), len(caps.Rows))
		}
		if len(ex) != tc.exceptions {
			t.Errorf("NMC %s: want %d exceptions at 1e-4, got %d", tc.version, tc.exceptions, len(ex))
		}
		if n := len(power.Mismatches(caps, tc.maxDiff)); n != 0 {
			t.Errorf("NMC %s: want no difference above %g, got %d", tc.version, tc.maxDiff, n)
		}
	}
}

// TestDivideBySixDoesNotReproduce shows why the missing-value rule matters:
// counting a missing component as a zero share (dividing by six) misses
// 1,802 of NMC 6.0's state-years by more than 1e-4.
func TestDivideBySixDoesNotReproduce(t *testing.T) {
	caps := realWorld(t).NMC["6.0"]
	ix := power.Recompute(caps)
	bad := 0
	for _, r := range caps.Rows {
		tot := ix.Totals(r.Year)
		var s float64
		for k, v := range r.Components() {
			if !world.Missing(v) {
				s += v / tot[k]
			}
		}
		if math.Abs(s/6-r.CINC) > 1e-4 {
			bad++
		}
	}
	if bad != 1802 {
		t.Errorf("divide-by-six rule: want 1802 state-years off by > 1e-4, got %d", bad)
	}
}

// TestCINCFixtures checks the published facts of FIXTURES.md (fpsim's srs
// documentation, NMC "v. 2016") on NMC 6.0's published cinc.
func TestCINCFixtures(t *testing.T) {
	caps := realWorld(t).NMC["6.0"]
	type top struct {
		year, states int
		top3         [3]int
		share        float64 // top three's summed published cinc
		tol          float64
		under1pct    int
	}
	for _, tc := range []top{
		// "top 3 in 1816 (UK, Russia, France) held 61.8% … among 23 states"
		{1816, 23, [3]int{200, 365, 220}, 0.618, 0.0005, 11},
		// "top 3 in 2016 (China, US, India) 45% among 195"; 0.4505 here.
		{2016, 195, [3]int{710, 2, 750}, 0.45, 0.005, 176},
	} {
		var ys []world.Capability
		for _, r := range caps.Rows {
			if r.Year == tc.year {
				ys = append(ys, r)
			}
		}
		sort.Slice(ys, func(i, j int) bool { return ys[i].CINC > ys[j].CINC })
		if len(ys) != tc.states {
			t.Errorf("%d: want %d states, got %d", tc.year, tc.states, len(ys))
			continue
		}
		sum, under := 0.0, 0
		for i, r := range ys {
			if i < 3 {
				sum += r.CINC
				if r.Code != tc.top3[i] {
					t.Errorf("%d: rank %d: want %d, got %d", tc.year, i+1, tc.top3[i], r.Code)
				}
			}
			if r.CINC < 0.01 {
				under++
			}
		}
		if math.Abs(sum-tc.share) > tc.tol {
			t.Errorf("%d: top three's cinc: want %.4f ±%g, got %.6f", tc.year, tc.share, tc.tol, sum)
		}
		if under != tc.under1pct {
			t.Errorf("%d: states under 1%%: want %d, got %d", tc.year, tc.under1pct, under)
		}
	}

	// "never sums exactly to 1, > 1.07 in 1860": true of both the published
	// and the recomputed cinc; 1860 is the largest sum of all years.
	ix := power.Recompute(caps)
	pub := map[int]float64{}
	for _, r := range caps.Rows {
		pub[r.Year] += r.CINC
	}
	maxYear := 0
	for y, s := range pub {
		if s == 1 {
			t.Errorf("%d: published cinc sums to exactly 1", y)
		}
		if maxYear == 0 || s > pub[maxYear] {
			maxYear = y
		}
		if rec := ix.SystemSum(y); math.Abs(rec-s) > 1e-6 {
			t.Errorf("%d: recomputed sum %.9f, published %.9f", y, rec, s)
		}
	}
	if maxYear != 1860 || pub[1860] <= 1.07 || math.Abs(pub[1860]-1.0747183) > 1e-6 {
		t.Errorf("largest yearly cinc sum: want 1860 at 1.0747183, got %d at %.7f", maxYear, pub[maxYear])
	}
	// PROVENANCE.md: "sum over states in 2016 = 1.0068".
	if math.Abs(pub[2016]-1.0068) > 5e-5 {
		t.Errorf("2016 cinc sum: want 1.0068, got %.6f", pub[2016])
	}
}

// TestMismatchesOrdered checks the listing the README uses (Mismatches)
// where it is not empty: below the published rounding.
func TestMismatchesOrdered(t *testing.T) {
	caps := realWorld(t).NMC["7.0"]
	// A tolerance of 1e-9 is below the published rounding, so there are
	// differences, and they must come ordered by year then code.
	ms := power.Mismatches(caps, 1e-9)
	if len(ms) < 1000 {
		t.Fatalf("at 1e-9 want over 1,000 rounding-level differences, got %d", len(ms))
	}
	for i := 1; i < len(ms); i++ {
		a, b := ms[i-1], ms[i]
		if a.Year > b.Year || (a.Year == b.Year && a.Code >= b.Code) {
			t.Fatalf("not ordered at %d: %v then %v", i, a, b)
		}
	}
}
