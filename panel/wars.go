package panel

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/casus-dev/casus/world"
)

// EarthRadiusKm is the sphere capdist uses: geosphere's default for
// distVincentySphere (the WGS-84 equatorial radius, 6378137 m), which
// peacesciencer's add_capital_distance calls with the default. It is not
// the 6371 km mean radius many haversine implementations use; the choice
// moves distances by 0.11%.
const EarthRadiusKm = 6378.137

// GreatCircleKm is the great-circle distance in km between two points given
// in degrees, by the Vincenty formula for a sphere (numerically stable for
// both tiny and antipodal separations, unlike the law of cosines).
func GreatCircleKm(lat1, lng1, lat2, lng2 float64) float64 {
	const rad = math.Pi / 180
	p1, p2 := lat1*rad, lat2*rad
	dl := (lng1 - lng2) * rad
	sp1, cp1 := math.Sincos(p1)
	sp2, cp2 := math.Sincos(p2)
	sdl, cdl := math.Sincos(dl)
	x := math.Hypot(cp2*sdl, cp1*sp2-sp1*cp2*cdl)
	y := sp1*sp2 + cp1*cp2*cdl
	return EarthRadiusKm * math.Atan2(x, y)
}

// warSpell is a spell in which two states fought on opposite sides of one
// COW inter-state war without a break (their participation spells
// overlapping).
type warSpell struct {
	num          int32
	start, end   world.Date
	side1, side2 int8 // COW Side, 1 (side A) or 2 (side B)
	init1, init2 int8
	out1, out2   int8    // COW Outcome of each participant, NA8 if not coded
	bd1, bd2     float64 // each participant's battle deaths, NaN if unknown
	deaths       float64 // battle deaths of both participants, NaN if both unknown
}

// outcome is a COW Outcome code (1 winner … 8 changed sides), NA8 when not
// coded.
func outcome(o int) int8 {
	if o < 1 || o > 8 {
		return NA8
	}
	return int8(o)
}

// warsLast is the last year of COW Inter-State War v4.0 (wars ongoing at
// the end are coded as if 2007-12-31).
const warsLast = 2007

// addDeaths sums two participants' battle deaths as peacesciencer's
// add_cow_wars does: one unknown side counts as the other's figure alone.
func addDeaths(a, b float64) float64 {
	switch {
	case math.IsNaN(a):
		return b
	case math.IsNaN(b):
		return a
	}
	return a + b
}

// pairSpells returns the spells in which participants p and q fight each
// other: every overlap of one of p's spells with one of q's, merged where
// they touch. peacesciencer pairs only first spells with first spells and
// resumptions with resumptions, so it loses, for example, France (back in
// World War II from 1944-10-23) against Germany (one spell) in 1944-1945;
// here every common day counts.
func pairSpells(num int, p, q *world.WarParticipant) []warSpell {
	var got []warSpell
	for _, a := range p.Spells {
		for _, b := range q.Spells {
			lo, hi := max(a.Start, b.Start), min(a.End, b.End)
			if lo > hi {
				continue
			}
			got = append(got, warSpell{num: int32(num), start: lo, end: hi,
				side1: int8(p.Side), side2: int8(q.Side), init1: b2i(p.Initiator), init2: b2i(q.Initiator),
				out1: outcome(p.Outcome), out2: outcome(q.Outcome), bd1: p.BatDeath, bd2: q.BatDeath,
				deaths: addDeaths(p.BatDeath, q.BatDeath)})
		}
	}
	sort.Slice(got, func(i, j int) bool { return got[i].start < got[j].start })
	out := got[:0]
	for _, g := range got {
		if n := len(out); n > 0 && g.start <= out[n-1].end.AddDays(1) {
			out[n-1].end = max(out[n-1].end, g.end)
			continue
		}
		out = append(out, g)
	}
	return out
}

// pickWar chooses among the war spells running in year y the one whose war
// speaks for the dyad-year, as peacesciencer's add_cow_wars does: a war
// with an onset in y first, then the deadliest (battle deaths of the two
// participants), then the lowest war number. It reports whether the chosen
// war has an onset in y: a spell of the pair in that war begins in y (a
// resumption after a break is an onset, as COW's StartYear2 is for
// peacesciencer).
func pickWar(ws []warSpell, y int) (best *warSpell, onset bool) {
	onsetOf := func(num int32) bool {
		for k := range ws {
			if ws[k].num == num && ws[k].start.Year() == y {
				return true
			}
		}
		return false
	}
	for k := range ws {
		g := &ws[k]
		if g.start.Year() > y || g.end.Year() < y {
			continue
		}
		o := onsetOf(g.num)
		if best == nil {
			best, onset = g, o
			continue
		}
		switch {
		case o != onset:
			if o {
				best, onset = g, o
			}
		case deathsMore(g.deaths, best.deaths):
			best = g
		case deathsMore(best.deaths, g.deaths):
		case g.num < best.num:
			best = g
		}
	}
	return best, onset
}

