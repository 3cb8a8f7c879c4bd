package treaty

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/world"
)

// ATOP 5.1 stops at 2018-12-31. Two checked-in tables carry what casus
// knows beyond it and what people call ATOP's alliances; both are part of
// the binary, so every casus answers alike, and a broken row fails the
// tests, not a user's run.
//
//go:embed atop_after2018.csv
var atopAfter2018CSV []byte

//go:embed atop_names.csv
var atopNamesCSV []byte

// ATOPAfter2018File and ATOPNamesFile name the tables in error messages.
const (
	ATOPAfter2018File = "treaty/atop_after2018.csv"
	ATOPNamesFile     = "treaty/atop_names.csv"
)

// ATOPEnding is one row of atop_after2018.csv: an ATOP alliance (State
// empty) or one member's part in it (State a COW abbreviation) that ended
// after ATOP's coverage, with its last day in force and the sources.
type ATOPEnding struct {
	Line    int
	ATOPID  int
	State   string
	LastDay world.Date
	Reason  string
	Sources []string
}

// ATOPName is one row of atop_names.csv: the name people use for an ATOP
// alliance, other names it is searched by, the year ATOP dates it from and
// members it must have (both checked against ATOP by the tests), and the
// page that names the treaty with its date and parties.
type ATOPName struct {
	Line    int
	ATOPID  int
	Name    string
	Aliases []string
	Year    int
	Members []string
	Source  string
}

// ATOPEndings parses atop_after2018.csv.
func ATOPEndings() ([]ATOPEnding, error) {
	var out []ATOPEnding
	err := readTable(ATOPAfter2018File, atopAfter2018CSV, []string{"atopid", "state", "last_day", "reason", "sources"}, func(line int, rec []string) error {
		e := ATOPEnding{Line: line, State: rec[1], Reason: rec[3], Sources: strings.Fields(rec[4])}
		var err error
		if e.ATOPID, err = atoiCol(ATOPAfter2018File, line, "atopid", rec[0]); err != nil {
			return err
		}
		if e.LastDay, err = world.ParseDate(rec[2]); err != nil {
			return tableErr(ATOPAfter2018File, line, "last_day", "a date YYYY-MM-DD after 2018-12-31", rec[2])
		}
		if e.LastDay <= ATOPEnd {
			return tableErr(ATOPAfter2018File, line, "last_day", "a day after ATOP's end (2018-12-31)", rec[2])
		}
		if strings.TrimSpace(e.Reason) == "" {
			return tableErr(ATOPAfter2018File, line, "reason", "what ended it, in a sentence", rec[3])
		}
		if len(e.Sources) == 0 {
			return tableErr(ATOPAfter2018File, line, "sources", "one or more http(s) URLs separated by spaces", rec[4])
		}
		for _, u := range e.Sources {
			if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
				return tableErr(ATOPAfter2018File, line, "sources", "http(s) URLs separated by spaces", u)
			}
		}
		out = append(out, e)
		return nil
	})
	return out, err
}

// ATOPNames parses atop_names.csv.
func ATOPNames() ([]ATOPName, error) {
	var out []ATOPName
	err := readTable(ATOPNamesFile, atopNamesCSV, []string{"atopid", "name", "aliases", "year", "members", "source"}, func(line int, rec []string) error {
		n := ATOPName{Line: line, Name: strings.TrimSpace(rec[1]), Members: strings.Fields(rec[4]), Source: rec[5]}
		var err error
		if n.ATOPID, err = atoiCol(ATOPNamesFile, line, "atopid", rec[0]); err != nil {
			return err
		}
		if n.Year, err = atoiCol(ATOPNamesFile, line, "year", rec[3]); err != nil {
			return err
		}
		if n.Name == "" {
			return tableErr(ATOPNamesFile, line, "name", "the name people use for the alliance", rec[1])
		}
		for _, a := range strings.Split(rec[2], ";") {
			if a = strings.TrimSpace(a); a != "" {
				n.Aliases = append(n.Aliases, a)
			}
		}
		if len(n.Members) < 2 {
			return tableErr(ATOPNamesFile, line, "members", "at least two COW abbreviations the alliance must have", rec[4])
		}
		if !strings.HasPrefix(n.Source, "http://") && !strings.HasPrefix(n.Source, "https://") {
			return tableErr(ATOPNamesFile, line, "source", "an http(s) URL naming the treaty", rec[5])
		}
		out = append(out, n)
		return nil
	})
	return out, err
}

