package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/report"
	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/world"
)

func init() {
	register(&command{
		Name:    "state",
		Summary: "a state's codes, system membership, major-power status and capabilities on a date",
		Usage: `Usage: casus state NAME|CODE [--on DATE] [--nmc 6.0|7.0] [--data DIR] [--format text|json|csv|md]
       casus state NAME|CODE --years A-B [--plot FILE.svg|FILE.png] [--nmc 6.0|7.0]

NAME|CODE is a COW code (731), COW abbreviation (PRK), ISO3 code, name or
alias (DPRK, North Korea). A name that fits several states is an error
listing them.

Shows the COW code, abbreviation, name and ISO3 code, the system-membership
spells, whether the state is a member and a COW major power on DATE
(default today; major-power data end 2016-12-31, after which the status is
unknown), and its NMC capabilities for the latest data year not after DATE.
Without --nmc the release with the latest such year is used; on a tie NMC
6.0, the file as COW publishes it, wins over 7.0 (a conversion). The output
names the release and year used.

With --years A-B: one row per year of the NMC components (with units),
CINC, the share of the system's summed CINC and each component's share of
its system total (release named; default the newest release); --plot draws
them.
`,
		Run: runState,
	})
}

// stateReport is what `casus state` prints, also as JSON; package report
// builds it so that GET /api/states/{q} answers with the same document.
type stateReport = report.State

func runState(ctx context.Context, m *Main, args []string) error {
	c := commands["state"]
	f := newFlags(m, c).withData().withFormat()
	var on, nmc, years, plotPath string
	f.StringVar(&on, "on", "", "date YYYY-MM-DD (default today)")
	f.StringVar(&years, "years", "", "A-B: capabilities year by year instead of one date")
	f.StringVar(&plotPath, "plot", "", "with --years: write a figure to FILE.svg or FILE.png")
	f.StringVar(&nmc, "nmc", "", "NMC release: 6.0 or 7.0 (default: latest year, 6.0 on a tie)")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return &UsageError{Msg: "state needs exactly one NAME or CODE", Hint: "casus state -h"}
	}
	if err := checkTrendFlags(years, on, plotPath); err != nil {
		return err
	}
	date := world.FromTime(time.Now())
	if on != "" {
		if date, err = world.ParseDate(on); err != nil {
			return &UsageError{Msg: "--on: " + err.Error()}
		}
	}
	if nmc != "" && nmc != "6.0" && nmc != "7.0" {
		return &UsageError{Msg: fmt.Sprintf("--nmc: want 6.0 or 7.0, got %q", nmc)}
	}
	w, err := f.loadWorld(ctx, source.States, source.Majors, source.NMC)
	if err != nil {
		return err
	}
	st, err := w.Resolve(pos[0])
	if err != nil {
		var amb *world.AmbiguousError
		var unk *world.UnknownStateError
		if errors.As(err, &amb) || errors.As(err, &unk) {
			return &inputError{err}
		}
		return err
	}
	if years != "" {
		return runStateTrend(m, w, st, years, nmc, plotPath, f.format)
	}
	r := report.NewState(w, st, date, nmc)
	switch f.format {
	case "json":
		return output.WriteJSON(m.Stdout, r)
	case "text":
		writeStateText(m, r)
		return nil
	}
	t := &output.Table{Columns: []string{"field", "value"}}
	t.Add("ccode", strconv.Itoa(r.Code))
	t.Add("stateabb", r.Abb)
	t.Add("name", r.Name)
	t.Add("iso3", r.ISO3)
	for _, s := range r.Spells {
		t.Add("spell", s.Start+" to "+s.End)
	}
	t.Add("on", r.On)
	t.Add("member", strconv.FormatBool(r.Member))
	t.Add("major_power", r.Major)
	if cp := r.Capabilities; cp != nil {
		t.Add("nmc_release", cp.Release)
		t.Add("nmc_year", strconv.Itoa(cp.Year))
		t.Add("cinc", fmtNum(cp.CINC, 6))
	}
	t.Notes = r.Notes
	return t.Write(m.Stdout, f.format)
}

func fmtNum(v *float64, prec int) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', prec, 64)
}

func writeStateText(m *Main, r *stateReport) {
	out := m.Stdout
	iso := r.ISO3
	if iso == "" {
		iso = "none"
	}
	fmt.Fprintf(out, "%s (%s)  COW %d  ISO3 %s\n", r.Name, r.Abb, r.Code, iso)
	var spells []string
	for i, s := range r.Spells {
		e := s.End
		if i == len(r.Spells)-1 && r.OpenEnded {
			e += " (end of data, open-ended)"
		}
		spells = append(spells, s.Start+" to "+e)
	}
	fmt.Fprintf(out, "system member:  %s\n", strings.Join(spells, "; "))
	yes := map[bool]string{true: "yes", false: "no"}
	fmt.Fprintf(out, "on %s:  member %s, major power %s\n", r.On, yes[r.Member], r.Major)
	if cp := r.Capabilities; cp != nil {
		cinc := fmtNum(cp.CINC, 4)
		if cinc == "" {
			cinc = "missing"
		}
		fmt.Fprintf(out, "capabilities (NMC %s, %d):  CINC %s\n", cp.Release, cp.Year, cinc)
		t := &output.Table{Columns: []string{"  component", "value", "unit", "what"}}
		for i, v := range []*float64{cp.Milex, cp.Milper, cp.Irst, cp.Pec, cp.Tpop, cp.Upop} {
			t.Add("  "+world.ComponentNames[i], groupDigits(v), world.ComponentUnit(i, cp.Year), world.ComponentMeanings[i])
		}
		t.Write(out, "text")
	}
	for _, n := range r.Notes {
		fmt.Fprintln(out, "note: "+n)
	}
}

// groupDigits prints an NMC figure as published, with thousands
// separators for reading ("missing" for a missing value, never 0).
func groupDigits(v *float64) string {
	if v == nil {
		return "missing"
	}
	s := strconv.FormatFloat(*v, 'f', -1, 64)
	s, sign := strings.CutPrefix(s, "-")
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if sign {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return b.String()
}
