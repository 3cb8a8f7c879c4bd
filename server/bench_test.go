package server

import (
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkScenarioUncached is one POST /api/scenario (Korea 2025) through
// the whole handler stack, evaluated every time (a new ?name each round
// defeats the answer cache).
func BenchmarkScenarioUncached(b *testing.B) {
	s := New(Options{World: realWorld(b)})
	i := 0
	for b.Loop() {
		i++
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("POST", "/api/scenario?name=k"+strings.Repeat("x", i%1000), strings.NewReader(korea2025)))
	}
}

// BenchmarkGuaranteesCached is a repeated GET /api/guarantees: after the
// first round, answered from the cache.
func BenchmarkGuaranteesCached(b *testing.B) {
	s := New(Options{World: realWorld(b)})
	for b.Loop() {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", "/api/guarantees?state=PRK&on=2025-01-01", nil))
	}
}

// BenchmarkScenarioVaried is POST /api/scenario through the whole handler
// stack with a different scenario every round, drawn as the load test's
// varied case draws them (variedScenarios, seed 1): the cost of the
// questions the cache cannot answer, averaged over many kinds of case.
func BenchmarkScenarioVaried(b *testing.B) {
	w := realWorld(b)
	s := New(Options{World: w})
	reqs := variedScenarios(b, w, 1, 5000)
	i := 0
	for b.Loop() {
		r := reqs[i%len(reqs)]
		i++
		rec := httptest.NewRecorder()
		// A fresh name per round keeps a second pass over the list uncached.
		s.ServeHTTP(rec, httptest.NewRequest(r.method, r.path+"?name=v"+strconv.Itoa(i), strings.NewReader(r.body)))
		if rec.Code != 200 {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	}
}
