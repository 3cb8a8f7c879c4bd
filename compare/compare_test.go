package compare_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/casus-dev/casus/compare"
	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/source/sourcetest"
	"github.com/casus-dev/casus/treaty"
	"github.com/casus-dev/casus/world"
)

var (
	once  sync.Once
	testW *world.World
	atop  *compare.ATOP
	wErr  error
)

func setup(t *testing.T) (*world.World, *compare.ATOP) {
	t.Helper()
	once.Do(func() {
		d := sourcetest.Data()
		w, err := source.Load(context.Background(), d, source.LoadOptions{Only: []string{source.States}})
		if err != nil {
			wErr = err
			return
		}
		if wErr = treaty.Attach(context.Background(), w, d, nil); wErr != nil {
			return
		}
		w.Freeze()
		testW = w
		ph, _, err := source.ReadATOPPhases(d.File(source.PathATOPPhases))
		if err != nil {
			wErr = err
			return
		}
		in, _, err := source.ReadATOPInstitutionalization(d.File(source.PathATOPInst))
		if err != nil {
			wErr = err
			return
		}
		atop = &compare.ATOP{Phases: ph, Inst: in}
	})
	if wErr != nil {
		t.Fatal(wErr)
	}
	return testW, atop
}

var seed = []string{"rus-prk-2024", "rus-blr-2024", "csto", "usa-rok-1953", "nato-1949"}

func treaties(t *testing.T, w *world.World, ids ...string) []*world.Treaty {
	var ts []*world.Treaty
	for _, id := range ids {
		tr, ok := w.Treaty(id)
		if !ok {
			t.Fatalf("no treaty %s", id)
		}
		ts = append(ts, tr)
	}
	return ts
}

// yamlPath walks a path like obligations[3].response.qualifiers in a
// decoded YAML document.
func yamlPath(doc any, path string) (any, error) {
	cur := doc
	for _, part := range strings.Split(path, ".") {
		name, idx := part, -1
		if k := strings.Index(part, "["); k >= 0 {
			name = part[:k]
			n, err := strconv.Atoi(strings.TrimSuffix(part[k+1:], "]"))
			if err != nil {
				return nil, fmt.Errorf("bad index in %q", part)
			}
			idx = n
		}
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: not a mapping", name)
		}
		if cur, ok = m[name]; !ok {
			return nil, fmt.Errorf("no field %q", name)
		}
		if idx >= 0 {
			l, ok := cur.([]any)
			if !ok || idx >= len(l) {
				return nil, fmt.Errorf("%s[%d]: out of range", name, idx)
			}
			cur = l[idx]
		}
	}
	return cur, nil
}

