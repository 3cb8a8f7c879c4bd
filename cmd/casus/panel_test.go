package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

func TestPanelDyadYearsCSV(t *testing.T) {
	needData(t)
	out := filepath.Join(t.TempDir(), "p.csv")
	_, errOut, code := run(t, "panel", "dyad-years", "--years", "1975-1975", "--add", "atop,majors,contiguity,nmc", "--nmc", "6.0", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "non-directed dyad-years 1975-1975") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("stderr: want one summary line, got %q", errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := strings.Join(rows[0], ",")
	if !strings.HasPrefix(head, "ccode1,ccode2,year,atop_defense,") || !strings.HasSuffix(head, "cowmaj1,cowmaj2,conttype,milex1,milper1,irst1,pec1,tpop1,upop1,cinc1,milex2,milper2,irst2,pec2,tpop2,upop2,cinc2") {
		t.Errorf("header %s", head)
	}
	// 1975: Suriname (115) and the Republic of Vietnam (817) never share a
	// day, so no row; the USA has rows with both.
	seen := map[string]bool{}
	for _, r := range rows[1:] {
		seen[r[0]+"-"+r[1]] = true
	}
	if seen["115-817"] || !seen["2-115"] || !seen["2-817"] {
		t.Errorf("1975 rows: 115-817 %v (want false), 2-115 %v, 2-817 %v (want true)", seen["115-817"], seen["2-115"], seen["2-817"])
	}
}

func TestPanelUsageErrors(t *testing.T) {
	needData(t)
	dir := t.TempDir()
	for _, args := range [][]string{
		{"panel", "dyad-years", "--out", filepath.Join(dir, "x.txt")},
		{"panel", "dyad-years", "--add", "bogus", "--out", filepath.Join(dir, "x.csv")},
		{"panel", "dyad-years", "--years", "1816-2020", "--out", filepath.Join(dir, "x.csv")},
		{"panel", "state-years", "--add", "atop", "--out", filepath.Join(dir, "x.csv")},
		{"panel", "dyad-years", "--nmc", "5.0", "--out", filepath.Join(dir, "x.csv")},
		{"panel", "state-years", "--directed", "--out", filepath.Join(dir, "x.csv")},
		{"panel", "dyad-years", "--years", "1700-1800", "--out", filepath.Join(dir, "x.csv")},
		{"panel", "dyad-years"},
		{"panel", "dyad-years", "--format", "csv"},
		{"panel", "dyad-years", "--add", "contiguity", "--conttype", "middle", "--out", filepath.Join(dir, "x.csv")},
		{"panel", "dyad-years", "--out", filepath.Join(dir, "no", "such", "dir", "x.parquet")},
	} {
		_, errOut, code := run(t, args...)
		if code != 2 {
			t.Errorf("%v: exit %d (%s), want 2", args, code, errOut)
		}
		// One clear line, naming the flag at fault.
		if lines := strings.Count(strings.TrimSpace(errOut), "\n") + 1; lines != 1 || !strings.Contains(errOut, "--") {
			t.Errorf("%v: stderr %q: want one line naming the flag", args, errOut)
		}
	}
	// No partial or temporary file is left behind.
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("files left in the output directory: %v", ents)
	}
}

func TestPanelColumns(t *testing.T) {
	out, _, code := run(t, "panel", "columns", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, c := range []string{"atop_defense,atop,int8", "cinc1,nmc,float64", "conttype,contiguity,int8", "capdist,capdist,float64"} {
		if !strings.Contains(out, c) {
			t.Errorf("panel columns: no %q", c)
		}
	}
}

// BenchmarkPanelCLI is the whole command in-process: load the four
// datasets, build 956,145 non-directed dyad-years, add the columns, write
// Parquet.
func BenchmarkPanelCLI(b *testing.B) {
	out := filepath.Join(b.TempDir(), "p.parquet")
	b.ReportAllocs()
	for b.Loop() {
		var so, se bytes.Buffer
		m := &Main{Stdin: strings.NewReader(""), Stdout: &so, Stderr: &se, Getenv: os.Getenv}
		if err := m.Run(context.Background(), []string{"panel", "dyad-years", "--add", "atop,nmc,majors,contiguity", "--out", out}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestPanelStateYearsParquet(t *testing.T) {
	needData(t)
	out := filepath.Join(t.TempDir(), "s.parquet")
	_, errOut, code := run(t, "panel", "state-years", "--add", "nmc,majors,wars", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	pf, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	// The COW v2016 system has 15,951 state-years (system2016.csv).
	if pf.NumRows() != 15951 {
		t.Errorf("state-years: %d rows, want 15,951", pf.NumRows())
	}
	var names []string
	for _, f := range pf.Schema().Fields() {
		names = append(names, f.Name())
	}
	if got := strings.Join(names, ","); got != "ccode,year,milex,milper,irst,pec,tpop,upop,cinc,cowmaj,warnum,cowinteronset,cowinterongoing" {
		t.Errorf("columns %s", got)
	}
	if v, _ := pf.Lookup("casus.unit"); v != "state-years" {
		t.Errorf("casus.unit metadata %q", v)
	}
}

// TestPanelParquetProvenance: the Parquet file names every source file and
// release it was built from, so a value can be traced to ATOP 5.1, the NMC
// release, contiguity 3.2 and the v2016 state list.
func TestPanelParquetProvenance(t *testing.T) {
	needData(t)
	out := filepath.Join(t.TempDir(), "d.parquet")
	_, errOut, code := run(t, "panel", "dyad-years", "--years", "2000-2001", "--add", "atop,nmc,majors,contiguity", "--nmc", "6.0", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// The summary line names rows, columns, years, file and seconds.
	if !regexp.MustCompile(`^casus panel: [0-9]+ non-directed dyad-years 2000-2001, 26 columns → .*d\.parquet \([0-9.]+ MB\) in [0-9.]+s\n$`).MatchString(errOut) {
		t.Errorf("summary line %q", errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	pf, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	v, _ := pf.Lookup("casus.datasets")
	var ds []struct{ Name, Version, File, SHA256 string }
	if err := json.Unmarshal([]byte(v), &ds); err != nil {
		t.Fatalf("casus.datasets %q: %v", v, err)
	}
	have := map[string]string{}
	for _, d := range ds {
		have[d.File] = d.Version
		if len(d.SHA256) != 64 {
			t.Errorf("%s: sha256 %q", d.File, d.SHA256)
		}
	}
	for file, ver := range map[string]string{
		"atop5_1_ddyr_subset_peacesciencer.csv": "5.1", "NMC-60-abridged.csv": "6.0",
		"contdir.csv": "3.2", "majors2016.csv": "2016",
	} {
		if have[file] != ver {
			t.Errorf("casus.datasets: %s version %q, want %q (have %v)", file, have[file], ver, have)
		}
	}
	// The state list is COW's (statelist2024 or states2016; they agree
	// inside 1816–2016), clipped to the v2016 system.
	if have["statelist2024.csv"] == "" && have["states2016.csv"] == "" {
		t.Errorf("casus.datasets: no COW state list in %v", have)
	}
	if v, _ := pf.Lookup("casus.system"); v != "COW v2016" {
		t.Errorf("casus.system %q", v)
	}
	// The notes say which release each column group used.
	notes, _ := pf.Lookup("casus.notes")
	for _, s := range []string{"ATOP 5.1", "NMC 6.0", "contiguity 3.2"} {
		if !strings.Contains(notes, s) {
			t.Errorf("casus.notes lacks %q: %q", s, notes)
		}
	}
}
