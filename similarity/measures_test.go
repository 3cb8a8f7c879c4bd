package similarity

import (
	"math"
	"math/rand/v2"
	"testing"
)

func near(got, want, tol float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) <= tol
}

// Signorino and Ritter (1999), Table 5: toy portfolios on the 0–3 scale,
// vectors as transcribed in the Signorino lab's unit tests
// (jrnold/r-strat inst/unitTests/runit.SScore.R).
func TestSTable5(t *testing.T) {
	rep := func(n int, a, b float64) (x, y []float64) {
		for i := 0; i < n; i++ {
			x, y = append(x, a), append(y, b)
		}
		return
	}
	cat := func(parts ...[2][]float64) (x, y []float64) {
		for _, p := range parts {
			x, y = append(x, p[0]...), append(y, p[1]...)
		}
		return
	}
	pr := func(n int, a, b float64) [2][]float64 { x, y := rep(n, a, b); return [2][]float64{x, y} }
	mk := func(parts ...[2][]float64) [2][]float64 { x, y := cat(parts...); return [2][]float64{x, y} }
	cases := []struct {
		name string
		xy   [2][]float64
		want float64
	}{
		{"a", mk(pr(1, 0, 3), pr(1, 1, 2), pr(1, 2, 1), pr(1, 3, 0)), -1.0 / 3},
		{"b", mk(pr(1, 1, 3), pr(2, 2, 2), pr(1, 3, 1)), 1.0 / 3},
		{"c", mk(pr(2, 2, 3), pr(2, 3, 2)), 1.0 / 3},
		{"d", mk(pr(4, 3, 3)), 1},
		{"e", mk(pr(10, 0, 0), pr(1, 0, 3), pr(1, 3, 0)), 2.0 / 3},
		{"f", mk(pr(1, 0, 3), pr(10, 1, 1), pr(1, 3, 0)), 2.0 / 3},
		{"g", mk(pr(1, 0, 3), pr(10, 2, 2), pr(1, 3, 0)), 2.0 / 3},
		{"h", mk(pr(1, 0, 3), pr(1, 3, 0), pr(10, 3, 3)), 2.0 / 3},
	}
	for _, c := range cases {
		if got := S(c.xy[0], c.xy[1], Valued, Absolute, nil); !near(got, c.want, 1e-12) {
			t.Errorf("Table 5 (%s): S = %.15g, want %.15g", c.name, got, c.want)
		}
	}
}

// Signorino and Ritter's mixed example: four alliance positions (m = 3) and
// four UN votes (m = 2) with their own weights give S = 0.475.
func TestSDimsMixedExample(t *testing.T) {
	a := []float64{3, 2, 3, 0, 3, 3, 1, 2}
	b := []float64{2, 3, 0, 3, 3, 3, 1, 3}
	w := []float64{.5, .4, .05, .05, .25, .25, .25, .25}
	m := []MaxDistance{3, 3, 3, 3, 2, 2, 2, 2}
	if got := SDims(a, b, m, Absolute, w); !near(got, 0.475, 1e-12) {
		t.Fatalf("S = %.15g, want 0.475", got)
	}
}

