package similarity

import (
	"fmt"
	"math"
	"sort"
)

// MaxDistance is the largest possible distance between two positions on one
// dimension. It comes from the coding (3 for the valued alliance code 0–3,
// 1 for the binary one), never from the values observed: two states that
// happen to use only codes 0 and 1 are not thereby maximally apart at 1.
type MaxDistance float64

// The maximum distances of the alliance codings this package uses.
const (
	Valued MaxDistance = 3 // ATOP valued alliance code 0..3
	Binary MaxDistance = 1 // any obligation 0/1
)

// Distance chooses the disagreement δ between two positions a and b on a
// dimension with maximum distance m.
type Distance int

const (
	// Absolute: δ = |a−b| / m (Signorino and Ritter's S; linear weights).
	Absolute Distance = iota
	// Squared: δ = (|a−b| / m)² (quadratic weights).
	Squared
	// Nominal: δ = 0 when a = b, else 1 (the unweighted κ and π).
	Nominal
)

func (d Distance) String() string {
	switch d {
	case Absolute:
		return "absolute"
	case Squared:
		return "squared"
	case Nominal:
		return "nominal"
	}
	return fmt.Sprintf("Distance(%d)", int(d))
}

func (d Distance) delta(a, b float64, m MaxDistance) float64 {
	switch d {
	case Absolute:
		return math.Abs(a-b) / float64(m)
	case Squared:
		r := (a - b) / float64(m)
		return r * r
	case Nominal:
		if a == b {
			return 0
		}
		return 1
	}
	panic("similarity: unknown Distance " + d.String())
}

// check panics on a programming error: vectors of different lengths, weights
// that do not fit, a non-positive maximum distance.
func check(fn string, x, y, w []float64, m MaxDistance) {
	if len(x) != len(y) {
		panic(fmt.Sprintf("similarity.%s: len(x) = %d, len(y) = %d", fn, len(x), len(y)))
	}
	if w != nil && len(w) != len(x) {
		panic(fmt.Sprintf("similarity.%s: len(w) = %d, want len(x) = %d or nil", fn, len(w), len(x)))
	}
	if !(m > 0) {
		panic(fmt.Sprintf("similarity.%s: MaxDistance %v, want > 0", fn, float64(m)))
	}
}

// weightAt returns the weight of position k (1 without weights) and whether
// the position takes part: it does not when x, y or the weight is NaN.
func weightAt(x, y, w []float64, k int) (float64, bool) {
	if math.IsNaN(x[k]) || math.IsNaN(y[k]) {
		return 0, false
	}
	if w == nil {
		return 1, true
	}
	if math.IsNaN(w[k]) {
		return 0, false
	}
	if w[k] < 0 {
		panic(fmt.Sprintf("similarity: weight %d is %v, want ≥ 0", k, w[k]))
	}
	return w[k], true
}

// S is Signorino and Ritter's (1999) similarity of two portfolios x and y,
// S = 1 − 2·Σ_k w_k·δ(x_k, y_k) / Σ_k w_k, in [−1, 1]. With w nil every
// position weighs 1 (the unweighted S); with capability weights the sum of
// the weights divides, because CINC shares never sum to exactly 1.
//
// A position where x, y or w is NaN is skipped (complete cases). S is NaN
// when no position with positive total weight remains. S panics if the
// lengths differ or m ≤ 0.
func S(x, y []float64, m MaxDistance, dist Distance, w []float64) float64 {
	check("S", x, y, w, m)
	var num, den float64
	for k := range x {
		wk, ok := weightAt(x, y, w, k)
		if !ok {
			continue
		}
		num += wk * dist.delta(x[k], y[k], m)
		den += wk
	}
	if den == 0 {
		return math.NaN()
	}
	return 1 - 2*num/den
}

