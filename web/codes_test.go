package web

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/casus-dev/casus/source/sourcetest"
	"github.com/casus-dev/casus/web/internal/codes"
)

// TestStatesTableFromData checks that src/states.json, the COW-to-ISO
// crosswalk the map uses, is exactly what the official data give (run
// go run ./web/internal/gencodes to refresh it), and spot-checks codes
// ISO 3166 publishes.
func TestStatesTableFromData(t *testing.T) {
	want, err := codes.Build(sourcetest.Data())
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("src", "states.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("web/src/states.json differs from the data; run: go run ./web/internal/gencodes")
	}
	var rows []codes.State
	if err := json.Unmarshal(got, &rows); err != nil {
		t.Fatal(err)
	}
	by := map[string]codes.State{}
	for _, r := range rows {
		by[r.Abb] = r
	}
	// ISO 3166-1 numeric: Russian Federation 643, DPRK 408, Republic of
	// Korea 410, USA 840, China 156, Germany 276; Austria-Hungary has none.
	for abb, n := range map[string]int{"RUS": 643, "PRK": 408, "ROK": 410, "USA": 840, "CHN": 156, "GMY": 276, "AUH": 0} {
		if by[abb].ISON != n {
			t.Errorf("%s: ISO numeric %d, want %d", abb, by[abb].ISON, n)
		}
	}
}

// TestAssetsBuilt guards the embed: the page, the bundle and the styles the
// page loads are in the binary.
func TestAssetsBuilt(t *testing.T) {
	page, err := fs.ReadFile(Assets, "index.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"app.js", "app.css"} {
		if !bytes.Contains(page, []byte(`"`+f+`"`)) {
			t.Errorf("index.html does not load %s", f)
		}
		if b, err := fs.ReadFile(Assets, f); err != nil || len(b) == 0 {
			t.Errorf("%s: missing from the embedded assets (%v); run sh web/build.sh", f, err)
		}
	}
}
