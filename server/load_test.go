package server

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/casus-dev/casus/obligation"
	"github.com/casus-dev/casus/world"
)

// TestLoad is the bounded load test on loopback, run only when asked:
//
//	CASUS_LOAD=1 go test -run TestLoad -v ./server        # all four cases
//	CASUS_LOAD=varied go test -run TestLoad -v ./server   # only the uncached ones
//	CASUS_LOAD=repeated go test -run TestLoad -v ./server # only the repeated ones
//
// An open-loop generator (requests leave on a fixed schedule, whether or not
// earlier ones have returned, so a slow server cannot slow the offered
// load) sends, each for CASUS_LOAD_SECONDS (default 30) seconds, against a
// real listener on 127.0.0.1:
//
//   - repeated: POST /api/scenario (Korea 2025) at 500/s and GET
//     /api/guarantees (DPRK, 2025-01-01) at 2,000/s — the same question
//     again and again, answered from the answer cache after the first;
//   - varied: POST /api/scenario at 500/s and GET /api/guarantees at 500/s,
//     every request a different question drawn from the real data with a
//     fixed seed (attacked state, one or two attackers, date, the place
//     of the attack: see variedScenarios), so every one misses the cache
//     and is evaluated.
//
// Each case reports p50, p99, max, errors and the answer cache's hit ratio
// during the case; a varied case also the same questions' times one at a
// time, without load (the first 2,000, on another server), since their
// cost is uneven: a scenario in 1945 or with a great power attacked
// touches hundreds of obligations and answers megabytes. It fails on any error or non-200 answer, a p99 latency
// of 20 ms or more, or a varied case that hit the cache. Latency is
// measured from each request's scheduled start, so a generator that falls
// behind counts against the server, not for it.
func TestLoad(t *testing.T) {
	mode := os.Getenv("CASUS_LOAD")
	if mode == "" {
		t.Skip("set CASUS_LOAD=1 (or varied, repeated) to run the load test (one to two minutes)")
	}
	if mode != "1" && mode != "varied" && mode != "repeated" {
		t.Fatalf("CASUS_LOAD=%q: want 1, varied or repeated", mode)
	}
	secs := 30
	if v := os.Getenv("CASUS_LOAD_SECONDS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 600 {
			t.Fatalf("CASUS_LOAD_SECONDS=%q: want 1 to 600", v)
		}
		secs = n
	}
	s, base := start(t, Options{})
	client := &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{MaxIdleConns: 1000, MaxIdleConnsPerHost: 1000, IdleConnTimeout: time.Minute},
	}
	t.Logf("machine: %s/%s, %d CPUs (GOMAXPROCS %d), Go %s; shared with other jobs", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version())
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		t.Logf("load average before: %s", strings.TrimSpace(string(b)))
	}
	const warm = 50
	type loadCase struct {
		name   string
		varied bool
		rate   int
		reqs   func(n int) []request
	}
	repeat := func(r request) func(int) []request {
		return func(n int) []request {
			out := make([]request, n)
			for i := range out {
				out[i] = r
			}
			return out
		}
	}
	var cases []loadCase
	if mode != "varied" {
		cases = append(cases,
			loadCase{"POST /api/scenario (Korea 2025), repeated", false, 500, repeat(request{"POST", "/api/scenario", korea2025})},
			loadCase{"GET /api/guarantees?state=PRK&on=2025-01-01, repeated", false, 2000, repeat(request{"GET", "/api/guarantees?state=PRK&on=2025-01-01", ""})})
	}
	if mode != "repeated" {
		w := realWorld(t)
		cases = append(cases,
			loadCase{"POST /api/scenario, varied (every one uncached)", true, 500, func(n int) []request { return variedScenarios(t, w, 1, n) }},
			loadCase{"GET /api/guarantees, varied (every one uncached)", true, 500, func(n int) []request { return variedGuarantees(w, 2, n) }})
	}
	for _, tc := range cases {
		n := secs * tc.rate
		reqs := tc.reqs(warm + n)
		// Warm the connection pool and the engine's memos; varied
		// warm-up questions are not asked again.
		for _, r := range reqs[:warm] {
			fire(client, r.method, base+r.path, r.body)
		}
		if tc.varied {
			// The cost of the same questions one at a time, on another
			// server (so its cache cannot help the run): what the tail
			// under load is made of.
			alone := serially(realWorld(t), reqs[warm:warm+min(n, 2000)])
			t.Logf("%s: the first %d asked one at a time, without load: p50 %s, p99 %s, max %s",
				tc.name, len(alone.lat), alone.pct(50), alone.pct(99), alone.pct(100))
		}
		h0, m0 := s.answers.stats()
		res := attack(client, base, reqs[warm:], tc.rate)
		h1, m1 := s.answers.stats()
		hits, misses := h1-h0, m1-m0
		ratio := 0.0
		if hits+misses > 0 {
			ratio = float64(hits) / float64(hits+misses)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		t.Logf("%s at %d/s for %ds: %d requests, %d errors, p50 %s, p99 %s, max %s; answer cache %d hits, %d misses (hit ratio %.3f), %.1f MB kept; heap in use %.0f MB, %d GCs so far",
			tc.name, tc.rate, secs, res.n, res.errors, res.pct(50), res.pct(99), res.pct(100), hits, misses, ratio,
			float64(s.answers.bytes.Load())/1e6, float64(ms.HeapInuse)/1e6, ms.NumGC)
		if res.errors > 0 {
			t.Errorf("%s: %d errors (first: %v)", tc.name, res.errors, res.firstErr)
		}
		if p99 := res.pct(99); p99 >= 20*time.Millisecond {
			t.Errorf("%s: p99 %s, want under 20ms", tc.name, p99)
		}
		if tc.varied && hits > 0 {
			t.Errorf("%s: %d cache hits; every question was meant to be new", tc.name, hits)
		}
	}
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		t.Logf("load average after: %s", strings.TrimSpace(string(b)))
	}
}

