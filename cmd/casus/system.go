package main

import (
	"context"
	"flag"
	"fmt"
	"image/color"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/power"
	"github.com/casus-dev/casus/report"
	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/world"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

func init() {
	register(&command{
		Name:    "system",
		Summary: "great-power system: majors, CINC shares, concentration (CON), poles, polarity, blocs",
		Usage: `Usage: casus system [--year Y | --years A-B] [--nmc 6.0|7.0] [--carry-forward] [--blocs [--on DATE]] [--plot FILE.svg|FILE.png] [--format text|json|csv|md]

With --year, lists the COW major powers of year Y with their CINC (recomputed
from the NMC components) and their share of the majors' capability, then the
concentration CON (Singer, Bremer & Stuckey 1972), the effective number of
poles (1/Σ share²) and the polarity label (see package power). --blocs adds
the defense-pact blocs of the year (ATOP 5.1): connected components and
maximal cliques with their share of the system's capability (CSV then holds
the blocs table only).

With --years A-B (default: every year of the NMC release), prints one row per
year. --plot writes a figure of CON, the effective number of poles and the
majors' CINC over those years instead (SVG or PNG by the file extension).

--blocs --on DATE builds the network of one day instead, from the treaties
in force that day (registry, ATOP import, --treaties files): a year's ATOP
network joins pacts that never overlapped, a day's does not. --pledges
chooses the obligation kinds that tie states (default defense;
defense,consultation shows the Triple Entente of 1914). Each bloc
lists the treaties that tie it; after 2018 the ATOP alliances it rests on
only by assumption (in force at ATOP's end, no source ends them) are named.

The polarity label is printed with its rule and caveat: unipolar if the
leading major holds ≥ 50% of the majors' CINC (and more than the second),
bipolar if the top two each hold ≥ 25% and together ≥ 50%, multipolar
otherwise (see package power for the sources and limits).

A state counts as a major in a year if it is one on any day of it
(majors2016). Majors data end in 2016; NMC 7.0 runs to 2022. --year Y after
2016 carries 2016's majors forward to Y's capabilities and says so in every
format (majors_from in JSON and CSV, a note in text): a question about 2020
deserves an answer, and an empty table is none, but the majors list is an
assumption, so it is flagged, never silent. --carry-forward=false gives the
strict answer (majors, CON and polarity missing). --years leaves later years
empty unless --carry-forward is given, since a series that changes its
basis part-way should be asked for.

Examples:
  casus system --year 1914
  casus system --years 1816-2016 --format csv
  casus system --years 1816-2016 --plot con.svg
`,
		Run: runSystem,
	})
}

type systemOpts struct {
	year       int
	from, to   int
	series     bool
	nmc        string
	blocs      bool
	plot       string
	format     string
	yearsGiven bool
	carry      bool
	kinds      []world.Kind
}

func runSystem(ctx context.Context, m *Main, args []string) error {
	f := newFlags(m, commands["system"]).withData().withFormat()
	var o systemOpts
	year := f.Int("year", 0, "the year to describe")
	years := f.String("years", "", "a span of years A-B, one row per year (default: the release's years)")
	f.StringVar(&o.nmc, "nmc", "", "NMC release: 6.0 or 7.0 (default the newest)")
	f.BoolVar(&o.blocs, "blocs", false, "with --year: list the alliance blocs of the year")
	on := f.String("on", "", "with --blocs: the blocs of this day (YYYY-MM-DD) from the treaties in force that day")
	pledges := f.String("pledges", "defense", "with --on: the obligation kinds that tie a bloc, comma-separated (defense, offense, neutrality, nonaggression, consultation)")
	carry := f.Bool("carry-forward", false, "after 2016 (the majors data end), use 2016's majors with the year's capabilities, flagged (default: on for --year, off for --years)")
	f.StringVar(&o.plot, "plot", "", "write a figure of the series to FILE.svg or FILE.png")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	o.format = f.format
	if len(pos) > 0 {
		return &UsageError{Msg: fmt.Sprintf("unexpected argument %q", pos[0]), Hint: "casus system -h"}
	}
	yearSet, carrySet := false, false
	f.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "year":
			yearSet = true
		case "carry-forward":
			carrySet = true
		}
	})
	var day world.Date
	if *on != "" {
		if !o.blocs {
			return &UsageError{Msg: "--on goes with --blocs (the blocs of one day)"}
		}
		if day, err = world.ParseDate(*on); err != nil {
			return &UsageError{Msg: "--on: " + err.Error()}
		}
		if yearSet && *year != day.Year() {
			return &UsageError{Msg: fmt.Sprintf("--on %s is not in --year %d: give one of them", day, *year)}
		}
		if !yearSet && *years == "" {
			yearSet, *year = true, day.Year()
		}
	}
	o.carry = *carry || (!carrySet && yearSet)
	for _, k := range strings.Split(*pledges, ",") {
		k = strings.TrimSpace(k)
		if !report.ValidKind(k) {
			return &UsageError{Msg: fmt.Sprintf("--pledges: want kinds among %s, got %q", report.KindNames(), k)}
		}
		o.kinds = append(o.kinds, world.Kind(k))
	}
	if yearSet && *years != "" {
		return &UsageError{Msg: "give --year or --years, not both"}
	}
	if yearSet {
		o.year = *year
	} else {
		o.series = true
		if *years != "" {
			o.from, o.to, err = sysParseYears(*years)
			if err != nil {
				return err
			}
			o.yearsGiven = true
		}
	}
	if o.blocs && o.series {
		return &UsageError{Msg: "--blocs needs a single --year"}
	}
	if o.plot != "" {
		if !o.series {
			return &UsageError{Msg: "--plot draws a series: use --years A-B (or no year flag) instead of --year"}
		}
		if ext := strings.ToLower(filepath.Ext(o.plot)); ext != ".svg" && ext != ".png" {
			return &UsageError{Msg: fmt.Sprintf("--plot: want a file name ending in .svg or .png, got %q", o.plot)}
		}
	}
	if o.nmc != "" && o.nmc != "6.0" && o.nmc != "7.0" {
		return &UsageError{Msg: fmt.Sprintf("--nmc: want 6.0 or 7.0, got %q", o.nmc)}
	}

	groups := []string{source.States, source.Majors, source.NMC}
	if o.blocs {
		groups = append(groups, source.ATOP)
	}
	w, err := f.loadWorld(ctx, groups...)
	if err != nil {
		return err
	}
	caps, ok := w.Capabilities(o.nmc)
	if !ok || caps == nil || len(caps.Rows) == 0 {
		return badInputf("NMC %s is not loaded from the data directory", o.nmc)
	}
	if o.series {
		if !o.yearsGiven {
			o.from, o.to = caps.First, caps.Last
		}
		if o.to < caps.First || o.from > caps.Last {
			return badInputf("--years %d-%d: NMC %s covers %d–%d", o.from, o.to, caps.Version, caps.First, caps.Last)
		}
		series := power.Series(w, caps, o.from, o.to)
		if o.carry {
			for i := range series {
				series[i] = power.SystemCarried(w, caps, series[i].Year)
			}
		}
		if o.plot != "" {
			if err := writeSystemPlot(o.plot, w, caps, series); err != nil {
				return err
			}
			fmt.Fprintf(m.Stdout, "wrote %s: CON, effective poles and majors' CINC, %d–%d, NMC %s\n", o.plot, o.from, o.to, caps.Version)
			return nil
		}
		t := report.SystemSeriesTable(series)
		addStateKey(t, w, o.format, "majors", "top")
		return t.Write(m.Stdout, o.format)
	}
	if o.blocs && day != 0 && o.year > caps.Last {
		// The network of a day needs no capabilities of that year: the
		// blocs are shown with the release's last year (LatestYear, as
		// coalition balances do), and the majors table, which would be
		// empty, is left out.
		b := power.AllianceBlocsOn(w, caps, day, o.kinds...)
		if o.format == "json" {
			return writeSystemYear(m.Stdout, o.format, w, power.SystemCarried(w, caps, caps.Last), &b.Blocs, &b)
		}
		bt := sysBlocsTable(w, b.Blocs, &b)
		bt.Notes = append(bt.Notes, fmt.Sprintf("NMC %s ends in %d: the capabilities are %d's; the great-power table of %d is not shown (casus system --year %d has the last one).", caps.Version, caps.Last, b.DataYear, o.year, caps.Last))
		addStateKey(bt, w, o.format, "members")
		return bt.Write(m.Stdout, o.format)
	}
	if o.year < caps.First || o.year > caps.Last {
		return badInputf("--year %d: NMC %s covers %d–%d (use --nmc to pick another release)", o.year, caps.Version, caps.First, caps.Last)
	}
	sy := power.System(w, caps, o.year)
	if o.carry {
		sy = power.SystemCarried(w, caps, o.year)
	}
	var bl *power.Blocs
	var db *power.DayBlocs
	switch {
	case o.blocs && day != 0:
		b := power.AllianceBlocsOn(w, caps, day, o.kinds...)
		db, bl = &b, &b.Blocs
	case o.blocs:
		b := power.AllianceBlocs(w, caps, o.year)
		bl = &b
	}
	return writeSystemYear(m.Stdout, o.format, w, sy, bl, db)
}

