package source

import (
	"strconv"

	"github.com/casus-dev/casus/world"
)

// Directed Dyadic Interstate War Dataset (Maoz et al.; file of May 2018,
// 1816–2010): directed_dyadic_war.csv, 1,364 dyad-years.

const citeDyadicWar = "Maoz, Zeev, Paul L. Johnson, Jasper Kaplan, Fiona Ogunkoya, and Aaron Shreve. 2019. \"The Dyadic Militarized Interstate Disputes (MIDs) Dataset Version 3.0: Logic, Characteristics, and Comparisons to Alternative Datasets.\" Journal of Conflict Resolution 63(3): 811-835."

// PathDyadicWar is the file's path under a data directory.
const PathDyadicWar = "cow_war/directed_dyadic_war.csv"

var dyadicWarHeader = []string{"warnum", "disno", "dyindex", "statea", "stateb", "warstrtmnth", "warstrtday",
	"warstrtyr", "warendmnth", "warenday", "warendyr", "year", "warolea", "waroleb", "wardyadrolea",
	"wardyadroleb", "outcomea", "batdtha", "batdthb", "changes_1", "changes_2", "batdths", "durindx"}

// DyadicWarRow is one directed dyad-year of war.
//
// The published file has two date typos, kept as published: dyad 257.03
// (USA–Austria-Hungary, WWI) has start month 24, and dyad 257.24
// (Italy–Bulgaria) has end year 19118. Those rows get a
// zero Start or End and DateErratum set; any other impossible date is a
// ParseError.
type DyadicWarRow struct {
	WarNum, DisNo        int
	DyIndex              string // "257.03": dispute number and dyad within it
	StateA, StateB       int
	StartMonth, StartDay int
	StartYear            int
	EndMonth, EndDay     int
	EndYear              int
	Start, End           world.Date // zero when the published date is impossible (see DateErratum)
	DateErratum          bool
	Year                 int
	WarRoleA, WarRoleB   int // 1 primary initiator, 2 joiner on initiator's side, 3 primary target, 4 joiner on target's side
	DyadRoleA, DyadRoleB int // codebook: 1 initiator, 3 target; the file also has 2 for state B
	OutcomeA             int // 1 win, 2 draw, 3 lose; MissingInt when blank
	BatDeathA, BatDeathB float64
	Changes1, Changes2   int // codebook change codes; MissingInt when blank
	BatDeaths            float64
	DurIndex             int // year of the ongoing war, 1 = first
}

// dyadicWarErrata are the known impossible dates, by dyindex.
var dyadicWarErrata = map[string]bool{"257.03": true, "257.24": true}

// ReadDyadicWars reads directed_dyadic_war.csv.
func ReadDyadicWars(src Source) ([]DyadicWarRow, world.Dataset, error) {
	in, err := src.read()
	if err != nil {
		return nil, world.Dataset{}, err
	}
	rows, err := parseDyadicWars(in.base, in.data)
	if err != nil {
		return nil, world.Dataset{}, err
	}
	var ys yearSpan
	for i := range rows {
		ys.add(rows[i].Year)
	}
	return rows, in.dataset("Directed Dyadic Interstate War", "2018", len(rows), ys.first, ys.last, citeDyadicWar), nil
}

func parseDyadicWars(file string, data []byte) ([]DyadicWarRow, error) {
	var rows []DyadicWarRow
	err := parseAll(file, data, dyadicWarHeader, func(s *scanner) error {
		r := DyadicWarRow{
			WarNum: s.intIn(0, 1, 9999), DisNo: s.intIn(1, 1, 99999), DyIndex: s.nonEmpty(2),
			StateA: s.intIn(3, 2, 999), StateB: s.intIn(4, 2, 999),
			StartMonth: s.intIn(5, 1, 99), StartDay: s.intIn(6, 1, 31), StartYear: s.intIn(7, 1816, 99999),
			EndMonth: s.intIn(8, 1, 99), EndDay: s.intIn(9, 1, 31), EndYear: s.intIn(10, 1816, 99999),
			Year:     s.intIn(11, 1816, 2010),
			WarRoleA: s.intIn(12, 1, 4), WarRoleB: s.intIn(13, 1, 4),
			DyadRoleA: s.intIn(14, 1, 3), DyadRoleB: s.intIn(15, 1, 3),
			OutcomeA:  s.intOrBlank(16, 1, 3),
			BatDeathA: s.num(17, 0, 1e8, false, true), BatDeathB: s.num(18, 0, 1e8, false, true),
			Changes1: s.intOrBlank(19, 0, 11), Changes2: s.intOrBlank(20, 0, 11),
			BatDeaths: s.num(21, 0, 1e8, false, true),
			DurIndex:  s.intIn(22, 1, 99),
		}
		if _, err := strconv.ParseFloat(r.DyIndex, 64); s.err == nil && err != nil {
			s.fail(2, "a dyadic index like 257.03")
		}
		if s.err == nil {
			r.Start = world.D(r.StartYear, r.StartMonth, r.StartDay)
			r.End = world.D(r.EndYear, r.EndMonth, r.EndDay)
			okStart := r.StartYear <= 2010 && r.Start.Valid()
			okEnd := r.EndYear <= 2010 && r.End.Valid()
			if !okStart || !okEnd {
				if !dyadicWarErrata[r.DyIndex] {
					col := 5
					if okStart {
						col = 8
					}
					s.fail(col, "a date that exists (only dyads 257.03 and 257.24 carry known typos)")
				}
				r.DateErratum = true
				if !okStart {
					r.Start = 0
				}
				if !okEnd {
					r.End = 0
				}
			}
			if r.StateA == r.StateB {
				s.fail(4, "a state other than statea")
			}
		}
		rows = append(rows, r)
		return nil
	})
	return rows, err
}

// AttachDyads adds the dyadic wars to the wars they belong to (by war
// number): one WarDyad per directed dyad and start day, the file's
// dyad-years collapsed. The two rows with impossible dates (DateErratum,
// no usable start) are left out.
func AttachDyads(wars []world.War, rows []DyadicWarRow) {
	idx := make(map[int]int, len(wars))
	for i := range wars {
		idx[wars[i].Num] = i
	}
	type key struct {
		war, a, b int
		start     world.Date
	}
	seen := map[key]bool{}
	for i := range rows {
		r := &rows[i]
		k, ok := idx[r.WarNum]
		if !ok || r.Start == 0 {
			continue
		}
		kk := key{r.WarNum, r.StateA, r.StateB, r.Start}
		if seen[kk] {
			continue
		}
		seen[kk] = true
		wars[k].Dyads = append(wars[k].Dyads, world.WarDyad{A: r.StateA, B: r.StateB, Start: r.Start, End: r.End,
			Initiator: r.DyadRoleA == 1, DyIndex: r.DyIndex})
	}
}
