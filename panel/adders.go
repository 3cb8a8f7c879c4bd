package panel

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/casus-dev/casus/obligation"
	"github.com/casus-dev/casus/similarity"
	"github.com/casus-dev/casus/world"
)

// Options tune the adders.
type Options struct {
	// NMC is the capabilities release, "6.0" or "7.0"; "" means the newest
	// loaded.
	NMC string
	// ATOPDirections adds the obligations of each direction as well
	// (atop_defense12 = ccode1 toward ccode2, atop_defense21 the reverse),
	// so one-sided pledges stay visible in non-directed panels.
	ATOPDirections bool
	// CarryForward fills COW major status after the majors data end (2016)
	// with the last known status and adds cowmaj_carried = 1 on those rows.
	// Without it such values are missing.
	CarryForward bool
	// ContType chooses conttype when the type changes within a year:
	// "lowest" (or "", the default: the closest contiguity of the year, as
	// peacesciencer up to 1.1 and COW's contdird rows), "first" or "last"
	// (the type in the year's first or last month, peacesciencer 1.2's
	// add_contiguity(slice = "first"/"last")).
	ContType string
}

// ContTypes are the accepted values of Options.ContType.
var ContTypes = []string{"lowest", "first", "last"}

// Adder adds a group of columns to a frame.
type Adder struct {
	Name    string
	Summary string
	// Datasets names what the adder reads from the World, so a caller can
	// load only those (see Datasets).
	Datasets []string
	// Treaties is set when the adder needs the treaty model (registry and
	// ATOP imports) attached to the World.
	Treaties bool
	units    []Unit
	add      func(f *Frame, w *world.World, o Options) error
}

// Dataset names an adder needs from the World: the group names of
// source.LoadOptions.Only.
const (
	DataStates     = "states"
	DataMajors     = "majors"
	DataNMC        = "nmc"
	DataATOPDyads  = "atop"
	DataContiguity = "contiguity"
	DataCapitals   = "capitals"
	DataWars       = "wars"
)

var adders = []*Adder{
	{Name: "atop", Summary: "ATOP 5.1 obligations (defense, offense, neutral, nonagg, consul, any)", Datasets: []string{DataATOPDyads}, units: []Unit{DyadYears}, add: addATOP},
	{Name: "nmc", Summary: "COW National Material Capabilities (milex … cinc)", Datasets: []string{DataNMC}, units: []Unit{StateYears, DyadYears}, add: addNMC},
	{Name: "majors", Summary: "COW major-power status (cowmaj)", Datasets: []string{DataMajors}, units: []Unit{StateYears, DyadYears}, add: addMajors},
	{Name: "contiguity", Summary: "COW direct contiguity type, lowest in the year (conttype; state-years: land, sea)", Datasets: []string{DataContiguity}, units: []Unit{StateYears, DyadYears}, add: addContiguity},
	{Name: "capdist", Summary: "great-circle distance between capitals, km (capdist; state-years: mincapdist)", Datasets: []string{DataCapitals}, units: []Unit{StateYears, DyadYears}, add: addCapdist},
	{Name: "wars", Summary: "COW inter-state war onset and ongoing, with sides", Datasets: []string{DataWars}, units: []Unit{StateYears, DyadYears}, add: addWars},
	{Name: "similarity", Summary: "alliance-portfolio similarity: S, pi, kappa, tau-b (package similarity)", Datasets: []string{DataATOPDyads, DataNMC}, units: []Unit{DyadYears}, add: addSimilarity},
	{Name: "obligations", Summary: "would ccode1 be bound to defend ccode2 attacked at home (package obligation)", Treaties: true, units: []Unit{DyadYears}, add: addObligations},
}

// Adders lists the adders in their canonical order.
func Adders() []*Adder { return adders }

// LookupAdder returns the adder named name.
func LookupAdder(name string) (*Adder, bool) {
	for _, a := range adders {
		if a.Name == name {
			return a, true
		}
	}
	return nil, false
}

// ParseAdders splits a comma-separated --add list, checking every name.
func ParseAdders(list string) ([]*Adder, error) {
	var out []*Adder
	seen := map[string]bool{}
	for _, n := range strings.Split(list, ",") {
		n = strings.TrimSpace(n)
		if n == "" || seen[n] {
			continue
		}
		a, ok := LookupAdder(n)
		if !ok {
			names := make([]string, len(adders))
			for i, a := range adders {
				names[i] = a.Name
			}
			return nil, fmt.Errorf("--add: unknown %q: want some of %s", n, strings.Join(names, ","))
		}
		seen[n] = true
		out = append(out, a)
	}
	return out, nil
}

