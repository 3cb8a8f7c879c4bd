package main

import (
	"encoding/json"
	"fmt"
	"github.com/casus-dev/casus/report"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `casus treaty check` on files with every kind of error prints one
// actionable line per error (file:line: field: message) and exits 2.
func TestTreatyCheckErrors(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "treaty", "check",
		"../../treaty/testdata/invalid/syntax.yaml",
		"../../treaty/testdata/invalid/decode.yaml",
		"../../treaty/testdata/invalid/facts.yaml")
	if code != 2 {
		t.Fatalf("exit %d, want 2; stderr %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{
		"decode.yaml:3: signed: want a date YYYY-MM-DD that exists in the calendar, got \"2024-02-30\"",
		"decode.yaml:4: colour: unknown field \"colour\"",
		"decode.yaml:5: atop_id: want a whole number, got \"many\"",
		"decode.yaml:8: members[0].legally_binding: unknown field \"legally_binding\"",
		"facts.yaml:4: in_force: 2020-01-01 is before the treaty was signed (2020-05-01)",
		"facts.yaml:6: atop_id: ATOP 5.1 has no alliance 99999",
		"facts.yaml:8: members[0].state: unknown state \"Atlantis\"",
		"facts.yaml:10: members[1].joined: 2019-06-01 is before the treaty entered into force (2020-01-01)",
		"facts.yaml:13: members[2].exited: 2020-12-31 is before the member joined (2021-01-01)",
		"facts.yaml:14: members[3]: membership of 2 (USA) overlaps members[1] (line 9)",
		"facts.yaml:17: obligations[0].article: missing article",
		"facts.yaml:18: obligations[0].kind: unknown kind \"attack\"",
		"facts.yaml:19: obligations[0].trigger: unknown trigger \"whenever\"",
		"facts.yaml:20: obligations[0].obligors[0]: RUS is not a member of the treaty",
		"facts.yaml:23: obligations[0].scope.regions[0]: unknown region \"atlantis_sea\"",
		"facts.yaml:24: obligations[0].scope.territories[0]: unknown place \"El Dorado\"",
		"facts.yaml:26: obligations[0].conditions[0].kind: unknown condition kind \"weather\"",
		"facts.yaml:28: obligations[0].response.action: unknown response action \"pray\"",
		"facts.yaml:29: obligations[0].response.qualifiers[0]: unknown qualifier \"loudly\"",
		"syntax.yaml:1: YAML syntax: did not find expected ',' or ']'",
	}
	if len(lines) != len(want) {
		t.Errorf("%d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		if i < len(lines) && !strings.Contains(lines[i], w) {
			t.Errorf("line %d:\n got  %s\n want ...%s...", i+1, lines[i], w)
		}
	}
	if !strings.Contains(errOut, "problem(s)") {
		t.Errorf("stderr %q", errOut)
	}
}

func TestTreatyCheckValid(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "treaty", "check", "../../treaty/testdata/valid")
	if code != 0 || strings.Count(out, "\nok ")+strings.Count(out[:3], "ok ") != 2 {
		t.Fatalf("exit %d, out %q, err %q", code, out, errOut)
	}
}

