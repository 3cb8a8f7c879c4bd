package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/panel"
	"github.com/casus-dev/casus/world"
)

func init() {
	register(&command{
		Name:    "panel state-years",
		Summary: "write a COW state-year research panel (one row per state and year; peacesciencer-compatible) to CSV or Parquet",
		Usage: `Usage: casus panel state-years [--years A-B] [--add LIST] [--nmc 6.0|7.0]
                 [--carry-forward] [--conttype lowest|first|last]
                 --out FILE.csv|FILE.parquet

Writes one row per state and year of the Correlates of War state system
v2016 (1816–2016): a state-year exists when the state is a member on any
day of the year (peacesciencer's create_stateyears(system = "cow")). The
columns are ccode, stateabb and year, then those --add asks for.

--add adds columns (comma-separated, in order): nmc (milex, milper, irst,
pec, tpop, upop, cinc), majors (cowmaj), contiguity (land, sea: the number
of land and water neighbours), capdist (mincapdist: km to the nearest
capital of a state it forms a dyad-year with) and wars (warnum,
cowinteronset, cowinterongoing). atop, similarity and obligations are
dyad-year columns. Values outside the years a dataset covers are missing
(empty / null), never 0.
` + "`casus panel columns`" + ` documents every column.

Output is sorted by code then year; the file appears only when complete.
Parquet columns are typed (INT16 codes and years, INT8 flags, nullable
DOUBLE measures; Snappy pages).

Example:
  casus panel state-years --add nmc,majors --nmc 6.0 --out states.csv
`,
		Run: func(ctx context.Context, m *Main, args []string) error { return runPanel(ctx, m, "state-years", args) },
	})
	register(&command{
		Name:    "panel dyad-years",
		Summary: "write a COW dyad-year research panel (one row per pair of states and year; peacesciencer-compatible) to CSV or Parquet",
		Usage: `Usage: casus panel dyad-years [--directed] [--years A-B] [--add LIST] [--nmc 6.0|7.0]
                 [--atop-directions] [--carry-forward] [--conttype lowest|first|last]
                 --out FILE.csv|FILE.parquet

Writes one row per pair of states and year of the Correlates of War state
system v2016 (1816–2016): a dyad-year exists when both states are members
on a common day of the year (peacesciencer's create_dyadyears(system =
"cow", mry = FALSE), false dyads dropped). Non-directed dyads have
ccode1 < ccode2; --directed writes both orders.

--add adds columns (comma-separated, in order): atop, nmc, majors,
contiguity, capdist, wars, similarity (alliance-portfolio S, pi, kappa,
tau-b) and obligations (would ccode1 be bound to defend ccode2 attacked at
home: 2 binding, 1 contingent, 0 none; slow, reads the treaty model).
Values outside the years a dataset covers are missing (empty / null),
never 0.
` + "`casus panel columns`" + ` documents every column.

Output is sorted by codes then year; the file appears only when complete.
Parquet columns are typed (INT16 codes and years, INT8 flags, nullable
DOUBLE measures; Snappy pages).

Example:
  casus panel dyad-years --add atop,nmc,majors,contiguity --out panel.parquet
`,
		Run: func(ctx context.Context, m *Main, args []string) error { return runPanel(ctx, m, "dyad-years", args) },
	})
	register(&command{
		Name:    "panel columns",
		Summary: "list the columns casus panel can write: source, version, meaning",
		Usage:   "Usage: casus panel columns [--format text|json|csv|md]\n",
		Run:     runPanelColumns,
	})
}

// panelYears reads "A-B" or "A".
func panelYears(s string) (int, int, error) {
	a, b, found := strings.Cut(s, "-")
	if !found {
		b = a
	}
	x, err1 := strconv.Atoi(strings.TrimSpace(a))
	y, err2 := strconv.Atoi(strings.TrimSpace(b))
	if err1 != nil || err2 != nil || x > y {
		return 0, 0, &UsageError{Msg: fmt.Sprintf("--years: want A-B with A <= B (e.g. 1816-2016), got %q", s)}
	}
	return x, y, nil
}

