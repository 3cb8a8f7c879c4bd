package source

import (
	"strings"

	"github.com/casus-dev/casus/world"
)

// ATOP 5.1 member level (atop5_1m.csv): one row per member per alliance
// phase, 2,510 rows.

var atopMemberHeader = concat(strings.Fields(`atopid cowid cow4id member cowsys yrent moent dayent
	yrexit moexit dayexit ineffect bilat phase maxphase wartime cowwar estmode pubsecr secrart proadd
	futmem speclgth length renounce proren renewlgt term termmode termcaus defense offense neutral
	nonagg consul active conditio defcon offcon neucon concon defcoadv defcoloc defcocon defconum
	defcodem defconpr offcoadv offcoloc offcocon offconum offcodem neucoadv neucoloc neucocon neuconum
	neucodem neuconpr neucoatt concoadv concoloc concocon concoreq olimob asymm obvary`),
	atopProvisions, []string{"source", "new5", "rev5", "version"})

var atopMemberCols = newATOPColumns(atopMemberHeader)

// ATOPMember is one row of the ATOP member-level file: one state's
// participation in one phase of one alliance.
//
// Dates: Entry is the member's signature date (ATOP codes signature, not
// ratification). Exit is the zero Date when ATOP codes the exit as 0/0/0,
// meaning still in force on 2018-12-31 (then Ineffect is true). ATOP leaves
// DAYENT blank when the day of signature is unknown and DAYEXIT blank when
// only the month of exit is known; casus then takes the first day of the
// month for Entry and the last day of the month for Exit (the widest spell
// the codebook allows) and sets EntryDayUnknown / ExitDayUnknown.
//
// Dummies that the codebook never codes missing are bool; columns that can
// be blank ("not located the original agreement") are int with MissingInt.
type ATOPMember struct {
	AtopID, CowID, Cow4ID int // CowID, Cow4ID: MissingInt when the alliance is not in COW
	Member                int // COW code; 8152 is ATOP's code for a non-system partner
	CowSys                bool
	Entry, Exit           world.Date
	EntryDayUnknown       bool
	ExitDayUnknown        bool
	Ineffect, Bilat       bool
	Phase, Maxphase       int

	Defense, Offense, Neutral, Nonagg, Consul bool
	Active, Conditio                          bool
	DefCon, OffCon, NeuCon, ConCon            bool

	DefCoAdv, DefCoLoc, DefCoCon, DefCoNum, DefCoDem, DefCoNPr           bool
	OffCoAdv, OffCoLoc, OffCoCon, OffCoNum, OffCoDem                     bool
	NeuCoAdv, NeuCoLoc, NeuCoCon, NeuCoNum, NeuCoDem, NeuCoNPr, NeuCoAtt bool
	ConCoAdv, ConCoLoc, ConCoCon, ConCoReq                               bool
	OliMob, Asymm, ObVary                                                bool

	NoOthAll           int // 0/1, MissingInt when unknown
	SpecThrt           int // 0–6, MissingInt when unknown
	StatThr1, StatThr2 int // COW code of a named threat, 0 = none, MissingInt when unknown

	vals []int32
}

// Spell returns the member's participation as a world.Spell.
func (m *ATOPMember) Spell() world.Spell { return world.Spell{Start: m.Entry, End: m.Exit} }

// Int returns any integer column of the member file by its ATOP name
// ("termcaus", "milaid", "cowwar", …): the value, MissingInt when the cell
// is blank, and false when the file has no such column.
func (m *ATOPMember) Int(column string) (int, bool) { return atopMemberCols.get(m.vals, column) }

// ATOPMemberColumns lists the columns of atop5_1m.csv in file order.
func ATOPMemberColumns() []string { return append([]string(nil), atopMemberHeader...) }

// ReadATOPMembers reads atop5_1m.csv.
func ReadATOPMembers(src Source) ([]ATOPMember, world.Dataset, error) {
	return readATOPMembers(src, "ATOP member level")
}

// ReadATOPMembersNNA reads atop5_1m_NNA.csv (same columns, nonaggression-only
// pacts left out).
func ReadATOPMembersNNA(src Source) ([]ATOPMember, world.Dataset, error) {
	return readATOPMembers(src, "ATOP member level, no nonaggression-only pacts")
}

func readATOPMembers(src Source, name string) ([]ATOPMember, world.Dataset, error) {
	in, err := src.read()
	if err != nil {
		return nil, world.Dataset{}, err
	}
	rows, err := parseATOPMembers(in.base, in.data)
	if err != nil {
		return nil, world.Dataset{}, err
	}
	var ys yearSpan
	for _, r := range rows {
		ys.add(r.Entry.Year())
		if !r.Exit.IsZero() {
			ys.add(r.Exit.Year())
		}
	}
	return rows, in.dataset(name, "5.1", len(rows), ys.first, ys.last, citeATOP), nil
}

