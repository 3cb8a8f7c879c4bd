package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/report"
	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/world"
)

func init() {
	register(&command{
		Name:    "places",
		Summary: "the named places and regions a scenario's at: can use, with where each lies",
		Usage: `Usage: casus places [--format text|json|csv|md]

Lists what a scenario's at: (or --at) accepts besides a state: the named
places (Guam, Okinawa, Crimea, ...), each with its sovereign, the state
that administers it and the regions it lies in, and the regions (sea
areas and treaty areas such as north_atlantic or pacific_area). A state
stands for its home territory; a place does not inherit its sovereign's
regions, which is why an attack on Guam is outside NATO's Art. 6 area
while one on Alaska is inside. Names and aliases match in any case.

--format json gives {regions: [{id, text}], places: [...]} with every
field of the places table; csv and md give one table, a row per region
and per place (kind region or place).
`,
		Run: runPlaces,
	})
}

func runPlaces(ctx context.Context, m *Main, args []string) error {
	f := newFlags(m, commands["places"]).withData().withFormat()
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return &UsageError{Msg: fmt.Sprintf("places takes no arguments, got %q", pos[0]), Hint: "casus places -h"}
	}
	pt := world.Places()
	if f.format == "json" {
		return output.WriteJSON(m.Stdout, report.NewPlaces(pt))
	}
	// The states' names, for the sovereigns and administrators.
	w, err := f.loadWorld(ctx, source.States)
	if err != nil {
		return err
	}
	if f.format == "text" {
		return writePlacesText(m, w, pt)
	}
	t := &output.Table{Columns: []string{"kind", "name", "aliases", "sovereign", "administrator", "regions", "uncertain_regions", "lat", "lon", "note"}}
	t.Types = map[string]string{"lat": "number", "lon": "number"}
	for _, r := range pt.Regions {
		t.Add("region", r.ID, "", "", "", "", "", "", "", r.Text)
	}
	label := w.LabelAbb
	if f.format == "csv" {
		label = func(abb string) string { return abb } // programs get the COW abbreviation alone
	}
	for _, p := range pt.Places {
		t.Add("place", p.Name, strings.Join(p.Aliases, "; "), label(p.Sovereign), label(p.Administrator),
			strings.Join(p.Regions, " "), strings.Join(p.UncertainRegions, " "),
			strconv.FormatFloat(p.Lat, 'f', -1, 64), strconv.FormatFloat(p.Lon, 'f', -1, 64), p.Note)
	}
	return t.Write(m.Stdout, f.format)
}

func writePlacesText(m *Main, w *world.World, pt *world.PlaceTable) error {
	out := m.Stdout
	fmt.Fprintf(out, "Places (%d): use the name or an alias in at: or --at\n", len(pt.Places))
	for _, p := range pt.Places {
		name := p.Name
		if len(p.Aliases) > 0 {
			name += " (also " + strings.Join(p.Aliases, ", ") + ")"
		}
		fmt.Fprintf(out, "  %s\n", name)
		who := "sovereign " + w.LabelAbb(p.Sovereign)
		if p.Administrator != "" && p.Administrator != p.Sovereign {
			who += ", administered by " + w.LabelAbb(p.Administrator)
		}
		fmt.Fprintf(out, "    %s; regions: %s", who, strings.Join(p.Regions, ", "))
		if len(p.UncertainRegions) > 0 {
			fmt.Fprintf(out, "; contested: %s", strings.Join(p.UncertainRegions, ", "))
		}
		fmt.Fprintln(out)
		if p.Note != "" {
			fmt.Fprintf(out, "    %s\n", p.Note)
		}
	}
	fmt.Fprintf(out, "\nRegions (%d): use the id in at: for an attack at sea or in the air; treaty scopes name them\n", len(pt.Regions))
	t := &output.Table{Columns: []string{"  id", "what"}}
	for _, r := range pt.Regions {
		t.Add("  "+r.ID, r.Text)
	}
	if err := t.Write(out, "text"); err != nil {
		return err
	}
	fmt.Fprintln(out, "\nA state (POL, Poland, 290) stands for its home territory: `casus state NAME` resolves one.")
	return nil
}
