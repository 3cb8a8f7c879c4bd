package panel

import (
	"fmt"
	"sort"

	"github.com/casus-dev/casus/world"
)

// MaxCode bounds COW state codes (they run 2–990); dense lookup tables are
// indexed by code, so a code at or above it is rejected.
const MaxCode = 1000

// System is a state system's membership: each state's day spells, clipped
// to the system's last day.
type System struct {
	Name   string     // e.g. "COW v2016"
	First  world.Date // first day covered (1816-01-01)
	End    world.Date // last day covered (2016-12-31 for v2016)
	Codes  []int      // sorted
	Spells [][]world.Spell
	index  [MaxCode]int16 // code → position in Codes, -1 if none
}

// COW2016 is the COW v2016 system (states2016.csv, 1816-01-01 to
// 2016-12-31), peacesciencer's create_stateyears/create_dyadyears(system =
// "cow", mry = FALSE). Its state-years are exactly system2016.csv's 15,951.
//
// The spells come from w.States. Whether source loaded states2016 or
// statelist2024 does not matter inside 1816–2016: the two lists differ only
// in their end dates (2016 vs 2024) and in splitting code 345 into
// Yugoslavia and Serbia on 2006-06-03, a continuous membership of one code.
func COW2016(w *world.World) (*System, error) {
	return NewSystem("COW v2016", w.States, world.D(1816, 1, 1), world.D(2016, 12, 31))
}

// NewSystem builds a system from states, clipping every spell to
// [first, end]. An open spell end (0) runs to end; an unknown start (0)
// starts at first.
func NewSystem(name string, states []world.State, first, end world.Date) (*System, error) {
	s := &System{Name: name, First: first, End: end}
	for i := range s.index {
		s.index[i] = -1
	}
	sorted := make([]*world.State, 0, len(states))
	for i := range states {
		sorted = append(sorted, &states[i])
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Code < sorted[j].Code })
	for _, st := range sorted {
		if st.Code <= 0 || st.Code >= MaxCode {
			return nil, fmt.Errorf("panel: state %q: code %d outside 1–%d", st.Name, st.Code, MaxCode-1)
		}
		var sp []world.Spell
		for _, x := range st.Spells {
			a, b := x.Start, x.End
			if a == 0 || a < first {
				a = first
			}
			if b == 0 || b > end {
				b = end
			}
			if a > b {
				continue
			}
			// Adjacent or overlapping spells of one code (Yugoslavia to
			// 2006-06-03, Serbia from 2006-06-03) merge into one.
			if n := len(sp); n > 0 && a <= sp[n-1].End.AddDays(1) {
				if b > sp[n-1].End {
					sp[n-1].End = b
				}
				continue
			}
			sp = append(sp, world.Spell{Start: a, End: b})
		}
		if len(sp) == 0 {
			continue
		}
		if k := len(s.Codes); k > 0 && s.Codes[k-1] == st.Code {
			return nil, fmt.Errorf("panel: state code %d listed twice", st.Code)
		}
		s.index[st.Code] = int16(len(s.Codes))
		s.Codes = append(s.Codes, st.Code)
		s.Spells = append(s.Spells, sp)
	}
	if len(s.Codes) == 0 {
		return nil, fmt.Errorf("panel: no state is a member between %s and %s (state-system data not loaded?)", first, end)
	}
	return s, nil
}

// FirstYear and LastYear are the years the system covers.
func (s *System) FirstYear() int { return s.First.Year() }
func (s *System) LastYear() int  { return s.End.Year() }

// Index returns the position of code in Codes, or -1.
func (s *System) Index(code int) int {
	if code <= 0 || code >= MaxCode {
		return -1
	}
	return int(s.index[code])
}

// MemberInYear reports whether code is a member on some day of year y.
func (s *System) MemberInYear(code, y int) bool {
	i := s.Index(code)
	if i < 0 {
		return false
	}
	for _, sp := range s.Spells[i] {
		if sp.Start.Year() <= y && y <= sp.End.Year() {
			return true
		}
	}
	return false
}

