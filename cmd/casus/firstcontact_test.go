package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/casus-dev/casus/examples"
	"github.com/casus-dev/casus/obligation"
	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/source/sourcetest"
	"github.com/casus-dev/casus/treaty"
	"github.com/casus-dev/casus/world"
)

// runEnv runs a command in-process with the given environment only (no
// $CASUS_DATA unless given), for commands that must work without data.
func runEnv(t *testing.T, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] }}
	err := m.Run(context.Background(), args)
	if err != nil && ExitCode(err) != 0 {
		errb.WriteString("casus: " + err.Error() + "\n")
	}
	return out.String(), errb.String(), ExitCode(err)
}

// --example prints examples/template.yaml byte for byte, with no data.
func TestScenarioExample(t *testing.T) {
	out, errOut, code := runEnv(t, nil, "scenario", "--example")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if out != string(examples.Template()) {
		t.Fatalf("--example printed something other than the template:\n%.200s", out)
	}
	if _, errOut, code := runEnv(t, nil, "scenario", "--example", "x.yaml"); code != 2 || !strings.Contains(errOut, "--example") {
		t.Fatalf("--example with a file: exit %d, %q", code, errOut)
	}
}

// Help is where a newcomer looks first: group help, per-command flags,
// --version, each exit 0.
func TestHelpEverywhere(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
		not  []string
	}{
		{[]string{"panel", "-h"}, []string{"panel state-years", "panel dyad-years", "panel columns"}, nil},
		{[]string{"treaty", "-h"}, []string{"treaty show", "treaty list", "treaty check", "treaty diff"}, nil},
		{[]string{"data", "--help"}, []string{"data check", "data fetch"}, nil},
		{[]string{"help", "treaty"}, []string{"treaty show"}, nil},
		{[]string{"panel", "state-years", "-h"}, []string{"one row per state and year", "--add", "--out"}, []string{"--directed", "dyad-year exists"}},
		{[]string{"panel", "dyad-years", "-h"}, []string{"one row per pair of states and year", "--directed"}, nil},
		{[]string{"help", "state"}, []string{"Usage: casus state", "Flags:", "--on", "--nmc"}, nil},
		{[]string{"help", "scenario"}, []string{"Flags:", "--attack", "--example"}, nil},
		{[]string{"help", "treaty", "show"}, []string{"Usage: casus treaty show", "Flags:"}, nil},
	} {
		out, errOut, code := runEnv(t, nil, c.args...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", c.args, code, errOut)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %q:\n%s", c.args, w, out)
			}
		}
		for _, w := range c.not {
			if strings.Contains(out, w) {
				t.Errorf("%v: output has %q, which is about another command", c.args, w)
			}
		}
	}
	v, _, code := runEnv(t, nil, "version")
	vv, errOut, code2 := runEnv(t, nil, "--version")
	if code != 0 || code2 != 0 || v == "" || v != vv {
		t.Errorf("--version: exit %d, %q (%s); version: exit %d, %q", code2, vv, errOut, code, v)
	}
}

