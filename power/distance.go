package power

import (
	"math"

	"github.com/casus-dev/casus/world"
)

// Point is a position on the globe in decimal degrees, north and east
// positive.
type Point struct {
	Lat, Lon float64
}

// earthRadiusMiles is the mean radius of the Earth (IUGG R1, 6,371.0088 km)
// in statute miles. A sphere is within 0.5% of the ellipsoid at these
// distances, far below the uncertainty of the gradient itself.
const earthRadiusMiles = 6371.0088 / 1.609344

// GreatCircleMiles is the great-circle distance between a and b in statute
// miles (haversine formula on a sphere of the mean Earth radius).
func GreatCircleMiles(a, b Point) float64 {
	rad := math.Pi / 180
	dLat := (b.Lat - a.Lat) * rad
	dLon := (b.Lon - a.Lon) * rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthRadiusMiles * math.Asin(math.Min(1, math.Sqrt(h)))
}

// MilesPerDay is the transport constant of the loss-of-strength gradient
// for a year: how many miles a state can move its military capability in
// a day. The values and era breaks are EUGene's (Bennett & Stam, EUGene
// 3.203, unit euprocs1, function adj_cap, whose comment cites The War
// Trap p. 105): 250 before 1918, 375 from 1918 to 1945, 500 from 1946.
func MilesPerDay(year int) float64 {
	switch {
	case year < 1918:
		return 250
	case year <= 1945:
		return 375
	default:
		return 500
	}
}

// MilesPerDayRule says MilesPerDay's eras in words, for outputs.
const MilesPerDayRule = "EUGene's eras: 250 miles/day before 1918, 375 in 1918–1945, 500 from 1946"

// eugeneE is the base of natural logarithms as EUGene declares it
// (Eutypes1: e = 2.718281828). It differs from math.E by 4.6e-10, which
// moves an exponent by less than 3e-11; casus uses EUGene's constant so
// that its figures are EUGene's, not merely close to them.
const eugeneE = 2.718281828

// Exponent is the power the loss-of-strength gradient raises a CINC to
// at a distance of miles in year: log10(miles/MilesPerDay(year) + 10 − e).
// It is log10(10 − e) ≈ 0.862 at distance 0 and 1 at e·MilesPerDay miles
// (≈ 680 miles before 1918, ≈ 1,360 from 1946); since CINC < 1, a larger
// exponent is a larger discount.
func Exponent(miles float64, year int) float64 {
	return math.Log10(miles/MilesPerDay(year) + 10 - eugeneE)
}

// LossOfStrength discounts a CINC for distance with Bueno de Mesquita's
// (1981) gradient: cinc^Exponent(miles, year). A missing CINC or distance
// stays missing.
func LossOfStrength(cinc, miles float64, year int) float64 {
	if math.IsNaN(cinc) || math.IsNaN(miles) {
		return math.NaN()
	}
	return math.Pow(cinc, Exponent(miles, year))
}

// eugeneMilesPerDegree is EUGene's length of a degree of great-circle arc
// in statute miles (unit eutypes2, after Fitzpatrick & Modlin 1986,
// Direct-Line Distances). It implies a radius of 3,962.6 miles, 0.1% more
// than the mean radius GreatCircleMiles uses.
const eugeneMilesPerDegree = 69.16

// ArcDegrees is the central angle between a and b in degrees.
func ArcDegrees(a, b Point) float64 {
	return GreatCircleMiles(a, b) / earthRadiusMiles * 180 / math.Pi
}

// GradientMiles is the distance the loss-of-strength gradient uses, as
// EUGene measures it: 69.16 miles per degree of arc, rounded to whole
// miles.
func GradientMiles(a, b Point) float64 {
	return math.Round(eugeneMilesPerDegree * ArcDegrees(a, b))
}

// LandContiguous reports whether states a and b share a land border (COW
// direct contiguity type 1) on date d. After the contiguity data end, the
// spells in force at their end stand in and stoodIn is true.
func LandContiguous(cont []world.Contiguity, a, b int, d world.Date) (contiguous, stoodIn bool) {
	lo, hi := a, b
	if lo > hi {
		lo, hi = hi, lo
	}
	ym := d.Year()*100 + d.Month()
	if end := ContiguityEnd(cont); end > 0 && ym > end {
		ym, stoodIn = end, true
	}
	for _, c := range cont {
		if c.Low == lo && c.High == hi && c.Type == 1 && c.Begin <= ym && ym <= c.End {
			return true, stoodIn
		}
	}
	return false, stoodIn
}

// ContiguityEnd is the last month (YYYYMM) any spell in cont covers.
func ContiguityEnd(cont []world.Contiguity) int {
	end := 0
	for _, c := range cont {
		end = max(end, c.End)
	}
	return end
}

// CapitalOn returns state code's capital on date d from caps (world.Capitals).
// When no spell contains d — the capitals data end before it — the spell
// that started last before d stands in, and stoodIn is true.
func CapitalOn(caps []world.Capital, code int, d world.Date) (c world.Capital, stoodIn, ok bool) {
	var best *world.Capital
	for i := range caps {
		k := &caps[i]
		if k.Code != code {
			continue
		}
		if k.Spell.Contains(d) {
			return *k, false, true
		}
		if k.Spell.Start <= d && (best == nil || k.Spell.Start > best.Spell.Start) {
			best = k
		}
	}
	if best == nil {
		return world.Capital{}, false, false
	}
	return *best, true, true
}

