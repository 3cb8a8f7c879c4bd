package source

import (
	"strings"

	"github.com/casus-dev/casus/world"
)

// ATOP 5.1 state-year file (atop5_1sy.csv, 11,923 rows, atopid1…atopid59).

var atopStateYearHeader = concat(
	strings.Fields("state year atopally defense offense neutral nonagg consul number transyr"),
	numbered("atopid", 59), []string{"version"})

var (
	atopStateYearCols = newATOPColumns(atopStateYearHeader)
	// atop5_1sy_NNA.csv has atopid1…atopid41.
	atopStateYearNNACols = newATOPColumns(concat(atopStateYearHeader[:10], numbered("atopid", 41), []string{"version"}))
)

// ATOPStateYear is one row of atop5_1sy.csv: a state's alliance
// obligations in a year (1 when it has the obligation in any alliance).
type ATOPStateYear struct {
	State, Year                               int
	Defense, Offense, Neutral, Nonagg, Consul bool
	Number                                    int  // number of alliances
	TransYr                                   bool // a transition year (membership changed)
	AtopIDs                                   []int
}

// ReadATOPStateYears reads atop5_1sy.csv.
func ReadATOPStateYears(src Source) ([]ATOPStateYear, world.Dataset, error) {
	return readATOPStateYears(src, atopStateYearCols, "ATOP state-year")
}

// ReadATOPStateYearsNNA reads atop5_1sy_NNA.csv.
func ReadATOPStateYearsNNA(src Source) ([]ATOPStateYear, world.Dataset, error) {
	return readATOPStateYears(src, atopStateYearNNACols, "ATOP state-year, no nonaggression-only pacts")
}

func readATOPStateYears(src Source, c *atopColumns, name string) ([]ATOPStateYear, world.Dataset, error) {
	in, err := src.read()
	if err != nil {
		return nil, world.Dataset{}, err
	}
	rows, err := parseATOPStateYears(in.base, in.data, c)
	if err != nil {
		return nil, world.Dataset{}, err
	}
	var ys yearSpan
	for _, r := range rows {
		ys.add(r.Year)
	}
	return rows, in.dataset(name, "5.1", len(rows), ys.first, ys.last, citeATOP), nil
}

func parseATOPStateYears(file string, data []byte, c *atopColumns) ([]ATOPStateYear, error) {
	vals := make([]int32, len(c.names))
	rows := make([]ATOPStateYear, 0, len(data)/100)
	err := parseAll(file, data, c.names, func(s *scanner) error {
		c.codedRow(s, vals)
		if s.err != nil {
			return s.err
		}
		r := ATOPStateYear{State: int(vals[0]), Year: int(vals[1]),
			Defense: vals[3] == 1, Offense: vals[4] == 1, Neutral: vals[5] == 1, Nonagg: vals[6] == 1, Consul: vals[7] == 1,
			Number: int(vals[8]), TransYr: vals[9] == 1}
		for i := 10; i < len(vals)-1; i++ {
			if vals[i] != MissingInt {
				r.AtopIDs = append(r.AtopIDs, int(vals[i]))
			}
		}
		if r.Number != len(r.AtopIDs) {
			s.fail(8, "the count of non-blank atopid columns")
		}
		rows = append(rows, r)
		return nil
	})
	return rows, err
}