// Mistakes in how a command is called are one line saying what was
// expected: no Go flag jargon, exit 2.
func TestUsageMistakesSayWhatWasExpected(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"scenario", "--runs", "many"}, `--runs: want a whole number, got "many"`},
		{[]string{"scenario", "--explain=maybe"}, `--explain: want true or false, got "maybe"`},
		{[]string{"state", "PRK", "--on"}, "--on needs a value"},
		{[]string{"treaty", "list", "--in-forse", "2020-01-01"}, "unknown flag --in-forse for casus treaty list: did you mean --in-force?"},
		{[]string{"treaty", "lst"}, `unknown subcommand "lst" of treaty`},
		{[]string{"senario"}, "did you mean scenario?"},
		{[]string{"treaty", "list", "--kind", "defence"}, `--kind: want one of defense, offense, neutrality, nonaggression, consultation, got "defence": did you mean defense?`},
		{[]string{"panel", "state-years", "--directed", "--out", "x.csv"}, "--directed applies to dyad-years only"},
		{[]string{"scenario", "--attack", "POL", "--by", "RUS"}, "missing --on DATE"},
		{[]string{"scenario", "--attack", "POL", "--by", "RUS", "--on", "2026-02-30"}, `--on: want a date YYYY-MM-DD from 1815, got "2026-02-30"`},
		{[]string{"scenario", "--attack", "POL", "--by", "RUS", "--on", "2026-06-01", "--target", "ships"}, `--target: want one of territory, forces, vessels, aircraft, got "ships"`},
		{[]string{"scenario", "../../examples/guam-2026.yaml", "--at", "Guam"}, "--at has no effect with a scenario FILE"},
		{[]string{"scenario", "--example", "--attack", "POL"}, "--attack has no effect with --example"},
		{[]string{"panel", "state-years", "--nmc", "6.0", "--out", "x.csv"}, "--nmc has no effect without --add nmc"},
		{[]string{"panel", "dyad-years", "--conttype", "first", "--add", "nmc", "--out", "x.csv"}, "--conttype has no effect without --add contiguity"},
		{[]string{"scenario", "../../examples/korea-2025.yaml", "--runs", "100"}, "--runs has no effect while honour is all"},
		{[]string{"guarantees", "POL", "--format", "csv", "--explain"}, "--explain has no effect with --format csv"},
	} {
		out, errOut, code := runEnv(t, nil, c.args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", c.args, code, errOut)
		}
		if !strings.Contains(errOut, c.want) {
			t.Errorf("%v: stderr %q, want %q", c.args, errOut, c.want)
		}
		for _, jargon := range []string{"parse error", "invalid value", "flag provided but not defined", "flag needs an argument", "flags:"} {
			if strings.Contains(errOut, jargon) {
				t.Errorf("%v: stderr %q has Go flag jargon %q", c.args, errOut, jargon)
			}
		}
		if strings.Count(strings.TrimSpace(errOut), "\n") != 0 || out != "" {
			t.Errorf("%v: want one line on stderr and nothing on stdout, got %q / %q", c.args, errOut, out)
		}
	}
}

// An unknown state, place or treaty gets the closest names, and the flag
// that carried it; never the internal `flags:3: field "armed_attack.on"`.
func TestDidYouMean(t *testing.T) {
	data := needData(t)
	env := map[string]string{"CASUS_DATA": data}
	for _, c := range []struct {
		args []string
		want []string
	}{
		// The must-show.
		{[]string{"scenario", "--attack", "Polnd", "--by", "RUS", "--on", "2026-06-01"}, []string{"--attack: ", `unknown state "Polnd"`, "did you mean POL Poland?"}},
		{[]string{"scenario", "--attack", "POL", "--by", "RUS,Belarsu", "--on", "2026-06-01"}, []string{"--by: ", "did you mean BLR Belarus?"}},
		{[]string{"scenario", "--attack", "USA", "--by", "PRK", "--on", "2026-01-10", "--at", "Gaum"}, []string{"--at: ", "did you mean Guam"}},
		{[]string{"scenario", "--attack", "ROK", "--by", "JPN", "--on", "1940-06-01"}, []string{"--attack: want a state that is a member of the state system on 1940-06-01"}},
		{[]string{"state", "Polnd"}, []string{"did you mean POL Poland?"}},
		{[]string{"state", "Montenegor"}, []string{"did you mean MNG Montenegro?"}},
		{[]string{"guarantees", "Polnd", "--on", "2026-06-01"}, []string{"did you mean POL Poland?"}},
		{[]string{"treaty", "show", "nato"}, []string{`no treaty "nato": did you mean nato-1949?`}},
		{[]string{"treaty", "show", "anzsu"}, []string{"did you mean anzus?"}},
		{[]string{"treaty", "list", "--state", "Polnd"}, []string{"--state: ", "did you mean POL Poland?"}},
	} {
		_, errOut, code := runEnv(t, env, c.args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", c.args, code, errOut)
		}
		for _, w := range c.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%v: stderr %q, want %q", c.args, errOut, w)
			}
		}
		if strings.Contains(errOut, "flags:") || strings.Contains(errOut, "armed_attack.") {
			t.Errorf("%v: stderr %q speaks of the internal scenario file", c.args, errOut)
		}
	}
	// Treaty ids are case-insensitive, in treaty show and in a scenario's
	// request (the engine then honours the request).
	if out, errOut, code := runEnv(t, env, "treaty", "show", "NATO-1949"); code != 0 || !strings.HasPrefix(out, "nato-1949") {
		t.Errorf("treaty show NATO-1949: exit %d, %q %q", code, out[:min(len(out), 80)], errOut)
	}
}

