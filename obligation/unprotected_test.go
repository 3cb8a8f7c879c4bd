package obligation

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/casus-dev/casus/world"
)

// TestUnprotectedSaysWhy: when no state is bound to fight for an attacked
// state, the summary says why, in JSON as in text. The facts are published
// ones: the US–ROC Mutual Defense Treaty ended on 1979-12-31 (US notice of
// 1979-01-01); in 1958 it was in force but did not cover Kinmen (Art. VI:
// Taiwan and the Pescadores); no treaty ever bound a state to defend
// Ukraine, whose 2024 security agreements are political commitments; ATOP
// 5.1 ends the US–Iran 1959 defence agreement (atopid 3365) on 1979-02-11,
// the fall of the Shah's government. A state someone is bound to fight for
// (ROK, the US under US–ROK Art. III) gets no entry.
func TestUnprotectedSaysWhy(t *testing.T) {
	w := realWorld(t)
	e := For(w)
	eval := func(on, by, at, date string) *Report {
		t.Helper()
		src := fmt.Sprintf("date: %s\nevents:\n  - armed_attack: {by: [%s], on: %s, at: %s}\n", date, by, on, at)
		s, err := Parse(w, "t.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return e.Evaluate(s, false)
	}
	one := func(rep *Report) Unprotected {
		t.Helper()
		if len(rep.Summary.Unprotected) != 1 {
			t.Fatalf("want one unprotected state, got %+v", rep.Summary.Unprotected)
		}
		return rep.Summary.Unprotected[0]
	}

	u := one(eval("TAW", "CHN", "Kinmen", "2026-06-01"))
	if u.State != "TAW" || u.InForce != 0 || u.Last == nil || u.Last.Treaty != "usa-roc-1954" || u.Last.Ended != world.D(1979, 12, 31) ||
		!slices.Equal(u.Last.Obligors, []string{"USA"}) || u.Last.EndReason == "" {
		t.Errorf("Taiwan 2026: %+v (last %+v)", u, u.Last)
	}
	u = one(eval("TAW", "CHN", "Kinmen", "1958-08-23"))
	if u.InForce != 1 || u.Last != nil || !slices.Equal(u.See, []string{"not_bound"}) {
		t.Errorf("Taiwan 1958: %+v", u)
	}
	u = one(eval("UKR", "RUS", "UKR", "2026-06-01"))
	if u.InForce != 0 || u.Last != nil || !slices.Contains(u.Political, "ukr-security-2024") {
		t.Errorf("Ukraine 2026: %+v", u)
	}
	u = one(eval("IRN", "ISR", "IRN", "2026-06-01"))
	if u.Last == nil || u.Last.Treaty != "atop-3365" || u.Last.Ended != world.D(1979, 2, 11) || u.Last.Source != world.FromATOP {
		t.Errorf("Iran 2026: %+v (last %+v)", u, u.Last)
	}
	rep := eval("ROK", "PRK", "ROK", "2026-06-01")
	if n := len(rep.Summary.Unprotected); n != 0 {
		t.Errorf("South Korea 2026: the US is bound to fight, want no unprotected entry, got %+v", rep.Summary.Unprotected)
	}
	// JSON: always an array, [] when every attacked state has a defender.
	b, err := json.Marshal(rep.forJSON())
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Summary map[string]json.RawMessage `json:"summary"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if got := string(doc.Summary["unprotected"]); got != "[]" {
		t.Errorf("summary.unprotected = %s, want []", got)
	}
}
