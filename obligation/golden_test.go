package obligation

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"

	"github.com/casus-dev/casus/world"
)

// TestGolden runs the datadriven files in testdata/golden (pebble's
// format: a command and its input, ----, the expected output; run with
// -rewrite to regenerate). Files named real_* run on the official data
// (embedded, or $CASUS_DATA's directory) and the registry; the others run
// on the fixture world.
//
// Commands:
//
//	scenario [file=PATH] [explain] [full] [treaty=id,...] [date=YYYY-MM-DD] [entry] [rounds=N]
//	    the input (or the file) is a scenario; prints one line per obligation (or the
//	    full text report), conflicts, rounds and sides
//	report [file=PATH] [md] [explain]
//	    the text (or Markdown) report as casus scenario prints it: the summary first
//	parse
//	    the input is a scenario; prints "ok" or the error
//	guarantees state=X on=DATE [explain]
//	montecarlo [workers=N]
//	    the input is a scenario with honour, runs and seed
func TestGolden(t *testing.T) {
	datadriven.Walk(t, "testdata/golden", func(t *testing.T, path string) {
		var w *world.World
		if strings.HasPrefix(filepath.Base(path), "real_") {
			w = realWorld(t)
		} else {
			w = fixtureWorld(t)
		}
		real := strings.HasPrefix(filepath.Base(path), "real_")
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			return runGolden(t, w, d, real)
		})
	})
}

func runGolden(t *testing.T, w *world.World, d *datadriven.TestData, real bool) string {
	switch d.Cmd {
	case "parse":
		_, err := Parse(w, "test.yaml", []byte(d.Input))
		if err != nil {
			bad := false
			if b, ok := err.(interface{ BadInput() bool }); ok {
				bad = b.BadInput()
			}
			return fmt.Sprintf("error (bad input %v): %v\n", bad, err)
		}
		return "ok\n"
	case "scenario", "montecarlo", "report":
		input, name := []byte(d.Input), "test.yaml"
		if d.HasArg("file") {
			d.ScanArgs(t, "file", &name)
			b, err := os.ReadFile(name)
			if err != nil {
				d.Fatalf(t, "%v", err)
			}
			input = b
		}
		s, err := Parse(w, name, input)
		if err != nil {
			return "error: " + err.Error() + "\n"
		}
		if d.HasArg("date") {
			var ds string
			d.ScanArgs(t, "date", &ds)
			nd, err := world.ParseDate(ds)
			if err != nil {
				d.Fatalf(t, "date: %v", err)
			}
			s.Redate(nd)
		}
		if d.HasArg("entry") {
			s.Assume.EntryCountsAsAttack = true
		}
		if d.HasArg("rounds") {
			d.ScanArgs(t, "rounds", &s.Rounds)
		}
		if d.Cmd == "montecarlo" {
			workers := 2
			if d.HasArg("workers") {
				d.ScanArgs(t, "workers", &workers)
			}
			var b strings.Builder
			writeMCText(&b, For(w).MonteCarlo(s, workers))
			return b.String()
		}
		explain := d.HasArg("explain")
		rep := For(w).Evaluate(s, explain)
		if d.Cmd == "report" {
			// The report as the CLI prints it: summary first.
			var b strings.Builder
			format := "text"
			if d.HasArg("md") {
				format = "md"
			}
			if err := Write(&b, rep, format, explain); err != nil {
				d.Fatalf(t, "%v", err)
			}
			return b.String()
		}
		if d.HasArg("full") {
			var b strings.Builder
			if err := Write(&b, rep, "text", explain); err != nil {
				d.Fatalf(t, "%v", err)
			}
			return b.String()
		}
		var only []string
		if arg, ok := d.Arg("treaty"); ok {
			for _, v := range arg.Vals {
				only = append(only, strings.Split(v, ",")...)
			}
		}
		var states []string
		if arg, ok := d.Arg("states"); ok {
			for _, v := range arg.Vals {
				states = append(states, strings.Split(v, ",")...)
			}
		}
		return compactWith(rep, only, states, explain, real, d.HasArg("norounds"), d.HasArg("siderounds"))
	case "guarantees":
		var st, on string
		d.ScanArgs(t, "state", &st)
		d.ScanArgs(t, "on", &on)
		s, err := w.Resolve(st)
		if err != nil {
			return "error: " + err.Error() + "\n"
		}
		date, err := world.ParseDate(on)
		if err != nil {
			d.Fatalf(t, "on: %v", err)
		}
		g := For(w).Guarantees(s.Code, date, d.HasArg("explain"))
		var b strings.Builder
		if err := WriteGuarantees(&b, g, "text", d.HasArg("explain")); err != nil {
			d.Fatalf(t, "%v", err)
		}
		return b.String()
	}
	d.Fatalf(t, "unknown command %q", d.Cmd)
	return ""
}

// compact prints a report one line per obligation, then the cascade. On
// the real registry (brief) it cuts articles and reasons at their first
// parenthesis, so that editing a treaty file's notes does not break the
// golden file (TestMustShow checks the reasons' substance).
func compact(rep *Report, only []string, explain, brief bool) string {
	return compactWith(rep, only, nil, explain, brief, false, false)
}

