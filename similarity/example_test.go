package similarity_test

import (
	"fmt"

	"github.com/casus-dev/casus/similarity"
)

// Germany's and Russia's alliances with the 20 European states of 1914
// (Signorino and Ritter 1999, Table 6), with each state's share of European
// capabilities.
var (
	germany = []float64{3, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0}
	russia  = []float64{0, 3, 1, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	syscap  = []float64{.25, .21, .2, .08, .08, .05, .03, .03, .02, .01, .01, .01, .01, .01, 0, 0, 0, 0, 0, 0}
)

func ExampleS() {
	fmt.Printf("unweighted %.2f\n", similarity.S(germany, russia, similarity.Valued, similarity.Absolute, nil))
	fmt.Printf("weighted   %.2f\n", similarity.S(germany, russia, similarity.Valued, similarity.Absolute, syscap))
	// Output:
	// unweighted 0.40
	// weighted   -0.46
}

func ExampleSDims() {
	// Four alliance positions (0–3) and four UN votes (1–3, m = 2).
	a := []float64{3, 2, 3, 0, 3, 3, 1, 2}
	b := []float64{2, 3, 0, 3, 3, 3, 1, 3}
	w := []float64{.5, .4, .05, .05, .25, .25, .25, .25}
	m := []similarity.MaxDistance{3, 3, 3, 3, 2, 2, 2, 2}
	fmt.Printf("%.3f\n", similarity.SDims(a, b, m, similarity.Absolute, w))
	// Output: 0.475
}

func ExampleKappa() {
	fmt.Printf("quadratic %.4f\n", similarity.Kappa(germany, russia, similarity.Valued, similarity.Squared, nil))
	fmt.Printf("nominal   %.4f\n", similarity.Kappa(germany, russia, similarity.Valued, similarity.Nominal, nil))
	// Output:
	// quadratic -0.0776
	// nominal   -0.0294
}

func ExamplePi() {
	fmt.Printf("nominal %.4f\n", similarity.Pi(germany, russia, similarity.Valued, similarity.Nominal, nil))
	// Output: nominal -0.0448
}

// A subtracts the S two states would reach by chance from their observed
// S: Germany and Russia in 1914 agree (S = 0.40) mostly because both sit
// at 0 on most of the 20 positions, which chance predicts as well. By hand:
// D_o = 6/20 = 0.30; Germany's positions are 3 on 4 of 20 and Russia's 3
// on 2, 1 on 2, so D_e = 0.2·(0.8 + 0.1·2/3) + 0.8·(0.1 + 0.1/3) = 0.28 and
// A = 2·(0.28 − 0.30) = −0.04 (squared distances: 0.2578 − 0.2778, the
// same −0.04).
func ExampleA() {
	fmt.Printf("S         %.4f\n", similarity.S(germany, russia, similarity.Valued, similarity.Absolute, nil))
	fmt.Printf("A         %.4f\n", similarity.A(germany, russia, similarity.Valued, similarity.Absolute, nil))
	fmt.Printf("A squared %.4f\n", similarity.A(germany, russia, similarity.Valued, similarity.Squared, nil))
	// Output:
	// S         0.4000
	// A         -0.0400
	// A squared -0.0400
}

func ExampleTauB() {
	fmt.Printf("%.4f\n", similarity.TauB(germany, russia))
	// Ties count on neither side: tau-b of a vector with itself is 1.
	fmt.Printf("%.4f\n", similarity.TauB([]float64{0, 0, 3, 1}, []float64{0, 0, 3, 1}))
	// Output:
	// 0.0303
	// 1.0000
}

// Each column of the dyad-year table is one call on the two portfolios;
// here on Germany's and Russia's 1914 portfolios of Signorino and Ritter's
// Table 6, binary = any obligation. The values agree with an independent
// computation (testdata/handcheck.py's formulas, after fpsim's srs, spi and
// cohenk).
func Example_columns() {
	bin := func(x []float64) []float64 {
		b := make([]float64, len(x))
		for k, v := range x {
			b[k] = min(v, 1)
		}
		return b
	}
	g, r, bg, br := germany, russia, bin(germany), bin(russia)
	V, B := similarity.Valued, similarity.Binary
	abs, sq, nom := similarity.Absolute, similarity.Squared, similarity.Nominal
	for _, c := range []struct {
		name string
		v    float64
	}{
		{"sallyvua", similarity.S(g, r, V, abs, nil)},
		{"sallyvus", similarity.S(g, r, V, sq, nil)},
		{"sallybua", similarity.S(bg, br, B, abs, nil)},
		{"sallybus", similarity.S(bg, br, B, sq, nil)},
		{"sallyvwa", similarity.S(g, r, V, abs, syscap)},
		{"sallyvws", similarity.S(g, r, V, sq, syscap)},
		{"sallybwa", similarity.S(bg, br, B, abs, syscap)},
		{"sallybws", similarity.S(bg, br, B, sq, syscap)},
		{"pallyv", similarity.Pi(g, r, V, nom, nil)},
		{"pallyvq", similarity.Pi(g, r, V, sq, nil)},
		{"pallyb", similarity.Pi(bg, br, B, nom, nil)},
		{"kallyv", similarity.Kappa(g, r, V, sq, nil)},
		{"kallyb", similarity.Kappa(bg, br, B, nom, nil)},
		{"taub", similarity.TauB(g, r)},
	} {
		fmt.Printf("%-8s %7.4f\n", c.name, c.v)
	}
	// Output:
	// sallyvua  0.4000
	// sallyvus  0.4444
	// sallybua  0.4000
	// sallybus  0.4000
	// sallyvwa -0.4600
	// sallyvws -0.3489
	// sallybwa -0.6600
	// sallybws -0.6600
	// pallyv   -0.0448
	// pallyvq  -0.0870
	// pallyb    0.0625
	// kallyv   -0.0776
	// kallyb    0.0625
	// taub      0.0303
}
