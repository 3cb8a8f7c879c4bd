package panel

import (
	"context"
	"math"
	"testing"

	"github.com/casus-dev/casus/source"
)

// TestSourceWorldAgrees builds the full directed panel with every adder
// twice — from the World package source loads (statelist2024, the CLI's
// path) and from this package's raw test reader (states2016) — and wants
// identical cells. It checks the claim that the v2016 system is the same
// from either state list, and the loaders against each other.
func TestSourceWorldAgrees(t *testing.T) {
	dir := dataDir(t)
	as, err := ParseAdders("atop,nmc,majors,contiguity,capdist,wars")
	if err != nil {
		t.Fatal(err)
	}
	sw, err := source.Load(context.Background(), dir, source.LoadOptions{Only: Datasets(as)})
	if err != nil {
		t.Fatal(err)
	}
	build := func(sys *System) *Frame {
		f, err := sys.DyadYears(1816, 2016, true)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	ss, err := COW2016(sw)
	if err != nil {
		t.Fatal(err)
	}
	a, b := build(ss), build(cow2016(t))
	if err := Apply(a, sw, as, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Apply(b, testWorld(t), as, Options{}); err != nil {
		t.Fatal(err)
	}
	if a.Len() != b.Len() || len(a.Cols) != len(b.Cols) {
		t.Fatalf("source world: %d rows × %d columns; raw files: %d × %d", a.Len(), len(a.Cols), b.Len(), len(b.Cols))
	}
	for k, ca := range a.Cols {
		cb := b.Cols[k]
		if ca.Name != cb.Name {
			t.Fatalf("column %d: %q vs %q", k, ca.Name, cb.Name)
		}
		bad := 0
		for i := range a.Len() {
			x, y := ca.Float(i), cb.Float(i)
			// capdist: both read the same coordinates; allow float noise.
			if !(x == y || math.IsNaN(x) && math.IsNaN(y) || math.Abs(x-y) < 1e-9) {
				if bad < 3 {
					t.Errorf("%s row %d-%d %d: source %v, raw %v", ca.Name, a.Cols[0].I16[i], a.Cols[1].I16[i], a.Cols[2].I16[i], x, y)
				}
				bad++
			}
		}
		if bad > 0 {
			t.Errorf("%s: %d cells differ", ca.Name, bad)
		}
	}
}
