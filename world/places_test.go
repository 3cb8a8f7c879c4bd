package world

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/casus-dev/casus/source/snapshot"
)

// TestPlacesTableConsistent checks the embedded table against itself: every
// region a place or state names exists, every sovereign and administrator
// is a state of the table, and no name or alias is used twice.
func TestPlacesTableConsistent(t *testing.T) {
	pt := Places()
	if len(pt.Places) < 30 || len(pt.StateRegions) < 200 {
		t.Fatalf("places table: want ≥30 places and ≥200 states, got %d and %d", len(pt.Places), len(pt.StateRegions))
	}
	seen := map[string]string{}
	for _, r := range pt.Regions {
		if prev, dup := seen[r.ID]; dup {
			t.Errorf("places.yaml: region %q listed twice (%s)", r.ID, prev)
		}
		seen[r.ID] = "region"
	}
	for abb, regs := range pt.StateRegions {
		if len(regs) == 0 {
			t.Errorf("places.yaml: state_regions %s: want at least one region, got none", abb)
		}
		for _, r := range regs {
			if !pt.HasRegion(r) {
				t.Errorf("places.yaml: state_regions %s: region %q is not in regions", abb, r)
			}
		}
	}
	names := map[string]string{}
	for _, p := range pt.Places {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			k := normalize(n)
			// An alias that reads as the place's own name once accents are
			// folded (Constanta for Constanța) is harmless; one shared
			// with another place is not.
			if prev, dup := names[k]; dup && prev != p.Name {
				t.Errorf("places.yaml: place name %q used by %s and %s", n, prev, p.Name)
			}
			names[k] = p.Name
			if pt.HasRegion(k) {
				t.Errorf("places.yaml: place name %q is also a region id", n)
			}
		}
		if p.Sovereign == "" && p.Administrator == "" {
			// A sea area (the Black Sea): no state holds it.
			if p.Home || p.ContestedAdministration {
				t.Errorf("places.yaml: %s: a sea area cannot be home territory or contested administration", p.Name)
			}
			continue
		}
		for _, who := range []string{p.Sovereign, p.Administrator} {
			if _, ok := pt.StateRegions[who]; !ok {
				t.Errorf("places.yaml: %s: want a state of state_regions as sovereign/administrator, got %q", p.Name, who)
			}
		}
		if len(p.Regions) == 0 {
			t.Errorf("places.yaml: %s: want regions, got none", p.Name)
		}
		for _, r := range append(slices.Clone(p.Regions), p.UncertainRegions...) {
			if !pt.HasRegion(r) {
				t.Errorf("places.yaml: %s: region %q is not in regions", p.Name, r)
			}
		}
		if p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 || (p.Lat == 0 && p.Lon == 0) {
			t.Errorf("places.yaml: %s: want coordinates, got %v %v", p.Name, p.Lat, p.Lon)
		}
		if p.Sovereign != p.Administrator && p.Source == "" {
			t.Errorf("places.yaml: %s: contested (sovereign %s, administrator %s): want a source URL", p.Name, p.Sovereign, p.Administrator)
		}
	}
}

// TestPartialRegions checks the partial-coverage table against itself and
// pins the facts the engine's contingent answers rest on: the Pacific area
// covers only part of the US (the West Coast, a home place, is in it; the
// continental US away from the Pacific is not), Europe only part of Russia
// and Turkey; North America covers the whole US home territory.
func TestPartialRegions(t *testing.T) {
	pt := Places()
	for abb, regs := range pt.PartialRegions {
		for _, r := range regs {
			if !slices.Contains(pt.StateRegions[abb], r) {
				t.Errorf("places.yaml: partial_regions %s: %q is not among its state_regions", abb, r)
			}
		}
	}
	for _, c := range []struct {
		abb, region string
		want        Coverage
	}{
		{"USA", "pacific_area", CoversPart}, {"USA", "north_america", CoversWhole}, {"USA", "europe", CoversNone},
		{"RUS", "europe", CoversPart}, {"TUR", "europe", CoversPart}, {"ROK", "pacific_area", CoversWhole},
		{"POL", "europe", CoversWhole},
	} {
		if got := pt.HomeCoverage(c.abb, c.region); got != c.want {
			t.Errorf("HomeCoverage(%s, %s) = %d, want %d", c.abb, c.region, got, c.want)
		}
	}
	for _, p := range pt.Places {
		if !p.Home {
			continue
		}
		for _, r := range p.Regions {
			if pt.HomeCoverage(p.Sovereign, r) == CoversNone && r != "barents_sea" {
				t.Errorf("places.yaml: %s is home territory of %s but lies in %s, which %s's state_regions lack", p.Name, p.Sovereign, r, p.Sovereign)
			}
		}
	}
	if got := pt.HomePlaces("USA", "pacific_area"); !slices.Contains(got, "US West Coast") || slices.Contains(got, "Guam") {
		t.Errorf("HomePlaces(USA, pacific_area) = %v: want the US West Coast and not Guam (an outlying territory)", got)
	}
	east, ok := pt.Place("Washington, D.C.")
	if !ok || slices.Contains(east.Regions, "pacific_area") || !slices.Contains(east.Regions, "north_america") {
		t.Errorf("Washington, D.C.: want a home place in North America outside the Pacific area, got %+v", east)
	}
	nll, ok := pt.Place("NLL")
	if !ok || !nll.ContestedAdministration || nll.Administrator != "ROK" {
		t.Errorf("NLL: want ROK-administered with contested administration, got %+v", nll)
	}
	for _, n := range []string{"Kinmen", "Matsu", "Quemoy"} {
		if p, ok := pt.Place(n); !ok || p.Sovereign != "TAW" {
			t.Errorf("%s: want a place held by TAW, got %+v", n, p)
		}
	}
}

