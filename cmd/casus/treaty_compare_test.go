package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/casus-dev/casus/compare"
)

// TestTreatyCompareOneScreen: the five treaties fit one screen of
// text (≤ 60 lines of ≤ 200 columns) and every format runs.
func TestTreatyCompareOneScreen(t *testing.T) {
	dir := needData(t)
	args := []string{"treaty", "compare", "rus-prk-2024", "rus-blr-2024", "csto", "usa-rok-1953", "nato-1949", "--on", "2026-01-01", "--data", dir}
	out, errOut, code := run(t, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// The key of state names under the table is not part of the screen's table.
	tableText, _, _ := strings.Cut(out, "\nStates: ")
	lines := strings.Split(strings.TrimRight(tableText, "\n"), "\n")
	table := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "Strength:") || strings.HasPrefix(l, "Members in force") || strings.HasPrefix(l, "Every cell") {
			continue // notes under the table may wrap in the terminal
		}
		table++
		if n := utf8.RuneCountInString(l); n > 200 {
			t.Errorf("line of %d columns: %q", n, l)
		}
	}
	if table > 60 {
		t.Errorf("table of %d lines, want ≤ 60:\n%s", table, out)
	}
	for _, want := range []string{"state of war", "deems necessary", "constitutional processes", "integrated command", "not in ATOP", "unconditional"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	out, _, code = run(t, append(args, "--format", "json")...)
	var c compare.Comparison
	if code != 0 || json.Unmarshal([]byte(out), &c) != nil || len(c.Columns) != 5 || len(c.Rows) < 10 {
		t.Fatalf("json: exit %d, %d columns", code, len(c.Columns))
	}
	for _, f := range []string{"md", "csv"} {
		if out, _, code := run(t, append(args, "--format", f)...); code != 0 || !strings.Contains(out, "nato-1949") {
			t.Errorf("--format %s: exit %d", f, code)
		}
	}
	out, _, code = run(t, "treaty", "compare", "rus-prk-2024", "nato-1949", "--articles", "--format", "csv", "--data", dir)
	if code != 0 || !strings.Contains(out, "strength,nato-1949,Art. 5") {
		t.Errorf("--articles csv: exit %d\n%s", code, out)
	}
}

// TestTreatyCompareNamesEveryCode: every COW abbreviation in the text and
// Markdown tables (members now, scope, the obligors of an asymmetric
// article) is named in the key under it, as in every other text output.
func TestTreatyCompareNamesEveryCode(t *testing.T) {
	dir := needData(t)
	w := testWorld(t)
	for _, f := range []string{"text", "md"} {
		out, errOut, code := run(t, "treaty", "compare", "rus-prk-2024", "csto", "usa-rok-1953", "nato-1949", "--on", "2026-01-01", "--format", f, "--data", dir)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", f, code, errOut)
		}
		table, key, ok := strings.Cut(out, "States: ")
		if !ok {
			t.Fatalf("%s: no key of states:\n%s", f, out)
		}
		key = strings.Join(strings.Fields(key), " ")
		n := 0
		for _, tok := range regexp.MustCompile(`\b[A-Z]{3}\b`).FindAllString(table, -1) {
			label := w.LabelAbb(tok)
			if label == tok {
				continue // not a state (TEU, CST, …)
			}
			n++
			if !strings.Contains(key, label) {
				t.Errorf("%s: %s is not named in the key (want %q)", f, tok, label)
			}
		}
		// NATO alone lists 32 members; ROK, PRK, the CSTO's members besides.
		if n < 40 {
			t.Errorf("%s: only %d state codes found in the table:\n%s", f, n, table)
		}
	}
}

func TestTreatyCompareBadInput(t *testing.T) {
	dir := needData(t)
	for _, c := range [][]string{
		{"treaty", "compare"},
		{"treaty", "compare", "no-such-treaty"},
		{"treaty", "compare", "nato-1949", "--on", "yesterday"},
		{"treaty", "compare", "nato-1949", "--width", "10"},
	} {
		if _, _, code := run(t, append(c, "--data", dir)...); code != 2 {
			t.Errorf("%v: want exit 2, got %d", c, code)
		}
	}
}
