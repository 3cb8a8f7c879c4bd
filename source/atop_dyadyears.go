package source

import (
	"github.com/casus-dev/casus/world"
)

// ATOP 5.1 directed dyad-years, as converted from peacesciencer's
// atop_alliance (atop5_1_ddyr_subset_peacesciencer.csv, 273,296 rows): the
// official atop5_1ddyr.csv was not available; see PROVENANCE.md.

var atopDyadHeader = []string{"ccode1", "ccode2", "year", "atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"}

// ATOPFirstYear and ATOPLastYear bound ATOP 5.1's coverage.
const (
	ATOPFirstYear = 1815
	ATOPLastYear  = 2018
)

// ReadATOPDyadYears reads the directed dyad-year file into the table the
// world model uses. Row (A, B, year) carries A's obligations toward B.
func ReadATOPDyadYears(src Source) (*world.AllianceDyadYears, error) {
	in, err := src.read()
	if err != nil {
		return nil, err
	}
	rows, err := parseATOPDyadYears(in.base, in.data)
	if err != nil {
		return nil, err
	}
	var ys yearSpan
	for i := range rows {
		ys.add(rows[i].Year)
	}
	return &world.AllianceDyadYears{
		// First/Last are ATOP's coverage, not merely the years that happen
		// to have rows: a year in range without a row means "no alliance".
		Dataset: in.dataset("ATOP directed dyad-year", "5.1", len(rows), ys.first, ys.last, citeATOP),
		First:   ATOPFirstYear, Last: ATOPLastYear, Rows: rows,
	}, nil
}

func parseATOPDyadYears(file string, data []byte) ([]world.AllianceDyadYear, error) {
	// Lines average 22 bytes; reserving once avoids a dozen regrowths.
	rows := make([]world.AllianceDyadYear, 0, len(data)/22+16)
	var keys keyCheck
	keyOf := func(i int) uint64 { return dyadYearKey(rows[i].A, rows[i].B, rows[i].Year) }
	s := newScanner(file, data)
	if err := s.header(atopDyadHeader); err != nil {
		return nil, err
	}
	var v [8]int
	for s.pos < len(s.data) {
		// Fast path: eight plain integers, all in range.
		pos, line := s.pos, s.line
		if ddyrLine(s, &v) || s.ints(v[:]) {
			r := world.AllianceDyadYear{A: v[0], B: v[1], Year: v[2],
				Defense: v[3] == 1, Offense: v[4] == 1, Neutral: v[5] == 1, Nonagg: v[6] == 1, Consul: v[7] == 1}
			if r.A >= 2 && r.A <= 9999 && r.B >= 2 && r.B <= 9999 && r.A != r.B &&
				r.Year >= ATOPFirstYear && r.Year <= ATOPLastYear &&
				uint(v[3])|uint(v[4])|uint(v[5])|uint(v[6])|uint(v[7]) <= 1 &&
				keys.add(dyadYearKey(r.A, r.B, r.Year), len(rows), keyOf) {
				rows = append(rows, r)
				continue
			}
			// Rewind; keys.add recorded nothing when it returned false.
			s.pos, s.line = pos, line
		}
		// Slow path: the generic reader names the offending column.
		if _, err := s.row(); err != nil {
			return nil, err
		}
		r := world.AllianceDyadYear{
			A: s.intIn(0, 2, 9999), B: s.intIn(1, 2, 9999), Year: s.intIn(2, ATOPFirstYear, ATOPLastYear),
			Defense: s.flag(3), Offense: s.flag(4), Neutral: s.flag(5), Nonagg: s.flag(6), Consul: s.flag(7),
		}
		if s.err == nil && r.A == r.B {
			s.fail(1, "a state other than ccode1")
		}
		if s.err == nil && !keys.add(dyadYearKey(r.A, r.B, r.Year), len(rows), keyOf) {
			s.fail(2, "a dyad-year not already in the file")
		}
		if s.err != nil {
			return nil, s.err
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// ddyrLine reads the common shape of a dyad-year line, three unsigned
// numbers and five one-digit flags ("2,20,1942,1,1,0,0,0\n"), with fewer
// checks per byte than the general ints; anything else returns false with
// nothing consumed.
func ddyrLine(s *scanner, v *[8]int) bool {
	d, i := s.data, s.pos
	for k := 0; k < 3; k++ {
		start, n := i, 0
		for i < len(d) && d[i]-'0' <= 9 {
			n = n*10 + int(d[i]-'0')
			i++
		}
		if i == start || i-start > 9 || i >= len(d) || d[i] != ',' {
			return false
		}
		v[k] = n
		i++
	}
	if len(d)-i < 9 {
		return false
	}
	f := d[i : i+9 : i+9]
	if f[1] != ',' || f[3] != ',' || f[5] != ',' || f[7] != ',' {
		return false
	}
	v[3], v[4], v[5], v[6], v[7] = int(f[0])-'0', int(f[2])-'0', int(f[4])-'0', int(f[6])-'0', int(f[8])-'0'
	i += 9
	if i < len(d) {
		switch d[i] {
		case '\n':
			i++
		case '\r':
			i++
			if i < len(d) && d[i] == '\n' {
				i++
			}
		default:
			return false
		}
	}
	s.rec = s.line
	s.line++
	s.pos = i
	return true
}
