package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/obligation"
	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/power"
	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/world"
)

func init() {
	register(&command{
		Name:    "balance",
		Summary: "the capability balance of two coalitions, raw and discounted by distance to a place",
		Usage: `Usage: casus balance --side A,B --vs C,D [--on DATE | --years A-B] [--at PLACE|STATE] [flags]
       casus balance --scenario FILE [--without TREATY | --with TREATY] [--at PLACE|STATE] [flags]

Sums the NMC components (with their units) and the CINC of each side —
CINC recomputed from the six components, as power.Balance does for every
balance casus reports — in the latest NMC year at or before the date, and
says which year stood in when the release ends before it.

--at PLACE|STATE discounts every member's CINC by the distance from its
capital (COW capitals, peacesciencer) to the place — a place of the places
table (Guam, Okinawa) or a state's capital — with Bueno de Mesquita's (1981)
loss-of-strength gradient as EUGene 3.203 computes it,
CINC^log10(miles/miles-per-day + 10 − e), with EUGene's era constant
(250 miles/day before 1918, 375 in 1918–1945, 500 from 1946) and its
distance (69.16 miles per degree of arc, whole miles); see power/doc.go.
It prints the raw and the discounted ratio side by side.

--distance contiguity (with --at STATE) applies EUGene's default distance,
"capitals + contiguity": the state itself and every state with a land
border to it (COW direct contiguity, type 1) are 0 miles away.

--scenario FILE takes the two sides from the scenario's cascade (the
scenario's date). --without TREATY adds a second column: the sides the same
scenario produces when TREATY (and the ATOP alliance it supersedes) is left
out; --with TREATY prints the same pair with the treaty-less balance first.

--years A-B prints one row per year (and --plot FILE.svg|FILE.png draws the
two sides' CINC and the ratio).

Examples:
  casus balance --side PRK,RUS --vs ROK,USA,JPN --on 2022-12-31 --at PRK
  casus balance --scenario korea-2025.yaml --without rus-prk-2024 --at PRK
  casus balance --side PRK --vs ROK --years 1950-2022 --plot bal.png
`,
		Run: runBalance,
	})
}

type balanceOpts struct {
	side, vs, scenario, without, with, on, years, at, nmc, plot, distance string
}

// balanceSideJSON is one side of a balance in the JSON contract.
type balanceSideJSON struct {
	Name           string              `json:"name,omitempty"`
	Members        []balanceMemberJSON `json:"members"`
	CINC           *float64            `json:"cinc"`
	CINCDiscounted *float64            `json:"cinc_discounted,omitempty"`
	Components     map[string]*float64 `json:"components"`
	Missing        map[string][]string `json:"missing,omitempty"`
}

type balanceMemberJSON struct {
	Code           int                 `json:"ccode"`
	Abb            string              `json:"stateabb"`
	Name           string              `json:"name"`
	CINC           *float64            `json:"cinc"`
	Components     map[string]*float64 `json:"components"`
	Capital        string              `json:"capital,omitempty"`
	CapitalStoodIn bool                `json:"capital_stood_in,omitempty"`
	Miles          *float64            `json:"miles,omitempty"`
	Contiguous     bool                `json:"contiguous,omitempty"`
	CINCDiscounted *float64            `json:"cinc_discounted,omitempty"`
}

// balanceJSON is one balance: a date (or year) and two sides.
type balanceJSON struct {
	Label           string             `json:"label,omitempty"`
	Date            string             `json:"date,omitempty"`
	Year            int                `json:"year"`
	Release         string             `json:"release"`
	DataYear        int                `json:"data_year"` // 0: the release has nothing at or before the year
	Note            string             `json:"note"`
	Sides           [2]balanceSideJSON `json:"sides"`
	Ratio           *float64           `json:"ratio"`
	MilesPerDay     *float64           `json:"miles_per_day,omitempty"`
	DiscountedRatio *float64           `json:"ratio_discounted,omitempty"`
}

