package source

import (
	"strconv"

	"github.com/casus-dev/casus/world"
)

// COW Direct Contiguity v3.2 (1816–2016): contdir.csv (master spells),
// contdird.csv (directed dyad-years) and contdirs.csv (state-year counts).

const citeContiguity = "Stinnett, Douglas M., Jaroslav Tir, Philip Schafer, Paul F. Diehl, and Charles Gochman. 2002. \"The Correlates of War Project Direct Contiguity Data, Version 3.\" Conflict Management and Peace Science 19(2): 58-66. (COW Direct Contiguity v3.2)"

var (
	contdirHeader  = []string{"dyad", "statelno", "statelab", "statehno", "statehab", "conttype", "begin", "end", "notes", "version"}
	contdirdHeader = []string{"dyad", "state1no", "state1ab", "state2no", "state2ab", "year", "conttype", "version"}
	contdirsHeader = []string{"stateno", "stateab", "year", "total", "land", "sea", "version"}
)

// ContiguitySpell is one row of contdir.csv.
type ContiguitySpell struct {
	world.Contiguity
	LowAbb, HighAbb string
	Notes           string
}

// ReadContiguity reads contdir.csv, the master spells (undirected, Low <
// High; Begin/End are YYYYMM).
func ReadContiguity(src Source) ([]ContiguitySpell, world.Dataset, error) {
	in, err := src.read()
	if err != nil {
		return nil, world.Dataset{}, err
	}
	rows, err := parseContdir(in.base, in.data)
	if err != nil {
		return nil, world.Dataset{}, err
	}
	var ys yearSpan
	for _, r := range rows {
		ys.add(r.Begin / 100)
		ys.add(r.End / 100)
	}
	return rows, in.dataset("COW Direct Contiguity (master)", "3.2", len(rows), ys.first, ys.last, citeContiguity), nil
}

// dyadID is COW's dyad key: the lower code times 1000 plus the higher.
func dyadID(a, b int) int {
	if a > b {
		a, b = b, a
	}
	return a*1000 + b
}

func parseContdir(file string, data []byte) ([]ContiguitySpell, error) {
	var rows []ContiguitySpell
	err := parseAll(file, data, contdirHeader, func(s *scanner) error {
		r := ContiguitySpell{}
		dyad := s.intIn(0, 2000, 999999)
		r.Low, r.LowAbb = s.intIn(1, 2, 999), s.nonEmpty(2)
		r.High, r.HighAbb = s.intIn(3, 2, 999), s.nonEmpty(4)
		r.Type = s.intIn(5, 1, 5)
		r.Begin = yearMonth(s, 6)
		r.End = yearMonth(s, 7)
		r.Notes = s.text(8)
		s.exact(9, "3.2")
		if s.err == nil {
			switch {
			case r.Low >= r.High:
				s.fail(3, "a code above statelno "+strconv.Itoa(r.Low))
			case dyad != dyadID(r.Low, r.High):
				s.fail(0, strconv.Itoa(dyadID(r.Low, r.High))+" (statelno*1000+statehno)")
			case r.End < r.Begin:
				s.fail(7, "an end on or after the begin "+strconv.Itoa(r.Begin))
			}
		}
		rows = append(rows, r)
		return nil
	})
	return rows, err
}

func yearMonth(s *scanner, i int) int {
	v, ok := atoi(s.fields[i])
	if !ok || v/100 < 1816 || v/100 > 2016 || v%100 < 1 || v%100 > 12 {
		s.fail(i, "a year and month YYYYMM from 181601 to 201612")
		return 0
	}
	return v
}

// ContiguityDyadYear is one row of contdird.csv.
type ContiguityDyadYear struct {
	State1, State2 int
	Abb1, Abb2     string
	Year           int
	Type           int
}

// ReadContiguityDyadYears reads contdird.csv.
func ReadContiguityDyadYears(src Source) ([]ContiguityDyadYear, world.Dataset, error) {
	in, err := src.read()
	if err != nil {
		return nil, world.Dataset{}, err
	}
	rows, err := parseContdird(in.base, in.data)
	if err != nil {
		return nil, world.Dataset{}, err
	}
	var ys yearSpan
	for i := range rows {
		ys.add(rows[i].Year)
	}
	return rows, in.dataset("COW Direct Contiguity (directed dyad-year)", "3.2", len(rows), ys.first, ys.last, citeContiguity), nil
}

func parseContdird(file string, data []byte) ([]ContiguityDyadYear, error) {
	rows := make([]ContiguityDyadYear, 0, len(data)/37+16)
	err := parseAll(file, data, contdirdHeader, func(s *scanner) error {
		dyad := s.intIn(0, 2000, 999999)
		r := ContiguityDyadYear{State1: s.intIn(1, 2, 999), Abb1: s.nonEmpty(2), State2: s.intIn(3, 2, 999),
			Abb2: s.nonEmpty(4), Year: s.intIn(5, 1816, 2016), Type: s.intIn(6, 1, 5)}
		s.exact(7, "3.2")
		if s.err == nil && dyad != dyadID(r.State1, r.State2) {
			s.fail(0, strconv.Itoa(dyadID(r.State1, r.State2))+" (lower code*1000+higher)")
		}
		rows = append(rows, r)
		return nil
	})
	return rows, err
}

// ContiguityStateYear is one row of contdirs.csv.
type ContiguityStateYear struct {
	State            int
	Abb              string
	Year             int
	Total, Land, Sea int
}

// ReadContiguityStateYears reads contdirs.csv.
func ReadContiguityStateYears(src Source) ([]ContiguityStateYear, world.Dataset, error) {
	in, err := src.read()
	if err != nil {
		return nil, world.Dataset{}, err
	}
	rows, err := parseContdirs(in.base, in.data)
	if err != nil {
		return nil, world.Dataset{}, err
	}
	var ys yearSpan
	for i := range rows {
		ys.add(rows[i].Year)
	}
	return rows, in.dataset("COW Direct Contiguity (state-year)", "3.2", len(rows), ys.first, ys.last, citeContiguity), nil
}

func parseContdirs(file string, data []byte) ([]ContiguityStateYear, error) {
	rows := make([]ContiguityStateYear, 0, len(data)/24+16)
	err := parseAll(file, data, contdirsHeader, func(s *scanner) error {
		r := ContiguityStateYear{State: s.intIn(0, 2, 999), Abb: s.nonEmpty(1), Year: s.intIn(2, 1816, 2016),
			Total: s.intIn(3, 0, 999), Land: s.intIn(4, 0, 999), Sea: s.intIn(5, 0, 999)}
		s.exact(6, "3.2")
		if s.err == nil && r.Total != r.Land+r.Sea {
			s.fail(3, "land + sea = "+strconv.Itoa(r.Land+r.Sea))
		}
		rows = append(rows, r)
		return nil
	})
	return rows, err
}
