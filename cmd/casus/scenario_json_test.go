package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// jsonKind names a decoded JSON value's type as the contract in
// obligation/doc.go does.
func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "bool"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

// need checks that m has every field with the documented type; a type
// "number|null" allows either.
func need(t *testing.T, where string, m map[string]any, fields map[string]string) {
	t.Helper()
	for f, want := range fields {
		v, ok := m[f]
		if !ok {
			t.Errorf("%s: field %q missing (want %s)", where, f, want)
			continue
		}
		got := jsonKind(v)
		if !strings.Contains("|"+want+"|", "|"+got+"|") {
			t.Errorf("%s.%s: want %s, got %s (%v)", where, f, want, got, v)
		}
	}
}

func objects(t *testing.T, where string, v any) []map[string]any {
	t.Helper()
	arr, ok := v.([]any)
	if !ok {
		t.Fatalf("%s: want an array, got %s", where, jsonKind(v))
	}
	var out []map[string]any
	for i, x := range arr {
		m, ok := x.(map[string]any)
		if !ok {
			t.Fatalf("%s[%d]: want an object, got %s", where, i, jsonKind(x))
		}
		out = append(out, m)
	}
	return out
}

// TestScenarioJSONContract decodes --format json for the three shared
// scenarios (and a Monte-Carlo run) and checks every field obligation/doc.go
// documents, with its type: arrays are arrays even when empty (never
// null), numbers are numbers, optional fields are absent, not null.
func TestScenarioJSONContract(t *testing.T) {
	needData(t)
	cases := []struct {
		name string
		args []string
		mc   bool
		note string // the balance note must say this
	}{
		{"korea", []string{"scenario", "../../obligation/testdata/scenarios/korea-2025.yaml", "--format", "json"}, false, "NMC 7.0 ends in 2022"},
		{"guam", []string{"scenario", "../../obligation/testdata/scenarios/guam-2026.yaml", "--format", "json"}, false, "NMC 7.0 ends in 2022"},
		{"july1914", []string{"scenario", "../../obligation/testdata/scenarios/july-1914.yaml", "--format", "json"}, false, ""},
		{"korea-mc", []string{"scenario", "../../obligation/testdata/scenarios/korea-2025.yaml", "--format", "json", "--honour", "0.5", "--runs", "200", "--seed", "7"}, true, "NMC 7.0 ends in 2022"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := run(t, c.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var rep map[string]any
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			need(t, "report", rep, map[string]string{
				"scenario": "object", "obligations": "array", "conflicts": "array", "rounds": "array",
				"sides": "array", "neutrals": "array", "open_entries": "array", "balance": "object",
			})
			if _, ok := rep["monte_carlo"]; ok != c.mc {
				t.Errorf("monte_carlo present %v, want %v", ok, c.mc)
			}
			if n, ok := rep["notes"]; ok && jsonKind(n) != "array" {
				t.Errorf("notes: want an array when present, got %s", jsonKind(n))
			}
			sc := rep["scenario"].(map[string]any)
			need(t, "scenario", sc, map[string]string{"date": "string", "events": "array", "assume": "object"})
			need(t, "scenario.assume", sc["assume"].(map[string]any), map[string]string{
				"entry_counts_as_attack": "bool", "honour": "number", "runs": "number", "seed": "number"})

			sum, ok := rep["summary"].(map[string]any)
			if !ok {
				t.Fatal("summary: want an object")
			}
			need(t, "summary", sum, map[string]string{"counts": "object", "fight": "array", "act": "array", "consult": "array",
				"contingent": "array", "non_binding": "array", "breached": "array", "not_bound": "array", "neutral": "array", "sides": "array", "unprotected": "array"})
			for _, list := range []string{"fight", "consult", "contingent", "not_bound"} {
				for i, g := range objects(t, "summary."+list, sum[list]) {
					need(t, fmt.Sprintf("summary.%s[%d]", list, i), g, map[string]string{"treaty": "string", "article": "string", "kind": "string",
						"status": "string", "obligors": "array", "beneficiaries": "array", "reason": "string"})
				}
			}
			obls := objects(t, "obligations", rep["obligations"])
			if len(obls) == 0 {
				t.Fatal("no obligations")
			}
			statuses := map[string]bool{}
			for i, o := range obls {
				where := fmt.Sprintf("obligations[%d]", i)
				need(t, where, o, map[string]string{
					"treaty": "string", "treaty_title": "string", "source": "string", "article": "string",
					"obligor": "string", "beneficiary": "string", "kind": "string", "status": "string",
					"reason": "string", "round": "number", "date": "string", "event": "string",
					"response": "string", "explain": "array",
				})
				for _, f := range []string{"open", "qualifiers", "flags"} {
					if v, ok := o[f]; ok && jsonKind(v) != "array" {
						t.Errorf("%s.%s: want an array when present, got %s", where, f, jsonKind(v))
					}
				}
				st, _ := o["status"].(string)
				statuses[st] = true
				switch st {
				case "binding", "breached", "contingent", "not_triggered", "non_binding":
				default:
					t.Errorf("%s: status %q is not one of the five", where, st)
				}
				if st == "contingent" && jsonKind(o["open"]) != "array" {
					t.Errorf("%s: a contingent result must list its open facts", where)
				}
				switch o["kind"] {
				case "defense", "offense", "neutrality", "nonaggression", "consultation":
				default:
					t.Errorf("%s: kind %v is not a documented kind", where, o["kind"])
				}
				switch o["source"] {
				case "registry", "atop", "user":
				default:
					t.Errorf("%s: source %v is not registry, atop or user", where, o["source"])
				}
			}
			if !statuses["binding"] || !statuses["not_triggered"] {
				t.Errorf("want binding and not_triggered results, got %v", statuses)
			}
			for i, cf := range objects(t, "conflicts", rep["conflicts"]) {
				need(t, fmt.Sprintf("conflicts[%d]", i), cf, map[string]string{"state": "string", "kind": "string", "detail": "string", "items": "array"})
			}
			rounds := objects(t, "rounds", rep["rounds"])
			if len(rounds) == 0 {
				t.Error("no rounds")
			}
			for i, r := range rounds {
				need(t, fmt.Sprintf("rounds[%d]", i), r, map[string]string{"round": "number", "events": "array", "entered": "array"})
				for j, ev := range objects(t, "rounds.events", r["events"]) {
					need(t, fmt.Sprintf("rounds[%d].events[%d]", i, j), ev, map[string]string{"kind": "string", "by": "array", "date": "string", "origin": "string", "text": "string"})
				}
				for j, en := range objects(t, "rounds.entered", r["entered"]) {
					need(t, fmt.Sprintf("rounds[%d].entered[%d]", i, j), en, map[string]string{"state": "string", "side": "number", "for": "string",
						"treaty": "string", "article": "string", "kind": "string", "date": "string", "due_round": "number"})
					if en["due_round"].(float64) != r["round"].(float64)-1 {
						t.Errorf("rounds[%d].entered[%d]: due in round %v, entered in round %v: want the next round", i, j, en["due_round"], r["round"])
					}
				}
			}
			sides := objects(t, "sides", rep["sides"])
			if len(sides) != 2 {
				t.Fatalf("sides: want 2, got %d", len(sides))
			}
			for i, s := range sides {
				need(t, fmt.Sprintf("sides[%d]", i), s, map[string]string{"name": "string", "members": "array"})
				for j, m := range objects(t, "members", s["members"]) {
					need(t, fmt.Sprintf("sides[%d].members[%d]", i, j), m, map[string]string{
						"state": "string", "ccode": "number", "since": "string", "round": "number", "how": "string"})
				}
			}
			for i, n := range objects(t, "neutrals", rep["neutrals"]) {
				need(t, fmt.Sprintf("neutrals[%d]", i), n, map[string]string{"state": "string", "toward": "string", "treaty": "string", "article": "string"})
			}
			for i, o := range objects(t, "open_entries", rep["open_entries"]) {
				need(t, fmt.Sprintf("open_entries[%d]", i), o, map[string]string{"state": "string", "for": "string", "treaty": "string", "article": "string", "open": "array"})
			}
			bal := rep["balance"].(map[string]any)
			need(t, "balance", bal, map[string]string{"release": "string", "year": "number", "note": "string", "sides": "array", "ratio": "number|null"})
			if bal["release"] != "7.0" {
				t.Errorf("balance.release: want 7.0, got %v", bal["release"])
			}
			if c.note != "" && !strings.Contains(bal["note"].(string), c.note) {
				t.Errorf("balance.note %q: want it to say %q", bal["note"], c.note)
			}
			if !strings.Contains(bal["note"].(string), "6.0 ends in 2016") && c.note != "" {
				t.Errorf("balance.note %q: want it to say NMC 6.0 ends in 2016", bal["note"])
			}
			for i, s := range objects(t, "balance.sides", bal["sides"]) {
				where := fmt.Sprintf("balance.sides[%d]", i)
				need(t, where, s, map[string]string{"states": "array", "cinc": "number|null", "components": "object"})
				need(t, where+".components", s["components"].(map[string]any), map[string]string{
					"milex": "number|null", "milper": "number|null", "irst": "number|null",
					"pec": "number|null", "tpop": "number|null", "upop": "number|null"})
				if m, ok := s["missing"]; ok && jsonKind(m) != "object" {
					t.Errorf("%s.missing: want an object when present, got %s", where, jsonKind(m))
				}
			}
			if c.mc {
				mc := rep["monte_carlo"].(map[string]any)
				need(t, "monte_carlo", mc, map[string]string{
					"runs": "number", "seed": "number", "honour": "number", "workers": "number",
					"side1_size": "object", "side2_size": "object", "side1_cinc": "object", "side2_cinc": "object",
					"ratio": "object", "year": "number", "states": "array"})
				for _, d := range []string{"side1_size", "side2_size", "side1_cinc", "side2_cinc", "ratio"} {
					dist := mc[d].(map[string]any)
					if n, _ := dist["n"].(float64); n > 0 {
						need(t, "monte_carlo."+d, dist, map[string]string{"n": "number", "mean": "number", "sd": "number",
							"min": "number", "p05": "number", "median": "number", "p95": "number", "max": "number"})
					}
				}
				for i, s := range objects(t, "monte_carlo.states", mc["states"]) {
					need(t, fmt.Sprintf("monte_carlo.states[%d]", i), s, map[string]string{"state": "string", "side1": "number", "side2": "number"})
				}
			}
		})
	}
}

