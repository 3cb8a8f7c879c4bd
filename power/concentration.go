package power

import (
	"math"
	"sort"

	"github.com/casus-dev/casus/world"
)

// CON is Singer, Bremer & Stuckey's (1972) concentration of capability
// among N powers with shares s (which must sum to 1):
//
//	CON = sqrt((Σ s² − 1/N) / (1 − 1/N))
//
// 0 when the shares are equal, 1 when one power holds everything. It is NaN
// for fewer than two powers (the formula divides by zero: concentration
// among one power is undefined) or when a share is NaN.
func CON(shares []float64) float64 {
	if len(shares) < 2 {
		return math.NaN()
	}
	// Σ s² − 1/N equals Σ (s − 1/N)² when the shares sum to 1; the sum of
	// squared deviations is exactly 0 for equal shares, where the textbook
	// form leaves a rounding residue of 1e-17 whose square root is 6e-9.
	n := float64(len(shares))
	var ss float64
	for _, s := range shares {
		d := s - 1/n
		ss += d * d
	}
	return math.Sqrt(ss / (1 - 1/n))
}

// EffectivePoles is the effective number of poles 1/Σ s² (the inverse
// Herfindahl index; Laakso & Taagepera's effective number applied to
// powers): N for N equal powers, 1 for a single one. NaN for no shares.
func EffectivePoles(shares []float64) float64 {
	if len(shares) == 0 {
		return math.NaN()
	}
	var ss float64
	for _, s := range shares {
		ss += s * s
	}
	return 1 / ss
}

// Polarity labels the distribution of capability among the major powers.
type Polarity string

const (
	Unipolar   Polarity = "unipolar"
	Bipolar    Polarity = "bipolar"
	Multipolar Polarity = "multipolar"
	// NoPolarity is the label when the majors or their capabilities are
	// missing.
	NoPolarity Polarity = ""
)

// PolarityRule states the rule PolarityOf applies, in the words outputs
// print beside the label; PolarityCaveat says what the label rests on.
const (
	PolarityRule   = "unipolar if the leading major holds ≥ 50% of the majors' CINC (and more than the second); bipolar if the top two each hold ≥ 25% and together ≥ 50%; multipolar otherwise"
	PolarityCaveat = "thresholds of the long-cycle operationalisation (Thompson 1986; Rapkin, Thompson & Christopherson 1979) applied to CINC shares among the COW majors, not to naval power as there; CINC weighs population and heavy industry and ignores nuclear weapons and technology, so it calls the US a unipole in 1945–1948 and, on NMC 7.0 with 2016's majors carried forward, China one from 2018 (China holds about half the majors' CINC by population and industry, not by reach); the thresholds are quoted from memory of those papers"
)

// Thresholds of PolarityOf (see the package comment for the source).
const (
	UnipoleShare = 0.50 // the leader's share of the majors' capability
	BipoleShare  = 0.25 // each of the top two, which together hold ≥ 0.50
)

// PolarityOf labels shares among the major powers (they must sum to 1):
// unipolar when the largest is ≥ 0.50 (and larger than the second, so two
// equal halves are bipolar); bipolar when the two largest each
// hold ≥ 0.25 and together ≥ 0.50; multipolar otherwise. The order of
// shares does not matter. NoPolarity for no shares or a NaN share. The
// thresholds assume several majors: with two, any unequal pair is unipolar
// (COW's system has four to eight majors in every year 1816–2016).
func PolarityOf(shares []float64) Polarity {
	if len(shares) == 0 {
		return NoPolarity
	}
	s := append([]float64(nil), shares...)
	for _, v := range s {
		if math.IsNaN(v) {
			return NoPolarity
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(s)))
	switch {
	case s[0] >= UnipoleShare && (len(s) == 1 || s[0] > s[1]):
		return Unipolar
	case len(s) >= 2 && s[1] >= BipoleShare && s[0]+s[1] >= UnipoleShare:
		return Bipolar
	}
	return Multipolar
}

// Major is one major power in a year.
type Major struct {
	Code int
	Abb  string
	// CINC is the recomputed CINC (share of the system's capability).
	CINC float64
	// Share is CINC over the majors' summed CINC.
	Share float64
}

// SystemYear describes the great-power system in one year. Missing numbers
// are NaN, which encoding/json rejects: interfaces format the fields
// themselves (cmd/casus writes missing as an empty cell or null).
type SystemYear struct {
	Year    int
	Version string // NMC release
	// Covered is false when the release has no data for the year: every
	// number is then NaN.
	Covered bool
	// States counts the release's state-years in the year.
	States int
	// SystemCINC sums the recomputed CINC over all states (not exactly 1).
	SystemCINC float64
	// MajorsKnown is false after the COW majors data end (2016): the
	// majors are then missing, unless SystemCarried carried them forward.
	MajorsKnown bool
	// MajorsFrom is the year whose COW majors list is used: Year itself,
	// or the last year of the majors data when SystemCarried carried the
	// list forward (an assumption every output flags); 0 when unknown.
	MajorsFrom int
	// Majors are the COW majors of the year, by CINC, largest first.
	Majors []Major
	// MajorCINC is the majors' summed CINC.
	MajorCINC float64
	CON       float64
	Poles     float64
	Polarity  Polarity
}

