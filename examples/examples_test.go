package examples_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
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

var (
	once sync.Once
	w    *world.World
	wErr error
)

func realWorld(t *testing.T) *world.World {
	t.Helper()
	dir := sourcetest.Data() // $CASUS_DATA's directory, else the embedded snapshot
	once.Do(func() {
		ctx := context.Background()
		if w, wErr = source.Load(ctx, dir, source.LoadOptions{}); wErr != nil {
			return
		}
		if wErr = treaty.Attach(ctx, w, dir, nil); wErr != nil {
			return
		}
		w.Freeze()
	})
	if wErr != nil {
		t.Fatal(wErr)
	}
	return w
}

// Every file in the folder is embedded (so --example and the folder never
// differ) and parses with the real parser against the real data.
func TestEveryExampleParses(t *testing.T) {
	onDisk, err := filepath.Glob("*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(onDisk)
	if got := examples.Names(); strings.Join(got, " ") != strings.Join(onDisk, " ") {
		t.Fatalf("embedded %v, folder has %v", got, onDisk)
	}
	for _, want := range []string{"korea-2025.yaml", "guam-2026.yaml", "july-1914.yaml", examples.TemplateName} {
		if _, err := examples.File(want); err != nil {
			t.Errorf("%s: %v", want, err)
		}
	}
	w := realWorld(t)
	for _, name := range onDisk {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := obligation.Parse(w, name, data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// The template is a working scenario that uses every event kind, so a
// reader sees each one in a file that runs.
func TestTemplateUsesEveryEventKind(t *testing.T) {
	w := realWorld(t)
	s, err := obligation.Parse(w, examples.TemplateName, examples.Template())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[obligation.EventKind]bool{}
	for _, ev := range s.Events {
		seen[ev.Kind] = true
	}
	for _, k := range []obligation.EventKind{obligation.ArmedAttack, obligation.Threat, obligation.War,
		obligation.Mobilization, obligation.Request, obligation.Coercion} {
		if !seen[k] {
			t.Errorf("the template has no %s event", k)
		}
	}
}

// schemaFields collects every property name declared anywhere in the JSON
// Schema.
func schemaFields(v any, out map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		if props, ok := x["properties"].(map[string]any); ok {
			for k := range props {
				out[k] = true
			}
		}
		for _, c := range x {
			schemaFields(c, out)
		}
	case []any:
		for _, c := range x {
			schemaFields(c, out)
		}
	}
}

// The template documents every field of the schema: a field added to the
// format and not to the template fails here, so the two cannot drift.
func TestTemplateMentionsEverySchemaField(t *testing.T) {
	raw, err := os.ReadFile("../obligation/scenario.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema any
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatal(err)
	}
	fields := map[string]bool{}
	schemaFields(schema, fields)
	if len(fields) < 20 {
		t.Fatalf("found only %d fields in the schema: the walk is broken", len(fields))
	}
	tmpl := string(examples.Template())
	for f := range fields {
		// As a key (`by:`), in a flow mapping or a comment: the name
		// followed by a colon, not inside a longer word.
		if !regexp.MustCompile(`(^|[^a-z_])` + regexp.QuoteMeta(f) + `:`).MatchString(tmpl) {
			t.Errorf("the template does not mention the field %q", f)
		}
	}
}

// The examples say in their comments who is bound; the engine agrees on
// the headline of each.
func TestExamplesHeadlines(t *testing.T) {
	w := realWorld(t)
	eng := obligation.For(w)
	cases := []struct {
		file  string
		bound [][2]string // obligor, beneficiary with a binding defence obligation
		not   [][2]string // no binding defence obligation
	}{
		{"korea-2025.yaml", [][2]string{{"RUS", "PRK"}, {"CHN", "PRK"}}, [][2]string{{"USA", "ROK"}}},
		{"guam-2026.yaml", [][2]string{{"AUL", "USA"}, {"PHI", "USA"}, {"ROK", "USA"}}, [][2]string{{"JPN", "USA"}, {"UKG", "USA"}, {"NEW", "USA"}}},
		{"july-1914.yaml", [][2]string{{"FRN", "RUS"}, {"RUS", "FRN"}}, [][2]string{{"AUH", "GMY"}, {"ITA", "GMY"}}},
		{"template.yaml", [][2]string{{"RUS", "TAJ"}, {"KZK", "TAJ"}}, nil},
	}
	for _, c := range cases {
		data, err := examples.File(c.file)
		if err != nil {
			t.Fatal(err)
		}
		s, err := obligation.Parse(w, c.file, data)
		if err != nil {
			t.Fatal(err)
		}
		rep := eng.Evaluate(s, false)
		binding := map[[2]string]bool{}
		for _, o := range rep.Obligations {
			if o.Status == obligation.Binding && o.Kind == world.Defense {
				binding[[2]string{o.Obligor, o.Beneficiary}] = true
			}
		}
		for _, p := range c.bound {
			if !binding[p] {
				t.Errorf("%s: %s → %s is not bound to defend", c.file, p[0], p[1])
			}
		}
		for _, p := range c.not {
			if binding[p] {
				t.Errorf("%s: %s → %s is bound to defend, the example says not", c.file, p[0], p[1])
			}
		}
		if c.file == "korea-2025.yaml" {
			breached := false
			for _, o := range rep.Obligations {
				breached = breached || (o.Status == obligation.Breached && o.Kind == world.Nonaggression && o.Obligor == "ROK" && o.Beneficiary == "PRK")
			}
			if !breached {
				t.Errorf("%s: the comments say the ROK breaches a non-aggression pledge to the DPRK; the report has none", c.file)
			}
		}
	}
}