// request is one request of a load case.
type request struct{ method, path, body string }

// variedScenarios draws n different scenarios from the real data with a
// fixed seed: a day from 1816 to 2025; an attacked state that is a system
// member that day (on the last day of the membership data for later
// days); one attacker, sometimes two, among the other members; the attack
// at the victim's own territory, or, when the places table has parts of
// it (Guam, Hawaii, Okinawa …), at one of those half of the time. Every
// one is checked by the scenario parser, so the load is of valid
// questions only.
func variedScenarios(t testing.TB, w *world.World, seed uint64, n int) []request {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 0x5ca1ab1e))
	parts := map[string][]string{} // COW abbreviation → places it holds
	for _, p := range world.Places().Places {
		for _, abb := range []string{p.Sovereign, p.Administrator} {
			if abb != "" && !slices.Contains(parts[abb], p.Name) {
				parts[abb] = append(parts[abb], p.Name)
			}
		}
	}
	first, last := world.D(1816, 1, 1).Time(), world.D(2025, 12, 31).Time()
	days := int(last.Sub(first).Hours() / 24)
	seen := map[string]bool{}
	out := make([]request, 0, n)
	for tries := 0; len(out) < n; tries++ {
		if tries > 20*n {
			t.Fatalf("drew %d valid different scenarios in %d tries", len(out), tries)
		}
		d := world.FromTime(first.AddDate(0, 0, rng.IntN(days+1)))
		pool := w.MembersOn(min(d, w.MembershipEnd))
		if len(pool) < 3 {
			continue
		}
		victim := pool[rng.IntN(len(pool))]
		by := []string{}
		for len(by) < 1+rng.IntN(4)/3 { // two attackers one time in four
			a := pool[rng.IntN(len(pool))]
			if a != victim && !slices.Contains(by, a.Abb) {
				by = append(by, a.Abb)
			}
		}
		at := victim.Abb
		if ps := parts[victim.Abb]; len(ps) > 0 && rng.IntN(2) == 0 {
			at = strconv.Quote(ps[rng.IntN(len(ps))])
		}
		body := fmt.Sprintf("date: %s\nevents:\n  - armed_attack: {by: [%s], on: %s, at: %s}\nassume:\n  entry_counts_as_attack: %t\n",
			d, strings.Join(by, ", "), victim.Abb, at, rng.IntN(2) == 0)
		if seen[body] {
			continue
		}
		if _, err := obligation.Parse(w, "varied", []byte(body)); err != nil {
			continue // a place its state did not hold that day, and the like
		}
		seen[body] = true
		out = append(out, request{"POST", "/api/scenario", body})
	}
	return out
}

