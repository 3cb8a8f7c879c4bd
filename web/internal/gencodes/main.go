// Command gencodes writes web/src/states.json, the table the browser uses to
// put COW states on a map whose features are keyed by ISO 3166 numeric
// codes (world-atlas, Natural Earth): every COW state with its code,
// abbreviation and name, its ISO3 as casus resolves it (the countrycode
// crosswalk plus casus's overrides, the same value the API returns), and the
// ISO numeric code the crosswalk gives that ISO3. States without a modern
// ISO code (Austria-Hungary, Prussia, the Papal States …) keep isoN 0: the
// UI lists them beside the map instead of colouring a feature.
//
// Run from the repository root: go run ./web/internal/gencodes [-data DIR]
// (default: the snapshot embedded in casus). web/codes_test.go checks the
// committed file against the data, so the table is derived, never typed in.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/web/internal/codes"
)

func main() {
	data := flag.String("data", "", "directory of the official data files (default: the embedded snapshot)")
	out := flag.String("out", filepath.Join("web", "src", "states.json"), "file to write")
	flag.Parse()
	d := source.Embedded()
	if *data != "" {
		d = source.Dir(*data)
	}
	b, err := codes.Build(d)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencodes:", err)
		os.Exit(1)
	}
	tmp := *out + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gencodes:", err)
		os.Exit(1)
	}
	if err := os.Rename(tmp, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gencodes:", err)
		os.Exit(1)
	}
}
