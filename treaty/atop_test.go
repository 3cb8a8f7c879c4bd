package treaty

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"testing"

	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/source/sourcetest"
	"github.com/casus-dev/casus/world"
)

func atopRows(t *testing.T) []source.ATOPMember {
	t.Helper()
	rows, _, err := source.ReadATOPMembers(needData(t).File(source.PathATOPMembers))
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// The import covers every alliance and member row of ATOP 5.1, and the
// flags recovered from the obligations equal the member file's, row by row.
func TestATOPRoundTrip(t *testing.T) {
	w := dataWorld(t)
	rows := atopRows(t)
	if len(rows) != 2510 {
		t.Fatalf("atop5_1m.csv: %d member rows, want 2510", len(rows))
	}
	ts := ATOPTreaties(w, rows)
	if len(ts) != 789 {
		t.Fatalf("%d ATOP treaties, want 789 (alliances in atop5_1a.csv)", len(ts))
	}
	type key struct {
		id, member, phase int
		spell             world.Spell
	}
	recovered := map[key]map[string]bool{}
	for _, tr := range ts {
		if tr.ID != fmt.Sprintf("atop-%d", tr.ATOPID) || tr.Source != world.FromATOP {
			t.Fatalf("treaty %s: atop id %d source %q", tr.ID, tr.ATOPID, tr.Source)
		}
		for _, mp := range ATOPFlags(tr) {
			k := key{tr.ATOPID, mp.Member, mp.Phase, mp.Spell}
			if _, dup := recovered[k]; dup {
				t.Fatalf("%s: two recovered member-phases for %+v", tr.ID, k)
			}
			recovered[k] = mp.Flags
		}
	}
	byID := map[int]*world.Treaty{}
	for _, tr := range ts {
		byID[tr.ATOPID] = tr
	}
	checked, flagsCompared, withoutObligation := 0, 0, 0
	for i := range rows {
		r := &rows[i]
		want := ATOPRowFlags(r)
		k := key{r.AtopID, r.Member, r.Phase, r.Spell()}
		got, ok := recovered[k]
		delete(recovered, k)
		if !ok {
			// A row without any obligation (the protected party of an
			// asymmetric pact) leaves no obligation to recover from.
			for col, v := range want {
				if v {
					t.Errorf("atop %d member %d phase %d: no obligations imported, but %s = 1", r.AtopID, r.Member, r.Phase, col)
				}
			}
			withoutObligation++
		} else {
			for col, v := range want {
				flagsCompared++
				if got[col] != v {
					t.Errorf("atop %d member %d phase %d %s: imported %v, file %v", r.AtopID, r.Member, r.Phase, col, got[col], v)
				}
			}
			if len(got) != len(want) {
				t.Errorf("atop %d member %d phase %d: recovered %d flags, file has %d", r.AtopID, r.Member, r.Phase, len(got), len(want))
			}
		}
		// The member is a member on its entry day and, if it left, on its
		// exit day.
		tr := byID[r.AtopID]
		if _, ok := tr.MemberOn(r.Member, r.Entry); !ok {
			t.Errorf("%s: %d not a member on its entry %s", tr.ID, r.Member, r.Entry)
		}
		if r.Exit != 0 {
			if _, ok := tr.MemberOn(r.Member, r.Exit); !ok {
				t.Errorf("%s: %d not a member on its exit %s", tr.ID, r.Member, r.Exit)
			}
		}
		checked++
	}
	if len(recovered) != 0 {
		t.Errorf("%d recovered member-phases match no member row, e.g. %v", len(recovered), recovered)
	}
	// 12 rows have no obligation at all (counted from the file: all five
	// flags 0), 28 flags per row (5 obligations, 22 conditions, OLIMOB).
	if checked != 2510 || withoutObligation != 12 || flagsCompared != (2510-12)*28 {
		t.Errorf("checked %d rows, %d without obligation, %d flags compared", checked, withoutObligation, flagsCompared)
	}
}

// Known alliances, checked against the member file and the codebook.
func TestATOPKnownAlliances(t *testing.T) {
	w := dataWorld(t)
	ts := ATOPTreaties(w, atopRows(t))
	get := func(id int) *world.Treaty {
		for _, tr := range ts {
			if tr.ATOPID == id {
				return tr
			}
		}
		t.Fatalf("no atop %d", id)
		return nil
	}
	// Dual Alliance 1879: defence against Russia named (DEFCOADV, STATTHR1 365).
	dual := get(1335)
	if dual.Signed != world.D(1879, 10, 7) || dual.Ended != world.D(1918, 11, 3) {
		t.Errorf("1335: signed %s ended %s", dual.Signed, dual.Ended)
	}
	var def *world.Obligation
	for i := range dual.Obligations {
		if dual.Obligations[i].Kind == world.Defense {
			def = &dual.Obligations[i]
			break
		}
	}
	if def == nil || len(def.Attacker.Named) != 1 || def.Attacker.Named[0] != "RUS" || def.Trigger != world.ArmedAttack {
		t.Fatalf("1335 defense: %+v", def)
	}
	// Triple Alliance: 4 phases, Italy leaves 1915-05-23, Germany and
	// Austria-Hungary stay to 1918-11-03; one membership spell each.
	triple := get(1350)
	if len(triple.Members) != 3 {
		t.Fatalf("1350: %d member spells, want 3: %+v", len(triple.Members), triple.Members)
	}
	for _, m := range triple.Members {
		want := world.D(1918, 11, 3)
		if m.Code == 325 {
			want = world.D(1915, 5, 23)
		}
		if m.Signed != world.D(1882, 5, 20) || m.Exited != want {
			t.Errorf("1350 member %s: %s to %s", m.State, m.Signed, m.Exited)
		}
	}
	on := world.D(1914, 7, 28)
	for _, id := range []int{1335, 1350} {
		if _, ok := get(id).MemberOn(300, on); !ok {
			t.Errorf("atop %d: Austria-Hungary not a member on %s", id, on)
		}
	}
	// NATO: 30 distinct states to 2018, still in force, two phases.
	nato := get(3180)
	codes := map[int]bool{}
	for _, m := range nato.Members {
		codes[m.Code] = true
	}
	if len(codes) != 30 || nato.Ended != 0 || nato.Signed != world.D(1949, 4, 4) {
		t.Errorf("3180: %d states, ended %s, signed %s", len(codes), nato.Ended, nato.Signed)
	}
	// 4070: France's pact with Czechoslovakia continues in two successor
	// phases that start the same day; France is one member spell, with
	// separate obligations toward the Czech Republic and Slovakia.
	fr := get(4070)
	spells := 0
	protects := map[string]bool{}
	for _, m := range fr.Members {
		if m.Code == 220 {
			spells++
		}
	}
	for _, o := range fr.Obligations {
		if o.Obligors[0] == "FRN" && o.During.Start == world.D(1993, 1, 1) {
			protects[fmt.Sprint(o.ATOPPhase, o.Protects)] = true
		}
	}
	if spells != 1 || !protects["2 [CZR]"] || !protects["3 [SLO]"] {
		t.Errorf("4070: France spells %d, protects %v", spells, protects)
	}
}

// Independently of package source: the number of rows with each flag set,
// counted with encoding/csv on the raw file, equals the number of
// member-phases with that flag recovered from the imported treaties (e.g.
// defense 1,016, nonagg 1,500, consul 1,240 — the member file's counts).
func TestATOPFlagCountsRawCSV(t *testing.T) {
	w := dataWorld(t)
	recs, err := csv.NewReader(bytes.NewReader(sourcetest.ReadFile(t, source.PathATOPMembers))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	raw := map[string]int{}
	for _, r := range recs[1:] {
		for name := range ATOPRowFlags(&source.ATOPMember{}) {
			if r[col[name]] == "1" {
				raw[name]++
			}
		}
	}
	got := map[string]int{}
	for _, tr := range ATOPTreaties(w, atopRows(t)) {
		for _, mp := range ATOPFlags(tr) {
			for name, v := range mp.Flags {
				if v {
					got[name]++
				}
			}
		}
	}
	if len(recs)-1 != 2510 || raw["defense"] != 1016 || raw["nonagg"] != 1500 || raw["consul"] != 1240 {
		t.Fatalf("raw file: %d rows, defense %d nonagg %d consul %d", len(recs)-1, raw["defense"], raw["nonagg"], raw["consul"])
	}
	for name, n := range raw {
		if got[name] != n {
			t.Errorf("%s: %d rows in the file, %d recovered from the import", name, n, got[name])
		}
	}
}