func parseATOPMembers(file string, data []byte) ([]ATOPMember, error) {
	c := atopMemberCols
	var rows []ATOPMember
	err := parseAll(file, data, c.names, func(s *scanner) error {
		vals := make([]int32, len(c.names))
		c.codedRow(s, vals)
		if s.err != nil {
			return s.err
		}
		g := func(n string) int { return int(vals[c.col(n)]) }
		b := func(n string) bool { return vals[c.col(n)] == 1 }
		m := ATOPMember{
			AtopID: g("atopid"), CowID: g("cowid"), Cow4ID: g("cow4id"), Member: g("member"),
			CowSys: b("cowsys"), Ineffect: b("ineffect"), Bilat: b("bilat"),
			Phase: g("phase"), Maxphase: g("maxphase"),
			Defense: b("defense"), Offense: b("offense"), Neutral: b("neutral"), Nonagg: b("nonagg"), Consul: b("consul"),
			Active: b("active"), Conditio: b("conditio"),
			DefCon: b("defcon"), OffCon: b("offcon"), NeuCon: b("neucon"), ConCon: b("concon"),
			DefCoAdv: b("defcoadv"), DefCoLoc: b("defcoloc"), DefCoCon: b("defcocon"), DefCoNum: b("defconum"), DefCoDem: b("defcodem"), DefCoNPr: b("defconpr"),
			OffCoAdv: b("offcoadv"), OffCoLoc: b("offcoloc"), OffCoCon: b("offcocon"), OffCoNum: b("offconum"), OffCoDem: b("offcodem"),
			NeuCoAdv: b("neucoadv"), NeuCoLoc: b("neucoloc"), NeuCoCon: b("neucocon"), NeuCoNum: b("neuconum"), NeuCoDem: b("neucodem"), NeuCoNPr: b("neuconpr"), NeuCoAtt: b("neucoatt"),
			ConCoAdv: b("concoadv"), ConCoLoc: b("concoloc"), ConCoCon: b("concocon"), ConCoReq: b("concoreq"),
			OliMob: b("olimob"), Asymm: b("asymm"), ObVary: b("obvary"),
			NoOthAll: g("noothall"), SpecThrt: g("specthrt"), StatThr1: g("statthr1"), StatThr2: g("statthr2"),
			vals: vals,
		}
		m.Entry, m.EntryDayUnknown = atopStart(s, c, vals, "yrent", "moent", "dayent")
		m.Exit, m.ExitDayUnknown = atopEnd(s, c, vals, "yrexit", "moexit", "dayexit")
		if s.err == nil && !m.Exit.IsZero() && m.Exit < m.Entry {
			s.fail(c.col("yrexit"), "an exit on or after the entry "+m.Entry.String())
		}
		if s.err == nil && m.Ineffect != m.Exit.IsZero() {
			s.fail(c.col("ineffect"), "1 exactly when the exit date is 0/0/0")
		}
		rows = append(rows, m)
		return nil
	})
	return rows, err
}

// atopStart builds a start date; a blank day means the day is unknown and
// the first of the month is used.
func atopStart(s *scanner, c *atopColumns, vals []int32, yc, mc, dc string) (world.Date, bool) {
	if s.err != nil {
		return 0, false
	}
	y, m, d := int(vals[c.col(yc)]), int(vals[c.col(mc)]), int(vals[c.col(dc)])
	unknown := d == MissingInt
	if unknown {
		d = 1
	}
	if m == 0 {
		s.fail(c.col(mc), "a month from 1 to 12")
		return 0, false
	}
	v := world.D(y, m, d)
	if !v.Valid() {
		s.fail(c.col(dc), "a day that exists in that month")
		return 0, false
	}
	return v, unknown
}

// atopEnd builds an end date: 0/0/0 is "still in force" (zero Date); a
// blank day means only the month is known and its last day is used.
func atopEnd(s *scanner, c *atopColumns, vals []int32, yc, mc, dc string) (world.Date, bool) {
	if s.err != nil {
		return 0, false
	}
	y, m, d := int(vals[c.col(yc)]), int(vals[c.col(mc)]), int(vals[c.col(dc)])
	if y == 0 {
		if m != 0 || d != 0 {
			s.fail(c.col(mc), "0 when the exit year is 0 (still in force)")
		}
		return 0, false
	}
	if m == 0 {
		s.fail(c.col(mc), "a month from 1 to 12 when the year is set")
		return 0, false
	}
	unknown := d == MissingInt
	if unknown {
		d = lastDay(y, m)
	}
	v := world.D(y, m, d)
	if d == 0 || !v.Valid() {
		s.fail(c.col(dc), "a day that exists in that month")
		return 0, false
	}
	return v, unknown
}
