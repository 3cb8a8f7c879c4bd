package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casus-dev/casus/reliability"
)

// The must-show: the 1816–1944 share with its counts beside Leeds,
// Long & Mitchell's 74.5 %, and every coding choice named.
func TestReliability1816to1944(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "reliability", "--years", "1816-1944")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"honoured: ", " of ", "binding obligations invoked = ", "Leeds, Long & Mitchell 2000", "74.5 %",
		"--attacked", "--open-met", "--window", "--already-at-war", "--kinds", "wars after 1944 excluded",
		"contingent (an open condition", "Inter-StateWarData_v4.0.csv", "ATOP 5.1"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "1945-2007") {
		t.Errorf("1816-1944 prints the 1945-2007 period:\n%s", out)
	}
	// The data line names each source once.
	if n := strings.Count(out, "registry"); n != 1 {
		t.Errorf("the treaty registry is named %d times, want once:\n%s", n, out)
	}
}

// JSON has integer invoked and honoured and the share at its top level,
// and they agree with the CSV case list of the same run.
func TestReliabilityJSONAndCSVAgree(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "reliability", "--years", "1816-1944", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var js map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &js); err != nil {
		t.Fatalf("json: %v", err)
	}
	var inv, hon int
	var share float64
	for k, v := range map[string]any{"invoked": &inv, "honoured": &hon, "share": &share} {
		if err := json.Unmarshal(js[k], v); err != nil {
			t.Fatalf("top-level %q: %v (%s)", k, err, js[k])
		}
	}
	if !bytes.HasPrefix([]byte(strings.TrimSpace(out)), []byte(`{"invoked":`)) && !strings.HasPrefix(strings.TrimSpace(out), "{\n  \"invoked\"") {
		t.Errorf("invoked is not the first key: %.80s", out)
	}
	csvOut, _, code := run(t, "reliability", "--years", "1816-1944", "--format", "csv")
	if code != 0 {
		t.Fatal("csv run failed")
	}
	rows, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := reliability.Tally(rows)
	if err != nil {
		t.Fatal(err)
	}
	if b.Invoked != inv || b.Honoured != hon || fmt.Sprintf("%.4f", b.Share) != fmt.Sprintf("%.4f", share) {
		t.Errorf("CSV %d/%d (%.4f), JSON %d/%d (%.4f)", b.Honoured, b.Invoked, b.Share, hon, inv, share)
	}
	if inv == 0 {
		t.Error("nothing invoked")
	}
}

func TestReliabilityBadInput(t *testing.T) {
	for _, args := range [][]string{
		{"--window", "soon"},
		{"--window", "0"},
		{"--attacked", "everyone"},
		{"--years", "1700-1800"},
		{"--years", "1950-1900"},
		{"--kinds", "consultation"},
		{"--plot", "out.pdf"},
		{"extra"},
	} {
		_, errOut, code := run(t, append([]string{"reliability"}, args...)...)
		if code != 2 || strings.Count(strings.TrimSpace(errOut), "\n") > 1 {
			t.Errorf("%v: exit %d, stderr %q: want exit 2 and one clear line", args, code, errOut)
		}
	}
}

// --plot writes the figure (PNG and SVG) and nothing half-written on error.
func TestReliabilityPlot(t *testing.T) {
	needData(t)
	dir := t.TempDir()
	for _, name := range []string{"rel.png", "rel.svg"} {
		p := filepath.Join(dir, name)
		out, errOut, code := run(t, "reliability", "--plot", p)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		st, err := os.Stat(p)
		if err != nil || st.Size() < 1000 || !strings.Contains(out, "wrote "+p) {
			t.Errorf("%s: %v, %d bytes, %q", name, err, st.Size(), out)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("want exactly the two figures in %s, got %d files", dir, len(entries))
	}
}

// --attacked dyadic reads COW's directed dyadic war data: the Soviet
// attack on Poland of 1939-09-17 breaks the 1932 pact.
func TestReliabilityDyadic(t *testing.T) {
	out, errOut, code := run(t, "reliability", "--attacked", "dyadic", "--years", "1939-1939", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "1939-09-01,POL,GMY,RUS,Russia,POL,Poland,atop-2295") || !strings.Contains(out, "RUS attacked POL on 1939-09-17 (dyadic war 169.001)") {
		t.Errorf("want the USSR's 1932 pledges to Poland broken by its attack of 1939-09-17:\n%s", out)
	}
}
