package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/source/sourcetest"
)

// checkRow is what a reader of `casus data check --format json` sees.
type checkRow struct {
	Name     string         `json:"name"`
	Version  string         `json:"version"`
	File     string         `json:"file"`
	First    int            `json:"first_year"`
	Last     int            `json:"last_year"`
	Rows     int            `json:"rows"`
	Counts   map[string]int `json:"counts"`
	Problems []string       `json:"problems"`
}

func TestDataCheckJSON(t *testing.T) {
	dir := needData(t)
	out, errOut, code := run(t, "data", "check", "--data", dir, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res []checkRow
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	by := map[string]int{}
	for i, r := range res {
		by[r.File] = i
		if len(r.Problems) > 0 {
			t.Errorf("%s: %v", r.File, r.Problems)
		}
	}
	get := func(file string) checkRow {
		i, ok := by[file]
		if !ok {
			t.Fatalf("%s not in the check output", file)
		}
		return res[i]
	}
	if r := get("atop/atop5_1m.csv"); r.Version != "5.1" || r.Counts["alliances"] != 789 || r.Counts["member rows"] != 2510 {
		t.Errorf("ATOP members: %+v", r)
	}
	if r := get("cow_nmc/NMC-60-abridged.csv"); r.Version != "6.0" || r.Rows != 15951 || r.First != 1816 || r.Last != 2016 {
		t.Errorf("NMC 6.0: %+v", r)
	}
	if r := get("cow_states/states2016.csv"); r.Counts["states"] != 217 {
		t.Errorf("states2016: %+v", r)
	}
	if r := get("cow_war/Inter-StateWarData_v4.0.csv"); r.Counts["wars"] != 95 || r.Counts["participants"] != 337 {
		t.Errorf("wars: %+v", r)
	}
	for file, rows := range map[string]int{"cow_contiguity/contdir.csv": 847, "capitals/cow_capitals_peacesciencer.csv": 242, "crosswalk/codelist_without_cldr.csv": 292} {
		if r := get(file); r.Rows != rows {
			t.Errorf("%s: %d rows, want %d", file, r.Rows, rows)
		}
	}
}

func TestDataCheckMalformedExits2(t *testing.T) {
	src := sourcetest.Dir(t)
	dir := t.TempDir()
	// Every file of the reference directory, linked, except a damaged
	// majors2016.csv whose line 3 has a non-numeric ccode.
	err := filepath.Walk(src, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() || !strings.HasSuffix(p, ".csv") {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		dst := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(dst), 0o755)
		if rel == filepath.Join("cow_states", "majors2016.csv") {
			b, _ := os.ReadFile(p)
			lines := strings.Split(string(b), "\r\n")
			lines[2] = strings.Replace(lines[2], ",200,", ",2x0,", 1)
			return os.WriteFile(dst, []byte(strings.Join(lines, "\r\n")), 0o644)
		}
		return os.Symlink(p, dst)
	})
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "data", "check", "--data", dir)
	if code != 2 {
		t.Fatalf("exit %d, want 2; stderr %s", code, errOut)
	}
	want := `majors2016.csv:3: column "ccode": want an integer from 2 to 999, got "2x0"`
	if !strings.Contains(errOut, want) || !strings.Contains(out, want) {
		t.Errorf("want %q in stderr and in the table\nstderr: %s\nstdout: %s", want, errOut, out)
	}
}

// With nothing configured every file comes from the embedded snapshot, as
// released: each row says "embedded", its release, and no note (a note
// would mean a hash differs from the published one).
func TestDataCheckEmbedded(t *testing.T) {
	out, errOut, code := runWith(t, map[string]string{"CASUS_DATA": ""}, "data", "check", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res []struct {
		checkRow
		Origin   string   `json:"origin"`
		Location string   `json:"location"`
		Notes    []string `json:"notes"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res) != len(source.KnownFiles) {
		t.Errorf("%d rows, want one per known file (%d)", len(res), len(source.KnownFiles))
	}
	for _, r := range res {
		if r.Origin != "embedded" || r.Location != "embedded:"+r.File || r.Version == "" || r.Rows == 0 || len(r.Problems)+len(r.Notes) > 0 {
			t.Errorf("%s: origin %q location %q release %q rows %d problems %v notes %v", r.File, r.Origin, r.Location, r.Version, r.Rows, r.Problems, r.Notes)
		}
	}
	text, _, _ := runWith(t, map[string]string{"CASUS_DATA": ""}, "data", "check")
	if !strings.Contains(text, "looked in, in order: the embedded snapshot") {
		t.Errorf("text output does not say where it looked:\n%s", text)
	}
}

// Each file comes from the first place holding it: --data, $CASUS_DATA, the
// cache `casus data fetch` fills (under $HOME), the snapshot.
func TestDataCheckResolutionOrder(t *testing.T) {
	dir, env, home := t.TempDir(), t.TempDir(), t.TempDir()
	cache := filepath.Join(home, ".cache", "casus", "data")
	sourcetest.WriteFile(t, dir, source.PathMajors2016)
	sourcetest.WriteFile(t, env, source.PathStateList2024)
	sourcetest.WriteFile(t, cache, source.PathWars)
	out, errOut, code := runWith(t, map[string]string{"CASUS_DATA": env, "HOME": home}, "data", "check", "--data", dir, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res []struct {
		File     string `json:"file"`
		Origin   string `json:"origin"`
		Location string `json:"location"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{
		source.PathMajors2016:    {"directory", filepath.Join(dir, source.PathMajors2016)},
		source.PathStateList2024: {"env", filepath.Join(env, source.PathStateList2024)},
		source.PathWars:          {"cache", filepath.Join(cache, source.PathWars)},
		source.PathNMC6:          {"embedded", "embedded:" + source.PathNMC6},
	}
	for _, r := range res {
		if w, ok := want[r.File]; ok && (r.Origin != w[0] || r.Location != w[1]) {
			t.Errorf("%s: %s %s, want %s %s", r.File, r.Origin, r.Location, w[0], w[1])
		}
	}
}

// --data that is not a data directory: exit 2 with one line, naming --data.
func TestDataFlagNotADirectory(t *testing.T) {
	file := filepath.Join(t.TempDir(), "states.csv")
	os.WriteFile(file, []byte("x\n"), 0o644)
	for _, args := range [][]string{
		{"data", "check", "--data", file},
		{"state", "PRK", "--data", file},
		{"state", "PRK", "--data", filepath.Join(t.TempDir(), "nosuch")},
	} {
		out, errOut, code := run(t, args...)
		if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "casus: --data ") || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and one line naming --data", args, code, out, errOut)
		}
	}
}

