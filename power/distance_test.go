package power_test

import (
	"math"
	"slices"
	"testing"

	"github.com/casus-dev/casus/power"
	"github.com/casus-dev/casus/world"
)

// TestGreatCircle checks the distance on geometric facts that do not depend
// on the code: a quarter meridian is πR/2, a degree of the equator is
// 2πR/360, and the distance is symmetric.
func TestGreatCircle(t *testing.T) {
	r := 6371.0088 / 1.609344
	if got, want := power.GreatCircleMiles(power.Point{0, 0}, power.Point{90, 0}), math.Pi*r/2; math.Abs(got-want) > 1e-9 {
		t.Errorf("equator to pole: want %.6f mi, got %.6f", want, got)
	}
	if got, want := power.GreatCircleMiles(power.Point{0, 10}, power.Point{0, 11}), 2*math.Pi*r/360; math.Abs(got-want) > 1e-9 {
		t.Errorf("one degree of the equator: want %.6f mi, got %.6f", want, got)
	}
	// Antipodes: half the circumference (the Asin clamp keeps it finite).
	if got, want := power.GreatCircleMiles(power.Point{10, 20}, power.Point{-10, -160}), math.Pi*r; math.Abs(got-want) > 1e-6 {
		t.Errorf("antipodes: want %.6f mi, got %.6f", want, got)
	}
	a, b := power.Point{39.03, 125.75}, power.Point{38.90, -77.04}
	if power.GreatCircleMiles(a, b) != power.GreatCircleMiles(b, a) {
		t.Error("distance is not symmetric")
	}
}

// TestMilesPerDayEras pins EUGene's transport constant and its era
// breaks (EUGene 3.203, unit euprocs1, function adj_cap: "if year < 1918
// then 250, else if year <= 1945 then 375, else 500").
func TestMilesPerDayEras(t *testing.T) {
	for _, c := range []struct {
		year int
		want float64
	}{
		{1816, 250}, {1914, 250}, {1917, 250},
		{1918, 375}, {1939, 375}, {1945, 375},
		{1946, 500}, {1950, 500}, {2022, 500}, {2026, 500},
	} {
		if got := power.MilesPerDay(c.year); got != c.want {
			t.Errorf("MilesPerDay(%d): want %v, got %v", c.year, c.want, got)
		}
	}
}

// TestGradientHandTable checks the gradient against values computed by
// hand (Python, log10 as ln x / ln 10 and x^p as exp(p ln x), as EUGene's
// CmnProcD does) from CINC^log10(miles/miles-per-day + 10 − 2.718281828),
// to 1e-12.
func TestGradientHandTable(t *testing.T) {
	for _, c := range []struct {
		cinc, miles float64
		year        int
		exp, adj    float64
	}{
		{0.1, 0, 1900, 0.8622338662054778, 0.1373302256938818},
		{0.1, 1000, 1900, 1.0523752464375913, 0.0886389807610947},
		{0.1, 1000, 1930, 0.9977525769674862, 0.10051882956048026},
		{0.1, 1000, 1990, 0.9676283774633779, 0.10773867310652498},
		{0.05, 5000, 2000, 1.2375869184393782, 0.024539307167108834},
		{0.2, 6800, 2022, 1.3197662300543107, 0.11954268123891902},
	} {
		if got := power.Exponent(c.miles, c.year); math.Abs(got-c.exp) > 1e-12 {
			t.Errorf("exponent at %v mi in %d: want %.15f, got %.15f", c.miles, c.year, c.exp, got)
		}
		if got := power.LossOfStrength(c.cinc, c.miles, c.year); math.Abs(got-c.adj) > 1e-12 {
			t.Errorf("%v at %v mi in %d: want %.15f, got %.15f", c.cinc, c.miles, c.year, c.adj, got)
		}
	}
}

// TestGradientShape: the exponent is 1 at e × miles-per-day in every era,
// the discount grows with distance, and missing stays missing.
func TestGradientShape(t *testing.T) {
	for _, y := range []int{1900, 1930, 2000} {
		if got := power.Exponent(2.718281828*power.MilesPerDay(y), y); math.Abs(got-1) > 1e-12 {
			t.Errorf("%d: exponent at e·miles-per-day: want 1, got %v", y, got)
		}
	}
	c := 0.05
	prev := math.Inf(1)
	for _, mi := range []float64{0, 100, 500, 1000, 5000, 10000} {
		v := power.LossOfStrength(c, mi, 2000)
		if v >= prev {
			t.Errorf("discounted CINC does not fall with distance at %v mi: %v ≥ %v", mi, v, prev)
		}
		prev = v
	}
	// Faster transport, smaller discount at the same distance.
	if !(power.LossOfStrength(c, 2000, 1900) < power.LossOfStrength(c, 2000, 1930) &&
		power.LossOfStrength(c, 2000, 1930) < power.LossOfStrength(c, 2000, 1960)) {
		t.Error("the discount at 2,000 mi should shrink from era to era")
	}
	if !math.IsNaN(power.LossOfStrength(math.NaN(), 10, 2000)) || !math.IsNaN(power.LossOfStrength(0.1, math.NaN(), 2000)) {
		t.Error("a missing CINC or distance must stay missing")
	}
}

