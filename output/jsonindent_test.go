package output

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// encoderBytes is what json.Encoder with a two-space indent writes: the
// layout MarshalJSON must reproduce byte for byte.
func encoderBytes(t testing.TB, v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestMarshalJSONMatchesEncoder: nested and empty objects and arrays,
// strings with quotes, backslashes, escapes, HTML characters and
// non-ASCII, numbers, null and booleans — and random trees — come out as
// the encoder writes them.
func TestMarshalJSONMatchesEncoder(t *testing.T) {
	type row struct {
		Name  string            `json:"name"`
		Empty map[string]int    `json:"empty"`
		List  []int             `json:"list"`
		None  []string          `json:"none"`
		Map   map[string][]bool `json:"map,omitempty"`
		Ptr   *float64          `json:"ptr"`
	}
	x := 0.25
	cases := []any{
		nil, 1, "a", []int{}, map[string]any{},
		row{Name: `he said "go\home" <b>&</b> Ελλάδα ✓ \u2028`, Empty: map[string]int{}, List: []int{1, 2}, Map: map[string][]bool{"k": {true, false}, "e": {}}, Ptr: &x},
		[]any{[]any{}, map[string]any{"": ""}, []any{[]any{[]any{}}}, "}", "]", ",", ":", "\\", "\\\""},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		cases = append(cases, randomValue(r, 0))
	}
	for i, v := range cases {
		got, err := MarshalJSON(v)
		if err != nil {
			t.Fatal(err)
		}
		if want := encoderBytes(t, v); !bytes.Equal(got, want) {
			t.Fatalf("case %d: MarshalJSON differs from the encoder\nwant %s\ngot  %s", i, want, got)
		}
	}
}

func randomValue(r *rand.Rand, depth int) any {
	k := r.IntN(8)
	if depth > 4 {
		k = r.IntN(4)
	}
	switch k {
	case 0:
		return nil
	case 1:
		return r.Float64()*2e6 - 1e6
	case 2:
		return randomString(r)
	case 3:
		return r.IntN(2) == 0
	case 4, 5:
		a := make([]any, r.IntN(4))
		for i := range a {
			a[i] = randomValue(r, depth+1)
		}
		return a
	default:
		m := map[string]any{}
		for i := range r.IntN(4) {
			m[string(rune('a'+i))+randomString(r)] = randomValue(r, depth+1)
		}
		return m
	}
}

func randomString(r *rand.Rand) string {
	runes := []rune("ab\"\\{}[],: <>&é\n\t✓")
	s := make([]rune, r.IntN(8))
	for i := range s {
		s[i] = runes[r.IntN(len(runes))]
	}
	return string(s)
}

// FuzzIndentCompact: for any valid JSON, indenting its compact form gives
// json.Indent's bytes.
func FuzzIndentCompact(f *testing.F) {
	for _, s := range []string{`{}`, `[]`, `{"a":[1,{},[]],"b":"x\"}"}`, `"\\"`, `[[[]]]`, `{"":{"":null}}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !json.Valid([]byte(s)) {
			return
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, []byte(s)); err != nil {
			t.Skip()
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		want.WriteByte('\n')
		if got := indentCompact(nil, compact.Bytes()); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("input %q\nwant %q\ngot  %q", s, want.Bytes(), got)
		}
	})
}

func BenchmarkMarshalJSON(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	v := make([]any, 2000)
	for i := range v {
		v[i] = randomValue(r, 0)
	}
	b.Run("casus", func(b *testing.B) {
		for b.Loop() {
			MarshalJSON(v)
		}
	})
	b.Run("encoder", func(b *testing.B) {
		for b.Loop() {
			encoderBytes(b, v)
		}
	})
}
