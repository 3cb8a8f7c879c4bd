package server

import (
	"net/http/httptest"
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
