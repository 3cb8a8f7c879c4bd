package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"image/color"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/obligation"
	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/reliability"
	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/world"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

func init() {
	register(&command{
		Name:    "reliability",
		Summary: "alliance reliability: obligations invoked in COW wars vs. what the allies did",
		Usage: `Usage: casus reliability [--years A-B] [--attacked initiator|defenders|all|dyadic]
                        [--open-met] [--window war|DAYS] [--already-at-war]
                        [--kinds defense,offense,neutrality,nonaggression]
                        [--format text|json|csv|md] [--plot FILE.svg|FILE.png]

For every COW inter-state war (v4.0) and every participant that was
attacked, builds the attack as a scenario on that day, runs the obligations
engine on the treaties in force (ATOP 5.1, the registry where it supersedes
an ATOP record), and compares every invoked obligation with what the
obligor did according to the war's participant list: joined the ally's side
(honours defence and offence), stayed out (honours neutrality and
non-aggression, breaks defence), fought on the other side or attacked the
ally (breaks it). Binding obligations give the headline share; contingent
ones (an open condition) are counted apart; consultation is listed, not
scored. The share is printed beside Leeds, Long & Mitchell (2000), 74.5 %
for 1816–1944. Package reliability's documentation states every rule.

Coding choices (each is named in the output):
  --years A-B        years of the attacks (default 1816-2007; 1816-1944
                     leaves out the wars after 1944)
  --attacked RULE    initiator: the initiators' targets on the first day
                     (default); defenders: also later entrants on their
                     side; all: also later entrants on the initiators' side;
                     dyadic: every target of a dyadic war in COW's directed
                     dyadic war data, by that dyad's initiators (an obligor
                     that began a dyadic war on its ally attacked it)
  --open-met         ATOP's location and adversary conditions that name no
                     place or state count as met (default: contingent)
  --window W         war: joining any time in the war honours (default);
                     DAYS: only within that many days of the attack
  --already-at-war   count obligors already fighting on the ally's side
                     (default: left out)
  --kinds LIST       kinds scored (default defense,offense,neutrality,
                     nonaggression; staying out honours the last two)

--format csv writes the case list (war, date, obligor, beneficiary with
names, treaty, article, status, outcome, what happened, source rows); json
the report with invoked, honoured and share at the top level, then the
breakdowns and the cases. --plot draws the honoured share by period with
its counts.

Examples:
  casus reliability --years 1816-1944
  casus reliability --format csv > cases.csv
  casus reliability --attacked defenders --window 30 --format json
  casus reliability --plot reliability.png
`,
		Run: runReliability,
	})
}

func runReliability(ctx context.Context, m *Main, args []string) error {
	f := newFlags(m, commands["reliability"]).withData().withFormat().withTreaties()
	o := reliability.Defaults()
	years := f.String("years", fmt.Sprintf("%d-%d", reliability.First, reliability.Last), "years of the attacks, A-B")
	attacked := f.String("attacked", string(o.Attacked), "who counts as attacked: initiator, defenders, all or dyadic")
	f.BoolVar(&o.OpenConditionsMet, "open-met", false, "count ATOP's unnamed location and adversary conditions as met")
	window := f.String("window", "war", "entry window: war (any time in the war) or a number of days")
	f.BoolVar(&o.CountAlreadyAtWar, "already-at-war", false, "count obligors already fighting on the ally's side")
	kinds := f.String("kinds", "defense,offense,neutrality,nonaggression", "obligation kinds to score, comma-separated")
	plotFile := f.String("plot", "", "write a figure of the share by period to FILE.svg or FILE.png")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return &UsageError{Msg: fmt.Sprintf("unexpected argument %q", pos[0]), Hint: "casus reliability -h"}
	}
	if o.From, o.To, err = sysParseYears(*years); err != nil {
		return err
	}
	o.Attacked = reliability.Attacked(*attacked)
	if *window != "war" {
		n, err := strconv.Atoi(*window)
		if err != nil || n < 1 {
			return &UsageError{Msg: fmt.Sprintf("--window: want war or a number of days ≥ 1, got %q", *window)}
		}
		o.WindowDays = n
	}
	o.Kinds = nil
	for _, k := range strings.Split(*kinds, ",") {
		if k = strings.TrimSpace(k); k != "" {
			o.Kinds = append(o.Kinds, world.Kind(k))
		}
	}
	if err := o.Check(); err != nil {
		return &UsageError{Msg: "--" + err.Error()}
	}
	if *plotFile != "" {
		if ext := strings.ToLower(filepath.Ext(*plotFile)); ext != ".svg" && ext != ".png" {
			return &UsageError{Msg: fmt.Sprintf("--plot: want a file name ending in .svg or .png, got %q", *plotFile)}
		}
	}
	o.Explain = f.format == "json"
	w, err := f.loadWorld(ctx, source.States, source.Majors, source.Wars, source.DyadicWars)
	if err != nil {
		return err
	}
	rep, err := reliability.Run(w, obligation.For(w), o)
	if err != nil {
		return err
	}
	if *plotFile != "" {
		if err := writeReliabilityPlot(*plotFile, rep, o); err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "wrote %s: honoured share by period, %d–%d\n", *plotFile, o.From, o.To)
		return nil
	}
	return writeReliability(m.Stdout, f.format, rep, o)
}

