package main

import (
	"fmt"
	"image/color"
	"math"
	"path/filepath"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/casus-dev/casus/power"
	"github.com/casus-dev/casus/world"
)

func nowUTC() time.Time { return time.Now().UTC() }

// trendLine is one labelled series over the years; NaN is a gap.
type trendLine struct {
	label string
	years []int
	vals  []float64
}

// trendPanel is one stacked panel of a trend figure.
type trendPanel struct {
	title, ylabel string
	lines         []trendLine
	logY          bool
	zeroBased     bool
	refLine       float64 // drawn as a thin grey horizontal line when > 0
}

// writeTrendFigure draws panels stacked over a shared year axis, legends in
// the right margin and the source lines under the panels, as `casus system
// --plot` does; the file appears only when complete.
func writeTrendFigure(path string, panels []trendPanel, source []string) error {
	const figW, legendW = 7 * vg.Inch, 1.3 * vg.Inch
	source = wrapSourceLines(source, figW)
	sourceH := vg.Points(14 + 11*float64(len(source)))
	figH := vg.Length(len(panels))*2.6*vg.Inch + sourceH
	var first, last int
	for _, p := range panels {
		for _, l := range p.lines {
			for i, y := range l.years {
				if math.IsNaN(l.vals[i]) {
					continue
				}
				if first == 0 || y < first {
					first = y
				}
				if y > last {
					last = y
				}
			}
		}
	}
	if first == 0 {
		return badInputf("--plot: nothing to draw: every value in the years asked for is missing")
	}
	var plots []*plot.Plot
	var legends []plot.Legend
	for i, pn := range panels {
		p := plot.New()
		p.Title.Text = pn.title
		p.Y.Label.Text = pn.ylabel
		if i == len(panels)-1 {
			p.X.Label.Text = "Year"
		}
		p.X.Min, p.X.Max = float64(first), float64(last)
		p.X.Tick.Marker = sysYearTicks{}
		if last-first < 40 {
			p.X.Tick.Marker = plot.DefaultTicks{}
		}
		p.Add(plotter.NewGrid())
		if pn.logY {
			p.Y.Scale = plot.LogScale{}
			p.Y.Tick.Marker = plot.LogTicks{Prec: -1}
		}
		if pn.refLine > 0 {
			ref, err := plotter.NewLine(plotter.XYs{{X: float64(first), Y: pn.refLine}, {X: float64(last), Y: pn.refLine}})
			if err == nil {
				ref.Color = color.Gray{Y: 0x90}
				ref.Width = vg.Points(0.8)
				p.Add(ref)
			}
		}
		l := plot.NewLegend()
		for j, tl := range pn.lines {
			addTrendLine(p, &l, tl, plotutil.Color(j), plotutil.Dashes(j/len(plotutil.DefaultColors)), pn.logY)
		}
		if pn.zeroBased && !pn.logY {
			p.Y.Min = 0
		}
		if pn.refLine > 0 && !pn.logY && p.Y.Max < pn.refLine*1.05 {
			p.Y.Max = pn.refLine * 1.05
		}
		plots = append(plots, p)
		legends = append(legends, l)
	}
	c := newFigureCanvas(path, figW, figH)
	dc := draw.New(c)
	area := draw.Crop(dc, 0, -legendW, sourceH, 0)
	rows := make([][]*plot.Plot, len(plots))
	for i, p := range plots {
		rows[i] = []*plot.Plot{p}
	}
	tiles := plot.Align(rows, draw.Tiles{Rows: len(plots), Cols: 1, PadTop: vg.Points(6), PadBottom: vg.Points(4), PadLeft: vg.Points(4), PadRight: vg.Points(8), PadY: vg.Points(10)}, area)
	for i, p := range plots {
		p.Draw(tiles[i][0])
		l := legends[i]
		l.Top, l.Left = true, true
		l.TextStyle.Font.Size = vg.Points(9)
		l.Draw(draw.Canvas{Canvas: dc.Canvas, Rectangle: vg.Rectangle{
			Min: vg.Point{X: dc.Max.X - legendW + vg.Points(4), Y: tiles[i][0].Min.Y},
			Max: vg.Point{X: dc.Max.X, Y: tiles[i][0].Max.Y - vg.Points(24)},
		}})
	}
	drawSourceLines(dc, sourceH, source)
	return writeFigure(c, path)
}