// casus places lists exactly what at: accepts: every place, alias and
// region it prints resolves in a scenario, and the text names the states.
func TestPlaces(t *testing.T) {
	out, errOut, code := runEnv(t, nil, "places", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var pl struct {
		Regions []struct{ ID string }
		Places  []struct {
			Name    string
			Aliases []string
		}
	}
	if err := json.Unmarshal([]byte(out), &pl); err != nil {
		t.Fatal(err)
	}
	if len(pl.Places) < 30 || len(pl.Regions) < 20 {
		t.Fatalf("%d places, %d regions: want the whole table", len(pl.Places), len(pl.Regions))
	}
	w := testWorld(t)
	var names []string
	for _, r := range pl.Regions {
		names = append(names, r.ID)
	}
	for _, p := range pl.Places {
		names = append(names, p.Name)
		names = append(names, p.Aliases...)
	}
	for _, n := range names {
		loc, err := obligation.ResolveLocation(w, n)
		if err != nil || loc.State != 0 {
			t.Errorf("at: %q, listed by casus places: %v (resolved to state %d)", n, err, loc.State)
		}
	}
	text, _, _ := runEnv(t, nil, "places")
	for _, want := range []string{"Guam\n", "sovereign USA United States of America", "Crimea", "sovereign UKR Ukraine, administered by RUS Russia", "north_atlantic"} {
		if !strings.Contains(text, want) {
			t.Errorf("casus places text lacks %q", want)
		}
	}
}

var (
	worldOnce sync.Once
	tWorld    *world.World
	tWorldErr error
)

// testWorld is the world the commands run on ($CASUS_DATA, else the
// embedded snapshot), with the registry and ATOP treaties.
func testWorld(t *testing.T) *world.World {
	t.Helper()
	worldOnce.Do(func() {
		ctx := context.Background()
		d := sourcetest.Data()
		if tWorld, tWorldErr = source.Load(ctx, d, source.LoadOptions{}); tWorldErr != nil {
			return
		}
		if tWorldErr = treaty.Attach(ctx, tWorld, d, nil); tWorldErr == nil {
			tWorld.Freeze()
		}
	})
	if tWorldErr != nil {
		t.Fatal(tWorldErr)
	}
	return tWorld
}

// Text output names every state beside its code, and capability figures
// carry their NMC units.
func TestNamesBesideCodes(t *testing.T) {
	w := testWorld(t)
	out, errOut, code := runEnv(t, nil, "state", "AUS", "--on", "2010-01-01")
	if code != 0 {
		t.Fatalf("state: exit %d: %s", code, errOut)
	}
	for i, name := range world.ComponentNames {
		if !regexp.MustCompile(`(?m)^\s+` + name + `\s+[0-9,.]+\s+` + regexp.QuoteMeta(world.ComponentUnit(i, 2010))).MatchString(out) {
			t.Errorf("casus state: no %s row with its unit %q:\n%s", name, world.ComponentUnit(i, 2010), out)
		}
	}
	if !strings.Contains(out, "thousands of current US$") {
		t.Errorf("milex without its unit:\n%s", out)
	}
	// The JSON names the units too.
	js, _, _ := runEnv(t, nil, "state", "GMY", "--on", "1900-06-01", "--format", "json")
	var st struct {
		Capabilities struct{ Units map[string]string }
	}
	if err := json.Unmarshal([]byte(js), &st); err != nil || st.Capabilities.Units["milex"] != "thousands of current British £" || st.Capabilities.Units["pec"] != "thousands of coal-ton equivalents" {
		t.Errorf("casus state --format json: units %v (%v)", st.Capabilities.Units, err)
	}
	// Before 1914 NMC's milex is in British pounds.
	if out, _, _ := runEnv(t, nil, "state", "GMY", "--on", "1900-06-01"); !regexp.MustCompile(`milex\s+[0-9,]+\s+thousands of current British £`).MatchString(out) {
		t.Errorf("casus state GMY 1900: milex not in British pounds:\n%s", out)
	}

	// The members table of treaty show: the name column beside each code.
	out, _, _ = runEnv(t, nil, "treaty", "show", "nato-1949")
	for _, want := range []string{`SLV\s+Slovenia\s+349`, `MNG\s+Montenegro\s+341`, `POL\s+Poland\s+290`} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("treaty show nato-1949: no %s", want)
		}
	}

	// Tables that show codes in a column end with a key naming each one.
	for _, c := range []struct {
		args []string
		col  string
	}{
		{[]string{"treaty", "list", "--in-force", "2026-01-01", "--source", "registry"}, "members"},
		{[]string{"treaty", "diff", "nato-1949"}, "state"},
		{[]string{"system", "--year", "1960", "--blocs"}, "members"},
		{[]string{"system", "--years", "1914-1918"}, "majors"},
		{[]string{"similarity", "USA", "TUR", "--years", "2010"}, "stateabb2"},
	} {
		out, errOut, code := runEnv(t, nil, c.args...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", c.args, code, errOut)
			continue
		}
		_, key, ok := strings.Cut(out, "States: ")
		if !ok {
			t.Errorf("%v: no key of states:\n%s", c.args, out)
			continue
		}
		key = strings.Join(strings.Fields(key), " ")
		abbs := codesInColumn(out, c.col)
		if len(abbs) == 0 {
			t.Errorf("%v: no codes found in column %s", c.args, c.col)
		}
		for _, a := range abbs {
			if want := w.LabelAbb(a); !strings.Contains(key, want) {
				t.Errorf("%v: the key does not name %s as %q", c.args, a, want)
			}
		}
	}
}

