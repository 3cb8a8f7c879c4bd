package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casus-dev/casus/report"
	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/source/sourcetest"
)

// TestStateTrendROK: one row per year; CINC equals NMC 7.0's published
// cinc to its rounding; the milex share is ROK's milex over the sum of
// every reporting state's that year, computed here from the rows; a year
// after the release is null, not 0.
func TestStateTrendROK(t *testing.T) {
	dir := needData(t)
	out, errOut, code := run(t, "state", "ROK", "--years", "1950-2023", "--format", "json", "--data", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r report.StateTrend
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Release != "7.0" || len(r.Years) != 74 || r.Units["milex"] == "" {
		t.Fatalf("release %s, %d years, units %v", r.Release, len(r.Years), r.Units)
	}
	w, err := source.Load(context.Background(), sourcetest.Data(), source.LoadOptions{Only: []string{source.States, source.NMC}})
	if err != nil {
		t.Fatal(err)
	}
	caps := w.NMC["7.0"]
	for _, y := range []int{1950, 1990, 2022} {
		got := r.Years[y-1950]
		pub, _ := caps.Get(732, y)
		if got.Year != y || math.Abs(*got.CINC-pub.CINC) > 1e-7 {
			t.Errorf("%d: CINC %v, published %v", y, *got.CINC, pub.CINC)
		}
		var total float64
		for _, row := range caps.Rows {
			if row.Year == y && !math.IsNaN(row.Milex) {
				total += row.Milex
			}
		}
		if want := pub.Milex / total; math.Abs(*got.Shares["milex"]-want) > 1e-12 {
			t.Errorf("%d: milex share %v, want %v", y, *got.Shares["milex"], want)
		}
	}
	last := r.Years[len(r.Years)-1]
	if last.Year != 2023 || last.InRelease || last.CINC != nil || last.Components["milex"] != nil {
		t.Errorf("2023 should be missing: %+v", last)
	}
	if len(r.Notes) < 2 || !strings.Contains(r.Notes[1], "2023") {
		t.Errorf("notes should name the missing year: %v", r.Notes)
	}
}

func TestStateTrendPlotAndErrors(t *testing.T) {
	dir := needData(t)
	svg := filepath.Join(t.TempDir(), "rok.svg")
	out, errOut, code := run(t, "state", "ROK", "--years", "1950-2022", "--plot", svg, "--format", "csv", "--data", dir)
	if code != 0 || !strings.HasPrefix(out, "wrote "+svg) {
		t.Fatalf("exit %d: %s\n%s", code, errOut, out)
	}
	data, err := os.ReadFile(svg)
	if err != nil || !bytes.Contains(data, []byte("<svg")) || !bytes.Contains(data, []byte("National Material Capabilities v7.0")) {
		t.Errorf("svg: %v", err)
	}
	for _, c := range [][]string{
		{"state", "ROK", "--plot", "x.svg"},
		{"state", "ROK", "--years", "1950-2022", "--on", "2000-01-01"},
		{"state", "ROK", "--years", "2022-1950"},
		{"state", "ROK", "--years", "1950-2022", "--plot", "x.gif"},
	} {
		if _, _, code := run(t, append(c, "--data", dir)...); code != 2 {
			t.Errorf("%v: want exit 2, got %d", c, code)
		}
	}
}