// SDims is S over positions that lie on different dimensions, each with its
// own maximum distance m[k] — alliances (m = 3) and UN votes (m = 2) in one
// score, as in Signorino and Ritter's worked example.
func SDims(x, y []float64, m []MaxDistance, dist Distance, w []float64) float64 {
	if len(m) != len(x) {
		panic(fmt.Sprintf("similarity.SDims: len(m) = %d, want len(x) = %d", len(m), len(x)))
	}
	check("SDims", x, y, w, 1)
	var num, den float64
	for k := range x {
		if !(m[k] > 0) {
			panic(fmt.Sprintf("similarity.SDims: m[%d] = %v, want > 0", k, float64(m[k])))
		}
		wk, ok := weightAt(x, y, w, k)
		if !ok {
			continue
		}
		num += wk * dist.delta(x[k], y[k], m[k])
		den += wk
	}
	if den == 0 {
		return math.NaN()
	}
	return 1 - 2*num/den
}

// Kappa is Cohen's κ for two portfolios as Häge (2011) adapts it to foreign
// policy similarity: κ = 1 − D_o / D_e, with the observed disagreement
// D_o = Σ_k w_k·δ(x_k, y_k) / Σ w and the disagreement expected by chance
// from each state's own distribution of positions,
// D_e = Σ_a Σ_b δ(a, b)·p_x(a)·p_y(b), where p_x(a) is the (weighted)
// share of positions at which x takes the value a. It corrects for the two
// states' different numbers of ties. With Nominal it is Cohen's (1960)
// kappa; with Absolute or Squared Cohen's (1968) weighted kappa with linear
// or quadratic weights on the scale of m.
//
// NaN positions are skipped as in S. κ is NaN when D_e = 0 (both
// portfolios constant) or no position remains.
func Kappa(x, y []float64, m MaxDistance, dist Distance, w []float64) float64 {
	check("Kappa", x, y, w, m)
	return chanceCorrected(x, y, m, dist, w, false)
}

// Pi is Scott's π for two portfolios (Häge 2011): like Kappa, but the
// expected disagreement comes from the pooled distribution of both states'
// positions, p̄(a) = (p_x(a) + p_y(a)) / 2, as if both drew from one
// distribution: D_e = Σ_a Σ_b δ(a, b)·p̄(a)·p̄(b).
func Pi(x, y []float64, m MaxDistance, dist Distance, w []float64) float64 {
	check("Pi", x, y, w, m)
	return chanceCorrected(x, y, m, dist, w, true)
}

// A is Benati and Capurri's (2026) chance-corrected similarity, as fpsim
// 0.2.0 publishes it: A = S(o) − S(e), where S(o) is the ordinary S of the
// two portfolios (the S of their joint table) and S(e) the S of the table
// formed from the product of that table's two marginals — the S two states
// would reach by drawing their positions independently from their own
// distributions. With D_o and D_e as in Kappa, A = 2·(D_e − D_o): κ divides
// by the chance disagreement, A subtracts it, so A keeps S's scale and is 0
// when the two portfolios agree no more than chance.
//
// Weights, distances and NaN positions are handled as in S and Kappa; A
// is NaN when no position with positive weight remains.
func A(x, y []float64, m MaxDistance, dist Distance, w []float64) float64 {
	check("A", x, y, w, m)
	do, de, ok := disagreements(x, y, m, dist, w, false)
	if !ok {
		return math.NaN()
	}
	return 2 * (de - do)
}

func chanceCorrected(x, y []float64, m MaxDistance, dist Distance, w []float64, pooled bool) float64 {
	do, de, ok := disagreements(x, y, m, dist, w, pooled)
	if !ok || de == 0 {
		return math.NaN()
	}
	return 1 - do/de
}

// disagreements returns the observed disagreement D_o and the one expected
// by chance D_e, from each state's own distribution of positions (pooled
// false) or from the pooled one; ok is false when no position remains.
func disagreements(x, y []float64, m MaxDistance, dist Distance, w []float64, pooled bool) (do, de float64, ok bool) {
	// Distinct values stand for the categories; a category nobody uses has
	// zero share and adds nothing to D_e, so the full category set need not
	// be known.
	cat := map[float64]int{}
	var px, py []float64
	var total float64
	id := func(v float64) int {
		i, ok := cat[v]
		if !ok {
			i = len(px)
			cat[v] = i
			px = append(px, 0)
			py = append(py, 0)
		}
		return i
	}
	for k := range x {
		wk, ok := weightAt(x, y, w, k)
		if !ok {
			continue
		}
		px[id(x[k])] += wk
		py[id(y[k])] += wk
		do += wk * dist.delta(x[k], y[k], m)
		total += wk
	}
	if total == 0 {
		return 0, 0, false
	}
	vals := make([]float64, len(px))
	for v, i := range cat {
		vals[i] = v
	}
	if pooled {
		for i := range px {
			p := (px[i] + py[i]) / 2
			px[i], py[i] = p, p
		}
	}
	for a := range vals {
		for b := range vals {
			de += dist.delta(vals[a], vals[b], m) * px[a] * py[b]
		}
	}
	return do / total, de / (total * total), true
}