func writeReliability(out io.Writer, format string, rep *reliability.Report, o reliability.Options) error {
	switch format {
	case "json":
		return output.WriteJSON(out, rep)
	case "csv":
		cw := csv.NewWriter(out)
		if err := cw.Write(reliability.CaseColumns); err != nil {
			return err
		}
		if err := cw.WriteAll(rep.CaseRows()); err != nil {
			return err
		}
		cw.Flush()
		return cw.Error()
	}
	md := format == "md"
	head := func(s string) {
		if md {
			fmt.Fprintf(out, "\n## %s\n\n", s)
		} else {
			fmt.Fprintf(out, "\n%s\n", s)
		}
	}
	bullet := "  "
	if md {
		bullet = "- "
		fmt.Fprintf(out, "# Alliance reliability, %d–%d\n\n", o.From, o.To)
	} else {
		fmt.Fprintf(out, "Alliance reliability, %d–%d: obligations invoked by attacks in COW inter-state wars\n\n", o.From, o.To)
	}
	b := rep.Binding
	fmt.Fprintf(out, "%shonoured: %d of %d binding obligations invoked = %s\n", bullet, b.Honoured, b.Invoked, b.Percent())
	sub := bullet + "  "
	if md {
		sub = "  - "
	}
	for _, p := range rep.Published {
		fmt.Fprintf(out, "%sbeside %s, %s: %.1f %% (%s)\n", sub, p.Source, p.Years, 100*p.Share, p.Measure)
	}
	c := rep.Contingent
	fmt.Fprintf(out, "%scontingent (an open condition; counted apart, never in the share): %d of %d = %s\n", bullet, c.Honoured, c.Invoked, c.Percent())
	fmt.Fprintf(out, "%sconsultation invoked, not scored: %d; attacks evaluated: %d; obligations touched but not triggered: %d\n", bullet, rep.Consultation, rep.Scenarios, rep.NotTriggered)
	if len(rep.Excluded) > 0 {
		var parts []string
		for _, k := range sortedKeys(rep.Excluded) {
			if k == "consultation" {
				continue
			}
			parts = append(parts, fmt.Sprintf("%s %d", k, rep.Excluded[k]))
		}
		if len(parts) > 0 {
			fmt.Fprintf(out, "%sleft out: %s\n", bullet, strings.Join(parts, ", "))
		}
	}
	head("Coding choices in force")
	t := &output.Table{Columns: []string{"choice", "value", "meaning"}}
	for _, ch := range rep.Choices {
		t.Add("--"+strings.ReplaceAll(ch.Name, "_", "-"), ch.Value, ch.Meaning)
	}
	if err := t.Write(out, format); err != nil {
		return err
	}
	groups := func(title, key string, gs []reliability.Group, label bool) error {
		head(title)
		cols := []string{key}
		if label {
			cols = append(cols, "name")
		}
		cols = append(cols, "invoked", "honoured", "share", "contingent_invoked", "contingent_honoured", "contingent_share")
		t := &output.Table{Columns: cols}
		for _, g := range gs {
			row := []string{g.Key}
			if label {
				row = append(row, g.Label)
			}
			row = append(row, strconv.Itoa(g.Binding.Invoked), strconv.Itoa(g.Binding.Honoured), g.Binding.Percent(),
				strconv.Itoa(g.Contingent.Invoked), strconv.Itoa(g.Contingent.Honoured), g.Contingent.Percent())
			t.Add(row...)
		}
		return t.Write(out, format)
	}
	if err := groups("By period (date of the attack)", "period", rep.ByPeriod, false); err != nil {
		return err
	}
	if err := groups("By obligation kind", "kind", rep.ByKind, false); err != nil {
		return err
	}
	if err := groups("Bilateral and multilateral (parties in force on the day)", "scope", rep.ByScope, false); err != nil {
		return err
	}
	if err := groups("By war (COW war number)", "war", rep.ByWar, true); err != nil {
		return err
	}
	fmt.Fprintf(out, "\nData: %s. The case list: --format csv.\n", strings.Join(rep.Data, ", "))
	return nil
}