// deathsMore orders battle deaths descending with unknown last.
func deathsMore(a, b float64) bool {
	if math.IsNaN(a) {
		return false
	}
	return math.IsNaN(b) || a > b
}

func addWars(f *Frame, w *world.World, o Options) error {
	if len(w.Wars) == 0 {
		return errors.New("COW inter-state war data not loaded")
	}
	first, last := 1816, warsLast
	years := f.Years()
	if f.Unit == StateYears {
		return addStateWars(f, w, first, last)
	}
	// Spells on opposite sides, per directed pair. A state can appear twice
	// in one war (France on both sides of World War II), so pairs are
	// formed over participant rows.
	spells := map[int32][]warSpell{}
	for _, war := range w.Wars {
		for i := range war.Participants {
			p := &war.Participants[i]
			for j := range war.Participants {
				q := &war.Participants[j]
				if p.Code == q.Code || p.Side == q.Side {
					continue
				}
				k := pairKey(p.Code, q.Code)
				spells[k] = append(spells[k], pairSpells(war.Num, p, q)...)
			}
		}
	}
	names := []string{"warnum", "cowinteronset", "cowinterongoing", "sidea1", "sidea2", "initiator1", "initiator2", "outcome1", "outcome2", "batdeath1", "batdeath2"}
	cols := make([]*Column, len(names))
	for i, n := range names {
		t := Int8
		switch n {
		case "warnum", "batdeath1", "batdeath2":
			t = Int32
		}
		var err error
		if cols[i], err = f.add(n, t); err != nil {
			return err
		}
	}
	runs(f, func(lo, hi, a, b int) {
		ws := spells[pairKey(a, b)]
		for i := lo; i < hi; i++ {
			y := int(years[i])
			var best *warSpell
			onset := false
			if y >= first && y <= last {
				best, onset = pickWar(ws, y)
			}
			if best == nil {
				for _, c := range cols {
					if c.Type == Int32 {
						c.I32[i] = NA32
					} else {
						c.I8[i] = NA8
					}
				}
				if y >= first && y <= last {
					// Inside the data's years no war is a 0, not missing.
					cols[1].I8[i], cols[2].I8[i] = 0, 0
				}
				continue
			}
			cols[0].I32[i] = best.num
			cols[1].I8[i], cols[2].I8[i] = b2i(onset), 1
			cols[3].I8[i], cols[4].I8[i] = best.side1, best.side2
			cols[5].I8[i], cols[6].I8[i] = best.init1, best.init2
			cols[7].I8[i], cols[8].I8[i] = best.out1, best.out2
			cols[9].I32[i], cols[10].I32[i] = deaths32(best.bd1), deaths32(best.bd2)
		}
	})
	f.Notes = append(f.Notes, fmt.Sprintf("wars: COW Inter-State War 4.0, %d–%d; a dyad is at war when its states fight on opposite sides on a common day; several wars in a year: onset first, then deadliest; missing after %d", first, last, last))
	return nil
}

func addStateWars(f *Frame, w *world.World, first, last int) error {
	// A state's participation spells, read as spells of a pair with
	// itself, so pickWar's choice (onset, deadliest, lowest number) applies.
	parts := map[int][]warSpell{}
	for _, war := range w.Wars {
		for _, p := range war.Participants {
			for _, s := range p.Spells {
				parts[p.Code] = append(parts[p.Code], warSpell{num: int32(war.Num), start: s.Start, end: s.End, deaths: p.BatDeath})
			}
		}
	}
	names := []string{"warnum", "cowinteronset", "cowinterongoing"}
	cols := make([]*Column, len(names))
	for i, n := range names {
		t := Int8
		if i == 0 {
			t = Int32
		}
		var err error
		if cols[i], err = f.add(n, t); err != nil {
			return err
		}
	}
	years := f.Years()
	runs(f, func(lo, hi, a, _ int) {
		ps := parts[a]
		for i := lo; i < hi; i++ {
			y := int(years[i])
			if y < first || y > last {
				cols[0].I32[i], cols[1].I8[i], cols[2].I8[i] = NA32, NA8, NA8
				continue
			}
			best, onset := pickWar(ps, y)
			if best == nil {
				cols[0].I32[i], cols[1].I8[i], cols[2].I8[i] = NA32, 0, 0
				continue
			}
			cols[0].I32[i], cols[1].I8[i], cols[2].I8[i] = best.num, b2i(onset), 1
		}
	})
	f.Notes = append(f.Notes, fmt.Sprintf("wars: COW Inter-State War 4.0, %d–%d; missing after %d", first, last, last))
	return nil
}

// deaths32 stores battle deaths (at most 7.5 million in COW 4.0) as INT32,
// NA32 when unknown.
func deaths32(d float64) int32 {
	if math.IsNaN(d) || d < 0 || d > math.MaxInt32 {
		return NA32
	}
	return int32(d)
}
