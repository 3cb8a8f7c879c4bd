package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// treaty show prints the term/renewal/notice line from the file's fields,
// and under it what each field's tag rests on (note and source URL).
func TestTreatyShowTerm(t *testing.T) {
	dir := needData(t)
	for _, c := range []struct {
		id   string
		want []string
	}{
		// North Atlantic Treaty Art. 13: a year's notice, once in force 20 years.
		{"nato-1949", []string{
			"term/renewal/notice: indefinite [V]; leave on 12 months' notice after 20 years in force (Art. 13) [V]\n",
			"(https://lygeros.org/podcast-21)",
		}},
		// TASS: indefinite; the notice clause is not verified and not stated.
		{"rus-prk-2024", []string{
			"term/renewal/notice: indefinite [V]; notice not in the treaty file\n",
			"(https://tass.com/politics/1882599)",
		}},
		// Rio Treaty Art. 25: a denunciation takes effect after two years.
		{"rio-1947", []string{"term/renewal/notice: indefinite (Art. 25) [V]; leave on 24 months' notice (Art. 25) [V]\n"}},
		// China–DPRK Art. VII: in force until both agree to amend or end it,
		// so there is no notice to give, and the line must not suggest one
		// is merely missing from the file.
		{"chn-prk-1961", []string{"term/renewal/notice: until the parties agree to end it, no party may leave alone (Art. VII) [V]\n"}},
	} {
		out, errOut, code := run(t, "treaty", "show", c.id, "--data", dir)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.id, code, errOut)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("treaty show %s lacks %q", c.id, w)
			}
		}
	}
	// An ATOP import has no file fields: show leaves the line to compare.
	if out, _, _ := run(t, "treaty", "show", "atop-3285", "--data", dir); strings.Contains(out, "term/renewal/notice") {
		t.Errorf("atop-3285: a term line without fields")
	}
}

// A user's file with a bad term value is refused with one line naming the
// file, line and field, exit 2.
func TestTreatyCheckBadTerm(t *testing.T) {
	dir := needData(t)
	f := filepath.Join(t.TempDir(), "t.yaml")
	src := `id: t
title: T
signed: 2000-01-01
members:
  - state: USA
  - state: CAN
obligations:
  - article: Art. 1
    kind: defense
    trigger: armed_attack
    response: {action: military_assistance}
term:
  kind: fixed
  tag: V
  source: https://example.org
`
	if err := os.WriteFile(f, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "treaty", "check", f, "--data", dir)
	want := f + ":12: term.years: a fixed term needs years, a whole number above 0, got 0"
	if code != 2 || !strings.Contains(out+errOut, want) {
		t.Errorf("exit %d, output %q %q; want exit 2 and %q", code, out, errOut, want)
	}
}