func readTable(file string, data []byte, header []string, row func(line int, rec []string) error) error {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = len(header)
	got, err := r.Read()
	if err != nil {
		return &Error{File: file, Line: 1, Msg: "cannot read the header: " + err.Error()}
	}
	if strings.Join(got, ",") != strings.Join(header, ",") {
		return &Error{File: file, Line: 1, Msg: fmt.Sprintf("header: want %q, got %q", strings.Join(header, ","), strings.Join(got, ","))}
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			return &Error{File: file, Line: line, Msg: err.Error()}
		}
		if err := row(line, rec); err != nil {
			return err
		}
	}
}

func atoiCol(file string, line int, col, v string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n <= 0 {
		return 0, tableErr(file, line, col, "a positive whole number", v)
	}
	return n, nil
}

func tableErr(file string, line int, col, want, got string) error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf("column %q: want %s, got %q", col, want, got)}
}

// ApplyATOPTables applies the two tables to ATOP imports (treaties with
// Source world.FromATOP): an ending sets Treaty.Ended (the whole
// alliance) or the member's Exited (one state), with the reason and the
// sources; a name fills Treaty.Names. An id or state the import lacks is
// an error: the tables must not silently miss.
func ApplyATOPTables(atop []*world.Treaty) error {
	by := make(map[int]*world.Treaty, len(atop))
	for _, t := range atop {
		by[t.ATOPID] = t
	}
	ends, err := ATOPEndings()
	if err != nil {
		return err
	}
	for _, e := range ends {
		t, ok := by[e.ATOPID]
		if !ok {
			return &Error{File: ATOPAfter2018File, Line: e.Line, Msg: fmt.Sprintf("column \"atopid\": ATOP 5.1 has no alliance %d", e.ATOPID)}
		}
		src := strings.Join(e.Sources, " ")
		if e.State == "" {
			if t.Ended != 0 {
				return &Error{File: ATOPAfter2018File, Line: e.Line, Msg: fmt.Sprintf("ATOP already ends alliance %d on %s: the table is for alliances in force at the end of 2018", e.ATOPID, t.Ended)}
			}
			t.Ended, t.EndReason, t.EndSource = e.LastDay, e.Reason, src
			continue
		}
		found := false
		for i := range t.Members {
			m := &t.Members[i]
			if m.State == e.State && m.Exited == 0 {
				m.Exited = e.LastDay
				m.Note = strings.TrimSpace(m.Note + " " + fmt.Sprintf("Left after ATOP's coverage, on %s: %s (%s).", e.LastDay, e.Reason, src))
				found = true
			}
		}
		if !found {
			return &Error{File: ATOPAfter2018File, Line: e.Line, Msg: fmt.Sprintf("column \"state\": ATOP alliance %d has no member %q in force at the end of 2018", e.ATOPID, e.State)}
		}
	}
	names, err := ATOPNames()
	if err != nil {
		return err
	}
	for _, n := range names {
		t, ok := by[n.ATOPID]
		if !ok {
			return &Error{File: ATOPNamesFile, Line: n.Line, Msg: fmt.Sprintf("column \"atopid\": ATOP 5.1 has no alliance %d", n.ATOPID)}
		}
		t.Names = append(t.Names, n.Name)
		t.Names = append(t.Names, n.Aliases...)
		t.Sources = append(t.Sources, world.Reference{URL: n.Source, Title: "names the alliance: " + n.Name})
	}
	for _, t := range atop {
		if len(t.Names) > 1 {
			// Keep each name once, the table's name first.
			seen := map[string]bool{}
			out := t.Names[:0]
			for _, s := range t.Names {
				if k := strings.ToLower(s); !seen[k] {
					seen[k] = true
					out = append(out, s)
				}
			}
			t.Names = out
		}
	}
	return nil
}

// AssumedAfterATOP reports whether t is an ATOP import that ATOP codes in
// force at the end of 2018 and that no source in casus ends: casus then
// assumes it still is, and says so.
func AssumedAfterATOP(t *world.Treaty) bool {
	return t.Source == world.FromATOP && t.Ended == 0
}

// NameMatches reports whether query (case-insensitive, a substring)
// matches the treaty's id, title, short title or any name.
func NameMatches(t *world.Treaty, query string) bool {
	q := foldName(query)
	if q == "" {
		return true
	}
	for _, s := range append([]string{t.ID, t.Title, t.Short}, t.Names...) {
		if strings.Contains(foldName(s), q) {
			return true
		}
	}
	return false
}

// foldName lower-cases and treats the dashes and hyphens people type
// interchangeably as one, so "molotov-ribbentrop" finds "Molotov–Ribbentrop".
func foldName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.NewReplacer("–", "-", "—", "-", "‐", "-", "’", "'").Replace(s)
}