// sysParseYears reads "A-B" (or a single year "A").
func sysParseYears(s string) (int, int, error) {
	bad := &UsageError{Msg: fmt.Sprintf("--years: want A-B with A ≤ B (e.g. 1816-2016), got %q", s)}
	a, b, found := strings.Cut(s, "-")
	if !found {
		b = a
	}
	from, err1 := strconv.Atoi(strings.TrimSpace(a))
	to, err2 := strconv.Atoi(strings.TrimSpace(b))
	if err1 != nil || err2 != nil || from > to {
		return 0, 0, bad
	}
	return from, to, nil
}

func writeSystemYear(out io.Writer, format string, w *world.World, sy power.SystemYear, bl *power.Blocs, db *power.DayBlocs) error {
	if format == "json" {
		return output.WriteJSON(out, report.NewSystemYear(w, sy, bl, db))
	}

	if bl != nil && format == "csv" {
		return sysBlocsTable(w, *bl, db).Write(out, format)
	}
	t := &output.Table{Columns: []string{"rank", "stateabb", "ccode", "name", "cinc", "share"}}
	if format == "csv" {
		t.Columns = append([]string{"year", "nmc"}, t.Columns...)
		t.Columns = append(t.Columns, "con", "poles", "polarity")
	}
	for i, m := range sy.Majors {
		name := ""
		if s, ok := w.State(m.Code); ok {
			name = s.Name
		}
		row := []string{strconv.Itoa(i + 1), m.Abb, strconv.Itoa(m.Code), name, report.NumText(m.CINC, 4), report.NumText(m.Share, 4)}
		if format == "csv" {
			row = append([]string{strconv.Itoa(sy.Year), sy.Version}, row...)
			row = append(row, report.NumText(sy.CON, 4), report.NumText(sy.Poles, 3), string(sy.Polarity))
		}
		t.Add(row...)
	}
	if format == "csv" {
		t.Columns = append(t.Columns, "majors_from")
		for i := range t.Rows {
			t.Rows[i] = append(t.Rows[i], strconv.Itoa(sy.MajorsFrom))
		}
	}
	if a := report.CarriedText(sy); a != "" {
		t.Notes = append(t.Notes, "ASSUMPTION: "+a+".")
	}
	switch {
	case !sy.MajorsKnown:
		t.Notes = append(t.Notes, fmt.Sprintf("%d: the COW major-power data end in 2016; majors, CON and polarity are unknown (--carry-forward uses 2016's majors, flagged).", sy.Year))
	default:
		t.Notes = append(t.Notes, fmt.Sprintf("%d (NMC %s): %d major powers, CON %s, effective poles %s, %s.",
			sy.Year, sy.Version, len(sy.Majors), report.NumText(sy.CON, 4), report.NumText(sy.Poles, 2), sysOrMissing(string(sy.Polarity))))
		if sy.Polarity != power.NoPolarity {
			t.Notes = append(t.Notes, "polarity rule: "+power.PolarityRule+".", "Caveat: "+power.PolarityCaveat+".")
		}
	}
	t.Notes = append(t.Notes, fmt.Sprintf("System CINC sums to %s over %d states (NMC averages over reported components, so not exactly 1); share = CINC / majors' CINC.",
		report.NumText(sy.SystemCINC, 4), sy.States))
	if err := t.Write(out, format); err != nil {
		return err
	}
	if bl != nil {
		fmt.Fprintln(out)
		bt := sysBlocsTable(w, *bl, db)
		addStateKey(bt, w, format, "members")
		return bt.Write(out, format)
	}
	return nil
}

