package treaty

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/casus-dev/casus/world"
)

// toJSON converts a YAML document to the JSON value the schema validates,
// by node tag: a null mapping value is left out (the parser reads it as
// "not written"), timestamps are strings, ints stay numbers.
func toJSON(t *testing.T, data []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("yaml: %v", err)
	}
	var conv func(n *yaml.Node) any
	conv = func(n *yaml.Node) any {
		switch n.Kind {
		case yaml.DocumentNode:
			return conv(n.Content[0])
		case yaml.MappingNode:
			m := map[string]any{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				v := n.Content[i+1]
				if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
					continue
				}
				m[n.Content[i].Value] = conv(v)
			}
			return m
		case yaml.SequenceNode:
			s := make([]any, len(n.Content))
			for i, c := range n.Content {
				s[i] = conv(c)
			}
			return s
		}
		switch n.Tag {
		case "!!int":
			var i int64
			if n.Decode(&i) == nil {
				return json.Number(strconv.FormatInt(i, 10))
			}
		case "!!float":
			var f float64
			if n.Decode(&f) == nil {
				return f
			}
		case "!!bool":
			var b bool
			if n.Decode(&b) == nil {
				return b
			}
		case "!!null":
			return nil
		}
		return n.Value
	}
	return conv(&doc)
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	raw, err := os.ReadFile("treaty.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("treaty.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("treaty.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Every registry file and every valid testdata file satisfies the schema;
// every testdata file the parser rejects for its shape (unknown field,
// wrong type) fails the schema too — so schema and parser agree.
func TestSchemaAgreesWithParser(t *testing.T) {
	s := compileSchema(t)
	files, names, err := RegistryFiles()
	if err != nil {
		t.Fatal(err)
	}
	valid, _ := filepath.Glob("testdata/valid/*.yaml")
	for _, p := range valid {
		b, _ := os.ReadFile(p)
		files[p] = b
		names = append(names, p)
	}
	for _, n := range names {
		if _, err := Parse(n, files[n]); err != nil {
			t.Errorf("%s: parser: %v", n, err)
		}
		if err := s.Validate(toJSON(t, files[n])); err != nil {
			t.Errorf("%s: schema: %v", n, err)
		}
	}
	for _, p := range []string{"testdata/invalid/decode.yaml"} {
		b, _ := os.ReadFile(p)
		if _, err := Parse(p, b); err == nil {
			t.Errorf("%s: the parser accepts it", p)
		}
		if err := s.Validate(toJSON(t, b)); err == nil {
			t.Errorf("%s: the schema accepts it", p)
		}
	}
	// Shape errors one at a time, on a valid base: both must refuse.
	base, _ := os.ReadFile("testdata/valid/pacific-pact.yaml")
	for _, mut := range [][2]string{
		{"title: Example", "titel: Example"},
		{"forces: true", "forces: yes please"},
		{"min_attackers: 2", "min_attackers: two"},
		{"kind: defense", "kind: [defense]"},
		{"signed: 2001-01-15", "signed: 2001"},
		{"notes: not a real treaty", "notes: true"},
		{"action: consultation", "action: talk"},
		{"kind: fixed", "kind: forever"},
		{"years: 10", "years: ten"},
		{"tag: M", "tag: checked"},
		{"months: 12", "months: -12"},
		{"after_years: 10", "after: 10"},
	} {
		b := []byte(strings.Replace(string(base), mut[0], mut[1], 1))
		if bytes.Equal(b, base) {
			t.Fatalf("mutation %q does not apply", mut[0])
		}
		_, perr := Parse("m.yaml", b)
		verr := error(nil)
		if perr == nil {
			// Vocabulary errors are the validator's: the parser reads any text.
			f, _ := Parse("m.yaml", b)
			if es := f.Validate(smallWorld(), Options{}); len(es) > 0 {
				verr = es
			}
		}
		serr := s.Validate(toJSON(t, b))
		if (perr == nil && verr == nil) || serr == nil {
			t.Errorf("mutation %q: parser %v, validator %v, schema %v: want all three to refuse where the parser or validator does", mut[1], perr, verr, serr)
		}
	}
}

// The schema's enums are the Go vocabularies.
func TestSchemaVocabularies(t *testing.T) {
	raw, _ := os.ReadFile("treaty.schema.json")
	var sc struct {
		Defs struct {
			Obligation struct {
				Properties struct {
					Kind       struct{ Enum []string }
					Trigger    struct{ Enum []string }
					Conditions struct {
						Items struct {
							Properties struct{ Kind struct{ Enum []string } }
						}
					}
					Response struct {
						Properties struct {
							Action     struct{ Enum []string }
							Qualifiers struct{ Items struct{ Enum []string } }
						}
					}
				}
			}
		} `json:"$defs"`
	}
	if err := json.Unmarshal(raw, &sc); err != nil {
		t.Fatal(err)
	}
	p := sc.Defs.Obligation.Properties
	eq := func(name string, got []string, want []string) {
		g := append([]string(nil), got...)
		w := append([]string(nil), want...)
		sort.Strings(g)
		sort.Strings(w)
		if strings.Join(g, ",") != strings.Join(w, ",") {
			t.Errorf("%s: schema %v, Go %v", name, got, want)
		}
	}
	var kinds, trig []string
	for _, k := range world.Kinds {
		kinds = append(kinds, string(k))
	}
	for _, k := range Triggers {
		trig = append(trig, string(k))
	}
	eq("kind", p.Kind.Enum, kinds)
	eq("trigger", p.Trigger.Enum, trig)
	eq("action", p.Response.Properties.Action.Enum, Actions)
	eq("qualifiers", p.Response.Properties.Qualifiers.Items.Enum, Qualifiers)
	eq("condition kind", p.Conditions.Items.Properties.Kind.Enum, ConditionKinds)
	var terms struct {
		Defs map[string]struct {
			Properties map[string]struct{ Enum []string }
		} `json:"$defs"`
	}
	if err := json.Unmarshal(raw, &terms); err != nil {
		t.Fatal(err)
	}
	d := terms.Defs
	eq("term kind", d["term"].Properties["kind"].Enum, TermKinds)
	eq("term from", d["term"].Properties["from"].Enum, TermFrom)
	eq("renewal kind", d["renewal"].Properties["kind"].Enum, RenewalKinds)
	for _, def := range []string{"term", "renewal", "notice"} {
		eq(def+" tag", d[def].Properties["tag"].Enum, Tags)
	}
}

// The schema's properties are exactly the yaml keys of the Go types, so a
// field added to world.Treaty (or one of its parts) without the schema
// fails here.
func TestSchemaPropertiesMatchStructs(t *testing.T) {
	raw, _ := os.ReadFile("treaty.schema.json")
	var sc map[string]any
	if err := json.Unmarshal(raw, &sc); err != nil {
		t.Fatal(err)
	}
	defs := sc["$defs"].(map[string]any)
	props := func(o map[string]any) []string {
		var ks []string
		for k := range o["properties"].(map[string]any) {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return ks
	}
	goKeys := func(v any) []string {
		ks := keys(fieldsOf(reflect.TypeOf(v)))
		sort.Strings(ks)
		return ks
	}
	obl := defs["obligation"].(map[string]any)
	oblProps := obl["properties"].(map[string]any)
	cases := []struct {
		name   string
		schema map[string]any
		goType any
	}{
		{"treaty", sc, world.Treaty{}},
		{"member", defs["member"].(map[string]any), world.Member{}},
		{"suspension", defs["suspension"].(map[string]any), world.Suspension{}},
		{"spell", defs["spell"].(map[string]any), world.Spell{}},
		{"obligation", obl, world.Obligation{}},
		{"attacker", oblProps["attacker"].(map[string]any), world.AttackerCondition{}},
		{"scope", oblProps["scope"].(map[string]any), world.Scope{}},
		{"condition", oblProps["conditions"].(map[string]any)["items"].(map[string]any), world.Condition{}},
		{"response", oblProps["response"].(map[string]any), world.Response{}},
		{"cooperation", defs["cooperation"].(map[string]any), world.Cooperation{}},
		{"reference", defs["reference"].(map[string]any), world.Reference{}},
		{"term", defs["term"].(map[string]any), world.Term{}},
		{"renewal", defs["renewal"].(map[string]any), world.Renewal{}},
		{"notice", defs["notice"].(map[string]any), world.Notice{}},
	}
	for _, c := range cases {
		if got, want := strings.Join(props(c.schema), ","), strings.Join(goKeys(c.goType), ","); got != want {
			t.Errorf("%s: schema properties\n %s\nGo yaml keys\n %s", c.name, got, want)
		}
	}
}
