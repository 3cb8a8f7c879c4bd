package power_test

import (
	"math"
	"testing"

	"github.com/casus-dev/casus/power"
)

func TestBalanceToy(t *testing.T) {
	caps := toyCaps("toy",
		row(1, 2000, [6]float64{30, 10, 50, 20, 60, 40}, nan),
		row(2, 2000, [6]float64{70, 30, 50, 80, 40, 60}, nan),
		row(3, 2000, [6]float64{nan, 60, 0, 100, 100, nan}, nan),
	)
	b := power.Balance(caps, 2005, []int{1, 3}, []int{2, 9})
	if b.DataYear != 2000 || b.Year != 2005 {
		t.Fatalf("want data year 2000 for 2005, got %d", b.DataYear)
	}
	const tol = 1e-15
	c1, c2, c3 := 1.7/6, 2.7/6, 1.6/4
	if math.Abs(b.A.CINC-(c1+c3)) > tol || math.Abs(b.B.CINC-c2) > tol || math.Abs(b.Ratio-(c1+c3)/c2) > tol {
		t.Errorf("CINC: want A %.15g B %.15g, got %.15g %.15g ratio %.15g", c1+c3, c2, b.A.CINC, b.B.CINC, b.Ratio)
	}
	if b.A.Components != [6]float64{30, 70, 50, 120, 160, 40} {
		t.Errorf("A components: want [30 70 50 120 160 40] (state 3's milex and upop left out), got %v", b.A.Components)
	}
	if len(b.A.MissingComponents[0]) != 1 || b.A.MissingComponents[0][0] != 3 || len(b.A.MissingComponents[5]) != 1 || b.A.Complete() {
		t.Errorf("A: want state 3 listed as missing milex and upop, got %v", b.A.MissingComponents)
	}
	if len(b.B.Missing) != 1 || b.B.Missing[0] != 9 || b.B.Complete() {
		t.Errorf("B: want state 9 missing, got %v", b.B.Missing)
	}

	// Nothing before the release: every number missing, nothing zero.
	b = power.Balance(caps, 1990, []int{1}, []int{2})
	if b.DataYear != 0 || !math.IsNaN(b.A.CINC) || !math.IsNaN(b.B.Components[0]) || !math.IsNaN(b.Ratio) || len(b.A.Missing) != 1 {
		t.Errorf("1990: want all missing, got %+v", b)
	}
	// An empty side has no CINC, and the ratio is missing.
	b = power.Balance(caps, 2000, []int{1}, nil)
	if !math.IsNaN(b.B.CINC) || !math.IsNaN(b.Ratio) {
		t.Errorf("empty side: want NaN CINC and ratio, got %v, %v", b.B.CINC, b.Ratio)
	}
}

// TestBalanceReal: Russia + North Korea against the US, South Korea and
// Japan, asked for 2024, answered from NMC 7.0's last year, 2022, with
// North Korea's unreported military expenditure listed as missing.
func TestBalanceReal(t *testing.T) {
	w := realWorld(t)
	b := power.Balance(w.NMC["7.0"], 2024, []int{365, 731}, []int{2, 732, 740})
	if b.DataYear != 2022 || b.Version != "7.0" {
		t.Fatalf("want NMC 7.0 data year 2022, got %s %d", b.Version, b.DataYear)
	}
	if len(b.A.MissingComponents[0]) != 1 || b.A.MissingComponents[0][0] != 731 {
		t.Errorf("want PRK's milex missing, got %v", b.A.MissingComponents)
	}
	// The sums equal the published cinc of the members to the rounding.
	var a, c float64
	for _, code := range []int{365, 731} {
		r, _ := w.NMC["7.0"].Get(code, 2022)
		a += r.CINC
	}
	for _, code := range []int{2, 732, 740} {
		r, _ := w.NMC["7.0"].Get(code, 2022)
		c += r.CINC
	}
	if math.Abs(b.A.CINC-a) > 1e-7 || math.Abs(b.B.CINC-c) > 1e-7 {
		t.Errorf("want CINC sums %.7f and %.7f (published), got %.7f and %.7f", a, c, b.A.CINC, b.B.CINC)
	}
	if b.Ratio < 0.30 || b.Ratio > 0.32 {
		t.Errorf("want ratio ≈ 0.311, got %.4f", b.Ratio)
	}
}

// TestNilRelease: without a release every answer is missing, not a panic.
func TestNilRelease(t *testing.T) {
	b := power.Balance(nil, 2000, []int{2}, []int{365})
	if b.DataYear != 0 || !math.IsNaN(b.A.CINC) || !math.IsNaN(b.Ratio) || len(b.A.Missing) != 1 {
		t.Errorf("Balance(nil): want all missing, got %+v", b)
	}
	if sy := power.System(toyWorld(), nil, 1950); sy.Covered || !math.IsNaN(sy.CON) {
		t.Errorf("System(nil): want uncovered, got %+v", sy)
	}
	if bl := power.AllianceBlocs(toyWorld(), nil, 1950); !bl.Covered || bl.DataYear != 0 || !math.IsNaN(bl.Components[0].Share) {
		t.Errorf("AllianceBlocs(nil): want blocs without capabilities, got %+v", bl)
	}
}