// On the day Austria-Hungary declared war on Serbia, its alliances include
// the Dual (ATOP 1335) and Triple (ATOP 1350) Alliances, from ATOP and from
// the registry with --all; without it the registry treaties stand alone
// (the imports they supersede are hidden).
func TestTreatyListJuly1914(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "treaty", "list", "--in-force", "1914-07-28", "--state", "300", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var plain []report.TreatyRow
	if err := json.Unmarshal([]byte(out), &plain); err != nil {
		t.Fatal(err)
	}
	for _, r := range plain {
		if r.SupersededBy != "" {
			t.Errorf("%s is listed without --all although %s supersedes it", r.ID, r.SupersededBy)
		}
	}
	out, errOut, code = run(t, "treaty", "list", "--all", "--in-force", "1914-07-28", "--state", "300", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows []report.TreatyRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	byATOP := map[int][]report.TreatyRow{}
	for _, r := range rows {
		byATOP[r.ATOPID] = append(byATOP[r.ATOPID], r)
	}
	for _, id := range []int{1335, 1350} {
		srcs := map[string]bool{}
		for _, r := range byATOP[id] {
			srcs[r.Source] = true
			if !contains(r.Members, "AUH") || !contains(r.Members, "GMY") {
				t.Errorf("%s: members on 1914-07-28 %v", r.ID, r.Members)
			}
		}
		if !srcs["atop"] || !srcs["registry"] {
			t.Errorf("ATOP %d on 1914-07-28: sources %v, want atop and registry", id, srcs)
		}
	}
	// Italy is still in the Triple Alliance on 1914-07-28 (it left on 1915-05-23).
	for _, r := range byATOP[1350] {
		if !contains(r.Members, "ITA") {
			t.Errorf("%s: Italy missing on 1914-07-28", r.ID)
		}
	}
}

// NATO on the registry: Sweden became a member on 2024-03-07.
func TestTreatyListNATO(t *testing.T) {
	needData(t)
	for _, c := range []struct {
		day  string
		want int
	}{{"2024-03-06", 31}, {"2024-03-08", 32}} {
		out, errOut, code := run(t, "treaty", "list", "--in-force", c.day, "--source", "registry", "--format", "json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var rows []report.TreatyRow
		if err := json.Unmarshal([]byte(out), &rows); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range rows {
			if r.ATOPID == 3180 {
				found = true
				if len(r.Members) != c.want {
					t.Errorf("NATO on %s: %d members, want %d", c.day, len(r.Members), c.want)
				}
			}
		}
		if !found {
			t.Skip("no nato in the registry yet")
		}
	}
}

func TestTreatyShowAndDiff(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "treaty", "show", "anzus")
	if code != 0 || !strings.Contains(out, ": defense, trigger armed_attack") || !strings.Contains(out, "1986-09-17") {
		t.Fatalf("show anzus: exit %d\n%s%s", code, out, errOut)
	}
	out, _, code = run(t, "treaty", "show", "atop-3180", "--format", "json")
	var tr struct {
		ID           string `json:"id"`
		SupersededBy string `json:"superseded_by"`
		Members      []any  `json:"members"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &tr) != nil || tr.ID != "atop-3180" || len(tr.Members) != 30 {
		t.Fatalf("show atop-3180 json: exit %d, %+v", code, tr)
	}
	out, errOut, code = run(t, "treaty", "diff", "anzus")
	if code != 0 || !strings.Contains(out, "ATOP dates membership from signature") {
		t.Fatalf("diff anzus: exit %d\n%s%s", code, out, errOut)
	}
	if _, _, code := run(t, "treaty", "show", "no-such-treaty"); code != 2 {
		t.Errorf("show of an unknown id: exit %d, want 2", code)
	}
	if _, _, code := run(t, "treaty", "list", "--kind", "attack"); code != 2 {
		t.Errorf("--kind attack: exit %d, want 2", code)
	}
}

// Checking a registry file in place (as its author does while editing it)
// must not report it as a duplicate of its own embedded copy, while a copy
// under another name is a real duplicate.
func TestTreatyCheckRegistryFileInPlace(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "treaty", "check", "../../treaty/registry/nato-1949.yaml")
	if code != 0 || !strings.Contains(out, "ok ../../treaty/registry/nato-1949.yaml: nato-1949") {
		t.Fatalf("in-place check: code %d\n%s%s", code, out, errOut)
	}
	b, err := os.ReadFile("../../treaty/registry/nato-1949.yaml")
	if err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(t.TempDir(), "my-nato.yaml")
	if err := os.WriteFile(copyPath, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code = run(t, "treaty", "check", copyPath)
	if code != 2 || !strings.Contains(out, `duplicate treaty id "nato-1949"`) {
		t.Fatalf("renamed copy: code %d, output %q", code, out)
	}
}

// Issue 3's first "must show": at least 30 registry treaties in force on
// 2026-01-01; Russia–DPRK in force from 2024-12-04 with an Art. 4 defense
// obligation restricted neither by attacker nor by place.
func TestTreatyListRegistry2026(t *testing.T) {
	needData(t)
	out, errOut, code := run(t, "treaty", "list", "--in-force", "2026-01-01", "--source", "registry", "--format", "json")
	if code != 0 {
		t.Fatalf("code %d: %s", code, errOut)
	}
	var rows []report.TreatyRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	binding := 0
	for _, r := range rows {
		if r.LegallyBinding {
			binding++
		}
	}
	if binding < 30 {
		t.Fatalf("%d legally binding registry treaties in force on 2026-01-01 (of %d listed), want at least 30", binding, len(rows))
	}
	var rp *report.TreatyRow
	for i := range rows {
		if rows[i].Source != "registry" {
			t.Errorf("%s has source %q", rows[i].ID, rows[i].Source)
		}
		if rows[i].ID == "rus-prk-2024" {
			rp = &rows[i]
		}
	}
	if rp == nil {
		t.Fatal("rus-prk-2024 not listed")
	}
	if rp.InForce != "2024-12-04" {
		t.Errorf("rus-prk-2024 in force %q, want 2024-12-04", rp.InForce)
	}
	found := false
	for _, o := range rp.Obligations {
		if o.Article == "Art. 4" && o.Kind == "defense" {
			found = true
			if o.Attacker != "any" || o.Scope != "anywhere" || !o.RequiresStateOfWar {
				t.Errorf("Art. 4 = %+v; want any attacker, anywhere, state of war required", o)
			}
		}
	}
	if !found {
		t.Errorf("no Art. 4 defense obligation in %+v", rp.Obligations)
	}
}

// Non-military cooperation is searchable: Russia–DPRK Art. 10 names
// artificial intelligence (written with a space or an underscore).
func TestTreatyListCooperation(t *testing.T) {
	needData(t)
	for _, q := range []string{"artificial intelligence", "ARTIFICIAL_INTELLIGENCE"} {
		out, errOut, code := run(t, "treaty", "list", "--cooperation", q, "--format", "json")
		if code != 0 {
			t.Fatalf("%q: code %d: %s", q, code, errOut)
		}
		var rows []report.TreatyRow
		if err := json.Unmarshal([]byte(out), &rows); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range rows {
			if len(r.Cooperation) == 0 {
				t.Errorf("%q: %s listed without a matching field", q, r.ID)
			}
			if r.ID == "rus-prk-2024" && len(r.Cooperation) == 1 && r.Cooperation[0] == "Art. 10: artificial_intelligence" {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: rus-prk-2024 Art. 10 not found in %+v", q, rows)
		}
	}
}

// TestTreatyListRestsOn: every JSON row says what it rests on, consistently
// with its source and status, and the text note's counts are the JSON's.
// Russia on 2026-12-06 mixes registry treaties with ATOP alliances whose
// being in force after 2018 is an assumption.
func TestTreatyListRestsOn(t *testing.T) {
	args := []string{"treaty", "list", "--state", "RUS", "--in-force", "2026-12-06"}
	out, errOut, code := run(t, append(args, "--format", "json")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows []struct {
		Source, Status string
		RestsOn        string `json:"rests_on"`
		Assumed        bool   `json:"assumed_after_atop"`
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, r := range rows {
		want := map[string]string{"registry": "registry", "user": "user_file", "atop": "atop_coding"}[r.Source]
		if r.Assumed {
			want = "atop_coding_assumed_after_2018"
		}
		if r.RestsOn != want || r.Assumed != (r.Status == "assumed after 2018") {
			t.Errorf("row %+v: want rests_on %q", r, want)
		}
		n[r.RestsOn]++
	}
	if n["registry"] == 0 || n["atop_coding_assumed_after_2018"] == 0 {
		t.Fatalf("want both registry and assumed rows for Russia, got %v", n)
	}
	text, _, _ := run(t, args...)
	note := fmt.Sprintf("Of the %d: %d on registry texts and their sources, %d on ATOP 5.1 coding, in force after 2018 by assumption only",
		len(rows), n["registry"], n["atop_coding_assumed_after_2018"])
	if !strings.Contains(text, note) || !strings.Contains(text, "add --kind defense") {
		t.Errorf("the text lacks %q or the --kind defense hint:\n%s", note, text)
	}
}