func (s *System) checkYears(first, last int) error {
	if first > last {
		return fmt.Errorf("years %d-%d: want the first year not after the last", first, last)
	}
	if first < s.FirstYear() || last > s.LastYear() {
		return fmt.Errorf("years %d-%d: the %s system covers %d-%d", first, last, s.Name, s.FirstYear(), s.LastYear())
	}
	return nil
}

// StateYears builds the state-years of years first..last, sorted by
// (ccode, year).
func (s *System) StateYears(first, last int) (*Frame, error) {
	if err := s.checkYears(first, last); err != nil {
		return nil, err
	}
	ny := last - first + 1
	mark := make([]bool, ny)
	var codes, years []int16
	for i, code := range s.Codes {
		clear(mark)
		for _, sp := range s.Spells[i] {
			for y := max(sp.Start.Year(), first); y <= min(sp.End.Year(), last); y++ {
				mark[y-first] = true
			}
		}
		for k, ok := range mark {
			if ok {
				codes = append(codes, int16(code))
				years = append(years, int16(first+k))
			}
		}
	}
	f := &Frame{Unit: StateYears, First: first, Last: last, n: len(codes)}
	f.Cols = []*Column{{Name: "ccode", Type: Int16, I16: codes}, {Name: "year", Type: Int16, I16: years}}
	return f, nil
}

// pairYears marks in mark (indexed by year-first) the years in which states
// i and j are members on a common day, and reports whether any was marked.
func (s *System) pairYears(i, j, first, last int, mark []bool) bool {
	clear(mark)
	any := false
	for _, a := range s.Spells[i] {
		for _, b := range s.Spells[j] {
			lo, hi := max(a.Start, b.Start), min(a.End, b.End)
			if lo > hi {
				continue
			}
			for y := max(lo.Year(), first); y <= min(hi.Year(), last); y++ {
				mark[y-first] = true
				any = true
			}
		}
	}
	return any
}

// DyadYears builds the dyad-years of years first..last, sorted by (ccode1,
// ccode2, year): every ordered pair when directed, ccode1 < ccode2
// otherwise. A dyad-year needs a common day of membership in the year.
func (s *System) DyadYears(first, last int, directed bool) (*Frame, error) {
	if err := s.checkYears(first, last); err != nil {
		return nil, err
	}
	ny := last - first + 1
	n := len(s.Codes)
	// Pass 1: the years of every unordered pair, packed so pass 2 can emit
	// both orders without recomputing.
	type pair struct{ off, cnt int32 }
	pairs := make([]pair, n*n)
	var yrs []int16
	mark := make([]bool, ny)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if !s.pairYears(i, j, first, last, mark) {
				continue
			}
			off := len(yrs)
			for k, ok := range mark {
				if ok {
					yrs = append(yrs, int16(first+k))
				}
			}
			p := pair{int32(off), int32(len(yrs) - off)}
			pairs[i*n+j], pairs[j*n+i] = p, p
		}
	}
	total := len(yrs)
	if directed {
		total *= 2
	}
	c1 := make([]int16, 0, total)
	c2 := make([]int16, 0, total)
	yy := make([]int16, 0, total)
	for i := 0; i < n; i++ {
		j0 := 0
		if !directed {
			j0 = i + 1
		}
		a := int16(s.Codes[i])
		for j := j0; j < n; j++ {
			p := pairs[i*n+j]
			if j == i || p.cnt == 0 {
				continue
			}
			b := int16(s.Codes[j])
			for _, y := range yrs[p.off : p.off+p.cnt] {
				c1 = append(c1, a)
				c2 = append(c2, b)
				yy = append(yy, y)
			}
		}
	}
	f := &Frame{Unit: DyadYears, Directed: directed, First: first, Last: last, n: len(c1)}
	f.Cols = []*Column{
		{Name: "ccode1", Type: Int16, I16: c1},
		{Name: "ccode2", Type: Int16, I16: c2},
		{Name: "year", Type: Int16, I16: yy},
	}
	return f, nil
}