// TauB is Kendall's τ_b of two portfolios, the association measure Bueno de
// Mesquita (1975) applied to alliance portfolios: with n_c concordant and
// n_d discordant pairs of positions, n_0 = n(n−1)/2 pairs, n_x pairs tied on
// x and n_y pairs tied on y,
//
//	τ_b = (n_c − n_d) / √((n_0 − n_x)(n_0 − n_y)),
//
// the textbook tau-b with tie correction that R's cor(method = "kendall")
// and SciPy's kendalltau compute — not gonum's stat.Kendall, which counts
// ties as concordant. It takes O(n log n) (Knight 1966). Positions where x
// or y is NaN are skipped; τ_b is NaN when either vector is constant.
func TauB(x, y []float64) float64 {
	if len(x) != len(y) {
		panic(fmt.Sprintf("similarity.TauB: len(x) = %d, len(y) = %d", len(x), len(y)))
	}
	type pair struct{ x, y float64 }
	ps := make([]pair, 0, len(x))
	for k := range x {
		if !math.IsNaN(x[k]) && !math.IsNaN(y[k]) {
			ps = append(ps, pair{x[k], y[k]})
		}
	}
	n := int64(len(ps))
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].x != ps[j].x {
			return ps[i].x < ps[j].x
		}
		return ps[i].y < ps[j].y
	})
	// Ties on x, and joint ties on (x, y), in the (x, y)-sorted order.
	var tx, txy int64
	for i := 0; i < len(ps); {
		j := i
		for j < len(ps) && ps[j].x == ps[i].x {
			j++
		}
		t := int64(j - i)
		tx += t * (t - 1) / 2
		for a := i; a < j; {
			b := a
			for b < j && ps[b].y == ps[a].y {
				b++
			}
			u := int64(b - a)
			txy += u * (u - 1) / 2
			a = b
		}
		i = j
	}
	// A stable merge sort on y counts the swaps: each is a pair ordered one
	// way on x and the other way on y, i.e. a discordant pair.
	ys := make([]float64, len(ps))
	for i, p := range ps {
		ys[i] = p.y
	}
	swaps := mergeCount(ys, make([]float64, len(ys)))
	var ty int64
	for i := 0; i < len(ys); {
		j := i
		for j < len(ys) && ys[j] == ys[i] {
			j++
		}
		t := int64(j - i)
		ty += t * (t - 1) / 2
		i = j
	}
	n0 := n * (n - 1) / 2
	// n_c − n_d = n0 − tx − ty + txy − 2·swaps.
	num := float64(n0 - tx - ty + txy - 2*swaps)
	den := math.Sqrt(float64(n0-tx)) * math.Sqrt(float64(n0-ty))
	if den == 0 {
		return math.NaN()
	}
	return num / den
}

// mergeCount sorts a ascending (stably) and returns the number of pairs i<j
// with a[i] > a[j].
func mergeCount(a, buf []float64) int64 {
	if len(a) < 2 {
		return 0
	}
	mid := len(a) / 2
	c := mergeCount(a[:mid], buf[:mid]) + mergeCount(a[mid:], buf[mid:])
	copy(buf, a)
	l, r, k := 0, mid, 0
	for l < mid && r < len(a) {
		if buf[r] < buf[l] {
			a[k] = buf[r]
			c += int64(mid - l)
			r++
		} else {
			a[k] = buf[l]
			l++
		}
		k++
	}
	for l < mid {
		a[k] = buf[l]
		l++
		k++
	}
	for r < len(a) {
		a[k] = buf[r]
		r++
		k++
	}
	return c
}
