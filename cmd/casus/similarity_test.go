package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

func TestSimilarityTable(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "similarity", "--years", "1816", "--measure", "sallyvua,taub")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	table, key, _ := strings.Cut(out, "States: ")
	lines := strings.Split(strings.TrimSpace(table), "\n")
	// Header, 253 dyads of the 23 states of 1816, and the note; then the
	// key that names every state of the table.
	if len(lines) != 1+253+1 || !strings.HasPrefix(lines[0], "ccode1") || !strings.Contains(lines[0], "taub") {
		t.Fatalf("got %d lines, header %q", len(lines), lines[0])
	}
	if n := strings.Count(key, ","); n != 22 || !strings.Contains(key, "UKG United Kingdom") {
		t.Errorf("key of %d states, want the 23 of 1816 named: %q", n+1, key)
	}
	if strings.Contains(lines[0], "nmc") {
		t.Errorf("header %q: nmc column without a weighted measure", lines[0])
	}
	if !strings.Contains(errOut, "similarity: 253 rows, years 1816-1816") {
		t.Errorf("stderr %q: want the one-line summary", errOut)
	}
}

func TestSimilarityCSVFile(t *testing.T) {
	needData(t)
	path := filepath.Join(t.TempDir(), "s.csv")
	_, errOut, code := run(t, "similarity", "--years", "2016-2017", "--nmc", "6.0", "--out", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	h := recs[0]
	if len(h) != 26 || h[0] != "ccode1" || h[2] != "stateabb1" || h[3] != "stateabb2" || h[4] != "year" || h[5] != "sallyvua" || h[13] != "pallyv" || h[14] != "pallyvq" || h[18] != "taub" || h[19] != "aallyvus" || h[24] != "aallybwa" || h[25] != "nmc" {
		t.Fatalf("header %v", h)
	}
	col := map[string]int{}
	for i, c := range h {
		col[c] = i
	}
	var n2016, n2017 int
	for _, r := range recs[1:] {
		if r[0] == "2" && r[1] == "200" && (r[2] != "USA" || r[3] != "UKG") {
			t.Fatalf("2-200: stateabb %q %q, want USA UKG", r[2], r[3])
		}
		switch r[4] {
		case "2016":
			n2016++
			if r[col["sallyvwa"]] == "" {
				t.Fatalf("2016 %s-%s: weighted S empty inside NMC 6.0", r[0], r[1])
			}
		case "2017":
			n2017++
			// NMC 6.0 ends in 2016: missing, never 0.
			if r[col["sallyvwa"]] != "" || r[col["sallybws"]] != "" {
				t.Fatalf("2017 %s-%s: weighted S %q with NMC 6.0, want empty", r[0], r[1], r[col["sallyvwa"]])
			}
			if r[col["sallyvua"]] == "" {
				t.Fatalf("2017 %s-%s: unweighted S empty", r[0], r[1])
			}
		}
		if r[col["nmc"]] != "6.0" {
			t.Fatalf("nmc column %q, want 6.0", r[col["nmc"]])
		}
	}
	// COW: 195 states in 2016 and 2017, all members all year.
	if n2016 != 195*194/2 || n2017 != 195*194/2 {
		t.Errorf("rows 2016: %d, 2017: %d, want %d each", n2016, n2017, 195*194/2)
	}
	if !strings.Contains(errOut, "NMC 6.0") || !strings.Contains(errOut, "rows") {
		t.Errorf("stderr %q", errOut)
	}
}

func TestSimilarityParquetFile(t *testing.T) {
	needData(t)
	path := filepath.Join(t.TempDir(), "s.parquet")
	_, errOut, code := run(t, "similarity", "--years", "1914", "--measure", "sallyvwa,kallyb", "--out", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	type row struct {
		Ccode1 int32    `parquet:"ccode1"`
		Ccode2 int32    `parquet:"ccode2"`
		Year   int32    `parquet:"year"`
		VWA    *float64 `parquet:"sallyvwa,optional"`
		KB     *float64 `parquet:"kallyb,optional"`
		NMC    string   `parquet:"nmc"`
	}
	rows, err := parquet.ReadFile[row](path)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 || rows[0].Year != 1914 || rows[0].VWA == nil || rows[0].NMC != "7.0" {
		t.Fatalf("%d rows, first %+v", len(rows), rows[0])
	}

	// Physical types: codes and year INT32 required, measures DOUBLE
	// optional (null = missing), nmc a required string; the key-value
	// metadata names the ATOP and NMC releases and the casus build.
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	st, _ := fh.Stat()
	pf, err := parquet.OpenFile(fh, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"ccode1": "INT32 required", "ccode2": "INT32 required", "year": "INT32 required",
		"sallyvwa": "DOUBLE optional", "kallyb": "DOUBLE optional", "nmc": "BYTE_ARRAY required",
		"stateabb1": "BYTE_ARRAY required", "stateabb2": "BYTE_ARRAY required",
	}
	for _, f := range pf.Schema().Fields() {
		rep := "required"
		if f.Optional() {
			rep = "optional"
		}
		got := f.Type().Kind().String() + " " + rep
		if want[f.Name()] != got {
			t.Errorf("Parquet column %s: want %s, got %s", f.Name(), want[f.Name()], got)
		}
		delete(want, f.Name())
	}
	if len(want) > 0 {
		t.Errorf("Parquet columns missing: %v", want)
	}
	for k, v := range map[string]string{"casus.atop": "5.1", "casus.nmc": "7.0"} {
		if got, _ := pf.Lookup(k); got != v {
			t.Errorf("Parquet metadata %s: want %q, got %q", k, v, got)
		}
	}
	if got, _ := pf.Lookup("casus.version"); !strings.HasPrefix(got, "casus ") {
		t.Errorf("Parquet metadata casus.version: want \"casus <version>\", got %q", got)
	}
}

// A failed write leaves nothing behind: the output is atomic.
func TestSimilarityUnwritableOut(t *testing.T) {
	needData(t)
	dir := t.TempDir()
	// A path through a regular file cannot be created, even by root.
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{filepath.Join(blocker, "s.csv"), filepath.Join(dir, "missing", "s.parquet")} {
		_, errOut, code := run(t, "similarity", "--years", "1900", "--out", out)
		if code == 0 || !strings.Contains(errOut, out) {
			t.Errorf("--out %s: exit %d, stderr %q: want a failure naming the file", out, code, errOut)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("failed runs left files: %v", ents)
	}
}

func TestSimilarityUsage(t *testing.T) {
	needData(t)
	dir := t.TempDir()
	cases := [][]string{
		{"similarity", "--years", "1800-1820", "--out", filepath.Join(dir, "a.csv")},
		{"similarity", "--years", "2019", "--format", "csv"},
		{"similarity", "--measure", "sallyxyz", "--years", "1900"},
		{"similarity", "--out", filepath.Join(dir, "a.txt")},
		{"similarity", "--nmc", "5.0", "--years", "1900"},
		{"similarity"}, // all years as a table: too big for stdout
		{"similarity", "--years", "1900-1950"},
		{"similarity", "--years", "19x0"},
		// ATOP has 1815, the COW state system starts in 1816.
		{"similarity", "--years", "1815", "--format", "csv"},
		{"similarity", "--years", "1815-1820", "--out", filepath.Join(dir, "b.parquet")},
		{"similarity", "--years", "2018-2019", "--out", filepath.Join(dir, "c.parquet")},
	}
	for _, args := range cases {
		out, errOut, code := run(t, args...)
		if code != 2 {
			t.Errorf("%v: exit %d (%s), want 2", args, code, strings.TrimSpace(errOut))
		}
		// One clear line on stderr (a usage hint may follow), nothing on stdout.
		if lines := strings.Split(strings.TrimSpace(errOut), "\n"); errOut == "" || len(lines) > 2 || out != "" {
			t.Errorf("%v: stdout %q, stderr %q: want one error line", args, out, errOut)
		}
	}
	_, errOut, _ := run(t, "similarity", "--years", "1815-1820", "--format", "csv")
	if !strings.Contains(errOut, "1816-2018") {
		t.Errorf("--years 1815-1820: stderr %q, want the valid range 1816-2018", errOut)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("failed runs left files: %v", ents)
	}
}

// TestSimilarityDyad asks for one dyad by name and code: one row per year,
// both abbreviations in the row and both names in the heading, and the
// values equal to the same dyad's row of the full table.
func TestSimilarityDyad(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "similarity", "United States", "640", "--years", "2010")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "2 USA United States of America and 640 TUR Turkey") {
		t.Errorf("heading does not name both states:\n%s", out)
	}
	js, errOut, code := run(t, "similarity", "TUR", "USA", "--years", "2009-2010", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(js), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0]["stateabb1"] != "USA" || rows[0]["stateabb2"] != "TUR" || rows[1]["year"] != 2010.0 {
		t.Fatalf("rows %v", rows)
	}
	// JSON keys come in column order, like the CSV header.
	if i, j := strings.Index(js, `"stateabb2"`), strings.Index(js, `"year"`); i < 0 || j < i {
		t.Errorf("stateabb2 at %d, year at %d: want column order", i, j)
	}
	all, errOut, code := run(t, "similarity", "--years", "2010", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	one, _, _ := run(t, "similarity", "USA", "TUR", "--years", "2010", "--format", "csv")
	lines := strings.Split(strings.TrimSpace(one), "\n")
	if len(lines) != 2 || !strings.Contains(all, "\n"+lines[1]+"\n") {
		t.Errorf("dyad row %q is not the full table's row", lines)
	}
	if _, errOut, code := run(t, "similarity", "USA", "USA"); code != 2 || !strings.Contains(errOut, "two states") {
		t.Errorf("same state twice: exit %d, %q", code, errOut)
	}
}
