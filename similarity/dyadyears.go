package similarity

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sort"

	"github.com/casus-dev/casus/world"
)

// Options chooses what DyadYears computes.
type Options struct {
	// First and Last bound the years (inclusive). Zero means the first
	// year of the state system (1816) and the last ATOP year (2018).
	First, Last int
	// NMC is the capability release for the weights ("6.0", "7.0"); ""
	// means the newest the World holds.
	NMC string
	// Workers is the number of years computed at once; 0 means
	// runtime.NumCPU().
	Workers int
	// Prepare, when set, is called on each finished year in the worker
	// goroutine, concurrently with other years and before emit sees it in
	// year order — the place to encode rows in parallel.
	Prepare func(*Year)
}

// Year holds the non-directed dyads (Code1 < Code2) of one year in order of
// Code1 then Code2, with one value slice per measure (NaN = missing).
type Year struct {
	Year         int
	Code1, Code2 []int32
	// Positions is the number of states in both portfolios of the pair.
	Positions []int32
	Values    [NumMeasures][]float64
	// Prepared holds what an Options.Prepare hook made of the year (a
	// writer's encoded rows); DyadYears itself leaves it alone.
	Prepared any
}

// Len returns the number of dyads in the year.
func (y *Year) Len() int { return len(y.Code1) }

// Dyad returns the year reduced to the row of the dyad (a, b), a < b, for
// the writers; ok is false when the two states share no day that year.
func (y *Year) Dyad(a, b int32) (one *Year, ok bool) {
	for d := range y.Code1 {
		if y.Code1[d] == a && y.Code2[d] == b {
			one = &Year{Year: y.Year, Code1: []int32{a}, Code2: []int32{b}, Positions: []int32{y.Positions[d]}}
			for m := range y.Values {
				one.Values[m] = []float64{y.Values[m][d]}
			}
			return one, true
		}
	}
	return nil, false
}

// Summary describes a finished run.
type Summary struct {
	First, Last int
	Rows        int
	// ATOP is the version of the ATOP directed dyad-year table ("5.1").
	ATOP string
	// NMC is the capability release used for the weights ("" when the World
	// holds none: then every weighted measure is missing).
	NMC string
	// CapFirst and CapLast are the years that release covers; weighted
	// measures are missing outside them.
	CapFirst, CapLast int
}

// Plan checks opt against w and returns the Summary a run would start
// with (years, NMC release and its coverage; Rows 0) without computing
// anything: callers need the NMC release for headers and the number of
// years for progress before the first year arrives.
func Plan(w *world.World, opt Options) (Summary, error) {
	_, sum, err := newEngine(w, &opt)
	return sum, err
}

// systemStart is the first year of the COW state system.
const systemStart = 1816