// variedGuarantees draws n different guarantees questions: a day from 1816
// to 2025 and a state that is a member that day (as variedScenarios).
func variedGuarantees(w *world.World, seed uint64, n int) []request {
	rng := rand.New(rand.NewPCG(seed, 0x5ca1ab1e))
	first, last := world.D(1816, 1, 1).Time(), world.D(2025, 12, 31).Time()
	days := int(last.Sub(first).Hours() / 24)
	seen := map[string]bool{}
	out := make([]request, 0, n)
	for len(out) < n {
		d := world.FromTime(first.AddDate(0, 0, rng.IntN(days+1)))
		pool := w.MembersOn(min(d, w.MembershipEnd))
		if len(pool) == 0 {
			continue
		}
		path := "/api/guarantees?" + url.Values{"state": {pool[rng.IntN(len(pool))].Abb}, "on": {d.String()}}.Encode()
		if !seen[path] {
			seen[path] = true
			out = append(out, request{"GET", path, ""})
		}
	}
	return out
}

// serially answers reqs one after the other on a fresh server, through
// the whole handler stack without the network, and returns the times.
func serially(w *world.World, reqs []request) *loadResult {
	s := New(Options{World: w})
	res := &loadResult{n: len(reqs)}
	for _, r := range reqs {
		var body io.Reader
		if r.body != "" {
			body = strings.NewReader(r.body)
		}
		begin := time.Now()
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(r.method, r.path, body))
		if rec.Code != http.StatusOK {
			res.errors++
			continue
		}
		res.lat = append(res.lat, time.Since(begin))
	}
	slices.Sort(res.lat)
	return res
}

type loadResult struct {
	n, errors int
	firstErr  error
	lat       []time.Duration
}

func (r *loadResult) pct(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	i := int(float64(len(r.lat))*p/100+0.5) - 1
	return r.lat[max(0, min(i, len(r.lat)-1))]
}

func fire(c *http.Client, method, url, body string) error {
	var rd io.Reader
	if body != "" {
		rd = bytes.NewReader([]byte(body))
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s %s: status %d: %.200s", method, url, resp.StatusCode, b)
	}
	return nil
}

// attack sends reqs, rate per second, on a fixed schedule and returns the
// latencies, sorted. At most 4,096 requests are in flight; a request that
// would exceed that counts as an error, so the test stays bounded however
// slow the server is.
func attack(c *http.Client, base string, reqs []request, rate int) *loadResult {
	interval := time.Second / time.Duration(rate)
	res := &loadResult{n: len(reqs), lat: make([]time.Duration, 0, len(reqs))}
	var mu sync.Mutex
	var wg sync.WaitGroup
	slots := make(chan struct{}, 4096)
	begin := time.Now()
	for i, r := range reqs {
		due := begin.Add(time.Duration(i) * interval)
		if w := time.Until(due); w > 0 {
			time.Sleep(w)
		}
		select {
		case slots <- struct{}{}:
		default:
			mu.Lock()
			res.errors++
			if res.firstErr == nil {
				res.firstErr = fmt.Errorf("more than %d requests in flight", cap(slots))
			}
			mu.Unlock()
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := fire(c, r.method, base+r.path, r.body)
			lat := time.Since(due)
			<-slots
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				res.errors++
				if res.firstErr == nil {
					res.firstErr = err
				}
				return
			}
			res.lat = append(res.lat, lat)
		}()
	}
	wg.Wait()
	slices.Sort(res.lat)
	return res
}
