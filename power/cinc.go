package power

import (
	"fmt"
	"math"
	"sort"
	"sync"

	"github.com/casus-dev/casus/world"
)

// Index is one NMC release with every state-year's CINC recomputed from
// its six components. It is immutable once built and safe for concurrent
// use; Recompute caches one Index per *world.Capabilities.
type Index struct {
	Caps *world.Capabilities
	// CINC holds the recomputed index, parallel to Caps.Rows; NaN when
	// the state-year has no component at all.
	CINC []float64
	// Used counts the components each row's CINC averages over (0–6).
	Used []uint8
	// Years run First..Last of the release; totals and byYear are indexed
	// by year − first (NMC years are contiguous, and a slice beats a map
	// on the per-row path).
	first  int
	totals [][6]float64
	byYear [][]int // row indices of each year, in Caps.Rows order
}

var cache sync.Map // *world.Capabilities → *Index

// Recompute returns the Index of caps, building it on first use. The rule
// (NMC's own, see the package comment): a component's system total in a
// year is the sum over the states that report it; a state's share of a
// component is its value over that total; the state's CINC is the mean of
// its shares over the components it reports. A component nobody reports
// in a year has no total (NaN) and is skipped.
func Recompute(caps *world.Capabilities) *Index {
	if caps == nil {
		// No release: an empty index, so callers answer "missing".
		return build(&world.Capabilities{})
	}
	if v, ok := cache.Load(caps); ok {
		return v.(*Index)
	}
	ix := build(caps)
	v, _ := cache.LoadOrStore(caps, ix)
	return v.(*Index)
}

func build(caps *world.Capabilities) *Index {
	first, last := 0, -1
	for i := range caps.Rows {
		y := caps.Rows[i].Year
		if i == 0 || y < first {
			first = y
		}
		if i == 0 || y > last {
			last = y
		}
	}
	n := last - first + 1
	ix := &Index{
		Caps:   caps,
		CINC:   make([]float64, len(caps.Rows)),
		Used:   make([]uint8, len(caps.Rows)),
		first:  first,
		totals: make([][6]float64, n),
		byYear: make([][]int, n),
	}
	// A total is NaN until some state reports the component, so "nobody
	// reports it" stays distinguishable from a true zero sum.
	nan := math.NaN()
	for i := range ix.totals {
		ix.totals[i] = [6]float64{nan, nan, nan, nan, nan, nan}
	}
	perYear := make([]int, n)
	for i := range caps.Rows {
		perYear[caps.Rows[i].Year-first]++
	}
	for y, c := range perYear {
		ix.byYear[y] = make([]int, 0, c)
	}
	for i := range caps.Rows {
		r := &caps.Rows[i]
		t := &ix.totals[r.Year-first]
		for k, v := range r.Components() {
			if world.Missing(v) {
				continue
			}
			if math.IsNaN(t[k]) {
				t[k] = 0
			}
			t[k] += v
		}
		ix.byYear[r.Year-first] = append(ix.byYear[r.Year-first], i)
	}
	for i := range caps.Rows {
		r := &caps.Rows[i]
		ix.CINC[i], ix.Used[i] = cinc(r.Components(), ix.totals[r.Year-first])
	}
	return ix
}

// version is the release name of caps, "" for none.
func version(caps *world.Capabilities) string {
	if caps == nil {
		return ""
	}
	return caps.Version
}

// year returns the slot of y, or −1 outside the release.
func (ix *Index) year(y int) int {
	if y < ix.first || y-ix.first >= len(ix.totals) {
		return -1
	}
	return y - ix.first
}

// cinc averages the shares of the reported components. A zero system total
// (possible for milex in a year when every state spends nothing) gives no
// information about relative capability, so that component is skipped
// rather than divided by zero.
func cinc(comp, total [6]float64) (float64, uint8) {
	var sum float64
	var n uint8
	for k, v := range comp {
		if world.Missing(v) || math.IsNaN(total[k]) || total[k] == 0 {
			continue
		}
		sum += v / total[k]
		n++
	}
	if n == 0 {
		return math.NaN(), 0
	}
	return sum / float64(n), n
}

