package treaty

import (
	"context"
	"testing"

	"github.com/casus-dev/casus/source"
)

// BenchmarkImportATOP reads atop5_1m.csv and builds the 789 treaties.
func BenchmarkImportATOP(b *testing.B) {
	w := dataWorld(b)
	path := needData(b).File(source.PathATOPMembers)
	b.ReportAllocs()
	for b.Loop() {
		ts, err := ImportATOP(w, path)
		if err != nil || len(ts) != 789 {
			b.Fatal(err, len(ts))
		}
	}
}

// BenchmarkRegistry parses, validates and resolves the embedded registry.
func BenchmarkRegistry(b *testing.B) {
	w := dataWorld(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Registry(w); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAttach is what every CLI command pays for treaties on top of
// loading the states.
func BenchmarkAttach(b *testing.B) {
	dir := needData(b)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		w, err := source.Load(context.Background(), dir, source.LoadOptions{Only: []string{source.States}})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := Attach(context.Background(), w, dir, nil); err != nil {
			b.Fatal(err)
		}
	}
}
