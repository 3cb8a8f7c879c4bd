package power_test

import (
	"math"
	"testing"

	"github.com/casus-dev/casus/power"
)

func TestCONPolesToy(t *testing.T) {
	tests := []struct {
		name       string
		shares     []float64
		con, poles float64
		polarity   power.Polarity
	}{
		{"equal pair", []float64{0.5, 0.5}, 0, 2, power.Bipolar},
		{"equal five", []float64{0.2, 0.2, 0.2, 0.2, 0.2}, 0, 5, power.Multipolar},
		{"monopoly", []float64{1, 0, 0}, 1, 1, power.Unipolar},
		// Σs² = .38: CON = sqrt((.38 − 1/3)/(2/3)) = sqrt(.07)
		{"three", []float64{0.5, 0.3, 0.2}, math.Sqrt(0.07), 1 / 0.38, power.Unipolar},
		{"bipolar", []float64{0.3, 0.3, 0.2, 0.2}, math.Sqrt((0.26 - 0.25) / 0.75), 1 / 0.26, power.Bipolar},
		// top two hold .49: not bipolar although each ≥ .25
		{"two pairs", []float64{0.245, 0.245, 0.255, 0.255}, math.Sqrt((2*0.245*0.245 + 2*0.255*0.255 - 0.25) / 0.75), 1 / (2*0.245*0.245 + 2*0.255*0.255), power.Bipolar},
		{"leader .49, second .24", []float64{0.49, 0.24, 0.27}, math.Sqrt((0.49*0.49 + 0.24*0.24 + 0.27*0.27 - 1.0/3) / (2.0 / 3)), 1 / (0.49*0.49 + 0.24*0.24 + 0.27*0.27), power.Bipolar},
		{"leader .49, others small", []float64{0.49, 0.2, 0.2, 0.11}, math.Sqrt((0.49*0.49 + 0.08 + 0.0121 - 0.25) / 0.75), 1 / (0.49*0.49 + 0.08 + 0.0121), power.Multipolar},
		{"one power", []float64{1}, math.NaN(), 1, power.Unipolar},
		{"none", nil, math.NaN(), math.NaN(), power.NoPolarity},
		{"missing share", []float64{0.5, math.NaN()}, math.NaN(), math.NaN(), power.NoPolarity},
	}
	const tol = 1e-12
	same := func(a, b float64) bool {
		return math.IsNaN(a) && math.IsNaN(b) || math.Abs(a-b) <= tol
	}
	for _, tc := range tests {
		if got := power.CON(tc.shares); !same(got, tc.con) {
			t.Errorf("%s: CON want %.15g (±%g), got %.15g", tc.name, tc.con, tol, got)
		}
		if got := power.EffectivePoles(tc.shares); !same(got, tc.poles) {
			t.Errorf("%s: poles want %.15g (±%g), got %.15g", tc.name, tc.poles, tol, got)
		}
		if got := power.PolarityOf(tc.shares); got != tc.polarity {
			t.Errorf("%s: polarity want %q, got %q", tc.name, tc.polarity, got)
		}
	}
}

// TestCONIdentity checks CON = V/√(N−1) (V the coefficient of variation
// of the shares, population SD) for every year of both releases.
func TestCONIdentity(t *testing.T) {
	w := realWorld(t)
	const tol = 1e-12
	for _, v := range []string{"6.0", "7.0"} {
		n := 0
		for _, sy := range power.Series(w, w.NMC[v], 1816, 2016) {
			if math.IsNaN(sy.CON) {
				t.Errorf("NMC %s %d: CON missing", v, sy.Year)
				continue
			}
			k := float64(len(sy.Majors))
			if k < 4 || k > 8 {
				t.Errorf("NMC %s %d: %v majors, want 4 to 8 (PolarityOf's thresholds assume several)", v, sy.Year, k)
			}
			mean, ss := 1/k, 0.0
			sum := 0.0
			for _, m := range sy.Majors {
				ss += (m.Share - mean) * (m.Share - mean)
				sum += m.Share
			}
			if math.Abs(sum-1) > tol {
				t.Errorf("NMC %s %d: shares sum to %.15g", v, sy.Year, sum)
			}
			cv := math.Sqrt(ss/k) / mean
			if want := cv / math.Sqrt(k-1); math.Abs(sy.CON-want) > tol {
				t.Errorf("NMC %s %d: CON %.15g, V/√(N−1) %.15g", v, sy.Year, sy.CON, want)
			}
			if p := power.EffectivePoles(shares(sy)); math.Abs(p-sy.Poles) > tol || p < 1 || p > k {
				t.Errorf("NMC %s %d: poles %.15g outside [1, %v]", v, sy.Year, sy.Poles, k)
			}
			n++
		}
		if n != 201 {
			t.Errorf("NMC %s: want 201 years checked, got %d", v, n)
		}
	}
}

func shares(sy power.SystemYear) []float64 {
	s := make([]float64, len(sy.Majors))
	for i, m := range sy.Majors {
		s[i] = m.Share
	}
	return s
}

