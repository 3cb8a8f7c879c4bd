package similarity

import "math"

// The all-dyad engine never builds vectors: for a pair of states it counts
// the positions into the 4×4 table of (code of i, code of j), once by count
// and once by capability weight, and every measure follows from those 16
// cells in constant time. The functions here are that second half; the
// tests check them against the vector functions in measures.go.

// Levels of the two alliance codings.
const (
	valuedLevels = 4 // 0..3
	binaryLevels = 2 // 0..1
)

// table is a levels×levels joint distribution, cell [a*levels+b] holding the
// count or weight of positions where the first state has a and the second b.
type table struct {
	cell   [16]float64
	levels int
}

// deltas[dist][levels] is the matrix δ(a, b) for codes 0..levels−1 on the
// scale m = levels−1.
var deltas = func() (d [3][5][16]float64) {
	for _, dist := range []Distance{Absolute, Squared, Nominal} {
		for _, l := range []int{binaryLevels, valuedLevels} {
			for a := 0; a < l; a++ {
				for b := 0; b < l; b++ {
					d[dist][l][a*l+b] = dist.delta(float64(a), float64(b), MaxDistance(l-1))
				}
			}
		}
	}
	return d
}()

// binary collapses a valued table to the binary coding (any obligation).
func (t *table) binary() table {
	b := table{levels: binaryLevels}
	for a := 0; a < valuedLevels; a++ {
		for c := 0; c < valuedLevels; c++ {
			i := 0
			if a > 0 {
				i = 2
			}
			if c > 0 {
				i++
			}
			b.cell[i] += t.cell[a*valuedLevels+c]
		}
	}
	return b
}

func (t *table) total() float64 {
	var s float64
	for i := 0; i < t.levels*t.levels; i++ {
		s += t.cell[i]
	}
	return s
}

// s is Signorino and Ritter's S of the table.
func (t *table) s(dist Distance) float64 {
	d := &deltas[dist][t.levels]
	var num, den float64
	for i := 0; i < t.levels*t.levels; i++ {
		num += d[i] * t.cell[i]
		den += t.cell[i]
	}
	if den == 0 {
		return math.NaN()
	}
	return 1 - 2*num/den
}

// chance returns Cohen's κ (pooled false) or Scott's π (pooled true).
func (t *table) chance(dist Distance, pooled bool) float64 {
	l := t.levels
	d := &deltas[dist][l]
	var p, q [valuedLevels]float64
	var do, total float64
	for a := 0; a < l; a++ {
		for b := 0; b < l; b++ {
			c := t.cell[a*l+b]
			p[a] += c
			q[b] += c
			do += d[a*l+b] * c
			total += c
		}
	}
	if total == 0 {
		return math.NaN()
	}
	if pooled {
		for a := 0; a < l; a++ {
			m := (p[a] + q[a]) / 2
			p[a], q[a] = m, m
		}
	}
	var de float64
	for a := 0; a < l; a++ {
		for b := 0; b < l; b++ {
			de += d[a*l+b] * p[a] * q[b]
		}
	}
	if de == 0 {
		return math.NaN()
	}
	// Both sums carry a factor total² and total, so divide once.
	return 1 - (do*total)/de
}

// tauB is Kendall's τ_b from a table of counts: pairs of positions in cells
// (a, b) and (a', b') with a' > a are concordant when b' > b, discordant
// when b' < b.
func (t *table) tauB() float64 {
	l := t.levels
	var conc, disc, n, tx, ty float64
	var q [valuedLevels]float64
	// below[b] accumulates the counts of rows a' > a, walking a downward.
	var below [valuedLevels]float64
	for a := l - 1; a >= 0; a-- {
		var r float64
		for b := 0; b < l; b++ {
			c := t.cell[a*l+b]
			if c == 0 {
				continue
			}
			var hi, lo float64
			for bb := 0; bb < l; bb++ {
				if bb > b {
					hi += below[bb]
				} else if bb < b {
					lo += below[bb]
				}
			}
			conc += c * hi
			disc += c * lo
			r += c
			q[b] += c
		}
		for b := 0; b < l; b++ {
			below[b] += t.cell[a*l+b]
		}
		tx += r * (r - 1) / 2
		n += r
	}
	for b := 0; b < l; b++ {
		ty += q[b] * (q[b] - 1) / 2
	}
	n0 := n * (n - 1) / 2
	den := math.Sqrt(n0-tx) * math.Sqrt(n0-ty)
	if den == 0 {
		return math.NaN()
	}
	return (conc - disc) / den
}