func sysOrMissing(s string) string {
	if s == "" {
		return "polarity missing"
	}
	return s
}

func sysBlocsTable(w *world.World, bl power.Blocs, db *power.DayBlocs) *output.Table {
	if db != nil {
		t := &output.Table{Columns: []string{"date", "kind", "size", "members", "cinc", "share", "treaties"}}
		for i, b := range bl.Components {
			t.Add(db.Date.String(), "component", strconv.Itoa(len(b.Members)), strings.Join(report.Abbs(w, b.Members), " "), report.NumText(b.CINC, 4), report.NumText(b.Share, 4), strings.Join(db.Ties[i], " "))
		}
		for _, b := range bl.Cliques {
			t.Add(db.Date.String(), "clique", strconv.Itoa(len(b.Members)), strings.Join(report.Abbs(w, b.Members), " "), report.NumText(b.CINC, 4), report.NumText(b.Share, 4), "")
		}
		var ks []string
		for _, k := range db.Kinds {
			ks = append(ks, string(k))
		}
		t.Notes = append(t.Notes, fmt.Sprintf("Blocs of %s: %s pledges of the treaties in force that day (registry, ATOP 5.1 import, --treaties files; an ATOP import a registry treaty supersedes counts once, as the registry treaty), either direction, system members; capabilities NMC %s %d; share of the system's CINC.",
			db.Date, strings.Join(ks, ", "), bl.Version, bl.DataYear))
		if len(db.Kinds) == 1 && db.Kinds[0] == world.Defense {
			t.Notes = append(t.Notes, "Other pledges do not tie a bloc (the Entente's British pledges of 1904–1912 were consultation): --pledges defense,consultation adds them.")
		}
		if len(db.Assumed) > 0 {
			t.Notes = append(t.Notes, fmt.Sprintf("ASSUMPTION: ATOP 5.1 ends on 2018-12-31; these ATOP alliances tie blocs only because nothing in casus ends them: %s.", strings.Join(db.Assumed, " ")))
		}
		return t
	}
	t := &output.Table{Columns: []string{"year", "kind", "size", "members", "cinc", "share"}}
	add := func(kind string, bs []power.Bloc) {
		for _, b := range bs {
			t.Add(strconv.Itoa(bl.Year), kind, strconv.Itoa(len(b.Members)), strings.Join(report.Abbs(w, b.Members), " "), report.NumText(b.CINC, 4), report.NumText(b.Share, 4))
		}
	}
	add("component", bl.Components)
	add("clique", bl.Cliques)
	if !bl.Covered {
		t.Notes = append(t.Notes, fmt.Sprintf("%d: outside ATOP 5.1's years (1815–2018); blocs unknown.", bl.Year))
	} else {
		t.Notes = append(t.Notes, fmt.Sprintf("Blocs: defense pacts of ATOP 5.1 in %d (either direction, system members); capabilities NMC %s %d; share of the system's CINC.",
			bl.Year, bl.Version, bl.DataYear))
	}
	return t
}