func TestDataFetchFromLocalServer(t *testing.T) {
	content := []byte("a,b\n1,2\n")
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	w, _ := zw.Create("pkg/x.csv")
	w.Write(content)
	zw.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.ServeContent(w, r, "x.zip", time.Time{}, bytes.NewReader(zbuf.Bytes()))
	}))
	defer srv.Close()
	h := sha256.Sum256(content)
	man := map[string]any{"archives": []map[string]any{{
		"name": "x.zip", "url": srv.URL + "/x.zip", "kind": "zip",
		"files": []map[string]string{{"member": "pkg/x.csv", "path": "set/x.csv", "sha256": hex.EncodeToString(h[:])}},
	}}}
	tmp := t.TempDir()
	mp := filepath.Join(tmp, "manifest.json")
	b, _ := json.Marshal(man)
	os.WriteFile(mp, b, 0o644)
	cache := filepath.Join(tmp, "cache")

	out, errOut, code := run(t, "data", "fetch", "--cache", cache, "--manifest", mp)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if got, _ := os.ReadFile(filepath.Join(cache, "set", "x.csv")); !bytes.Equal(got, content) {
		t.Errorf("fetched %q", got)
	}
	if !strings.Contains(out, "1 files verified") {
		t.Errorf("stdout %q", out)
	}
	if errOut != "" {
		t.Errorf("progress written to a non-terminal stderr: %q", errOut)
	}

	// A wrong checksum: exit 2 and no file under the final name.
	man["archives"].([]map[string]any)[0]["files"] = []map[string]string{{"member": "pkg/x.csv", "path": "set/y.csv", "sha256": strings.Repeat("0", 64)}}
	b, _ = json.Marshal(man)
	os.WriteFile(mp, b, 0o644)
	_, errOut, code = run(t, "data", "fetch", "--cache", cache, "--manifest", mp)
	if code != 2 || !strings.Contains(errOut, "sha256") {
		t.Errorf("checksum mismatch: exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(cache, "set", "y.csv")); err == nil {
		t.Error("a file that failed its checksum was left in place")
	}
}

// casus data fetch fills the folder casus reads: after a fetch into the
// default cache (under $HOME), data check reports the fetched file as
// coming from the cache, and the others still from the snapshot.
func TestFetchedFilesAreRead(t *testing.T) {
	majors := sourcetest.ReadFile(t, source.PathMajors2016)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.ServeContent(w, r, "majors2016.csv", time.Time{}, bytes.NewReader(majors))
	}))
	defer srv.Close()
	k, _ := source.KnownFileFor(source.PathMajors2016)
	man := map[string]any{"archives": []map[string]any{{
		"name": "majors2016.csv", "url": srv.URL + "/majors2016.csv", "kind": "file",
		"files": []map[string]string{{"path": source.PathMajors2016, "sha256": k.SHA256}},
	}}}
	home := t.TempDir()
	mp := filepath.Join(home, "manifest.json")
	b, _ := json.Marshal(man)
	os.WriteFile(mp, b, 0o644)
	env := map[string]string{"HOME": home, "CASUS_DATA": ""}
	if _, errOut, code := runWith(t, env, "data", "fetch", "--manifest", mp); code != 0 {
		t.Fatalf("fetch: exit %d: %s", code, errOut)
	}
	out, errOut, code := runWith(t, env, "data", "check", "--format", "json")
	if code != 0 {
		t.Fatalf("check: exit %d: %s", code, errOut)
	}
	var res []struct {
		File, Origin, Location string
	}
	json.Unmarshal([]byte(out), &res)
	cache := filepath.Join(home, ".cache", "casus", "data")
	for _, r := range res {
		want, loc := "embedded", "embedded:"+r.File
		if r.File == source.PathMajors2016 {
			want, loc = "cache", filepath.Join(cache, filepath.FromSlash(r.File))
		}
		if r.Origin != want || r.Location != loc {
			t.Errorf("%s: %s %s, want %s %s", r.File, r.Origin, r.Location, want, loc)
		}
	}
}
