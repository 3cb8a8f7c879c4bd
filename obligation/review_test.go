package obligation

import (
	"reflect"
	"sync"
	"testing"
)

// TestRegistryExceptResolves checks that every state an article excludes
// as attacker (Attacker.Except, which package treaty does not validate)
// names a COW state: an unknown name would silently exclude no one.
func TestRegistryExceptResolves(t *testing.T) {
	w := realWorld(t)
	e := For(w)
	n := 0
	for _, tr := range w.Treaties {
		for _, o := range tr.Obligations {
			for _, s := range o.Attacker.Except {
				n++
				if e.code(s) == 0 {
					t.Errorf("%s %s: attacker.except %q is not a state", tr.ID, o.Article, s)
				}
			}
		}
	}
	if n == 0 {
		t.Error("no registry article uses attacker.except; want Dual Alliance Art. II (except RUS)")
	}
}

// TestMonteCarloProgressCountsEveryRun: the progress hook sees every run
// exactly once, on any number of workers, and does not change the numbers.
func TestMonteCarloProgressCountsEveryRun(t *testing.T) {
	w := fixtureWorld(t)
	s := mustParse(t, w, `date: 2025-06-01
events:
  - armed_attack: {by: [ROK], on: PRK}
assume: {honour: 0.5, runs: 1001, seed: 9}
`)
	e := For(w)
	want := e.MonteCarlo(s, 2)
	for _, workers := range []int{1, 2, 3} {
		var mu sync.Mutex
		total, calls := 0, 0
		got := e.MonteCarloProgress(s, workers, func(n int) {
			mu.Lock()
			total += n
			calls++
			mu.Unlock()
		})
		if total != 1001 {
			t.Errorf("%d workers: progress counted %d runs, want 1001", workers, total)
		}
		if calls < 2 {
			t.Errorf("%d workers: %d progress calls, want several for 1001 runs", workers, calls)
		}
		got.Workers = want.Workers
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d workers with progress: numbers differ from MonteCarlo:\n%+v\n%+v", workers, got, want)
		}
	}
}