// Figure layout, in points: a researcher's figure of three aligned panels
// sharing the year axis, legends in a right margin (nine majors would cover
// the lines inside a panel), and the source line under the panels.
const (
	sysFigW    = 7 * vg.Inch
	sysFigH    = 8.5 * vg.Inch
	sysLegendW = 1.15 * vg.Inch
	sysSourceH = 0.6 * vg.Inch
)

func writeSystemPlot(path string, w *world.World, caps *world.Capabilities, series []power.SystemYear) error {
	first, last := series[0].Year, series[len(series)-1].Year
	// Keep the x axis to the years with a CON: after 2016 only capabilities
	// exist, and an empty stretch reads as "no concentration".
	for i := len(series) - 1; i > 0 && math.IsNaN(series[i].CON); i-- {
		last = series[i-1].Year
	}

	con := plot.New()
	con.Title.Text = fmt.Sprintf("Capability concentration among the COW major powers, %d–%d", first, last)
	con.Y.Label.Text = "CON"
	// CON's range is 0–1, but the observed series stays under 0.6: a
	// 0-based axis up to the next tenth above the peak keeps its movement
	// visible without exaggerating it.
	con.Y.Min, con.Y.Max = 0, 0.1
	for _, sy := range series {
		if !math.IsNaN(sy.CON) {
			con.Y.Max = math.Max(con.Y.Max, math.Ceil((sy.CON+0.02)*10)/10)
		}
	}
	poles := plot.New()
	poles.Y.Label.Text = "Number of poles"
	cinc := plot.New()
	cinc.Y.Label.Text = "CINC (share of world capabilities)"
	cinc.X.Label.Text = "Year"
	for _, p := range []*plot.Plot{con, poles, cinc} {
		p.X.Min, p.X.Max = float64(first), float64(last)
		p.X.Tick.Marker = sysYearTicks{}
		p.Add(plotter.NewGrid())
	}

	conLegend := plot.NewLegend()
	sysAddSeries(con, &conLegend, "CON", series, func(sy power.SystemYear) float64 { return sy.CON }, color.Black, nil)

	polesLegend := plot.NewLegend()
	sysAddSeries(poles, &polesLegend, "effective", series, func(sy power.SystemYear) float64 { return sy.Poles }, color.RGBA{R: 0x1f, G: 0x4e, B: 0x9a, A: 0xff}, nil)
	sysAddSeries(poles, &polesLegend, "COW majors", series, func(sy power.SystemYear) float64 {
		if !sy.MajorsKnown {
			return math.NaN()
		}
		return float64(len(sy.Majors))
	}, color.Gray{Y: 0x70}, []vg.Length{vg.Points(4), vg.Points(3)})
	poles.Y.Min = 0

	// One line per state while it is a major, ordered by its peak CINC.
	peak := map[int]float64{}
	for _, sy := range series {
		for _, m := range sy.Majors {
			if !math.IsNaN(m.CINC) && m.CINC > peak[m.Code] {
				peak[m.Code] = m.CINC
			}
		}
	}
	codes := make([]int, 0, len(peak))
	for c := range peak {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool { return peak[codes[i]] > peak[codes[j]] })
	cincLegend := plot.NewLegend()
	for i, code := range codes {
		code := code
		sysAddSeries(cinc, &cincLegend, report.Abb(w, code), series, func(sy power.SystemYear) float64 {
			for _, m := range sy.Majors {
				if m.Code == code {
					return m.CINC
				}
			}
			return math.NaN()
		}, plotutil.Color(i), plotutil.Dashes(i/len(plotutil.DefaultColors)))
	}
	cinc.Y.Min, cinc.Y.Max = 0, 0.1
	for _, v := range peak {
		cinc.Y.Max = math.Max(cinc.Y.Max, math.Ceil((v+0.02)*10)/10)
	}

	c := newFigureCanvas(path, sysFigW, sysFigH)
	dc := draw.New(c)
	plots := draw.Crop(dc, 0, -sysLegendW, sysSourceH, 0)
	tiles := plot.Align([][]*plot.Plot{{con}, {poles}, {cinc}}, draw.Tiles{
		Rows: 3, Cols: 1, PadTop: vg.Points(6), PadBottom: vg.Points(4), PadLeft: vg.Points(4), PadRight: vg.Points(8), PadY: vg.Points(10),
	}, plots)
	legends := []plot.Legend{conLegend, polesLegend, cincLegend}
	for i, p := range []*plot.Plot{con, poles, cinc} {
		p.Draw(tiles[i][0])
		l := legends[i]
		l.Top, l.Left = true, true
		l.TextStyle.Font.Size = vg.Points(9)
		margin := draw.Canvas{Canvas: dc.Canvas, Rectangle: vg.Rectangle{
			Min: vg.Point{X: dc.Max.X - sysLegendW + vg.Points(4), Y: tiles[i][0].Min.Y},
			Max: vg.Point{X: dc.Max.X, Y: tiles[i][0].Max.Y - vg.Points(24)},
		}}
		l.Draw(margin)
	}

	drawSourceLines(dc, sysSourceH, []string{
		fmt.Sprintf("Source: COW National Material Capabilities v%s (%s), CINC recomputed from its six components;", caps.Version, filepath.Base(caps.Dataset.File)),
		"major powers: COW majors2016 (a major on any day of the year). CON = sqrt((Σs² − 1/N)/(1 − 1/N)), s = a major's share",
		"of the majors' CINC, N = number of majors (Singer, Bremer & Stuckey 1972); effective poles = 1/Σs². Figure: casus system.",
	})
	return writeFigure(c, path)
}

