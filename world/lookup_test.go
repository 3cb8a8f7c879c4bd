package world

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/transform"
)

// TestNormalizeASCIIFastPath: skipping the mark-folding chain for ASCII
// changes no key — every place name and alias, typed in other cases and
// spacings, normalizes as it does through the chain — and accented input
// still folds ("Türkiye" as "Turkiye").
func TestNormalizeASCIIFastPath(t *testing.T) {
	slow := func(s string) string {
		if folded, _, err := transform.String(foldMarks(), s); err == nil {
			s = folded
		}
		s = strings.ToLower(strings.TrimSpace(s))
		s = dropPunct.Replace(s)
		return strings.Join(strings.Fields(s), " ")
	}
	var names []string
	for _, p := range Places().Places {
		names = append(names, p.Name)
		names = append(names, p.Aliases...)
	}
	for _, n := range append(names, "Côte d'Ivoire", "Türkiye", "  St. Kitts ’n  Nevis ") {
		for _, v := range []string{n, strings.ToUpper(n), " " + strings.ReplaceAll(n, " ", "  ") + " "} {
			if got, want := normalize(v), slow(v); got != want {
				t.Errorf("normalize(%q) = %q, the chain gives %q", v, got, want)
			}
		}
	}
	if normalize("Türkiye") != normalize("TURKIYE") {
		t.Errorf("accents no longer fold: %q vs %q", normalize("Türkiye"), normalize("TURKIYE"))
	}
}

// TestPlaceIndexMatchesScan: the name index Places builds finds, for every
// name and alias (and an unknown name), the place a scan of the table
// finds.
func TestPlaceIndexMatchesScan(t *testing.T) {
	idx := Places()
	if idx.byName == nil {
		t.Fatal("Places() built no index")
	}
	scan := *idx
	scan.byName = nil
	queries := []string{"Atlantis", ""}
	for _, p := range idx.Places {
		queries = append(queries, p.Name, strings.ToUpper(p.Name))
		queries = append(queries, p.Aliases...)
	}
	for _, q := range queries {
		a, okA := idx.Place(q)
		b, okB := scan.Place(q)
		if okA != okB || a != b {
			t.Errorf("Place(%q): index gives %v %v, scan %v %v", q, a, okA, b, okB)
		}
	}
}

// TestDateStringAsSprintf: the hand-written Date.String gives what
// fmt's %04d-%02d-%02d gives, on every day from 1 to 9999 CE's edges and
// on days outside it.
func TestDateStringAsSprintf(t *testing.T) {
	check := func(d Date) {
		if got, want := d.String(), fmt.Sprintf("%04d-%02d-%02d", d.Year(), d.Month(), d.Day()); got != want {
			t.Errorf("Date(%d).String() = %q, want %q", int32(d), got, want)
		}
	}
	for day := D(1815, 1, 1); day <= D(2030, 12, 31); day = day.AddDays(1) {
		check(day)
	}
	for _, d := range []Date{D(1, 1, 1), D(999, 12, 31), D(9999, 12, 31), D(10000, 1, 1), D(123456, 7, 8), -D(2020, 1, 2), D(2020, 0, 0), D(2020, 13, 99)} {
		check(d)
	}
	if Date(0).String() != "" {
		t.Errorf("zero Date: %q", Date(0).String())
	}
}
