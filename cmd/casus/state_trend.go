package main

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/power"
	"github.com/casus-dev/casus/report"
	"github.com/casus-dev/casus/world"
)

// runStateTrend prints a state's NMC components, CINC and share of the
// system for every year from..to, and draws them with --plot.
func runStateTrend(m *Main, w *world.World, st *world.State, years, nmc, plotPath, format string) error {
	from, to, err := parseYears(years)
	if err != nil {
		return err
	}
	caps, ok := w.Capabilities(nmc)
	if !ok || caps == nil {
		return &UsageError{Msg: fmt.Sprintf("--nmc: unknown NMC release %q", nmc)}
	}
	r := report.NewStateTrend(w, st, caps, from, to)
	rows := r.Rows
	if plotPath != "" {
		if err := writeStatePlot(plotPath, st, caps, rows); err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "wrote %s: %s %s's CINC, share of the system and component shares, %d–%d, NMC %s\n", plotPath, st.Abb, st.Name, from, to, caps.Version)
	}
	if format == "json" {
		return output.WriteJSON(m.Stdout, r)
	}
	cols := []string{"year"}
	cols = append(cols, world.ComponentNames[:]...)
	cols = append(cols, "cinc", "share_of_system")
	for _, n := range world.ComponentNames {
		cols = append(cols, n+"_share")
	}
	t := &output.Table{Columns: cols, Types: map[string]string{}}
	for _, c := range cols {
		t.Types[c] = "number"
	}
	for _, y := range r.Years {
		row := []string{strconv.Itoa(y.Year)}
		for _, n := range world.ComponentNames {
			row = append(row, csvNum(y.Components[n], -1))
		}
		row = append(row, csvNum(y.CINC, 6), csvNum(y.Share, 6))
		for _, n := range world.ComponentNames {
			row = append(row, csvNum(y.Shares[n], 6))
		}
		t.Add(row...)
	}
	if format == "text" || format == "md" {
		t.Notes = append(t.Notes, fmt.Sprintf("%s %s (COW %d). Units: milex thousands of current US$ (£ before 1914); milper thousands; irst thousands of tons; pec thousands of coal-ton equivalents; tpop, upop thousands; shares are of the system total (0–1); a blank is missing, not 0.", st.Abb, st.Name, st.Code))
		t.Notes = append(t.Notes, r.Notes...)
	}
	return t.Write(m.Stdout, format)
}

func writeStatePlot(path string, st *world.State, caps *world.Capabilities, rows []power.StateYear) error {
	var years []int
	var cinc, share []float64
	comp := make([][]float64, 6)
	for _, y := range rows {
		years = append(years, y.Year)
		cinc = append(cinc, y.CINC)
		share = append(share, y.Share)
		for k := range comp {
			comp[k] = append(comp[k], y.ComponentShares[k])
		}
	}
	p1 := trendPanel{title: fmt.Sprintf("%s %s: capabilities", st.Abb, st.Name), ylabel: "share of the system (0–1)", zeroBased: true,
		lines: []trendLine{{"CINC", years, cinc}, {"CINC / Σ CINC", years, share}}}
	p2 := trendPanel{title: "Share of each component's system total", ylabel: "share (0–1)", zeroBased: true}
	for k, n := range world.ComponentNames {
		p2.lines = append(p2.lines, trendLine{n, years, comp[k]})
	}
	src := []string{
		fmt.Sprintf("Source: COW National Material Capabilities v%s (%s), CINC recomputed from its six components (milex, milper, irst,", caps.Version, filepath.Base(caps.Dataset.File)),
		"pec, tpop, upop); a component's share is the state's value over the total of the states reporting it. Figure: casus state.",
	}
	return writeTrendFigure(path, []trendPanel{p1, p2}, src)
}

func checkTrendFlags(years, on, plotPath string) error {
	switch {
	case years != "" && on != "":
		return &UsageError{Msg: "give --on DATE or --years A-B, not both"}
	case plotPath != "" && years == "":
		return &UsageError{Msg: "--plot draws a series: give --years A-B"}
	case plotPath != "":
		if ext := strings.ToLower(filepath.Ext(plotPath)); ext != ".svg" && ext != ".png" {
			return &UsageError{Msg: fmt.Sprintf("--plot: want a file name ending in .svg or .png, got %q", plotPath)}
		}
	}
	return nil
}
