package obligation

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/casus-dev/casus/world"
)

// TestGuamReportAnswersFirst: the answer of the Guam scenario (shared
// README S3) is in the first 15 lines of the text report — the three
// defenders with their names, NATO and Japan not bound with the reason,
// the sides — and the whole report, without --full, is under 120 lines.
func TestGuamReportAnswersFirst(t *testing.T) {
	w := realWorld(t)
	b, err := os.ReadFile("../examples/guam-2026.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse(w, "guam-2026.yaml", b)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := Write(&out, For(w).Evaluate(s, false), "text", false); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	if len(lines) >= 120 {
		t.Errorf("the Guam report is %d lines without --full; want under 120", len(lines))
	}
	head := strings.Join(lines[:min(15, len(lines))], "\n")
	for _, want := range []string{
		"bound to fight for USA United States of America:",
		"AUL Australia (ANZUS", "PHI Philippines (US–Philippines", "ROK South Korea (US–ROK",
		"NATO Art. 5 (scope Art. 6) — 31 members → USA United States of America: wrong location: Guam is outside the area the article names",
		"US–Japan security treaty Art. V — JPN Japan → USA United States of America: wrong location: Guam is not territory under the administration of JPN",
		"side 1 (began the war): PRK North Korea",
		"side 2 (attacked): USA United States of America, AUL Australia, PHI Philippines, ROK South Korea",
	} {
		if !strings.Contains(head, want) {
			t.Errorf("the first 15 lines lack %q:\n%s", want, head)
		}
	}
	// Each shared reason once: one NATO Art. 5 line, not 31.
	if n := strings.Count(out.String(), "Guam is outside the area the article names"); n != 1 {
		t.Errorf("the NATO reason is printed %d times, want once", n)
	}
}

// TestSummaryCountsDefenceApart: the headline counts states bound to fight
// apart from states bound only to consult (the Guam headline once said
// "53 binding", 50 of them consultations).
func TestSummaryCountsDefenceApart(t *testing.T) {
	w := realWorld(t)
	b, err := os.ReadFile("../examples/guam-2026.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, _ := Parse(w, "guam-2026.yaml", b)
	rep := For(w).Evaluate(s, false)
	sum := rep.Summary
	if sum.Counts.Fight != 3 {
		t.Errorf("Guam: %d states bound to fight, want 3 (AUL, PHI, ROK)", sum.Counts.Fight)
	}
	if sum.Counts.Consult < 31 {
		t.Errorf("Guam: %d states bound only to consult, want at least NATO's 31", sum.Counts.Consult)
	}
	// Every binding entering obligation is in exactly one fight group, and
	// the JSON keeps every obligation beside the summary.
	n := 0
	for _, g := range sum.Fight {
		n += len(g.Obligors) * len(g.Beneficiaries)
	}
	want := 0
	for i := range rep.Obligations {
		if rep.Obligations[i].enters {
			want++
		}
	}
	if n != want {
		t.Errorf("fight groups hold %d obligations, the report has %d entering ones", n, want)
	}
	var js strings.Builder
	if err := Write(&js, rep, "json", false); err != nil {
		t.Fatal(err)
	}
	var m struct {
		Summary     map[string]json.RawMessage `json:"summary"`
		Obligations []json.RawMessage          `json:"obligations"`
	}
	if err := json.Unmarshal([]byte(js.String()), &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Obligations) != len(rep.Obligations) {
		t.Errorf("JSON has %d obligations, the report %d", len(m.Obligations), len(rep.Obligations))
	}
	for _, k := range []string{"counts", "fight", "act", "consult", "contingent", "non_binding", "breached", "not_bound", "neutral", "sides"} {
		if _, ok := m.Summary[k]; !ok {
			t.Errorf("JSON summary lacks %q", k)
		}
	}
}

// TestGuaranteesNamesEveryState: casus guarantees POL in text names every
// state beside its code (issue 9), on every line that mentions it.
func TestGuaranteesNamesEveryState(t *testing.T) {
	w := realWorld(t)
	pol, _ := w.Resolve("POL")
	var out strings.Builder
	if err := WriteGuarantees(&out, For(w).Guarantees(pol.Code, world.D(2026, 6, 1), false), "text", false); err != nil {
		t.Fatal(err)
	}
	names := For(w).names
	tok := regexp.MustCompile(`\b[A-Z]{3}\b`)
	checked := 0
	for _, line := range strings.Split(out.String(), "\n") {
		for _, c := range tok.FindAllString(line, -1) {
			name, ok := names[c]
			if !ok {
				continue
			}
			checked++
			if !strings.Contains(line, c+" "+name) {
				t.Errorf("%s without its name %q: %s", c, name, line)
			}
		}
	}
	if checked < 35 {
		t.Errorf("only %d state codes in the guarantees of Poland; want its 35 NATO and EU defenders at least", checked)
	}
}

// TestNameCodes pins the naming rule: the first mention on a line gets the
// name; a code glued to a dash (US–ROK) or inside a word does not.
func TestNameCodes(t *testing.T) {
	names := map[string]string{"ROK": "South Korea", "USA": "United States of America", "PRK": "North Korea"}
	got := nameCodes("US–ROK MDT: ROK → USA, then ROK again; PRKX and atop-PRK", names)
	want := "US–ROK MDT: ROK South Korea → USA United States of America, then ROK again; PRKX and atop-PRK"
	if got != want {
		t.Errorf("nameCodes:\n got %s\nwant %s", got, want)
	}
}

// TestReportsSayWhatTheyRestOn: the text reports of the worked scenarios,
// with the chain of facts, never cite files a user does not have, never
// give memory as a reason, mark registry wording as paraphrase, and
// explain the provenance tags once when they appear.
func TestReportsSayWhatTheyRestOn(t *testing.T) {
	w := realWorld(t)
	for _, f := range []string{"guam-2026.yaml", "korea-2025.yaml", "july-1914.yaml"} {
		b, err := os.ReadFile("../examples/" + f)
		if err != nil {
			t.Fatal(err)
		}
		s, err := Parse(w, f, b)
		if err != nil {
			t.Fatal(err)
		}
		var out strings.Builder
		if err := Write(&out, For(w).Evaluate(s, true), "text", true); err != nil {
			t.Fatal(err)
		}
		text := out.String()
		for _, bad := range []string{"remembered", "TREATIES.md", "shared/reference", "/work/"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s: the report says %q", f, bad)
			}
		}
		if !strings.Contains(text, ", paraphrase: ") {
			t.Errorf("%s: no registry wording marked as paraphrase", f)
		}
		if n := strings.Count(text, "Tags in the treaty notes:"); tagRe.MatchString(text) && n != 1 {
			t.Errorf("%s: the tag legend appears %d times, want once", f, n)
		}
	}
}
