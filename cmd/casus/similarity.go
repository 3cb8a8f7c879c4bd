package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/report"
	"github.com/casus-dev/casus/similarity"
	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/world"
)

func init() {
	register(&command{
		Name:    "similarity",
		Summary: "alliance-portfolio similarity (S, A, kappa, pi, tau-b) from ATOP, for every dyad-year or one pair of states",
		Usage: `Usage: casus similarity [--measure M|all] [--years A-B] [--nmc 6.0|7.0] --out FILE.csv|FILE.parquet
       casus similarity --years A-B [--format text|csv|json|md]
       casus similarity STATE1 STATE2 [--years A-B] [--measure M] [--format text|csv|json|md]

With two states (COW code, abbreviation, ISO3 or name), one row per year for
that dyad only (default all years 1816-2018), e.g. casus similarity USA TUR
--years 2010.

Computes Signorino-Ritter S (valued/binary, unweighted/CINC-weighted,
absolute/squared), Häge's Scott's pi and Cohen's kappa (valued/binary) and
Kendall's tau-b for every non-directed dyad-year (ccode1 < ccode2) of the
COW state system from the ATOP 5.1 directed dyad-years, 1816-2018. Columns
carry peacesciencer add_fpsim() names:
` + measureHelp() + `
A state's portfolio is its own directed ATOP obligations toward every
member of the year (3 defense/offense, 2 neutrality/consultation, 1
nonaggression only, 0 none), itself at 3; a member that never shares a day
with one of the two states is skipped for that pair only. Weights are the
CINC of the position state in the NMC release (--nmc), named by the nmc
column and the Parquet metadata casus.nmc (with casus.atop, casus.version).
Values are not rounded (CSV: 10 decimals). How each convention compares
with fpsim/peacesciencer: go doc github.com/casus-dev/casus/similarity.

Missing values (weighted measures outside the NMC release's years, undefined
kappa/pi/tau-b) are empty in CSV and null in Parquet. Rows come in order of
year, ccode1, ccode2. Without --out, at most 5 years print to stdout in
--format (csv streams any range).
`,
		Run: runSimilarity,
	})
}

func measureHelp() string {
	var b strings.Builder
	for _, c := range similarity.Columns {
		fmt.Fprintf(&b, "  %-9s %s\n", c.Name, c.Doc)
	}
	return b.String()
}

// maxStdoutYears bounds a table printed for people: beyond it --out is the
// sensible place (about 18,000 dyads a year today).
const maxStdoutYears = 5

