package similarity

import (
	"context"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/source/sourcetest"
	"github.com/casus-dev/casus/world"
)

var (
	worldOnce sync.Once
	worldVal  *world.World
	worldErr  error
)

// realWorld loads states, NMC and ATOP once per test binary, from the
// directory $CASUS_DATA names or else the embedded snapshot (sourcetest).
func realWorld(tb testing.TB) *world.World {
	tb.Helper()
	dir := sourcetest.Data()
	worldOnce.Do(func() {
		worldVal, worldErr = source.Load(context.Background(), dir, source.LoadOptions{Only: []string{source.States, source.NMC, source.ATOP}})
	})
	if worldErr != nil {
		tb.Fatal(worldErr)
	}
	return worldVal
}

// collect runs DyadYears and keeps every year.
func collect(tb testing.TB, w *world.World, opt Options) ([]*Year, Summary) {
	tb.Helper()
	var ys []*Year
	sum, err := DyadYears(context.Background(), w, opt, func(y *Year) error {
		ys = append(ys, y)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return ys, sum
}

// dayBits is a state's membership on each day of a year, from
// State.MemberOn day by day: a reference that shares no code with the
// engine's spell clipping.
type dayBits [6]uint64

func membership(w *world.World, y int) map[int]dayBits {
	out := map[int]dayBits{}
	for i := range w.States {
		st := &w.States[i]
		var b dayBits
		any := false
		for d, day := world.D(y, 1, 1), 0; d.Year() == y; d, day = d.AddDays(1), day+1 {
			if st.MemberOn(d) {
				b[day/64] |= 1 << (day % 64)
				any = true
			}
		}
		if any {
			out[st.Code] = b
		}
	}
	return out
}

func (a dayBits) meets(b dayBits) bool {
	for i := range a {
		if a[i]&b[i] != 0 {
			return true
		}
	}
	return false
}

// refValued restates the ATOP valued code for the reference.
func refValued(r world.AllianceDyadYear) float64 {
	if r.Defense || r.Offense {
		return 3
	}
	if r.Neutral || r.Consul {
		return 2
	}
	if r.Nonagg {
		return 1
	}
	return 0
}

// TestDyadYearsMatchReference rebuilds sampled dyads' portfolios the slow
// way (day-by-day membership, a map of ATOP rows, vectors) and checks every
// measure of the engine against the vector functions, and the number of
// dyads in each sampled year against a brute-force count.
func TestDyadYearsMatchReference(t *testing.T) {
	w := realWorld(t)
	ys, sum := collect(t, w, Options{NMC: "6.0"})
	if sum.First != 1816 || sum.Last != 2018 || len(ys) != 203 {
		t.Fatalf("years %d-%d (%d emitted), want 1816-2018 (203)", sum.First, sum.Last, len(ys))
	}
	type key struct{ a, b, y int }
	atop := map[key]world.AllianceDyadYear{}
	for _, r := range w.AllianceDyads.Rows {
		atop[key{r.A, r.B, r.Year}] = r
	}
	caps, _ := w.Capabilities("6.0")
	rng := rand.New(rand.NewPCG(7, 8))
	sampleYears := []int{1816, 1870, 1914, 1939, 1946, 1975, 1990, 1991, 2006, 2016, 2017, 2018}
	for i := 0; i < 8; i++ {
		sampleYears = append(sampleYears, 1816+rng.IntN(203))
	}
	for _, y := range sampleYears {
		yr := ys[y-1816]
		if yr.Year != y {
			t.Fatalf("slot %d holds year %d", y-1816, yr.Year)
		}
		mem := membership(w, y)
		codes := make([]int, 0, len(mem))
		for c := range mem {
			codes = append(codes, c)
		}
		// Brute-force number of non-directed dyads.
		want := 0
		for _, a := range codes {
			for _, b := range codes {
				if a < b && mem[a].meets(mem[b]) {
					want++
				}
			}
		}
		if yr.Len() != want {
			t.Errorf("%d: %d dyads, brute force over days %d", y, yr.Len(), want)
		}
		for s := 0; s < 15 && yr.Len() > 0; s++ {
			d := rng.IntN(yr.Len())
			i, j := int(yr.Code1[d]), int(yr.Code2[d])
			var x, v, wt []float64
			for _, k := range codes {
				if !mem[k].meets(mem[i]) || !mem[k].meets(mem[j]) {
					continue
				}
				val := func(from int) float64 {
					if from == k {
						return 3
					}
					return refValued(atop[key{from, k, y}])
				}
				x, v = append(x, val(i)), append(v, val(j))
				c, _ := caps.Get(k, y)
				wt = append(wt, c.CINC)
			}
			bx, bv := make([]float64, len(x)), make([]float64, len(x))
			for k := range x {
				bx[k], bv[k] = math.Min(x[k], 1), math.Min(v[k], 1)
			}
			if int(yr.Positions[d]) != len(x) {
				t.Errorf("%d %d-%d: %d positions, reference %d", y, i, j, yr.Positions[d], len(x))
			}
			ref := [NumMeasures]float64{
				SallyVUA: S(x, v, Valued, Absolute, nil),
				SallyVUS: S(x, v, Valued, Squared, nil),
				SallyBUA: S(bx, bv, Binary, Absolute, nil),
				SallyBUS: S(bx, bv, Binary, Squared, nil),
				SallyVWA: S(x, v, Valued, Absolute, wt),
				SallyVWS: S(x, v, Valued, Squared, wt),
				SallyBWA: S(bx, bv, Binary, Absolute, wt),
				SallyBWS: S(bx, bv, Binary, Squared, wt),
				PallyV:   Pi(x, v, Valued, Nominal, nil),
				PallyVQ:  Pi(x, v, Valued, Squared, nil),
				PallyB:   Pi(bx, bv, Binary, Nominal, nil),
				KallyV:   Kappa(x, v, Valued, Squared, nil),
				KallyB:   Kappa(bx, bv, Binary, Nominal, nil),
				TauBAlly: TauB(x, v),
				AallyVUS: A(x, v, Valued, Squared, nil),
				AallyVUA: A(x, v, Valued, Absolute, nil),
				AallyBUS: A(bx, bv, Binary, Squared, nil),
				AallyBUA: A(bx, bv, Binary, Absolute, nil),
				AallyVWA: A(x, v, Valued, Absolute, wt),
				AallyBWA: A(bx, bv, Binary, Absolute, wt),
			}
			for m := range NumMeasures {
				if got := yr.Values[m][d]; !near(got, ref[m], 1e-12) {
					t.Errorf("%d %d-%d %s: engine %.17g, reference %.17g", y, i, j, Measure(m), got, ref[m])
				}
			}
		}
	}
}

func TestDyadYearsFacts(t *testing.T) {
	w := realWorld(t)
	ys, sum := collect(t, w, Options{NMC: "6.0"})
	if sum.NMC != "6.0" || sum.CapLast != 2016 {
		t.Fatalf("NMC %q to %d, want 6.0 to 2016", sum.NMC, sum.CapLast)
	}
	find := func(y, a, b int) int {
		yr := ys[y-1816]
		for d := range yr.Code1 {
			if int(yr.Code1[d]) == a && int(yr.Code2[d]) == b {
				return d
			}
		}
		return -1
	}
	// COW's system of 1816 has 23 states, all members the whole year.
	if n := ys[0].Len(); n != 23*22/2 {
		t.Errorf("1816: %d dyads, want 253 (23 states)", n)
	}
	// Suriname (115) entered on 1975-11-25, after the Republic of Vietnam
	// (817) ended on 1975-04-30: both are members in 1975, never on the
	// same day, so there is no dyad (peacesciencer's create_dyadyears).
	if d := find(1975, 115, 817); d >= 0 {
		t.Errorf("1975: dyad 115-817 present, want it dropped (no common day)")
	}
	if find(1975, 2, 115) < 0 || find(1975, 2, 817) < 0 {
		t.Errorf("1975: 2-115 or 2-817 missing")
	}
	// US (2) and South Korea (732) have had mutual defense pledges since
	// 1953 and share NATO/Rio-free portfolios only partly: similar but not
	// identical. Both hold defense toward each other, so the binary code
	// agrees on both of them and tau-b is defined.
	d := find(2000, 2, 732)
	if d < 0 {
		t.Fatal("2000: no dyad 2-732")
	}
	for m := range NumMeasures {
		if v := ys[2000-1816].Values[m][d]; math.IsNaN(v) || v < -1 || v > 1 {
			t.Errorf("2000 2-732 %s = %v, want in [-1, 1]", Measure(m), v)
		}
	}
	rows := 0
	for _, yr := range ys {
		rows += yr.Len()
		for d := range yr.Code1 {
			if yr.Code1[d] >= yr.Code2[d] || (d > 0 && (yr.Code1[d] < yr.Code1[d-1] || (yr.Code1[d] == yr.Code1[d-1] && yr.Code2[d] <= yr.Code2[d-1]))) {
				t.Fatalf("%d: row %d (%d, %d) out of order", yr.Year, d, yr.Code1[d], yr.Code2[d])
			}
			for m := range NumMeasures {
				v := yr.Values[m][d]
				if v < -1-1e-12 || v > 1+1e-12 {
					t.Fatalf("%d %d-%d %s = %v, outside [-1, 1]", yr.Year, yr.Code1[d], yr.Code2[d], Measure(m), v)
				}
			}
			// Missing is not zero: weighted measures exist exactly in the
			// years NMC 6.0 covers.
			weighted := yr.Values[SallyVWA][d]
			if yr.Year <= 2016 && math.IsNaN(weighted) {
				t.Fatalf("%d %d-%d: weighted S missing inside NMC 6.0's years", yr.Year, yr.Code1[d], yr.Code2[d])
			}
			if yr.Year > 2016 && !math.IsNaN(weighted) {
				t.Fatalf("%d %d-%d: weighted S = %v after NMC 6.0 ends, want missing", yr.Year, yr.Code1[d], yr.Code2[d], weighted)
			}
			if math.IsNaN(yr.Values[SallyVUA][d]) || math.IsNaN(yr.Values[KallyB][d]) && yr.Values[SallyBUA][d] != 1 {
				t.Fatalf("%d %d-%d: unweighted S or binary kappa missing", yr.Year, yr.Code1[d], yr.Code2[d])
			}
			if yr.Values[SallyBUA][d] != yr.Values[SallyBUS][d] {
				t.Fatalf("binary S differs between absolute and squared distance")
			}
		}
	}
	if rows != sum.Rows {
		t.Errorf("summary says %d rows, emitted %d", sum.Rows, rows)
	}
	t.Logf("%d dyad-years 1816-2018", rows)

	// NMC 7.0 covers 2017-2018.
	ys7, sum7 := collect(t, w, Options{First: 2018, Last: 2018, NMC: "7.0"})
	if sum7.NMC != "7.0" || math.IsNaN(ys7[0].Values[SallyVWA][0]) {
		t.Errorf("NMC 7.0, 2018: weighted S missing (summary NMC %q)", sum7.NMC)
	}
}

func TestDyadYearsBadInput(t *testing.T) {
	w := realWorld(t)
	cases := []Options{
		{First: 1800, Last: 1820},
		{First: 2010, Last: 2020},
		{First: 1900, Last: 1899},
		{NMC: "5.0"},
		{First: 1815, Last: 1815}, // ATOP has 1815, the state system does not
	}
	for _, opt := range cases {
		_, err := DyadYears(context.Background(), w, opt, func(*Year) error { return nil })
		var ie *InputError
		if err == nil || !asInput(err, &ie) {
			t.Errorf("%+v: err %v, want an InputError", opt, err)
		}
	}
}

func asInput(err error, target **InputError) bool {
	e, ok := err.(*InputError)
	if ok {
		*target = e
	}
	return ok
}

// BenchmarkAllDyadYears computes all 20 measures for every dyad-year
// 1816-2018 on the real data, with runtime.NumCPU() workers (the load of
// the data is outside the timer).
func BenchmarkAllDyadYears(b *testing.B) {
	w := realWorld(b)
	b.ReportAllocs()
	b.ResetTimer()
	rows := 0
	for b.Loop() {
		sum, err := DyadYears(context.Background(), w, Options{}, func(*Year) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
		rows = sum.Rows
	}
	b.ReportMetric(float64(rows), "rows")
}

// BenchmarkAllDyadYearsCSV adds encoding every row as CSV (in the workers,
// as casus similarity --out FILE.csv does) and writing it to io.Discard.
func BenchmarkAllDyadYearsCSV(b *testing.B) {
	w := realWorld(b)
	plan, err := Plan(w, Options{})
	if err != nil {
		b.Fatal(err)
	}
	l := Layout{Measures: allMeasures(), NMC: plan.NMC}
	b.ReportAllocs()
	b.ResetTimer()
	var bytes int64
	for b.Loop() {
		bytes = 0
		enc := &CSVEncoder{Layout: l}
		_, err := DyadYears(context.Background(), w, Options{Prepare: enc.Prepare}, func(y *Year) error {
			bytes += int64(len(*y.Prepared.(*[]byte)))
			return enc.Write(io.Discard, y)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(bytes), "csv-bytes")
}

// BenchmarkAllDyadYearsParquet adds writing the Parquet table to io.Discard.
func BenchmarkAllDyadYearsParquet(b *testing.B) {
	w := realWorld(b)
	plan, err := Plan(w, Options{})
	if err != nil {
		b.Fatal(err)
	}
	l := Layout{Measures: allMeasures(), NMC: plan.NMC}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		pw := NewParquetWriter(io.Discard, l)
		_, err := DyadYears(context.Background(), w, Options{Prepare: pw.Prepare}, pw.Write)
		if err != nil {
			b.Fatal(err)
		}
		if err := pw.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func allMeasures() []Measure {
	ms, _ := ParseMeasures("all")
	return ms
}

// The result does not depend on how many workers ran: same rows, same bits.
func TestDyadYearsDeterministic(t *testing.T) {
	w := realWorld(t)
	a, _ := collect(t, w, Options{First: 1900, Last: 1960, Workers: 1})
	b, _ := collect(t, w, Options{First: 1900, Last: 1960, Workers: 3})
	for i := range a {
		if a[i].Year != b[i].Year || a[i].Len() != b[i].Len() {
			t.Fatalf("year %d: %d rows vs %d", a[i].Year, a[i].Len(), b[i].Len())
		}
		for m := range NumMeasures {
			for d := range a[i].Values[m] {
				x, y := a[i].Values[m][d], b[i].Values[m][d]
				if math.Float64bits(x) != math.Float64bits(y) || a[i].Code1[d] != b[i].Code1[d] || a[i].Code2[d] != b[i].Code2[d] {
					t.Fatalf("year %d row %d %s: %v vs %v", a[i].Year, d, Measure(m), x, y)
				}
			}
		}
	}
}

// An error from emit stops the run and comes back unchanged; so does a
// cancelled context.
func TestDyadYearsStops(t *testing.T) {
	w := realWorld(t)
	stop := errors.New("disk full")
	seen := 0
	_, err := DyadYears(context.Background(), w, Options{}, func(y *Year) error {
		seen++
		if seen == 3 {
			return stop
		}
		return nil
	})
	if err != stop || seen != 3 {
		t.Fatalf("err %v after %d years, want %v after 3", err, seen, stop)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := DyadYears(ctx, w, Options{}, func(*Year) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled context: err %v", err)
	}
}

// peacesciencer 0.5.0 documents 2,063,670 directed COW dyad-years for
// 1816–2020 (FIXTURES.md), counting every pair of states that are both
// members in a year. Its later create_dyadyears drops the pairs that are
// never members on the same day; there are exactly 30 such non-directed
// dyad-years, Suriname–Rep. Vietnam 1975 among them, and the engine drops
// them too.
func TestDyadCountsMatchPeacesciencer(t *testing.T) {
	w := realWorld(t)
	opt := Options{}
	e, _, err := newEngine(w, &opt)
	if err != nil {
		t.Fatal(err)
	}
	all, falseDyads := 0, 0
	suriname := false
	for y := 1816; y <= 2020; y++ {
		mem := e.members(y)
		for i := range mem {
			for j := i + 1; j < len(mem); j++ {
				all++
				if !coexist(&mem[i], &mem[j]) {
					falseDyads++
					suriname = suriname || (y == 1975 && mem[i].code == 115 && mem[j].code == 817)
				}
			}
		}
	}
	if 2*all != 2063670 {
		t.Errorf("directed dyad-years 1816-2020 with both states members in the year: %d, peacesciencer 0.5.0 documents 2,063,670", 2*all)
	}
	if falseDyads != 30 || !suriname {
		t.Errorf("%d non-directed dyad-years without a common day (Suriname-RVN 1975 among them: %v), want 30", falseDyads, suriname)
	}
}
