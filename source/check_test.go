package source

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestCheckRealData(t *testing.T) {
	res := Check(testData(t))
	by := map[string]CheckResult{}
	for _, r := range res {
		if !r.OK() || len(r.Notes) > 0 {
			t.Errorf("%s: problems %v notes %v", r.File, r.Problems, r.Notes)
		}
		by[r.File] = r
	}
	cases := []struct {
		file        string
		version     string
		first, last int
		rows        int
		unit        string
		count       int
	}{
		{PathATOPAlliances, "5.1", 1815, 2018, 789, "alliances", 789},
		{PathATOPMembers, "5.1", 1815, 2018, 2510, "member rows", 2510},
		{PathNMC6, "6.0", 1816, 2016, 15951, "state-years", 15951},
		{PathStates2016, "2016", 1816, 2016, 243, "states", 217},
		{PathWars, "4.0", 1823, 2003, 337, "wars", 95},
		{PathContdir, "3.2", 1816, 2016, 847, "spells", 847},
		{PathCapitals, "peacesciencer fe150a2", 1816, 2024, 242, "capitals", 242},
		{PathCodelist, "1.8.0", 0, 0, 292, "entities", 292},
		{PathDyadicWar, "2018", 1823, 2003, 1364, "directed dyad-years", 1364},
		// PROVENANCE: the *_NNA files drop the 200 nonaggression-only pacts.
		{PathATOPAllianceNNA, "5.1", 1815, 2018, 589, "alliances", 589},
		{PathATOPPhasesNNA, "5.1", 1815, 2018, 638, "phases", 638},
		{PathATOPMembersNNA, "5.1", 1815, 2018, 1838, "member rows", 1838},
		{PathATOPStateYearNNA, "5.1", 1815, 2018, 10514, "state-years", 10514},
		{PathATOPInst, "5.1", 0, 0, 849, "phases", 849},
		{PathCapitalsRaw, "peacesciencer fe150a2", 1812, 2020, 266, "capitals", 266},
	}
	for _, c := range cases {
		r, ok := by[c.file]
		if !ok {
			t.Errorf("%s not checked", c.file)
			continue
		}
		if r.Version != c.version || r.First != c.first || r.Last != c.last || r.Rows != c.rows || r.Counts[c.unit] != c.count {
			t.Errorf("%s: %s %d–%d rows %d %s %d; want %s %d–%d rows %d %s %d", c.file,
				r.Version, r.First, r.Last, r.Rows, c.unit, r.Counts[c.unit],
				c.version, c.first, c.last, c.rows, c.unit, c.count)
		}
	}
}

func TestCheckMissingAndMalformed(t *testing.T) {
	dir := t.TempDir()
	// Copy every known file except the member file (required, missing) and
	// contdird (optional, missing); write a malformed NMC 6.0.
	for _, c := range checkSpecs {
		if c.rel == PathATOPMembers || c.rel == PathContdird || c.rel == PathNMC6 {
			continue
		}
		os.MkdirAll(filepath.Join(dir, filepath.Dir(c.rel)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, c.rel), fileBytes(t, c.rel), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bad := writeModified(t, PathNMC6, 12, func(f []string) []string { return f[:5] })
	data, _ := os.ReadFile(bad)
	os.WriteFile(filepath.Join(dir, PathNMC6), data, 0o644)

	for _, r := range Check(Dir(dir)) {
		switch r.File {
		case PathATOPMembers:
			if r.OK() || !errors.Is(r.Err, os.ErrNotExist) {
				t.Errorf("missing required file: %+v", r)
			}
		case PathContdird:
			if !r.OK() || len(r.Notes) != 1 {
				t.Errorf("missing optional file: %+v", r)
			}
		case PathNMC6:
			var pe *ParseError
			if r.OK() || !errors.As(r.Err, &pe) || r.Problems[0] != "NMC-60-abridged.csv:12: want 11 fields, got 5" {
				t.Errorf("malformed file: %+v", r)
			}
		default:
			if !r.OK() {
				t.Errorf("%s: %v", r.File, r.Problems)
			}
		}
	}
}

// Every file PROVENANCE.md lists is examined by Check, and Check examines
// nothing else.
func TestCheckCoversKnownFiles(t *testing.T) {
	specs := map[string]bool{}
	for _, c := range checkSpecs {
		specs[c.rel] = true
	}
	for _, k := range KnownFiles {
		if !specs[k.Path] {
			t.Errorf("%s is known but not checked", k.Path)
		}
		delete(specs, k.Path)
	}
	for p := range specs {
		t.Errorf("%s is checked but has no known hash", p)
	}
}
