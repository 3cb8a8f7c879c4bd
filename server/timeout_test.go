package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestDeadline503: a request still working at its deadline is answered 503
// with one line of JSON naming the limit, close to the deadline, and the
// server goes on serving.
func TestDeadline503(t *testing.T) {
	const limit = 100 * time.Millisecond
	s, url := start(t, Options{Timeout: limit})
	// Work that honours its context, as the long engines do.
	s.mux.HandleFunc("GET /api/test-slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
			s.writeError(w, r, r.Context().Err())
		case <-time.After(time.Minute):
			writeJSON(w, "done")
		}
	})
	begin := time.Now()
	a := get(t, url+"/api/test-slow")
	took := time.Since(begin)
	e := a.apiErr(t, http.StatusServiceUnavailable)
	if took < limit || took > 5*time.Second {
		t.Errorf("answered after %s; want the deadline, %s", took, limit)
	}
	if n := bytes.Count(a.body, []byte("\n")); n != 1 || !bytes.HasSuffix(a.body, []byte("}\n")) {
		t.Errorf("want one line of JSON, got %d lines: %q", n, a.body)
	}
	if !strings.Contains(e.Msg, limit.String()) || e.Hint == "" {
		t.Errorf("the error should name the limit %s and hint at a narrower question: %+v", limit, e)
	}
	if ct := a.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q", ct)
	}
	if a := get(t, url+"/healthz"); a.status != http.StatusOK {
		t.Fatalf("after a deadline /healthz answers %d", a.status)
	}
}

// montecarloKorea is the Korea scenario with a million Monte-Carlo runs:
// about a minute of work on the real data.
var montecarloKorea = strings.Replace(korea2025, "honour: all\n", "honour: 0.5\n  runs: 1000000\n  seed: 7\n", 1)

// TestDeadlineStopsMonteCarlo: the engine's Monte-Carlo runs stop at the
// request deadline (the request returns long before a million runs could
// end), the stopped evaluation is not cached, and the same question with
// fewer runs is answered.
func TestDeadlineStopsMonteCarlo(t *testing.T) {
	if !strings.Contains(montecarloKorea, "runs: 1000000") {
		t.Fatal("the scenario's assume block moved: fix montecarloKorea")
	}
	const limit = 300 * time.Millisecond
	_, url := start(t, Options{Timeout: limit})
	for i := range 2 { // the second would be a cache hit if the first were kept
		begin := time.Now()
		post(t, url+"/api/scenario", montecarloKorea).apiErr(t, http.StatusServiceUnavailable)
		if took := time.Since(begin); took > limit+3*time.Second {
			t.Errorf("request %d: a %s deadline ended a million runs only after %s", i+1, limit, took)
		}
	}
	// Fewer runs are answered (on a server with the default deadline, so a
	// busy machine cannot turn this into a 503).
	_, url = start(t, Options{})
	small := strings.Replace(montecarloKorea, "runs: 1000000", "runs: 50", 1)
	a := post(t, url+"/api/scenario", small)
	if a.status != http.StatusOK {
		t.Fatalf("50 runs: status %d: %s", a.status, a.body)
	}
	var rep struct {
		MonteCarlo *struct{ Runs int } `json:"monte_carlo"`
	}
	a.json(t, &rep)
	if rep.MonteCarlo == nil || rep.MonteCarlo.Runs != 50 {
		t.Errorf("50 runs: monte_carlo %+v", rep.MonteCarlo)
	}
}

// TestHTTPServerTimeouts: the http.Server casus serve runs ends what a
// silent or slow client holds — headers never finished, a body that stops
// coming — within the request deadline, and serves a normal request.
func TestHTTPServerTimeouts(t *testing.T) {
	// Long enough for the normal request to pass on a busy machine.
	const limit = time.Second
	s := New(Options{World: realWorld(t), Timeout: limit})
	hs := httptest.NewUnstartedServer(s)
	hs.Config = s.HTTPServer(log.New(io.Discard, "", 0))
	hs.Start()
	t.Cleanup(hs.Close)
	addr := hs.Listener.Addr().String()

	if a := get(t, hs.URL+"/healthz"); a.status != http.StatusOK {
		t.Fatalf("/healthz: %d", a.status)
	}
	// wait sends part of a request and returns what the server answers
	// before it closes the connection, and when it closed it.
	wait := func(partial string) (string, time.Duration) {
		t.Helper()
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		begin := time.Now()
		if _, err := io.WriteString(c, partial); err != nil {
			t.Fatal(err)
		}
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		b, err := io.ReadAll(c)
		if err != nil {
			t.Fatalf("the server kept the connection open: %v", err)
		}
		return string(b), time.Since(begin)
	}
	// Headers never finished: closed after the header timeout (min(10 s,
	// the deadline)), maybe with a 408.
	got, took := wait("GET /healthz HTTP/1.1\r\nHost: x\r\n")
	if took > limit+3*time.Second || strings.Contains(got, " 200 ") {
		t.Errorf("unfinished headers: closed after %s with %q", took, got)
	}
	// A body that stops coming: the whole request is due within the
	// deadline; the read fails and the request is answered, not held.
	got, took = wait("POST /api/scenario HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\ndate: 2025-")
	if took > limit+3*time.Second {
		t.Errorf("stalled body: connection held %s", took)
	}
	resp, err := http.ReadResponse(bufio.NewReader(strings.NewReader(got)), nil)
	if err != nil {
		t.Fatalf("stalled body: no HTTP answer (%v): %q", err, got)
	}
	var e apiError
	if err := json.NewDecoder(resp.Body).Decode(&e); err != nil || (resp.StatusCode != 400 && resp.StatusCode != 503) || e.Msg == "" {
		t.Errorf("stalled body: want 400 or 503 with a JSON error, got %d %+v (%v)", resp.StatusCode, e, err)
	}
	t.Logf("stalled body: %d %s after %s", resp.StatusCode, e.Msg, took)
}
