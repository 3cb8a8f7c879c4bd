package source

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Each parser has a fuzz target seeded with a small made-up file in its
// official layout (testdata/seeds). The property: a parser never panics,
// and it either returns rows or a *ParseError whose line lies inside the
// input.

type parseFunc func(file string, data []byte) (int, error)

var parsers = map[string]parseFunc{
	"states.csv": func(f string, d []byte) (int, error) { r, err := parseStateList(f, d, "2016"); return len(r), err },
	"statelist.csv": func(f string, d []byte) (int, error) {
		r, err := parseStateList(f, d, "2024")
		return len(r), err
	},
	"system.csv": func(f string, d []byte) (int, error) { r, err := parseSystem(f, d); return len(r), err },
	"majors.csv": func(f string, d []byte) (int, error) { r, err := parseMajors(f, d); return len(r), err },
	"nmc6.csv":   func(f string, d []byte) (int, error) { r, err := parseNMC6(f, d); return len(r), err },
	"nmc7.csv":   func(f string, d []byte) (int, error) { r, err := parseNMC7(f, d); return len(r), err },
	"atop_m.csv": func(f string, d []byte) (int, error) { r, err := parseATOPMembers(f, d); return len(r), err },
	"atop_a.csv": func(f string, d []byte) (int, error) {
		r, err := parseATOPAlliances(f, d, atopAllianceCols)
		return len(r), err
	},
	"atop_aph.csv": func(f string, d []byte) (int, error) {
		r, err := parseATOPAlliances(f, d, atopPhaseCols)
		return len(r), err
	},
	"atop_sy.csv": func(f string, d []byte) (int, error) {
		r, err := parseATOPStateYears(f, d, atopStateYearCols)
		return len(r), err
	},
	"atop_ddyr.csv": func(f string, d []byte) (int, error) {
		r, err := parseATOPDyadYears(f, d)
		return len(r), err
	},
	"wars.csv":                 func(f string, d []byte) (int, error) { r, err := parseWars(f, d); return len(r), err },
	"dyadic_war.csv":           func(f string, d []byte) (int, error) { r, err := parseDyadicWars(f, d); return len(r), err },
	"contiguity_master.csv":    func(f string, d []byte) (int, error) { r, err := parseContdir(f, d); return len(r), err },
	"contiguity_dyadyear.csv":  func(f string, d []byte) (int, error) { r, err := parseContdird(f, d); return len(r), err },
	"contiguity_stateyear.csv": func(f string, d []byte) (int, error) { r, err := parseContdirs(f, d); return len(r), err },
	"capitals.csv":             func(f string, d []byte) (int, error) { r, err := parseCapitals(f, d); return len(r), err },
	"crosswalk.csv":            func(f string, d []byte) (int, error) { r, err := parseCodelist(f, d); return len(r), err },
	"atop_inst.csv":            func(f string, d []byte) (int, error) { r, err := parseATOPInst(f, d); return len(r), err },
	"capitals_raw.csv":         func(f string, d []byte) (int, error) { r, err := parseCapitalsRaw(f, d); return len(r), err },
	"panel.csv":                func(f string, d []byte) (int, error) { r, err := parseCodelistPanel(f, d); return len(r), err },
}

func seed(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "seeds", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestSeedsParse keeps the seeds valid, so fuzzing starts from inputs that
// reach every field check rather than failing at the header.
func TestSeedsParse(t *testing.T) {
	for name, p := range parsers {
		n, err := p(name, seed(t, name))
		if err != nil || n == 0 {
			t.Errorf("%s: %d rows, %v", name, n, err)
		}
	}
}

func fuzzParser(f *testing.F, name string) {
	p := parsers[name]
	f.Add(seed(f, name))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := p(name, data)
		if err == nil {
			return
		}
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error is not a *ParseError: %v", err)
		}
		lines := 1
		for i, c := range data {
			if c == '\n' || c == '\r' && (i+1 >= len(data) || data[i+1] != '\n') {
				lines++
			}
		}
		if pe.Line < 1 || pe.Line > lines || pe.File != name {
			t.Fatalf("error %v points outside the %d-line input", err, lines)
		}
	})
}

func FuzzStates(f *testing.F)         { fuzzParser(f, "states.csv") }
func FuzzStateList(f *testing.F)      { fuzzParser(f, "statelist.csv") }
func FuzzSystem(f *testing.F)         { fuzzParser(f, "system.csv") }
func FuzzMajors(f *testing.F)         { fuzzParser(f, "majors.csv") }
func FuzzNMC6(f *testing.F)           { fuzzParser(f, "nmc6.csv") }
func FuzzNMC7(f *testing.F)           { fuzzParser(f, "nmc7.csv") }
func FuzzATOPMembers(f *testing.F)    { fuzzParser(f, "atop_m.csv") }
func FuzzATOPAlliances(f *testing.F)  { fuzzParser(f, "atop_a.csv") }
func FuzzATOPPhases(f *testing.F)     { fuzzParser(f, "atop_aph.csv") }
func FuzzATOPStateYears(f *testing.F) { fuzzParser(f, "atop_sy.csv") }
func FuzzATOPDyadYears(f *testing.F)  { fuzzParser(f, "atop_ddyr.csv") }
func FuzzWars(f *testing.F)           { fuzzParser(f, "wars.csv") }
func FuzzDyadicWars(f *testing.F)     { fuzzParser(f, "dyadic_war.csv") }
func FuzzContdir(f *testing.F)        { fuzzParser(f, "contiguity_master.csv") }
func FuzzContdird(f *testing.F)       { fuzzParser(f, "contiguity_dyadyear.csv") }
func FuzzContdirs(f *testing.F)       { fuzzParser(f, "contiguity_stateyear.csv") }
func FuzzCapitals(f *testing.F)       { fuzzParser(f, "capitals.csv") }
func FuzzCodelist(f *testing.F)       { fuzzParser(f, "crosswalk.csv") }
func FuzzCodelistPanel(f *testing.F)  { fuzzParser(f, "panel.csv") }
func FuzzCapitalsRaw(f *testing.F)    { fuzzParser(f, "capitals_raw.csv") }
func FuzzATOPInst(f *testing.F)       { fuzzParser(f, "atop_inst.csv") }
