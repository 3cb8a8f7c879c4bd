package source

import (
	"github.com/casus-dev/casus/world"
)

// COW State System Membership: states2016.csv and statelist2024.csv (one
// row per membership spell), system2016.csv (state-years) and majors2016.csv
// (major-power spells).

const citeStates = "Correlates of War Project. 2017. \"State System Membership List, v2016.\" Online, http://correlatesofwar.org."

var statesHeader = []string{"stateabb", "ccode", "statenme", "styear", "stmonth", "stday", "endyear", "endmonth", "endday", "version"}

// StateSpell is one row of states2016.csv or statelist2024.csv: a spell of
// system membership of one state.
type StateSpell struct {
	Abb   string
	Code  int
	Name  string
	Spell world.Spell // both ends inclusive and always set
}

// ReadStates2016 reads COW's states2016.csv (v2016, 243 spells to
// 2016-12-31).
func ReadStates2016(src Source) ([]StateSpell, world.Dataset, error) {
	return readStateList(src, "2016", "COW State System Membership (states2016)")
}

// ReadStateList2024 reads COW's statelist2024.csv (v2024, to 2024-12-31).
func ReadStateList2024(src Source) ([]StateSpell, world.Dataset, error) {
	return readStateList(src, "2024", "COW State System Membership (statelist2024)")
}

func readStateList(src Source, version, name string) ([]StateSpell, world.Dataset, error) {
	in, err := src.read()
	if err != nil {
		return nil, world.Dataset{}, err
	}
	rows, err := parseStateList(in.base, in.data, version)
	if err != nil {
		return nil, world.Dataset{}, err
	}
	var ys yearSpan
	for _, r := range rows {
		ys.add(r.Spell.Start.Year())
		ys.add(r.Spell.End.Year())
	}
	return rows, in.dataset(name, version, len(rows), ys.first, ys.last, citeStates), nil
}

// parseStateList parses either state list; version is the constant of the
// version column, which is also the last year a spell may reach.
func parseStateList(file string, data []byte, version string) ([]StateSpell, error) {
	last := 2016
	if version == "2024" {
		last = 2024
	}
	var rows []StateSpell
	err := parseAll(file, data, statesHeader, func(s *scanner) error {
		r := StateSpell{
			Abb:  s.nonEmpty(0),
			Code: s.intIn(1, 2, 999),
			Name: s.nonEmpty(2),
		}
		r.Spell.Start = s.date(3, 4, 5, 1816, last)
		r.Spell.End = s.date(6, 7, 8, 1816, last)
		s.exact(9, version)
		if s.err == nil && r.Spell.End < r.Spell.Start {
			s.fail(6, "an end on or after the start "+r.Spell.Start.String())
		}
		rows = append(rows, r)
		return nil
	})
	return rows, err
}

// SystemYear is one row of system2016.csv.
type SystemYear struct {
	Abb  string
	Code int
	Year int
}

var systemHeader = []string{"stateabb", "ccode", "year", "version"}

// ReadSystem2016 reads COW's system2016.csv (state-years 1816–2016).
func ReadSystem2016(src Source) ([]SystemYear, world.Dataset, error) {
	in, err := src.read()
	if err != nil {
		return nil, world.Dataset{}, err
	}
	rows, err := parseSystem(in.base, in.data)
	if err != nil {
		return nil, world.Dataset{}, err
	}
	var ys yearSpan
	for _, r := range rows {
		ys.add(r.Year)
	}
	return rows, in.dataset("COW State System Membership (system2016)", "2016", len(rows), ys.first, ys.last, citeStates), nil
}

func parseSystem(file string, data []byte) ([]SystemYear, error) {
	rows := make([]SystemYear, 0, len(data)/20)
	var keys keyCheck
	keyOf := func(i int) uint64 { return stateYearKey(rows[i].Code, rows[i].Year) }
	err := parseAll(file, data, systemHeader, func(s *scanner) error {
		r := SystemYear{Abb: s.nonEmpty(0), Code: s.intIn(1, 2, 999), Year: s.intIn(2, 1816, 2016)}
		s.exact(3, "2016")
		if s.err == nil && !keys.add(stateYearKey(r.Code, r.Year), len(rows), keyOf) {
			s.fail(2, "a ccode-year not already in the file")
		}
		rows = append(rows, r)
		return nil
	})
	return rows, err
}

// MajorSpell is one row of majors2016.csv.
type MajorSpell struct {
	Abb   string
	Code  int
	Spell world.Spell
}

var majorsHeader = []string{"stateabb", "ccode", "styear", "stmonth", "stday", "endyear", "endmonth", "endday", "version"}

// MajorsEnd is the last day majors2016.csv covers. Its spells that reach
// this day are censored by the data, not ended: status after it is unknown.
var MajorsEnd = world.D(2016, 12, 31)

// ReadMajors2016 reads COW's majors2016.csv.
func ReadMajors2016(src Source) ([]MajorSpell, world.Dataset, error) {
	in, err := src.read()
	if err != nil {
		return nil, world.Dataset{}, err
	}
	rows, err := parseMajors(in.base, in.data)
	if err != nil {
		return nil, world.Dataset{}, err
	}
	var ys yearSpan
	for _, r := range rows {
		ys.add(r.Spell.Start.Year())
		ys.add(r.Spell.End.Year())
	}
	return rows, in.dataset("COW Major Powers (majors2016)", "2016", len(rows), ys.first, ys.last, citeStates), nil
}

func parseMajors(file string, data []byte) ([]MajorSpell, error) {
	var rows []MajorSpell
	err := parseAll(file, data, majorsHeader, func(s *scanner) error {
		r := MajorSpell{Abb: s.nonEmpty(0), Code: s.intIn(1, 2, 999)}
		r.Spell.Start = s.date(2, 3, 4, 1816, 2016)
		r.Spell.End = s.date(5, 6, 7, 1816, 2016)
		s.exact(8, "2016")
		if s.err == nil && r.Spell.End < r.Spell.Start {
			s.fail(5, "an end on or after the start "+r.Spell.Start.String())
		}
		rows = append(rows, r)
		return nil
	})
	return rows, err
}
