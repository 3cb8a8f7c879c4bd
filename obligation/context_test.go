package obligation

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"
)

// TestEvaluateContext: a live context changes nothing in the report; a
// done one stops the Monte-Carlo runs and returns its error, not a report
// computed on part of the runs.
func TestEvaluateContext(t *testing.T) {
	w := fixtureWorld(t)
	s := mustParse(t, w, `date: 2025-06-01
events:
  - armed_attack: {by: [ROK], on: PRK}
assume: {honour: 0.4, runs: 3000, seed: 5}
`)
	e := For(w)
	got, err := e.EvaluateContext(context.Background(), s, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := e.Evaluate(s, true); !reflect.DeepEqual(got, want) {
		t.Fatalf("EvaluateContext with a live context differs from Evaluate")
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if rep, err := e.EvaluateContext(ctx, s, true, nil); !errors.Is(err, context.Canceled) || rep != nil {
		t.Errorf("cancelled context: got report %v, error %v; want no report and context.Canceled", rep != nil, err)
	}

	// A million runs take seconds; a deadline of 20 ms must end them
	// within a small multiple of it, not after the last run.
	s.Assume.Runs = MaxRuns
	ctx, cancel = context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	rep, err := e.EvaluateContext(ctx, s, true, nil)
	if !errors.Is(err, context.DeadlineExceeded) || rep != nil {
		t.Fatalf("deadline: got report %v, error %v; want no report and context.DeadlineExceeded", rep != nil, err)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("a 20 ms deadline stopped the runs only after %s", took)
	}
}
