package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/world"
)

func init() {
	register(&command{
		Name:    "state",
		Summary: "a state's codes, system membership, major-power status and capabilities on a date",
		Usage: `Usage: casus state NAME|CODE [--on DATE] [--nmc 6.0|7.0] [--data DIR] [--format text|json|csv|md]

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
`,
		Run: runState,
	})
}

// stateReport is what `casus state` prints, also as JSON.
type stateReport struct {
	Code          int         `json:"ccode"`
	Abb           string      `json:"stateabb"`
	Name          string      `json:"name"`
	ISO3          string      `json:"iso3,omitempty"`
	Aliases       []string    `json:"aliases,omitempty"`
	Spells        []spellJSON `json:"spells"`
	OpenEnded     bool        `json:"open_ended"`
	MembershipEnd string      `json:"membership_data_end"`
	On            string      `json:"on"`
	Member        bool        `json:"member"`
	// Major is "yes", "no" or "unknown" (after the majors data end).
	Major        string          `json:"major_power"`
	MajorsEnd    string          `json:"majors_data_end"`
	Capabilities *capsJSON       `json:"capabilities"`
	Notes        []string        `json:"notes,omitempty"`
	Sources      []world.Dataset `json:"sources"`
}

type spellJSON struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

type capsJSON struct {
	Release string   `json:"release"`
	Year    int      `json:"year"`
	Milex   *float64 `json:"milex"`
	Milper  *float64 `json:"milper"`
	Irst    *float64 `json:"irst"`
	Pec     *float64 `json:"pec"`
	Tpop    *float64 `json:"tpop"`
	Upop    *float64 `json:"upop"`
	CINC    *float64 `json:"cinc"`
}

func num(v float64) *float64 {
	if world.Missing(v) {
		return nil
	}
	return &v
}

func runState(ctx context.Context, m *Main, args []string) error {
	c := commands["state"]
	f := newFlags(m, c).withData().withFormat()
	var on, nmc string
	f.StringVar(&on, "on", "", "date YYYY-MM-DD (default today)")
	f.StringVar(&nmc, "nmc", "", "NMC release: 6.0 or 7.0 (default: latest year, 6.0 on a tie)")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return &UsageError{Msg: "state needs exactly one NAME or CODE", Hint: "casus state -h"}
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
	r := buildStateReport(w, st, date, nmc)
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

func buildStateReport(w *world.World, st *world.State, date world.Date, nmc string) *stateReport {
	r := &stateReport{
		Code: st.Code, Abb: st.Abb, Name: st.Name, ISO3: st.ISO3, Aliases: st.Aliases,
		OpenEnded: st.OpenEnded, MembershipEnd: w.MembershipEnd.String(), On: date.String(),
		Member: st.MemberOn(date), MajorsEnd: w.MajorsEnd.String(), Sources: w.Datasets,
	}
	for _, s := range st.Spells {
		r.Spells = append(r.Spells, spellJSON{s.Start.String(), s.End.String()})
	}
	if st.OpenEnded && date > w.MembershipEnd {
		r.Notes = append(r.Notes, fmt.Sprintf("membership data end %s; the state is taken to be a member after it (open-ended)", w.MembershipEnd))
	}
	switch major, known := w.MajorOn(st.Code, date); {
	case !known:
		r.Major = "unknown"
		r.Notes = append(r.Notes, fmt.Sprintf("major-power status unknown: COW majors2016 ends %s", w.MajorsEnd))
	case major:
		r.Major = "yes"
	default:
		r.Major = "no"
	}
	rel, capRow, ok := latestCapabilities(w, st.Code, date.Year(), nmc)
	if ok {
		r.Capabilities = &capsJSON{Release: rel, Year: capRow.Year, Milex: num(capRow.Milex), Milper: num(capRow.Milper),
			Irst: num(capRow.Irst), Pec: num(capRow.Pec), Tpop: num(capRow.Tpop), Upop: num(capRow.Upop), CINC: num(capRow.CINC)}
		if capRow.Year < date.Year() {
			r.Notes = append(r.Notes, fmt.Sprintf("capabilities are NMC %s's latest year for this state, %d", rel, capRow.Year))
		}
	} else {
		r.Notes = append(r.Notes, fmt.Sprintf("no NMC data for %s in or before %d", st.Abb, date.Year()))
	}
	return r
}

// latestCapabilities finds the state's row with the latest year ≤ year in
// the release asked for, or, with none asked, in the release whose latest
// such year is newest (6.0, the file as COW publishes it, on a tie).
func latestCapabilities(w *world.World, code, year int, want string) (string, world.Capability, bool) {
	releases := []string{"6.0", "7.0"}
	if want != "" {
		releases = []string{want}
	}
	var best world.Capability
	bestRel, found := "", false
	for _, rel := range releases {
		c, ok := w.NMC[rel]
		if !ok {
			continue
		}
		for y := min(year, c.Last); y >= c.First; y-- {
			if row, ok := c.Get(code, y); ok {
				if !found || row.Year > best.Year {
					best, bestRel, found = row, rel, true
				}
				break
			}
		}
	}
	return bestRel, best, found
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
		t := &output.Table{Columns: []string{"  milex", "milper", "irst", "pec", "tpop", "upop"}}
		cell := func(v *float64) string {
			if v == nil {
				return "missing"
			}
			return strconv.FormatFloat(*v, 'f', -1, 64)
		}
		t.Add("  "+cell(cp.Milex), cell(cp.Milper), cell(cp.Irst), cell(cp.Pec), cell(cp.Tpop), cell(cp.Upop))
		t.Write(out, "text")
	}
	for _, n := range r.Notes {
		fmt.Fprintln(out, "note: "+n)
	}
}