// Datasets returns the datasets the adders need besides the state list.
func Datasets(as []*Adder) []string {
	out := []string{DataStates}
	for _, a := range as {
		for _, d := range a.Datasets {
			if !contains(out, d) {
				out = append(out, d)
			}
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Apply runs the adders on f. Adders only read the key columns and append
// their own, so they run concurrently, each on a view of f holding the keys;
// their columns and notes are then appended in the order of as, so the
// result does not depend on scheduling.
func Apply(f *Frame, w *world.World, as []*Adder, o Options) error {
	for _, a := range as {
		ok := false
		for _, u := range a.units {
			ok = ok || u == f.Unit
		}
		if !ok {
			return fmt.Errorf("--add %s: works on %s only, not %s", a.Name, unitList(a.units), f.Unit)
		}
	}
	views := make([]*Frame, len(as))
	errs := make([]error, len(as))
	var wg sync.WaitGroup
	for i, a := range as {
		v := *f
		v.Cols = append([]*Column(nil), f.Cols...)
		v.Notes = nil
		views[i] = &v
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := a.add(views[i], w, o); err != nil {
				errs[i] = fmt.Errorf("--add %s: %w", a.Name, err)
			}
		}()
	}
	wg.Wait()
	for i, v := range views {
		if errs[i] != nil {
			return errs[i]
		}
		for _, c := range v.Cols[len(f.Cols):] {
			if f.Column(c.Name) != nil {
				return fmt.Errorf("--add %s: column %q added twice", as[i].Name, c.Name)
			}
		}
	}
	for _, v := range views {
		for _, c := range v.Cols {
			if f.Column(c.Name) == nil {
				f.Cols = append(f.Cols, c)
			}
		}
		f.Notes = append(f.Notes, v.Notes...)
	}
	return nil
}

func unitList(us []Unit) string {
	s := make([]string, len(us))
	for i, u := range us {
		s[i] = u.String()
	}
	return strings.Join(s, " and ")
}

// pairKey packs an ordered pair of state codes.
func pairKey(a, b int) int32 { return int32(a*MaxCode + b) }

// runs calls fn for every maximal run [lo, hi) of rows sharing the same
// codes, so per-dyad lookups happen once per dyad rather than once per row.
func runs(f *Frame, fn func(lo, hi int, a, b int)) {
	c1, c2 := f.Codes()
	n := f.Len()
	for lo := 0; lo < n; {
		hi := lo + 1
		if c2 == nil {
			for hi < n && c1[hi] == c1[lo] {
				hi++
			}
			fn(lo, hi, int(c1[lo]), 0)
		} else {
			for hi < n && c1[hi] == c1[lo] && c2[hi] == c2[lo] {
				hi++
			}
			fn(lo, hi, int(c1[lo]), int(c2[lo]))
		}
		lo = hi
	}
}

// ---- ATOP -----------------------------------------------------------------

// atopNames are peacesciencer's column names, in the order of the bits of
// atopBits.
var atopNames = [5]string{"atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"}

// atopTable packs ATOP's directed dyad-years: for each directed pair, one
// byte per year with bit k set when obligation atopNames[k] holds.
type atopTable struct {
	first, last int
	slot        map[int32]int32 // pair → offset of its years in bits
	bits        []uint8
}

func newATOPTable(ad *world.AllianceDyadYears) (*atopTable, error) {
	t := &atopTable{first: ad.First, last: ad.Last, slot: map[int32]int32{}}
	if t.first == 0 {
		t.first, t.last = 1815, 2018
		for i, r := range ad.Rows {
			if i == 0 || r.Year < t.first {
				t.first = r.Year
			}
			if i == 0 || r.Year > t.last {
				t.last = r.Year
			}
		}
	}
	ny := int32(t.last - t.first + 1)
	for _, r := range ad.Rows {
		if r.A <= 0 || r.A >= MaxCode || r.B <= 0 || r.B >= MaxCode || r.Year < t.first || r.Year > t.last {
			return nil, fmt.Errorf("ATOP dyad-year %d-%d %d outside codes 1–%d or years %d–%d", r.A, r.B, r.Year, MaxCode-1, t.first, t.last)
		}
		k := pairKey(r.A, r.B)
		s, ok := t.slot[k]
		if !ok {
			s = int32(len(t.bits))
			t.slot[k] = s
			t.bits = append(t.bits, make([]uint8, ny)...)
		}
		var v uint8
		for i, on := range [5]bool{r.Defense, r.Offense, r.Neutral, r.Nonagg, r.Consul} {
			if on {
				v |= 1 << i
			}
		}
		t.bits[s+int32(r.Year-t.first)] |= v
	}
	return t, nil
}

// years returns pair (a, b)'s bytes by year offset, or nil when ATOP has no
// row for the pair.
func (t *atopTable) years(a, b int) []uint8 {
	s, ok := t.slot[pairKey(a, b)]
	if !ok {
		return nil
	}
	return t.bits[s : s+int32(t.last-t.first+1)]
}

func addATOP(f *Frame, w *world.World, o Options) error {
	if w.AllianceDyads == nil {
		return errors.New("ATOP dyad-year data not loaded")
	}
	t, err := newATOPTable(w.AllianceDyads)
	if err != nil {
		return err
	}
	var main [6]*Column
	for k, n := range append(atopNames[:], "atop_any") {
		if main[k], err = f.add(n, Int8); err != nil {
			return err
		}
	}
	var dir [2][5]*Column
	if o.ATOPDirections {
		for d, suffix := range []string{"12", "21"} {
			for k, n := range atopNames {
				if dir[d][k], err = f.add(n+suffix, Int8); err != nil {
					return err
				}
			}
		}
	}
	years := f.Years()
	put := func(cols []*Column, i int, v uint8, na bool) {
		for k, c := range cols {
			switch {
			case na:
				c.I8[i] = NA8
			case k == 5:
				c.I8[i] = int8(min(v, 1))
			default:
				c.I8[i] = int8(v >> k & 1)
			}
		}
	}
	runs(f, func(lo, hi, a, b int) {
		ab, ba := t.years(a, b), t.years(b, a)
		for i := lo; i < hi; i++ {
			y := int(years[i])
			na := y < t.first || y > t.last
			if ab == nil && ba == nil && !na {
				// Most dyads never had an alliance: the columns are
				// already 0.
				continue
			}
			var v12, v21 uint8
			if !na {
				if ab != nil {
					v12 = ab[y-t.first]
				}
				if ba != nil {
					v21 = ba[y-t.first]
				}
			}
			v := v12
			if !f.Directed {
				// peacesciencer's default (ndir = TRUE): an obligation in
				// either direction counts for the non-directed dyad.
				v |= v21
			}
			put(main[:], i, v, na)
			if o.ATOPDirections {
				put(dir[0][:], i, v12, na)
				put(dir[1][:], i, v21, na)
			}
		}
	})
	f.Notes = append(f.Notes, fmt.Sprintf("atop: ATOP 5.1 directed dyad-years, %d–%d; no row = 0 inside, missing outside", t.first, t.last))
	if !f.Directed && !o.ATOPDirections {
		f.Notes = append(f.Notes, "atop: non-directed values are the maximum of both directions; --atop-directions keeps each side's pledge")
	}
	return nil
}

// ---- NMC ------------------------------------------------------------------

var nmcNames = [7]string{"milex", "milper", "irst", "pec", "tpop", "upop", "cinc"}

// nmcIndex maps (code, year) to a row of the release, densely.
type nmcIndex struct {
	c           *world.Capabilities
	first, last int
	rowOf       []int32 // code*ny + year-first → row+1, 0 = none
}

func newNMCIndex(c *world.Capabilities) (*nmcIndex, error) {
	x := &nmcIndex{c: c, first: c.First, last: c.Last}
	if x.first == 0 {
		for i, r := range c.Rows {
			if i == 0 || r.Year < x.first {
				x.first = r.Year
			}
			if r.Year > x.last {
				x.last = r.Year
			}
		}
	}
	ny := x.last - x.first + 1
	x.rowOf = make([]int32, MaxCode*ny)
	for i, r := range c.Rows {
		if r.Code <= 0 || r.Code >= MaxCode || r.Year < x.first || r.Year > x.last {
			return nil, fmt.Errorf("NMC %s row %d: code %d year %d out of range", c.Version, i+1, r.Code, r.Year)
		}
		x.rowOf[r.Code*ny+r.Year-x.first] = int32(i + 1)
	}
	return x, nil
}

// row returns the release's row of (code, year), or -1.
func (x *nmcIndex) row(code, year int) int32 {
	if year < x.first || year > x.last {
		return -1
	}
	return x.rowOf[code*(x.last-x.first+1)+year-x.first] - 1
}

func addNMC(f *Frame, w *world.World, o Options) error {
	c, ok := w.Capabilities(o.NMC)
	if !ok {
		have := make([]string, 0, len(w.NMC))
		for v := range w.NMC {
			have = append(have, v)
		}
		sort.Strings(have)
		return fmt.Errorf("NMC release %q not loaded (have %s)", o.NMC, strings.Join(have, ", "))
	}
	x, err := newNMCIndex(c)
	if err != nil {
		return err
	}
	// One dictionary per component (the release's rows), one index per
	// side: the seven columns of a side share it.
	var dict [7][]float64
	for k := range dict {
		dict[k] = make([]float64, len(c.Rows))
	}
	for i := range c.Rows {
		r := &c.Rows[i]
		dict[0][i], dict[1][i], dict[2][i], dict[3][i] = r.Milex, r.Milper, r.Irst, r.Pec
		dict[4][i], dict[5][i], dict[6][i] = r.Tpop, r.Upop, r.CINC
	}
	sides := []string{""}
	if f.Unit == DyadYears {
		sides = []string{"1", "2"}
	}
	c1, c2 := f.Codes()
	years := f.Years()
	for s, suffix := range sides {
		codes := c1
		if s == 1 {
			codes = c2
		}
		idx := make([]int32, f.Len())
		for i := range idx {
			idx[i] = x.row(int(codes[i]), int(years[i]))
		}
		for k, n := range nmcNames {
			if f.Column(n+suffix) != nil {
				return fmt.Errorf("panel: column %q added twice", n+suffix)
			}
			f.Cols = append(f.Cols, &Column{Name: n + suffix, Type: Float64, Dict: dict[k], Idx: idx})
		}
	}
	f.Notes = append(f.Notes, fmt.Sprintf("nmc: COW NMC %s, %d–%d; missing outside those years and where coded missing", c.Version, x.first, x.last))
	return nil
}

// ---- Majors ---------------------------------------------------------------

func addMajors(f *Frame, w *world.World, o Options) error {
	if len(w.Majors) == 0 {
		return errors.New("COW major-power data not loaded")
	}
	// The majors file covers 1816 to its last spell end (2016-12-31 in
	// majors2016): later status is unknown, not "not major".
	first, last := 1816, w.MajorsEnd.Year()
	if w.MajorsEnd == 0 {
		for _, m := range w.Majors {
			if e := m.Spell.End; e != 0 && e.Year() > last {
				last = e.Year()
			}
		}
	}
	ny := last - first + 1
	major := make([]bool, MaxCode*ny)
	for _, m := range w.Majors {
		if m.Code <= 0 || m.Code >= MaxCode {
			return fmt.Errorf("major-power spell of code %d out of range", m.Code)
		}
		for y := max(m.Spell.Start.Year(), first); y <= min(m.Spell.End.Year(), last); y++ {
			major[m.Code*ny+y-first] = true
		}
	}
	sides := []string{""}
	if f.Unit == DyadYears {
		sides = []string{"1", "2"}
	}
	c1, c2 := f.Codes()
	years := f.Years()
	for s, suffix := range sides {
		col, err := f.add("cowmaj"+suffix, Int8)
		if err != nil {
			return err
		}
		codes := c1
		if s == 1 {
			codes = c2
		}
		for i := range f.Len() {
			y := int(years[i])
			switch {
			case y < first:
				col.I8[i] = NA8
			case y <= last:
				col.I8[i] = b2i(major[int(codes[i])*ny+y-first])
			case o.CarryForward:
				col.I8[i] = b2i(major[int(codes[i])*ny+last-first])
			default:
				col.I8[i] = NA8
			}
		}
	}
	if o.CarryForward {
		carried, err := f.add("cowmaj_carried", Int8)
		if err != nil {
			return err
		}
		for i, y := range years {
			carried.I8[i] = b2i(int(y) > last)
		}
		f.Notes = append(f.Notes, fmt.Sprintf("majors: status after %d carried forward from %d (cowmaj_carried = 1)", last, last))
	} else if f.Last > last {
		f.Notes = append(f.Notes, fmt.Sprintf("majors: missing after %d (majors data end); --carry-forward fills them", last))
	}
	return nil
}

func b2i(b bool) int8 {
	if b {
		return 1
	}
	return 0
}

// ---- Contiguity -----------------------------------------------------------

func addContiguity(f *Frame, w *world.World, o Options) error {
	if len(w.Contiguity) == 0 {
		return errors.New("COW direct contiguity data not loaded")
	}
	// Coverage is the span of the master records (1816–2016 in v3.2).
	first, last := 0, 0
	for i, c := range w.Contiguity {
		if b := c.Begin / 100; i == 0 || b < first {
			first = b
		}
		if e := c.End / 100; e > last {
			last = e
		}
	}
	ny := last - first + 1
	slot := map[int32]int32{}
	var types []int8 // per pair, per year: lowest type, 0 = none
	for _, c := range w.Contiguity {
		lo, hi := min(c.Low, c.High), max(c.Low, c.High)
		if lo <= 0 || hi >= MaxCode || c.Type < 1 || c.Type > 5 {
			return fmt.Errorf("contiguity record %d-%d type %d out of range", c.Low, c.High, c.Type)
		}
		k := pairKey(lo, hi)
		s, ok := slot[k]
		if !ok {
			s = int32(len(types))
			slot[k] = s
			types = append(types, make([]int8, ny)...)
		}
		for y := c.Begin / 100; y <= c.End/100; y++ {
			if t := &types[s+int32(y-first)]; *t == 0 || int8(c.Type) < *t {
				*t = int8(c.Type)
			}
		}
	}
	mode := o.ContType
	switch mode {
	case "", "lowest":
		mode = "lowest"
	case "first", "last":
		monthTypes(w, mode == "first", first, last, slot, types)
	default:
		return fmt.Errorf("conttype rule %q: want one of %s", o.ContType, strings.Join(ContTypes, ", "))
	}
	if f.Unit == StateYears {
		return addContiguityCounts(f, w, mode, first, last, slot, types)
	}
	col, err := f.add("conttype", Int8)
	if err != nil {
		return err
	}
	years := f.Years()
	runs(f, func(lo, hi, a, b int) {
		var ts []int8
		if s, ok := slot[pairKey(min(a, b), max(a, b))]; ok {
			ts = types[s : s+int32(ny)]
		}
		for i := lo; i < hi; i++ {
			y := int(years[i])
			switch {
			case y < first || y > last:
				col.I8[i] = NA8
			case ts == nil:
				col.I8[i] = 0
			default:
				col.I8[i] = ts[y-first]
			}
		}
	})
	rule := map[string]string{"lowest": "lowest type in the year", "first": "type in the year's first month", "last": "type in the year's last month"}[mode]
	f.Notes = append(f.Notes, fmt.Sprintf("contiguity: COW direct contiguity 3.2, %d–%d; %s, 0 = none", first, last, rule))
	return nil
}

// monthTypes overwrites types (per pair with records, per year first..last)
// with the type in the year's first (or last) month, the rule
// peacesciencer 1.2's add_contiguity(slice = "first"/"last") states (not its
// output, which a synthetic 0 spell sorted first turns to 0 for dyads
// contiguous all year; see doc.go): the months that count are those
// in which the two states are members on a common day or a master record
// runs; a month without a record is 0 (no contiguity); in a month two
// records share (the month of a change) the earlier-starting record is the
// first, the later-starting the last.
func monthTypes(w *world.World, firstMonth bool, first, last int, slot map[int32]int32, types []int8) {
	spells := map[int][]world.Spell{}
	for i := range w.States {
		spells[w.States[i].Code] = w.States[i].Spells
	}
	recs := map[int32][]world.Contiguity{}
	for _, c := range w.Contiguity {
		k := pairKey(min(c.Low, c.High), max(c.Low, c.High))
		recs[k] = append(recs[k], c)
	}
	for k, s := range slot {
		a, b := int(k)/MaxCode, int(k)%MaxCode
		rs := recs[k]
		for y := first; y <= last; y++ {
			// m0, m1: the first and last month (YYYYMM) of y that counts.
			m0, m1 := 0, 0
			see := func(lo, hi int) {
				if lo > hi {
					return
				}
				if m0 == 0 || lo < m0 {
					m0 = lo
				}
				if hi > m1 {
					m1 = hi
				}
			}
			for _, r := range rs {
				see(max(r.Begin, y*100+1), min(r.End, y*100+12))
			}
			y0, y1 := world.D(y, 1, 1), world.D(y, 12, 31)
			for _, x := range spells[a] {
				for _, z := range spells[b] {
					lo, hi := max(x.Start, z.Start, y0), min(openEnd(x.End), openEnd(z.End), y1)
					if lo <= hi {
						see(lo.Year()*100+lo.Month(), hi.Year()*100+hi.Month())
					}
				}
			}
			m := m1
			if firstMonth {
				m = m0
			}
			var pick *world.Contiguity
			for i := range rs {
				r := &rs[i]
				if m == 0 || r.Begin > m || r.End < m {
					continue
				}
				if pick == nil || firstMonth && r.Begin < pick.Begin || !firstMonth && r.Begin > pick.Begin {
					pick = r
				}
			}
			t := int8(0)
			if pick != nil {
				t = int8(pick.Type)
			}
			types[s+int32(y-first)] = t
		}
	}
}

// addContiguityCounts adds land and sea to state-years: how many land and
// water contiguity relationships the state has in the year. By default they
// count the master records touching the year, as COW's contdirs and
// peacesciencer 1.1 do, so a neighbour whose type changed mid-year counts
// once under each type (the Netherlands 1830: France by land and by sea).
// With ContType "first"/"last" each neighbour counts once, by its type in
// the year's first/last month (peacesciencer 1.2's slice).
func addContiguityCounts(f *Frame, w *world.World, mode string, first, last int, slot map[int32]int32, types []int8) error {
	ny := last - first + 1
	land := make([]int8, MaxCode*ny)
	sea := make([]int8, MaxCode*ny)
	count := func(code, y, t int) {
		switch {
		case t == 1:
			land[code*ny+y-first]++
		case t > 1:
			sea[code*ny+y-first]++
		}
	}
	if mode == "lowest" {
		for _, c := range w.Contiguity {
			for y := c.Begin / 100; y <= c.End/100; y++ {
				count(c.Low, y, c.Type)
				count(c.High, y, c.Type)
			}
		}
	} else {
		for k, s := range slot {
			a, b := int(k)/MaxCode, int(k)%MaxCode
			for y := first; y <= last; y++ {
				t := int(types[s+int32(y-first)])
				count(a, y, t)
				count(b, y, t)
			}
		}
	}
	cl, err := f.add("land", Int8)
	if err != nil {
		return err
	}
	cs, err := f.add("sea", Int8)
	if err != nil {
		return err
	}
	codes, _ := f.Codes()
	for i, y := range f.Years() {
		if int(y) < first || int(y) > last {
			cl.I8[i], cs.I8[i] = NA8, NA8
			continue
		}
		k := int(codes[i])*ny + int(y) - first
		cl.I8[i], cs.I8[i] = land[k], sea[k]
	}
	rule := "master records touching the year, as COW's contdirs"
	if mode != "lowest" {
		rule = "one per neighbour, by its type in the year's " + mode + " month"
	}
	f.Notes = append(f.Notes, fmt.Sprintf("contiguity: COW direct contiguity 3.2, %d–%d; land and sea count %s; missing outside", first, last, rule))
	return nil
}

// openEnd reads an open spell end (0) as the end of time.
func openEnd(d world.Date) world.Date {
	if d == 0 {
		return world.D(9999, 12, 31)
	}
	return d
}

// ---- Capital distance -----------------------------------------------------

func addCapdist(f *Frame, w *world.World, o Options) error {
	if len(w.Capitals) == 0 {
		return errors.New("capitals data not loaded")
	}
	caps := map[int][]world.Capital{}
	for _, c := range w.Capitals {
		caps[c.Code] = append(caps[c.Code], c)
	}
	for _, cs := range caps {
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].Spell.Start < cs[j].Spell.Start })
	}
	// capitalIn returns the capital a state has on the first day of year y
	// it has one — peacesciencer's "Jan. 1 capital": the earliest-starting
	// capital whose spell touches the year.
	capitalIn := func(cs []world.Capital, y int) int {
		for i := range cs {
			if cs[i].Spell.InYear(y) {
				return i
			}
		}
		return -1
	}
	if f.Unit == StateYears {
		return addMinCapdist(f, w, caps, capitalIn)
	}
	col, err := f.add("capdist", Float64)
	if err != nil {
		return err
	}
	years := f.Years()
	runs(f, func(lo, hi, a, b int) {
		ca, cb := caps[a], caps[b]
		pa, pb := -2, -2
		d := world.NA
		for i := lo; i < hi; i++ {
			y := int(years[i])
			ia, ib := capitalIn(ca, y), capitalIn(cb, y)
			if ia != pa || ib != pb {
				pa, pb = ia, ib
				d = world.NA
				if ia >= 0 && ib >= 0 {
					d = GreatCircleKm(ca[ia].Lat, ca[ia].Lng, cb[ib].Lat, cb[ib].Lng)
				}
			}
			col.F64[i] = d
		}
	})
	f.Notes = append(f.Notes, "capdist: great-circle km between Jan. 1 capitals (peacesciencer capitals; Vincenty formula on a sphere of radius 6378.137 km, as geosphere::distVincentySphere)")
	return nil
}