// Discount fills the distance columns of b: every member's distance
// from its capital on date d to at (GradientMiles), its CINC discounted
// by LossOfStrength in the era of the year asked about, the discounted
// side sums and their ratio. A member without a capital in caps has a
// missing distance and is listed in Side.NoCapital; it is left out of the
// discounted sum, never counted undiscounted or as 0.
func (b *CoalitionBalance) Discount(at Point, caps []world.Capital, d world.Date) {
	b.DiscountContiguous(at, 0, nil, caps, d)
}

// DiscountContiguous is Discount with EUGene's contiguity rule (its
// default distance, "capitals + contiguity", at land contiguity): at is
// state home's capital, and every state land-contiguous to home on date
// d (cont, COW direct contiguity) is 0 miles away, whatever its capital's
// distance (Member.Contiguous). home 0 or cont nil is Discount.
func (b *CoalitionBalance) DiscountContiguous(at Point, home int, cont []world.Contiguity, caps []world.Capital, d world.Date) {
	b.At = &at
	b.MilesPerDay = MilesPerDay(b.Year)
	b.ContiguityRule = home != 0 && cont != nil
	b.ContiguityStoodIn = false
	for _, s := range []*Side{&b.A, &b.B} {
		s.DiscountedCINC = math.NaN()
		s.NoCapital = nil
		for i := range s.Members {
			m := &s.Members[i]
			m.Miles, m.Discounted, m.Contiguous = math.NaN(), math.NaN(), false
			c, stood, ok := CapitalOn(caps, m.Code, d)
			if !ok {
				s.NoCapital = append(s.NoCapital, m.Code)
				continue
			}
			m.Capital = c.Name
			m.CapitalStoodIn = stood
			m.Miles = GradientMiles(Point{c.Lat, c.Lng}, at)
			// home's own capital is the place, 0 miles away already.
			if b.ContiguityRule && m.Code != home {
				contig, stoodIn := LandContiguous(cont, m.Code, home, d)
				b.ContiguityStoodIn = b.ContiguityStoodIn || stoodIn
				if contig {
					m.Miles, m.Contiguous = 0, true
				}
			}
			m.Discounted = LossOfStrength(m.CINC, m.Miles, b.Year)
			if !math.IsNaN(m.Discounted) {
				s.DiscountedCINC = addNaN(s.DiscountedCINC, m.Discounted)
			}
		}
	}
	b.DiscountedRatio = math.NaN()
	if !math.IsNaN(b.A.DiscountedCINC) && !math.IsNaN(b.B.DiscountedCINC) && b.B.DiscountedCINC != 0 {
		b.DiscountedRatio = b.A.DiscountedCINC / b.B.DiscountedCINC
	}
}

// CapitalsEnd is the last day any capital spell in caps covers; after it a
// capital is the latest spell's (CapitalOn reports stoodIn).
func CapitalsEnd(caps []world.Capital) world.Date {
	var end world.Date
	for _, c := range caps {
		if c.Spell.End > end {
			end = c.Spell.End
		}
	}
	return end
}

// BalanceSeries is the balance of two coalitions year by year.
func BalanceSeries(caps *world.Capabilities, from, to int, sideA, sideB []int) []CoalitionBalance {
	var out []CoalitionBalance
	for y := from; y <= to; y++ {
		out = append(out, Balance(caps, y, sideA, sideB))
	}
	return out
}

// StateYear is one state's capabilities in one year of a release: the
// components, its CINC, and its share of the system.
type StateYear struct {
	Year int
	// Components in NMC units (world.Capability); NaN when not reported.
	Components [6]float64
	// ComponentShares are each component over the system total of the
	// states that report it.
	ComponentShares [6]float64
	// CINC is the recomputed index: the mean of the component shares.
	CINC float64
	// Share is CINC over the system's summed CINC, which is not exactly 1
	// when some state misses a component (see the package comment).
	Share float64
	// InRelease is false for a year the release has no row for the state.
	InRelease bool
}

// Trend returns state code's capabilities for every year from..to, one row
// per year; a year outside the release or the state's membership is a row
// of NaN with InRelease false, never zeros.
func Trend(caps *world.Capabilities, code, from, to int) []StateYear {
	ix := Recompute(caps)
	var out []StateYear
	for y := from; y <= to; y++ {
		r := StateYear{Year: y, CINC: math.NaN(), Share: math.NaN()}
		for k := range r.Components {
			r.Components[k], r.ComponentShares[k] = math.NaN(), math.NaN()
		}
		if c, ok := caps.Get(code, y); ok && caps != nil {
			r.InRelease = true
			r.Components = c.Components()
			tot := ix.Totals(y)
			for k, v := range r.Components {
				if !world.Missing(v) && !math.IsNaN(tot[k]) && tot[k] != 0 {
					r.ComponentShares[k] = v / tot[k]
				}
			}
			r.CINC, _ = ix.Get(code, y)
			if sum := ix.SystemSum(y); sum > 0 {
				r.Share = r.CINC / sum
			}
		}
		out = append(out, r)
	}
	return out
}

// ComponentUnits are the NMC units of world.ComponentNames, for labels.
var ComponentUnits = [6]string{
	"thousands of current US$ (£ before 1914)",
	"thousands of personnel",
	"thousands of tons",
	"thousands of coal-ton equivalents",
	"thousands",
	"thousands",
}