// render writes a YAML value the way compare.Source.Value does.
func render(v any) string {
	switch x := v.(type) {
	case []any:
		var parts []string
		for _, e := range x {
			parts = append(parts, render(e))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case time.Time:
		return x.Format("2006-01-02")
	case bool:
		return strconv.FormatBool(x)
	case int:
		return strconv.Itoa(x)
	case string:
		return x
	}
	return fmt.Sprint(v)
}

// atopCell reads one column of one row of an ATOP csv directly, with no
// casus loader in between.
func atopCell(t *testing.T, rel, phaseID, col string) (string, bool) {
	r := csv.NewReader(bytes.NewReader(sourcetest.ReadFile(t, rel)))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	ci, pi := -1, -1
	for i, h := range rows[0] {
		switch strings.ToLower(h) {
		case col:
			ci = i
		case "atopidphase":
			pi = i
		}
	}
	if ci < 0 || pi < 0 {
		return "", false
	}
	want, _ := strconv.ParseFloat(phaseID, 64)
	for _, row := range rows[1:] {
		// atopinst5_1.csv writes 3180.1 as 3180.1001.
		if f, err := strconv.ParseFloat(row[pi], 64); err == nil && math.Abs(f-want) < 0.001 {
			return row[ci], true
		}
	}
	return "", false
}

var atopField = regexp.MustCompile(`^atopidphase=([0-9.]+) ([a-z0-9]+)$`)

// checkProvenance: every source names a field that exists in its file and
// holds the value the source says; the words it produced are in the cell;
// a cell without sources says there is nothing to show.
func checkProvenance(t *testing.T, c *compare.Comparison) {
	t.Helper()
	files, _, err := treaty.RegistryFiles()
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]any{}
	checked := 0
	for _, r := range c.Rows {
		for j, cell := range r.Cells {
			where := fmt.Sprintf("%s / %s", r.Key, c.Columns[j].Treaty)
			if len(cell.Sources) == 0 && !regexp.MustCompile(`(?i)\b(not in|nothing|none|no |not coded|not loaded)`).MatchString(cell.Text) {
				t.Errorf("%s: %q has no source and does not say why", where, cell.Text)
			}
			for _, s := range cell.Sources {
				checked++
				if s.Shown != "" && !strings.Contains(cell.Text, s.Shown) {
					t.Errorf("%s: %s %s shows %q, not in the cell %q", where, s.File, s.Field, s.Shown, cell.Text)
				}
				if m := atopField.FindStringSubmatch(s.Field); m != nil {
					rel := map[string]string{compare.PhasesFile: source.PathATOPPhases, compare.InstFile: source.PathATOPInst}[s.File]
					got, ok := atopCell(t, rel, m[1], m[2])
					if !ok || got != s.Value {
						t.Errorf("%s: %s %s: file has %q (found %v), source says %q", where, s.File, s.Field, got, ok, s.Value)
					}
					continue
				}
				raw, ok := files[s.File]
				if !ok {
					t.Errorf("%s: source file %q is neither a registry file nor ATOP", where, s.File)
					continue
				}
				doc, ok := docs[s.File]
				if !ok {
					if err := yaml.Unmarshal(raw, &doc); err != nil {
						t.Fatal(err)
					}
					docs[s.File] = doc
				}
				v, err := yamlPath(doc, s.Field)
				if err != nil {
					t.Errorf("%s: %s %s: %v", where, s.File, s.Field, err)
					continue
				}
				if s.Field == "notes" || strings.HasSuffix(s.Field, ".text") {
					if !compare.SentenceInNotes(render(v), s.Value) {
						t.Errorf("%s: %s %s has no sentence %q", where, s.File, s.Field, s.Value)
					}
					continue
				}
				if got := render(v); got != s.Value {
					t.Errorf("%s: %s %s = %q, source says %q", where, s.File, s.Field, got, s.Value)
				}
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d sources checked", checked)
	}
}

func TestProvenanceTreaties(t *testing.T) {
	w, a := setup(t)
	checkProvenance(t, compare.Treaties(w, treaties(t, w, seed...), world.D(2026, 1, 1), a))
}

func TestProvenanceArticles(t *testing.T) {
	w, _ := setup(t)
	c := compare.Articles(treaties(t, w, seed...))
	if len(c.Columns) != 3+2+3+4+3 {
		t.Errorf("want one column per obligation (15), got %d", len(c.Columns))
	}
	checkProvenance(t, c)
}

func cell(t *testing.T, c *compare.Comparison, key, id string) string {
	t.Helper()
	for _, r := range c.Rows {
		if r.Key != key {
			continue
		}
		for j, col := range c.Columns {
			if col.Treaty == id {
				return r.Cells[j].Text
			}
		}
	}
	t.Fatalf("no cell %s/%s", key, id)
	return ""
}

// TestPublishedFacts: facts the treaty texts and ATOP's coding publish.
func TestPublishedFacts(t *testing.T) {
	w, a := setup(t)
	ts := treaties(t, w, seed...)
	c := compare.Treaties(w, ts, world.D(2024, 3, 7), a)
	// Sweden deposited its instrument on 2024-03-07: the 32nd member.
	if got := cell(t, c, "members", "nato-1949"); !strings.HasPrefix(got, "32:") || !strings.Contains(got, "SWD") {
		t.Errorf("NATO on 2024-03-07: %q", got)
	}
	if got := cell(t, compare.Treaties(w, ts, world.D(2024, 3, 6), a), "members", "nato-1949"); !strings.HasPrefix(got, "31:") {
		t.Errorf("NATO on 2024-03-06: %q", got)
	}
	// Armenia froze its CSTO participation in February 2024.
	if got := cell(t, c, "members", "csto"); !strings.Contains(got, "ARM (suspended)") {
		t.Errorf("CSTO members: %q", got)
	}
	// The Union State guarantees (2024) entered into force 2025-03-13.
	if got := cell(t, c, "members", "rus-blr-2024"); !strings.HasPrefix(got, "not in force") {
		t.Errorf("rus-blr-2024 in March 2024: %q", got)
	}
	// ATOP: CST has an integrated command (INTCOM 1); US–ROK provides for
	// one-way basing (BASE 3) and is asymmetric; NATO's first term was 20
	// years (LENGTH 240).
	for _, f := range []struct{ key, id, want string }{
		{"institutions", "csto", "integrated command"},
		{"institutions", "usa-rok-1953", "one-way basing"},
		{"asymmetry", "usa-rok-1953", "ATOP asymm 1"},
		{"duration", "nato-1949", "leave on 12 months' notice after 20 years in force (Art. 13) [V]"},
		{"duration", "csto", "fixed term of 5 years from entry into force [V]; renewed automatically for 5 years at a time [V]"},
		{"duration", "usa-rok-1953", "indefinite (Art. VI) [D]; leave on 12 months' notice (Art. VI) [M]"},
		{"institutions", "rus-prk-2024", "not in ATOP"},
		{"trigger", "rus-prk-2024", "state of war"},
		{"response", "nato-1949", "as it deems necessary"},
		{"response", "usa-rok-1953", "constitutional processes"},
		{"scope", "usa-rok-1953", "pacific_area"},
		{"nuclear", "rus-blr-2024", "nuclear"},
		{"strength", "rus-blr-2024", "unconditional"},
		{"strength", "nato-1949", "conditional and probabilistic"},
		{"strength", "rus-prk-2024", "conditional (Art. 4)"},
	} {
		if got := cell(t, c, f.key, f.id); !strings.Contains(got, f.want) {
			t.Errorf("%s/%s: want %q in %q", f.key, f.id, f.want, got)
		}
	}
}

// TestClassifyRule: the strength tiers on hand-made obligations, one field
// changed at a time.
func TestClassifyRule(t *testing.T) {
	base := func() *world.Treaty {
		return &world.Treaty{ID: "x", File: "x.yaml", Obligations: []world.Obligation{{
			Kind: world.Defense, Trigger: world.ArmedAttack, Response: world.Response{Action: "military_assistance"}}}}
	}
	for _, c := range []struct {
		name string
		edit func(o *world.Obligation)
		want compare.Class
	}{
		{"plain", func(o *world.Obligation) {}, compare.Unconditional},
		{"region", func(o *world.Obligation) { o.Scope.Regions = []string{"europe"} }, compare.Conditional},
		{"state of war", func(o *world.Obligation) { o.RequiresStateOfWar = true }, compare.Conditional},
		{"request", func(o *world.Obligation) { o.RequiresRequest = true }, compare.Conditional},
		{"named adversary", func(o *world.Obligation) { o.Attacker.Named = []string{"FRN"} }, compare.Conditional},
		{"deems necessary", func(o *world.Obligation) { o.Response.Qualifiers = []string{"as_deems_necessary"} }, compare.Probabilistic},
		{"unspecified assistance", func(o *world.Obligation) { o.Response.Action = "assistance" }, compare.Probabilistic},
		{"both", func(o *world.Obligation) {
			o.Scope.Regions = []string{"pacific_area"}
			o.Response.Qualifiers = []string{"constitutional_processes"}
		}, compare.Both},
		{"consultation", func(o *world.Obligation) { o.Kind = world.Consultation }, compare.NoPromise},
		{"immediately is not a condition", func(o *world.Obligation) { o.Response.Qualifiers = []string{"immediately", "all_means"} }, compare.Unconditional},
	} {
		tr := base()
		c.edit(&tr.Obligations[0])
		if got, why := compare.Classify(tr, 0); got != c.want || len(why) == 0 {
			t.Errorf("%s: want %s, got %s (because %v)", c.name, c.want, got, why)
		}
	}
}

// TestDurationFromFields: the term row states the treaty files' term,
// renewal and notice with their tags, never a sentence of the notes; an
// alliance known only from ATOP falls back to ATOP's coded duration.
func TestDurationFromFields(t *testing.T) {
	w, a := setup(t)
	c := compare.Treaties(w, treaties(t, w, seed...), world.D(2026, 12, 6), a)
	// TASS: the 2024 treaty is of indefinite duration; its notice clause
	// is not verified, and the row says it is not in the file.
	if got, want := cell(t, c, "duration", "rus-prk-2024"), "indefinite [V]; notice not in the treaty file"; got != want {
		t.Errorf("rus-prk-2024 term row:\n got  %q\n want %q", got, want)
	}
	for _, r := range c.Rows {
		if r.Key != "duration" {
			continue
		}
		for j, cl := range r.Cells {
			for _, s := range cl.Sources {
				if s.Field == "notes" || strings.HasPrefix(s.Field, "sources[") {
					t.Errorf("%s: term row built from %s %q", c.Columns[j].Treaty, s.Field, s.Value)
				}
			}
		}
	}
	// China–DPRK Art. VII: the treaty stays in force until the parties
	// agree to amend or end it; the row says no party may leave alone and
	// does not report a notice as merely missing.
	cp := treaties(t, w, "chn-prk-1961")
	if got, want := cell(t, compare.Treaties(w, cp, world.D(2026, 12, 6), a), "duration", "chn-prk-1961"),
		"until the parties agree to end it, no party may leave alone (Art. VII) [V]"; got != want {
		t.Errorf("chn-prk-1961 term row:\n got  %q\n want %q", got, want)
	}
	// The Warsaw Treaty (ATOP 3285) ran twenty years with automatic
	// ten-year extensions (its Art. 11); casus has no registry file for
	// it, so the row is ATOP's coding, tagged [D], from the phase file.
	ws := treaties(t, w, "atop-3285")
	got := cell(t, compare.Treaties(w, ws, world.D(1980, 1, 1), a), "duration", "atop-3285")
	for _, want := range []string{"ATOP: fixed term of 240 months", "automatic renewal unless notice (120-month terms)", "[D]"} {
		if !strings.Contains(got, want) {
			t.Errorf("atop-3285 term row %q lacks %q", got, want)
		}
	}
}

// Every registry treaty whose file states a term, renewal or notice traces
// each cell of its comparison to the file (the same check as the seed's).
func TestProvenanceTermFields(t *testing.T) {
	w, a := setup(t)
	var ts []*world.Treaty
	for _, tr := range w.Treaties {
		if tr.Source == world.FromRegistry && (tr.Term != nil || tr.Renewal != nil || tr.Notice != nil) {
			ts = append(ts, tr)
		}
	}
	if len(ts) < 15 {
		t.Fatalf("only %d registry treaties state a term, renewal or notice", len(ts))
	}
	c := compare.Treaties(w, ts, world.D(2026, 12, 6), a)
	for _, r := range c.Rows {
		if r.Key != "duration" {
			continue
		}
		for j, cl := range r.Cells {
			if !strings.Contains(cl.Text, "[") {
				t.Errorf("%s: term row %q has no provenance tag", c.Columns[j].Treaty, cl.Text)
			}
		}
	}
	checkProvenance(t, c)
}
