package main

import (
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

// TestWrapSourceLines: a long source line is broken at spaces into lines
// that fit the figure, continuations indented, and no word is lost or
// reordered; a short line is left alone.
func TestWrapSourceLines(t *testing.T) {
	long := "Discounted to Pyongyang with the loss-of-strength gradient CINC^log10(miles/miles-per-day + 10 − e) (Bueno de Mesquita 1981) as EUGene 3.203 computes it, EUGene's eras: 250 miles/day before 1918, 375 in 1918–1945, 500 from 1946; capitals: peacesciencer."
	const w = 7 * vg.Inch
	got := wrapSourceLines([]string{"Source: short.", long}, w)
	if got[0] != "Source: short." {
		t.Errorf("short line changed: %q", got[0])
	}
	if len(got) < 3 {
		t.Fatalf("long line not wrapped: %q", got)
	}
	sty := sourceStyle()
	for _, l := range got {
		if sty.Width(l) > w-vg.Points(12) {
			t.Errorf("line wider than the figure: %q", l)
		}
	}
	for _, l := range got[2:] {
		if !strings.HasPrefix(l, "   ") {
			t.Errorf("continuation not indented: %q", l)
		}
	}
	if strings.Join(strings.Fields(strings.Join(got[1:], " ")), " ") != long {
		t.Errorf("words lost or reordered:\n%q", got[1:])
	}
}
