package source

import (
	"testing"
)

// Cross-file facts PROVENANCE.md records: the NMC 6.0, system2016 and
// contdirs state-years are the same 15,951; NMC 7.0 has those same
// state-years for 1816–2016.
func TestStateYearSetsAgree(t *testing.T) {
	n6, err := ReadNMC6(path(t, PathNMC6))
	if err != nil {
		t.Fatal(err)
	}
	n7, err := ReadNMC7(path(t, PathNMC7))
	if err != nil {
		t.Fatal(err)
	}
	sys, _, err := ReadSystem2016(path(t, PathSystem2016))
	if err != nil {
		t.Fatal(err)
	}
	cs, _, err := ReadContiguityStateYears(path(t, PathContdirs))
	if err != nil {
		t.Fatal(err)
	}
	set := func(n int, key func(i int) [2]int) map[[2]int]bool {
		m := make(map[[2]int]bool, n)
		for i := 0; i < n; i++ {
			m[key(i)] = true
		}
		return m
	}
	nmc6 := set(len(n6.Rows), func(i int) [2]int { return [2]int{n6.Rows[i].Code, n6.Rows[i].Year} })
	var n7to2016 []int
	for i, r := range n7.Rows {
		if r.Year <= 2016 {
			n7to2016 = append(n7to2016, i)
		}
	}
	others := map[string]map[[2]int]bool{
		"system2016": set(len(sys), func(i int) [2]int { return [2]int{sys[i].Code, sys[i].Year} }),
		"contdirs":   set(len(cs), func(i int) [2]int { return [2]int{cs[i].State, cs[i].Year} }),
		"NMC 7.0 to 2016": set(len(n7to2016), func(i int) [2]int {
			r := n7.Rows[n7to2016[i]]
			return [2]int{r.Code, r.Year}
		}),
	}
	if len(nmc6) != 15951 {
		t.Fatalf("NMC 6.0 has %d state-years, want 15951", len(nmc6))
	}
	for name, o := range others {
		if len(o) != len(nmc6) {
			t.Errorf("%s: %d state-years, NMC 6.0 %d", name, len(o), len(nmc6))
		}
		for k := range o {
			if !nmc6[k] {
				t.Errorf("%s has %v, NMC 6.0 does not", name, k)
				break
			}
		}
	}
}

// PROVENANCE.md: atop5_1sy's defense flag agrees with "has a defense dyad in
// the directed dyad-year file" in all but 22 state-years (France 1874–1883
// through a non-system partner, Germany 1925–1936 through Locarno's
// asymmetric terms).
func TestATOPStateYearsAgreeWithDyadYears(t *testing.T) {
	sy, _, err := ReadATOPStateYears(path(t, PathATOPStateYear))
	if err != nil {
		t.Fatal(err)
	}
	dd, err := ReadATOPDyadYears(path(t, PathATOPDyadYears))
	if err != nil {
		t.Fatal(err)
	}
	def := map[[2]int]bool{}
	for _, r := range dd.Rows {
		if r.Defense {
			def[[2]int{r.A, r.Year}] = true
		}
	}
	disagree := map[int]int{}
	n := 0
	for _, r := range sy {
		if r.Defense != def[[2]int{r.State, r.Year}] {
			disagree[r.State]++
			n++
		}
	}
	if n != 22 || disagree[220] != 10 || disagree[255] != 12 {
		t.Errorf("%d disagreeing state-years %v, want 22: France (220) 10, Germany (255) 12", n, disagree)
	}
}
