package source

import (
	"github.com/casus-dev/casus/world"
)

// COW Inter-State War Data v4.0 (Inter-StateWarData_v4.0.csv): one row per
// war participant (a state that changed sides has two rows), 337 rows, 95
// wars. The file has bare-CR line ends and no final newline; the scanner
// treats CR as a line end, so no normalisation pass is needed.

const citeWars = "Sarkees, Meredith Reid, and Frank Wayman. 2010. Resort to War: 1816-2007. Washington, DC: CQ Press. (COW Inter-State War Data v4.0)"

var warHeader = []string{"WarNum", "WarName", "WarType", "ccode", "StateName", "Side",
	"StartMonth1", "StartDay1", "StartYear1", "EndMonth1", "EndDay1", "EndYear1",
	"StartMonth2", "StartDay2", "StartYear2", "EndMonth2", "EndDay2", "EndYear2",
	"TransFrom", "WhereFought", "Initiator", "Outcome", "TransTo", "BatDeath", "Version"}

// Codes of the war codebook for date parts and TransFrom/TransTo.
const (
	WarOngoing       = -7 // "war ongoing as of 12/31/2007"
	WarNotApplicable = -8
	WarUnknown       = -9
)

// WarParticipantRow is one row of the inter-state war file with every
// column typed. Date parts keep the codebook's negative codes (-7 ongoing,
// -8 not applicable, -9 unknown); Spells interprets them.
type WarParticipantRow struct {
	WarNum    int
	WarName   string
	WarType   int
	Code      int
	StateName string
	Side      int // 1 or 2
	// Start/End month, day, year for spell 1 and (if fighting resumed) 2.
	StartMonth1, StartDay1, StartYear1, EndMonth1, EndDay1, EndYear1 int
	StartMonth2, StartDay2, StartYear2, EndMonth2, EndDay2, EndYear2 int
	// TransFrom is text: the codebook gives a war number or -8, but the
	// file also holds lists such as "404, 410".
	TransFrom   string
	WhereFought int
	Initiator   bool    // codebook 1 = yes, 2 = no
	Outcome     int     // 1 winner … 8 changed sides
	TransTo     int     // war number or -8
	BatDeath    float64 // NaN when -9 (unknown)
}

// Spells converts the participant's date codes into spells. An unknown
// start month or day widens the spell to the start of the year or month, an
// unknown end to its end; -7 (ongoing) leaves the end open.
func (r *WarParticipantRow) Spells() []world.Spell {
	out := []world.Spell{warSpell(r.StartYear1, r.StartMonth1, r.StartDay1, r.EndYear1, r.EndMonth1, r.EndDay1)}
	if r.StartYear2 != WarNotApplicable {
		out = append(out, warSpell(r.StartYear2, r.StartMonth2, r.StartDay2, r.EndYear2, r.EndMonth2, r.EndDay2))
	}
	return out
}

func warSpell(sy, sm, sd, ey, em, ed int) world.Spell {
	var sp world.Spell
	if sy > 0 {
		if sm < 1 {
			sm, sd = 1, 1
		}
		if sd < 1 {
			sd = 1
		}
		sp.Start = world.D(sy, sm, sd)
	}
	if ey > 0 && em != WarOngoing && ed != WarOngoing {
		if em < 1 {
			em, ed = 12, 31
		}
		if ed < 1 {
			ed = lastDay(ey, em)
		}
		sp.End = world.D(ey, em, ed)
	}
	return sp
}

// ReadInterStateWars reads the war file into typed participant rows.
func ReadInterStateWars(src Source) ([]WarParticipantRow, world.Dataset, error) {
	in, err := src.read()
	if err != nil {
		return nil, world.Dataset{}, err
	}
	rows, err := parseWars(in.base, in.data)
	if err != nil {
		return nil, world.Dataset{}, err
	}
	var ys yearSpan
	for _, r := range rows {
		for _, y := range []int{r.StartYear1, r.EndYear1, r.StartYear2, r.EndYear2} {
			if y > 0 {
				ys.add(y)
			}
		}
	}
	return rows, in.dataset("COW Inter-State War", "4.0", len(rows), ys.first, ys.last, citeWars), nil
}

// ReadWars reads the war file straight into the world model's wars.
func ReadWars(src Source) ([]world.War, world.Dataset, error) {
	rows, ds, err := ReadInterStateWars(src)
	if err != nil {
		return nil, ds, err
	}
	return GroupWars(rows), ds, nil
}

