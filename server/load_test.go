package server

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"
)

// TestLoad is the bounded load test on loopback, run only when asked:
//
//	CASUS_LOAD=1 go test -run TestLoad -v ./server
//
// An open-loop generator (requests leave on a fixed schedule, whether or not
// earlier ones have returned, so a slow server cannot slow the offered
// load) sends POST /api/scenario (Korea 2025) at 500 requests/s and then GET
// /api/guarantees (DPRK, 2025-01-01) at 2,000 requests/s, each for
// CASUS_LOAD_SECONDS (default 30) seconds, against a real listener on
// 127.0.0.1. It fails on any error or non-200 answer, or a p99 latency of
// 20 ms or more. Latency is measured from each request's scheduled start,
// so a generator that falls behind counts against the server, not for it.
func TestLoad(t *testing.T) {
	if os.Getenv("CASUS_LOAD") == "" {
		t.Skip("set CASUS_LOAD=1 to run the load test (about a minute)")
	}
	secs := 30
	if v := os.Getenv("CASUS_LOAD_SECONDS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 600 {
			t.Fatalf("CASUS_LOAD_SECONDS=%q: want 1 to 600", v)
		}
		secs = n
	}
	_, url := start(t, Options{})
	client := &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{MaxIdleConns: 1000, MaxIdleConnsPerHost: 1000, IdleConnTimeout: time.Minute},
	}
	t.Logf("machine: %s/%s, %d CPUs (GOMAXPROCS %d), Go %s; shared with other jobs", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version())
	for _, tc := range []struct {
		name   string
		rate   int
		method string
		path   string
		body   string
	}{
		{"POST /api/scenario (Korea 2025)", 500, "POST", "/api/scenario", korea2025},
		{"GET /api/guarantees?state=PRK&on=2025-01-01", 2000, "GET", "/api/guarantees?state=PRK&on=2025-01-01", ""},
	} {
		// Warm the connection pool and the engine's memos.
		for range 50 {
			fire(client, tc.method, url+tc.path, tc.body)
		}
		res := attack(client, tc.method, url+tc.path, tc.body, tc.rate, time.Duration(secs)*time.Second)
		t.Logf("%s at %d/s for %ds: %d requests, %d errors, p50 %s, p99 %s, max %s",
			tc.name, tc.rate, secs, res.n, res.errors, res.pct(50), res.pct(99), res.pct(100))
		if res.errors > 0 {
			t.Errorf("%s: %d errors (first: %v)", tc.name, res.errors, res.firstErr)
		}
		if p99 := res.pct(99); p99 >= 20*time.Millisecond {
			t.Errorf("%s: p99 %s, want under 20ms", tc.name, p99)
		}
	}
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
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

// attack sends rate requests per second for d on a fixed schedule and
// returns the latencies, sorted. At most 4,096 requests are in flight; a
// request that would exceed that counts as an error, so the test stays
// bounded however slow the server is.
func attack(c *http.Client, method, url, body string, rate int, d time.Duration) *loadResult {
	total := int(d.Seconds() * float64(rate))
	interval := time.Second / time.Duration(rate)
	res := &loadResult{n: total, lat: make([]time.Duration, 0, total)}
	var mu sync.Mutex
	var wg sync.WaitGroup
	slots := make(chan struct{}, 4096)
	begin := time.Now()
	for i := range total {
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
			err := fire(c, method, url, body)
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