// addMinCapdist adds mincapdist to state-years: the distance from the
// state's capital to the nearest capital of another member with which it
// forms a dyad-year (a common day of membership) — peacesciencer's
// add_capital_distance on state-years, the minimum over its directed
// dyad-years. Without the common-day rule Yemen (679, from 1990-05-22)
// would be 0 km from the Yemen Arab Republic's Sanaa (to 1990-05-21) and
// Germany 1990 3 km from East Berlin.
func addMinCapdist(f *Frame, w *world.World, caps map[int][]world.Capital, capitalIn func([]world.Capital, int) int) error {
	col, err := f.add("mincapdist", Float64)
	if err != nil {
		return err
	}
	spells := map[int][]world.Spell{}
	for i := range w.States {
		spells[w.States[i].Code] = w.States[i].Spells
	}
	commonDay := func(a, b, y int) bool {
		y0, y1 := world.D(y, 1, 1), world.D(y, 12, 31)
		for _, x := range spells[a] {
			for _, z := range spells[b] {
				if max(x.Start, z.Start, y0) <= min(openEnd(x.End), openEnd(z.End), y1) {
					return true
				}
			}
		}
		return false
	}
	codes, _ := f.Codes()
	yy := f.Years()
	byYear := map[int][]int{} // year → rows
	for i, y := range yy {
		byYear[int(y)] = append(byYear[int(y)], i)
	}
	for y, rows := range byYear {
		for _, i := range rows {
			best := world.NA
			ca := caps[int(codes[i])]
			ia := capitalIn(ca, y)
			if ia >= 0 {
				for _, j := range rows {
					if j == i {
						continue
					}
					cb := caps[int(codes[j])]
					if ib := capitalIn(cb, y); ib >= 0 && commonDay(int(codes[i]), int(codes[j]), y) {
						d := GreatCircleKm(ca[ia].Lat, ca[ia].Lng, cb[ib].Lat, cb[ib].Lng)
						if math.IsNaN(best) || d < best {
							best = d
						}
					}
				}
			}
			col.F64[i] = best
		}
	}
	f.Notes = append(f.Notes, "capdist: mincapdist = great-circle km to the nearest other member's Jan. 1 capital that year")
	return nil
}

