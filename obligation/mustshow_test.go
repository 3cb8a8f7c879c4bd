package obligation

import (
	"strings"
	"testing"

	"github.com/casus-dev/casus/world"
)

// TestMustShow pins the answers of the shared worked scenarios
// (shared/scenarios/README.md) on the registry and ATOP 5.1.
func TestMustShow(t *testing.T) {
	w := realWorld(t)
	type want struct {
		treaty, articlePrefix, obligor, beneficiary string
		status                                      Status
		reason                                      string // substring of the reason
	}
	tests := []struct {
		file string
		date world.Date // 0: the file's
		want []want
	}{
		{"korea-2025.yaml", 0, []want{
			{"rus-prk-2024", "Art. 4", "RUS", "PRK", Binding, ""},
			{"chn-prk-1961", "Art. II", "CHN", "PRK", Binding, ""},
			{"usa-rok-1953", "Art. III", "USA", "ROK", NotTriggered, "ROK is the attacker"},
			{"camp-david-2023", "", "USA", "ROK", NonBinding, "not legally binding"},
		}},
		{"korea-2025.yaml", world.D(2024, 11, 1), []want{
			{"rus-prk-2024", "Art. 4", "RUS", "PRK", NotTriggered, "not yet in force on 2024-11-01: it enters into force on 2024-12-04"},
			{"chn-prk-1961", "Art. II", "CHN", "PRK", Binding, ""},
		}},
		{"guam-2026.yaml", 0, []want{
			{"usa-rok-1953", "Art. III", "ROK", "USA", Binding, ""},
			{"anzus", "Art. IV", "AUL", "USA", Binding, ""},
			{"usa-phl-1951", "Art. IV", "PHI", "USA", Binding, ""},
			{"anzus", "Art. IV", "NEW", "USA", NotTriggered, "suspended"},
			{"usa-jpn-1960", "Art. V", "JPN", "USA", NotTriggered, "not territory under the administration of JPN"},
			{"nato-1949", "Art. 5", "UKG", "USA", NotTriggered, "wrong location: Guam"},
			{"nato-1949", "Art. 5", "TUR", "USA", NotTriggered, "wrong location: Guam"},
			{"rio-1947", "Art. 3", "BRA", "USA", Contingent, "Guam counts as"},
			{"manila-pact-1954", "Art. IV(1)", "THI", "USA", Contingent, "Guam counts as the general area of the South-West Pacific"},
			{"rus-prk-2024", "Art. 4", "RUS", "PRK", NotTriggered, "PRK is the attacker"},
		}},
		{"july-1914.yaml", 0, []want{
			{"franco-russian-1892", "Art. 1 (Russia attacked by Germany)", "FRN", "RUS", Binding, ""},
			{"franco-russian-1892", "Art. 2", "FRN", "RUS", Binding, ""},
			{"dual-alliance-1879", "Art. I", "AUH", "GMY", NotTriggered, "GMY is the attacker"},
			{"triple-alliance-1882", "Art. III", "ITA", "GMY", NotTriggered, "without direct provocation"},
			{"triple-alliance-1882", "Art. III", "ITA", "GMY", NotTriggered, "2 or more great-power attackers"},
		}},
	}
	for _, tc := range tests {
		s := sharedScenario(t, tc.file)
		if tc.date != 0 {
			s.Redate(tc.date)
		}
		rep := For(w).Evaluate(s, false)
		for _, wt := range tc.want {
			found := false
			for _, r := range rep.Obligations {
				if r.Treaty != wt.treaty || !strings.HasPrefix(r.Article, wt.articlePrefix) || r.Obligor != wt.obligor || r.Beneficiary != wt.beneficiary {
					continue
				}
				found = true
				if r.Status != wt.status || !strings.Contains(r.Reason, wt.reason) {
					t.Errorf("%s on %s: %s %s %s→%s: want %s (%q), got %s: %s", tc.file, s.Date, wt.treaty, r.Article, wt.obligor, wt.beneficiary, wt.status, wt.reason, r.Status, r.Reason)
				}
			}
			if !found {
				t.Errorf("%s on %s: no result for %s %s %s→%s", tc.file, s.Date, wt.treaty, wt.articlePrefix, wt.obligor, wt.beneficiary)
			}
		}
	}
	// Every NATO member (on 2026-01-10) is listed as not triggered for Guam.
	rep := For(w).Evaluate(sharedScenario(t, "guam-2026.yaml"), false)
	n := 0
	for _, r := range rep.Obligations {
		if r.Treaty == "nato-1949" && strings.HasPrefix(r.Article, "Art. 5") {
			if r.Status != NotTriggered {
				t.Errorf("Guam: NATO %s→USA: want not_triggered, got %s", r.Obligor, r.Status)
			}
			n++
		}
	}
	if n != 31 {
		t.Errorf("Guam: NATO Art. 5 lines: want 31 (32 members less the USA), got %d", n)
	}
	// 1914: the final sides.
	rep = For(w).Evaluate(sharedScenario(t, "july-1914.yaml"), false)
	if got := sideList(rep.Sides[0]); got != "AUH, GMY" {
		t.Errorf("1914 side 1: want AUH, GMY, got %s", got)
	}
	for _, st := range []string{"RUS", "FRN", "BEL"} {
		if !strings.Contains(sideList(rep.Sides[1]), st) {
			t.Errorf("1914 side 2: want %s among %s", st, sideList(rep.Sides[1]))
		}
	}
	// Guarantees: the DPRK is the only state outside the former Soviet
	// space that Russia is bound to defend.
	g := For(w).Guarantees(365, world.D(2025, 6, 1), false)
	last := g.Summary[len(g.Summary)-1]
	if last != "of the states RUS is bound to defend, outside the former Soviet space: 1 — PRK" {
		t.Errorf("guarantees RUS: got %q", last)
	}
}

