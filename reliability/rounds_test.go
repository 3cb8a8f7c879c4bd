package reliability

import (
	"fmt"
	"testing"

	"github.com/casus-dev/casus/obligation"
)

// statusAsOf is an obligation's status as of round k of a full cascade,
// read from status_by_round ("" when it was first judged after round k).
func statusAsOf(r *obligation.Result, k int) obligation.Status {
	if len(r.ByRound) == 0 {
		if r.Round <= k {
			return r.Status
		}
		return ""
	}
	var st obligation.Status
	for _, s := range r.ByRound {
		if s.Round <= k {
			st = s.Status
		}
	}
	return st
}

// TestScenarioStopsAfterRoundOne: every case is judged on the attack
// itself. For every attack of every COW war under the four attack rules,
// the engine's report for the reliability scenario (rounds: 1) gives each
// obligation the status the full cascade had for it at the end of round
// 1, and every obligation the full cascade judged in round 1 is there. A
// status that a later round raised (an obligation first contingent, then
// binding) would otherwise be scored at its later value or dropped.
func TestScenarioStopsAfterRoundOne(t *testing.T) {
	w, e := realWorld(t)
	key := func(r *obligation.Result) string {
		return fmt.Sprint(r.Treaty, "|", r.Article, "|", r.Kind, "|", r.Obligor, "|", r.Beneficiary)
	}
	attacks, raised := 0, 0
	for _, rule := range []Attacked{AttackedInitiator, AttackedDefenders, AttackedAll, AttackedDyadic} {
		for i := range w.Wars {
			for _, at := range Attacks(&w.Wars[i], rule) {
				s := Scenario(w, at)
				if s.Rounds != 1 {
					t.Fatalf("war %d: the reliability scenario has rounds %d, want 1", at.War.Num, s.Rounds)
				}
				attacks++
				lim := e.Evaluate(s, false)
				if lim.Scenario.RoundsLimit != 1 || len(lim.Rounds) != 1 {
					t.Fatalf("war %d %s: rounds_limit %d, %d rounds played; want 1 and 1", at.War.Num, at.Date, lim.Scenario.RoundsLimit, len(lim.Rounds))
				}
				full := *s
				full.Rounds = 0
				rep := e.Evaluate(&full, false)
				got := map[string]obligation.Status{}
				for i := range lim.Obligations {
					got[key(&lim.Obligations[i])] = lim.Obligations[i].Status
				}
				for i := range rep.Obligations {
					r := &rep.Obligations[i]
					if len(r.ByRound) > 0 {
						raised++
					}
					want := statusAsOf(r, 1)
					if got[key(r)] != want {
						t.Errorf("%s war %d %s: %s→%s %s %s: rounds 1 gives %q, the full cascade had %q after round 1 (final %s in round %d)",
							rule, at.War.Num, at.Date, r.Obligor, r.Beneficiary, r.Treaty, r.Article, got[key(r)], want, r.Status, r.Round)
					}
					delete(got, key(r))
				}
				for k := range got {
					t.Errorf("%s war %d %s: %s judged with rounds 1 but not in the full cascade", rule, at.War.Num, at.Date, k)
				}
			}
		}
	}
	if attacks < 500 {
		t.Errorf("only %d attacks over the four rules: the walk is broken", attacks)
	}
	t.Logf("%d attacks; %d obligations whose status a later round raised in the full cascade", attacks, raised)
}