type balanceAtJSON struct {
	Name        string  `json:"name"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	From        string  `json:"from"` // "place" or the capital's state
	MilesPerDay float64 `json:"miles_per_day"`
	// MilesPerDayRule states the era constant; each balance carries the
	// value of its own year.
	MilesPerDayRule string `json:"miles_per_day_rule"`
	Formula         string `json:"formula"`
	// Distance is "capital" (capital to the place) or "contiguity"
	// (EUGene's rule: the place's state and its land neighbours at 0).
	Distance string `json:"distance"`
	home     int
}

type balanceReportJSON struct {
	At       *balanceAtJSON    `json:"at,omitempty"`
	Units    map[string]string `json:"units"`
	Balances []balanceJSON     `json:"balances"`
	Notes    []string          `json:"notes,omitempty"`
	Sources  []world.Dataset   `json:"sources"`
}

const lsgFormula = "CINC^log10(miles/miles_per_day + 10 - e) (Bueno de Mesquita 1981, as EUGene 3.203 computes it)"

func runBalance(ctx context.Context, m *Main, args []string) error {
	c := commands["balance"]
	f := newFlags(m, c).withData().withFormat().withTreaties()
	var o balanceOpts
	f.StringVar(&o.side, "side", "", "side 1: states, comma-separated (codes, abbreviations or names)")
	f.StringVar(&o.vs, "vs", "", "side 2: states, comma-separated")
	f.StringVar(&o.scenario, "scenario", "", "take the sides from this scenario's cascade")
	f.StringVar(&o.without, "without", "", "with --scenario: also the sides without this treaty")
	f.StringVar(&o.with, "with", "", "with --scenario: the sides without and with this treaty")
	f.StringVar(&o.on, "on", "", "date YYYY-MM-DD (default today)")
	f.StringVar(&o.years, "years", "", "a series of years A-B")
	f.StringVar(&o.at, "at", "", "discount by distance to a place or a state's capital")
	f.StringVar(&o.nmc, "nmc", "", "NMC release (default the newest)")
	f.StringVar(&o.plot, "plot", "", "with --years: write a figure to FILE.svg or FILE.png")
	f.StringVar(&o.distance, "distance", "capital", "with --at: capital (each capital to the place) or contiguity (EUGene's: land neighbours of the --at state at 0 miles)")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return &UsageError{Msg: fmt.Sprintf("unexpected argument %q", pos[0]), Hint: "casus balance -h"}
	}
	if err := o.check(); err != nil {
		return err
	}
	w, err := f.loadWorld(ctx, source.States, source.Majors, source.NMC, source.Capitals, source.Contiguity)
	if err != nil {
		return err
	}
	caps, ok := w.Capabilities(o.nmc)
	if !ok || caps == nil {
		return &UsageError{Msg: fmt.Sprintf("--nmc: unknown NMC release %q", o.nmc)}
	}
	rep := &balanceReportJSON{Units: map[string]string{}, Sources: w.Datasets}
	for k, n := range world.ComponentNames {
		rep.Units[n] = power.ComponentUnits[k]
	}
	rep.Units["cinc"] = "share of the system's capabilities (0–1)"
	rep.Units["miles"] = "statute miles from the capital, 69.16 per degree of great-circle arc, rounded (EUGene)"

	if o.years != "" {
		from, to, err := parseYears(o.years)
		if err != nil {
			return err
		}
		a, b, err := resolveSides(w, o.side, o.vs)
		if err != nil {
			return err
		}
		var series []power.CoalitionBalance
		for y := from; y <= to; y++ {
			bal := power.Balance(caps, y, a, b)
			if o.at != "" {
				d := world.D(y, 12, 31)
				pt, at, err := resolveAt(w, o.at, d)
				if err != nil {
					return err
				}
				if err := o.discount(w, &bal, pt, at, d); err != nil {
					return err
				}
				rep.At = at
			}
			series = append(series, bal)
			rep.Balances = append(rep.Balances, balanceToJSON(w, bal, "", ""))
		}
		rep.Notes = balanceNotes(w, caps, series)
		if o.plot != "" {
			if err := writeBalancePlot(o.plot, w, caps, series, a, b, rep.At); err != nil {
				return err
			}
			fmt.Fprintf(m.Stdout, "wrote %s: CINC of both sides and their ratio, %d–%d, NMC %s\n", o.plot, from, to, caps.Version)
		}
		return writeBalanceSeries(m, f.format, rep)
	}

	type variant struct {
		label string
		date  world.Date
		a, b  []int
		names [2]string
	}
	var vs []variant
	if o.scenario != "" {
		data, err := os.ReadFile(o.scenario)
		if err != nil {
			return badInputf("%s: cannot read the scenario: %v", o.scenario, err)
		}
		s, err := obligation.Parse(w, o.scenario, data)
		if err != nil {
			return err
		}
		sides := func(w *world.World) ([]int, []int, [2]string) {
			rep := obligation.New(w).Evaluate(s, false)
			var codes [2][]int
			for i, sd := range rep.Sides {
				for _, mb := range sd.Members {
					codes[i] = append(codes[i], mb.Code)
				}
			}
			return codes[0], codes[1], [2]string{rep.Sides[0].Name, rep.Sides[1].Name}
		}
		a, b, names := sides(w)
		asIs := variant{"as is", s.Date, a, b, names}
		vs = append(vs, asIs)
		if t := o.without + o.with; t != "" {
			w2, err := worldWithout(w, t)
			if err != nil {
				return err
			}
			a2, b2, names2 := sides(w2)
			without := variant{"without " + t, s.Date, a2, b2, names2}
			if o.with != "" {
				asIs.label = "with " + t
				vs = []variant{without, asIs}
			} else {
				vs = append(vs, without)
			}
		}
	} else {
		a, b, err := resolveSides(w, o.side, o.vs)
		if err != nil {
			return err
		}
		d := world.FromTime(timeNow())
		if o.on != "" {
			if d, err = world.ParseDate(o.on); err != nil {
				return &UsageError{Msg: "--on: " + err.Error()}
			}
		}
		vs = append(vs, variant{"", d, a, b, [2]string{}})
	}
	var bals []power.CoalitionBalance
	for _, v := range vs {
		bal := power.Balance(caps, v.date.Year(), v.a, v.b)
		if o.at != "" {
			pt, at, err := resolveAt(w, o.at, v.date)
			if err != nil {
				return err
			}
			if err := o.discount(w, &bal, pt, at, v.date); err != nil {
				return err
			}
			rep.At = at
		}
		bals = append(bals, bal)
		bj := balanceToJSON(w, bal, v.label, v.date.String())
		bj.Sides[0].Name, bj.Sides[1].Name = v.names[0], v.names[1]
		rep.Balances = append(rep.Balances, bj)
	}
	rep.Notes = balanceNotes(w, caps, bals)
	return writeBalance(m, f.format, rep)
}

// discount discounts bal to pt with the distance rule --distance names.
func (o *balanceOpts) discount(w *world.World, bal *power.CoalitionBalance, pt power.Point, at *balanceAtJSON, d world.Date) error {
	at.Distance = o.distance
	at.MilesPerDayRule = power.MilesPerDayRule
	if o.distance == "contiguity" {
		if at.home == 0 {
			return &UsageError{Msg: fmt.Sprintf("--distance contiguity: contiguity is between states; give --at a state, not the place %q", at.Name)}
		}
		bal.DiscountContiguous(pt, at.home, w.Contiguity, w.Capitals, d)
	} else {
		bal.Discount(pt, w.Capitals, d)
	}
	at.MilesPerDay = bal.MilesPerDay
	return nil
}

// timeNow is a variable so tests could pin "today".
var timeNow = nowUTC

func (o *balanceOpts) check() error {
	sides := o.side != "" || o.vs != ""
	switch {
	case o.scenario == "" && !sides:
		return &UsageError{Msg: "give --side A,B --vs C,D, or --scenario FILE", Hint: "casus balance -h"}
	case o.scenario != "" && sides:
		return &UsageError{Msg: "--scenario takes its sides from the scenario: drop --side/--vs"}
	case sides && (o.side == "" || o.vs == ""):
		return &UsageError{Msg: "give both --side and --vs"}
	case o.without != "" && o.with != "":
		return &UsageError{Msg: "give --without or --with, not both"}
	case (o.without != "" || o.with != "") && o.scenario == "":
		return &UsageError{Msg: "--without/--with compare a scenario's sides: give --scenario FILE"}
	case o.scenario != "" && (o.on != "" || o.years != ""):
		return &UsageError{Msg: "--scenario uses the scenario's date: drop --on/--years"}
	case o.on != "" && o.years != "":
		return &UsageError{Msg: "give --on DATE or --years A-B, not both"}
	case o.plot != "" && o.years == "":
		return &UsageError{Msg: "--plot draws a series: give --years A-B"}
	case o.distance != "capital" && o.distance != "contiguity":
		return &UsageError{Msg: fmt.Sprintf("--distance: want capital or contiguity, got %q", o.distance)}
	case o.distance == "contiguity" && o.at == "":
		return &UsageError{Msg: "--distance contiguity measures distance to --at STATE: give --at"}
	}
	if o.plot != "" {
		if ext := strings.ToLower(filepath.Ext(o.plot)); ext != ".svg" && ext != ".png" {
			return &UsageError{Msg: fmt.Sprintf("--plot: want a file name ending in .svg or .png, got %q", o.plot)}
		}
	}
	return nil
}

// resolveSides resolves two comma-separated lists of states.
func resolveSides(w *world.World, side, vs string) ([]int, []int, error) {
	var out [2][]int
	for i, list := range []string{side, vs} {
		flag := [2]string{"--side", "--vs"}[i]
		for _, q := range strings.Split(list, ",") {
			q = strings.TrimSpace(q)
			if q == "" {
				continue
			}
			st, err := w.Resolve(q)
			if err != nil {
				return nil, nil, stateInputError(flag, err)
			}
			out[i] = append(out[i], st.Code)
		}
		if len(out[i]) == 0 {
			return nil, nil, &UsageError{Msg: flag + ": no state given"}
		}
	}
	return out[0], out[1], nil
}

func stateInputError(flag string, err error) error {
	var amb *world.AmbiguousError
	var unk *world.UnknownStateError
	if errors.As(err, &amb) || errors.As(err, &unk) {
		return badInputf("%s: %v", flag, err)
	}
	return err
}

// resolveAt finds the point --at names: a place of the places table, or a
// state's capital on date d.
func resolveAt(w *world.World, q string, d world.Date) (power.Point, *balanceAtJSON, error) {
	if p, ok := world.Places().Place(q); ok {
		return power.Point{Lat: p.Lat, Lon: p.Lon}, &balanceAtJSON{Name: p.Name, Lat: p.Lat, Lon: p.Lon, From: "place (world/places.yaml)", Formula: lsgFormula}, nil
	}
	st, err := w.Resolve(q)
	if err != nil {
		for _, r := range world.Places().Regions {
			if strings.EqualFold(r.ID, q) || strings.EqualFold(strings.ReplaceAll(r.ID, "_", " "), q) {
				return power.Point{}, nil, badInputf("--at: %q is a region, which has no single point to measure distance from; give a place (casus places) or a state", q)
			}
		}
		return power.Point{}, nil, stateInputError("--at", err)
	}
	c, stood, ok := power.CapitalOn(w.Capitals, st.Code, d)
	if !ok {
		return power.Point{}, nil, badInputf("--at: no capital for %s %s on %s in the capitals data", st.Abb, st.Name, d)
	}
	from := fmt.Sprintf("capital of %s %s", st.Abb, st.Name)
	if stood {
		from += fmt.Sprintf(" (capitals data end %s; the last known capital stands in)", power.CapitalsEnd(w.Capitals))
	}
	return power.Point{Lat: c.Lat, Lon: c.Lng}, &balanceAtJSON{Name: c.Name, Lat: c.Lat, Lon: c.Lng, From: from, Formula: lsgFormula, home: st.Code}, nil
}

// worldWithout is w without treaty id and the ATOP alliance it supersedes,
// frozen anew. w itself is not changed.
func worldWithout(w *world.World, id string) (*world.World, error) {
	t, ok := w.Treaty(id)
	if !ok {
		return nil, badInputf("unknown treaty %q (casus treaty list shows the ids)", id)
	}
	w2 := *w
	w2.Treaties = nil
	for _, x := range w.Treaties {
		if x.ID == t.ID || x.SupersededBy == t.ID {
			continue
		}
		w2.Treaties = append(w2.Treaties, x)
	}
	w2.Freeze()
	return &w2, nil
}

func ptrNum(v float64) *float64 {
	if math.IsNaN(v) {
		return nil
	}
	return &v
}

func stateLabel(w *world.World, code int) (abb, name string) {
	if s, ok := w.State(code); ok {
		return s.Abb, s.Name
	}
	return strconv.Itoa(code), ""
}

func balanceToJSON(w *world.World, b power.CoalitionBalance, label, date string) balanceJSON {
	out := balanceJSON{Label: label, Date: date, Year: b.Year, Release: b.Version, DataYear: b.DataYear, Note: b.Note(), Ratio: ptrNum(b.Ratio)}
	if b.At != nil {
		out.DiscountedRatio = ptrNum(b.DiscountedRatio)
		out.MilesPerDay = ptrNum(b.MilesPerDay)
	}
	for i, s := range []power.Side{b.A, b.B} {
		sj := balanceSideJSON{CINC: ptrNum(s.CINC), Components: map[string]*float64{}, Missing: map[string][]string{}}
		if b.At != nil {
			sj.CINCDiscounted = ptrNum(s.DiscountedCINC)
		}
		abbs := func(cs []int) []string {
			var out []string
			for _, c := range cs {
				a, _ := stateLabel(w, c)
				out = append(out, a)
			}
			return out
		}
		for k, n := range world.ComponentNames {
			sj.Components[n] = ptrNum(s.Components[k])
			if len(s.MissingComponents[k]) > 0 {
				sj.Missing[n] = abbs(s.MissingComponents[k])
			}
		}
		if len(s.Missing) > 0 {
			sj.Missing["cinc"] = abbs(s.Missing)
		}
		if len(s.NoCapital) > 0 {
			sj.Missing["capital"] = abbs(s.NoCapital)
		}
		if len(sj.Missing) == 0 {
			sj.Missing = nil
		}
		for _, mb := range s.Members {
			abb, name := stateLabel(w, mb.Code)
			mj := balanceMemberJSON{Code: mb.Code, Abb: abb, Name: name, CINC: ptrNum(mb.CINC), Components: map[string]*float64{}}
			for k, n := range world.ComponentNames {
				mj.Components[n] = ptrNum(mb.Components[k])
			}
			if b.At != nil {
				mj.Capital, mj.CapitalStoodIn, mj.Miles, mj.CINCDiscounted = mb.Capital, mb.CapitalStoodIn, ptrNum(mb.Miles), ptrNum(mb.Discounted)
				mj.Contiguous = mb.Contiguous
			}
			sj.Members = append(sj.Members, mj)
		}
		out.Sides[i] = sj
	}
	return out
}

// balanceNotes names the release, the years that stood in, and the
// capitals' end when a capital stood in.
func balanceNotes(w *world.World, caps *world.Capabilities, bals []power.CoalitionBalance) []string {
	notes := []string{fmt.Sprintf("Source: COW National Material Capabilities v%s (%s), CINC recomputed from the six components; capitals: peacesciencer cow_capitals.", caps.Version, filepath.Base(caps.Dataset.File))}
	stood := map[int][]int{}
	var before []int
	capStood := false
	// A member with no row in the data year is left out of its side's sums;
	// say whom and when, or a table of "missing" cells is left unexplained.
	absent := map[int][]int{}
	for _, b := range bals {
		if b.DataYear != 0 {
			for _, s := range []power.Side{b.A, b.B} {
				for _, c := range s.Missing {
					if ys := absent[c]; len(ys) == 0 || ys[len(ys)-1] != b.DataYear {
						absent[c] = append(ys, b.DataYear)
					}
				}
			}
		}
		switch {
		case b.DataYear == 0:
			before = append(before, b.Year)
		case b.DataYear < b.Year:
			stood[b.DataYear] = append(stood[b.DataYear], b.Year)
		}
		for _, s := range []power.Side{b.A, b.B} {
			for _, mb := range s.Members {
				capStood = capStood || mb.CapitalStoodIn
			}
		}
	}
	for dy, ys := range stood {
		notes = append(notes, fmt.Sprintf("NMC %s ends in %d: capabilities of %d stand in for %s.", caps.Version, dy, dy, yearList(ys)))
	}
	if len(before) > 0 {
		notes = append(notes, fmt.Sprintf("NMC %s starts in %d: no capabilities for %s (missing, not 0).", caps.Version, caps.First, yearList(before)))
	}
	codes := make([]int, 0, len(absent))
	for c := range absent {
		codes = append(codes, c)
	}
	sort.Ints(codes)
	for _, c := range codes {
		st, ok := w.State(c)
		if !ok {
			notes = append(notes, fmt.Sprintf("%d has no CINC in NMC %s for %s: left out of its side's sums, not counted as 0.", c, caps.Version, yearRanges(absent[c])))
			continue
		}
		// NMC has a row for every system member in every year of its
		// membership: a state missing from it before (or between) its
		// spells was not a member, which is the answer the reader wants,
		// not "missing".
		var out, in []int
		for _, y := range absent[c] {
			if st.MemberInYear(y) {
				in = append(in, y)
			} else {
				out = append(out, y)
			}
		}
		if len(out) > 0 {
			notes = append(notes, fmt.Sprintf("%s was not a member of the state system in %s (COW system membership: %s): no CINC in NMC %s, left out of its side's sums, not counted as 0.", st.Label(), yearRanges(out), membershipText(st), caps.Version))
		}
		if len(in) > 0 {
			notes = append(notes, fmt.Sprintf("%s has no CINC in NMC %s for %s although a system member then (no row): left out of its side's sums, not counted as 0.", st.Label(), caps.Version, yearRanges(in)))
		}
	}
	if capStood {
		notes = append(notes, fmt.Sprintf("Capitals data end %s: each state's last known capital stands in after it.", power.CapitalsEnd(w.Capitals)))
	}
	contig, contigStood := false, false
	for _, b := range bals {
		contig = contig || b.ContiguityRule
		contigStood = contigStood || b.ContiguityStoodIn
	}
	if contig {
		notes = append(notes, "Distance: EUGene's \"capitals + contiguity\" rule: the --at state and every state with a land border to it (COW Direct Contiguity v3.2, type 1) count as 0 miles away.")
	}
	if contigStood {
		end := power.ContiguityEnd(w.Contiguity)
		notes = append(notes, fmt.Sprintf("COW contiguity data end %d-%02d: the land borders of that month stand in after it.", end/100, end%100))
	}
	return notes
}

// yearRanges writes sorted years as runs: "1816–1947, 1990".
func yearRanges(ys []int) string {
	var parts []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		if j == i {
			parts = append(parts, strconv.Itoa(ys[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%d–%d", ys[i], ys[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

func yearList(ys []int) string {
	if len(ys) == 1 || ys[0] == ys[len(ys)-1] {
		return strconv.Itoa(ys[0])
	}
	return fmt.Sprintf("%d–%d", ys[0], ys[len(ys)-1])
}

func fmtP(p *float64, prec int) string {
	if p == nil {
		return "missing"
	}
	if v := *p; v != 0 && math.Abs(v) < 0.5*math.Pow(10, -float64(prec)) {
		// A tiny share is not zero: say how small.
		return strconv.FormatFloat(v, 'e', 1, 64)
	}
	return strconv.FormatFloat(*p, 'f', prec, 64)
}

// fmtQty prints a component with thousands separators (NMC units are
// thousands already).
func fmtQty(p *float64) string {
	if p == nil {
		return "missing"
	}
	s := strconv.FormatFloat(math.Round(*p), 'f', 0, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func writeBalance(m *Main, format string, rep *balanceReportJSON) error {
	if format == "json" {
		return output.WriteJSON(m.Stdout, rep)
	}
	disc := rep.At != nil
	if format == "text" {
		out := m.Stdout
		if disc {
			fmt.Fprintf(out, "at %s (%.2f, %.2f), %s; loss-of-strength gradient %s, %.0f miles/day (%s)\n",
				rep.At.Name, rep.At.Lat, rep.At.Lon, rep.At.From, lsgFormula, rep.At.MilesPerDay, power.MilesPerDayRule)
		}
		for _, b := range rep.Balances {
			head := "Balance"
			if b.Label != "" {
				head += " — " + b.Label
			}
			fmt.Fprintf(out, "\n%s, %s (%s)\n", head, b.Date, b.Note)
			t := memberTable(b, disc)
			t.Write(out, "text")
		}
		if len(rep.Balances) > 1 || disc {
			fmt.Fprintln(out)
			summaryTable(rep).Write(out, "text")
		}
		fmt.Fprintln(out, "\nunits: milex thousands of current US$ (£ before 1914); milper thousands; irst thousands of tons; pec thousands of coal-ton equivalents; tpop, upop thousands; miles statute, from the capital, 69.16 per degree of great-circle arc, rounded (EUGene)")
		for _, n := range rep.Notes {
			fmt.Fprintln(out, n)
		}
		return nil
	}
	if format == "md" {
		out := m.Stdout
		for _, b := range rep.Balances {
			head := "Balance"
			if b.Label != "" {
				head += " — " + b.Label
			}
			fmt.Fprintf(out, "### %s, %s\n\n%s.\n\n", head, b.Date, b.Note)
			memberTable(b, disc).Write(out, "md")
			fmt.Fprintln(out)
		}
		summaryTable(rep).Write(out, "md")
		fmt.Fprintln(out)
		for _, n := range rep.Notes {
			fmt.Fprintln(out, n)
		}
		return nil
	}
	// csv: one row per member, side and ratio of every balance.
	cols := []string{"balance", "date", "data_year", "row", "side", "ccode", "stateabb", "name", "capital", "miles", "cinc", "cinc_discounted"}
	cols = append(cols, world.ComponentNames[:]...)
	t := &output.Table{Columns: cols}
	for _, b := range rep.Balances {
		dy := strconv.Itoa(b.DataYear)
		for i, s := range b.Sides {
			for _, mb := range s.Members {
				r := []string{b.Label, b.Date, dy, "member", strconv.Itoa(i + 1), strconv.Itoa(mb.Code), mb.Abb, mb.Name, mb.Capital, csvNum(mb.Miles, 1), csvNum(mb.CINC, 8), csvNum(mb.CINCDiscounted, 8)}
				for _, n := range world.ComponentNames {
					r = append(r, csvNum(mb.Components[n], -1))
				}
				t.Add(r...)
			}
			r := []string{b.Label, b.Date, dy, "side", strconv.Itoa(i + 1), "", "", "", "", "", csvNum(s.CINC, 8), csvNum(s.CINCDiscounted, 8)}
			for _, n := range world.ComponentNames {
				r = append(r, csvNum(s.Components[n], -1))
			}
			t.Add(r...)
		}
		r := []string{b.Label, b.Date, dy, "ratio", "1/2", "", "", "", "", "", csvNum(b.Ratio, 8), csvNum(b.DiscountedRatio, 8)}
		r = append(r, make([]string, 6)...)
		t.Add(r...)
	}
	return t.Write(m.Stdout, "csv")
}

func csvNum(p *float64, prec int) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', prec, 64)
}

func memberTable(b balanceJSON, disc bool) *output.Table {
	cols := []string{"side", "state"}
	if disc {
		cols = append(cols, "capital", "miles")
	}
	cols = append(cols, "CINC")
	if disc {
		cols = append(cols, "CINC at place")
	}
	cols = append(cols, "milex", "milper", "irst", "pec", "tpop", "upop")
	t := &output.Table{Columns: cols}
	for i, s := range b.Sides {
		for _, mb := range s.Members {
			r := []string{strconv.Itoa(i + 1), mb.Abb + " " + mb.Name}
			if disc {
				capName := mb.Capital
				if mb.CapitalStoodIn {
					capName += "*"
				}
				miles := fmtQty(mb.Miles)
				if mb.Contiguous {
					miles += " (land border)"
				}
				r = append(r, capName, miles)
			}
			r = append(r, fmtP(mb.CINC, 4))
			if disc {
				r = append(r, fmtP(mb.CINCDiscounted, 4))
			}
			for _, n := range world.ComponentNames {
				r = append(r, fmtQty(mb.Components[n]))
			}
			t.Add(r...)
		}
		name := fmt.Sprintf("side %d total", i+1)
		r := []string{strconv.Itoa(i + 1), name}
		if disc {
			r = append(r, "", "")
		}
		r = append(r, fmtP(s.CINC, 4))
		if disc {
			r = append(r, fmtP(s.CINCDiscounted, 4))
		}
		for _, n := range world.ComponentNames {
			v := fmtQty(s.Components[n])
			if len(s.Missing[n]) > 0 {
				v += " (w/o " + strings.Join(s.Missing[n], ",") + ")"
			}
			r = append(r, v)
		}
		t.Add(r...)
	}
	return t
}

// summaryTable puts the balances side by side: members, CINC sums, the raw
// and the discounted ratio.
func summaryTable(rep *balanceReportJSON) *output.Table {
	cols := []string{""}
	for _, b := range rep.Balances {
		l := b.Label
		if l == "" {
			l = b.Date
		}
		cols = append(cols, l)
	}
	t := &output.Table{Columns: cols}
	row := func(name string, f func(b balanceJSON) string) {
		r := []string{name}
		for _, b := range rep.Balances {
			r = append(r, f(b))
		}
		t.Add(r...)
	}
	for i := 0; i < 2; i++ {
		row(fmt.Sprintf("side %d", i+1), func(b balanceJSON) string {
			var abbs []string
			for _, mb := range b.Sides[i].Members {
				abbs = append(abbs, mb.Abb)
			}
			return strings.Join(abbs, ", ")
		})
	}
	row("side 1 CINC", func(b balanceJSON) string { return fmtP(b.Sides[0].CINC, 4) })
	row("side 2 CINC", func(b balanceJSON) string { return fmtP(b.Sides[1].CINC, 4) })
	row("ratio 1/2, raw", func(b balanceJSON) string { return fmtP(b.Ratio, 3) })
	if rep.At != nil {
		at := " at " + rep.At.Name
		row("side 1 CINC"+at, func(b balanceJSON) string { return fmtP(b.Sides[0].CINCDiscounted, 4) })
		row("side 2 CINC"+at, func(b balanceJSON) string { return fmtP(b.Sides[1].CINCDiscounted, 4) })
		row("ratio 1/2"+at, func(b balanceJSON) string { return fmtP(b.DiscountedRatio, 3) })
	}
	return t
}

func writeBalanceSeries(m *Main, format string, rep *balanceReportJSON) error {
	if format == "json" {
		return output.WriteJSON(m.Stdout, rep)
	}
	cols := []string{"year", "data_year", "side1_cinc", "side2_cinc", "ratio"}
	if rep.At != nil {
		cols = append(cols, "side1_cinc_at", "side2_cinc_at", "ratio_at")
	}
	t := &output.Table{Columns: cols, Types: map[string]string{}}
	for _, c := range cols {
		t.Types[c] = "number"
	}
	for _, b := range rep.Balances {
		dy := ""
		if b.DataYear != 0 {
			dy = strconv.Itoa(b.DataYear)
		}
		r := []string{strconv.Itoa(b.Year), dy, csvNum(b.Sides[0].CINC, 6), csvNum(b.Sides[1].CINC, 6), csvNum(b.Ratio, 4)}
		if rep.At != nil {
			r = append(r, csvNum(b.Sides[0].CINCDiscounted, 6), csvNum(b.Sides[1].CINCDiscounted, 6), csvNum(b.DiscountedRatio, 4))
		}
		t.Add(r...)
	}
	if format == "text" || format == "md" {
		var abbs [2][]string
		if len(rep.Balances) > 0 {
			for i, s := range rep.Balances[0].Sides {
				for _, mb := range s.Members {
					abbs[i] = append(abbs[i], mb.Abb+" "+mb.Name)
				}
			}
		}
		t.Notes = append(t.Notes, "side 1: "+strings.Join(abbs[0], ", ")+"; side 2: "+strings.Join(abbs[1], ", ")+"; CINC is a share of the system's capabilities (0–1); a blank is missing, not 0.")
		if rep.At != nil {
			t.Notes = append(t.Notes, fmt.Sprintf("*_at columns: discounted to %s (%s) with %s, %s.", rep.At.Name, rep.At.From, lsgFormula, power.MilesPerDayRule))
		}
		t.Notes = append(t.Notes, rep.Notes...)
	}
	return t.Write(m.Stdout, format)
}

// membershipText writes a state's system-membership spells, "1948-09-09
// on" for one that runs to the end of the data and beyond.
func membershipText(st *world.State) string {
	var parts []string
	for i, sp := range st.Spells {
		if i == len(st.Spells)-1 && st.OpenEnded {
			parts = append(parts, sp.Start.String()+" on")
			continue
		}
		parts = append(parts, sp.Start.String()+" to "+sp.End.String())
	}
	return strings.Join(parts, ", ")
}