// TestGuaranteesJSONContract: defenders and defends are arrays even for a
// state no treaty protects (Switzerland), and each guarantee carries the
// obligation fields and partner_regions.
func TestGuaranteesJSONContract(t *testing.T) {
	needData(t)
	for _, st := range []string{"SWZ", "USA"} {
		out, errOut, code := run(t, "guarantees", st, "--on", "2025-06-01", "--format", "json")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", st, code, errOut)
		}
		var g map[string]any
		if err := json.Unmarshal([]byte(out), &g); err != nil {
			t.Fatal(err)
		}
		need(t, st, g, map[string]string{"state": "string", "date": "string", "defenders": "array", "defends": "array", "summary": "array"})
		for _, f := range []string{"defenders", "defends"} {
			for i, o := range objects(t, f, g[f]) {
				need(t, fmt.Sprintf("%s.%s[%d]", st, f, i), o, map[string]string{
					"treaty": "string", "article": "string", "obligor": "string", "beneficiary": "string",
					"kind": "string", "status": "string", "reason": "string", "partner_regions": "array"})
			}
		}
		if st == "USA" && len(g["defenders"].([]any)) == 0 {
			t.Error("USA: no defenders")
		}
	}
}

// TestScenarioMalformedFiles: each malformed scenario file gives exit 2 and
// one line on stderr naming the file, the line and the field.
func TestScenarioMalformedFiles(t *testing.T) {
	needData(t)
	dir := t.TempDir()
	cases := []struct{ name, body, want string }{
		{"unknown-state", "date: 2025-06-01\nevents:\n  - armed_attack: {by: [XYZ], on: PRK}\n", `:3: field "armed_attack.by": unknown state "XYZ"`},
		{"before-1815", "date: 1800-06-01\nevents:\n  - armed_attack: {by: [UKG], on: FRN}\n", `:1: field "date": want a date in 1815 or later`},
		{"event-before-1815", "date: 1816-06-01\nevents:\n  - armed_attack: {by: [UKG], on: FRN, date: 1814-01-01}\n", `:3: field "armed_attack.date": want a date in 1815 or later`},
		{"attacker-is-victim", "date: 2025-06-01\nevents:\n  - armed_attack: {by: [PRK], on: PRK}\n", `:3: field "armed_attack.on": attacker and victim are the same state (PRK)`},
		{"bad-date", "date: 2025-02-30\nevents:\n  - armed_attack: {by: [ROK], on: PRK}\n", `:1: field "date": want a date YYYY-MM-DD, got "2025-02-30"`},
		{"unknown-place", "date: 2025-06-01\nevents:\n  - armed_attack: {by: [ROK], on: PRK, at: Atlantis}\n", `:3: field "armed_attack.at": unknown place "Atlantis"`},
		{"unknown-field", "date: 2025-06-01\nevents:\n  - armed_attack: {by: [ROK], on: PRK, victim: PRK}\n", `:3: field "armed_attack.victim": unknown field`},
		{"unknown-top-field", "date: 2025-06-01\nscenario: x\nevents:\n  - armed_attack: {by: [ROK], on: PRK}\n", `:2: field "scenario": unknown field`},
		{"empty-events", "date: 2025-06-01\nevents: []\n", `:2: field "events": want a non-empty list of events`},
		{"no-events", "date: 2025-06-01\n", `field "events": missing`},
		{"not-a-member", "date: 1940-01-01\nevents:\n  - armed_attack: {by: [ROK], on: GMY}\n", `:3: field "armed_attack.by": want a state that is a member of the state system on 1940-01-01, got ROK`},
		{"not-yaml", "date: [\n", "not valid YAML or JSON"},
	}
	for _, c := range cases {
		path := filepath.Join(dir, c.name+".yaml")
		if err := os.WriteFile(path, []byte(c.body), 0o644); err != nil {
			t.Fatal(err)
		}
		out, errOut, code := run(t, "scenario", path)
		if code != 2 {
			t.Errorf("%s: want exit 2, got %d", c.name, code)
		}
		if out != "" {
			t.Errorf("%s: want nothing on stdout, got %q", c.name, out)
		}
		line := strings.TrimSpace(errOut)
		if strings.Contains(line, "\n") {
			t.Errorf("%s: want one line on stderr, got %q", c.name, errOut)
		}
		if !strings.Contains(line, c.name+".yaml") || !strings.Contains(line, c.want) {
			t.Errorf("%s: want the file name and %q, got %q", c.name, c.want, line)
		}
	}
	// A valid scenario moved by --on to a date when a state did not exist.
	_, errOut, code := run(t, "scenario", "../../obligation/testdata/scenarios/korea-2025.yaml", "--on", "1930-01-01")
	if code != 2 || !strings.Contains(errOut, "member of the state system on 1930-01-01") {
		t.Errorf("--on 1930-01-01: want exit 2 naming the non-member, got %d %q", code, errOut)
	}
}

