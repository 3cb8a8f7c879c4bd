package treaty

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casus-dev/casus/world"
)

func parseValidate(t *testing.T, w *world.World, name, src string) []string {
	t.Helper()
	f, err := Parse(name, []byte(src))
	if err != nil {
		var es Errors
		if !errors.As(err, &es) {
			t.Fatalf("Parse returned %T, want Errors", err)
		}
		return lines(es)
	}
	return lines(f.Validate(w, Options{ATOPIDs: map[int]bool{1335: true, 3180: true}}))
}

func lines(es Errors) []string {
	es.err() // sort
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Error()
	}
	return out
}

const okTreaty = `id: t
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
`

// Each case breaks one rule; the error must name the file, the line and
// the field, and say what is wanted.
func TestParseAndValidateErrors(t *testing.T) {
	w := smallWorld()
	cases := []struct {
		name, src string
		want      []string // every error line, in order
	}{
		{"ok", okTreaty, nil},
		{"unknown field", okTreaty + "colour: red\n",
			[]string{`x.yaml:12: colour: unknown field "colour": want one of atop_id, cooperation,`}},
		{"unknown nested field", strings.Replace(okTreaty, "  - state: CAN\n", "  - state: CAN\n    joind: 2001-01-01\n", 1),
			[]string{`x.yaml:7: members[1].joind: unknown field "joind"`}},
		{"bad date", strings.Replace(okTreaty, "2000-01-01", "2000-02-30", 1),
			[]string{`x.yaml:3: signed: want a date YYYY-MM-DD that exists in the calendar, got "2000-02-30"`}},
		{"year only", strings.Replace(okTreaty, "2000-01-01", "2000", 1),
			[]string{`x.yaml:3: signed: want a date YYYY-MM-DD that exists in the calendar, got "2000"`}},
		{"repeated key", okTreaty + "title: U\n",
			[]string{`x.yaml:12: title: field "title" repeated (first on line 2)`}},
		{"bool for text", strings.Replace(okTreaty, "title: T", "title: true", 1),
			[]string{`x.yaml:2: title: want text, got "true" (quote it if it is meant as text)`}},
		{"text for number", okTreaty + "atop_id: many\n",
			[]string{`x.yaml:12: atop_id: want a whole number, got "many"`}},
		{"anchor", okTreaty + "notes: &a x\nshort: *a\n",
			[]string{`x.yaml:12: notes: YAML anchors and aliases are not supported`, `x.yaml:13: short: YAML anchors and aliases are not supported`}},
		{"syntax", "id: [x\n", []string{`x.yaml:1: YAML syntax:`}},
		{"second document", okTreaty + "---\nid: u\n", []string{`x.yaml:12: a second YAML document: want one treaty per file`}},
		{"empty", "", []string{`x.yaml: YAML syntax: empty file`}},
		{"not a mapping", "- a\n", []string{`x.yaml:1: want a mapping of fields, got a list`}},
		{"unknown state", strings.Replace(okTreaty, "state: CAN", "state: Atlantis", 1),
			[]string{`x.yaml:6: members[1].state: unknown state "Atlantis": want a COW code (731), COW abbreviation (PRK), ISO3 code or name`}},
		{"state by code, ISO3 and name", strings.Replace(strings.Replace(okTreaty, "state: CAN", "state: 900", 1), "state: USA", "state: nzl", 1), nil},
		{"in force before signed", strings.Replace(okTreaty, "signed: 2000-01-01", "signed: 2000-01-01\nin_force: 1999-12-31", 1),
			[]string{`x.yaml:4: in_force: 1999-12-31 is before the treaty was signed (2000-01-01)`}},
		{"ended before in force", strings.Replace(okTreaty, "signed: 2000-01-01", "signed: 2000-01-01\nended: 1999-01-01", 1),
			[]string{`x.yaml:4: ended: 1999-01-01 is before the treaty entered into force (2000-01-01)`}},
		{"joined before in force", strings.Replace(okTreaty, "signed: 2000-01-01", "signed: 2000-01-01\nin_force: 2000-03-08", 1) + "",
			nil},
		{"member joined early", strings.Replace(strings.Replace(okTreaty, "signed: 2000-01-01", "signed: 2000-01-01\nin_force: 2000-03-08", 1), "  - state: CAN\n", "  - state: CAN\n    joined: 2000-03-07\n", 1),
			[]string{`x.yaml:8: members[1].joined: 2000-03-07 is before the treaty entered into force (2000-03-08)`}},
		{"exit before join", strings.Replace(okTreaty, "  - state: CAN\n", "  - state: CAN\n    joined: 2001-01-01\n    exited: 2000-12-31\n", 1),
			[]string{`x.yaml:8: members[1].exited: 2000-12-31 is before the member joined (2001-01-01)`}},
		{"overlapping spells", strings.Replace(okTreaty, "  - state: CAN\n", "  - state: CAN\n  - state: Canada\n    joined: 2005-01-01\n", 1),
			[]string{`x.yaml:7: members[2]: membership of Canada (CAN) overlaps members[1] (line 6)`}},
		{"rejoined", strings.Replace(okTreaty, "  - state: CAN\n", "  - state: CAN\n    exited: 2004-12-31\n  - state: Canada\n    joined: 2005-01-01\n", 1), nil},
		{"no article", strings.Replace(okTreaty, "article: Art. 1", `article: ""`, 1),
			[]string{`x.yaml:8: obligations[0].article: missing article`}},
		{"unknown kind trigger action", strings.NewReplacer("kind: defense", "kind: attack", "trigger: armed_attack", "trigger: whenever", "action: military_assistance", "action: pray").Replace(okTreaty),
			[]string{`x.yaml:9: obligations[0].kind: unknown kind "attack": want one of defense, offense, neutrality, nonaggression, consultation`,
				`x.yaml:10: obligations[0].trigger: unknown trigger "whenever"`,
				`x.yaml:11: obligations[0].response.action: unknown response action "pray"`}},
		{"unknown qualifier", strings.Replace(okTreaty, "{action: military_assistance}", "{action: military_assistance, qualifiers: [loudly]}", 1),
			[]string{`x.yaml:11: obligations[0].response.qualifiers[0]: unknown qualifier "loudly"`}},
		{"obligor not member", strings.Replace(okTreaty, "    trigger: armed_attack\n", "    trigger: armed_attack\n    obligors: [RUS]\n    protects: [Germany]\n", 1),
			[]string{`x.yaml:11: obligations[0].obligors[0]: RUS is not a member of the treaty`, `x.yaml:12: obligations[0].protects[0]: Germany is not a member of the treaty`}},
		{"unknown region and place", strings.Replace(okTreaty, "    trigger: armed_attack\n", "    trigger: armed_attack\n    scope:\n      regions: [atlantis_sea]\n      territories: [El Dorado, Guam, Canada]\n", 1),
			[]string{`x.yaml:12: obligations[0].scope.regions[0]: unknown region "atlantis_sea": want one of`, `x.yaml:13: obligations[0].scope.territories[0]: unknown place "El Dorado"`}},
		{"unknown atop id", okTreaty + "atop_id: 4\n",
			[]string{`x.yaml:12: atop_id: ATOP 5.1 has no alliance 4`}},
		{"reserved id", strings.Replace(okTreaty, "id: t", "id: atop-3180", 1),
			[]string{`x.yaml:1: id: "atop-3180": ids starting with "atop-" are reserved`}},
		{"signed, not in force", strings.Replace(okTreaty, "signed: 2000-01-01", "signed: 2000-01-01\nstatus: signed", 1), nil},
		{"signed status with in_force", strings.Replace(okTreaty, "signed: 2000-01-01", "signed: 2000-01-01\nstatus: signed\nin_force: 2000-02-01", 1),
			[]string{`x.yaml:4: status: "signed" means not in force, but in_force is 2000-02-01: drop one of them`}},
		{"unknown status", strings.Replace(okTreaty, "signed: 2000-01-01", "signed: 2000-01-01\nstatus: ratified", 1),
			[]string{`x.yaml:4: status: want "signed" (signed, not in force) or no status, got "ratified"`}},
		{"in_force_note alone", strings.Replace(okTreaty, "signed: 2000-01-01", "signed: 2000-01-01\nin_force_note: December", 1),
			[]string{`x.yaml:4: in_force_note: in_force_note without in_force`}},
		{"empty list entry", strings.Replace(okTreaty, "  - state: CAN\n", "  - state: CAN\n  -\n", 1),
			[]string{`x.yaml:7: members[2]: empty list entry`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := parseValidate(t, w, "x.yaml", c.src)
			if len(got) != len(c.want) {
				t.Fatalf("got %d errors, want %d:\n%s", len(got), len(c.want), strings.Join(got, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], c.want[i]) {
					t.Errorf("error %d:\n got  %s\n want %s...", i, got[i], c.want[i])
				}
			}
		})
	}
}

