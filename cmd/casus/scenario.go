package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/examples"
	"github.com/casus-dev/casus/obligation"
	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/world"
)

func init() {
	register(&command{
		Name:    "scenario",
		Summary: "who is bound to do what when an armed attack happens: obligations, cascade, sides, balance",
		Usage: `Usage: casus scenario FILE|- [flags]
       casus scenario --attack VICTIM --by ATTACKER[,ATTACKER] --on DATE [--at PLACE] [flags]
       casus scenario --example > my-scenario.yaml

Evaluates every treaty obligation in force that the scenario's events touch
(registry treaties, ATOP 5.1 imports and --treaties files): binding,
contingent (naming the open fact) or not triggered (naming the failing
condition); then runs the cascade of entries round by round and prints the
conflicts, the two sides and their CINC balance (NMC data year and release
named). A scenario file is YAML or JSON (- reads standard input);
--example prints a commented template that explains every field (the
same file as examples/template.yaml), and examples/ holds worked ones.

With a FILE, --on DATE moves every event by the same number of days so
that the scenario's date becomes DATE (re-dating a one-day scenario).
--honour P with --runs N adds a Monte-Carlo summary of N seeded cascades
(parallel on 2 cores; the same --seed gives the same numbers).

Formats: text (default), md, json (the contract is in obligation/doc.go).
`,
		Run: runScenario,
	})
}

func runScenario(ctx context.Context, m *Main, args []string) error {
	c := commands["scenario"]
	f := newFlags(m, c).withData().withFormat().withTreaties()
	attack := f.String("attack", "", "the state attacked (flags form)")
	by := f.String("by", "", "the attacking state(s), comma-separated (flags form)")
	on := f.String("on", "", "date of the attack (flags form), or the new date of a FILE scenario")
	at := f.String("at", "", "where: a state, a place (Guam) or a region (flags form; default the victim's home territory)")
	target := f.String("target", "territory", "territory, forces, vessels or aircraft (flags form)")
	entry := f.Bool("entry-counts-as-attack", false, "a counter-strike on the side that attacked first triggers that side's treaties")
	honour := f.String("honour", "", "all, none or a probability (overrides the scenario)")
	runs := f.Int("runs", 0, "Monte-Carlo runs (overrides the scenario)")
	seed := f.String("seed", "", "Monte-Carlo seed (overrides the scenario)")
	nmc := f.String("nmc", "", "NMC release for the balance (default the newest)")
	explain := f.Bool("explain", false, "print the chain of facts behind every status")
	example := f.Bool("example", false, "print a commented scenario template that documents every field, and exit")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if *example {
		if len(pos) > 0 {
			return &UsageError{Msg: "--example prints the template and takes no scenario file", Hint: "casus scenario --example > my-scenario.yaml"}
		}
		_, err := m.Stdout.Write(examples.Template())
		return err
	}
	if f.format == "csv" {
		return &UsageError{Msg: "--format csv: a scenario report is not a table; want text, md or json"}
	}
	if len(pos) > 1 {
		return &UsageError{Msg: fmt.Sprintf("want one scenario file, got %d arguments", len(pos)), Hint: "casus scenario -h"}
	}
	flagsForm := *attack != "" || *by != ""
	if flagsForm == (len(pos) == 1) {
		return &UsageError{Msg: "give a scenario FILE, or --attack VICTIM --by ATTACKER --on DATE", Hint: "casus scenario -h"}
	}
	var data []byte
	name := "flags"
	if len(pos) == 1 {
		name = pos[0]
		if name == "-" {
			name = "stdin"
			data, err = io.ReadAll(io.LimitReader(m.Stdin, 1<<20+1))
		} else {
			data, err = os.ReadFile(name)
		}
		if err != nil {
			return badInputf("%s: cannot read the scenario: %v", name, err)
		}
	} else {
		if *attack == "" || *by == "" || *on == "" {
			return &UsageError{Msg: "the flags form needs --attack VICTIM, --by ATTACKER and --on DATE", Hint: "casus scenario -h"}
		}
		data = flagsScenario(*attack, *by, *on, *at, *target)
	}
	w, err := f.loadWorld(ctx, source.States, source.Majors, source.NMC)
	if err != nil {
		return err
	}
	s, err := obligation.Parse(w, name, data)
	if err != nil {
		return err
	}
	if len(pos) == 1 && *on != "" {
		d, err := world.ParseDate(*on)
		if err != nil || !d.Valid() || d.Year() < obligation.FirstYear {
			return &UsageError{Msg: fmt.Sprintf("--on: want a date YYYY-MM-DD from %d, got %q", obligation.FirstYear, *on)}
		}
		s.Redate(d)
		if err := s.CheckMembers(w); err != nil {
			return err
		}
	}
	if *entry {
		s.Assume.EntryCountsAsAttack = true
	}
	if *honour != "" {
		h, err := obligation.ParseHonour(*honour)
		if err != nil {
			return &UsageError{Msg: "--honour: " + err.Error()}
		}
		s.Assume.Honour = h
	}
	if *runs != 0 {
		if *runs < 1 || *runs > obligation.MaxRuns {
			return &UsageError{Msg: fmt.Sprintf("--runs: want 1 to %d, got %d", obligation.MaxRuns, *runs)}
		}
		s.Assume.Runs = *runs
	}
	if *seed != "" {
		v, err := strconv.ParseInt(*seed, 10, 64)
		if err != nil {
			return &UsageError{Msg: fmt.Sprintf("--seed: want a whole number, got %q", *seed)}
		}
		s.Assume.Seed = v
	}
	if *nmc != "" {
		if _, ok := w.NMC[*nmc]; !ok {
			return &UsageError{Msg: fmt.Sprintf("--nmc: unknown NMC release %q", *nmc)}
		}
		s.Assume.NMC = *nmc
	}
	var progress func(int)
	var bar *output.Progress
	if h := s.Assume.Honour; h > 0 && h < 1 {
		// Progress goes to stderr, and only when it is a terminal
		// (output.NewProgress is silent otherwise).
		bar = output.NewProgress(m.Stderr, "monte-carlo runs", int64(max(s.Assume.Runs, 1)))
		progress = func(n int) { bar.Add(int64(n)) }
	}
	rep := obligation.For(w).EvaluateProgress(s, *explain || f.format == "json", progress)
	if bar != nil {
		bar.Done() // end the bar's line before the report
	}
	return obligation.Write(m.Stdout, rep, f.format, *explain)
}

// flagsScenario writes the flags form as a scenario file, so that both
// forms go through one parser and one set of error messages.
func flagsScenario(attack, by, on, at, target string) []byte {
	var attackers []string
	for _, b := range strings.Split(by, ",") {
		attackers = append(attackers, strconv.Quote(strings.TrimSpace(b)))
	}
	ev := fmt.Sprintf("by: [%s], on: %s, target: %s", strings.Join(attackers, ", "), strconv.Quote(attack), strconv.Quote(target))
	if at != "" {
		ev += ", at: " + strconv.Quote(at)
	}
	return []byte(fmt.Sprintf("date: %s\nevents:\n  - armed_attack: {%s}\n", strconv.Quote(on), ev))
}
