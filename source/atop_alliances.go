package source

import (
	"strings"

	"github.com/casus-dev/casus/world"
)

// ATOP 5.1 alliance level (atop5_1a.csv, 789 rows, mem1…mem59) and
// alliance-phase level (atop5_1aph.csv, 849 rows, mem1…mem57).

var atopAllianceObligations = strings.Fields(`wartime estmode pubsecr secrart proadd futmem speclgth
	length renounce proren renewlgt term defense offense neutral nonagg consul active conditio defcon
	offcon neucon concon asymm`)

var atopAllianceHeader = concat(
	strings.Fields("atopid cowid cow4id begyr begmo begday endyr endmo endday ineffect bilat maxphase"),
	atopAllianceObligations, atopProvisions, numbered("mem", 59),
	[]string{"source", "new5", "rev5", "version"})

var atopPhaseHeader = concat(
	strings.Fields("atopid atopidphase cowid cow4id begyr begmo begday endyr endmo endday ineffect bilat phase maxphase"),
	atopAllianceObligations, atopProvisions, numbered("mem", 57),
	[]string{"source", "new5", "rev5", "version"})

var (
	atopAllianceCols = newATOPColumns(atopAllianceHeader)
	atopPhaseCols    = newATOPColumns(atopPhaseHeader)
	// The *_NNA files (nonaggression-only pacts left out) have fewer
	// member columns, mem1…mem43, and are otherwise the same.
	atopAllianceNNACols = newATOPColumns(concat(atopAllianceHeader[:len(atopAllianceHeader)-4-59], numbered("mem", 43), []string{"source", "new5", "rev5", "version"}))
	atopPhaseNNACols    = newATOPColumns(concat(atopPhaseHeader[:len(atopPhaseHeader)-4-57], numbered("mem", 43), []string{"source", "new5", "rev5", "version"}))
)

// ATOPAlliance is one row of the alliance file or of the phase file. For the
// alliance file PhaseID is "" and Phase is 0.
//
// Begin/End follow the member file's conventions: End is the zero Date when
// ATOP codes 0/0/0 (in force on 2018-12-31); a blank day is the first of the
// month for Begin and the last of the month for End, flagged *DayUnknown.
type ATOPAlliance struct {
	AtopID          int
	PhaseID         string // atopidphase, e.g. "1020.1"; phase file only
	CowID, Cow4ID   int    // MissingInt when not in COW
	Begin, End      world.Date
	BeginDayUnknown bool
	EndDayUnknown   bool
	Ineffect, Bilat bool
	Phase, Maxphase int

	Defense, Offense, Neutral, Nonagg, Consul bool
	Active, Conditio, Asymm                   bool
	Members                                   []int // mem1…memN, blanks dropped

	cols *atopColumns
	vals []int32
}

// Int returns any integer column of the row's file by its ATOP name: the
// value, MissingInt when blank, and false when there is no such column.
func (a *ATOPAlliance) Int(column string) (int, bool) { return a.cols.get(a.vals, column) }

// ReadATOPAlliances reads atop5_1a.csv.
func ReadATOPAlliances(src Source) ([]ATOPAlliance, world.Dataset, error) {
	return readATOPAllianceFile(src, atopAllianceCols, "ATOP alliance level")
}

// ReadATOPPhases reads atop5_1aph.csv.
func ReadATOPPhases(src Source) ([]ATOPAlliance, world.Dataset, error) {
	return readATOPAllianceFile(src, atopPhaseCols, "ATOP alliance-phase level")
}

// ReadATOPAlliancesNNA reads atop5_1a_NNA.csv (no nonaggression-only pacts).
func ReadATOPAlliancesNNA(src Source) ([]ATOPAlliance, world.Dataset, error) {
	return readATOPAllianceFile(src, atopAllianceNNACols, "ATOP alliance level, no nonaggression-only pacts")
}

// ReadATOPPhasesNNA reads atop5_1aph_NNA.csv.
func ReadATOPPhasesNNA(src Source) ([]ATOPAlliance, world.Dataset, error) {
	return readATOPAllianceFile(src, atopPhaseNNACols, "ATOP alliance-phase level, no nonaggression-only pacts")
}

func readATOPAllianceFile(src Source, c *atopColumns, name string) ([]ATOPAlliance, world.Dataset, error) {
	in, err := src.read()
	if err != nil {
		return nil, world.Dataset{}, err
	}
	rows, err := parseATOPAlliances(in.base, in.data, c)
	if err != nil {
		return nil, world.Dataset{}, err
	}
	var ys yearSpan
	for _, r := range rows {
		ys.add(r.Begin.Year())
		if !r.End.IsZero() {
			ys.add(r.End.Year())
		}
	}
	return rows, in.dataset(name, "5.1", len(rows), ys.first, ys.last, citeATOP), nil
}

func parseATOPAlliances(file string, data []byte, c *atopColumns) ([]ATOPAlliance, error) {
	var rows []ATOPAlliance
	mem1 := c.col("mem1")
	_, phased := c.index["atopidphase"]
	err := parseAll(file, data, c.names, func(s *scanner) error {
		vals := make([]int32, len(c.names))
		pid := c.codedRow(s, vals)
		if s.err != nil {
			return s.err
		}
		g := func(n string) int { return int(vals[c.col(n)]) }
		b := func(n string) bool { return vals[c.col(n)] == 1 }
		a := ATOPAlliance{
			AtopID: g("atopid"), PhaseID: pid, CowID: g("cowid"), Cow4ID: g("cow4id"),
			Ineffect: b("ineffect"), Bilat: b("bilat"), Maxphase: g("maxphase"),
			Defense: b("defense"), Offense: b("offense"), Neutral: b("neutral"), Nonagg: b("nonagg"), Consul: b("consul"),
			Active: b("active"), Conditio: b("conditio"), Asymm: b("asymm"),
			cols: c, vals: vals,
		}
		if phased {
			a.Phase = g("phase")
			if id, _, _ := strings.Cut(pid, "."); id != string(s.fields[0]) {
				s.fail(1, "an id starting with the row's atopid "+string(s.fields[0]))
			}
		}
		for i := mem1; i < len(c.names) && strings.HasPrefix(c.names[i], "mem"); i++ {
			if v := vals[i]; v != MissingInt {
				a.Members = append(a.Members, int(v))
			}
		}
		if len(a.Members) < 2 {
			s.fail(mem1+1, "at least two members (an alliance needs two signatories)")
		}
		a.Begin, a.BeginDayUnknown = atopStart(s, c, vals, "begyr", "begmo", "begday")
		a.End, a.EndDayUnknown = atopEnd(s, c, vals, "endyr", "endmo", "endday")
		if s.err == nil && !a.End.IsZero() && a.End < a.Begin {
			s.fail(c.col("endyr"), "an end on or after the begin "+a.Begin.String())
		}
		rows = append(rows, a)
		return nil
	})
	return rows, err
}
