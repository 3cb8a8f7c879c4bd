package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScenarioRounds: --rounds N and rounds: N in the file give the same
// JSON, the server answers a body with rounds: N with the same bytes, and
// the limit is in the JSON (scenario.rounds_limit, pending_entries): South
// Korea's attack on North Korea stopped after round 1 leaves China, Russia
// and Cuba due to enter, the sides the two Koreas.
func TestScenarioRounds(t *testing.T) {
	dir := needData(t)
	body, err := os.ReadFile(koreaScenarioFile)
	if err != nil {
		t.Fatal(err)
	}
	body = append(body, []byte("\nrounds: 1\n")...)
	file := filepath.Join(t.TempDir(), "korea-rounds.yaml")
	if err := os.WriteFile(file, body, 0o644); err != nil {
		t.Fatal(err)
	}
	byFlag, errOut, code := run(t, "scenario", koreaScenarioFile, "--rounds", "1", "--format", "json", "--data", dir)
	if code != 0 {
		t.Fatalf("--rounds 1: exit %d: %s", code, errOut)
	}
	byFile, errOut, code := run(t, "scenario", file, "--format", "json", "--data", dir)
	if code != 0 {
		t.Fatalf("rounds: 1: exit %d: %s", code, errOut)
	}
	if byFlag != byFile {
		t.Errorf("--rounds 1 and rounds: 1 differ:\nflag %.400s\nfile %.400s", byFlag, byFile)
	}
	var doc struct {
		Scenario struct {
			RoundsLimit int `json:"rounds_limit"`
		} `json:"scenario"`
		Rounds  []json.RawMessage `json:"rounds"`
		Pending []struct {
			State string `json:"state"`
		} `json:"pending_entries"`
		Sides []struct {
			Members []struct {
				State string `json:"state"`
			} `json:"members"`
		} `json:"sides"`
	}
	if err := json.Unmarshal([]byte(byFlag), &doc); err != nil {
		t.Fatal(err)
	}
	var pending, sides []string
	for _, p := range doc.Pending {
		pending = append(pending, p.State)
	}
	for _, s := range doc.Sides {
		for _, m := range s.Members {
			sides = append(sides, m.State)
		}
	}
	if doc.Scenario.RoundsLimit != 1 || len(doc.Rounds) != 1 || strings.Join(pending, ",") != "CHN,RUS,CUB" || strings.Join(sides, ",") != "ROK,PRK" {
		t.Errorf("rounds_limit %d, %d rounds, pending %v, sides %v: want 1, 1, CHN,RUS,CUB, ROK,PRK", doc.Scenario.RoundsLimit, len(doc.Rounds), pending, sides)
	}
	base := serveInProcess(t, "--data", dir)
	resp, err := http.Post(base+"/api/scenario", "application/yaml", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !bytes.Equal(b, []byte(byFile)) {
		t.Errorf("POST /api/scenario with rounds: 1: %d, differs from the CLI:\nserver %.400s\ncli    %.400s", resp.StatusCode, b, byFile)
	}
	txt, _, _ := run(t, "scenario", koreaScenarioFile, "--rounds", "1", "--data", dir)
	if !strings.Contains(txt, "rounds=1 (the cascade stops after round 1)") || !strings.Contains(txt, "due to enter in round 2, not played") {
		t.Errorf("the text report does not say where the cascade stopped:\n%s", txt)
	}
}

func TestScenarioRoundsBadInput(t *testing.T) {
	needData(t)
	for _, args := range [][]string{
		{"scenario", koreaScenarioFile, "--rounds", "0"},
		{"scenario", koreaScenarioFile, "--rounds", "65"},
		{"scenario", koreaScenarioFile, "--rounds", "x"},
		{"scenario", "--example", "--rounds", "1"},
	} {
		_, errOut, code := run(t, args...)
		if code != 2 || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.Contains(errOut, "--rounds") {
			t.Errorf("%v: want exit 2 and one line naming --rounds, got %d %q", args, code, errOut)
		}
	}
}

// TestScenarioFullShowsStatusByRound: when a later round raises an
// obligation's status, the --full listing (text and Markdown) says how it
// stood before, as status_by_round does in JSON. Korea 2025 with an ally's
// entry counted as an attack: the US pledge to South Korea is not
// triggered in round 1 (South Korea attacked) and binding in round 2.
func TestScenarioFullShowsStatusByRound(t *testing.T) {
	dir := needData(t)
	for _, format := range []string{"text", "md"} {
		out, errOut, code := run(t, "scenario", koreaScenarioFile, "--entry-counts-as-attack", "--full", "--format", format, "--data", dir)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, errOut)
		}
		var line string
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, "by round: round 1 not triggered (the protected party ROK") && strings.Contains(l, "then round 2 binding") {
				line = l
			}
		}
		if line == "" {
			t.Errorf("%s: no by-round line for USA → ROK Art. III:\n%s", format, out)
		}
	}
	// Without --entry-counts-as-attack nothing is raised in a later round
	// for this scenario, and no line is printed.
	out, _, _ := run(t, "scenario", koreaScenarioFile, "--full", "--data", dir)
	if strings.Contains(out, "by round:") {
		t.Errorf("a by-round line where no status was raised:\n%s", out)
	}
}