func runSimilarity(ctx context.Context, m *Main, args []string) error {
	f := newFlags(m, lookup([]string{"similarity"})).withData().withFormat()
	measure := f.String("measure", "all", "measures: all or a comma-separated list of column names")
	years := f.String("years", "", "years A-B or one year Y (default 1816-2018, ATOP's years in the state system)")
	out := f.String("out", "", "output file, .csv or .parquet (written atomically)")
	nmc := f.String("nmc", "", "NMC release for the capability weights: 6.0 or 7.0 (default the newest)")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 && len(pos) != 2 {
		return &UsageError{Msg: fmt.Sprintf("want no state or two states (a dyad), got %d arguments", len(pos)), Hint: "casus similarity -h"}
	}
	dyad := len(pos) == 2
	if dyad && *out != "" {
		return &UsageError{Msg: "--out writes the whole dyad-year table; for one dyad use --format csv|json and redirect", Hint: "casus similarity -h"}
	}
	ms, err := similarity.ParseMeasures(*measure)
	if err != nil {
		return &UsageError{Msg: "--measure: " + err.Error()}
	}
	first, last, err := parseYears(*years)
	if err != nil {
		return err
	}
	if *nmc != "" && *nmc != "6.0" && *nmc != "7.0" {
		return &UsageError{Msg: fmt.Sprintf("--nmc: want 6.0 or 7.0, got %q", *nmc)}
	}
	kind := ""
	switch ext := strings.ToLower(filepath.Ext(*out)); {
	case *out == "":
	case ext == ".csv", ext == ".parquet":
		kind = ext[1:]
	default:
		return &UsageError{Msg: fmt.Sprintf("--out: want a file ending in .csv or .parquet, got %q", *out)}
	}
	// Check the flags before loading: a usage error should not wait for data.
	if dyad {
		return runSimilarityDyad(ctx, m, f, pos, ms, similarity.Options{First: first, Last: last, NMC: *nmc})
	}
	if kind == "" && f.format != "csv" && first != 0 && last-first+1 > maxStdoutYears {
		return &UsageError{Msg: fmt.Sprintf("--years %d-%d: at most %d years print as a table; give --out FILE.csv|.parquet or --format csv", first, last, maxStdoutYears)}
	}
	if kind == "" && f.format != "csv" && first == 0 {
		return &UsageError{Msg: "without --out, give a small --years range (at most 5 years) or --format csv", Hint: "casus similarity -h"}
	}

	start := time.Now()
	w, err := f.loadWorld(ctx, source.States, source.NMC, source.ATOP)
	if err != nil {
		return err
	}
	opt := similarity.Options{First: first, Last: last, NMC: *nmc}
	plan, err := similarity.Plan(w, opt)
	if err != nil {
		return err
	}
	layout := similarity.Layout{Measures: ms, NMC: plan.NMC, ATOP: plan.ATOP, Version: similarityVersion(), Abb: stateAbbs(w)}
	nyears := int64(plan.Last - plan.First + 1)

	var sum similarity.Summary
	switch kind {
	case "csv", "parquet":
		af, err := output.CreateAtomic(*out)
		if err != nil {
			return err
		}
		defer af.Abort()
		bw := bufio.NewWriterSize(af, 1<<20)
		prog := output.NewProgress(m.Stderr, "similarity", nyears)
		if kind == "csv" {
			sum, err = writeSimilarityCSV(ctx, w, opt, layout, bw, prog)
		} else {
			sum, err = writeSimilarityParquet(ctx, w, opt, layout, bw, prog)
		}
		prog.Done()
		if err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return err
		}
		if err := af.Commit(); err != nil {
			return err
		}
	default:
		if f.format == "csv" {
			bw := bufio.NewWriterSize(m.Stdout, 1<<20)
			sum, err = writeSimilarityCSV(ctx, w, opt, layout, bw, nil)
			if err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return err
			}
		} else {
			t := similarityTable(layout)
			sum, err = similarity.DyadYears(ctx, w, opt, func(y *similarity.Year) error {
				addSimilarityRows(t, layout, y, f.format == "json")
				return nil
			})
			if err != nil {
				return err
			}
			t.Notes = append(t.Notes, similarityNote(sum))
			addStateKey(t, w, f.format, "stateabb1", "stateabb2")
			if err := t.Write(m.Stdout, f.format); err != nil {
				return err
			}
		}
	}
	dest := "stdout"
	if *out != "" {
		dest = *out
	}
	fmt.Fprintf(m.Stderr, "similarity: %d rows, years %d-%d, NMC %s, %.2f s -> %s\n",
		sum.Rows, sum.First, sum.Last, orNone(sum.NMC), time.Since(start).Seconds(), dest)
	return nil
}

// similarityVersion names the build for the Parquet metadata, as casus
// version prints it (module version, then the VCS revision when known).
func similarityVersion() string {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok {
		v = bi.Main.Version
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" {
				v += " " + s.Value
			}
		}
	}
	return "casus " + v
}

func orNone(s string) string {
	if s == "" {
		return "none (weighted measures missing)"
	}
	return s
}

func similarityNote(sum similarity.Summary) string {
	return fmt.Sprintf("ATOP %s directed dyad-years; weights: CINC from NMC %s (%d-%d); empty = missing.", sum.ATOP, orNone(sum.NMC), sum.CapFirst, sum.CapLast)
}

// writeSimilarityCSV encodes years in the workers (Prepare) and writes them
// in year order.
func writeSimilarityCSV(ctx context.Context, w *world.World, opt similarity.Options, l similarity.Layout, out io.Writer, prog *output.Progress) (similarity.Summary, error) {
	if _, err := out.Write(l.CSVHeader()); err != nil {
		return similarity.Summary{}, err
	}
	enc := &similarity.CSVEncoder{Layout: l}
	opt.Prepare = enc.Prepare
	return similarity.DyadYears(ctx, w, opt, func(y *similarity.Year) error {
		prog.Add(1)
		return enc.Write(out, y)
	})
}

