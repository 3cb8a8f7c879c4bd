package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func sample() *Table {
	t := &Table{Columns: []string{"state", "cinc", "major"}, Types: map[string]string{"cinc": "number", "major": "bool"}}
	t.Add("USA", "0.1331", "true")
	t.Add("PRK", "", "false") // missing CINC
	t.Add("A|B", "0.5", "")
	t.Notes = []string{"source: NMC 6.0"}
	return t
}

func TestTableFormats(t *testing.T) {
	for _, tc := range []struct {
		format string
		want   string
	}{
		{"text", "state  cinc    major\nUSA    0.1331  true\nPRK            false\nA|B    0.5     \nsource: NMC 6.0\n"},
		{"csv", "state,cinc,major\nUSA,0.1331,true\nPRK,,false\nA|B,0.5,\n"},
		{"md", "| state | cinc | major |\n| --- | --- | --- |\n| USA | 0.1331 | true |\n| PRK |  | false |\n| A\\|B | 0.5 |  |\n\nsource: NMC 6.0\n"},
	} {
		var b bytes.Buffer
		if err := sample().Write(&b, tc.format); err != nil {
			t.Fatal(err)
		}
		if b.String() != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.format, b.String(), tc.want)
		}
	}
}

// JSON keeps missing values as null, never 0 or "", and types numbers and
// booleans so programs need not parse strings.
func TestTableJSONMissingIsNull(t *testing.T) {
	var b bytes.Buffer
	if err := sample().Write(&b, "json"); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(b.Bytes(), &rows); err != nil {
		t.Fatalf("invalid JSON %q: %v", b.String(), err)
	}
	if len(rows) != 3 || rows[0]["cinc"] != 0.1331 || rows[0]["major"] != true {
		t.Fatalf("rows %v", rows)
	}
	if v, ok := rows[1]["cinc"]; !ok || v != nil {
		t.Errorf("missing cinc = %v (present %v), want null", v, ok)
	}
	if v := rows[2]["major"]; v != nil {
		t.Errorf("missing bool = %v, want null", v)
	}
}

func TestUnknownFormat(t *testing.T) {
	if err := sample().Write(&bytes.Buffer{}, "xml"); err == nil || !strings.Contains(err.Error(), "unknown format") {
		t.Fatalf("err = %v", err)
	}
	if ValidFormat("xml") || !ValidFormat("md") {
		t.Fatal("ValidFormat wrong")
	}
}

// A file appears under its final name only on Commit; Abort leaves the
// directory as it was, and so does a failure half-way.
func TestAtomicFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "panel.csv")

	f, err := CreateAtomic(path)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("half")
	f.Abort()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("Abort left %v", entries)
	}

	f, err = CreateAtomic(path)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("a,b\n")
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("file visible before Commit: %v", err)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	f.Abort() // after Commit: a no-op
	b, err := os.ReadFile(path)
	if err != nil || string(b) != "a,b\n" {
		t.Fatalf("after Commit: %q, %v", b, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("temp files left: %v", entries)
	}
}

func TestCreateAtomicInMissingDir(t *testing.T) {
	if _, err := CreateAtomic(filepath.Join(t.TempDir(), "no", "such", "x.csv")); err == nil {
		t.Fatal("want an error for a missing directory")
	}
}

// Progress stays silent when stderr is not a terminal (CI logs, pipes).
func TestProgressSilentOffTerminal(t *testing.T) {
	var b bytes.Buffer
	p := NewProgress(&b, "panel", 10)
	p.Add(5)
	p.Done()
	if b.Len() != 0 {
		t.Fatalf("progress wrote %q to a non-terminal", b.String())
	}
	var nilP *Progress
	nilP.Add(1) // a nil bar is a valid "no progress"
	nilP.Done()
}

// JSON rows keep the column order of the table, as CSV does: researchers
// read both, and a sorted map would put "year" after the measures.
func TestJSONKeysInColumnOrder(t *testing.T) {
	tb := &Table{Columns: []string{"year", "ccode1", "b", "a"}, Types: map[string]string{"year": "number", "ccode1": "number"}}
	tb.Add("2010", "2", "x", "")
	var sb strings.Builder
	if err := tb.Write(&sb, "json"); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(strings.Fields(sb.String()), "")
	if want := `[{"year":2010,"ccode1":2,"b":"x","a":""}]`; got != want {
		t.Errorf("JSON %s, want %s", got, want)
	}
}
