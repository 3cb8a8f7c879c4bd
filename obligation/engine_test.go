package obligation

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/casus-dev/casus/world"
)

func mustParse(t testing.TB, w *world.World, src string) *Scenario {
	t.Helper()
	s, err := Parse(w, "test.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestMonteCarloMatchesExpectation checks the Monte-Carlo runs against
// their analytical expectation. In the fixture, an attack by China on a
// Philippine vessel has one obligor (the US, Art. IV), so P(US enters) = p;
// an ROK attack on the DPRK has three independent obligors (China, Russia,
// Turkey), so the defending side has 1 + 3p states on average. The
// tolerance is 4 standard errors of the estimate for N runs.
func TestMonteCarloMatchesExpectation(t *testing.T) {
	w := fixtureWorld(t)
	const n = 20000
	for _, p := range []float64{0.1, 0.5, 0.8} {
		s := mustParse(t, w, `date: 2025-06-01
events:
  - armed_attack: {by: [CHN], on: PHI, at: Second Thomas Shoal, target: vessels}
`)
		s.Assume = Assumptions{Honour: p, Runs: n, Seed: 7}
		mc := For(w).MonteCarlo(s, 2)
		var got float64
		for _, st := range mc.States {
			if st.State == "USA" {
				got = st.Side2
			}
		}
		tol := 4 * math.Sqrt(p*(1-p)/n)
		if math.Abs(got-p) > tol {
			t.Errorf("p=%.2f: P(USA enters) = %.4f, want %.4f ± %.4f", p, got, p, tol)
		}
		if want := 1 + p; math.Abs(mc.Side2Size.Mean-want) > tol {
			t.Errorf("p=%.2f: mean side-2 size %.4f, want %.4f ± %.4f", p, mc.Side2Size.Mean, want, tol)
		}

		s2 := mustParse(t, w, `date: 2025-06-01
events:
  - armed_attack: {by: [ROK], on: PRK}
`)
		s2.Assume = Assumptions{Honour: p, Runs: n, Seed: 11}
		mc2 := For(w).MonteCarlo(s2, 2)
		// Var of a sum of 3 independent Bernoulli(p) is 3p(1-p).
		tol2 := 4 * math.Sqrt(3*p*(1-p)/n)
		if want := 1 + 3*p; math.Abs(mc2.Side2Size.Mean-want) > tol2 {
			t.Errorf("p=%.2f: ROK→PRK mean side-2 size %.4f, want %.4f ± %.4f", p, mc2.Side2Size.Mean, want, tol2)
		}
		if mc2.Side1Size.Mean != 1 || mc2.Side1Size.SD != 0 {
			t.Errorf("p=%.2f: side 1 is the ROK alone in every run, got mean %.3f sd %.3f", p, mc2.Side1Size.Mean, mc2.Side1Size.SD)
		}
	}
}

// TestMonteCarloDeterministic: the same seed gives the same distribution
// on any number of workers; another seed gives another sample.
func TestMonteCarloDeterministic(t *testing.T) {
	w := fixtureWorld(t)
	s := mustParse(t, w, `date: 2025-06-01
events:
  - armed_attack: {by: [ROK], on: PRK}
assume: {honour: 0.4, runs: 3000, seed: 5}
`)
	a := For(w).MonteCarlo(s, 1)
	b := For(w).MonteCarlo(s, 2)
	a.Workers, b.Workers = 0, 0
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("seed 5 on 1 and 2 workers differ:\n%+v\n%+v", a, b)
	}
	s.Assume.Seed = 6
	c := For(w).MonteCarlo(s, 2)
	if c.Side2Size.Mean == a.Side2Size.Mean {
		t.Errorf("seeds 5 and 6 gave the same mean side-2 size %.4f", a.Side2Size.Mean)
	}
}

// TestHonourNone: nobody enters; only the victims fight.
func TestHonourNone(t *testing.T) {
	w := fixtureWorld(t)
	s := mustParse(t, w, `date: 2025-06-01
events:
  - armed_attack: {by: [ROK], on: PRK}
assume: {honour: none}
`)
	rep := Evaluate(w, s)
	if got := sideList(rep.Sides[0]) + " | " + sideList(rep.Sides[1]); got != "ROK | PRK" {
		t.Errorf("sides with honour none: want ROK | PRK, got %s", got)
	}
	binding := 0
	for _, r := range rep.Obligations {
		if r.Status == Binding {
			binding++
		}
	}
	if binding == 0 {
		t.Error("honour none changes who enters, not the statuses: want binding obligations still listed")
	}
}

// TestBalanceMissingIsNotZero: the DPRK's missing milex is left out of the
// side's sum and named; CINC sums are exact.
func TestBalanceMissingIsNotZero(t *testing.T) {
	w := fixtureWorld(t)
	s := mustParse(t, w, `date: 2025-06-01
events:
  - armed_attack: {by: [ROK], on: PRK}
assume: {honour: none}
`)
	b := Evaluate(w, s).Balance
	if b.Year != 2022 || b.Release != "7.0" || !strings.Contains(b.Note, "ends in 2022") {
		t.Fatalf("balance year/release/note: got %d %s %q", b.Year, b.Release, b.Note)
	}
	if b.Sides[1].Components["milex"] != nil {
		t.Errorf("side 2 (PRK alone) milex: want null (missing), got %v", *b.Sides[1].Components["milex"])
	}
	if got := b.Sides[1].Missing["milex"]; len(got) != 1 || got[0] != "PRK" {
		t.Errorf("side 2 missing milex: want [PRK], got %v", got)
	}
	// CINC is recomputed from the fixture's components (power.Balance, the
	// one balance computation), not read from its made-up cinc column. In
	// 2022 the seven states report equal milper, irst, pec, tpop and upop
	// (a share of 1/7 each); milex shares are over the six that report it
	// (sum 1,244 million). PRK, missing milex, averages five shares.
	rok := (40.0/1244 + 5.0/7) / 6
	prk := (5.0 / 7) / 5
	if got := *b.Sides[0].CINC; math.Abs(got-rok) > 1e-12 {
		t.Errorf("side 1 CINC: want %v, got %v", rok, got)
	}
	if got := *b.Sides[1].CINC; math.Abs(got-prk) > 1e-12 {
		t.Errorf("side 2 CINC: want 1/7 (five shares of 1/7 averaged), got %v", got)
	}
	if got := *b.Ratio; math.Abs(got-rok/prk) > 1e-12 {
		t.Errorf("ratio: want %v, got %v", rok/prk, got)
	}
	// Before the release's first year, nothing is known.
	s.Redate(world.D(1815, 6, 1))
	if b := Evaluate(w, s).Balance; b.Year != 0 || b.Sides[0].CINC != nil || b.Ratio != nil {
		t.Errorf("1815: want no data year and null sums, got year %d", b.Year)
	}
}

// TestJSONContract checks the documented field names and values.
func TestJSONContract(t *testing.T) {
	w := fixtureWorld(t)
	s := mustParse(t, w, `date: 2025-06-01
events:
  - armed_attack: {by: [ROK], on: PRK}
`)
	var buf bytes.Buffer
	if err := Write(&buf, For(w).Evaluate(s, true), "json", false); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"obligations", "conflicts", "rounds", "sides", "balance", "scenario"} {
		if _, ok := m[k]; !ok {
			t.Errorf("json: missing top-level %q", k)
		}
	}
	obs := m["obligations"].([]any)
	first := obs[0].(map[string]any)
	for _, k := range []string{"treaty", "article", "obligor", "beneficiary", "kind", "status", "reason", "round", "response", "explain"} {
		if _, ok := first[k]; !ok {
			t.Errorf("json obligations[0]: missing %q", k)
		}
	}
	valid := map[string]bool{"binding": true, "breached": true, "contingent": true, "not_triggered": true, "non_binding": true}
	for _, o := range obs {
		if st := o.(map[string]any)["status"].(string); !valid[st] {
			t.Errorf("json: status %q not in the contract", st)
		}
	}
	bal := m["balance"].(map[string]any)
	if bal["release"] != "7.0" || bal["year"].(float64) != 2022 {
		t.Errorf("json balance: want release 7.0 year 2022, got %v %v", bal["release"], bal["year"])
	}
}

