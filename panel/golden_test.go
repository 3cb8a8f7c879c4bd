package panel

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
)

// TestGolden runs the datadriven files in testdata/golden (pebble's
// format: a command and its arguments, ----, the expected output; run with
// -rewrite to regenerate, then check every changed value against the
// official files before committing). Every file runs on the official data
// (embedded, or $CASUS_DATA's directory) through the World this package's
// tests build once from the raw CSVs.
//
// Commands:
//
//	state-years years=Y[-Y] [add=a,b] [states=c,...] [cols=x,...] [options]
//	dyad-years  years=Y[-Y] [add=a,b] [dyads=a-b,...] [cols=x,...] [directed] [options]
//
// options: nmc=6.0|7.0, atop-directions, carry-forward, conttype=X and
// extended (the v2016 spells ending 2016-12-31 run on to 2024-12-31, as
// extendedSystem, so the data edges after 2016 show; the CLI's v2016
// system stops at 2016).
//
// The output is WriteCSV's text of the whole panel, cut to the requested
// keys (in panel order) and columns (in the given order; the keys are
// always printed). A requested key with no row in a year prints
// "no row: KEY YEAR", so an absent row is stated, not merely unseen.
func TestGolden(t *testing.T) {
	datadriven.Walk(t, "testdata/golden", func(t *testing.T, path string) {
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			return runPanelGolden(t, d)
		})
	})
}

func runPanelGolden(t *testing.T, d *datadriven.TestData) string {
	unit := StateYears
	switch d.Cmd {
	case "state-years":
	case "dyad-years":
		unit = DyadYears
	default:
		d.Fatalf(t, "unknown command %q: want state-years or dyad-years", d.Cmd)
	}
	first, last := goldenYears(t, d)
	o := Options{ATOPDirections: d.HasArg("atop-directions"), CarryForward: d.HasArg("carry-forward")}
	if d.HasArg("nmc") {
		d.ScanArgs(t, "nmc", &o.NMC)
	}
	if d.HasArg("conttype") {
		d.ScanArgs(t, "conttype", &o.ContType)
	}
	sys := cow2016(t)
	if d.HasArg("extended") {
		sys = extendedSystem(t)
	}
	var (
		f   *Frame
		err error
	)
	if unit == StateYears {
		f, err = sys.StateYears(first, last)
	} else {
		f, err = sys.DyadYears(first, last, d.HasArg("directed"))
	}
	if err != nil {
		return "error: " + err.Error() + "\n"
	}
	if d.HasArg("add") {
		as, err := ParseAdders(strings.Join(goldenList(d, "add"), ","))
		if err != nil {
			return "error: " + err.Error() + "\n"
		}
		if err := Apply(f, testWorld(t), as, o); err != nil {
			return "error: " + err.Error() + "\n"
		}
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, f); err != nil {
		d.Fatalf(t, "WriteCSV: %v", err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	header := strings.Split(lines[0], ",")
	nkeys := 2
	keyArg := "states"
	if unit == DyadYears {
		nkeys, keyArg = 3, "dyads"
	}
	// Column positions to print: the keys, then cols= in its order.
	pick := make([]int, 0, nkeys)
	for k := range nkeys {
		pick = append(pick, k)
	}
	if d.HasArg("cols") {
		for _, name := range goldenList(d, "cols") {
			k := indexOf(header, name)
			if k < 0 {
				d.Fatalf(t, "cols: no column %q in %s", name, lines[0])
			}
			pick = append(pick, k)
		}
	} else {
		for k := nkeys; k < len(header); k++ {
			pick = append(pick, k)
		}
	}
	// Requested keys: "2" or "255-300"; without a list, every row.
	want := map[string]bool{}
	var order []string
	for _, v := range goldenList(d, keyArg) {
		k := strings.ReplaceAll(v, "-", ",")
		want[k] = true
		order = append(order, k)
	}
	seen := map[string]bool{}
	var b strings.Builder
	printRow := func(fields []string) {
		for i, k := range pick {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(fields[k])
		}
		b.WriteByte('\n')
	}
	printRow(header)
	for _, line := range lines[1:] {
		fields := strings.Split(line, ",")
		key := strings.Join(fields[:nkeys-1], ",")
		if len(want) > 0 && !want[key] {
			continue
		}
		seen[key+","+fields[nkeys-1]] = true
		printRow(fields)
	}
	for _, k := range order {
		for y := first; y <= last; y++ {
			if !seen[k+","+strconv.Itoa(y)] {
				fmt.Fprintf(&b, "no row: %s %d\n", strings.ReplaceAll(k, ",", "-"), y)
			}
		}
	}
	return b.String()
}

func goldenYears(t *testing.T, d *datadriven.TestData) (first, last int) {
	var s string
	d.ScanArgs(t, "years", &s)
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		b = a
	}
	first, err1 := strconv.Atoi(a)
	last, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil {
		d.Fatalf(t, "years: want Y or Y-Y, got %q", s)
	}
	return first, last
}

// goldenList reads a comma-separated argument (datadriven splits
// "k=a,b" into values a and b, or keeps "k=(a,b)" as one).
func goldenList(d *datadriven.TestData, key string) []string {
	arg, ok := d.Arg(key)
	if !ok {
		return nil
	}
	var out []string
	for _, v := range arg.Vals {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}