func runPanel(ctx context.Context, m *Main, unit string, args []string) error {
	start := time.Now()
	// The command allocates a few hundred MB of pointer-free columns and
	// exits: collecting often only costs time. A soft limit keeps the
	// engines' garbage (similarity's per-year buffers) from piling up.
	// Both are restored for in-process callers (tests).
	defer debug.SetGCPercent(debug.SetGCPercent(800))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(512 << 20))
	f := newFlags(m, commands["panel "+unit]).withData()
	directed := new(bool)
	if unit == "dyad-years" {
		f.BoolVar(directed, "directed", false, "both orders of every dyad (default ccode1 < ccode2)")
	}
	years := f.String("years", "1816-2016", "years A-B")
	addHelp := "columns to add: nmc,majors,contiguity,capdist,wars"
	if unit == "dyad-years" {
		addHelp = "columns to add: atop,nmc,majors,contiguity,capdist,wars,similarity,obligations"
	}
	add := f.String("add", "", addHelp)
	var o panel.Options
	f.StringVar(&o.NMC, "nmc", "", "NMC release 6.0 or 7.0 (default the newest)")
	if unit == "dyad-years" {
		f.BoolVar(&o.ATOPDirections, "atop-directions", false, "also write each direction's ATOP pledges (atop_defense12, atop_defense21, …)")
	}
	f.BoolVar(&o.CarryForward, "carry-forward", false, "carry 2016 major-power status forward (flagged in cowmaj_carried)")
	f.StringVar(&o.ContType, "conttype", "lowest", "conttype in a year the type changes: lowest, or first/last (the type in the year's first/last month: peacesciencer 1.2's slice rule as stated, without its synthetic-0 artefact; see casus panel columns)")
	out := f.String("out", "", "output file, .csv or .parquet")
	for _, a := range args {
		if a == "--" {
			break
		}
		if n := strings.TrimLeft(a, "-"); unit == "state-years" && a != n && (strings.HasPrefix(n, "directed") || strings.HasPrefix(n, "atop-directions")) {
			name, _, _ := strings.Cut(n, "=")
			return &UsageError{Msg: "--" + name + " applies to dyad-years only", Hint: "casus panel dyad-years -h"}
		}
		if n := strings.TrimLeft(a, "-"); a != n && (n == "format" || strings.HasPrefix(n, "format=")) {
			return &UsageError{Msg: "--format: panels are written to a file, typed by its extension: give --out FILE.csv or --out FILE.parquet", Hint: "casus panel " + unit + " -h"}
		}
	}
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return &UsageError{Msg: fmt.Sprintf("unexpected argument %q", pos[0]), Hint: "casus panel " + unit + " -h"}
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if *out == "" {
		return &UsageError{Msg: "--out FILE.csv|FILE.parquet is required: panels are written to a file, not to the terminal", Hint: "casus panel " + unit + " -h"}
	}
	if ext != ".csv" && ext != ".parquet" {
		return &UsageError{Msg: fmt.Sprintf("--out: want a file ending in .csv or .parquet, got %q", *out), Hint: "casus panel " + unit + " -h"}
	}
	if o.NMC != "" && o.NMC != "6.0" && o.NMC != "7.0" {
		return &UsageError{Msg: fmt.Sprintf("--nmc: want 6.0 or 7.0, got %q", o.NMC)}
	}
	if !slices.Contains(panel.ContTypes, o.ContType) {
		return &UsageError{Msg: fmt.Sprintf("--conttype: want one of %s, got %q", strings.Join(panel.ContTypes, ", "), o.ContType)}
	}
	first, last, err := panelYears(*years)
	if err != nil {
		return err
	}
	// Checked again against the loaded system; this catches a bad range
	// before the data are read.
	if first < 1816 || last > 2016 {
		return &UsageError{Msg: fmt.Sprintf("--years: %d-%d: the COW v2016 system covers 1816-2016", first, last), Hint: "casus panel " + unit + " -h"}
	}
	adders, err := panel.ParseAdders(*add)
	if err != nil {
		return &UsageError{Msg: err.Error(), Hint: "casus panel columns"}
	}
	// A flag that tunes a column nobody asked for would be silently
	// ignored: refuse it, naming the --add that would use it.
	added := map[string]bool{}
	for _, a := range adders {
		added[a.Name] = true
	}
	for _, x := range []struct {
		flag, needs string
		ok          bool
	}{
		{"nmc", "--add nmc (or similarity, weighted by CINC)", added["nmc"] || added["similarity"]},
		{"conttype", "--add contiguity", added["contiguity"]},
		{"carry-forward", "--add majors", added["majors"]},
		{"atop-directions", "--add atop", added["atop"]},
	} {
		if !x.ok {
			if err := f.refuse("without "+x.needs, x.flag); err != nil {
				return err
			}
		}
	}
	dir, err := f.needData()
	if err != nil {
		return err
	}
	// Open the output before the work, so an unwritable path fails at once;
	// the file appears under its name only on Commit.
	af, err := output.CreateAtomic(*out)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return &UsageError{Msg: fmt.Sprintf("--out: cannot write %s: %v", *out, err)}
	}
	defer af.Abort()
	prog := output.NewProgress(m.Stderr, "panel", int64(3+len(adders)))
	finished := false
	defer func() {
		if !finished {
			prog.Done() // end the bar's line before the error message
		}
	}()

	// Only the datasets the adders read, and the treaty model only for
	// --add obligations: the other columns use ATOP's dyad-year file.
	treaties := false
	for _, a := range adders {
		treaties = treaties || a.Treaties
	}
	var w *world.World
	if treaties {
		w, err = f.loadWorld(ctx, panel.Datasets(adders)...)
	} else if w, err = loadData(ctx, dir, panel.Datasets(adders)); err == nil {
		w.Freeze()
	}
	if err != nil {
		return err
	}
	prog.Add(1)
	sys, err := panel.COW2016(w)
	if err != nil {
		return err
	}
	var fr *panel.Frame
	if unit == "state-years" {
		fr, err = sys.StateYears(first, last)
	} else {
		fr, err = sys.DyadYears(first, last, *directed)
	}
	if err != nil {
		return &UsageError{Msg: "--years: " + strings.TrimPrefix(err.Error(), "years "), Hint: "casus panel " + unit + " -h"}
	}
	prog.Add(1)
	if err := panel.Apply(fr, w, adders, o); err != nil {
		// Unavailable hooks, units an adder does not support and missing
		// datasets come from the caller's --add, not an internal failure.
		return &UsageError{Msg: err.Error()}
	}
	prog.Add(int64(len(adders)))
	if err := ctx.Err(); err != nil {
		return err
	}
	if ext == ".parquet" {
		meta := map[string]string{
			"casus.unit":     unit,
			"casus.system":   sys.Name,
			"casus.years":    fmt.Sprintf("%d-%d", first, last),
			"casus.notes":    strings.Join(fr.Notes, "\n"),
			"casus.datasets": panelDatasets(w),
			"casus.version":  panelBuild(),
		}
		if unit == "dyad-years" {
			meta["casus.directed"] = strconv.FormatBool(*directed)
		}
		err = panel.WriteParquet(af, fr, meta)
	} else {
		err = panel.WriteCSV(af, fr)
	}
	if err != nil {
		return err
	}
	size, _ := af.Seek(0, 1)
	if err := af.Commit(); err != nil {
		return err
	}
	prog.Add(1)
	prog.Done()
	finished = true
	kind := unit
	if unit == "dyad-years" {
		if *directed {
			kind = "directed " + unit
		} else {
			kind = "non-directed " + unit
		}
	}
	fmt.Fprintf(m.Stderr, "casus panel: %d %s %d-%d, %d columns → %s (%.1f MB) in %.2fs\n",
		fr.Len(), kind, first, last, len(fr.Cols), *out, float64(size)/1e6, time.Since(start).Seconds())
	return nil
}

