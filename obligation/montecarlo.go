package obligation

import (
	"context"
	"encoding/json"
	"math"
	"math/rand/v2"
	"sort"
	"sync"
)

// MonteCarlo summarizes N seeded cascades in which every binding entry is
// honoured with probability Honour (one draw per obligor and protected
// party per run).
type MonteCarlo struct {
	Runs    int     `json:"runs"`
	Seed    int64   `json:"seed"`
	Honour  float64 `json:"honour"`
	Workers int     `json:"workers"`
	// Side sizes count belligerents, the states that began the war and
	// their victims included.
	Side1Size Dist `json:"side1_size"`
	Side2Size Dist `json:"side2_size"`
	// Side CINC sums (members without a CINC value are left out) and the
	// ratio side 1 / side 2, at the balance's data year.
	Side1CINC Dist `json:"side1_cinc"`
	Side2CINC Dist `json:"side2_cinc"`
	Ratio     Dist `json:"ratio"`
	Year      int  `json:"year"`
	// States lists, per state that fought in some run, how often it was on
	// each side.
	States []StateShare `json:"states"`
}

// Dist is a distribution over runs.
type Dist struct {
	N      int     `json:"n"` // runs with a value
	Mean   float64 `json:"mean"`
	SD     float64 `json:"sd"`
	Min    float64 `json:"min"`
	P05    float64 `json:"p05"`
	Median float64 `json:"median"`
	P95    float64 `json:"p95"`
	Max    float64 `json:"max"`
}

// MarshalJSON writes {"n":0} for a distribution without values, so that
// "no value" is never read as 0.
func (d Dist) MarshalJSON() ([]byte, error) {
	if d.N == 0 {
		return []byte(`{"n":0}`), nil
	}
	type plain Dist
	return json.Marshal(plain(d))
}

// StateShare is how often a state fought on each side.
type StateShare struct {
	State string  `json:"state"`
	Side1 float64 `json:"side1"`
	Side2 float64 `json:"side2"`
}

// runRand is the generator of run i: the same seed gives the same runs on
// any number of workers.
func runRand(seed int64, i int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), uint64(i)*0x9E3779B97F4A7C15+1))
}

type runOutcome struct {
	side1, side2 []int
}

// MonteCarlo runs s.Assume.Runs cascades on workers goroutines.
func (e *Engine) MonteCarlo(s *Scenario, workers int) *MonteCarlo {
	return e.MonteCarloProgress(s, workers, nil)
}

// progressEvery is how many runs a worker completes between progress
// reports: often enough for a bar, rarely enough to cost nothing.
const progressEvery = 256

// MonteCarloProgress is MonteCarlo that reports the runs done so far to
// progress (from the worker goroutines, so it must be safe for concurrent
// use; output.Progress.Add is). progress may be nil. The numbers do not
// depend on it.
func (e *Engine) MonteCarloProgress(s *Scenario, workers int, progress func(runs int)) *MonteCarlo {
	mc, _ := e.monteCarlo(context.Background(), s, workers, progress)
	return mc
}

// ctxEvery is how many runs a worker completes between looks at its
// context: a few hundred microseconds of work.
const ctxEvery = 64

// monteCarlo is MonteCarloProgress that stops every worker when ctx is done
// and then returns ctx's error.
func (e *Engine) monteCarlo(ctx context.Context, s *Scenario, workers int, progress func(runs int)) (*MonteCarlo, error) {
	n := s.Assume.Runs
	if n < 1 {
		n = 1
	}
	if workers < 1 {
		workers = 1
	}
	out := make([]runOutcome, n)
	var wg sync.WaitGroup
	for wk := 0; wk < workers; wk++ {
		wg.Add(1)
		go func(wk int) {
			defer wg.Done()
			cache := map[string][]Result{}
			done := 0
			for k, i := 0, wk; i < n; k, i = k+1, i+workers {
				if k%ctxEvery == 0 && ctx.Err() != nil {
					return
				}
				if done++; progress != nil && done == progressEvery {
					progress(done)
					done = 0
				}
				r := e.newRun(s, false, runRand(s.Assume.Seed, i), true)
				r.cache = cache
				r.run()
				var o runOutcome
				for _, st := range r.order {
					if r.side[st] == 1 {
						o.side1 = append(o.side1, st)
					} else {
						o.side2 = append(o.side2, st)
					}
				}
				out[i] = o
			}
			if progress != nil && done > 0 {
				progress(done)
			}
		}(wk)
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	mc := &MonteCarlo{Runs: n, Seed: s.Assume.Seed, Honour: s.Assume.Honour, Workers: workers}
	bal := e.Balance([2]Side{}, s.Date, s.Assume.NMC)
	cinc := map[int]float64{}
	if bal != nil && bal.Year != 0 {
		mc.Year = bal.Year
		caps, _ := e.w.Capabilities(s.Assume.NMC)
		for _, o := range out {
			for _, st := range append(append([]int(nil), o.side1...), o.side2...) {
				if _, ok := cinc[st]; !ok {
					c, _ := caps.Get(st, bal.Year)
					cinc[st] = c.CINC
				}
			}
		}
	}
	var s1, s2, c1, c2, ratio []float64
	count := map[int]*[2]int{}
	for _, o := range out {
		s1 = append(s1, float64(len(o.side1)))
		s2 = append(s2, float64(len(o.side2)))
		sum := func(sts []int, side int) (float64, bool) {
			t, any := 0.0, false
			for _, st := range sts {
				if count[st] == nil {
					count[st] = &[2]int{}
				}
				count[st][side]++
				if v, ok := cinc[st]; ok && !math.IsNaN(v) {
					t += v
					any = true
				}
			}
			return t, any
		}
		a, okA := sum(o.side1, 0)
		b, okB := sum(o.side2, 1)
		if mc.Year != 0 {
			if okA {
				c1 = append(c1, a)
			}
			if okB {
				c2 = append(c2, b)
			}
			if okA && okB && b > 0 {
				ratio = append(ratio, a/b)
			}
		}
	}
	mc.Side1Size, mc.Side2Size = dist(s1), dist(s2)
	mc.Side1CINC, mc.Side2CINC, mc.Ratio = dist(c1), dist(c2), dist(ratio)
	for st, c := range count {
		mc.States = append(mc.States, StateShare{State: e.Abb(st), Side1: float64(c[0]) / float64(n), Side2: float64(c[1]) / float64(n)})
	}
	sort.Slice(mc.States, func(i, j int) bool {
		a, b := mc.States[i], mc.States[j]
		if a.Side1+a.Side2 != b.Side1+b.Side2 {
			return a.Side1+a.Side2 > b.Side1+b.Side2
		}
		return a.State < b.State
	})
	return mc, nil
}

func dist(v []float64) Dist {
	d := Dist{N: len(v)}
	if len(v) == 0 {
		return d // N = 0: no value; MarshalJSON writes only n
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	var sum float64
	for _, x := range s {
		sum += x
	}
	d.Mean = sum / float64(len(s))
	var ss float64
	for _, x := range s {
		ss += (x - d.Mean) * (x - d.Mean)
	}
	if len(s) > 1 {
		d.SD = math.Sqrt(ss / float64(len(s)-1))
	}
	q := func(p float64) float64 { return s[int(math.Round(p*float64(len(s)-1)))] }
	d.Min, d.P05, d.Median, d.P95, d.Max = s[0], q(0.05), q(0.5), q(0.95), s[len(s)-1]
	return d
}
