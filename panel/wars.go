package panel

import (
	"errors"
	"fmt"
	"math"

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
// COW inter-state war (both participation spells running).
type warSpell struct {
	num          int32
	start, end   world.Date
	firstYear    int // first year the pair fought in this war: the onset
	sideA1       int8
	init1, init2 int8
}

// warsCovered is the last year of COW Inter-State War v4.0 (wars ongoing
// at the end are coded as if 2007-12-31).
const warsLast = 2007

func addWars(f *Frame, w *world.World, o Options) error {
	if len(w.Wars) == 0 {
		return errors.New("COW inter-state war data not loaded")
	}
	first, last := 1816, warsLast
	years := f.Years()
	if f.Unit == StateYears {
		return addStateWars(f, w, first, last)
	}
	// Pairs on opposite sides, per directed pair.
	spells := map[int32][]warSpell{}
	for _, war := range w.Wars {
		for _, p := range war.Participants {
			for _, q := range war.Participants {
				if p.Code == q.Code || p.Side == q.Side {
					continue
				}
				var got []warSpell
				for _, a := range p.Spells {
					for _, b := range q.Spells {
						lo, hi := max(a.Start, b.Start), min(a.End, b.End)
						if lo > hi {
							continue
						}
						got = append(got, warSpell{num: int32(war.Num), start: lo, end: hi,
							sideA1: b2i(p.Side == 1), init1: b2i(p.Initiator), init2: b2i(q.Initiator)})
					}
				}
				fy := math.MaxInt
				for _, g := range got {
					fy = min(fy, g.start.Year())
				}
				for i := range got {
					got[i].firstYear = fy
				}
				k := pairKey(p.Code, q.Code)
				spells[k] = append(spells[k], got...)
			}
		}
	}
	names := []string{"warnum", "cowinteronset", "cowinterongoing", "sidea1", "sidea2", "initiator1", "initiator2"}
	cols := make([]*Column, len(names))
	for i, n := range names {
		t := Int8
		if n == "warnum" {
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
			if y < first || y > last {
				cols[0].I32[i] = NA32
				for _, c := range cols[1:] {
					c.I8[i] = NA8
				}
				continue
			}
			// Several wars in one dyad-year: the lowest war number speaks
			// for the sides; onset is 1 if any war begins for the pair.
			var best *warSpell
			onset := int8(0)
			for k := range ws {
				g := &ws[k]
				if g.start.Year() > y || g.end.Year() < y {
					continue
				}
				if g.firstYear == y {
					onset = 1
				}
				if best == nil || g.num < best.num {
					best = g
				}
			}
			if best == nil {
				cols[0].I32[i] = NA32
				cols[1].I8[i], cols[2].I8[i] = 0, 0
				for _, c := range cols[3:] {
					c.I8[i] = NA8
				}
				continue
			}
			cols[0].I32[i] = best.num
			cols[1].I8[i], cols[2].I8[i] = onset, 1
			cols[3].I8[i], cols[4].I8[i] = best.sideA1, 1-best.sideA1
			cols[5].I8[i], cols[6].I8[i] = best.init1, best.init2
		}
	})
	f.Notes = append(f.Notes, fmt.Sprintf("wars: COW Inter-State War 4.0, %d–%d; a dyad is at war when its states fight on opposite sides on a common day; missing after %d", first, last, last))
	return nil
}

func addStateWars(f *Frame, w *world.World, first, last int) error {
	type part struct {
		num       int32
		sp        world.Spell
		firstYear int
	}
	parts := map[int][]part{}
	for _, war := range w.Wars {
		for _, p := range war.Participants {
			fy := math.MaxInt
			for _, s := range p.Spells {
				fy = min(fy, s.Start.Year())
			}
			for _, s := range p.Spells {
				parts[p.Code] = append(parts[p.Code], part{int32(war.Num), s, fy})
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
			num, onset, on := int32(NA32), int8(0), int8(0)
			for _, p := range ps {
				if p.sp.Start.Year() > y || p.sp.End.Year() < y {
					continue
				}
				on = 1
				if p.firstYear == y {
					onset = 1
				}
				if num == NA32 || p.num < num {
					num = p.num
				}
			}
			cols[0].I32[i], cols[1].I8[i], cols[2].I8[i] = num, onset, on
		}
	})
	f.Notes = append(f.Notes, fmt.Sprintf("wars: COW Inter-State War 4.0, %d–%d; missing after %d", first, last, last))
	return nil
}