// compactWith is compact with filters: states keeps the obligations whose
// obligor and beneficiary are both in the list (and then says "conflicts:
// none" when there are none); norounds leaves the rounds out; siderounds
// prints each side member's round.
func compactWith(rep *Report, only, states []string, explain, brief, norounds, siderounds bool) string {
	cut := func(s string) string {
		if !brief {
			return s
		}
		if i := strings.Index(s, " ("); i > 0 {
			return s[:i]
		}
		return s
	}
	var b strings.Builder
	keep := func(id string) bool {
		if len(only) == 0 {
			return true
		}
		for _, o := range only {
			if id == o {
				return true
			}
		}
		return false
	}
	in := func(x string) bool {
		for _, s := range states {
			if s == x {
				return true
			}
		}
		return false
	}
	for _, r := range rep.Obligations {
		if !keep(r.Treaty) {
			continue
		}
		if len(states) > 0 && !(in(r.Obligor) && in(r.Beneficiary)) {
			continue
		}
		fmt.Fprintf(&b, "%s %s→%s %s %s r%d %s: %s\n", r.Status, r.Obligor, r.Beneficiary, r.Treaty, cut(r.Article), r.Round, r.Date, cut(r.Reason))
		if len(r.Flags) > 0 {
			fmt.Fprintf(&b, "  flags: %s\n", strings.Join(r.Flags, ", "))
		}
		if len(r.ByRound) > 0 {
			var steps []string
			for _, st := range r.ByRound {
				steps = append(steps, fmt.Sprintf("r%d %s %s", st.Round, st.Date, st.Status))
			}
			fmt.Fprintf(&b, "  by round: %s\n", strings.Join(steps, " → "))
		}
		if explain {
			for _, x := range r.Explain {
				fmt.Fprintf(&b, "  · %s\n", x)
			}
		}
	}
	for _, c := range rep.Conflicts {
		fmt.Fprintf(&b, "conflict %s %s: %s", c.State, c.Kind, cut(c.Detail))
		if len(c.Items) > 0 {
			fmt.Fprintf(&b, " [%s]", strings.Join(c.Items, "; "))
		}
		b.WriteString("\n")
	}
	if len(states) > 0 && len(rep.Conflicts) == 0 {
		b.WriteString("conflicts: none\n")
	}
	for _, rd := range rep.Rounds {
		if norounds {
			break
		}
		var evs []string
		for _, e := range rd.Events {
			evs = append(evs, e.Text)
		}
		fmt.Fprintf(&b, "round %d: %s\n", rd.N, strings.Join(evs, "; "))
		for _, e := range rd.Entered {
			fmt.Fprintf(&b, "  entered: %s\n", e.text())
		}
	}
	for _, s := range rep.Sides {
		if siderounds {
			var parts []string
			for _, m := range s.Members {
				parts = append(parts, fmt.Sprintf("%s r%d", m.State, m.Round))
			}
			fmt.Fprintf(&b, "%s: %s\n", s.Name, strings.Join(parts, ", "))
			continue
		}
		fmt.Fprintf(&b, "%s: %s\n", s.Name, sideList(s))
	}
	for _, n := range rep.Neutrals {
		if keep(n.Treaty) {
			fmt.Fprintf(&b, "neutral: %s toward %s (%s %s)\n", n.State, n.Toward, n.Treaty, n.Article)
		}
	}
	for _, o := range rep.OpenEntries {
		if keep(o.Treaty) {
			fmt.Fprintf(&b, "open entry: %s for %s (%s %s)\n", o.State, o.For, o.Treaty, o.Article)
		}
	}
	for _, en := range rep.Pending {
		fmt.Fprintf(&b, "pending entry (not played): %s\n", en.text())
	}
	if bal := rep.Balance; bal != nil {
		fmt.Fprintf(&b, "balance: %s; side 1 CINC %s, side 2 CINC %s, ratio %s\n", bal.Note, fmtFloat(bal.Sides[0].CINC, 4), fmtFloat(bal.Sides[1].CINC, 4), fmtFloat(bal.Ratio, 3))
	}
	return b.String()
}

// TestGoldenCoversEveryReason checks that the fixture golden files show
// every status and every failing or open condition the engine names, so a
// reason cannot silently drop out of the tests.
func TestGoldenCoversEveryReason(t *testing.T) {
	files, _ := filepath.Glob("testdata/golden/*.txt")
	var all strings.Builder
	for _, f := range files {
		if strings.HasPrefix(filepath.Base(f), "real_") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	text := all.String()
	for _, want := range []string{
		"binding ", "breached ", "contingent ", "not_triggered ", "non_binding ",
		"treaty not yet in force", "not yet a party", "already left the treaty",
		"participation is suspended/frozen", "suspended its obligations toward",
		"is the attacker, not attacked", "is itself a party", "is not the adversary the article names",
		"too few attackers", "provocation:", "not a state of war", "below the armed-attack threshold",
		"wrong location", "is a counter-strike: ", "a request for assistance",
		"ATOP flags a location condition", "an unspecified condition holds", "counts as the territory of an American state",
		"counts as \"communist\"", "partial mobilization", "initiator_is_protected_party",
		"both_sides", "defend_vs_nonaggression", "neutral:", "open entry:", "missing",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no fixture golden test shows %q", want)
		}
	}
}
