package world

import (
	"strings"
	"testing"
)

func TestNearest(t *testing.T) {
	names := []string{"Poland", "Portugal", "Russia", "USA", "nato-1949", "anzus", "csto", "Austria", "Australia"}
	for _, c := range []struct {
		q, want string
	}{
		{"Polnd", "Poland"},    // a letter dropped
		{"Rusia", "Russia"},    // not also USA, two edits away
		{"nato", "nato-1949"},  // a word of the id
		{"anzsu", "anzus"},     // two letters swapped count as one edit
		{"Austrai", "Austria"}, // idem; Australia is further
		{"CSTO", "csto"},       // case does not matter
		{"Atlantis", ""},       // nothing near: no guess
		{"po", ""},             // too short for a prefix match
	} {
		got := strings.Join(Nearest(c.q, names, 3), ",")
		if got != c.want {
			t.Errorf("Nearest(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}

func TestNearestPlaces(t *testing.T) {
	for q, want := range map[string]string{"Gaum": "Guam", "Senkaku": "Senkaku Islands", "Diaoyu": "Senkaku Islands", "mediteranean": "mediterranean"} {
		got := Places().NearestPlaces(q, 3)
		if len(got) == 0 || got[0] != want {
			t.Errorf("NearestPlaces(%q) = %v, want %s first", q, got, want)
		}
	}
}