func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// writeReliabilityPlot draws one pair of bars per period: the binding share
// (the headline) and the contingent share, each labelled with its counts,
// and the published shares for the same periods as marks.
func writeReliabilityPlot(path string, rep *reliability.Report, o reliability.Options) error {
	p := plot.New()
	p.Title.Text = fmt.Sprintf("Alliance obligations honoured in COW inter-state wars, %d–%d", o.From, o.To)
	p.Y.Label.Text = "share honoured"
	p.Y.Min, p.Y.Max = 0, 1.3 // room above 100 % for the legend
	p.Y.Tick.Marker = plot.ConstantTicks([]plot.Tick{{Value: 0, Label: "0"}, {Value: 0.25, Label: "25 %"}, {Value: 0.5, Label: "50 %"}, {Value: 0.75, Label: "75 %"}, {Value: 1, Label: "100 %"}})
	p.Add(plotter.NewGrid())
	var names []string
	var bind, cont plotter.Values
	var periods []reliability.Group
	for _, g := range rep.ByPeriod {
		if g.Binding.Invoked == 0 && g.Contingent.Invoked == 0 {
			continue
		}
		periods = append(periods, g)
		names = append(names, g.Key)
		bind = append(bind, zeroNaN(g.Binding.Share))
		cont = append(cont, zeroNaN(g.Contingent.Share))
	}
	if len(periods) == 0 {
		return badInputf("--plot: no invoked obligation in %d–%d to draw", o.From, o.To)
	}
	w := vg.Points(46)
	bb, err := plotter.NewBarChart(bind, w)
	if err != nil {
		return err
	}
	bb.Color = color.RGBA{R: 0x1f, G: 0x4e, B: 0x9a, A: 0xff}
	bb.Offset = -w / 2
	cb, err := plotter.NewBarChart(cont, w)
	if err != nil {
		return err
	}
	cb.Color = color.RGBA{R: 0xb8, G: 0xc8, B: 0xe0, A: 0xff}
	cb.Offset = w / 2
	p.Add(bb, cb)
	p.Legend.Add("binding (the headline share)", bb)
	p.Legend.Add("contingent (counted apart)", cb)
	p.Legend.Top = true
	p.Legend.Left = true
	p.Legend.TextStyle.Font.Size = vg.Points(9)
	p.Legend.XOffs = vg.Points(8)
	p.Title.Padding = vg.Points(8)
	p.NominalX(names...)

	// Counts above the bars, offset like the bars (in points).
	for k, sel := range []func(reliability.Group) reliability.Count{
		func(g reliability.Group) reliability.Count { return g.Binding },
		func(g reliability.Group) reliability.Count { return g.Contingent },
	} {
		var labels []string
		var xys plotter.XYs
		for i, g := range periods {
			cnt := sel(g)
			xys = append(xys, plotter.XY{X: float64(i), Y: zeroNaN(cnt.Share) + 0.015})
			labels = append(labels, fmt.Sprintf("%d/%d", cnt.Honoured, cnt.Invoked))
		}
		lb, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: labels})
		if err != nil {
			return err
		}
		for i := range lb.TextStyle {
			lb.TextStyle[i].XAlign = text.XCenter
			lb.TextStyle[i].Font.Size = vg.Points(9)
		}
		lb.Offset = vg.Point{X: vg.Length(2*k-1) * w / 2}
		p.Add(lb)
	}

	// Published shares of the same periods, as dashed marks across the
	// period's bars, one colour per source (named in the legend).
	pubColors := []color.Color{color.RGBA{R: 0xc0, G: 0x20, B: 0x20, A: 0xff}, color.RGBA{R: 0xe0, G: 0x8a, B: 0x00, A: 0xff},
		color.RGBA{R: 0x20, G: 0x80, B: 0x30, A: 0xff}, color.RGBA{R: 0x70, G: 0x30, B: 0x90, A: 0xff}}
	srcColor := map[string]color.Color{}
	var pubLines []string
	for i, g := range periods {
		for _, pub := range rep.Published {
			if pub.Years != g.Key && !(g.Key == "1945-2007" && pub.Years == "1945-2003") {
				continue
			}
			col, seen := srcColor[pub.Source]
			if !seen {
				col = pubColors[len(srcColor)%len(pubColors)]
				srcColor[pub.Source] = col
			}
			l, err := plotter.NewLine(plotter.XYs{{X: float64(i) - 0.42, Y: pub.Share}, {X: float64(i) + 0.42, Y: pub.Share}})
			if err != nil {
				return err
			}
			l.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
			l.Color = col
			l.Width = vg.Points(1.4)
			p.Add(l)
			if !seen {
				p.Legend.Add(shortCite(pub.Source)+" (dashed)", l)
			}
			pubLines = append(pubLines, fmt.Sprintf("%s %s: %.1f %%", pub.Source, pub.Years, 100*pub.Share))
		}
	}

	const figW, figH = 7 * vg.Inch, 5 * vg.Inch
	var choices []string
	for _, ch := range rep.Choices {
		choices = append(choices, "--"+strings.ReplaceAll(ch.Name, "_", "-")+" "+ch.Value)
	}
	lines := []string{"Bars: share of invoked obligations honoured (labels: honoured/invoked), by the date of the attack. Dashed marks: published shares:"}
	for _, l := range pubLines {
		lines = append(lines, "   "+l)
	}
	lines = append(lines, "Source: "+rep.Data[0]+";")
	for _, d := range rep.Data[1:] {
		lines = append(lines, "   "+d+";")
	}
	lines = append(lines, "Coding: "+strings.Join(choices[:3], ", ")+",", "   "+strings.Join(choices[3:], ", ")+". Figure: casus reliability.")
	lines = wrapSourceLines(lines, figW)
	srcH := vg.Points(float64(16 + 11*len(lines)))
	c := newFigureCanvas(path, figW, figH+srcH)
	dc := draw.New(c)
	p.Draw(draw.Crop(dc, 0, 0, srcH, 0))
	drawSourceLines(dc, srcH, lines)
	return writeFigure(c, path)
}

func zeroNaN(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	return v
}

// shortCite shortens a published source for a label in the figure.
func shortCite(s string) string {
	switch {
	case strings.HasPrefix(s, "Leeds, Long & Mitchell"):
		return "Leeds, Long & Mitchell 2000"
	case strings.HasPrefix(s, "Leeds 2003"):
		return "Leeds 2003"
	case strings.HasPrefix(s, "Berkemeier"):
		return "Berkemeier & Fuhrmann 2018"
	}
	if i := strings.Index(s, ","); i > 0 {
		return s[:i]
	}
	return s
}
