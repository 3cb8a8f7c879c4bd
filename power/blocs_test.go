package power_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/casus-dev/casus/power"
	"github.com/casus-dev/casus/world"
)

// toyWorld: states 1–5 members 1900–2000, state 6 never a member; defense
// pledges 1→2, 2→3 (one direction each), 1↔3, 4↔5, 1↔6.
func toyWorld() *world.World {
	w := &world.World{}
	for c := 1; c <= 6; c++ {
		s := world.State{Code: c, Abb: fmt.Sprintf("S%d", c)}
		if c != 6 {
			s.Spells = []world.Spell{{Start: world.D(1900, 1, 1), End: world.D(2000, 12, 31)}}
		}
		w.States = append(w.States, s)
	}
	d := func(a, b int) world.AllianceDyadYear {
		return world.AllianceDyadYear{A: a, B: b, Year: 1950, Defense: true}
	}
	w.AllianceDyads = &world.AllianceDyadYears{First: 1900, Last: 2000, Rows: []world.AllianceDyadYear{
		d(1, 2), d(2, 3), d(1, 3), d(3, 1), d(4, 5), d(5, 4), d(1, 6), d(6, 1),
		{A: 2, B: 4, Year: 1950, Consul: true}, // not a defense pledge
	}}
	w.Freeze()
	return w
}

func TestBlocsToy(t *testing.T) {
	w := toyWorld()
	one := [6]float64{1, 1, 1, 1, 1, 1}
	caps := toyCaps("toy", row(1, 1950, one, nan), row(2, 1950, one, nan), row(3, 1950, one, nan),
		row(4, 1950, one, nan), row(5, 1950, one, nan))
	bl := power.AllianceBlocs(w, caps, 1950)
	if !bl.Covered || bl.DataYear != 1950 {
		t.Fatalf("want covered, data year 1950; got %+v", bl)
	}
	want := "[1 2 3] 0.6000; [4 5] 0.4000"
	if got := blocString(bl.Components); got != want {
		t.Errorf("components: want %s, got %s", want, got)
	}
	if got := blocString(bl.Cliques); got != want {
		t.Errorf("cliques: want %s, got %s", want, got)
	}
	if bl := power.AllianceBlocs(w, caps, 1951); !bl.Covered || len(bl.Components) != 0 {
		t.Errorf("1951: want covered with no bloc, got %+v", bl)
	}
	if bl := power.AllianceBlocs(w, caps, 2001); bl.Covered {
		t.Errorf("2001: outside the alliance data, want uncovered, got %+v", bl)
	}
}

func blocString(bs []power.Bloc) string {
	s := ""
	for i, b := range bs {
		if i > 0 {
			s += "; "
		}
		s += fmt.Sprintf("%v %.4f", b.Members, b.Share)
	}
	return s
}

// TestBlocs1914 checks the defense-pact network of 1914 on ATOP 5.1.
func TestBlocs1914(t *testing.T) {
	w := realWorld(t)
	bl := power.AllianceBlocs(w, w.NMC["6.0"], 1914)
	// Romania (360) held defense pacts with both camps in 1914 (the Triple
	// Alliance accession and Russia's October 1914 pledge), so the
	// components join France–Russia to the Central Powers; the cliques
	// keep them apart. Montenegro's pact with Serbia is absent: Montenegro
	// is not a COW member before 2006.
	want := []string{"[220 255 300 325 355 360 365 640]", "[200 235 740]", "[345 350]"}
	if len(bl.Components) != len(want) {
		t.Fatalf("want %d components, got %d: %s", len(want), len(bl.Components), blocString(bl.Components))
	}
	for i, b := range bl.Components {
		if got := fmt.Sprint(b.Members); got != want[i] {
			t.Errorf("component %d: want %s, got %s", i, want[i], got)
		}
	}
	cl := map[string]bool{}
	for _, b := range bl.Cliques {
		cl[fmt.Sprint(b.Members)] = true
	}
	for _, c := range []string{"[255 300 325]", "[220 365]", "[200 740]", "[360 365]"} {
		if !cl[c] {
			t.Errorf("want clique %s among %s", c, blocString(bl.Cliques))
		}
	}
	if len(bl.Cliques) != 9 {
		t.Errorf("want 9 maximal cliques, got %d", len(bl.Cliques))
	}
	// Shares of disjoint components add up to at most 1.
	sum := 0.0
	for _, b := range bl.Components {
		sum += b.Share
	}
	if sum > 1 || math.Abs(bl.Components[0].Share-0.4485) > 5e-5 {
		t.Errorf("component shares: want first 0.4485 and sum ≤ 1, got %s (sum %.4f)", blocString(bl.Components), sum)
	}
}

// TestBlocsAfterNMC: ATOP runs to 2018, NMC 6.0 to 2016, so 2018's blocs
// use 2016 capabilities; 2019 is outside ATOP.
func TestBlocsAfterNMC(t *testing.T) {
	w := realWorld(t)
	bl := power.AllianceBlocs(w, w.NMC["6.0"], 2018)
	if !bl.Covered || bl.DataYear != 2016 || len(bl.Components) == 0 {
		t.Fatalf("2018: want covered with data year 2016 and blocs, got covered=%v data year %d, %d components", bl.Covered, bl.DataYear, len(bl.Components))
	}
	nato := false
	for _, b := range bl.Cliques {
		n := 0
		for _, c := range b.Members {
			if c == 2 || c == 200 || c == 220 || c == 255 {
				n++
			}
		}
		nato = nato || n == 4
	}
	if !nato {
		t.Error("2018: want a clique holding USA, UK, France and Germany (NATO)")
	}
	if bl := power.AllianceBlocs(w, w.NMC["7.0"], 2019); bl.Covered {
		t.Error("2019: ATOP 5.1 ends in 2018, want uncovered")
	}
}