// gmyrus14: Germany's and Russia's alliance portfolios over the 20 European
// states of 1914 with the states' share of European capabilities, from
// Signorino and Ritter (1999) Table 6 as fpsim ships it.
var gmyrus14 = struct {
	state          []string
	syscap, gm, ru []float64
}{
	state:  []string{"GMY", "RUS", "UKG", "FRN", "AUH", "ITA", "BEL", "SPN", "TUR", "NTH", "SWD", "RUM", "POR", "SWZ", "GRC", "DEN", "YUG", "BUL", "NOR", "ALB"},
	syscap: []float64{.25, .21, .2, .08, .08, .05, .03, .03, .02, .01, .01, .01, .01, .01, 0, 0, 0, 0, 0, 0},
	gm:     []float64{3, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0},
	ru:     []float64{0, 3, 1, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
}

func TestGermanyRussia1914(t *testing.T) {
	g := gmyrus14
	cases := []struct {
		name      string
		got, want float64
		tol       float64
	}{
		// Published: S = 0.40 unweighted, −0.45 weighted. The printed
		// capability shares are rounded to two digits; with them S is
		// −0.46 exactly (r-strat and fpsim get the same), so the printed
		// −0.45 holds to 0.01.
		{"S unweighted (S&R Table 6)", S(g.gm, g.ru, Valued, Absolute, nil), 0.40, 1e-12},
		{"S weighted, printed shares", S(g.gm, g.ru, Valued, Absolute, g.syscap), -0.46, 1e-12},
		{"S weighted (S&R Table 6 as printed)", S(g.gm, g.ru, Valued, Absolute, g.syscap), -0.45, 0.0100001},
		// fpsim's documented outputs on the same data (taub, cohenk with
		// levels 0:3 and its default quadratic weights, spi = nominal pi).
		{"tau-b (fpsim::taub = cor kendall)", TauB(g.gm, g.ru), 0.03031695, 5e-9},
		{"kappa squared (fpsim::cohenk)", Kappa(g.gm, g.ru, Valued, Squared, nil), -0.07758621, 5e-9},
		{"pi nominal (fpsim::spi)", Pi(g.gm, g.ru, Valued, Nominal, nil), -0.04477612, 5e-9},
	}
	for _, c := range cases {
		if !near(c.got, c.want, c.tol) {
			t.Errorf("%s = %.10g, want %.10g ± %g", c.name, c.got, c.want, c.tol)
		}
	}
}

// The worked example of ATOP-CODEBOOK-NOTES.md §8.4 (six states, computed
// independently in R), to four decimals.
func TestWorkedExample(t *testing.T) {
	x := []float64{3, 3, 3, 0, 1, 2}
	y := []float64{3, 3, 0, 0, 1, 3}
	w := []float64{.30, .25, .20, .10, .10, .05}
	cases := []struct {
		name      string
		got, want float64
	}{
		{"S unweighted absolute", S(x, y, Valued, Absolute, nil), 0.5556},
		{"S weighted absolute", S(x, y, Valued, Absolute, w), 0.5667},
		{"S unweighted squared", S(x, y, Valued, Squared, nil), 0.6296},
		{"S weighted squared", S(x, y, Valued, Squared, w), 0.5889},
		{"tau-b", TauB(x, y), 0.4352},
		{"kappa nominal", Kappa(x, y, Valued, Nominal, nil), 0.5000},
		{"pi nominal", Pi(x, y, Valued, Nominal, nil), 0.4894},
		{"kappa linear", Kappa(x, y, Valued, Absolute, nil), 0.5200},
		{"pi linear", Pi(x, y, Valued, Absolute, nil), 0.5102},
		{"kappa quadratic", Kappa(x, y, Valued, Squared, nil), 0.5000},
		{"pi quadratic", Pi(x, y, Valued, Squared, nil), 0.4915},
	}
	for _, c := range cases {
		if !near(c.got, c.want, 5e-5) {
			t.Errorf("%s = %.6f, want %.4f", c.name, c.got, c.want)
		}
	}
}

// slowTauB is the definition, pair by pair: obviously right, O(n²).
func slowTauB(x, y []float64) float64 {
	var c, d, tx, ty, n0 float64
	for i := range x {
		for j := i + 1; j < len(x); j++ {
			n0++
			sx := math.Copysign(1, x[i]-x[j])
			sy := math.Copysign(1, y[i]-y[j])
			switch {
			case x[i] == x[j] && y[i] == y[j]:
				tx++
				ty++
			case x[i] == x[j]:
				tx++
			case y[i] == y[j]:
				ty++
			case sx == sy:
				c++
			default:
				d++
			}
		}
	}
	return (c - d) / math.Sqrt((n0-tx)*(n0-ty))
}

func TestTauBHandCases(t *testing.T) {
	cases := []struct {
		name string
		x, y []float64
		want float64
	}{
		{"identical ranks", []float64{1, 2, 3, 4}, []float64{10, 20, 30, 40}, 1},
		{"reversed", []float64{1, 2, 3, 4}, []float64{4, 3, 2, 1}, -1},
		// Pairs: (1,2)C (1,3)C (1,4)C (2,3)tie-x (2,4)C (3,4)C:
		// C=5, D=0, n0=6, tx=1, ty=0 → 5/√(5·6).
		{"tie in x", []float64{1, 2, 2, 3}, []float64{1, 2, 3, 4}, 5 / math.Sqrt(30)},
		// x=(1,1,2,2), y=(1,2,1,2): pairs 1-2 tied x, 1-3 tied y, 1-4
		// concordant, 2-3 discordant, 2-4 tied y, 3-4 tied x → C−D = 0.
		{"balanced ties", []float64{1, 1, 2, 2}, []float64{1, 2, 1, 2}, 0},
		// x=(0,0,3,3,1), y=(0,1,3,3,0): concordant 1-3 1-4 2-3 2-4 3-5
		// 4-5, discordant 2-5, tied on x 1-2 3-4, on y 1-5 3-4, n0 = 10
		// → (6−1)/√(8·8).
		{"alliance codes", []float64{0, 0, 3, 3, 1}, []float64{0, 1, 3, 3, 0}, 5.0 / 8},
		{"constant x", []float64{2, 2, 2}, []float64{1, 2, 3}, math.NaN()},
	}
	for _, c := range cases {
		if got := TauB(c.x, c.y); !near(got, c.want, 1e-12) {
			t.Errorf("%s: TauB = %.15g, want %.15g", c.name, got, c.want)
		}
		if !math.IsNaN(c.want) {
			if got := slowTauB(c.x, c.y); !near(got, c.want, 1e-12) {
				t.Errorf("%s: slow reference = %.15g, want %.15g (the hand count is wrong)", c.name, got, c.want)
			}
		}
	}
}

// TauB, and the 4×4-table tau-b the engine uses, equal the pair-by-pair
// definition on random portfolios full of ties.
func TestTauBRandomWithTies(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 2000; trial++ {
		n := 2 + r.IntN(200)
		levels := 1 + r.IntN(4)
		x, y := make([]float64, n), make([]float64, n)
		var tab table
		tab.levels = valuedLevels
		for k := range x {
			x[k] = float64(r.IntN(levels))
			y[k] = float64(r.IntN(4))
			if r.IntN(3) == 0 {
				y[k] = x[k] // correlated
			}
			tab.cell[int(x[k])*4+int(y[k])]++
		}
		want := slowTauB(x, y)
		if got := TauB(x, y); !near(got, want, 1e-12) {
			t.Fatalf("trial %d (n=%d): TauB = %.17g, definition %.17g", trial, n, got, want)
		}
		if got := tab.tauB(); !near(got, want, 1e-12) {
			t.Fatalf("trial %d (n=%d): table tau-b = %.17g, definition %.17g", trial, n, got, want)
		}
	}
	// Continuous values too (no ties but the merge-sort path).
	for trial := 0; trial < 200; trial++ {
		n := 2 + r.IntN(300)
		x, y := make([]float64, n), make([]float64, n)
		for k := range x {
			x[k], y[k] = r.NormFloat64(), r.NormFloat64()+0.5*x[k]
		}
		if got, want := TauB(x, y), slowTauB(x, y); !near(got, want, 1e-12) {
			t.Fatalf("continuous trial %d: TauB = %.17g, definition %.17g", trial, got, want)
		}
	}
}

// The table functions of the engine agree with the vector functions on
// random portfolios, weighted and unweighted, valued and binary.
func TestTableMatchesVectors(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	bin := func(v []float64) []float64 {
		out := make([]float64, len(v))
		for i, a := range v {
			if a > 0 {
				out[i] = 1
			}
		}
		return out
	}
	for trial := 0; trial < 1000; trial++ {
		n := 1 + r.IntN(60)
		x, y, w := make([]float64, n), make([]float64, n), make([]float64, n)
		var cnt, cw table
		cnt.levels, cw.levels = 4, 4
		for k := range x {
			x[k], y[k] = float64(r.IntN(4)), float64(r.IntN(4))
			if r.IntN(2) == 0 {
				x[k] = 0
			}
			w[k] = r.Float64() * 0.1
			cnt.cell[int(x[k])*4+int(y[k])]++
			cw.cell[int(x[k])*4+int(y[k])] += w[k]
		}
		bc, bw := cnt.binary(), cw.binary()
		bx, by := bin(x), bin(y)
		checks := []struct {
			name      string
			got, want float64
		}{
			{"S valued abs", cnt.s(Absolute), S(x, y, Valued, Absolute, nil)},
			{"S valued sq", cnt.s(Squared), S(x, y, Valued, Squared, nil)},
			{"S binary", bc.s(Absolute), S(bx, by, Binary, Absolute, nil)},
			{"S valued weighted abs", cw.s(Absolute), S(x, y, Valued, Absolute, w)},
			{"S valued weighted sq", cw.s(Squared), S(x, y, Valued, Squared, w)},
			{"S binary weighted", bw.s(Absolute), S(bx, by, Binary, Absolute, w)},
			{"kappa valued sq", cnt.chance(Squared, false), Kappa(x, y, Valued, Squared, nil)},
			{"pi valued sq", cnt.chance(Squared, true), Pi(x, y, Valued, Squared, nil)},
			{"kappa valued nominal", cnt.chance(Nominal, false), Kappa(x, y, Valued, Nominal, nil)},
			{"kappa binary", bc.chance(Nominal, false), Kappa(bx, by, Binary, Nominal, nil)},
			{"pi binary", bc.chance(Nominal, true), Pi(bx, by, Binary, Nominal, nil)},
			{"tau-b", cnt.tauB(), TauB(x, y)},
			{"A valued abs", cnt.a(Absolute), A(x, y, Valued, Absolute, nil)},
			{"A valued sq", cnt.a(Squared), A(x, y, Valued, Squared, nil)},
			{"A binary", bc.a(Absolute), A(bx, by, Binary, Absolute, nil)},
			{"A valued weighted abs", cw.a(Absolute), A(x, y, Valued, Absolute, w)},
			{"A binary weighted", bw.a(Absolute), A(bx, by, Binary, Absolute, w)},
		}
		for _, c := range checks {
			if !near(c.got, c.want, 1e-12) {
				t.Fatalf("trial %d: %s: table %.17g, vectors %.17g (x=%v y=%v)", trial, c.name, c.got, c.want, x, y)
			}
		}
	}
}

// Kappa from the definition: expected disagreement as the mean over all
// n² cross pairs (k from x, l from y), observed over the n matched pairs.
func TestKappaPiDefinition(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for trial := 0; trial < 300; trial++ {
		n := 2 + r.IntN(40)
		x, y := make([]float64, n), make([]float64, n)
		for k := range x {
			x[k], y[k] = float64(r.IntN(4)), float64(r.IntN(4))
		}
		for _, dist := range []Distance{Absolute, Squared, Nominal} {
			var do, dek, dep float64
			pool := append(append([]float64(nil), x...), y...)
			for k := range x {
				do += dist.delta(x[k], y[k], Valued)
				for l := range y {
					dek += dist.delta(x[k], y[l], Valued)
				}
			}
			for _, a := range pool {
				for _, b := range pool {
					dep += dist.delta(a, b, Valued)
				}
			}
			do /= float64(n)
			dek /= float64(n * n)
			dep /= float64(4 * n * n)
			wantK, wantP := 1-do/dek, 1-do/dep
			if dek == 0 {
				wantK = math.NaN()
			}
			if dep == 0 {
				wantP = math.NaN()
			}
			if got := Kappa(x, y, Valued, dist, nil); !near(got, wantK, 1e-12) {
				t.Fatalf("kappa %v: %.17g, definition %.17g", dist, got, wantK)
			}
			if got := Pi(x, y, Valued, dist, nil); !near(got, wantP, 1e-12) {
				t.Fatalf("pi %v: %.17g, definition %.17g", dist, got, wantP)
			}
		}
	}
}

func TestMissingAndUndefined(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name      string
		got, want float64
	}{
		// A NaN position is skipped: same as the vectors without it.
		{"S skips NaN", S([]float64{3, nan, 0}, []float64{3, 1, 3}, Valued, Absolute, nil), S([]float64{3, 0}, []float64{3, 3}, Valued, Absolute, nil)},
		{"S skips NaN weight", S([]float64{3, 2, 0}, []float64{3, 1, 3}, Valued, Absolute, []float64{1, nan, 1}), S([]float64{3, 0}, []float64{3, 3}, Valued, Absolute, nil)},
		{"S all weights zero", S([]float64{3, 0}, []float64{3, 3}, Valued, Absolute, []float64{0, 0}), nan},
		{"S all missing weights", S([]float64{3, 0}, []float64{3, 3}, Valued, Absolute, []float64{nan, nan}), nan},
		{"S empty", S(nil, nil, Valued, Absolute, nil), nan},
		// Weights need not sum to 1: scaling them leaves S unchanged.
		{"S weight scale", S([]float64{3, 0, 1}, []float64{3, 3, 1}, Valued, Absolute, []float64{2, 4, 6}), S([]float64{3, 0, 1}, []float64{3, 3, 1}, Valued, Absolute, []float64{1, 2, 3})},
		{"kappa constant identical", Kappa([]float64{3, 3}, []float64{3, 3}, Valued, Squared, nil), nan},
		{"pi constant identical", Pi([]float64{0, 0}, []float64{0, 0}, Binary, Nominal, nil), nan},
		{"tau-b constant", TauB([]float64{1, 1, 1}, []float64{0, 1, 2}), nan},
		{"tau-b skips NaN", TauB([]float64{1, 2, nan, 3}, []float64{1, 2, 0, 3}), 1},
		// The maximum distance comes from the coding: codes 0 and 1 only
		// are not maximally apart on the 0–3 scale.
		{"S range from coding", S([]float64{0, 1}, []float64{1, 0}, Valued, Absolute, nil), 1 - 2.0/3},
	}
	for _, c := range cases {
		if !near(c.got, c.want, 1e-12) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestPanicsOnMisuse(t *testing.T) {
	cases := map[string]func(){
		"length":       func() { S([]float64{1}, []float64{1, 2}, Valued, Absolute, nil) },
		"weights":      func() { S([]float64{1}, []float64{1}, Valued, Absolute, []float64{1, 2}) },
		"max distance": func() { Kappa([]float64{1}, []float64{1}, 0, Absolute, nil) },
		"negative w":   func() { S([]float64{1}, []float64{1}, Valued, Absolute, []float64{-1}) },
		"tau length":   func() { TauB([]float64{1}, nil) },
	}
	for name, f := range cases {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

// The fused integer form the engine uses equals the table methods (which
// TestTableMatchesVectors ties to the vector functions), on random tables
// including empty rows, single cells and zero weights.
func TestFusedMeasures(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for trial := 0; trial < 5000; trial++ {
		var cn [16]int32
		var cw [16]float64
		cnt := table{levels: valuedLevels}
		wt := table{levels: valuedLevels}
		cells := 1 + r.IntN(16)
		for c := 0; c < cells; c++ {
			i := r.IntN(16)
			if trial%3 == 0 {
				i &^= 0b1010 // codes 0 and 1 only: many ties
			}
			k := int32(1 + r.IntN(60))
			cn[i] += k
			cnt.cell[i] += float64(k)
			if trial%5 != 0 {
				w := r.Float64() * float64(k) * 0.01
				cw[i] += w
				wt.cell[i] += w
			}
		}
		var got [NumMeasures]float64
		measures(&cn, &cw, &got)
		bc, bw := cnt.binary(), wt.binary()
		want := [NumMeasures]float64{
			SallyVUA: cnt.s(Absolute), SallyVUS: cnt.s(Squared),
			SallyBUA: bc.s(Absolute), SallyBUS: bc.s(Squared),
			SallyVWA: wt.s(Absolute), SallyVWS: wt.s(Squared),
			SallyBWA: bw.s(Absolute), SallyBWS: bw.s(Squared),
			PallyV: cnt.chance(Nominal, true), PallyVQ: cnt.chance(Squared, true), PallyB: bc.chance(Nominal, true),
			KallyV: cnt.chance(Squared, false), KallyB: bc.chance(Nominal, false),
			TauBAlly: cnt.tauB(),
			AallyVUS: cnt.a(Squared), AallyVUA: cnt.a(Absolute),
			AallyBUS: bc.a(Squared), AallyBUA: bc.a(Absolute),
			AallyVWA: wt.a(Absolute), AallyBWA: bw.a(Absolute),
		}
		for m := range NumMeasures {
			if !near(got[m], want[m], 1e-12) {
				t.Fatalf("trial %d %s: fused %.17g, table %.17g (cn=%v)", trial, Measure(m), got[m], want[m], cn)
			}
		}
	}
}

// TestAHandTable checks A on a table small enough to compute by hand:
// x = (1, 1, 0, 0), y = (1, 0, 0, 0). The joint table has (1,1) once,
// (1,0) once and (0,0) twice, so D_o = 1/4 and S(o) = 1/2. Its marginals
// are (1/2, 1/2) for x and (3/4, 1/4) for y; their product puts
// 1/2·3/4 + 1/2·1/4 = 1/2 of the mass off the diagonal, so D_e = 1/2,
// S(e) = 0 and A = 1/2. With weights (1, 0, 1, 0) only the positions
// (1,1) and (0,0) count: D_o = 0, marginals (1/2, 1/2) both, D_e = 1/2,
// A = 1.
func TestAHandTable(t *testing.T) {
	x := []float64{1, 1, 0, 0}
	y := []float64{1, 0, 0, 0}
	for _, c := range []struct {
		name string
		w    []float64
		want float64
	}{
		{"unweighted", nil, 0.5},
		{"weighted", []float64{1, 0, 1, 0}, 1},
	} {
		for _, dist := range []Distance{Absolute, Squared, Nominal} {
			if got := A(x, y, Binary, dist, c.w); !near(got, c.want, 1e-15) {
				t.Errorf("%s %v: A = %v, hand %v", c.name, dist, got, c.want)
			}
		}
	}
	// Identical constant portfolios: no disagreement observed or expected.
	if got := A([]float64{3, 3}, []float64{3, 3}, Valued, Absolute, nil); got != 0 {
		t.Errorf("constant portfolios: A = %v, want 0", got)
	}
	if got := A([]float64{math.NaN()}, []float64{1}, Valued, Absolute, nil); !math.IsNaN(got) {
		t.Errorf("no complete position: A = %v, want NaN", got)
	}
}

// TestABruteForce computes A from its definition on random weighted
// portfolios: S(o) from the matched positions, S(e) from every cross pair
// (k from x, l from y) weighted w_k·w_l — the S of the product of the
// joint table's marginals — and A = S(o) − S(e).
func TestABruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for trial := 0; trial < 500; trial++ {
		n := 1 + r.IntN(40)
		x, y, w := make([]float64, n), make([]float64, n), make([]float64, n)
		for k := range x {
			x[k], y[k], w[k] = float64(r.IntN(4)), float64(r.IntN(4)), r.Float64()
		}
		for _, dist := range []Distance{Absolute, Squared, Nominal} {
			for _, wt := range [][]float64{nil, w} {
				weight := func(k int) float64 {
					if wt == nil {
						return 1
					}
					return wt[k]
				}
				var do, de, tot float64
				for k := range x {
					do += weight(k) * dist.delta(x[k], y[k], Valued)
					tot += weight(k)
					for l := range y {
						de += weight(k) * weight(l) * dist.delta(x[k], y[l], Valued)
					}
				}
				so, se := 1-2*do/tot, 1-2*de/(tot*tot)
				if got := A(x, y, Valued, dist, wt); !near(got, so-se, 1e-12) {
					t.Fatalf("trial %d %v weighted=%v: A = %.17g, S(o) − S(e) = %.17g", trial, dist, wt != nil, got, so-se)
				}
			}
		}
	}
}