// ---- Similarity -----------------------------------------------------------

// dyadRuns indexes a dyad frame's runs by state pair, densely: run[i*n+j]
// is the first row of the dyad (codes[i], codes[j]) plus one, 0 if none.
type dyadRuns struct {
	pos  [MaxCode]int32 // code → dense position + 1
	n    int
	run  []int32
	f    *Frame
	next int32
}

func newDyadRuns(f *Frame) *dyadRuns {
	d := &dyadRuns{f: f}
	c1, c2 := f.Codes()
	for i := range f.Len() {
		for _, c := range [2]int16{c1[i], c2[i]} {
			if d.pos[c] == 0 {
				d.n++
				d.pos[c] = int32(d.n)
			}
		}
	}
	d.run = make([]int32, d.n*d.n)
	runs(f, func(lo, hi, a, b int) {
		d.run[int(d.pos[a]-1)*d.n+int(d.pos[b]-1)] = int32(lo + 1)
	})
	return d
}

// row returns the row of (a, b, y), or -1.
func (d *dyadRuns) row(a, b, y int) int {
	if a <= 0 || a >= MaxCode || b <= 0 || b >= MaxCode || d.pos[a] == 0 || d.pos[b] == 0 {
		return -1
	}
	lo := int(d.run[int(d.pos[a]-1)*d.n+int(d.pos[b]-1)]) - 1
	if lo < 0 {
		return -1
	}
	c1, c2 := d.f.Codes()
	years := d.f.Years()
	for i := lo; i < d.f.Len() && int(c1[i]) == a && int(c2[i]) == b; i++ {
		if int(years[i]) == y {
			return i
		}
	}
	return -1
}