// codesInColumn reads the COW abbreviations in a column of a text table
// (the rows up to the first blank or note line).
func codesInColumn(out, col string) []string {
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		hdr := strings.Fields(l)
		pos := -1
		for j, h := range hdr {
			if h == col {
				pos = j
			}
		}
		if pos < 0 {
			continue
		}
		// Cells hold no spaces before the column; its start is the
		// header's offset.
		off := strings.Index(l, " "+col) + 1
		if strings.HasPrefix(l, col) {
			off = 0
		}
		var codes []string
		for _, r := range lines[i+1:] {
			if len(r) <= off || strings.TrimSpace(r) == "" {
				break
			}
			for _, tok := range strings.Fields(r[off:]) {
				if regexp.MustCompile(`^[A-Z]{3}$`).MatchString(tok) {
					codes = append(codes, tok)
				} else {
					break
				}
			}
		}
		return codes
	}
	return nil
}

// treaty show: registry wording is marked as paraphrase, the provenance
// tags are explained once, and nothing points at files a user does not
// have or says "remembered".
func TestTreatyShowProvenance(t *testing.T) {
	w := testWorld(t)
	n := 0
	for _, tr := range w.Treaties {
		if tr.Source != world.FromRegistry {
			continue
		}
		n++
		out, errOut, code := runEnv(t, nil, "treaty", "show", tr.ID)
		if code != 0 {
			t.Errorf("%s: exit %d: %s", tr.ID, code, errOut)
			continue
		}
		if regexp.MustCompile(`(?m)^\s+text: `).MatchString(out) {
			t.Errorf("%s: a registry text shown as text:, not paraphrase:", tr.ID)
		}
		if hasText(tr) && !strings.Contains(out, "    paraphrase: ") {
			t.Errorf("%s: no paraphrase: line", tr.ID)
		}
		for _, bad := range []string{"remembered", "TREATIES", "shared/", "../"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: the text says %q", tr.ID, bad)
			}
		}
		if strings.Count(out, "\nTags:\n") > 1 {
			t.Errorf("%s: the tag legend is printed more than once", tr.ID)
		}
		for _, l := range tagLegends {
			used := strings.Contains(out, l.tag+"]") || strings.Contains(out, l.tag+" ")
			if explained := strings.Contains(out, l.meaning); used != explained {
				t.Errorf("%s: tag %s] used %v, explained %v", tr.ID, l.tag, used, explained)
			}
		}
	}
	if n < 40 {
		t.Fatalf("only %d registry treaties", n)
	}
}

