package source

import (
	"github.com/casus-dev/casus/world"
)

// Capitals of COW states with dates and geocoded coordinates, as converted
// from peacesciencer's cow_capitals (cow_capitals_peacesciencer.csv; UTF-8,
// character columns quoted). COW publishes no capitals list.

const citeCapitals = "Miller, Steven V. 2022. \"peacesciencer: An R Package for Quantitative Peace Science Research.\" Conflict Management and Peace Science 39(6): 755-779. (cow_capitals)"

var capitalsHeader = []string{"ccode", "statenme", "capital", "stdate", "enddate", "lat", "lng"}

// CapitalRow is one row of the capitals file.
type CapitalRow struct {
	world.Capital
	StateName string
}

// ReadCapitals reads cow_capitals_peacesciencer.csv.
func ReadCapitals(src Source) ([]CapitalRow, world.Dataset, error) {
	in, err := src.read()
	if err != nil {
		return nil, world.Dataset{}, err
	}
	rows, err := parseCapitals(in.base, in.data)
	if err != nil {
		return nil, world.Dataset{}, err
	}
	var ys yearSpan
	for _, r := range rows {
		ys.add(r.Spell.Start.Year())
		ys.add(r.Spell.End.Year())
	}
	return rows, in.dataset("Capitals (peacesciencer cow_capitals)", "peacesciencer fe150a2", len(rows), ys.first, ys.last, citeCapitals), nil
}

func parseCapitals(file string, data []byte) ([]CapitalRow, error) {
	var rows []CapitalRow
	err := parseAll(file, data, capitalsHeader, func(s *scanner) error {
		r := CapitalRow{StateName: s.nonEmpty(1)}
		r.Code = s.intIn(0, 2, 999)
		r.Name = s.nonEmpty(2)
		r.Spell.Start = s.isoDate(3)
		r.Spell.End = s.isoDate(4)
		r.Lat = s.num(5, -90, 90, false, false)
		r.Lng = s.num(6, -180, 180, false, false)
		if s.err == nil && r.Spell.End < r.Spell.Start {
			s.fail(4, "an end on or after the start "+r.Spell.Start.String())
		}
		rows = append(rows, r)
		return nil
	})
	return rows, err
}

// PathCapitalsRaw is the author's raw compiled list (verbatim).
const PathCapitalsRaw = "capitals/capitals_peacesciencer_raw.csv"

var capitalsRawHeader = []string{"ccode", "gwcode", "statenme", "capital", "styear", "endyear", "stmon", "stday", "endmon", "endday", "comments"}

// RawCapitalRow is one row of capitals_peacesciencer_raw.csv, the list the
// converted file was built from. Codes, months and days may be blank
// (MissingInt); it is a working list, so start/end order is not enforced
// (one row ends in 1812, before its start).
type RawCapitalRow struct {
	Code, GWCode     int
	StateName        string
	Capital          string
	StartYear        int
	EndYear          int
	StartMonth       int
	StartDay         int
	EndMonth, EndDay int
	Comments         string
}

// ReadCapitalsRaw reads capitals_peacesciencer_raw.csv.
func ReadCapitalsRaw(src Source) ([]RawCapitalRow, world.Dataset, error) {
	in, err := src.read()
	if err != nil {
		return nil, world.Dataset{}, err
	}
	rows, err := parseCapitalsRaw(in.base, in.data)
	if err != nil {
		return nil, world.Dataset{}, err
	}
	var ys yearSpan
	for _, r := range rows {
		ys.add(r.StartYear)
		ys.add(r.EndYear)
	}
	return rows, in.dataset("Capitals, raw list (peacesciencer)", "peacesciencer fe150a2", len(rows), ys.first, ys.last, citeCapitals), nil
}

func parseCapitalsRaw(file string, data []byte) ([]RawCapitalRow, error) {
	var rows []RawCapitalRow
	err := parseAll(file, data, capitalsRawHeader, func(s *scanner) error {
		rows = append(rows, RawCapitalRow{
			Code: s.intOrBlank(0, 2, 999), GWCode: s.intOrBlank(1, 2, 999),
			StateName: s.nonEmpty(2), Capital: s.nonEmpty(3),
			StartYear: s.intIn(4, 1800, 2100), EndYear: s.intIn(5, 1800, 2100),
			StartMonth: s.intOrBlank(6, 1, 12), StartDay: s.intOrBlank(7, 1, 31),
			EndMonth: s.intOrBlank(8, 1, 12), EndDay: s.intOrBlank(9, 1, 31),
			Comments: s.text(10),
		})
		return nil
	})
	return rows, err
}