// DyadYears computes every measure for every non-directed dyad-year of the
// state system from the ATOP directed dyad-years in w, and calls emit once
// per year, in year order, from the calling goroutine. Years are computed
// in parallel. An error from emit or ctx stops the run and is returned.
func DyadYears(ctx context.Context, w *world.World, opt Options, emit func(*Year) error) (Summary, error) {
	e, sum, err := newEngine(w, &opt)
	if err != nil {
		return sum, err
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	nyears := opt.Last - opt.First + 1
	if workers > nyears {
		workers = nyears
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Each year lands in its own slot so emit can take them in order; the
	// token channel bounds how far workers run ahead of a slow writer.
	slots := make([]chan *Year, nyears)
	for i := range slots {
		slots[i] = make(chan *Year, 1)
	}
	tokens := make(chan struct{}, 2*workers)
	jobs := make(chan int)
	go func() {
		defer close(jobs)
		for i := 0; i < nyears; i++ {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range workers {
		go func() {
			s := &scratch{}
			for i := range jobs {
				y := e.year(opt.First+i, s)
				if opt.Prepare != nil {
					opt.Prepare(y)
				}
				slots[i] <- y
			}
		}()
	}
	for i := 0; i < nyears; i++ {
		// select picks at random among ready cases: check ctx first so a
		// cancelled run stops at once.
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		select {
		case y := <-slots[i]:
			if err := emit(y); err != nil {
				return sum, err
			}
			sum.Rows += y.Len()
			<-tokens
		case <-ctx.Done():
			return sum, ctx.Err()
		}
	}
	return sum, nil
}

// member is a state with its membership clipped to one year.
type member struct {
	code   int
	spells []world.Spell // inside the year, Start and End set
}

type engine struct {
	states []stateSpells
	// byYear[y-first] are the ATOP rows of year y.
	byYear  [][]world.AllianceDyadYear
	first   int
	caps    *world.Capabilities
	maxCode int
}

type stateSpells struct {
	code   int
	spells []world.Spell // End 0 = open
}

func newEngine(w *world.World, opt *Options) (*engine, Summary, error) {
	var sum Summary
	if w == nil || w.AllianceDyads == nil {
		return nil, sum, errors.New("similarity: the world has no ATOP directed dyad-year table (load atop5_1_ddyr_subset_peacesciencer.csv)")
	}
	if len(w.States) == 0 {
		return nil, sum, errors.New("similarity: the world has no state-system membership")
	}
	ad := w.AllianceDyads
	if opt.First == 0 {
		opt.First = max(systemStart, ad.First)
	}
	if opt.Last == 0 {
		opt.Last = ad.Last
	}
	if opt.First > opt.Last {
		return nil, sum, &InputError{fmt.Sprintf("years %d-%d: want the first year not after the last", opt.First, opt.Last)}
	}
	// ATOP starts in 1815 but the COW system, whose members are the
	// positions, in 1816: a year outside either has no portfolios at all
	// (unknown, not empty), so it is refused rather than emitted empty.
	lo := max(systemStart, ad.First)
	if opt.First < lo || opt.Last > ad.Last {
		return nil, sum, &InputError{fmt.Sprintf("years %d-%d: want years inside %d-%d (ATOP %s covers %d-%d, the COW state system starts in %d; outside them portfolios are unknown, not empty)",
			opt.First, opt.Last, lo, ad.Last, ad.Dataset.Version, ad.First, ad.Last, systemStart)}
	}
	sum.First, sum.Last = opt.First, opt.Last
	sum.ATOP = ad.Dataset.Version

	e := &engine{first: opt.First}
	if len(w.NMC) > 0 || opt.NMC != "" {
		c, ok := w.Capabilities(opt.NMC)
		if !ok {
			var have []string
			for v := range w.NMC {
				have = append(have, v)
			}
			sort.Strings(have)
			return nil, sum, &InputError{fmt.Sprintf("NMC release %q: want one of %v", opt.NMC, have)}
		}
		e.caps = c
		sum.NMC, sum.CapFirst, sum.CapLast = c.Version, c.First, c.Last
	}

	// A state can appear in several entries (statelist2024 gives Serbia a
	// new spell under Yugoslavia's code 345): merge by code.
	byCode := map[int]*stateSpells{}
	for i := range w.States {
		st := &w.States[i]
		ss := byCode[st.Code]
		if ss == nil {
			ss = &stateSpells{code: st.Code}
			byCode[st.Code] = ss
		}
		for k, sp := range st.Spells {
			if k == len(st.Spells)-1 && st.OpenEnded {
				sp.End = 0
			}
			ss.spells = append(ss.spells, sp)
		}
		e.maxCode = max(e.maxCode, st.Code)
	}
	for _, ss := range byCode {
		e.states = append(e.states, *ss)
	}
	sort.Slice(e.states, func(i, j int) bool { return e.states[i].code < e.states[j].code })

	e.byYear = make([][]world.AllianceDyadYear, opt.Last-opt.First+1)
	for _, r := range ad.Rows {
		if r.Year >= opt.First && r.Year <= opt.Last && r.A != r.B {
			e.byYear[r.Year-opt.First] = append(e.byYear[r.Year-opt.First], r)
		}
	}
	return e, sum, nil
}

// members returns the states that are system members on at least one day
// of year y, ascending by code, with their spells clipped to the year.
func (e *engine) members(y int) []member {
	lo, hi := world.D(y, 1, 1), world.D(y, 12, 31)
	var out []member
	for _, st := range e.states {
		var m member
		for _, sp := range st.spells {
			s, en := sp.Start, sp.End
			if s == 0 || s < lo {
				s = lo
			}
			if en == 0 || en > hi {
				en = hi
			}
			if s <= en {
				m.spells = append(m.spells, world.Spell{Start: s, End: en})
			}
		}
		if len(m.spells) > 0 {
			m.code = st.code
			out = append(out, m)
		}
	}
	return out
}

// coexist reports whether two members share a day of membership: a
// portfolio position (and a dyad) exists only then, as in peacesciencer's
// create_dyadyears (Suriname entered after Rep. Vietnam ended in 1975).
func coexist(a, b *member) bool {
	for _, x := range a.spells {
		for _, y := range b.spells {
			if x.Start <= y.End && y.Start <= x.End {
				return true
			}
		}
	}
	return false
}

// valued is the ATOP valued code (Chiba, Johnson and Leeds): 3 defense or
// offense, 2 neutrality or consultation, 1 nonaggression only, 0 none (an
// asymmetric row with no obligation of A toward B).
func valued(r *world.AllianceDyadYear) int8 {
	switch {
	case r.Defense || r.Offense:
		return 3
	case r.Neutral || r.Consul:
		return 2
	case r.Nonagg:
		return 1
	}
	return 0
}

// scratch is a worker's reusable memory.
type scratch struct {
	codes []int8    // n×n valued codes, −1 = no position
	w     []float64 // CINC weights, NaN replaced by 0
	pos   []int32   // code → member index, −1 = not a member
	// special[off[i]:off[i+1]] lists the positions k where member i's code
	// is not 0, ascending.
	special, off []int32
}

// year computes all measures for every dyad of year y.
func (e *engine) year(y int, s *scratch) *Year {
	mem := e.members(y)
	n := len(mem)
	if cap(s.codes) < n*n {
		s.codes = make([]int8, n*n)
	}
	codes := s.codes[:n*n]
	if len(s.pos) < e.maxCode+1 {
		s.pos = make([]int32, e.maxCode+1)
	}
	for i := range s.pos {
		s.pos[i] = -1
	}
	for i := range mem {
		s.pos[mem[i].code] = int32(i)
	}
	// Every member of the year spends the whole year in the system in all
	// but a few cases; compare spells only for the members that do not.
	full := make([]bool, n)
	for i := range mem {
		sp := mem[i].spells
		full[i] = len(sp) == 1 && sp[0].Start == world.D(y, 1, 1) && sp[0].End == world.D(y, 12, 31)
	}
	for i := 0; i < n; i++ {
		row := codes[i*n : i*n+n]
		for k := range row {
			switch {
			case k == i:
				row[k] = 3 // a state is maximally allied with itself
			case full[i] && full[k], coexist(&mem[i], &mem[k]):
				row[k] = 0
			default:
				row[k] = -1
			}
		}
	}
	for idx := range e.byYear[y-e.first] {
		r := &e.byYear[y-e.first][idx]
		if r.A > e.maxCode || r.B > e.maxCode {
			continue // not a system member (ATOP codes some non-members)
		}
		a, b := s.pos[r.A], s.pos[r.B]
		if a < 0 || b < 0 || codes[int(a)*n+int(b)] < 0 {
			continue
		}
		codes[int(a)*n+int(b)] = valued(r)
	}
	if cap(s.w) < n {
		s.w = make([]float64, n)
	}
	wt := s.w[:n]
	for k := range mem {
		wt[k] = 0
		if e.caps != nil {
			if c, ok := e.caps.Get(mem[k].code, y); ok && !math.IsNaN(c.CINC) && c.CINC > 0 {
				wt[k] = c.CINC
			}
		}
	}

	// Most of j's positions are 0: no obligation toward k. For a fixed i,
	// start every pair from "j has code 0 wherever i has a position" — the
	// cells (a, 0) hold i's row counts — and correct only at the positions
	// where j's code is not 0 (an obligation, itself, or −1 for a state j
	// never shares a day with): O(ties of j) per pair instead of O(n).
	s.off = append(s.off[:0], 0)
	s.special = s.special[:0]
	for i := 0; i < n; i++ {
		for k, c := range codes[i*n : i*n+n] {
			if c != 0 {
				s.special = append(s.special, int32(k))
			}
		}
		s.off = append(s.off, int32(len(s.special)))
	}

	npairs := 0
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if codes[i*n+j] >= 0 {
				npairs++
			}
		}
	}
	out := &Year{
		Year:      y,
		Code1:     make([]int32, npairs),
		Code2:     make([]int32, npairs),
		Positions: make([]int32, npairs),
	}
	vals := make([]float64, NumMeasures*npairs)
	for m := range out.Values {
		out.Values[m] = vals[m*npairs : (m+1)*npairs : (m+1)*npairs]
	}
	d := 0
	for i := 0; i < n; i++ {
		ri := codes[i*n : i*n+n]
		var rowN [4]int32
		var rowW [4]float64
		for k, a := range ri {
			if a >= 0 {
				rowN[a]++
				rowW[a] += wt[k]
			}
		}
		for j := i + 1; j < n; j++ {
			if ri[j] < 0 {
				continue
			}
			rj := codes[j*n : j*n+n]
			var cn [16]int32
			var cw [16]float64
			for a := range 4 {
				cn[a<<2], cw[a<<2] = rowN[a], rowW[a]
			}
			for _, k := range s.special[s.off[j]:s.off[j+1]] {
				a := ri[k]
				if a < 0 {
					continue // not a position of i, so never counted
				}
				c := int(a) << 2
				cn[c]--
				cw[c] -= wt[k]
				if b := rj[k]; b > 0 {
					cn[c|int(b)]++
					cw[c|int(b)] += wt[k]
				}
			}
			var np int32
			for _, v := range cn {
				np += v
			}
			var res [NumMeasures]float64
			measures(&cn, &cw, &res)
			for m, v := range res {
				out.Values[m][d] = v
			}
			out.Code1[d] = int32(mem[i].code)
			out.Code2[d] = int32(mem[j].code)
			out.Positions[d] = np
			d++
		}
	}
	return out
}