// TestMajors checks the any-day rule on COW majors2016.
func TestMajors(t *testing.T) {
	w := realWorld(t)
	tests := []struct {
		year int
		want []string // by CINC on NMC 6.0, largest first
	}{
		{1816, []string{"UKG", "RUS", "FRN", "AUH", "GMY"}},
		// COW: in 1914 the majors are USA, UKG, FRN, GMY, AUH, ITA, RUS, JPN.
		{1914, []string{"USA", "GMY", "UKG", "RUS", "FRN", "AUH", "JPN", "ITA"}},
		// Germany and Austria-Hungary end in November 1918; Russia's first
		// spell in December 1917: all still count in their last year.
		{1918, []string{"USA", "GMY", "UKG", "FRN", "ITA", "AUH", "JPN"}},
		{1919, []string{"USA", "UKG", "FRN", "ITA", "JPN"}},
		// France out 1940-06-22 to 1945-08-15, Germany and Japan end 1945.
		{1945, []string{"USA", "RUS", "UKG", "GMY", "JPN", "FRN"}},
		{1946, []string{"USA", "RUS", "UKG", "FRN"}},
		{1950, []string{"USA", "RUS", "CHN", "UKG", "FRN"}},
		// Germany and Japan return on 1991-12-11.
		{1991, []string{"USA", "CHN", "RUS", "JPN", "GMY", "UKG", "FRN"}},
		{2016, []string{"CHN", "USA", "RUS", "JPN", "GMY", "UKG", "FRN"}},
	}
	for _, tc := range tests {
		sy := power.System(w, w.NMC["6.0"], tc.year)
		var got []string
		for _, m := range sy.Majors {
			got = append(got, m.Abb)
		}
		if len(got) != len(tc.want) {
			t.Errorf("%d: want majors %v, got %v", tc.year, tc.want, got)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%d: want majors %v, got %v", tc.year, tc.want, got)
				break
			}
		}
	}
}

// TestSystemValues pins values on NMC 6.0 that follow from the published
// components (regression values computed by this package; the published
// CON series of Singer, Bremer & Stuckey 1972 was not available to compare
// against, see FIXTURES.md) and the qualitative facts they should show.
func TestSystemValues(t *testing.T) {
	w := realWorld(t)
	tests := []struct {
		version  string
		year     int
		con      float64
		poles    float64
		polarity power.Polarity
	}{
		{"6.0", 1816, 0.3296, 3.485, power.Multipolar},
		{"6.0", 1914, 0.2202, 5.973, power.Multipolar},
		{"6.0", 1946, 0.4516, 2.482, power.Unipolar},
		{"6.0", 1970, 0.3217, 3.536, power.Bipolar},
		{"6.0", 2016, 0.4618, 3.071, power.Bipolar},
		{"7.0", 2016, 0.4619, 3.070, power.Bipolar},
	}
	for _, tc := range tests {
		sy := power.System(w, w.NMC[tc.version], tc.year)
		if math.Abs(sy.CON-tc.con) > 5e-4 || math.Abs(sy.Poles-tc.poles) > 5e-3 || sy.Polarity != tc.polarity {
			t.Errorf("NMC %s %d: want CON %.4f ±5e-4, poles %.3f ±5e-3, %s; got %.4f, %.3f, %s",
				tc.version, tc.year, tc.con, tc.poles, tc.polarity, sy.CON, sy.Poles, sy.Polarity)
		}
	}
	// Polarity years on NMC 6.0: the US alone holds half the majors'
	// capability right after both world wars, when the other majors were
	// exhausted or out of the system.
	var uni []int
	for _, sy := range power.Series(w, w.NMC["6.0"], 1816, 2016) {
		if sy.Polarity == power.Unipolar {
			uni = append(uni, sy.Year)
			if sy.Majors[0].Abb != "USA" {
				t.Errorf("%d: unipole %s, want USA", sy.Year, sy.Majors[0].Abb)
			}
		}
	}
	t.Logf("unipolar years on NMC 6.0: %v", uni)
}

// TestMajorsMissingAfter2016: the majors data end in 2016, so NMC 7.0's
// 2017–2022 have capabilities but no majors, CON or polarity.
func TestMajorsMissingAfter2016(t *testing.T) {
	w := realWorld(t)
	if got := power.MajorsEnd(w); got != 20161231 {
		t.Fatalf("MajorsEnd: want 2016-12-31, got %v", got)
	}
	for _, y := range []int{2017, 2022} {
		sy := power.System(w, w.NMC["7.0"], y)
		if !sy.Covered || sy.MajorsKnown || sy.Majors != nil || !math.IsNaN(sy.CON) || !math.IsNaN(sy.Poles) || sy.Polarity != power.NoPolarity {
			t.Errorf("%d: want capabilities but missing majors, CON, poles, polarity; got %+v", y, sy)
		}
	}
	// NMC 6.0 ends in 2016: 2017 has neither.
	sy := power.System(w, w.NMC["6.0"], 2017)
	if sy.Covered || sy.States != 0 || !math.IsNaN(sy.SystemCINC) {
		t.Errorf("6.0 2017: want uncovered, got %+v", sy)
	}
}

// TestConcurrentUse: the world is shared by concurrent requests; the
// caches behind Recompute and the blocs must be safe (run with -race).
func TestConcurrentUse(t *testing.T) {
	w := realWorld(t)
	caps := *w.NMC["6.0"] // a fresh pointer, so the goroutines race to build
	done := make(chan float64)
	for i := 0; i < 8; i++ {
		go func(y int) {
			sy := power.System(w, &caps, y)
			power.AllianceBlocs(w, &caps, y)
			done <- sy.CON
		}(1900 + i)
	}
	for i := 0; i < 8; i++ {
		if v := <-done; math.IsNaN(v) {
			t.Error("CON missing in a concurrent call")
		}
	}
}