func runPanelColumns(ctx context.Context, m *Main, args []string) error {
	f := newFlags(m, commands["panel columns"]).withFormat()
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return &UsageError{Msg: fmt.Sprintf("unexpected argument %q", pos[0])}
	}
	t := &output.Table{Columns: []string{"column", "add", "type", "source", "version", "meaning"}}
	for _, c := range panel.Dictionary() {
		t.Add(c.Name, c.Adder, c.Type, c.Source, c.Version, c.Meaning)
	}
	t.Notes = []string{"State-year panels use the names without the trailing 1/2 (milex, cinc, cowmaj)."}
	return t.Write(m.Stdout, f.format)
}

// panelDatasets records, as JSON, every file the panel was built from —
// name, release, file name and SHA-256 — so a number in the Parquet file
// can be traced to its source (e.g. ATOP 5.1, NMC 7.0, contiguity 3.2,
// states v2016).
func panelDatasets(w *world.World) string {
	type ds struct {
		Name    string `json:"name"`
		Version string `json:"version"`
		File    string `json:"file"`
		SHA256  string `json:"sha256"`
		Rows    int    `json:"rows"`
	}
	out := make([]ds, 0, len(w.Datasets))
	for _, d := range w.Datasets {
		out = append(out, ds{d.Name, d.Version, filepath.Base(d.File), d.SHA256, d.Rows})
	}
	b, _ := json.Marshal(out)
	return string(b)
}

// panelBuild is the module version and VCS revision of the binary.
func panelBuild() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := bi.Main.Version
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" {
			v += " " + s.Value
		}
	}
	return v
}
