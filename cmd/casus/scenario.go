package main

import (
	"context"
	"errors"
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
(parallel on 2 cores; the same --seed gives the same numbers). --rounds N
stops the cascade after round N (as rounds: N in the file): --rounds 1
judges every obligation against the scenario's events alone, with no
entries, retaliation or later strikes, and names who would enter next.

The text and Markdown reports give the answer first: who is bound to
fight for whom, the sides and the balance, who is not bound and why (one
line per treaty article and reason, members grouped), who is contingent
on what, who must only consult; then the rounds. --full adds the listing
of every obligation; --explain adds it with the chain of facts.

Formats: text (default), md, json (its contract: go doc
github.com/casus-dev/casus/obligation; it keeps every obligation and adds
a structured summary), csv (the obligations table: one row per
obligation, with its status, reason, open facts and flags).
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
	at := f.String("at", "", "where: a state, a place (Guam) or a region, as casus places lists them (flags form; default the victim's home territory)")
	target := f.String("target", "territory", "territory, forces, vessels or aircraft (flags form)")
	entry := f.Bool("entry-counts-as-attack", false, "a counter-strike on the side that attacked first triggers that side's treaties")
	honour := f.String("honour", "", "all, none or a probability (overrides the scenario)")
	runs := f.Int("runs", 0, "Monte-Carlo runs (overrides the scenario)")
	seed := f.String("seed", "", "Monte-Carlo seed (overrides the scenario)")
	nmc := f.String("nmc", "", "NMC release for the balance (default the newest)")
	rounds := f.Int("rounds", 0, "stop the cascade after N rounds (1: only the scenario's events are judged, no state enters; overrides the scenario's rounds:)")
	explain := f.Bool("explain", false, "print the chain of facts behind every status (with the per-obligation listing)")
	full := f.Bool("full", false, "after the summary, list every obligation (text and md)")
	example := f.Bool("example", false, "print a commented scenario template that documents every field, and exit")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if *example {
		if err := f.refuse("with --example, which prints the template and exits", "attack", "by", "on", "at", "target", "entry-counts-as-attack", "honour", "runs", "seed", "nmc", "rounds", "explain", "format", "data", "treaties"); err != nil {
			return err
		}
		if len(pos) > 0 {
			return &UsageError{Msg: "--example prints the template and takes no scenario file", Hint: "casus scenario --example > my-scenario.yaml"}
		}
		_, err := m.Stdout.Write(examples.Template())
		return err
	}
	if len(pos) > 1 {
		return &UsageError{Msg: fmt.Sprintf("want one scenario file, got %d arguments", len(pos)), Hint: "casus scenario -h"}
	}
	flagsForm := *attack != "" || *by != ""
	if flagsForm == (len(pos) == 1) {
		return &UsageError{Msg: "give a scenario FILE, or --attack VICTIM --by ATTACKER --on DATE", Hint: "casus scenario --example for a commented scenario file"}
	}
	var data []byte
	name := "flags"
	if len(pos) == 1 {
		if err := f.refuse("with a scenario FILE: the file says where and what was hit (at:, target:)", "at", "target"); err != nil {
			return err
		}
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
			var miss []string
			for _, x := range []struct{ flag, v string }{{"--attack VICTIM", *attack}, {"--by ATTACKER", *by}, {"--on DATE", *on}} {
				if x.v == "" {
					miss = append(miss, x.flag)
				}
			}
			return &UsageError{Msg: "the flags form needs --attack VICTIM, --by ATTACKER and --on DATE: missing " + strings.Join(miss, ", "), Hint: "casus scenario -h"}
		}
		if d, err := world.ParseDate(*on); err != nil || !d.Valid() || d.Year() < obligation.FirstYear {
			return &UsageError{Msg: fmt.Sprintf("--on: want a date YYYY-MM-DD from %d, got %q", obligation.FirstYear, *on)}
		}
		if !contains(obligation.Targets, *target) {
			return &UsageError{Msg: fmt.Sprintf("--target: want one of %s, got %q", strings.Join(obligation.Targets, ", "), *target)}
		}
	}
	w, err := f.loadWorld(ctx, source.States, source.Majors, source.NMC)
	if err != nil {
		return err
	}
	if name == "flags" {
		if data, err = flagsScenario(w, *attack, *by, *on, *at, *target); err != nil {
			return err
		}
	}
	s, err := obligation.Parse(w, name, data)
	if err != nil {
		return flagsError(name, err)
	}
	if len(pos) == 1 && *on != "" {
		d, err := world.ParseDate(*on)
		if err != nil || !d.Valid() || d.Year() < obligation.FirstYear {
			return &UsageError{Msg: fmt.Sprintf("--on: want a date YYYY-MM-DD from %d, got %q", obligation.FirstYear, *on)}
		}
		s.Redate(d)
		if err := s.CheckMembers(w); err != nil {
			return fmt.Errorf("after --on %s: %w", *on, err)
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
	if f.setFlags()["rounds"] {
		if *rounds < 1 || *rounds > obligation.MaxRounds {
			return &UsageError{Msg: fmt.Sprintf("--rounds: want a whole number of cascade rounds from 1 to %d (1: only the scenario's events), got %d", obligation.MaxRounds, *rounds)}
		}
		s.Rounds = *rounds
	}
	if h := s.Assume.Honour; h == 0 || h == 1 {
		if err := f.refuse(fmt.Sprintf("while honour is %s: Monte-Carlo runs need a probability (--honour 0.6, or honour: 0.6 in the file)", map[bool]string{true: "all", false: "none"}[h == 1]), "runs", "seed"); err != nil {
			return err
		}
	}
	if f.format == "csv" {
		if err := f.refuse("with --format csv, whose table has no chain of facts (--format json always carries it)", "explain"); err != nil {
			return err
		}
	}
	if f.format == "csv" || f.format == "json" {
		if err := f.refuse("with --format "+f.format+", which always lists every obligation", "full"); err != nil {
			return err
		}
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
	if f.format == "csv" {
		return obligation.WriteCSV(m.Stdout, rep)
	}
	return obligation.WriteWith(m.Stdout, rep, f.format, obligation.RenderOptions{Explain: *explain, Full: *full})
}

// flagsScenario resolves the flags form against the world, so that a
// mistake is reported against the flag that carried it (--attack), and
// writes it as a scenario file with COW codes, so that both forms go
// through one parser.
func flagsScenario(w *world.World, attack, by, on, at, target string) ([]byte, error) {
	victim, err := w.Resolve(attack)
	if err != nil {
		return nil, &inputError{fmt.Errorf("--attack: %w", err)}
	}
	var attackers []string
	for _, b := range strings.Split(by, ",") {
		if strings.TrimSpace(b) == "" {
			return nil, &UsageError{Msg: fmt.Sprintf("--by: want states separated by commas, got %q", by)}
		}
		st, err := w.Resolve(b)
		if err != nil {
			return nil, &inputError{fmt.Errorf("--by: %w", err)}
		}
		attackers = append(attackers, strconv.Itoa(st.Code))
	}
	ev := fmt.Sprintf("by: [%s], on: %d, target: %s", strings.Join(attackers, ", "), victim.Code, strconv.Quote(target))
	if at != "" {
		loc, err := obligation.ResolveLocation(w, at)
		if err != nil {
			return nil, &inputError{fmt.Errorf("--at: %w", err)}
		}
		where := loc.Name
		if loc.State != 0 {
			where = strconv.Itoa(loc.State)
		}
		ev += ", at: " + strconv.Quote(where)
	}
	return []byte(fmt.Sprintf("date: %s\nevents:\n  - armed_attack: {%s}\n", strconv.Quote(on), ev)), nil
}

// flagFor names the flag of the flags form that a scenario field came from.
var flagFor = map[string]string{
	"date": "--on", "armed_attack.date": "--on", "armed_attack.by": "--by",
	"armed_attack.on": "--attack", "armed_attack.at": "--at", "armed_attack.target": "--target",
}

// flagsError rewrites a problem the parser found in the flags form
// ("flags:3: field \"armed_attack.on\": ...") as one about the flag.
func flagsError(name string, err error) error {
	var e *obligation.Error
	if name != "flags" || !errors.As(err, &e) {
		return err
	}
	if fl, ok := flagFor[e.Field]; ok {
		return badInputf("%s: %s", fl, e.Msg)
	}
	return badInputf("%s", e.Msg)
}
