package source

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseErrorRendering(t *testing.T) {
	e := &ParseError{File: "atop5_1m.csv", Line: 1042, Column: "defense", Want: "0 or 1", Got: "x"}
	if got, want := e.Error(), `atop5_1m.csv:1042: column "defense": want 0 or 1, got "x"`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	e = &ParseError{File: "a.csv", Line: 3, Want: "105 fields", Got: "104"}
	if got, want := e.Error(), `a.csv:3: want 105 fields, got 104`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// scanAll returns every record of data as strings with its start line.
func scanAll(t *testing.T, data string) ([][]string, []int, error) {
	t.Helper()
	s := newScanner("t.csv", []byte(data))
	var recs [][]string
	var lines []int
	for {
		ok, err := s.record()
		if err != nil || !ok {
			return recs, lines, err
		}
		var r []string
		for _, f := range s.fields {
			r = append(r, string(f))
		}
		recs = append(recs, r)
		lines = append(lines, s.rec)
	}
}

func TestScannerLineEnds(t *testing.T) {
	cases := []struct {
		name, data string
		recs       int
		lines      []int
	}{
		{"LF", "a,b\n1,2\n3,4\n", 3, []int{1, 2, 3}},
		{"CRLF no final newline", "a,b\r\n1,2\r\n3,4", 3, []int{1, 2, 3}},
		{"bare CR", "a,b\r1,2\r3,4", 3, []int{1, 2, 3}},
		{"quoted newline counts as a line", "a,b\n\"x\ny\",2\n3,4\n", 3, []int{1, 2, 4}},
		{"BOM", "\xef\xbb\xbfa,b\n1,2\n", 2, []int{1, 2}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			recs, lines, err := scanAll(t, c.data)
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != c.recs {
				t.Fatalf("%d records %q, want %d", len(recs), recs, c.recs)
			}
			for i, l := range c.lines {
				if lines[i] != l {
					t.Errorf("record %d starts on line %d, want %d", i, lines[i], l)
				}
			}
			if recs[0][0] != "a" {
				t.Errorf("first field %q", recs[0][0])
			}
		})
	}
	recs, _, err := scanAll(t, `"he said ""hi""",2`+"\n")
	if err != nil || recs[0][0] != `he said "hi"` {
		t.Errorf("escaped quotes: %q, %v", recs, err)
	}
	for _, bad := range []string{"\"open,1\n", "\"x\"y,1\n", "a\"b,1\n"} {
		if _, _, err := scanAll(t, bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// writeModified copies a real data file into a temp dir, replacing the
// given 1-based physical line (line ends detected from the file).
func writeModified(t *testing.T, rel string, line int, edit func(fields []string) []string) string {
	t.Helper()
	data := fileBytes(t, rel)
	sep := "\n"
	switch {
	case bytes.Contains(data, []byte("\r\n")):
		sep = "\r\n"
	case bytes.Contains(data, []byte("\r")):
		sep = "\r"
	}
	lines := strings.Split(string(data), sep)
	lines[line-1] = strings.Join(edit(strings.Split(lines[line-1], ",")), ",")
	p := filepath.Join(t.TempDir(), filepath.Base(rel))
	if err := os.WriteFile(p, []byte(strings.Join(lines, sep)), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestMalformedCopies(t *testing.T) {
	col := func(name string) int {
		for i, n := range atopMemberHeader {
			if n == name {
				return i
			}
		}
		t.Fatalf("no column %s", name)
		return 0
	}
	set := func(i int, v string) func([]string) []string {
		return func(f []string) []string { f[i] = v; return f }
	}
	drop := func(f []string) []string { return f[:len(f)-1] }
	cases := []struct {
		name string
		rel  string
		line int
		edit func([]string) []string
		read func(p Source) error
		want string
	}{
		{"ATOP member non-dummy", PathATOPMembers, 1042, set(col("defense"), "x"),
			func(p Source) error { _, _, err := ReadATOPMembers(p); return err },
			`atop5_1m.csv:1042: column "defense": want 0 or 1, got "x"`},
		{"ATOP member truncated row", PathATOPMembers, 2000, drop,
			func(p Source) error { _, _, err := ReadATOPMembers(p); return err },
			`atop5_1m.csv:2000: want 105 fields, got 104`},
		{"NMC 6.0 non-numeric", PathNMC6, 777, set(3, "12a"),
			func(p Source) error { _, err := ReadNMC6(p); return err },
			`NMC-60-abridged.csv:777: column "milex": want a number from 0 to 1e+10 or -9 (missing), got "12a"`},
		{"NMC 6.0 blank where -9 is the code", PathNMC6, 5, set(4, ""),
			func(p Source) error { _, err := ReadNMC6(p); return err },
			`NMC-60-abridged.csv:5: column "milper": want a number from 0 to 1e+06 or -9 (missing), got ""`},
		{"war file with bare CR line ends", PathWars, 100, set(5, "3"),
			func(p Source) error { _, _, err := ReadInterStateWars(p); return err },
			`Inter-StateWarData_v4.0.csv:100: column "Side": want 1 or 2, got "3"`},
		{"ddyr truncated", PathATOPDyadYears, 200000, drop,
			func(p Source) error { _, err := ReadATOPDyadYears(p); return err },
			`atop5_1_ddyr_subset_peacesciencer.csv:200000: want 8 fields, got 7`},
		{"ddyr flag out of range (fast path rewinds)", PathATOPDyadYears, 123456, set(3, "2"),
			func(p Source) error { _, err := ReadATOPDyadYears(p); return err },
			`atop5_1_ddyr_subset_peacesciencer.csv:123456: column "atop_defense": want 0 or 1, got "2"`},
		{"ddyr repeated dyad-year", PathATOPDyadYears, 3, func(f []string) []string { f[2] = "1942"; return f },
			func(p Source) error { _, err := ReadATOPDyadYears(p); return err },
			`atop5_1_ddyr_subset_peacesciencer.csv:3: column "year": want a dyad-year not already in the file, got "1942"`},
		{"states impossible day", PathStateList2024, 10, set(5, "31"),
			func(p Source) error { _, _, err := ReadStateList2024(p); return err },
			`statelist2024.csv:10: column "stday": want a day that exists in 1924-09, got "31"`},
		{"header renamed", PathContdir, 1, set(5, "type"),
			func(p Source) error { _, _, err := ReadContiguity(p); return err },
			`contdir.csv:1: column "conttype": want header "conttype", got "type"`},
		{"capitals bad date", PathCapitals, 3, set(3, `"1867-02-30"`),
			func(p Source) error { _, _, err := ReadCapitals(p); return err },
			`cow_capitals_peacesciencer.csv:3: column "stdate": want a date YYYY-MM-DD, got "1867-02-30"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.read(Path(writeModified(t, c.rel, c.line, c.edit)))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a *ParseError", err)
			}
			if pe.Line != c.line {
				t.Errorf("line %d, want %d (%v)", pe.Line, c.line, err)
			}
			if c.want != "" && err.Error() != c.want {
				t.Errorf("got  %s\nwant %s", err, c.want)
			}
		})
	}
}

func TestNMCMissingIsNaN(t *testing.T) {
	data := "stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc,version\r\n" +
		"AAA,2,1816,-9,17,80,254,8659,101,3.9697491E-2,2021"
	rows, err := parseNMC6("x.csv", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(rows[0].Milex) || rows[0].Milper != 17 || math.Abs(rows[0].CINC-0.039697491) > 1e-12 {
		t.Errorf("row %+v", rows[0])
	}
	data7 := "ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n2,1816,,17,80,254,8659,101,0.04\n"
	rows, err = parseNMC7("y.csv", []byte(data7))
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(rows[0].Milex) {
		t.Errorf("blank milex = %v, want NaN", rows[0].Milex)
	}
	if _, err := parseNMC7("y.csv", []byte(strings.Replace(data7, ",,", ",-9,", 1))); err == nil {
		t.Error("NMC 7.0 accepted -9, which it never uses")
	}
	if _, err := parseNMC6("x.csv", []byte(strings.Replace(data, "-9", "NaN", 1))); err == nil {
		t.Error("NMC 6.0 accepted NaN")
	}
}

func TestDuplicateKeys(t *testing.T) {
	h := "ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n"
	row := func(code, year string) string { return code + "," + year + ",1,1,1,1,1,1,0.5\n" }
	cases := []struct {
		name, data, want string
	}{
		{"sorted repeat", h + row("2", "1816") + row("2", "1816"),
			`y.csv:3: column "year": want a ccode-year not already in the file, got "1816"`},
		{"unsorted repeat", h + row("20", "1900") + row("2", "1816") + row("2", "1817") + row("20", "1900"),
			`y.csv:5: column "year": want a ccode-year not already in the file, got "1900"`},
	}
	for _, c := range cases {
		_, err := parseNMC7("y.csv", []byte(c.data))
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: err = %v, want %s", c.name, err, c.want)
		}
	}
	if _, err := parseNMC7("y.csv", []byte(h+row("20", "1900")+row("2", "1816")+row("2", "1817"))); err != nil {
		t.Errorf("unsorted but unique rows rejected: %v", err)
	}
}
