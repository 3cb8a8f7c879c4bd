package obligation

import (
	"fmt"
	"strings"
)

// ShownRun says which run a report with a probabilistic honour shows: its
// rounds, sides, summary.sides and balance are run 0 of the seeded
// Monte-Carlo series (monte_carlo gives the distribution over all runs),
// while the summary's lists say who is bound, whether or not it honoured
// the pledge in that run. NotEntered names the states bound to fight that
// stayed out of run 0, the gap a reader sees between "bound to fight" and
// the sides.
type ShownRun struct {
	Run        int      `json:"run"`
	Runs       int      `json:"runs"`
	Seed       int64    `json:"seed"`
	Honour     float64  `json:"honour"`
	NotEntered []string `json:"not_entered"`
	Note       string   `json:"note"`
}

// shownRun describes run 0 of s's series, the run the report shows.
// A state due to enter when a rounds limit stopped the cascade (pending)
// honoured its pledge in this run: it did not stay out.
func shownRun(s *Scenario, sum *Summary, sides [2]Side, pending []Entry) *ShownRun {
	r := &ShownRun{Run: 0, Runs: s.Assume.Runs, Seed: s.Assume.Seed, Honour: s.Assume.Honour, NotEntered: []string{}}
	on := map[string]bool{}
	for _, en := range pending {
		on[en.State] = true
	}
	for _, sd := range sides {
		for _, m := range sd.Members {
			on[m.State] = true
		}
	}
	for _, g := range sum.Fight {
		for _, o := range g.Obligors {
			if !on[o] && !contains(r.NotEntered, o) {
				r.NotEntered = append(r.NotEntered, o)
			}
		}
	}
	r.Note = fmt.Sprintf("these sides and the rounds are run %d of %d seeded runs (seed %d, honour %.3g: each state bound to fight enters with probability %.3g)",
		r.Run, r.Runs, r.Seed, r.Honour, r.Honour)
	if len(r.NotEntered) > 0 {
		r.Note += "; " + strings.Join(r.NotEntered, ", ") + ", bound to fight, stayed out in this run"
	}
	r.Note += "; Monte-Carlo gives every run"
	return r
}
