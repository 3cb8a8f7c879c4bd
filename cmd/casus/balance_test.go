package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func balanceJSONRun(t *testing.T, args ...string) balanceReportJSON {
	t.Helper()
	out, errOut, code := run(t, append(append([]string{"balance"}, args...), "--format", "json")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r balanceReportJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	return r
}

// TestBalanceKoreaAtPyongyang: the example. NMC 7.0 has 2022; the
// DPRK's milex is missing and named; distances come from the capitals
// (Seoul–Pyongyang ≈ 120 mi, Washington–Pyongyang ≈ 6,860 mi); the ratio
// is the sides' CINC quotient; distance favours the side next door.
func TestBalanceKoreaAtPyongyang(t *testing.T) {
	dir := needData(t)
	r := balanceJSONRun(t, "--side", "PRK,RUS", "--vs", "ROK,USA,JPN", "--on", "2022-12-31", "--at", "PRK", "--data", dir)
	if len(r.Balances) != 1 || r.At == nil || r.At.Name != "Pyongyang" || r.At.MilesPerDay != 500 || r.At.Distance != "capital" {
		t.Fatalf("want one balance at Pyongyang, 500 miles/day (EUGene, from 1946), capital distance; got %+v", r.At)
	}
	b := r.Balances[0]
	if b.Release != "7.0" || b.DataYear != 2022 || b.Note != "NMC 7.0, data year 2022" {
		t.Errorf("release/data year: %s %d %q", b.Release, b.DataYear, b.Note)
	}
	if got := b.Sides[0].Missing["milex"]; len(got) != 1 || got[0] != "PRK" {
		t.Errorf("side 1 missing milex: want [PRK], got %v", got)
	}
	miles := map[string]float64{}
	var sum [2]float64
	for i, s := range b.Sides {
		for _, m := range s.Members {
			miles[m.Abb] = *m.Miles
			sum[i] += *m.CINC
		}
	}
	if miles["PRK"] != 0 || miles["ROK"] < 110 || miles["ROK"] > 130 || miles["USA"] < 6700 || miles["USA"] > 7000 {
		t.Errorf("distances: %v", miles)
	}
	if math.Abs(*b.Ratio-sum[0]/sum[1]) > 1e-12 || *b.Ratio < 0.30 || *b.Ratio > 0.32 {
		t.Errorf("raw ratio: want ≈0.311 = %v, got %v", sum[0]/sum[1], *b.Ratio)
	}
	if b.DiscountedRatio == nil || *b.DiscountedRatio <= *b.Ratio {
		t.Errorf("discounted ratio should exceed the raw one at Pyongyang: %v", b.DiscountedRatio)
	}
	if r.Units["milex"] == "" || r.Units["miles"] == "" {
		t.Errorf("units missing: %v", r.Units)
	}
}

// TestBalanceContiguity: EUGene's "capitals + contiguity" distance puts
// the --at state's land neighbours at 0 miles (Russia, South Korea next
// to North Korea; not Japan or the United States), says so, and says the
// contiguity data of 2016 stand in for 2022. Distance to a neighbour at 0
// raises its discounted CINC, so side 1 (with Russia) gains.
func TestBalanceContiguity(t *testing.T) {
	capital := balanceJSONRun(t, "--side", "PRK,RUS", "--vs", "ROK,USA,JPN", "--on", "2022-12-31", "--at", "PRK")
	r := balanceJSONRun(t, "--side", "PRK,RUS", "--vs", "ROK,USA,JPN", "--on", "2022-12-31", "--at", "PRK", "--distance", "contiguity")
	if r.At.Distance != "contiguity" {
		t.Errorf("at.distance: %q", r.At.Distance)
	}
	for _, s := range r.Balances[0].Sides {
		for _, m := range s.Members {
			want := m.Abb == "RUS" || m.Abb == "ROK"
			if m.Contiguous != want || (want && *m.Miles != 0) {
				t.Errorf("%s: contiguous %v, %v miles; want contiguous %v", m.Abb, m.Contiguous, *m.Miles, want)
			}
		}
	}
	if !(*r.Balances[0].DiscountedRatio > *capital.Balances[0].DiscountedRatio) {
		t.Errorf("Russia at 0 miles should raise side 1: %v vs %v", *r.Balances[0].DiscountedRatio, *capital.Balances[0].DiscountedRatio)
	}
	notes := strings.Join(r.Notes, "\n")
	for _, want := range []string{"capitals + contiguity", "COW contiguity data end 2016-12"} {
		if !strings.Contains(notes, want) {
			t.Errorf("no note %q in %s", want, notes)
		}
	}
}

// TestBalanceEras: a series across the First World War changes EUGene's
// transport constant in 1918, and every balance says which it used.
func TestBalanceEras(t *testing.T) {
	r := balanceJSONRun(t, "--side", "GMY", "--vs", "FRN", "--years", "1916-1919", "--at", "FRN")
	want := []float64{250, 250, 375, 375}
	for i, b := range r.Balances {
		if b.MilesPerDay == nil || *b.MilesPerDay != want[i] {
			t.Errorf("%d: miles per day %v, want %v", b.Year, b.MilesPerDay, want[i])
		}
	}
	if !strings.Contains(r.At.MilesPerDayRule, "250 miles/day before 1918, 375 in 1918–1945, 500 from 1946") {
		t.Errorf("rule: %q", r.At.MilesPerDayRule)
	}
}

const koreaScenarioYAML = `date: 2025-06-01
events:
  - armed_attack: {by: [ROK], on: PRK, at: PRK}
assume:
  entry_counts_as_attack: false
  honour: all
`

// TestBalanceScenarioWithout: Russia is on the DPRK's side under the 2024
// treaty and gone without it; the balance after 2022 says which year stood
// in; --with prints the same pair the other way round.
func TestBalanceScenarioWithout(t *testing.T) {
	dir := needData(t)
	file := filepath.Join(t.TempDir(), "korea.yaml")
	if err := os.WriteFile(file, []byte(koreaScenarioYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	r := balanceJSONRun(t, "--scenario", file, "--without", "rus-prk-2024", "--at", "PRK", "--data", dir)
	if len(r.Balances) != 2 || r.Balances[0].Label != "as is" || r.Balances[1].Label != "without rus-prk-2024" {
		t.Fatalf("want as is / without: %+v", r.Balances)
	}
	has := func(s balanceSideJSON, abb string) bool {
		for _, m := range s.Members {
			if m.Abb == abb {
				return true
			}
		}
		return false
	}
	if !has(r.Balances[0].Sides[1], "RUS") || has(r.Balances[1].Sides[1], "RUS") {
		t.Errorf("RUS should be on side 2 as is and absent without the treaty")
	}
	if !(*r.Balances[1].Ratio > *r.Balances[0].Ratio) || !(*r.Balances[1].DiscountedRatio > *r.Balances[0].DiscountedRatio) {
		t.Errorf("without Russia side 1's ratio should rise: %v → %v", *r.Balances[0].Ratio, *r.Balances[1].Ratio)
	}
	if !strings.Contains(r.Balances[0].Note, "capabilities of 2022 stand in for 2025") {
		t.Errorf("note: %q", r.Balances[0].Note)
	}
	r2 := balanceJSONRun(t, "--scenario", file, "--with", "rus-prk-2024", "--data", dir)
	if r2.Balances[0].Label != "without rus-prk-2024" || r2.Balances[1].Label != "with rus-prk-2024" || *r2.Balances[1].Ratio != *r.Balances[0].Ratio {
		t.Errorf("--with: want without then with, same numbers; got %s, %s", r2.Balances[0].Label, r2.Balances[1].Label)
	}
	out, _, code := run(t, "balance", "--scenario", file, "--without", "rus-prk-2024", "--at", "PRK", "--data", dir)
	if code != 0 || !strings.Contains(out, "ratio 1/2 at Pyongyang") || !strings.Contains(out, "without rus-prk-2024") {
		t.Errorf("text: exit %d\n%s", code, out)
	}
}

// TestBalanceSeriesPlot: one row per year, a blank (not 0) before the
// release, and the figure written whole.
func TestBalanceSeriesPlot(t *testing.T) {
	dir := needData(t)
	png := filepath.Join(t.TempDir(), "bal.png")
	out, errOut, code := run(t, "balance", "--side", "PRK", "--vs", "ROK", "--years", "1950-2022", "--plot", png, "--format", "csv", "--data", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if lines[0] != "wrote "+png+": CINC of both sides and their ratio, 1950–2022, NMC 7.0" || lines[1] != "year,data_year,side1_cinc,side2_cinc,ratio" || len(lines) != 2+73 {
		t.Errorf("csv head/rows: %q … (%d lines)", lines[:2], len(lines))
	}
	data, err := os.ReadFile(png)
	if err != nil || !bytes.HasPrefix(data, []byte("\x89PNG")) {
		t.Errorf("plot: %v", err)
	}
	// PRK enters the system in 1948: 1947 is missing, not 0.
	out, _, _ = run(t, "balance", "--side", "PRK", "--vs", "ROK", "--years", "1947-1948", "--format", "csv", "--data", dir)
	if !strings.Contains(out, "\n1947,1947,,,\n") {
		t.Errorf("1947 should be blank:\n%s", out)
	}
}

func TestBalanceBadInput(t *testing.T) {
	dir := needData(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--side", "PRK"}, "give both --side and --vs"},
		{[]string{"--side", "PRK", "--vs", "ROK", "--without", "csto"}, "give --scenario FILE"},
		{[]string{"--side", "PRK", "--vs", "ROK", "--plot", "x.png"}, "--plot draws a series"},
		{[]string{"--side", "PRK", "--vs", "ROK", "--years", "1950-1960", "--plot", "x.pdf"}, "want a file name ending in .svg or .png"},
		{[]string{"--side", "PRK,Narnia", "--vs", "ROK"}, "--side:"},
		{[]string{"--side", "PRK", "--vs", "ROK", "--at", "Atlantis"}, "--at:"},
		{[]string{"--side", "PRK", "--vs", "ROK", "--at", "mediterranean"}, "is a region"},
		{[]string{"--side", "PRK", "--vs", "ROK", "--at", "PRK", "--distance", "rail"}, `--distance: want capital or contiguity, got "rail"`},
		{[]string{"--side", "PRK", "--vs", "ROK", "--distance", "contiguity"}, "give --at"},
		{[]string{"--side", "PRK", "--vs", "ROK", "--at", "Guam", "--distance", "contiguity"}, "give --at a state, not the place"},
	} {
		_, errOut, code := run(t, append(append([]string{"balance"}, c.args...), "--data", dir)...)
		if code != 2 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: want exit 2 and %q, got %d %q", c.args, c.want, code, errOut)
		}
	}
	// A plot that cannot be drawn leaves no file behind.
	png := filepath.Join(t.TempDir(), "none.png")
	_, _, code := run(t, "balance", "--side", "PRK", "--vs", "ROK", "--years", "1900-1910", "--plot", png, "--data", dir)
	if _, err := os.Stat(png); code == 0 || err == nil {
		t.Errorf("an all-missing plot: want failure and no file, got exit %d, stat %v", code, err)
	}
}

// TestBalanceNamesAbsentMembers: a member with no NMC row that year is
// named in a note with the years, so a table of "missing" cells says why.
// Neither Korea is a system member in 1930; the DPRK enters in 1948 (COW),
// the ROK on 1949-06-29 (statelist2024).
func TestBalanceNamesAbsentMembers(t *testing.T) {
	out, errOut, code := run(t, "balance", "--side", "PRK", "--vs", "ROK", "--on", "1930-01-01")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"PRK North Korea was not a member of the state system in 1930 (COW system membership: 1948-09-09 on): no CINC in NMC 7.0",
		"ROK South Korea was not a member of the state system in 1930 (COW system membership: 1949-06-29 on): no CINC in NMC 7.0",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no note %q:\n%s", want, out)
		}
	}
	out, _, _ = run(t, "balance", "--side", "PRK", "--vs", "ROK", "--years", "1940-1960", "--format", "json")
	for _, want := range []string{"PRK North Korea was not a member of the state system in 1940–1947 ", "ROK South Korea was not a member of the state system in 1940–1948 "} {
		if !strings.Contains(out, want) {
			t.Errorf("series: no note %q:\n%s", want, out)
		}
	}
	// Members with data all years get no such note.
	if out, _, _ := run(t, "balance", "--side", "PRK,RUS", "--vs", "ROK,USA,JPN", "--on", "2022-12-31"); strings.Contains(out, "no CINC") {
		t.Errorf("a note on an absent member where none is:\n%s", out)
	}
}