// TestParseErrors: every input error is one *Error with file and line,
// and BadInput (exit code 2).
func TestParseErrors(t *testing.T) {
	w := fixtureWorld(t)
	for _, src := range []string{
		"", "[]", "date: 2025-06-01\n", "date: x\nevents: [{armed_attack: {by: ROK, on: PRK}}]",
		"date: 2025-06-01\nevents: [{armed_attack: {by: ROK, on: PRK, target: ships}}]",
		"date: 2025-06-01\nevents: [{armed_attack: {by: [ROK, ROK], on: PRK}}]",
		"date: 2025-06-01\nevents: [{mobilization: {by: [AUH, GMY]}}]",
		"date: 2025-06-01\nevents: [{armed_attack: {by: ROK, on: PRK}}]\nassume: {runs: 0}",
		"date: 2025-06-01\ndate: 2025-06-02\nevents: [{armed_attack: {by: ROK, on: PRK}}]",
		"date: 2025-06-01\nevents: [{armed_attack: {by: ROK, on: PRK}, war: {declared_by: ROK, on: PRK}}]",
		"date: 2025-06-01\nevents: [{armed_attack: {by: Korea, on: PRK}}]",
	} {
		_, err := Parse(w, "s.yaml", []byte(src))
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q: want *Error, got %v", src, err)
			continue
		}
		if !e.BadInput() || !strings.HasPrefix(e.Error(), "s.yaml") || strings.Contains(e.Error(), "\n") {
			t.Errorf("%q: want one line starting with the file name, got %q", src, e.Error())
		}
	}
}

