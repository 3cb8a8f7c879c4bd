package source

import (
	"github.com/casus-dev/casus/world"
)

// COW National Material Capabilities: v6.0 as published (NMC-60-abridged.csv,
// -9 = missing) and v7.0 as converted by peacesciencer
// (cow_nmc_v7_peacesciencer.csv, blank = missing, no stateabb/version).

const citeNMC = "Singer, J. David, Stuart Bremer, and John Stuckey. 1972. \"Capability Distribution, Uncertainty, and Major Power War, 1820-1965.\" In Bruce Russett (ed.), Peace, War, and Numbers, 19-48. Beverly Hills: Sage. (COW National Material Capabilities)"

var (
	nmc6Header = []string{"stateabb", "ccode", "year", "milex", "milper", "irst", "pec", "tpop", "upop", "cinc", "version"}
	nmc7Header = []string{"ccode", "year", "milex", "milper", "irst", "pec", "tpop", "upop", "cinc"}
)

// Upper bounds for the components: an order of magnitude above the largest
// published value, so a shifted decimal point or a spliced column is caught
// while a genuine future maximum is not.
const (
	maxMilex  = 1e10 // thousands of US$ (US 2022: 8.4e8)
	maxMilper = 1e6  // thousands
	maxIrst   = 1e8  // thousands of tons
	maxPec    = 1e9  // thousands of coal-ton equivalents
	maxPop    = 1e8  // thousands
)

// ReadNMC6 reads NMC-60-abridged.csv (NMC v6.0, 1816–2016). COW codes
// missing components as -9; they become NaN. The file's version column holds
// "2021", the year v6.0 was released.
func ReadNMC6(src Source) (*world.Capabilities, error) {
	in, err := src.read()
	if err != nil {
		return nil, err
	}
	rows, err := parseNMC6(in.base, in.data)
	if err != nil {
		return nil, err
	}
	return capabilities(in, "6.0", rows), nil
}

// ReadNMC7 reads cow_nmc_v7_peacesciencer.csv (NMC v7.0, 1816–2022, as
// converted from peacesciencer; blank = missing, -9 is not expected).
func ReadNMC7(src Source) (*world.Capabilities, error) {
	in, err := src.read()
	if err != nil {
		return nil, err
	}
	rows, err := parseNMC7(in.base, in.data)
	if err != nil {
		return nil, err
	}
	return capabilities(in, "7.0", rows), nil
}

func capabilities(in *input, version string, rows []world.Capability) *world.Capabilities {
	c := &world.Capabilities{Version: version, Rows: rows}
	c.Index()
	c.Dataset = in.dataset("COW National Material Capabilities", version, len(rows), c.First, c.Last, citeNMC)
	return c
}

func parseNMC6(file string, data []byte) ([]world.Capability, error) {
	rows := make([]world.Capability, 0, len(data)/60)
	var keys keyCheck
	keyOf := func(i int) uint64 { return stateYearKey(rows[i].Code, rows[i].Year) }
	err := parseAll(file, data, nmc6Header, func(s *scanner) error {
		s.nonEmpty(0)
		r := world.Capability{
			Code:   s.intIn(1, 2, 999),
			Year:   s.intIn(2, 1816, 2016),
			Milex:  s.num(3, 0, maxMilex, true, false),
			Milper: s.num(4, 0, maxMilper, true, false),
			Irst:   s.num(5, 0, maxIrst, true, false),
			Pec:    s.num(6, 0, maxPec, true, false),
			Tpop:   s.num(7, 0, maxPop, true, false),
			Upop:   s.num(8, 0, maxPop, true, false),
			CINC:   s.num(9, 0, 1, true, false),
		}
		s.exact(10, "2021")
		if s.err == nil && !keys.add(keyOf2(r), len(rows), keyOf) {
			s.fail(2, "a ccode-year not already in the file")
		}
		rows = append(rows, r)
		return nil
	})
	return rows, err
}

func parseNMC7(file string, data []byte) ([]world.Capability, error) {
	rows := make([]world.Capability, 0, len(data)/50)
	var keys keyCheck
	keyOf := func(i int) uint64 { return stateYearKey(rows[i].Code, rows[i].Year) }
	err := parseAll(file, data, nmc7Header, func(s *scanner) error {
		r := world.Capability{
			Code:   s.intIn(0, 2, 999),
			Year:   s.intIn(1, 1816, 2022),
			Milex:  s.num(2, 0, maxMilex, false, true),
			Milper: s.num(3, 0, maxMilper, false, true),
			Irst:   s.num(4, 0, maxIrst, false, true),
			Pec:    s.num(5, 0, maxPec, false, true),
			Tpop:   s.num(6, 0, maxPop, false, true),
			Upop:   s.num(7, 0, maxPop, false, true),
			CINC:   s.num(8, 0, 1, false, true),
		}
		if s.err == nil && !keys.add(keyOf2(r), len(rows), keyOf) {
			s.fail(1, "a ccode-year not already in the file")
		}
		rows = append(rows, r)
		return nil
	})
	return rows, err
}

func keyOf2(r world.Capability) uint64 { return stateYearKey(r.Code, r.Year) }