// eugeneAdjCap is EUGene 3.203's adj_cap (unit euprocs1) written out
// again from its published source, independently of package power: the
// capital-to-capital distance as EUGene's distance table holds it
// (eutypes2: 69.16 miles per degree of arc, here by the spherical law of
// cosines rather than power's haversine, rounded to whole miles), 0 miles
// for a state paired with itself or land-contiguous to the other in the
// year (the default "capitals + contiguity" distance), the era constant,
// e = 2.718281828, log10 as ln/ln 10 and the power as exp(p·ln x).
func eugeneAdjCap(cinc float64, from, to power.Point, contiguous bool, year int) float64 {
	rad := math.Pi / 180
	cosArc := math.Sin(from.Lat*rad)*math.Sin(to.Lat*rad) + math.Cos(from.Lat*rad)*math.Cos(to.Lat*rad)*math.Cos((to.Lon-from.Lon)*rad)
	miles := math.Round(69.16 * math.Acos(math.Max(-1, math.Min(1, cosArc))) / rad)
	if contiguous {
		miles = 0
	}
	mpd := 500.0
	if year < 1918 {
		mpd = 250
	} else if year <= 1945 {
		mpd = 375
	}
	p := math.Log(miles/mpd+(10-2.718281828)) / math.Log(10)
	return math.Exp(p * math.Log(cinc))
}

// TestEUGeneAdjCap reproduces EUGene's distance-adjusted capability of
// real dyad-years, one or more in each transport era, on NMC 7.0 and the
// COW capitals and contiguity: the discounted CINC power reports for a
// member must be what EUGene's adj_cap computes from the same CINC (to
// 1e-9: EUGene stores capabilities as single floats, so its own output
// agrees to about 1e-7 relative). The dyads: Germany and Russia at Paris
// in 1914 (250 mi/day; Germany is land-contiguous to France, so it is at
// 0 miles), the United States at London in 1940 (375), the United States
// and China at Pyongyang in 1950 (500; China borders North Korea), and
// the United States and Russia at Pyongyang in 2016 (Russia borders North
// Korea; the last year of the contiguity data).
func TestEUGeneAdjCap(t *testing.T) {
	w := realWorld(t)
	if len(w.Contiguity) == 0 {
		t.Fatal("contiguity not loaded")
	}
	caps := w.NMC["7.0"]
	for _, c := range []struct {
		year      int
		home      int
		members   []int
		contigued []int
	}{
		{1914, 220, []int{255, 365}, []int{255}},
		{1940, 200, []int{2}, nil},
		{1950, 731, []int{2, 710}, []int{710}},
		{2016, 731, []int{2, 365}, []int{365}},
	} {
		d := world.D(c.year, 12, 31)
		if c.year == 1914 {
			d = world.D(1914, 8, 1)
		}
		home, _, ok := power.CapitalOn(w.Capitals, c.home, d)
		if !ok {
			t.Fatalf("%d: no capital for %d", c.year, c.home)
		}
		at := power.Point{Lat: home.Lat, Lon: home.Lng}
		b := power.Balance(caps, c.year, c.members, []int{c.home})
		b.DiscountContiguous(at, c.home, w.Contiguity, w.Capitals, d)
		if b.MilesPerDay != power.MilesPerDay(c.year) {
			t.Errorf("%d: balance used %v miles/day", c.year, b.MilesPerDay)
		}
		for _, m := range append(b.A.Members, b.B.Members...) {
			cap, _, ok := power.CapitalOn(w.Capitals, m.Code, d)
			if !ok || math.IsNaN(m.CINC) {
				t.Fatalf("%d: no capital or CINC for %d", c.year, m.Code)
			}
			contig := slices.Contains(c.contigued, m.Code)
			if m.Contiguous != contig {
				t.Errorf("%d: %d contiguous to %d: want %v, got %v", c.year, m.Code, c.home, contig, m.Contiguous)
			}
			want := eugeneAdjCap(m.CINC, power.Point{Lat: cap.Lat, Lon: cap.Lng}, at, contig, c.year)
			if math.Abs(m.Discounted-want) > 1e-9 {
				t.Errorf("%d: %d at %s: EUGene's adj_cap %.10f, casus %.10f (%.0f mi)", c.year, m.Code, home.Name, want, m.Discounted, m.Miles)
			}
		}
	}
}

// TestDiscountReal: Russia + North Korea against the US, South Korea and
// Japan, at Pyongyang in 2022. Distances from the capitals file must be
// right to the mile's order (Seoul–Pyongyang ≈ 121 mi, Washington–
// Pyongyang ≈ 6,800 mi), far powers lose more, and the discount moves the
// ratio toward the side next door.
func TestDiscountReal(t *testing.T) {
	w := realWorld(t)
	if len(w.Capitals) == 0 {
		t.Fatal("capitals not loaded")
	}
	b := power.Balance(w.NMC["7.0"], 2022, []int{731, 365}, []int{732, 2, 740})
	prk, _, ok := power.CapitalOn(w.Capitals, 731, world.D(2022, 12, 31))
	if !ok {
		t.Fatal("no capital for PRK")
	}
	b.Discount(power.Point{Lat: prk.Lat, Lon: prk.Lng}, w.Capitals, world.D(2022, 12, 31))
	miles := map[int]float64{}
	for _, s := range []power.Side{b.A, b.B} {
		for _, m := range s.Members {
			miles[m.Code] = m.Miles
			if math.IsNaN(m.Discounted) && !math.IsNaN(m.CINC) {
				t.Errorf("%d: CINC %v but no discounted value", m.Code, m.CINC)
			}
		}
	}
	if miles[731] != 0 {
		t.Errorf("PRK to its own capital: want 0 mi, got %v", miles[731])
	}
	if miles[732] < 110 || miles[732] > 130 {
		t.Errorf("Seoul–Pyongyang: want ≈121 mi, got %.0f", miles[732])
	}
	if miles[2] < 6600 || miles[2] > 7000 {
		t.Errorf("Washington–Pyongyang: want ≈6,800 mi, got %.0f", miles[2])
	}
	if !(b.DiscountedRatio > b.Ratio) {
		t.Errorf("at Pyongyang the discount should favour PRK+RUS: raw %.3f, discounted %.3f", b.Ratio, b.DiscountedRatio)
	}
}
