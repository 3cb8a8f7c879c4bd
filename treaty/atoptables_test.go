package treaty

import (
	"strings"
	"testing"

	"github.com/casus-dev/casus/world"
)

// Every name in atop_names.csv points at an ATOP alliance whose first
// entry year and members fit the name (the Warsaw Pact has the USSR,
// Poland … and ATOP dates it from 1955), checked on the ATOP member file
// itself, not on the table's own columns alone.
func TestATOPNamesFitATOP(t *testing.T) {
	names, err := ATOPNames()
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 60 {
		t.Errorf("%d names, want at least 60", len(names))
	}
	w := attachWorld(t)
	seenID := map[int]int{}
	for _, n := range names {
		if prev, dup := seenID[n.ATOPID]; dup {
			t.Errorf("%s:%d: atopid %d already named on line %d", ATOPNamesFile, n.Line, n.ATOPID, prev)
		}
		seenID[n.ATOPID] = n.Line
		tr, ok := w.Treaty(ATOPTreatyID(n.ATOPID))
		if !ok {
			t.Errorf("%s:%d: %q: ATOP 5.1 has no alliance %d", ATOPNamesFile, n.Line, n.Name, n.ATOPID)
			continue
		}
		if y := tr.Signed.Year(); y != n.Year {
			t.Errorf("%s:%d: %q (ATOP %d): ATOP dates it from %s, the table says %d", ATOPNamesFile, n.Line, n.Name, n.ATOPID, tr.Signed, n.Year)
		}
		have := map[string]bool{}
		for _, m := range tr.Members {
			have[m.State] = true
		}
		for _, m := range n.Members {
			if !have[m] {
				t.Errorf("%s:%d: %q (ATOP %d): %s is not an ATOP member of it", ATOPNamesFile, n.Line, n.Name, n.ATOPID, m)
			}
		}
		if len(tr.Names) == 0 || tr.Names[0] != n.Name {
			t.Errorf("atop-%d names %q, want %q first", n.ATOPID, tr.Names, n.Name)
		}
	}
	// The alliances people search for, by the word they type.
	for word, id := range map[string]int{
		"warsaw": 3285, "NATO": 3180, "SEATO": 3260, "CENTO": 3275, "Baghdad": 3275,
		"Rio Treaty": 3075, "ANZUS": 3215, "Dual Alliance": 1335, "Triple Alliance": 1350,
		"Pact of Steel": 2445, "molotov-ribbentrop": 2470, "Anglo-Polish": 2440,
		"Franco-Polish": 2060, "Tripartite Pact": 2515, "Reinsurance": 1370, "Locarno": 2130,
		"Little Entente": 2050, "Arab League": 3205,
	} {
		tr, _ := w.Treaty(ATOPTreatyID(id))
		if tr == nil || !NameMatches(tr, word) {
			t.Errorf("%q does not find atop-%d", word, id)
		}
	}
	warsaw, _ := w.Treaty("atop-3285")
	if warsaw.Signed != world.D(1955, 5, 14) {
		t.Errorf("Warsaw Pact signed %s in ATOP, want 1955-05-14", warsaw.Signed)
	}
}

// After ATOP's end: the 1997 Russia–Ukraine treaty expired on 2019-04-01
// after Ukraine's notice, so its last day is 2019-03-31; Mali, Burkina
// Faso and Niger left the ECOWAS protocols with ECOWAS on 2025-01-29.
func TestATOPAfter2018(t *testing.T) {
	ends, err := ATOPEndings()
	if err != nil {
		t.Fatal(err)
	}
	if len(ends) == 0 || ends[0].ATOPID != 4875 {
		t.Fatalf("first ending %+v, want the 1997 Russia–Ukraine treaty (4875)", ends)
	}
	w := attachWorld(t)
	ru, _ := w.Treaty("atop-4875")
	if ru.Ended != world.D(2019, 3, 31) || ru.EndSource == "" || ru.EndReason == "" {
		t.Fatalf("atop-4875 ended %s (reason %q, source %q), want 2019-03-31 with reason and source", ru.Ended, ru.EndReason, ru.EndSource)
	}
	if !ru.InForceOn(world.D(2019, 3, 31)) || ru.InForceOn(world.D(2019, 4, 1)) || ru.InForceOn(world.D(2026, 12, 6)) {
		t.Error("atop-4875: in force to 2019-03-31, not from 2019-04-01 or on 2026-12-06")
	}
	if AssumedAfterATOP(ru) {
		t.Error("atop-4875 is still reported as assumed in force after 2018")
	}
	for _, c := range []struct {
		id    string
		state int
		in    bool
	}{{"atop-3895", 439, false}, {"atop-3895", 436, false}, {"atop-3810", 432, false}, {"atop-3895", 475, true}} {
		tr, _ := w.Treaty(c.id)
		if _, ok := tr.MemberOn(c.state, world.D(2026, 6, 1)); ok != c.in {
			t.Errorf("%s: state %d a member on 2026-06-01 = %v, want %v", c.id, c.state, ok, c.in)
		}
		if _, ok := tr.MemberOn(c.state, world.D(2025, 1, 28)); !ok {
			t.Errorf("%s: state %d not a member on 2025-01-28, its last day", c.id, c.state)
		}
	}
	nato, _ := w.Treaty("atop-3180")
	if !AssumedAfterATOP(nato) {
		t.Error("atop-3180 (NATO, no end known) should be assumed in force after 2018")
	}
}

// A row that names an alliance or a member ATOP does not have is an
// error with the table's line, never skipped.
func TestATOPTablesRejectUnknown(t *testing.T) {
	tr := &world.Treaty{ID: "atop-4875", Source: world.FromATOP, ATOPID: 4875, Members: []world.Member{{State: "RUS"}, {State: "UKR"}}}
	err := ApplyATOPTables([]*world.Treaty{tr})
	if err == nil || !strings.Contains(err.Error(), ATOPAfter2018File+":3: column \"atopid\": ATOP 5.1 has no alliance 4940") {
		t.Fatalf("got %v, want the line of the first unknown alliance", err)
	}
}
