package power_test

import (
	"math"
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

// TestGradientShape: the exponent is log10(10 − e) at home, exactly 1 at
// e × 250 miles, and the discount grows with distance.
func TestGradientShape(t *testing.T) {
	if got, want := power.Exponent(0, 2000), math.Log10(10-math.E); math.Abs(got-want) > 1e-15 {
		t.Errorf("exponent at 0: want %v, got %v", want, got)
	}
	if got := power.Exponent(math.E*250, 2000); math.Abs(got-1) > 1e-15 {
		t.Errorf("exponent at e·250 mi: want 1, got %v", got)
	}
	// 2,500 miles: log10(10 + 10 − e) = log10(17.2817…).
	c := 0.05
	want := math.Pow(c, math.Log10(20-math.E))
	if got := power.LossOfStrength(c, 2500, 2000); math.Abs(got-want) > 1e-15 {
		t.Errorf("0.05 at 2,500 mi: want %v, got %v", want, got)
	}
	prev := math.Inf(1)
	for _, mi := range []float64{0, 100, 500, 1000, 5000, 10000} {
		v := power.LossOfStrength(c, mi, 2000)
		if v >= prev {
			t.Errorf("discounted CINC does not fall with distance at %v mi: %v ≥ %v", mi, v, prev)
		}
		prev = v
	}
	if !math.IsNaN(power.LossOfStrength(math.NaN(), 10, 2000)) || !math.IsNaN(power.LossOfStrength(0.1, math.NaN(), 2000)) {
		t.Error("a missing CINC or distance must stay missing")
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
