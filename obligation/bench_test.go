package obligation

import (
	"os"
	"testing"
)

func sharedScenario(tb testing.TB, name string) *Scenario {
	tb.Helper()
	w := realWorld(tb)
	b, err := os.ReadFile("testdata/scenarios/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	s, err := Parse(w, name, b)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// BenchmarkEvaluate evaluates the Guam 2026 scenario (an attack on the
// state with the most treaties) against the registry and every ATOP 5.1
// alliance, cascade and balance included, without the explanation chains.
func BenchmarkEvaluate(b *testing.B) {
	s := sharedScenario(b, "guam-2026.yaml")
	e := For(realWorld(b))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Evaluate(s, false)
	}
}

// BenchmarkEvaluateKorea is the Korea 2025 scenario, the same way.
func BenchmarkEvaluateKorea(b *testing.B) {
	s := sharedScenario(b, "korea-2025.yaml")
	e := For(realWorld(b))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Evaluate(s, false)
	}
}

// BenchmarkMonteCarlo10k runs 10,000 seeded cascades of the Korea 2025
// scenario with honour 0.5 on two workers (one op = 10,000 cascades).
func BenchmarkMonteCarlo10k(b *testing.B) {
	s := sharedScenario(b, "korea-2025.yaml")
	s.Assume.Honour, s.Assume.Runs, s.Assume.Seed = 0.5, 10000, 1
	e := For(realWorld(b))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.MonteCarlo(s, 2)
	}
}