func addSimilarity(f *Frame, w *world.World, o Options) error {
	cols := make([]*Column, similarity.NumMeasures)
	for k := range cols {
		c, err := f.add(similarity.Columns[k].Name, Float64)
		if err != nil {
			return err
		}
		for i := range c.F64 {
			c.F64[i] = world.NA
		}
		cols[k] = c
	}
	if w.AllianceDyads == nil {
		return errors.New("ATOP dyad-year data not loaded")
	}
	// Alliance portfolios exist only inside ATOP's years; the rest stays
	// missing.
	first, last := max(f.First, w.AllianceDyads.First), min(f.Last, w.AllianceDyads.Last)
	if first > last {
		return nil
	}
	idx := newDyadRuns(f)
	sum, err := similarity.DyadYears(context.Background(), w, similarity.Options{First: first, Last: last, NMC: o.NMC}, func(y *similarity.Year) error {
		for k := range y.Code1 {
			a, b := int(y.Code1[k]), int(y.Code2[k])
			for _, r := range [2]int{idx.row(a, b, y.Year), idx.row(b, a, y.Year)} {
				if r < 0 {
					continue
				}
				for m, c := range cols {
					c.F64[r] = y.Values[m][k]
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	f.Notes = append(f.Notes, fmt.Sprintf("similarity: alliance-portfolio similarity from ATOP 5.1, %d–%d (package similarity; weights NMC %s)", sum.First, sum.Last, sum.NMC))
	return nil
}

// ---- Obligations ----------------------------------------------------------

// Values of the defoblig columns.
const (
	obligNone       = 0
	obligContingent = 1
	obligBinding    = 2
)

// addObligations asks the obligations engine, for every dyad-year, whether
// ccode1 owes ccode2 military assistance (and the reverse) if ccode2 were
// attacked at home by a state outside the treaty on the last day of the
// year ccode2 is a member: 2 binding, 1 contingent (an open condition —
// a named adversary, a request), 0 none. It needs the treaty model
// (registry and ATOP imports) in w.
func addObligations(f *Frame, w *world.World, o Options) error {
	if len(w.Treaties) == 0 {
		return errors.New("no treaties loaded (the obligations columns need the treaty registry and the ATOP import)")
	}
	eng := obligation.For(w)
	abbCode := map[string]int{}
	for i := range w.States {
		abbCode[eng.Abb(w.States[i].Code)] = w.States[i].Code
	}
	// defenders of (code, year), computed once per state-year on demand.
	type key struct{ code, year int }
	var mu sync.Mutex
	cache := map[key]map[int]int8{}
	defenders := func(code, y int) map[int]int8 {
		mu.Lock()
		m, ok := cache[key{code, y}]
		mu.Unlock()
		if ok {
			return m
		}
		m = map[int]int8{}
		if d, ok := lastMemberDay(w, code, y); ok {
			g := eng.Guarantees(code, d, false)
			for _, r := range g.Defenders {
				v := int8(obligNone)
				switch r.Status {
				case obligation.Binding:
					v = obligBinding
				case obligation.Contingent:
					v = obligContingent
				}
				if c, ok := abbCode[r.Obligor]; ok && v > m[c] {
					m[c] = v
				}
			}
		}
		mu.Lock()
		cache[key{code, y}] = m
		mu.Unlock()
		return m
	}
	c12, err := f.add("defoblig12", Int8)
	if err != nil {
		return err
	}
	c21, err := f.add("defoblig21", Int8)
	if err != nil {
		return err
	}
	years := f.Years()
	runs(f, func(lo, hi, a, b int) {
		for i := lo; i < hi; i++ {
			y := int(years[i])
			c12.I8[i] = defenders(b, y)[a]
			c21.I8[i] = defenders(a, y)[b]
		}
	})
	f.Notes = append(f.Notes, "obligations: defoblig12 = would ccode1 be bound to defend ccode2 against an attack at home by a non-party on ccode2's last day of membership in the year (package obligation: 2 binding, 1 contingent, 0 none)")
	return nil
}

// lastMemberDay is the last day of year y on which code is a member.
func lastMemberDay(w *world.World, code, y int) (world.Date, bool) {
	st, ok := w.State(code)
	if !ok {
		return 0, false
	}
	best := world.Date(0)
	yEnd := world.D(y, 12, 31)
	for _, sp := range st.Spells {
		if !sp.InYear(y) {
			continue
		}
		e := sp.End
		if e == 0 || e > yEnd {
			e = yEnd
		}
		best = max(best, e)
	}
	return best, best != 0
}
