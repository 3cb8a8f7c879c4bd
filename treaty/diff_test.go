package treaty

import "testing"

func findDiff(ds []Difference, what, state string) *Difference {
	for i := range ds {
		if ds[i].What == what && ds[i].State == state {
			return &ds[i]
		}
	}
	return nil
}

// ANZUS in the registry vs ATOP 3215: ATOP dates the founders from
// signature (1951-09-01), the registry from entry into force
// (1952-04-29); ATOP ends New Zealand's membership on 1986-09-17, where the
// registry keeps New Zealand a party with the US obligations suspended.
func TestDiffANZUS(t *testing.T) {
	w := attachWorld(t)
	reg, _ := w.Treaty("anzus")
	atop, _ := w.Treaty("atop-3215")
	ds := Diff(reg, atop)
	for _, d := range ds {
		t.Logf("%+v", d)
	}
	j := findDiff(ds, "joined", "USA")
	if j == nil || j.Registry != "1952-04-29" || j.ATOP != "1951-09-01" {
		t.Errorf("USA joined: %+v", j)
	}
	if e := findDiff(ds, "exited", "NEW"); e == nil || e.ATOP != "1986-09-17" || e.Registry != "in force" ||
		e.Note != "the registry keeps the member a party, suspended from 1986-09-17; ATOP ends its membership" {
		t.Errorf("NEW exited: %+v", e)
	}
	if findDiff(ds, "member_missing", "USA") != nil || findDiff(ds, "member_extra", "USA") != nil {
		t.Error("USA is in both")
	}
	// A treaty compared with itself has no differences.
	if self := Diff(atop, atop); len(self) != 0 {
		t.Errorf("atop-3215 vs itself: %+v", self)
	}
}