// FuzzParse: the parser never panics, and every failure is an *Error.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/scenarios/*.yaml")
	for _, p := range files {
		b, _ := os.ReadFile(p)
		f.Add(b)
	}
	f.Add([]byte(`{"date":"2025-06-01","events":[{"war":{"declared_by":"DPRK","on":"ROK"}}]}`))
	f.Add([]byte("date: 2025-06-01\nevents:\n  - armed_attack: {by: &a [ROK], on: *a}\n"))
	f.Add([]byte("events: [{request: {by: PRK}}]\nassume: {honour: 0.3, runs: 5, seed: -1}"))
	w := fixtureWorld(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse(w, "fuzz.yaml", data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("want *Error, got %T %v", err, err)
			}
			return
		}
		if len(s.Events) == 0 || s.Date == 0 {
			t.Fatalf("parsed scenario without events or date: %+v", s)
		}
		if s.Assume.Runs > 50 {
			s.Assume.Runs = 50
		}
		Evaluate(w, s) // must not panic either
	})
}

// TestSchemaAcceptsScenarios validates the shipped scenarios and the
// golden tests' inputs against scenario.schema.json, and checks that the
// schema rejects what the parser rejects for shape (unknown fields).
func TestSchemaAcceptsScenarios(t *testing.T) {
	c := jsonschema.NewCompiler()
	raw, err := os.ReadFile("scenario.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("scenario.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("scenario.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/scenarios/*.yaml")
	if len(files) < 3 {
		t.Fatalf("want the three shared scenarios in testdata/scenarios, got %v", files)
	}
	for _, p := range files {
		b, _ := os.ReadFile(p)
		if err := sch.Validate(yamlToJSON(t, b)); err != nil {
			t.Errorf("%s: schema rejects a shipped scenario: %v", p, err)
		}
	}
	bad := []byte("date: 2025-06-01\nevents:\n  - armed_attack: {by: [ROK], on: PRK, weapon: x}\n")
	if sch.Validate(yamlToJSON(t, bad)) == nil {
		t.Error("schema accepts an unknown event field")
	}
	if sch.Validate(yamlToJSON(t, []byte("date: 1800-01-01\nevents: [{threat: {by: A, on: B}}]\n"))) == nil {
		t.Error("schema accepts a date before 1815")
	}
}

// yamlToJSON converts YAML into the generic values jsonschema validates,
// keeping dates as strings (as JSON writes them).
func yamlToJSON(t *testing.T, b []byte) any {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal(b, &n); err != nil {
		t.Fatal(err)
	}
	var conv func(n *yaml.Node) any
	conv = func(n *yaml.Node) any {
		switch n.Kind {
		case yaml.DocumentNode:
			return conv(n.Content[0])
		case yaml.MappingNode:
			m := map[string]any{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				m[n.Content[i].Value] = conv(n.Content[i+1])
			}
			return m
		case yaml.SequenceNode:
			out := []any{}
			for _, c := range n.Content {
				out = append(out, conv(c))
			}
			return out
		}
		switch n.Tag {
		case "!!int", "!!float":
			return json.Number(n.Value)
		case "!!bool":
			return n.Value == "true"
		case "!!null":
			return nil
		}
		return n.Value
	}
	return conv(&n)
}