// MajorsEnd returns the last day w's major-power data cover: w.MajorsEnd
// when the loader set it, else the latest end of a major spell (majors2016
// closes every running spell on 2016-12-31, the day its coverage stops). A
// spell with an open end then makes the coverage that of the membership
// data, MembershipEnd (0 = unbounded).
func MajorsEnd(w *world.World) world.Date {
	if w.MajorsEnd != 0 {
		return w.MajorsEnd
	}
	var end world.Date
	for _, m := range w.Majors {
		if m.Spell.End == 0 {
			return w.MembershipEnd
		}
		if m.Spell.End > end {
			end = m.Spell.End
		}
	}
	return end
}

// MajorsIn returns the COW majors of year, by code: a state counts when it
// is a major on at least one day of the year (so Germany counts in 1918,
// the year its status ended on 11 November, and France in 1940 and 1945).
// known is false when year lies after the majors data end, or when w has
// no major-power data at all.
func MajorsIn(w *world.World, year int) (codes []int, known bool) {
	if len(w.Majors) == 0 {
		// Majors not loaded: unknown, not "no major powers".
		return nil, false
	}
	if end := MajorsEnd(w); end != 0 && world.D(year, 1, 1) > end {
		return nil, false
	}
	seen := map[int]bool{}
	for _, m := range w.Majors {
		if m.Spell.InYear(year) && !seen[m.Code] {
			seen[m.Code] = true
			codes = append(codes, m.Code)
		}
	}
	sort.Ints(codes)
	return codes, true
}

// System computes the great-power system of year from w's majors and caps.
// A major without a CINC that year leaves CON, poles and polarity missing
// (NaN, NoPolarity) rather than silently dropping that power.
func System(w *world.World, caps *world.Capabilities, year int) SystemYear {
	ix := Recompute(caps)
	sy := SystemYear{Year: year, Version: version(caps), SystemCINC: math.NaN(),
		MajorCINC: math.NaN(), CON: math.NaN(), Poles: math.NaN()}
	rows := ix.Rows(year)
	sy.Covered = len(rows) > 0
	sy.States = len(rows)
	if sy.Covered {
		sy.SystemCINC = ix.SystemSum(year)
	}
	codes, known := MajorsIn(w, year)
	return systemWith(sy, w, ix, year, codes, known, year)
}

// SystemCarried is System for a year after the majors data end, with the
// majors of their last year (2016) carried forward and the capabilities of
// year itself: MajorsFrom says which list was used. For a year the majors
// data cover it is System.
func SystemCarried(w *world.World, caps *world.Capabilities, year int) SystemYear {
	if _, known := MajorsIn(w, year); known || len(w.Majors) == 0 {
		return System(w, caps, year)
	}
	last := MajorsEnd(w).Year()
	ix := Recompute(caps)
	sy := SystemYear{Year: year, Version: version(caps), SystemCINC: math.NaN(),
		MajorCINC: math.NaN(), CON: math.NaN(), Poles: math.NaN()}
	rows := ix.Rows(year)
	sy.Covered = len(rows) > 0
	sy.States = len(rows)
	if sy.Covered {
		sy.SystemCINC = ix.SystemSum(year)
	}
	codes, known := MajorsIn(w, last)
	return systemWith(sy, w, ix, year, codes, known, last)
}

func systemWith(sy SystemYear, w *world.World, ix *Index, year int, codes []int, known bool, from int) SystemYear {
	sy.MajorsKnown = known
	if !known {
		return sy
	}
	sy.MajorsFrom = from
	complete := sy.Covered
	sum := 0.0
	for _, c := range codes {
		m := Major{Code: c, CINC: math.NaN(), Share: math.NaN()}
		if s, ok := w.State(c); ok {
			m.Abb = s.Abb
		}
		if v, ok := ix.Get(c, year); ok && !math.IsNaN(v) {
			m.CINC = v
			sum += v
		} else {
			complete = false
		}
		sy.Majors = append(sy.Majors, m)
	}
	sort.SliceStable(sy.Majors, func(a, b int) bool {
		x, y := sy.Majors[a].CINC, sy.Majors[b].CINC
		if math.IsNaN(y) {
			return !math.IsNaN(x)
		}
		return x > y
	})
	if !complete || len(codes) == 0 {
		return sy
	}
	sy.MajorCINC = sum
	shares := make([]float64, len(sy.Majors))
	for i := range sy.Majors {
		sy.Majors[i].Share = sy.Majors[i].CINC / sum
		shares[i] = sy.Majors[i].Share
	}
	sy.CON = CON(shares)
	sy.Poles = EffectivePoles(shares)
	sy.Polarity = PolarityOf(shares)
	return sy
}

// Series computes System for every year from..to (inclusive).
func Series(w *world.World, caps *world.Capabilities, from, to int) []SystemYear {
	if to < from {
		return nil
	}
	out := make([]SystemYear, 0, to-from+1)
	for y := from; y <= to; y++ {
		out = append(out, System(w, caps, y))
	}
	return out
}