// TestPlacesTreatyFacts pins the facts the obligations engine depends on:
// NATO Art. 6 (Europe, North America, North Atlantic islands north of the
// Tropic of Cancer), the Pacific area, and Japanese administration.
func TestPlacesTreatyFacts(t *testing.T) {
	pt := Places()
	tropic := 23.44
	natoArea := []string{"europe", "north_america", "north_atlantic_islands"}
	in := func(regs []string, any []string) bool {
		for _, r := range regs {
			if slices.Contains(any, r) {
				return true
			}
		}
		return false
	}
	tests := []struct {
		place    string
		nato     bool
		pacific  bool
		admin    string
		sovereig string
	}{
		{"Guam", false, true, "USA", "USA"},
		{"Hawaii", false, true, "USA", "USA"},
		{"Puerto Rico", false, false, "USA", "USA"},
		{"US Virgin Islands", false, false, "USA", "USA"},
		{"American Samoa", false, true, "USA", "USA"},
		{"Northern Mariana Islands", false, true, "USA", "USA"},
		{"Alaska", true, true, "USA", "USA"},
		{"Okinawa", false, true, "JPN", "JPN"},
		{"Senkaku Islands", false, true, "JPN", "JPN"},
		{"Diaoyu Islands", false, true, "JPN", "JPN"},
		{"Canary Islands", true, false, "SPN", "SPN"},
		{"Ceuta", false, false, "SPN", "SPN"},
		{"Melilla", false, false, "SPN", "SPN"},
		{"Azores", true, false, "POR", "POR"},
		{"Madeira", true, false, "POR", "POR"},
		{"Greenland", true, false, "DEN", "DEN"},
		{"Svalbard", true, false, "NOR", "NOR"},
		{"Falklands", false, false, "UKG", "UKG"},
		{"Crimea", true, false, "RUS", "UKR"},
		{"Kursk oblast", true, false, "RUS", "RUS"},
		{"Kaliningrad", true, false, "RUS", "RUS"},
		{"Nagorno-Karabakh", false, false, "AZE", "AZE"},
	}
	for _, tc := range tests {
		p, ok := pt.Place(tc.place)
		if !ok {
			t.Errorf("place %q: not in the table", tc.place)
			continue
		}
		if got := in(p.Regions, natoArea); got != tc.nato {
			t.Errorf("%s: in the NATO Art. 6 territory: want %v, got %v (regions %v)", tc.place, tc.nato, got, p.Regions)
		}
		if got := slices.Contains(p.Regions, "pacific_area"); got != tc.pacific {
			t.Errorf("%s: in the Pacific area: want %v, got %v", tc.place, tc.pacific, got)
		}
		if p.Administrator != tc.admin || p.Sovereign != tc.sovereig {
			t.Errorf("%s: want sovereign %s administrator %s, got %s %s", tc.place, tc.sovereig, tc.admin, p.Sovereign, p.Administrator)
		}
		// Art. 6 islands must lie north of the Tropic of Cancer.
		if slices.Contains(p.Regions, "north_atlantic_islands") && p.Lat <= tropic {
			t.Errorf("%s: in north_atlantic_islands but at %.2f°N, south of the Tropic of Cancer", tc.place, p.Lat)
		}
	}
	for _, p := range pt.Places {
		if slices.Contains(p.Regions, "north_atlantic_islands") && p.Lat <= tropic {
			t.Errorf("%s: in north_atlantic_islands but at %.2f°N", p.Name, p.Lat)
		}
	}
	for abb, want := range map[string]bool{"USA": true, "CAN": true, "TUR": true, "POL": true, "FIN": true, "SWD": true, "JPN": false, "AUL": false} {
		if got := in(pt.HomeRegions(abb), natoArea); got != want {
			t.Errorf("home territory of %s in the NATO Art. 6 area: want %v, got %v", abb, want, got)
		}
	}
	for _, abb := range []string{"USA", "ROK", "JPN", "PHI", "AUL", "NEW", "PRK", "CHN"} {
		if !slices.Contains(pt.HomeRegions(abb), "pacific_area") {
			t.Errorf("home territory of %s: want pacific_area, got %v", abb, pt.HomeRegions(abb))
		}
	}
}

// cowFile returns a published COW file: from the directory $CASUS_DATA
// names when set, else from the embedded snapshot. (Package world cannot
// import package source, which builds on it; the snapshot is a leaf.)
func cowFile(t *testing.T, rel string) []byte {
	t.Helper()
	var b []byte
	var err error
	if dir := os.Getenv("CASUS_DATA"); dir != "" {
		b, err = os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	} else {
		b, _, err = snapshot.ReadFile(rel)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestStateRegionsAreCOWStates checks every state_regions key against the
// COW state lists.
func TestStateRegionsAreCOWStates(t *testing.T) {
	abbs := map[string]bool{}
	for _, f := range []string{"statelist2024.csv", "states2016.csv"} {
		recs, err := csv.NewReader(bytes.NewReader(cowFile(t, "cow_states/"+f))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs[1:] {
			abbs[strings.TrimSpace(r[0])] = true
		}
	}
	for abb := range Places().StateRegions {
		if !abbs[abb] {
			t.Errorf("places.yaml: state_regions key %q is not a COW abbreviation", abb)
		}
	}
	for abb := range abbs {
		if _, ok := Places().StateRegions[abb]; !ok {
			t.Errorf("places.yaml: COW state %s has no state_regions entry", abb)
		}
	}
}
