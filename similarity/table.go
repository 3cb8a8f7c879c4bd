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

// marginals returns the table's row and column sums p and q, its observed
// disagreement sum do under the distance matrix d, and its total.
func (t *table) marginals(d *[16]float64) (p, q [valuedLevels]float64, do, total float64) {
	l := t.levels
	for a := 0; a < l; a++ {
		for b := 0; b < l; b++ {
			c := t.cell[a*l+b]
			p[a] += c
			q[b] += c
			do += d[a*l+b] * c
			total += c
		}
	}
	return p, q, do, total
}

// expected is the disagreement sum Σ δ(a, b)·p(a)·q(b) of two marginals.
func (t *table) expected(d *[16]float64, p, q *[valuedLevels]float64) float64 {
	l := t.levels
	var de float64
	for a := 0; a < l; a++ {
		for b := 0; b < l; b++ {
			de += d[a*l+b] * p[a] * q[b]
		}
	}
	return de
}

// chance returns Cohen's κ (pooled false) or Scott's π (pooled true).
func (t *table) chance(dist Distance, pooled bool) float64 {
	d := &deltas[dist][t.levels]
	p, q, do, total := t.marginals(d)
	if total == 0 {
		return math.NaN()
	}
	if pooled {
		for a := 0; a < t.levels; a++ {
			m := (p[a] + q[a]) / 2
			p[a], q[a] = m, m
		}
	}
	de := t.expected(d, &p, &q)
	if de == 0 {
		return math.NaN()
	}
	// Both sums carry a factor total² and total, so divide once.
	return 1 - (do*total)/de
}

