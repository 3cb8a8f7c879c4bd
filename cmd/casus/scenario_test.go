package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestScenarioKoreaFile(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "scenario", "../../obligation/testdata/scenarios/korea-2025.yaml")
	if code != 0 {
		t.Fatalf("code %d: %s", code, errOut)
	}
	// The answer comes first: Russia and China bound to fight for the DPRK,
	// names beside codes, the US expressly not bound and why.
	lines := strings.Split(out, "\n")
	head := strings.Join(lines[:min(12, len(lines))], "\n")
	for _, want := range []string{"bound to fight for PRK North Korea:", "CHN China (China–DPRK 1961 Art. II)", "RUS Russia (Russia–DPRK CSP 2024 Art. 4)",
		"side 2 (attacked): PRK North Korea, ", "Not bound", "USA United States of America → ROK South Korea: the protected party ROK is the attacker"} {
		if !strings.Contains(head, want) {
			t.Errorf("the first 12 lines lack %q:\n%s", want, head)
		}
	}
	for _, want := range []string{"Rounds", "Sides", "NMC 7.0 ends in 2022", "--full lists each"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(out, "RUS Russia → PRK North Korea  rus-prk-2024 Art. 4") {
		t.Error("the per-obligation listing is printed without --full")
	}
	out, errOut, code = run(t, "scenario", "../../obligation/testdata/scenarios/korea-2025.yaml", "--full")
	if code != 0 {
		t.Fatalf("--full: code %d: %s", code, errOut)
	}
	for _, want := range []string{"RUS Russia → PRK North Korea  rus-prk-2024 Art. 4", "CHN China → PRK North Korea  chn-prk-1961 Art. II", "USA United States of America → ROK South Korea  usa-rok-1953 Art. III"} {
		if !strings.Contains(out, want) {
			t.Errorf("--full output lacks %q", want)
		}
	}
}

func TestScenarioFlagsFormJSON(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "scenario", "--attack", "PRK", "--by", "ROK", "--on", "2024-11-01", "--format", "json")
	if code != 0 {
		t.Fatalf("code %d: %s", code, errOut)
	}
	var rep struct {
		Obligations []struct {
			Treaty, Article, Obligor, Beneficiary, Status, Reason string
			Explain                                               []string
		}
		Balance struct {
			Release string
			Year    int
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, o := range rep.Obligations {
		if o.Treaty == "rus-prk-2024" && o.Article == "Art. 4" {
			found = true
			if o.Status != "not_triggered" || !strings.Contains(o.Reason, "2024-12-04") || len(o.Explain) == 0 {
				t.Errorf("rus-prk-2024 Art. 4 on 2024-11-01: got %s %q (explain %d lines)", o.Status, o.Reason, len(o.Explain))
			}
		}
	}
	if !found {
		t.Error("no rus-prk-2024 Art. 4 result")
	}
	if rep.Balance.Release != "7.0" || rep.Balance.Year != 2022 {
		t.Errorf("balance: want NMC 7.0 year 2022, got %s %d", rep.Balance.Release, rep.Balance.Year)
	}
}

func TestScenarioRedateAndMarkdown(t *testing.T) {
	needData(t)
	out, _, code := run(t, "scenario", "../../obligation/testdata/scenarios/guam-2026.yaml", "--format", "md", "--explain")
	if code != 0 || !strings.Contains(out, "| ROK South Korea → USA United States of America | **binding** |") || !strings.Contains(out, "## Balance") {
		t.Fatalf("md output (code %d) lacks the ROK row or the balance:\n%.600s", code, out)
	}
	out, _, code = run(t, "scenario", "../../obligation/testdata/scenarios/korea-2025.yaml", "--on", "2024-11-01")
	if code != 0 || !strings.Contains(out, "treaty not yet in force on 2024-11-01") {
		t.Fatalf("--on 2024-11-01 (code %d): no not-yet-in-force reason", code)
	}
}

func TestScenarioMonteCarloFlags(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "scenario", "--attack", "PRK", "--by", "ROK", "--on", "2025-06-01", "--honour", "0.5", "--runs", "500", "--seed", "3")
	if code != 0 || !strings.Contains(out, "Monte-Carlo (500 runs, seed 3, honour 0.5") {
		t.Fatalf("code %d %s:\n%s", code, errOut, out)
	}
}

func TestScenarioBadInput(t *testing.T) {
	needData(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("date: 2025-06-01\nevents:\n  - armed_attack: {by: [ROK], on: PRK, at: Atlantis}\n"), 0o644)
	for _, args := range [][]string{
		{"scenario", bad},
		{"scenario", "--attack", "PRK", "--by", "XYZ", "--on", "2025-06-01"},
		{"scenario", "--attack", "PRK", "--by", "PRK", "--on", "2025-06-01"},
		{"scenario", "--attack", "PRK", "--by", "ROK", "--on", "1700-01-01"},
		{"scenario", "--attack", "PRK", "--by", "ROK", "--on", "2025-06-01", "--honour", "2"},
		{"scenario", filepath.Join(dir, "missing.yaml")},
		{"scenario"},
		{"scenario", bad, "--format", "csv"},
	} {
		_, errOut, code := run(t, args...)
		if code != 2 {
			t.Errorf("%v: want exit 2, got %d (%s)", args, code, errOut)
		}
		if strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: want one error line, got %q", args, errOut)
		}
	}
	_, errOut, _ := run(t, "scenario", bad)
	if !strings.Contains(errOut, "bad.yaml:3:") || !strings.Contains(errOut, `unknown place "Atlantis"`) {
		t.Errorf("error should name file:line and the place, got %q", errOut)
	}
}

func TestGuaranteesRussia(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "guarantees", "Russia", "--on", "2025-06-01")
	if code != 0 {
		t.Fatalf("code %d: %s", code, errOut)
	}
	if !strings.Contains(out, "outside the former Soviet space: 1 — PRK") {
		t.Errorf("guarantees RUS: want the DPRK as the only state outside the former Soviet space, got:\n%s", out)
	}
	out, _, code = run(t, "guarantees", "USA", "--on", "2025-06-01", "--format", "json")
	var g struct {
		Defenders []struct{ Obligor, Treaty, Status string }
	}
	if code != 0 || json.Unmarshal([]byte(out), &g) != nil {
		t.Fatalf("guarantees USA json: code %d", code)
	}
	natoUKG := false
	for _, d := range g.Defenders {
		natoUKG = natoUKG || (d.Obligor == "UKG" && d.Treaty == "nato-1949" && d.Status == "binding")
	}
	if !natoUKG {
		t.Error("guarantees USA: want UKG binding under nato-1949")
	}
	if _, _, code := run(t, "guarantees", "Atlantis"); code != 2 {
		t.Errorf("unknown state: want exit 2, got %d", code)
	}
}
