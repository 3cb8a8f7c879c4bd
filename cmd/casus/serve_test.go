package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// serveInProcess runs `casus serve --addr 127.0.0.1:0` in-process and
// returns its base URL; the server is stopped (as by SIGTERM: the context
// ends) when the test ends, and must exit cleanly.
func serveInProcess(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: pw, Getenv: os.Getenv}
	done := make(chan error, 1)
	go func() {
		err := m.Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...))
		pw.CloseWithError(io.EOF)
		done <- err
	}()
	addrRE := regexp.MustCompile(`addr=(http://127\.0\.0\.1:\d+)`)
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			if m := addrRE.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
				break
			}
		}
		io.Copy(io.Discard, pr) // keep the log flowing
	}()
	var base string
	select {
	case base = <-found:
	case err := <-done:
		t.Fatalf("serve exited before listening: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start listening within 60s")
	}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve after shutdown: %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("serve did not shut down within 15s")
		}
	})
	return base
}

// koreaScenarioFile is the Korea 2025 example in the repository
// (balance_test.go's koreaScenario is an inline variant).
const koreaScenarioFile = "../../examples/korea-2025.yaml"

// TestServeScenarioSameJSONAsCLI is the "must show": POST
// /api/scenario with the Korea 2025 file answers the bytes `casus scenario
// FILE --format json` prints. The CLI's report names the file it read; the
// request names it with ?name=, and without it the report differs only in
// lacking scenario.file.
func TestServeScenarioSameJSONAsCLI(t *testing.T) {
	dir := needData(t)
	file := koreaScenarioFile
	rel := filepath.ToSlash(file)
	cli, errOut, code := run(t, "scenario", rel, "--format", "json", "--data", dir)
	if code != 0 {
		t.Fatalf("casus scenario: exit %d: %s", code, errOut)
	}
	base := serveInProcess(t, "--data", dir)
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	postScenario := func(query string) []byte {
		resp, err := http.Post(base+"/api/scenario"+query, "application/yaml", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("POST /api/scenario%s: %d %s", query, resp.StatusCode, b)
		}
		return b
	}
	// The command: curl -X POST --data-binary @FILE sends no name.
	if plain := postScenario(""); !bytes.Equal(plain, []byte(cli)) {
		t.Errorf("server and CLI differ:\nserver %.600s\ncli    %.600s", plain, cli)
	}
	if named := postScenario("?name=" + url.QueryEscape(rel)); !bytes.Equal(named, []byte(cli)) {
		t.Errorf("server (?name=) and CLI differ:\nserver %.600s\ncli    %.600s", named, cli)
	}
}

// TestServeSameJSONAsCLI: the read endpoints answer the bytes the matching
// command prints with --format json (or csv).
func TestServeSameJSONAsCLI(t *testing.T) {
	dir := needData(t)
	base := serveInProcess(t, "--data", dir)
	for _, tc := range []struct {
		path string
		args []string
	}{
		{"/api/system?year=1914", []string{"system", "--year", "1914", "--format", "json"}},
		{"/api/system?year=1950&blocs=true", []string{"system", "--year", "1950", "--blocs", "--format", "json"}},
		{"/api/system?year=2020&carry_forward=false", []string{"system", "--year", "2020", "--carry-forward=false", "--format", "json"}},
		{"/api/system?blocs=true&on=2025-01-01", []string{"system", "--blocs", "--on", "2025-01-01", "--format", "json"}},
		{"/api/system?blocs=true&on=1914-08-01", []string{"system", "--blocs", "--on", "1914-08-01", "--format", "json"}},
		{"/api/system/series?years=1900-1920&format=csv", []string{"system", "--years", "1900-1920", "--format", "csv"}},
		{"/api/system/series", []string{"system", "--format", "json"}},
		{"/api/treaties?in_force=1914-08-01&kind=defense", []string{"treaty", "list", "--in-force", "1914-08-01", "--kind", "defense", "--format", "json"}},
		{"/api/treaties?state=PRK&source=registry", []string{"treaty", "list", "--state", "PRK", "--source", "registry", "--format", "json"}},
		{"/api/treaties/nato-1949", []string{"treaty", "show", "nato-1949", "--format", "json"}},
		{"/api/states/DPRK?on=2016-06-01", []string{"state", "DPRK", "--on", "2016-06-01", "--format", "json"}},
		{"/api/states/RUS?years=1816-2022", []string{"state", "RUS", "--years", "1816-2022", "--format", "json"}},
		{"/api/guarantees?state=PRK&on=2025-01-01", []string{"guarantees", "PRK", "--on", "2025-01-01", "--format", "json"}},
		{"/api/places", []string{"places", "--format", "json"}},
		{"/api/similarity?a=UKG&b=USA&years=1950-1953", []string{"similarity", "USA", "UKG", "--years", "1950-1953", "--format", "json"}},
		{"/api/similarity?a=USA&b=Russia&years=1914&format=csv", []string{"similarity", "USA", "RUS", "--years", "1914", "--format", "csv"}},
	} {
		cli, errOut, code := run(t, append(tc.args, "--data", dir)...)
		if code != 0 {
			t.Errorf("casus %v: exit %d: %s", tc.args, code, errOut)
			continue
		}
		resp, err := http.Get(base + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !bytes.Equal(b, []byte(cli)) {
			t.Errorf("GET %s (%d) differs from casus %v:\nserver %.300s\ncli    %.300s", tc.path, resp.StatusCode, tc.args, b, cli)
		}
	}
}

// TestServePanelRowsAsCLI: GET /api/panel's CSV rows of a dyad and of a
// year are the lines of the file `casus panel … --out FILE.csv` writes.
func TestServePanelRowsAsCLI(t *testing.T) {
	dir := needData(t)
	base := serveInProcess(t, "--data", dir)
	out := filepath.Join(t.TempDir(), "p.csv")
	if _, errOut, code := run(t, "panel", "dyad-years", "--years", "1914-1916", "--add", "atop,nmc,majors", "--out", out, "--data", dir); code != 0 {
		t.Fatalf("casus panel: %s", errOut)
	}
	file, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(file), "\n")
	want := lines[0] // header
	all := lines[0]
	for _, l := range lines[1:] {
		if strings.HasPrefix(l, "2,200,") {
			want += l
		}
		if f := strings.SplitN(l, ",", 4); len(f) == 4 && f[2] == "1915" {
			all += l
		}
	}
	get := func(path string) string {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %s", path, resp.StatusCode, b)
		}
		return string(b)
	}
	if got := get("/api/panel?a=UKG&b=USA&years=1914-1916&add=atop,nmc,majors&format=csv"); got != want || strings.Count(got, "\n") != 4 {
		t.Errorf("dyad rows differ from the CLI's file:\nserver %s\ncli    %s", got, want)
	}
	if got := get("/api/panel?year=1915&add=atop,nmc,majors&format=csv"); got != all || strings.Count(got, "\n") < 100 {
		t.Errorf("the 1915 rows differ from the CLI's file (%d vs %d lines)", strings.Count(got, "\n"), strings.Count(all, "\n"))
	}
}
