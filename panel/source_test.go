package panel

import (
	"context"
	"math"
	"testing"

	"github.com/casus-dev/casus/similarity"
	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/treaty"
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

func TestSimilarityPlacement(t *testing.T) {
	f := dyadFrame(t, true, "similarity", Options{NMC: "6.0"})
	// Every value the similarity package emits for 1950 lands on both
	// directed rows of its dyad.
	n := 0
	_, err := similarity.DyadYears(context.Background(), testWorld(t), similarity.Options{First: 1950, Last: 1950, NMC: "6.0"}, func(y *similarity.Year) error {
		for k := range y.Code1 {
			for _, r := range []int{rowOf(f, int(y.Code1[k]), int(y.Code2[k]), 1950), rowOf(f, int(y.Code2[k]), int(y.Code1[k]), 1950)} {
				if r < 0 {
					t.Fatalf("similarity dyad %d-%d 1950 not in the panel", y.Code1[k], y.Code2[k])
				}
				for m, c := range similarity.Columns {
					got, want := f.Column(c.Name).F64[r], y.Values[m][k]
					if !(got == want || math.IsNaN(got) && math.IsNaN(want)) {
						t.Fatalf("%s %d-%d 1950: panel %v, similarity %v", c.Name, y.Code1[k], y.Code2[k], got, want)
					}
				}
				n++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 || n != countYear(f, 1950) {
		t.Errorf("1950: %d similarity rows placed, panel has %d", n, countYear(f, 1950))
	}
}

func countYear(f *Frame, y int) int {
	n := 0
	for _, v := range f.Years() {
		if int(v) == y {
			n++
		}
	}
	return n
}

func TestObligationsColumns(t *testing.T) {
	dir := dataDir(t)
	w, err := source.Load(context.Background(), dir, source.LoadOptions{Only: []string{source.States}})
	if err != nil {
		t.Fatal(err)
	}
	if err := treaty.Attach(context.Background(), w, dir, nil); err != nil {
		t.Fatal(err)
	}
	w.Freeze()
	s, err := COW2016(w)
	if err != nil {
		t.Fatal(err)
	}
	f, err := s.DyadYears(2000, 2000, false)
	if err != nil {
		t.Fatal(err)
	}
	as, _ := ParseAdders("obligations")
	if err := Apply(f, w, as, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		a, b     int
		col      string
		min, max float64
	}{
		{2, 200, "defoblig12", 1, 2},   // NATO Art. 5: the USA defends the UK
		{2, 200, "defoblig21", 1, 2},   // and the UK the USA
		{2, 732, "defoblig12", 1, 2},   // US–ROK Mutual Defense Treaty
		{710, 731, "defoblig12", 1, 2}, // PRC–DPRK 1961
		{2, 731, "defoblig12", 0, 0},   // nothing toward North Korea
		{2, 365, "defoblig12", 0, 0},
	} {
		got := val(t, f, c.col, rowOf(f, c.a, c.b, 2000))
		if got < c.min || got > c.max {
			t.Errorf("%d-%d 2000 %s: got %v, want %v–%v", c.a, c.b, c.col, got, c.min, c.max)
		}
	}
}