// TestScenarioMonteCarloQuietOffTerminal: the Monte-Carlo progress bar
// writes nothing when stderr is not a terminal (a pipe, a test buffer), so
// scripts reading stderr see only errors.
func TestScenarioMonteCarloQuietOffTerminal(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "scenario", "../../obligation/testdata/scenarios/korea-2025.yaml", "--honour", "0.5", "--runs", "3000", "--seed", "1")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "Monte-Carlo (3000 runs, seed 1, honour 0.5") {
		t.Errorf("no Monte-Carlo summary:\n%s", out)
	}
}

// TestGuaranteesTextCarriesATOPCaveat: a binding guarantee from an ATOP
// alliance judged after ATOP's coverage (Kazakhstan toward Russia under
// ATOP 4235, the 1992 Russia–Kazakhstan treaty) prints the caveat, not a
// bare "binding".
func TestGuaranteesTextCarriesATOPCaveat(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "guarantees", "RUS", "--on", "2025-06-01")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	i := strings.Index(out, "binding       KZK Kazakhstan — atop-4235")
	if i < 0 {
		t.Fatalf("no KZK atop-4235 line:\n%s", out)
	}
	lines := strings.SplitN(out[i:], "\n", 3)
	if len(lines) < 2 || !strings.Contains(lines[1], "assumed still in force") {
		t.Errorf("KZK → RUS atop-4235 lacks the after-ATOP caveat:\n%s", strings.Join(lines[:min(2, len(lines))], "\n"))
	}
}