// Totals returns the system total of each component in year: the sum over
// the states that report it, NaN when none does or the year is outside the
// release.
func (ix *Index) Totals(year int) [6]float64 {
	i := ix.year(year)
	if i < 0 {
		return [6]float64{math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN()}
	}
	return ix.totals[i]
}

// Get returns the recomputed CINC of state code in year and whether the
// release has that state-year. A state-year outside the release is NaN.
func (ix *Index) Get(code, year int) (float64, bool) {
	for _, i := range ix.Rows(year) {
		if ix.Caps.Rows[i].Code == code {
			return ix.CINC[i], true
		}
	}
	return math.NaN(), false
}

// Rows returns the indices into Caps.Rows (and CINC) of year's state-years.
// The slice is shared: do not modify it.
func (ix *Index) Rows(year int) []int {
	if i := ix.year(year); i >= 0 {
		return ix.byYear[i]
	}
	return nil
}

// SystemSum is the sum of the recomputed CINC over year's state-years: 1
// only when no state misses a component (NMC's averaging over reported
// components makes it drift, up to 1.0747 in 1860). NaN outside the
// release.
func (ix *Index) SystemSum(year int) float64 {
	rows := ix.Rows(year)
	if len(rows) == 0 {
		return math.NaN()
	}
	var s float64
	for _, i := range rows {
		if !math.IsNaN(ix.CINC[i]) {
			s += ix.CINC[i]
		}
	}
	return s
}

// Mismatch is a state-year whose recomputed CINC differs from the
// published one by more than the tolerance asked for.
type Mismatch struct {
	Code, Year int
	Published  float64
	Recomputed float64
	// Missing names the components the state-year does not report.
	Missing []string
	// Reason is a short explanation for the README.
	Reason string
}

func (m Mismatch) String() string {
	return fmt.Sprintf("%d %d: published %.9g, recomputed %.9g (missing %v): %s",
		m.Code, m.Year, m.Published, m.Recomputed, m.Missing, m.Reason)
}

// Mismatches lists the state-years where the recomputed CINC and the
// published one differ by more than tol (or where exactly one of them is
// missing), ordered by year then code. On NMC 6.0 and 7.0 the list is
// empty at tol = 1e-4 and at 1e-7: the largest difference is 2.4e-8,
// the rounding of the published figures.
func Mismatches(caps *world.Capabilities, tol float64) []Mismatch {
	ix := Recompute(caps)
	var out []Mismatch
	for i := range caps.Rows {
		r := &caps.Rows[i]
		pub, rec := r.CINC, ix.CINC[i]
		var reason string
		switch {
		case math.IsNaN(pub) && math.IsNaN(rec):
			continue
		case math.IsNaN(pub):
			reason = "the release publishes no cinc for a state-year with components"
		case math.IsNaN(rec):
			reason = "the release publishes a cinc although every component is missing"
		case math.Abs(pub-rec) <= tol:
			continue
		case ix.Used[i] < 6:
			reason = "differs where components are missing: the release may treat them differently"
		default:
			reason = "differs with all six components present: a revised component or a typo in the release"
		}
		var miss []string
		for k, v := range r.Components() {
			if world.Missing(v) {
				miss = append(miss, world.ComponentNames[k])
			}
		}
		out = append(out, Mismatch{Code: r.Code, Year: r.Year, Published: pub, Recomputed: rec, Missing: miss, Reason: reason})
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Year != out[b].Year {
			return out[a].Year < out[b].Year
		}
		return out[a].Code < out[b].Code
	})
	return out
}

// LatestYear is the data year used for a request about year: year itself
// when the release covers it, else the release's last year when year lies
// after it. It reports false for a year before the release starts (there
// is no earlier data to fall back on) or for an empty release.
func LatestYear(caps *world.Capabilities, year int) (int, bool) {
	if caps == nil || len(caps.Rows) == 0 || year < caps.First {
		return 0, false
	}
	if year > caps.Last {
		return caps.Last, true
	}
	return year, true
}
