package obligation

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/casus-dev/casus/world"
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

// TestReportsNameOnlyLiveStatesAndNoSupersededImports runs the three
// shared scenarios and the README cases on the real data and checks two
// things an analyst would spot at once: no ATOP import that a registry
// treaty supersedes is reported beside it (double counting), and every
// state a binding or contingent result or a side names is a member of the
// state system on that date.
func TestReportsNameOnlyLiveStatesAndNoSupersededImports(t *testing.T) {
	w := realWorld(t)
	e := For(w)
	superseded := map[string]string{}
	for _, tr := range w.Treaties {
		if tr.SupersededBy != "" {
			superseded[tr.ID] = tr.SupersededBy
		}
	}
	if len(superseded) < 20 {
		t.Fatalf("only %d superseded ATOP imports; want one per registry atop_id", len(superseded))
	}
	var srcs []string
	for _, f := range []string{"korea-2025.yaml", "guam-2026.yaml", "july-1914.yaml"} {
		b, err := os.ReadFile(filepath.Join("testdata/scenarios", f))
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, string(b))
	}
	srcs = append(srcs, `date: 2025-06-01
events:
  - armed_attack: {by: [ROK], on: PRK}
  - armed_attack: {by: [CHN, RUS], on: ROK}
  - armed_attack: {by: [CHN, RUS], on: USA, at: JPN, target: forces}
assume: {entry_counts_as_attack: true}
`, `date: 1914-07-28
events:
  - war: {declared_by: RUS, on: GMY, date: 1914-08-01}
  - war: {declared_by: FRN, on: GMY, date: 1914-08-03}
`)
	live := func(abb string, d world.Date) bool {
		st, err := w.Resolve(abb)
		return err == nil && st.MemberOn(d)
	}
	for i, src := range srcs {
		s := mustParse(t, w, src)
		rep := e.Evaluate(s, false)
		for _, r := range rep.Obligations {
			if by, ok := superseded[r.Treaty]; ok {
				t.Errorf("scenario %d: %s reported although %s supersedes it (%s→%s %s)", i, r.Treaty, by, r.Obligor, r.Beneficiary, r.Article)
			}
			if (r.Status == Binding || r.Status == Contingent) && !hasFlag(r.Flags, FlagOutsideSystem) {
				for _, st := range []string{r.Obligor, r.Beneficiary} {
					if !live(st, r.Date) {
						t.Errorf("scenario %d: %s %s→%s %s names %s, not a system member on %s", i, r.Status, r.Obligor, r.Beneficiary, r.Treaty, st, r.Date)
					}
				}
			}
		}
		for _, side := range rep.Sides {
			for _, m := range side.Members {
				if !live(m.State, m.Since) && !strings.Contains(m.How, "outside the COW state system") {
					t.Errorf("scenario %d: side member %s is not a system member on %s", i, m.State, m.Since)
				}
			}
		}
	}
}