// sysAddSeries draws value over the years as one line per run of non-missing
// years (gonum's line plotter rejects NaN, and a gap must stay a gap).
func sysAddSeries(p *plot.Plot, l *plot.Legend, label string, series []power.SystemYear, value func(power.SystemYear) float64, col color.Color, dashes []vg.Length) {
	var runs []plotter.XYs
	var cur plotter.XYs
	for _, sy := range series {
		v := value(sy)
		if math.IsNaN(v) {
			if len(cur) > 0 {
				runs = append(runs, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, plotter.XY{X: float64(sy.Year), Y: v})
	}
	if len(cur) > 0 {
		runs = append(runs, cur)
	}
	var first *plotter.Line
	for _, r := range runs {
		var line *plotter.Line
		var err error
		if len(r) == 1 {
			// A single year still shows, as a short tick.
			r = append(r, plotter.XY{X: r[0].X + 0.5, Y: r[0].Y})
		}
		line, err = plotter.NewLine(r)
		if err != nil {
			continue
		}
		line.Color = col
		line.Width = vg.Points(1.2)
		line.Dashes = dashes
		p.Add(line)
		if first == nil {
			first = line
		}
	}
	if first != nil {
		l.Add(label, first)
	}
}

// sysYearTicks labels every 20th year and marks every 5th: gonum's default
// labels only three years over two centuries.
type sysYearTicks struct{}

func (sysYearTicks) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	for y := math.Ceil(min/5) * 5; y <= max; y += 5 {
		t := plot.Tick{Value: y}
		if int(y)%20 == 0 {
			t.Label = strconv.Itoa(int(y))
		}
		ts = append(ts, t)
	}
	return ts
}
