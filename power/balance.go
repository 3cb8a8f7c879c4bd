package power

import (
	"fmt"
	"math"

	"github.com/casus-dev/casus/world"
)

// Side is one coalition's capabilities in the data year.
type Side struct {
	// Codes are the coalition's states as given.
	Codes []int
	// CINC sums the recomputed CINC of the members that have one; NaN when
	// none has.
	CINC float64
	// Components sums each NMC component (order of world.ComponentNames)
	// over the members that report it; NaN when none does.
	Components [6]float64
	// Missing lists members with no CINC in the data year (not in the
	// release that year, e.g. not a system member): they are left out of
	// CINC, not counted as 0.
	Missing []int
	// MissingComponents lists, per component, the members that do not
	// report it (their value is left out of that component's sum).
	MissingComponents [6][]int
	// Members holds each member's own figures, in Codes order.
	Members []Member
	// DiscountedCINC sums the members' distance-discounted CINC (set by
	// CoalitionBalance.Discount; NaN before, or when no member has one).
	DiscountedCINC float64
	// NoCapital lists members without a capital to measure from.
	NoCapital []int
}

// Member is one state's contribution to a side.
type Member struct {
	Code int
	// CINC is the recomputed index; NaN when the release has no row.
	CINC       float64
	Components [6]float64
	// Capital, Miles and Discounted are set by Discount: the capital the
	// distance is measured from (CapitalStoodIn when the capitals data
	// end before the date and the last known one stood in), the distance
	// in whole statute miles (GradientMiles), and CINC discounted by the
	// loss-of-strength gradient. NaN before Discount or when unknown.
	// Contiguous is true when EUGene's contiguity rule set Miles to 0.
	Capital        string
	CapitalStoodIn bool
	Miles          float64
	Discounted     float64
	Contiguous     bool
}

// Complete reports whether every member has a CINC and every component.
func (s Side) Complete() bool {
	if len(s.Missing) > 0 {
		return false
	}
	for _, m := range s.MissingComponents {
		if len(m) > 0 {
			return false
		}
	}
	return true
}

// CoalitionBalance compares two coalitions' capabilities.
type CoalitionBalance struct {
	Version string // NMC release
	// Year is the year asked about; DataYear the year whose data were used
	// (LatestYear). DataYear is 0 when the release has nothing at or before
	// Year, and every number is then NaN.
	Year, DataYear int
	A, B           Side
	// Ratio is A.CINC / B.CINC: NaN when either is missing or B's is 0.
	Ratio float64
	// At is the place capabilities were discounted to (nil: no discount);
	// MilesPerDay the gradient's transport constant for Year, and
	// DiscountedRatio A.DiscountedCINC / B.DiscountedCINC. ContiguityRule
	// is true when DiscountContiguous zeroed the distance of the place's
	// state and its land neighbours; ContiguityStoodIn when the contiguity
	// data end before the date and their last spells stood in.
	At                *Point
	MilesPerDay       float64
	DiscountedRatio   float64
	ContiguityRule    bool
	ContiguityStoodIn bool
}

// Balance sums the capabilities of coalitions sideA and sideB (COW codes)
// in the latest year at or before year that caps covers. A state listed on
// both sides counts on both. Members without data are listed, never
// counted as zero.
func Balance(caps *world.Capabilities, year int, sideA, sideB []int) CoalitionBalance {
	b := CoalitionBalance{Version: version(caps), Year: year, Ratio: math.NaN(), DiscountedRatio: math.NaN()}
	dy, ok := LatestYear(caps, year)
	if ok {
		b.DataYear = dy
	}
	ix := Recompute(caps)
	b.A = side(ix, dy, ok, sideA)
	b.B = side(ix, dy, ok, sideB)
	if !math.IsNaN(b.A.CINC) && !math.IsNaN(b.B.CINC) && b.B.CINC != 0 {
		b.Ratio = b.A.CINC / b.B.CINC
	}
	return b
}

// Note says which release and data year the numbers come from, and which
// year stood in when the request lies after the release's last year.
func (b CoalitionBalance) Note() string {
	switch {
	case b.Version == "" && b.DataYear == 0:
		return "no NMC release"
	case b.DataYear == 0:
		return fmt.Sprintf("NMC %s starts later than %d: no capability data", b.Version, b.Year)
	case b.DataYear < b.Year:
		return fmt.Sprintf("NMC %s ends in %d: capabilities of %d stand in for %d", b.Version, b.DataYear, b.DataYear, b.Year)
	}
	return fmt.Sprintf("NMC %s, data year %d", b.Version, b.DataYear)
}

func side(ix *Index, year int, covered bool, codes []int) Side {
	s := Side{Codes: append([]int(nil), codes...), CINC: math.NaN(), DiscountedCINC: math.NaN()}
	for k := range s.Components {
		s.Components[k] = math.NaN()
	}
	for _, c := range codes {
		v, ok := ix.Get(c, year)
		if !covered {
			v = math.NaN()
		}
		if !covered || !ok || math.IsNaN(v) {
			s.Missing = append(s.Missing, c)
		} else {
			s.CINC = addNaN(s.CINC, v)
		}
		var comp [6]float64
		if covered && ok {
			r, _ := ix.Caps.Get(c, year)
			comp = r.Components()
		} else {
			comp = [6]float64{math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN()}
		}
		s.Members = append(s.Members, Member{Code: c, CINC: v, Components: comp, Miles: math.NaN(), Discounted: math.NaN()})
		for k, x := range comp {
			if world.Missing(x) {
				s.MissingComponents[k] = append(s.MissingComponents[k], c)
				continue
			}
			s.Components[k] = addNaN(s.Components[k], x)
		}
	}
	return s
}

// addNaN adds v to a running sum that starts as NaN ("nothing yet").
func addNaN(sum, v float64) float64 {
	if math.IsNaN(sum) {
		return v
	}
	return sum + v
}
