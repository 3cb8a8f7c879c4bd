package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

// The README states figures a newcomer checks by running the command next
// to them; these tests run those commands and hold the README to their
// answers, so a registry file or an engine change that moves a figure
// fails here until the README says the new one.

func readme(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestREADMERegistryCounts: "holds N treaties, M of them in force on D
// (K legally binding)" against casus treaty list --source registry.
func TestREADMERegistryCounts(t *testing.T) {
	text := strings.Join(strings.Fields(readme(t)), " ")
	m := regexp.MustCompile(`holds (\d+) treaties, (\d+) of them in force on (\d{4}-\d{2}-\d{2}) \((\d+) legally binding\)`).FindStringSubmatch(text)
	if m == nil {
		t.Fatal("README: no sentence 'holds N treaties, M of them in force on DATE (K legally binding)'")
	}
	list := func(args ...string) []struct {
		LegallyBinding bool `json:"legally_binding"`
	} {
		out, errOut, code := run(t, append([]string{"treaty", "list", "--source", "registry", "--format", "json"}, args...)...)
		if code != 0 {
			t.Fatalf("treaty list %v: exit %d: %s", args, code, errOut)
		}
		var rows []struct {
			LegallyBinding bool `json:"legally_binding"`
		}
		if err := json.Unmarshal([]byte(out), &rows); err != nil {
			t.Fatal(err)
		}
		return rows
	}
	all, inForce := list(), list("--in-force", m[3])
	binding := 0
	for _, r := range inForce {
		if r.LegallyBinding {
			binding++
		}
	}
	got := fmt.Sprintf("holds %d treaties, %d of them in force on %s (%d legally binding)", len(all), len(inForce), m[3], binding)
	if got != m[0] {
		t.Errorf("README says %q; casus treaty list --source registry says %q: update the README", m[0], got)
	}
}

// TestREADMEReliabilityTable: every row of the reliability table that
// names its switches in backticks (or is a period's defaults, or the
// contingent share) gives the share and counts casus reliability prints.
func TestREADMEReliabilityTable(t *testing.T) {
	period := ""
	rowRe := regexp.MustCompile(`^\| (.*?) \| ([0-9.]+) % \((\d+)/(\d+)\)`)
	periodRe := regexp.MustCompile(`^(\d{4})–(\d{4}), defaults$`)
	flagRe := regexp.MustCompile("`(--[^`]+)`")
	checked := 0
	for _, line := range strings.Split(readme(t), "\n") {
		m := rowRe.FindStringSubmatch(strings.ReplaceAll(line, "**", ""))
		if m == nil {
			continue
		}
		label := m[1]
		var args []string
		contingent := false
		switch {
		case periodRe.MatchString(label):
			p := periodRe.FindStringSubmatch(label)
			period = p[1] + "-" + p[2]
		case strings.HasPrefix(label, "… contingent"):
			contingent = true
		case flagRe.MatchString(label):
			for _, f := range flagRe.FindAllStringSubmatch(label, -1) {
				args = append(args, strings.Fields(f[1])...)
			}
		default:
			continue // a row without its switches spelled out
		}
		if period == "" {
			t.Fatalf("README reliability row before any period: %q", line)
		}
		out, errOut, code := run(t, append([]string{"reliability", "--years", period, "--format", "json"}, args...)...)
		if code != 0 {
			t.Errorf("reliability --years %s %v: exit %d: %s", period, args, code, errOut)
			continue
		}
		var rep struct {
			Invoked    int `json:"invoked"`
			Honoured   int `json:"honoured"`
			Contingent struct {
				Invoked  int `json:"invoked"`
				Honoured int `json:"honoured"`
			} `json:"contingent"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		inv, hon := rep.Invoked, rep.Honoured
		if contingent {
			inv, hon = rep.Contingent.Invoked, rep.Contingent.Honoured
		}
		// The share from the counts: JSON's share is rounded to four digits.
		got := fmt.Sprintf("%.1f %% (%d/%d)", 100*float64(hon)/float64(inv), hon, inv)
		want := m[2] + " % (" + m[3] + "/" + m[4] + ")"
		if got != want {
			t.Errorf("README row %q says %s; casus reliability --years %s %s gives %s", label, want, period, strings.Join(args, " "), got)
		}
		checked++
	}
	if checked < 8 {
		t.Errorf("only %d README reliability rows checked; the table's layout changed?", checked)
	}
	// The prose repeats the headline: "142 of 177 binding obligations honoured = 80.2 %".
	if m := regexp.MustCompile(`casus reliability --years (\S+) +# (\d+) of (\d+) binding obligations honoured = ([0-9.]+) %`).FindStringSubmatch(readme(t)); m == nil {
		t.Error("README: no 'casus reliability --years … # N of M binding obligations honoured' line")
	} else {
		out, _, _ := run(t, "reliability", "--years", m[1])
		want := "honoured: " + m[2] + " of " + m[3] + " binding obligations invoked = " + m[4] + " %"
		if !strings.Contains(out, want) {
			t.Errorf("README's line %q: casus reliability --years %s does not print %q", m[0], m[1], want)
		}
	}
}
