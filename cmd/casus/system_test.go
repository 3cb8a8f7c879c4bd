package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSystem1914 is the "must show": the eight COW majors of 1914
// (USA, UKG, FRN, GMY, AUH, ITA, RUS, JPN) and CON.
func TestSystem1914(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "system", "--year", "1914", "--nmc", "6.0")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := map[string]bool{"USA": true, "UKG": true, "FRN": true, "GMY": true, "AUH": true, "ITA": true, "RUS": true, "JPN": true}
	got := map[string]bool{}
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		if len(f) > 1 && want[f[1]] {
			got[f[1]] = true
		}
	}
	if len(got) != 8 || !strings.Contains(out, "8 major powers, CON 0.2202, effective poles 5.97, multipolar") {
		t.Errorf("want the eight majors of 1914 and CON 0.2202; got %v in\n%s", got, out)
	}
}

func TestSystemJSON(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "system", "--year", "1914", "--nmc", "6.0", "--format", "json", "--blocs")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var js struct {
		Year   int      `json:"year"`
		NMC    string   `json:"nmc"`
		CON    *float64 `json:"con"`
		Majors []struct {
			Abb   string  `json:"stateabb"`
			Share float64 `json:"share"`
		} `json:"majors"`
		Blocs struct {
			Components []struct {
				Members []string `json:"members"`
			} `json:"components"`
		} `json:"blocs"`
	}
	if err := json.Unmarshal([]byte(out), &js); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if js.CON == nil || math.Abs(*js.CON-0.2202) > 5e-5 || len(js.Majors) != 8 || js.Majors[0].Abb != "USA" || js.NMC != "6.0" {
		t.Errorf("want con 0.2202, 8 majors led by USA, nmc 6.0; got %s", out)
	}
	if len(js.Blocs.Components) != 3 || strings.Join(js.Blocs.Components[1].Members, " ") != "UKG POR JPN" {
		t.Errorf("want 3 bloc components, the second UKG POR JPN; got %+v", js.Blocs.Components)
	}
}

// TestSystemAfterMajorsData: NMC 7.0 has 2020, the majors data do not.
// --year 2020 carries 2016's seven majors forward and says so (majors_from
// 2016, an assumption); --carry-forward=false keeps CON and polarity null,
// never 0.
func TestSystemAfterMajorsData(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "system", "--year", "2020", "--format", "json", "--carry-forward=false")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var js map[string]any
	if err := json.Unmarshal([]byte(out), &js); err != nil {
		t.Fatal(err)
	}
	if js["nmc"] != "7.0" || js["con"] != nil || js["polarity"] != nil || js["majors_known"] != false || js["states"].(float64) < 190 {
		t.Errorf("2020 strict: want NMC 7.0 capabilities with null con and polarity; got %s", out)
	}
	out, errOut, code = run(t, "system", "--year", "2020", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	js = nil
	if err := json.Unmarshal([]byte(out), &js); err != nil {
		t.Fatal(err)
	}
	majors, _ := js["majors"].([]any)
	if js["majors_from"] != float64(2016) || js["con"] == nil || len(majors) != 7 || !strings.Contains(fmt.Sprint(js["assumption"]), "carried forward") {
		t.Errorf("2020: want 2016's 7 majors carried forward with CON and an assumption; got %s", out)
	}
	if !strings.Contains(fmt.Sprint(js["polarity_rule"]), "≥ 50%") || js["polarity_caveat"] == "" {
		t.Errorf("2020: polarity rule and caveat missing: %s", out)
	}
	text, _, _ := run(t, "system", "--year", "2020")
	if !strings.Contains(text, "ASSUMPTION: the COW majors data end in 2016") || !strings.Contains(text, "polarity rule: unipolar if") {
		t.Errorf("2020 text: want the assumption and the rule beside the label; got\n%s", text)
	}
}

// TestSystemSeriesCSV: the "must show" series, one row per year 1816–2016.
func TestSystemSeriesCSV(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "system", "--years", "1816-2016", "--format", "csv", "--nmc", "6.0")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 202 || recs[0][0] != "year" || recs[0][8] != "con" {
		t.Fatalf("want header + 201 rows with a con column, got %d rows, header %v", len(recs), recs[0])
	}
	for _, r := range recs[1:] {
		if r[8] == "" || r[4] == "" {
			t.Errorf("%s: CON or majors missing: %v", r[0], r)
		}
		if r[0] == "1914" && (r[4] != "8" || r[8] != "0.2202") {
			t.Errorf("1914: want 8 majors, CON 0.2202; got %v", r)
		}
	}
	// 7.0 runs to 2022: the later rows keep capabilities, majors are empty.
	out, _, code = run(t, "system", "--years", "2015-2022", "--format", "csv")
	recs, _ = csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || len(recs) != 9 || recs[8][0] != "2022" || recs[8][8] != "" || recs[8][2] == "" {
		t.Errorf("2015-2022 on 7.0: want 8 rows, 2022 with states but empty CON; got %v", recs)
	}
}

func TestSystemPlot(t *testing.T) {
	needData(t)
	dir := t.TempDir()
	for _, name := range []string{"con.svg", "con.png"} {
		path := filepath.Join(dir, name)
		out, errOut, code := run(t, "system", "--years", "1816-2016", "--plot", path)
		if code != 0 || !strings.Contains(out, "wrote") {
			t.Fatalf("%s: exit %d: %s%s", name, code, out, errOut)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		magic := []byte("<?xml")
		if name == "con.png" {
			magic = []byte("\x89PNG")
		}
		if !bytes.HasPrefix(b, magic) || len(b) < 10000 {
			t.Errorf("%s: want a %q file of some size, got %d bytes starting %q", name, magic, len(b), b[:min(8, len(b))])
		}
		if name == "con.svg" && (!bytes.Contains(b, []byte("NMC-60")) && !bytes.Contains(b, []byte("v7.0"))) {
			t.Errorf("con.svg: want the source line naming the NMC release")
		}
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		t.Errorf("want only the two figures in the folder (no temp files), got %d entries", len(ents))
	}
}

func TestSystemUsageErrors(t *testing.T) {
	tests := [][]string{
		{"system", "--year", "1914", "--years", "1816-1900"},
		{"system", "--years", "2000-1990"},
		{"system", "--years", "x"},
		{"system", "--nmc", "5.0"},
		{"system", "--years", "1816-1900", "--blocs"},
		{"system", "--year", "1914", "--plot", "x.svg"},
		{"system", "--plot", "x.pdf"},
		{"system", "1914"},
	}
	for _, args := range tests {
		_, errOut, code := run(t, args...)
		if code != 2 {
			t.Errorf("%v: want exit 2, got %d (%s)", args, code, errOut)
		}
	}
	needData(t)
	_, errOut, code := run(t, "system", "--year", "1700")
	if code != 2 || !strings.Contains(errOut, "covers 1816–2022") {
		t.Errorf("--year 1700: want exit 2 naming the years covered, got %d: %s", code, errOut)
	}
}

func TestSystemBlocsCSV(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "system", "--year", "1960", "--blocs", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if recs[0][1] != "kind" || recs[1][1] != "component" || !strings.Contains(recs[1][3], "USA") {
		t.Fatalf("want the blocs table led by the US-led component, got %v", recs[:2])
	}
	warsaw := false
	for _, r := range recs[1:] {
		warsaw = warsaw || r[1] == "component" && strings.Contains(" "+r[3]+" ", " RUS ") && strings.Contains(" "+r[3]+" ", " POL ")
	}
	if !warsaw {
		t.Error("1960: want a component with the USSR and Poland (Warsaw Pact)")
	}
}