// TestTreatyScopesKnown: every region, territory and administering state a
// loaded treaty's scope names is known to the places table or the state
// list; an unknown one would make every attack "outside" the scope.
func TestTreatyScopesKnown(t *testing.T) {
	w := realWorld(t)
	pt := world.Places()
	n := 0
	for _, tr := range w.Treaties {
		for _, o := range tr.Obligations {
			sc := o.Scope
			for _, r := range append(append([]string(nil), sc.Regions...), sc.ForcesRegions...) {
				n++
				if !pt.HasRegion(r) {
					t.Errorf("%s %s: scope region %q is not in world/places.yaml", tr.ID, o.Article, r)
				}
			}
			for _, x := range sc.Territories {
				n++
				if _, ok := pt.Place(x); ok {
					continue
				}
				if _, err := w.Resolve(x); err != nil {
					t.Errorf("%s %s: scope territory %q is neither a place nor a state: %v", tr.ID, o.Article, x, err)
				}
			}
			switch a := sc.AdministeredBy; a {
			case "", "beneficiary", "party":
			default:
				if _, err := w.Resolve(a); err != nil {
					t.Errorf("%s %s: administered_by %q: %v", tr.ID, o.Article, a, err)
				}
			}
		}
	}
	if n == 0 {
		t.Error("no treaty names a scope region or territory: is the registry loaded?")
	}
}