// addTrendLine draws one run of lines per stretch of present values, so a
// missing year stays a gap (gonum rejects NaN; a log axis rejects ≤ 0).
func addTrendLine(p *plot.Plot, l *plot.Legend, tl trendLine, col color.Color, dashes []vg.Length, logY bool) {
	var runs []plotter.XYs
	var cur plotter.XYs
	for i, y := range tl.years {
		v := tl.vals[i]
		if math.IsNaN(v) || (logY && v <= 0) {
			if len(cur) > 0 {
				runs = append(runs, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, plotter.XY{X: float64(y), Y: v})
	}
	if len(cur) > 0 {
		runs = append(runs, cur)
	}
	var first *plotter.Line
	for _, r := range runs {
		if len(r) == 1 {
			r = append(r, plotter.XY{X: r[0].X + 0.5, Y: r[0].Y})
		}
		line, err := plotter.NewLine(r)
		if err != nil {
			continue
		}
		line.Color, line.Width, line.Dashes = col, vg.Points(1.2), dashes
		p.Add(line)
		if first == nil {
			first = line
		}
	}
	if first != nil {
		l.Add(tl.label, first)
	}
}

func writeBalancePlot(path string, w *world.World, caps *world.Capabilities, series []power.CoalitionBalance, a, b []int, at *balanceAtJSON) error {
	names := func(cs []int) string {
		var out []string
		for _, c := range cs {
			abb, _ := stateLabel(w, c)
			out = append(out, abb)
		}
		return strings.Join(out, "+")
	}
	la, lb := names(a), names(b)
	var years []int
	var ca, cb, ratio, da, db, dratio []float64
	for _, s := range series {
		if s.DataYear != s.Year {
			// A stand-in year repeats the last data year: leave it out of a
			// trend rather than draw a flat line that looks like data.
			ca, cb, ratio = append(ca, math.NaN()), append(cb, math.NaN()), append(ratio, math.NaN())
			da, db, dratio = append(da, math.NaN()), append(db, math.NaN()), append(dratio, math.NaN())
			years = append(years, s.Year)
			continue
		}
		years = append(years, s.Year)
		ca, cb, ratio = append(ca, s.A.CINC), append(cb, s.B.CINC), append(ratio, s.Ratio)
		da, db, dratio = append(da, s.A.DiscountedCINC), append(db, s.B.DiscountedCINC), append(dratio, s.DiscountedRatio)
	}
	cinc := trendPanel{title: fmt.Sprintf("Capabilities of %s and %s", la, lb), ylabel: "CINC (share of world)", zeroBased: true,
		lines: []trendLine{{la, years, ca}, {lb, years, cb}}}
	rp := trendPanel{title: fmt.Sprintf("Ratio %s / %s (grey line = parity)", la, lb), ylabel: "CINC ratio", zeroBased: true, refLine: 1,
		lines: []trendLine{{"raw", years, ratio}}}
	if at != nil {
		rp.lines = append(rp.lines, trendLine{"at " + at.Name, years, dratio})
	}
	var key []string
	for _, c := range append(append([]int{}, a...), b...) {
		abb, name := stateLabel(w, c)
		key = append(key, abb+" "+name)
	}
	src := []string{
		"States: " + strings.Join(key, "; ") + ".",
		fmt.Sprintf("Source: COW National Material Capabilities v%s (%s), CINC recomputed from its six components. Figure: casus balance.", caps.Version, filepath.Base(caps.Dataset.File)),
	}
	if at != nil {
		src = append(src, fmt.Sprintf("Discounted to %s with the loss-of-strength gradient CINC^log10(miles/miles-per-day + 10 − e) (Bueno de Mesquita 1981) as EUGene 3.203 computes it, %s; capitals: peacesciencer.", at.Name, power.MilesPerDayRule))
	}
	return writeTrendFigure(path, []trendPanel{cinc, rp}, src)
}
