package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/source"
)

func init() {
	register(&command{
		Name:    "data check",
		Summary: "check the official data files: where each comes from, release, years, rows, problems",
		Usage: `Usage: casus data check [--data DIR] [--format text|json|csv|md]

Reads every data file casus knows with the strict loaders, each from where
every command would read it, and prints one row per file: dataset, release,
source, file, years covered, rows, the units that matter (alliances, wars,
states …) and problems. JSON gives the same as objects with "origin",
"location" and a "counts" map. Exits 2, naming the first bad
file:line:column, when a file is malformed or a required one is missing.

Each file is taken from the first of these that holds it:
  directory  --data DIR
  env        $CASUS_DATA
  cache      the user cache casus data fetch fills (e.g. ~/.cache/casus/data)
  embedded   the publishers' files as released, compiled into casus
A file that differs from the release casus was built with is noted.
`,
		Run: runDataCheck,
	})
	register(&command{
		Name:    "data fetch",
		Summary: "download the official data archives, verify their SHA-256 and unpack them",
		Usage: `Usage: casus data fetch [--cache DIR] [--manifest FILE.json]

Downloads the publishers' archives (ATOP, COW states, NMC, wars,
contiguity; countrycode's code list) into DIR (default: the user cache,
e.g. ~/.cache/casus/data), verifies every extracted file against the SHA-256
recorded for the release, and unpacks them in the layout --data expects.
Interrupted downloads resume on the next run; a file that fails its
checksum is never left under its final name. Progress goes to stderr when
it is a terminal.

Every command reads the default cache after --data and $CASUS_DATA and
before the embedded snapshot, file by file (casus data check shows which
place served each file). casus works without fetching: the same releases
are embedded. Fetch to get the files on disk, or with --manifest to point
at newer releases. Files that no publisher distributes as CSV (converted
from R packages: the ATOP directed dyad-years, NMC 7.0, capitals, the
countrycode panel) cannot be fetched; the embedded copies serve them.
`,
		Run: runDataFetch,
	})
}

func runDataCheck(ctx context.Context, m *Main, args []string) error {
	c := commands["data check"]
	f := newFlags(m, c).withData().withFormat()
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return &UsageError{Msg: "data check takes no arguments", Hint: "casus data check -h"}
	}
	d, err := f.needData()
	if err != nil {
		return err
	}
	res := source.Check(d)
	if f.format == "json" {
		if err := output.WriteJSON(m.Stdout, res); err != nil {
			return err
		}
	} else {
		t := &output.Table{
			Columns: []string{"dataset", "version", "source", "file", "years", "rows", "counts", "problems"},
			Types:   map[string]string{"rows": "number"},
		}
		for _, r := range res {
			years := ""
			if r.First != 0 {
				years = fmt.Sprintf("%d-%d", r.First, r.Last)
			}
			rows := ""
			if r.OK() && r.SHA256 != "" {
				rows = strconv.Itoa(r.Rows)
			}
			probs := strings.Join(append(append([]string(nil), r.Problems...), r.Notes...), "; ")
			if probs == "" {
				probs = "ok"
			}
			file := r.File
			if r.Origin != source.FromEmbedded && r.Location != "" {
				file = r.Location
			}
			t.Add(r.Name, r.Version, string(r.Origin), file, years, rows, formatCounts(r.Counts), probs)
		}
		t.Notes = append(t.Notes, "looked in, in order: "+describePlaces(d.Places()))
		if err := t.Write(m.Stdout, f.format); err != nil {
			return err
		}
	}
	for _, r := range res {
		if !r.OK() {
			if r.Err != nil {
				if _, ok := r.Err.(*source.ParseError); ok {
					return r.Err
				}
			}
			return badInputf("%s: %s", r.File, r.Problems[0])
		}
	}
	return nil
}

// describePlaces names the places of a resolution order for a reader.
func describePlaces(ps []source.Place) string {
	var parts []string
	for _, p := range ps {
		switch p.Origin {
		case source.FromDirectory:
			parts = append(parts, "--data "+p.Dir)
		case source.FromEnv:
			parts = append(parts, "$CASUS_DATA "+p.Dir)
		case source.FromCache:
			parts = append(parts, "cache "+p.Dir)
		case source.FromEmbedded:
			parts = append(parts, "the embedded snapshot")
		}
	}
	return strings.Join(parts, ", ")
}

// formatCounts renders counts as "alliances=789 states=208", sorted.
func formatCounts(c map[string]int) string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + strconv.Itoa(c[k])
	}
	return strings.Join(parts, " ")
}

func runDataFetch(ctx context.Context, m *Main, args []string) error {
	c := commands["data fetch"]
	f := newFlags(m, c)
	var cache, manifest string
	f.StringVar(&cache, "cache", "", "directory to fill (default: the user cache, casus/data)")
	f.StringVar(&manifest, "manifest", "", "JSON manifest of archives to fetch instead of the built-in one")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return &UsageError{Msg: "data fetch takes no arguments", Hint: "casus data fetch -h"}
	}
	if cache == "" {
		if cache = m.cacheDir(); cache == "" {
			return &UsageError{Msg: "no user cache directory ($HOME is not set): give --cache DIR"}
		}
	}
	man := source.DefaultManifest
	if manifest != "" {
		b, err := os.ReadFile(manifest)
		if err != nil {
			return badInputf("--manifest: %v", err)
		}
		man = source.Manifest{}
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&man); err != nil {
			return badInputf("--manifest %s: %v", manifest, err)
		}
	}
	// One bar per archive; Fetch reports bytes on disk, the bar counts
	// increments.
	var bar *output.Progress
	current, prev := "", int64(0)
	err = source.Fetch(ctx, cache, man, func(p source.Progress) {
		if p.Archive != current {
			bar.Done()
			current, prev = p.Archive, 0
			bar = output.NewProgress(m.Stderr, p.Archive, p.Total)
		}
		bar.Add(p.Done - prev)
		prev = p.Done
	})
	bar.Done()
	if err != nil {
		var ce *source.ChecksumError
		if errors.As(err, &ce) {
			return &inputError{err}
		}
		return err
	}
	n := 0
	for _, a := range man.Archives {
		n += len(a.Files)
	}
	fmt.Fprintf(m.Stdout, "%d files verified in %s\n", n, cache)
	var missing []string
	for _, k := range source.KnownFiles {
		if k.Converted {
			if _, err := os.Stat(filepath.Join(cache, filepath.FromSlash(k.Path))); err != nil {
				missing = append(missing, k.Path)
			}
		}
	}
	if len(missing) > 0 && manifest == "" {
		fmt.Fprintf(m.Stdout, "not distributed by a publisher (the embedded copies serve them): %s\n", strings.Join(missing, ", "))
	}
	if cache == m.cacheDir() {
		fmt.Fprintln(m.Stdout, "casus reads them from there (after --data and $CASUS_DATA); see casus data check")
	} else {
		fmt.Fprintf(m.Stdout, "use it with: --data %s (or CASUS_DATA=%s)\n", cache, cache)
	}
	return nil
}