// TestNATOArticle6 checks NATO Art. 5/6 on the registry place by place:
// the US and Canadian home territory, European members and Turkey are
// inside; Hawaii, Guam, Puerto Rico and Ceuta are not.
func TestNATOArticle6(t *testing.T) {
	w := realWorld(t)
	tests := []struct {
		victim, at string
		inside     bool
	}{
		{"USA", "USA", true}, {"CAN", "CAN", true}, {"USA", "Alaska", true},
		{"EST", "EST", true}, {"POL", "POL", true}, {"TUR", "TUR", true}, {"FIN", "FIN", true},
		{"POR", "Azores", true}, {"SPN", "Canary Islands", true}, {"DEN", "Greenland", true},
		{"USA", "Hawaii", false}, {"USA", "Guam", false}, {"USA", "Puerto Rico", false},
		{"USA", "US Virgin Islands", false}, {"SPN", "Ceuta", false}, {"UKG", "Falklands", false},
	}
	for _, tc := range tests {
		s := mustParse(t, w, "date: 2025-06-01\nevents:\n  - armed_attack: {by: [IRN], on: "+tc.victim+", at: "+tc.at+"}\n")
		rep := For(w).Evaluate(s, false)
		obligor := "UKG"
		if tc.victim == "UKG" {
			obligor = "USA"
		}
		got := Status("")
		for _, r := range rep.Obligations {
			if r.Treaty == "nato-1949" && strings.HasPrefix(r.Article, "Art. 5") && r.Obligor == obligor && r.Beneficiary == tc.victim {
				got = r.Status
			}
		}
		want := NotTriggered
		if tc.inside {
			want = Binding
		}
		if got != want {
			t.Errorf("attack on %s at %s: NATO Art. 5 %s→%s: want %s, got %q", tc.victim, tc.at, obligor, tc.victim, want, got)
		}
	}
}

// TestBalanceRealNMC checks side sums against values NMC 7.0 publishes
// (PROVENANCE.md: CINC 2022 USA 0.1236, China 0.2341) and the data-year
// note for a 2025 scenario.
func TestBalanceRealNMC(t *testing.T) {
	w := realWorld(t)
	s := mustParse(t, w, "date: 2025-06-01\nevents:\n  - armed_attack: {by: [CHN], on: USA, at: Guam}\nassume: {honour: none}\n")
	b := For(w).Evaluate(s, false).Balance
	if b.Release != "7.0" || b.Year != 2022 || !strings.Contains(b.Note, "NMC 7.0 ends in 2022") || !strings.Contains(b.Note, "NMC 6.0 ends in 2016") {
		t.Fatalf("balance release/year/note: got %s %d %q", b.Release, b.Year, b.Note)
	}
	for i, want := range []float64{0.2341, 0.1236} {
		if got := b.Sides[i].CINC; got == nil || *got < want-0.00006 || *got > want+0.00006 {
			t.Errorf("side %d CINC 2022: want %.4f ± 0.00006, got %v", i+1, want, got)
		}
	}
	s.Assume.NMC = "6.0"
	b = For(w).Evaluate(s, false).Balance
	if b.Release != "6.0" || b.Year != 2016 {
		t.Errorf("--nmc 6.0: want data year 2016, got %s %d", b.Release, b.Year)
	}
}

// An ATOP alliance judged after ATOP's last day (2018-12-31) carries the
// assumption that it is still in force, flagged and said in the reason;
// judged inside ATOP's years it carries no such flag.
func TestBeyondATOPCoverageIsFlagged(t *testing.T) {
	w := realWorld(t)
	for _, tc := range []struct {
		date world.Date
		want bool
	}{{world.D(2025, 6, 1), true}, {world.D(2018, 6, 1), false}} {
		s := sharedScenario(t, "korea-2025.yaml")
		s.Redate(tc.date)
		rep := For(w).Evaluate(s, false)
		seen := 0
		for _, r := range rep.Obligations {
			if r.Source != world.FromATOP || r.Status == NotTriggered {
				if hasFlag(r.Flags, FlagBeyondATOP) {
					t.Errorf("%s: %s %s→%s flagged beyond ATOP", tc.date, r.Treaty, r.Obligor, r.Beneficiary)
				}
				continue
			}
			seen++
			if got := hasFlag(r.Flags, FlagBeyondATOP); got != tc.want {
				t.Errorf("%s: %s %s→%s flag %v, want %v", tc.date, r.Treaty, r.Obligor, r.Beneficiary, got, tc.want)
			}
			if tc.want && !strings.Contains(r.Reason, "ATOP data end 2018-12-31") {
				t.Errorf("%s: reason %q does not say ATOP ends", r.Treaty, r.Reason)
			}
		}
		if seen == 0 {
			t.Fatalf("%s: no ATOP obligation judged; the test checks nothing", tc.date)
		}
	}
}
