package main

import (
	"context"
	"fmt"
	"time"

	"github.com/casus-dev/casus/obligation"
	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/world"
)

func init() {
	register(&command{
		Name:    "guarantees",
		Summary: "who is bound to defend a state, and whom it is bound to defend, on a date",
		Usage: `Usage: casus guarantees STATE [--on DATE] [--explain] [--data DIR] [--treaties DIR] [--format text|md|json|csv]

For an armed attack on STATE's home territory by a state outside the
treaty, lists every defence obligation owed to STATE on DATE (default
today), with treaty, article, status and response; then every defence
obligation STATE owes, with each partner's home regions. Conditions that
depend on who attacks (a named adversary, several great powers) or on a
request stay open: contingent. The summary says how many states are bound
each way and, for a successor state of the USSR, which of those it must
defend lie outside the former Soviet space.
`,
		Run: runGuarantees,
	})
}

func runGuarantees(ctx context.Context, m *Main, args []string) error {
	c := commands["guarantees"]
	f := newFlags(m, c).withData().withFormat().withTreaties()
	on := f.String("on", "", "date (default today, UTC)")
	explain := f.Bool("explain", false, "print the chain of facts behind every status")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return &UsageError{Msg: fmt.Sprintf("want one STATE, got %d arguments", len(pos)), Hint: "casus guarantees -h"}
	}
	d := world.FromTime(time.Now())
	if *on != "" {
		d, err = world.ParseDate(*on)
		if err != nil || !d.Valid() || d.Year() < obligation.FirstYear {
			return &UsageError{Msg: fmt.Sprintf("--on: want a date YYYY-MM-DD from %d, got %q", obligation.FirstYear, *on)}
		}
	}
	w, err := f.loadWorld(ctx, source.States, source.Majors, source.NMC)
	if err != nil {
		return err
	}
	st, err := w.Resolve(pos[0])
	if err != nil {
		return badInputf("%v", err)
	}
	g := obligation.For(w).Guarantees(st.Code, d, *explain || f.format == "json")
	if f.format == "csv" {
		if err := f.refuse("with --format csv, whose table has no chain of facts (--format json always carries it)", "explain"); err != nil {
			return err
		}
		return obligation.WriteGuaranteesCSV(m.Stdout, g)
	}
	return obligation.WriteGuarantees(m.Stdout, g, f.format, *explain)
}
