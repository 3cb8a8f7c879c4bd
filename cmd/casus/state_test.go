package main

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func TestStatePRK2016(t *testing.T) {
	dir := needData(t)
	out, errOut, code := run(t, "state", "PRK", "--on", "2016-06-01", "--data", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"North Korea (PRK)", "COW 731", "ISO3 PRK", "1948-09-09 to 2024-12-31",
		"member yes, major power no", "capabilities (NMC 6.0, 2016):  CINC 0.0134"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, _, code = run(t, "state", "DPRK", "--on", "2016-06-01", "--data", dir, "--format", "json")
	var r stateReport
	if code != 0 || json.Unmarshal([]byte(out), &r) != nil {
		t.Fatalf("json: exit %d\n%s", code, out)
	}
	if r.Code != 731 || r.Spells[0].Start != "1948-09-09" || r.Capabilities == nil ||
		r.Capabilities.Release != "6.0" || r.Capabilities.Year != 2016 ||
		math.Abs(*r.Capabilities.CINC-0.013444724) > 1e-9 || r.Capabilities.Milex != nil {
		t.Errorf("report %+v caps %+v", r, r.Capabilities)
	}
}

func TestStateAfterDataEnds(t *testing.T) {
	dir := needData(t)
	out, errOut, code := run(t, "state", "USA", "--on", "2020-01-01", "--data", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// Majors data end 2016: unknown, not "no". NMC 7.0 reaches 2020.
	for _, want := range []string{"major power unknown", "majors2016 ends 2016-12-31", "(NMC 7.0, 2020)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = run(t, "state", "China", "--on", "1960-01-01", "--data", dir, "--nmc", "7.0")
	if !strings.Contains(out, "major power yes") || !strings.Contains(out, "(NMC 7.0, 1960)") {
		t.Errorf("China 1960:\n%s", out)
	}
}

func TestStateAmbiguousKorea(t *testing.T) {
	dir := needData(t)
	_, errOut, code := run(t, "state", "Korea", "--data", dir)
	if code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	for _, want := range []string{"ambiguous", "PRK North Korea (731)", "ROK South Korea (732)"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q: %s", want, errOut)
		}
	}
}

func TestStateBadInput(t *testing.T) {
	dir := needData(t)
	for _, args := range [][]string{
		{"state", "Atlantis", "--data", dir},
		{"state", "PRK", "--on", "2016-02-30", "--data", dir},
		{"state", "PRK", "--nmc", "5.0", "--data", dir},
		{"state", "--data", dir},
	} {
		if _, _, code := run(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