func writeSimilarityParquet(ctx context.Context, w *world.World, opt similarity.Options, l similarity.Layout, out io.Writer, prog *output.Progress) (similarity.Summary, error) {
	pw := similarity.NewParquetWriter(out, l)
	opt.Prepare = pw.Prepare
	sum, err := similarity.DyadYears(ctx, w, opt, func(y *similarity.Year) error {
		prog.Add(1)
		return pw.Write(y)
	})
	if err != nil {
		return sum, err
	}
	return sum, pw.Close()
}

// runSimilarityDyad prints one row per year for the dyad of the two states
// named: the engine computes each year for all pairs (its positions need
// the whole system anyway) and the rows of the other pairs are dropped.
func runSimilarityDyad(ctx context.Context, m *Main, f *flags, pos []string, ms []similarity.Measure, opt similarity.Options) error {
	w, err := f.loadWorld(ctx, source.States, source.NMC, source.ATOP)
	if err != nil {
		return err
	}
	var codes [2]int32
	var states [2]*world.State
	for i, q := range pos {
		st, err := w.Resolve(q)
		if err != nil {
			return &UsageError{Msg: fmt.Sprintf("STATE%d: %v", i+1, err), Hint: "casus state NAME finds a state"}
		}
		codes[i], states[i] = int32(st.Code), st
	}
	if codes[0] == codes[1] {
		return &UsageError{Msg: fmt.Sprintf("%d %s %s twice: a dyad needs two states", states[0].Code, states[0].Abb, states[0].Name)}
	}
	if codes[0] > codes[1] {
		// Rows are non-directed with ccode1 < ccode2.
		codes[0], codes[1] = codes[1], codes[0]
		states[0], states[1] = states[1], states[0]
	}
	t, csvRows, sum, err := report.SimilarityDyad(ctx, w, codes, ms, opt, f.format)
	if err != nil {
		return err
	}
	if f.format == "csv" {
		_, err := m.Stdout.Write(csvRows)
		return err
	}
	if f.format == "text" || f.format == "md" {
		fmt.Fprintf(m.Stdout, "Alliance-portfolio similarity of %d %s %s and %d %s %s, %d-%d\n\n",
			states[0].Code, states[0].Abb, states[0].Name, states[1].Code, states[1].Abb, states[1].Name, sum.First, sum.Last)
	}
	if len(t.Rows) == 0 {
		t.Notes = append(t.Notes, "No row: the two states are never members of the state system on the same day in these years.")
	}
	t.Notes = append(t.Notes, similarityNote(sum))
	addStateKey(t, w, f.format, "stateabb1", "stateabb2")
	return t.Write(m.Stdout, f.format)
}

// stateAbbs maps each COW code to its abbreviation for the stateabb1 and
// stateabb2 columns.
// The table builders live in package report, shared with GET
// /api/similarity.
var (
	stateAbbs         = report.StateAbbs
	similarityTable   = report.SimilarityTable
	addSimilarityRows = report.AddSimilarityRows
)

// parseYears reads "A-B" or "Y"; "" means the default range (0, 0).
func parseYears(s string) (int, int, error) {
	if s == "" {
		return 0, 0, nil
	}
	bad := &UsageError{Msg: fmt.Sprintf("--years: want A-B or a single year, got %q", s)}
	a, b, found := strings.Cut(s, "-")
	first, err := strconv.Atoi(strings.TrimSpace(a))
	if err != nil {
		return 0, 0, bad
	}
	last := first
	if found {
		if last, err = strconv.Atoi(strings.TrimSpace(b)); err != nil {
			return 0, 0, bad
		}
	}
	if last < first {
		return 0, 0, &UsageError{Msg: fmt.Sprintf("--years %q: want the first year not after the last", s)}
	}
	return first, last, nil
}
