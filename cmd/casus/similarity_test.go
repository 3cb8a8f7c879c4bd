package main

import (
	"encoding/csv"
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
	lines := strings.Split(strings.TrimSpace(out), "\n")
	// Header, 253 dyads of the 23 states of 1816, and the note.
	if len(lines) != 1+253+1 || !strings.HasPrefix(lines[0], "ccode1") || !strings.Contains(lines[0], "taub") {
		t.Fatalf("got %d lines, header %q", len(lines), lines[0])
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
	if len(h) != 18 || h[0] != "ccode1" || h[3] != "sallyvua" || h[11] != "pallyv" || h[12] != "pallyvq" || h[16] != "taub" || h[17] != "nmc" {
		t.Fatalf("header %v", h)
	}
	col := map[string]int{}
	for i, c := range h {
		col[c] = i
	}
	var n2016, n2017 int
	for _, r := range recs[1:] {
		switch r[2] {
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
	}
	for _, args := range cases {
		_, errOut, code := run(t, args...)
		if code != 2 {
			t.Errorf("%v: exit %d (%s), want 2", args, code, strings.TrimSpace(errOut))
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("failed runs left files: %v", ents)
	}
}