// GroupWars groups participant rows into wars, in file order.
func GroupWars(rows []WarParticipantRow) []world.War {
	var out []world.War
	idx := map[int]int{}
	for i := range rows {
		r := &rows[i]
		k, ok := idx[r.WarNum]
		if !ok {
			k = len(out)
			idx[r.WarNum] = k
			out = append(out, world.War{Num: r.WarNum, Name: r.WarName})
		}
		out[k].Participants = append(out[k].Participants, world.WarParticipant{
			Code: r.Code, Side: r.Side, Spells: r.Spells(), Initiator: r.Initiator,
			Outcome: r.Outcome, BatDeath: r.BatDeath, WhereFought: r.WhereFought,
			Line: i + 2, // one line per row after the header
		})
	}
	return out
}

func parseWars(file string, data []byte) ([]WarParticipantRow, error) {
	var rows []WarParticipantRow
	err := parseAll(file, data, warHeader, func(s *scanner) error {
		r := WarParticipantRow{
			WarNum: s.intIn(0, 1, 9999), WarName: s.nonEmpty(1), WarType: s.intIn(2, 1, 1),
			Code: s.intIn(3, 2, 999), StateName: s.nonEmpty(4), Side: s.intIn(5, 1, 2),
		}
		// Spell 1: -9 unknown allowed anywhere, -7 ongoing in the end.
		r.StartMonth1 = warPart(s, 6, 1, 12, false, false)
		r.StartDay1 = warPart(s, 7, 1, 31, false, false)
		r.StartYear1 = warPart(s, 8, 1816, 2007, false, false)
		r.EndMonth1 = warPart(s, 9, 1, 12, true, false)
		r.EndDay1 = warPart(s, 10, 1, 31, true, false)
		r.EndYear1 = warPart(s, 11, 1816, 2007, true, false)
		// Spell 2: also -8 (not applicable).
		r.StartMonth2 = warPart(s, 12, 1, 12, false, true)
		r.StartDay2 = warPart(s, 13, 1, 31, false, true)
		r.StartYear2 = warPart(s, 14, 1816, 2007, false, true)
		r.EndMonth2 = warPart(s, 15, 1, 12, true, true)
		r.EndDay2 = warPart(s, 16, 1, 31, true, true)
		r.EndYear2 = warPart(s, 17, 1816, 2007, true, true)
		r.TransFrom = s.nonEmpty(18)
		r.WhereFought = s.intIn(19, 1, 19)
		r.Initiator = s.intIn(20, 1, 2) == 1
		r.Outcome = s.intIn(21, 1, 8)
		r.TransTo = s.intIn(22, -8, 9999)
		if s.err == nil && r.TransTo < 1 && r.TransTo != WarNotApplicable {
			s.fail(22, "a war number or -8")
		}
		r.BatDeath = s.num(23, 0, 1e8, true, false)
		s.exact(24, "4")
		if s.err == nil {
			// Spell 2 is all -8 or has no -8 at all.
			na := 0
			for _, v := range []int{r.StartMonth2, r.StartDay2, r.StartYear2, r.EndMonth2, r.EndDay2, r.EndYear2} {
				if v == WarNotApplicable {
					na++
				}
			}
			if na != 0 && na != 6 {
				s.fail(14, "-8 in all six spell-2 columns or in none")
			}
			sp := r.Spells()
			for _, p := range sp {
				if !p.Start.IsZero() && !p.End.IsZero() && p.End < p.Start {
					s.fail(11, "an end on or after the start "+p.Start.String())
				}
				if (!p.Start.IsZero() && !p.Start.Valid()) || (!p.End.IsZero() && !p.End.Valid()) {
					s.fail(7, "a day that exists in that month")
				}
			}
		}
		rows = append(rows, r)
		return nil
	})
	return rows, err
}

// warPart reads one date part: a value in lo..hi, or -9 (unknown), or -7
// (ongoing) where ongoing is allowed, or -8 where not-applicable is.
func warPart(s *scanner, i, lo, hi int, ongoing, na bool) int {
	v, ok := atoi(s.fields[i])
	if ok && (v >= lo && v <= hi || v == WarUnknown || ongoing && v == WarOngoing || na && v == WarNotApplicable) {
		return v
	}
	w := wantRange(lo, hi) + " or -9 (unknown)"
	if ongoing {
		w += " or -7 (ongoing)"
	}
	if na {
		w += " or -8 (not applicable)"
	}
	s.fail(i, w)
	return 0
}