func TestValidTestdataParses(t *testing.T) {
	w := smallWorld()
	files, _ := filepath.Glob("testdata/valid/*.yaml")
	if len(files) < 2 {
		t.Fatalf("want at least 2 files in testdata/valid, got %d", len(files))
	}
	ts, err := LoadFiles(w, []string{"testdata/valid"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != len(files) {
		t.Fatalf("got %d treaties from %d files", len(ts), len(files))
	}
	for _, tr := range ts {
		if tr.Source != world.FromUser || tr.File == "" {
			t.Errorf("%s: source %q file %q", tr.ID, tr.Source, tr.File)
		}
		for _, m := range tr.Members {
			if m.Code == 0 {
				t.Errorf("%s: member %q not resolved", tr.ID, m.State)
			}
		}
	}
	dual := ts[0]
	if dual.ID != "example-dual-alliance" || dual.Members[1].Code != 255 || dual.Members[0].Code != 300 {
		t.Fatalf("dual alliance: %+v", dual.Members)
	}
	if !dual.InForceOn(world.D(1914, 7, 28)) || dual.InForceOn(world.D(1918, 11, 4)) {
		t.Error("dual alliance: in force 1879-10-07..1918-11-03")
	}
}

// The invalid testdata files fail with the errors their comments promise;
// duplicate ids are caught across files.
func TestInvalidTestdata(t *testing.T) {
	w := smallWorld()
	_, err := LoadFiles(w, []string{"testdata/valid", "testdata/invalid/duplicate.yaml"}, Options{})
	if err == nil || !strings.Contains(err.Error(), `testdata/invalid/duplicate.yaml:1: id: duplicate treaty id "example-dual-alliance": also used by testdata/valid/dual-alliance.yaml`) {
		t.Fatalf("duplicate id: got %v", err)
	}
	var b interface{ BadInput() bool }
	if !errors.As(err, &b) || !b.BadInput() {
		t.Fatalf("%T does not report BadInput", err)
	}
	_, err = LoadFiles(w, []string{"testdata/invalid/facts.yaml"}, Options{ATOPIDs: map[int]bool{1335: true}})
	got := strings.Split(err.Error(), "\n")
	for _, want := range []string{
		"facts.yaml:4: in_force: 2020-01-01 is before the treaty was signed (2020-05-01)",
		"facts.yaml:6: atop_id: ATOP 5.1 has no alliance 99999",
		`facts.yaml:8: members[0].state: unknown state "Atlantis"`,
		"facts.yaml:14: members[3]: membership of 2 (USA) overlaps members[1] (line 9)",
		`facts.yaml:17: obligations[0].article: missing article`,
		`facts.yaml:18: obligations[0].kind: unknown kind "attack"`,
		`facts.yaml:20: obligations[0].obligors[0]: RUS is not a member of the treaty`,
		`facts.yaml:24: obligations[0].scope.territories[0]: unknown place "El Dorado"`,
		`facts.yaml:26: obligations[0].conditions[0].kind: unknown condition kind "weather"`,
		`facts.yaml:29: obligations[0].response.qualifiers[0]: unknown qualifier "loudly"`,
	} {
		found := false
		for _, g := range got {
			found = found || strings.HasSuffix(g, want) || strings.Contains(g, want)
		}
		if !found {
			t.Errorf("missing error %q in:\n%s", want, err)
		}
	}
	raw, _ := os.ReadFile("testdata/invalid/decode.yaml")
	_, err = Parse("decode.yaml", raw)
	if err == nil || len(err.(Errors)) != 4 {
		t.Fatalf("decode.yaml: want 4 errors (bad date, unknown field twice, bad number), got %v", err)
	}
}

// replaces and replaced_by must name a treaty that exists.
func TestReplacesLinks(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(p, []byte(okTreaty+"replaced_by: nato-2049\nreplaces: [atop-3180, t]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadFiles(smallWorld(), []string{p}, Options{ATOPIDs: map[int]bool{3180: true}})
	want := p + `:12: replaced_by: no treaty "nato-2049": want the id of a registry or --treaties treaty, or atop-<atopid>`
	if err == nil || err.Error() != want {
		t.Fatalf("got %v\nwant %s", err, want)
	}
}

// The registry must say whether each treaty is in force: an empty
// in_force no longer means "from signature" there (it made treaties
// awaiting ratification look binding), while users' files keep ATOP's
// convention.
func TestRegistryRequiresInForceOrStatus(t *testing.T) {
	w := smallWorld()
	f, err := Parse("x.yaml", []byte(okTreaty))
	if err != nil {
		t.Fatal(err)
	}
	got := lines(f.Validate(w, Options{RequireInForce: true}))
	want := `x.yaml:1: in_force: missing: want the day the treaty entered into force`
	if len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Fatalf("got %q, want one error starting %q", got, want)
	}
	for _, extra := range []string{"in_force: 2000-02-01", "status: signed"} {
		f, err := Parse("x.yaml", []byte(strings.Replace(okTreaty, "signed: 2000-01-01", "signed: 2000-01-01\n"+extra, 1)))
		if err != nil {
			t.Fatal(err)
		}
		if got := lines(f.Validate(w, Options{RequireInForce: true})); len(got) != 0 {
			t.Errorf("with %q: %q, want no error", extra, got)
		}
	}
	if got := lines(f.Validate(w, Options{})); len(got) != 0 {
		t.Errorf("user file without in_force: %q, want no error (ATOP's convention)", got)
	}
}
