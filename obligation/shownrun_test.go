package obligation

import (
	"encoding/json"
	"os"
	"slices"
	"testing"
)

// TestShownRunExplainsTheGap: with a probabilistic honour the JSON says
// which run the rounds and sides are, and every state bound to fight is
// either on a side in that run or named in not_entered, never both; a
// deterministic report has no shown_run.
func TestShownRunExplainsTheGap(t *testing.T) {
	w := realWorld(t)
	b, err := os.ReadFile("../examples/korea-2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse(w, "korea-2025.yaml", b)
	if err != nil {
		t.Fatal(err)
	}
	if rep := For(w).Evaluate(s, false); rep.ShownRun != nil {
		t.Errorf("honour all: shown_run %+v, want none", rep.ShownRun)
	}
	for seed := int64(1); seed <= 8; seed++ {
		s.Assume.Honour, s.Assume.Runs, s.Assume.Seed = 0.6, 20, seed
		rep := For(w).Evaluate(s, false)
		var doc struct {
			ShownRun *ShownRun `json:"shown_run"`
			Summary  struct {
				Fight []struct{ Obligors []string }
				Sides [2][]string
			}
		}
		out, err := json.Marshal(rep.forJSON())
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatal(err)
		}
		r := doc.ShownRun
		if r == nil || r.Run != 0 || r.Runs != 20 || r.Seed != seed || r.Honour != 0.6 || r.Note == "" {
			t.Fatalf("seed %d: shown_run %+v", seed, r)
		}
		onSide := append(slices.Clone(doc.Summary.Sides[0]), doc.Summary.Sides[1]...)
		for _, g := range doc.Summary.Fight {
			for _, o := range g.Obligors {
				if slices.Contains(onSide, o) == slices.Contains(r.NotEntered, o) {
					t.Errorf("seed %d: %s bound to fight: on a side %v, in not_entered %v", seed, o, slices.Contains(onSide, o), r.NotEntered)
				}
			}
		}
	}
}
