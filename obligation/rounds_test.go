package obligation

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// asOf is an obligation's status as of round k of a cascade, read from
// status_by_round as doc.go says ("" when first judged after round k).
func asOf(r *Result, k int) Status {
	if len(r.ByRound) == 0 {
		if r.Round <= k {
			return r.Status
		}
		return ""
	}
	var st Status
	for _, s := range r.ByRound {
		if s.Round <= k {
			st = s.Status
		}
	}
	return st
}

// TestRoundsLimitIsStatusAsOfRound: a scenario stopped after round k
// gives every obligation the status the full cascade had for it at the end
// of round k (status_by_round), and judges no other obligation, on the
// three worked scenarios with and without entry_counts_as_attack (with
// it, the United States' duty to the ROK in Korea 2025 is raised from not
// triggered in round 1 to binding in round 2).
func TestRoundsLimitIsStatusAsOfRound(t *testing.T) {
	w := realWorld(t)
	e := For(w)
	raised := 0
	for _, file := range []string{"korea-2025.yaml", "guam-2026.yaml", "july-1914.yaml"} {
		data, err := os.ReadFile("testdata/scenarios/" + file)
		if err != nil {
			t.Fatal(err)
		}
		for _, entry := range []bool{false, true} {
			s, err := Parse(w, file, data)
			if err != nil {
				t.Fatal(err)
			}
			s.Assume.EntryCountsAsAttack = entry
			full := e.Evaluate(s, false)
			last := len(full.Rounds)
			for i := range full.Obligations {
				r := &full.Obligations[i]
				if n := len(r.ByRound); n > 0 {
					raised++
					if n < 2 || r.ByRound[n-1].Status != r.Status || r.ByRound[n-1].Round != r.Round {
						t.Errorf("%s: %s→%s %s %s: status_by_round %v does not end in the status %s of round %d", file, r.Obligor, r.Beneficiary, r.Treaty, r.Article, r.ByRound, r.Status, r.Round)
					}
				}
			}
			for k := 1; k <= last; k++ {
				s.Rounds = k
				lim := e.Evaluate(s, false)
				if len(lim.Rounds) != k || lim.Scenario.RoundsLimit != k {
					t.Fatalf("%s rounds %d: %d rounds played, rounds_limit %d", file, k, len(lim.Rounds), lim.Scenario.RoundsLimit)
				}
				got := map[string]Status{}
				for i := range lim.Obligations {
					r := &lim.Obligations[i]
					got[fmt.Sprint(r.Treaty, r.Article, r.Kind, r.Obligor, r.Beneficiary)] = r.Status
				}
				for i := range full.Obligations {
					r := &full.Obligations[i]
					key := fmt.Sprint(r.Treaty, r.Article, r.Kind, r.Obligor, r.Beneficiary)
					if want := asOf(r, k); got[key] != want {
						t.Errorf("%s entry=%v rounds %d: %s→%s %s %s: got %q, the full cascade had %q after round %d", file, entry, k, r.Obligor, r.Beneficiary, r.Treaty, r.Article, got[key], want, k)
					}
					delete(got, key)
				}
				for key := range got {
					t.Errorf("%s entry=%v rounds %d: %s judged only with the limit", file, entry, k, key)
				}
				// The sides hold every state the full cascade had brought
				// in by round k, and no state the full cascade puts
				// elsewhere. (A state can be at war earlier with the
				// limit: France, due to enter for Russia in round 2 in
				// July 1914, is on side 2 after round 1 when Germany's
				// declaration of 08-03, an event of round 1, is not
				// preceded by its entry.)
				for i, sd := range full.Sides {
					in := map[string]bool{}
					for _, m := range lim.Sides[i].Members {
						in[m.State] = true
					}
					for _, m := range sd.Members {
						if m.Round <= k && !in[m.State] {
							t.Errorf("%s entry=%v rounds %d: %s, on side %d by round %d in the full cascade, is missing", file, entry, k, m.State, i+1, m.Round)
						}
						delete(in, m.State)
					}
					for st := range in {
						t.Errorf("%s entry=%v rounds %d: %s is on side %d only with the limit", file, entry, k, st, i+1)
					}
				}
			}
		}
	}
	if raised == 0 {
		t.Error("no obligation of the worked scenarios has a status_by_round: the test shows nothing")
	}
}

// TestRoundsLimitReported: the limit is in the JSON (scenario.rounds_limit,
// pending_entries) and in the text report's assumption line and note; a
// scenario without it has neither.
func TestRoundsLimitReported(t *testing.T) {
	w := realWorld(t)
	data, err := os.ReadFile("testdata/scenarios/korea-2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse(w, "korea-2025.yaml", append(data, []byte("\nrounds: 1\n")...))
	if err != nil {
		t.Fatal(err)
	}
	rep := For(w).Evaluate(s, false)
	var js strings.Builder
	if err := Write(&js, rep, "json", false); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Scenario struct {
			RoundsLimit *int `json:"rounds_limit"`
		} `json:"scenario"`
		Pending []Entry `json:"pending_entries"`
	}
	if err := json.Unmarshal([]byte(js.String()), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Scenario.RoundsLimit == nil || *doc.Scenario.RoundsLimit != 1 {
		t.Errorf("scenario.rounds_limit = %v, want 1", doc.Scenario.RoundsLimit)
	}
	var pending []string
	for _, p := range doc.Pending {
		pending = append(pending, p.State+" for "+p.For)
	}
	// South Korea attacks North Korea: China, Russia and Cuba (ATOP 3975)
	// are bound to defend it; none enters in round 2, which is not played.
	if got := strings.Join(pending, ", "); got != "CHN for PRK, RUS for PRK, CUB for PRK" {
		t.Errorf("pending_entries: %s", got)
	}
	var txt strings.Builder
	if err := Write(&txt, rep, "text", false); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"rounds=1 (the cascade stops after round 1)", "note: rounds: 1 — the cascade stops after round 1", "due to enter in round 2, not played: CHN China for PRK North Korea"} {
		if !strings.Contains(txt.String(), want) {
			t.Errorf("text report lacks %q", want)
		}
	}
	s.Rounds = 0
	js.Reset()
	if err := Write(&js, For(w).Evaluate(s, false), "json", false); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(js.String(), "rounds_limit") || strings.Contains(js.String(), "pending_entries") {
		t.Error("a scenario without rounds names rounds_limit or pending_entries in its JSON")
	}
}