// --format is offered only where it works: every format a command's help
// offers gives output and exit 0, and a format it does not offer is
// refused with the list of those it does.
func TestFormatsOfferedWork(t *testing.T) {
	offered := regexp.MustCompile(`--format\s+output format: ([a-z, ]+?)(?: \(default|\n)`)
	for _, args := range [][]string{
		{"state", "PRK", "--on", "2016-06-01"},
		{"treaty", "list", "--source", "registry", "--in-force", "2026-01-01"},
		{"treaty", "show", "nato-1949"},
		{"treaty", "diff", "nato-1949"},
		{"scenario", "../../examples/korea-2025.yaml"},
		{"guarantees", "POL", "--on", "2026-06-01"},
		{"system", "--year", "1914"},
		{"system", "--years", "1914-1915"},
		{"similarity", "USA", "RUS", "--years", "2000"},
		{"panel", "columns"},
		{"places"},
		{"data", "check"},
		{"balance", "--side", "USA,JPN", "--vs", "CHN", "--on", "2016-06-01"},
	} {
		help, _, _ := runEnv(t, nil, append([]string{"help"}, args[0:cmdWords(args)]...)...)
		m := offered.FindStringSubmatch(help)
		if m == nil {
			t.Errorf("%v: the help does not say which formats --format offers", args[:cmdWords(args)])
			continue
		}
		formats := strings.FieldsFunc(strings.ReplaceAll(m[1], " or ", ","), func(r rune) bool { return r == ',' || r == ' ' })
		for _, f := range formats {
			out, errOut, code := runEnv(t, nil, append(append([]string{}, args...), "--format", f)...)
			if code != 0 || strings.TrimSpace(out) == "" {
				t.Errorf("%v --format %s is offered but gives exit %d: %s", args, f, code, errOut)
			}
			if f == "json" && !json.Valid([]byte(out)) {
				t.Errorf("%v --format json is not JSON", args)
			}
		}
		for _, f := range []string{"csv", "md", "json"} {
			if !strings.Contains(m[1], f) {
				if _, errOut, code := runEnv(t, nil, append(append([]string{}, args...), "--format", f)...); code != 2 || !strings.Contains(errOut, "--format: want") {
					t.Errorf("%v --format %s is not offered but gives exit %d: %s", args, f, code, errOut)
				}
			}
		}
	}
}

// cmdWords is how many leading arguments name the command.
func cmdWords(args []string) int {
	if len(args) > 1 {
		if _, ok := commands[args[0]+" "+args[1]]; ok {
			return 2
		}
	}
	return 1
}

// A scenario or guarantees report as CSV is its obligations table: one
// row per obligation of the JSON report, the same statuses.
func TestScenarioCSVIsTheObligationsTable(t *testing.T) {
	js, _, code := runEnv(t, nil, "scenario", "../../examples/guam-2026.yaml", "--format", "json")
	if code != 0 {
		t.Fatal("scenario json failed")
	}
	var rep struct {
		Obligations []struct{ Treaty, Obligor, Beneficiary, Status string }
	}
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runEnv(t, nil, "scenario", "../../examples/guam-2026.yaml", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(obligation.CSVColumns, ",") || len(rows)-1 != len(rep.Obligations) {
		t.Fatalf("header %v, %d rows; want %d obligations", rows[0], len(rows)-1, len(rep.Obligations))
	}
	binding := 0
	for i, r := range rows[1:] {
		o := rep.Obligations[i]
		if r[0] != o.Treaty || r[4] != o.Obligor || r[6] != o.Beneficiary || r[9] != o.Status {
			t.Errorf("row %d: %v, JSON has %+v", i+1, r[:10], o)
		}
		if r[9] == "binding" && r[8] == "defense" {
			binding++
		}
	}
	if binding < 3 {
		t.Errorf("%d binding defence rows: want at least AUL, PHI and ROK for Guam", binding)
	}
	out, errOut, code = runEnv(t, nil, "guarantees", "POL", "--on", "2026-06-01", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "direction,treaty,") || !strings.Contains(out, "owed_to_state,nato-1949,") {
		t.Errorf("guarantees csv: exit %d %s\n%.300s", code, errOut, out)
	}
}

// Names people type, today's and historical, with or without accents,
// find the COW state.
func TestNamesPeopleUse(t *testing.T) {
	w := testWorld(t)
	for q, abb := range map[string]string{
		"Czechia": "CZR", "Türkiye": "TUR", "Turkiye": "TUR", "Ottoman Empire": "TUR",
		"Côte d'Ivoire": "CDI", "Cote d'Ivoire": "CDI", "North Macedonia": "MAC", "Viet Nam": "DRV",
		"Burma": "MYA", "DR Congo": "DRC", "Zaire": "DRC", "Eswatini": "SWA", "Cabo Verde": "CAP",
		"West Germany": "GFR", "East Germany": "GDR", "Prussia": "GMY", "Persia": "IRN",
		"Siam": "THI", "Ceylon": "SRI", "Holland": "NTH", "Timor-Leste": "ETM", "UK": "UKG",
		"DPRK": "PRK", "Serbia": "YUG", "Montenegro": "MNG", "Slovenia": "SLV", "Austria": "AUS",
		"AUS": "AUS", "MNG": "MNG", "SLV": "SLV", // COW abbreviations win over ISO3 codes
	} {
		st, err := w.Resolve(q)
		if err != nil || st.Abb != abb {
			t.Errorf("Resolve(%q) = %v, %v; want %s", q, st, err, abb)
		}
	}
}