// a is Benati and Capurri's A = S(o) − S(e): the S of the table minus the
// S of the table its two marginals would give if the states chose
// independently.
func (t *table) a(dist Distance) float64 {
	d := &deltas[dist][t.levels]
	p, q, do, total := t.marginals(d)
	if total == 0 {
		return math.NaN()
	}
	return 2 * (t.expected(d, &p, &q)/(total*total) - do/total)
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

// Integer distances of the valued codes a, b = cell / 4, cell % 4.
var absDist, sqDist, offBinary = func() (abs, sq, off [16]int64) {
	for c := 0; c < 16; c++ {
		a, b := int64(c>>2), int64(c&3)
		d := a - b
		abs[c] = max(d, -d)
		sq[c] = d * d
		if (a > 0) != (b > 0) {
			off[c] = 1
		}
	}
	return
}()

// measures computes every column for one pair from the 4×4 table of
// position counts cn and of capability weights cw (cell a<<2|b). It is the
// table methods above fused and reduced to integer moments, so all the
// unweighted measures are exact up to one final division: with row sums
// r_a, column sums c_b, N positions, S_x = Σ a·r_a, S_xx = Σ a²·r_a (and
// likewise for y), the quadratic expected disagreement is
// N(S_xx + S_yy) − 2·S_x·S_y for κ and N(S_xx + S_yy) − (S_x + S_y)²/2 for
// π (both times 9N² on the normalised scale).
func measures(cn *[16]int32, cw *[16]float64, out *[NumMeasures]float64) {
	var n, dabs, dsq, off int64
	var r, c [4]int64
	for i, v := range cn {
		x := int64(v)
		n += x
		dabs += x * absDist[i]
		dsq += x * sqDist[i]
		off += x * offBinary[i]
		r[i>>2] += x
		c[i&3] += x
	}
	nan := math.NaN()
	fn := float64(n)
	out[SallyVUA] = 1 - 2*float64(dabs)/(3*fn)
	out[SallyVUS] = 1 - 2*float64(dsq)/(9*fn)
	out[SallyBUA] = 1 - 2*float64(off)/fn
	out[SallyBUS] = out[SallyBUA]

	var w, wabs, wsq, woff float64
	for i, v := range cw {
		w += v
		wabs += v * float64(absDist[i])
		wsq += v * float64(sqDist[i])
		woff += v * float64(offBinary[i])
	}
	if w > 0 {
		out[SallyVWA] = 1 - 2*wabs/(3*w)
		out[SallyVWS] = 1 - 2*wsq/(9*w)
		out[SallyBWA] = 1 - 2*woff/w
		out[SallyBWS] = out[SallyBWA]
	} else {
		out[SallyVWA], out[SallyVWS], out[SallyBWA], out[SallyBWS] = nan, nan, nan, nan
	}

	var sx, sxx, sy, syy int64
	for a := int64(0); a < 4; a++ {
		sx += a * r[a]
		sxx += a * a * r[a]
		sy += a * c[a]
		syy += a * a * c[a]
	}
	ratio := func(num, den float64) float64 {
		if den == 0 {
			return nan
		}
		return 1 - num/den
	}
	out[KallyV] = ratio(float64(dsq*n), float64(n*(sxx+syy)-2*sx*sy))
	// (S_x + S_y)²/2 may be a half: double everything to stay in integers.
	out[PallyVQ] = ratio(float64(2*dsq*n), float64(2*n*(sxx+syy)-(sx+sy)*(sx+sy)))
	// Nominal pi: 1 − observed/expected disagreement with the pooled
	// marginals m_a = (r_a + c_a)/2n, i.e. 1 − 4n(n − D)/(4n² − Σ(r_a + c_a)²).
	var diag, pooled int64
	for a := 0; a < 4; a++ {
		diag += int64(cn[a<<2|a])
		pooled += (r[a] + c[a]) * (r[a] + c[a])
	}
	out[PallyV] = ratio(float64(4*n*(n-diag)), float64(4*n*n-pooled))

	// Binary: r1, c1 = positions where i, j have any obligation.
	r1, c1 := n-r[0], n-c[0]
	out[KallyB] = ratio(float64(off*n), float64(r[0]*c1+r1*c[0]))
	out[PallyB] = ratio(float64(2*off*n), float64((2*n-r1-c1)*(r1+c1)))

	// tau-b: below[b] = positions in rows a' > a with column b.
	var conc, disc, tx, ty int64
	var below [4]int64
	for a := 3; a >= 0; a-- {
		lo := int64(0) // Σ below[b'] for b' < b
		hi := below[0] + below[1] + below[2] + below[3]
		for b := 0; b < 4; b++ {
			hi -= below[b]
			x := int64(cn[a<<2|b])
			conc += x * hi
			disc += x * lo
			lo += below[b]
		}
		for b := 0; b < 4; b++ {
			below[b] += int64(cn[a<<2|b])
		}
		tx += r[a] * (r[a] - 1) / 2
		ty += c[a] * (c[a] - 1) / 2
	}
	n0 := n * (n - 1) / 2
	if den := math.Sqrt(float64(n0-tx)) * math.Sqrt(float64(n0-ty)); den > 0 {
		out[TauBAlly] = float64(conc-disc) / den
	} else {
		out[TauBAlly] = nan
	}

	// A = S(o) − S(e) = 2·(D_e − D_o), with D_e from the product of the
	// table's own marginals (as κ): over n² the expected sums stay integer.
	if n > 0 {
		var eabs int64
		for a := range 4 {
			for b := range 4 {
				eabs += absDist[a<<2|b] * r[a] * c[b]
			}
		}
		esq := n*(sxx+syy) - 2*sx*sy
		eoff := r[0]*c1 + r1*c[0]
		n2 := float64(n * n)
		out[AallyVUA] = 2 * float64(eabs-dabs*n) / (3 * n2)
		out[AallyVUS] = 2 * float64(esq-dsq*n) / (9 * n2)
		out[AallyBUA] = 2 * float64(eoff-off*n) / n2
		out[AallyBUS] = out[AallyBUA]
	} else {
		out[AallyVUA], out[AallyVUS], out[AallyBUA], out[AallyBUS] = nan, nan, nan, nan
	}
	if w > 0 {
		var wr, wc [4]float64
		for i, v := range cw {
			wr[i>>2] += v
			wc[i&3] += v
		}
		var weabs float64
		for a := range 4 {
			for b := range 4 {
				weabs += float64(absDist[a<<2|b]) * wr[a] * wc[b]
			}
		}
		woffe := wr[0]*(w-wc[0]) + (w-wr[0])*wc[0]
		out[AallyVWA] = 2 * (weabs/(3*w*w) - wabs/(3*w))
		out[AallyBWA] = 2 * (woffe/(w*w) - woff/w)
	} else {
		out[AallyVWA], out[AallyBWA] = nan, nan
	}
}
