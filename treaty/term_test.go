package treaty

import (
	"strings"
	"testing"
)

// okTreaty with a term, renewal and notice block appended; each case
// replaces one line of it.
const termTreaty = okTreaty + `term:
  kind: fixed
  years: 10
  from: in_force
  tag: V
  source: https://example.org/text
renewal:
  kind: automatic
  years: 5
  tag: M
notice:
  months: 6
  after_years: 2
  article: Art. 9
  tag: U
`

// Term, renewal and notice: every bad value gives one line naming the file,
// the line and the field, and what is wanted.
func TestTermErrors(t *testing.T) {
	w := smallWorld()
	cases := []struct {
		name, from, to string
		want           []string
	}{
		{"ok", "", "", nil},
		{"unknown kind", "kind: fixed", "kind: forever",
			[]string{`x.yaml:13: term.kind: unknown term kind "forever": want indefinite, fixed, until_condition or until_agreement`}},
		{"until a condition without its note", "kind: fixed\n  years: 10\n  from: in_force\n", "kind: until_condition\n",
			[]string{`x.yaml:12: term.note: missing: a term until a condition needs the note saying which condition`,
				`x.yaml:17: renewal.kind: automatic renewal, but the term is until_condition (line 13): only a fixed term has something to renew`}},
		{"until the parties agree, with notice and renewal", "kind: fixed\n  years: 10\n  from: in_force\n", "kind: until_agreement\n",
			[]string{`x.yaml:17: renewal.kind: automatic renewal, but the term is until_agreement (line 13): only a fixed term has something to renew`,
				`x.yaml:20: notice: the term is until_agreement (line 13): no party may leave alone, so there is no notice; drop notice, or change term.kind`}},
		{"until the parties agree, with years", "kind: fixed", "kind: until_agreement",
			[]string{`x.yaml:14: term.years: a term until the parties agree to end it has no years: drop years, or write kind: fixed`,
				`x.yaml:15: term.from: a term until the parties agree to end it is not counted from a day`,
				`x.yaml:19: renewal.kind: automatic renewal, but the term is until_agreement (line 13): only a fixed term has something to renew`,
				`x.yaml:22: notice: the term is until_agreement (line 13): no party may leave alone, so there is no notice; drop notice, or change term.kind`}},
		{"fixed without years", "  years: 10\n", "",
			[]string{`x.yaml:12: term.years: a fixed term needs years, a whole number above 0, got 0`}},
		{"years as words", "years: 10", "years: ten",
			[]string{`x.yaml:14: term.years: want a whole number, got "ten"`}},
		{"indefinite with years", "kind: fixed", "kind: indefinite",
			[]string{`x.yaml:14: term.years: an indefinite term has no years: drop years, or write kind: fixed`,
				`x.yaml:15: term.from: an indefinite term is not counted from a day`,
				`x.yaml:19: renewal.kind: automatic renewal, but the term is indefinite (line 13): only a fixed term has something to renew`}},
		{"bad from", "from: in_force", "from: ratification",
			[]string{`x.yaml:15: term.from: want in_force or signature (the day the term is counted from), got "ratification"`}},
		{"missing tag", "  tag: V\n", "",
			[]string{`x.yaml:12: term.tag: missing provenance tag: want V (checked against source), D (read off ATOP), M (from memory) or U (uncertain)`}},
		{"unknown tag", "tag: V", "tag: checked",
			[]string{`x.yaml:16: term.tag: want V (checked against source), D (read off ATOP), M (from memory) or U (uncertain), got "checked"`}},
		{"bracketed tag", "tag: V", `tag: "[V]"`,
			[]string{`x.yaml:16: term.tag: write the letter without brackets: tag: V, got "[V]"`}},
		{"tag as a list", "tag: V", "tag: [V]",
			[]string{`x.yaml:16: term.tag: want text, got a list`}},
		{"verified without source", "  source: https://example.org/text\n", "",
			[]string{`x.yaml:12: term.source: missing: tag V (checked) needs the URL of the page it was checked against`}},
		{"source not a URL", "source: https://example.org/text", "source: TASS",
			[]string{`x.yaml:17: term.source: want an http(s) URL, got "TASS"`}},
		{"ATOP tag without atop_id", "tag: M", "tag: D",
			[]string{`x.yaml:21: renewal.tag: D (read off ATOP) needs the treaty's atop_id`}},
		{"unknown renewal", "kind: automatic", "kind: yearly",
			[]string{`x.yaml:19: renewal.kind: unknown renewal kind "yearly": want one of automatic, by_agreement, none, unspecified`}},
		{"renewal none with years", "kind: automatic", "kind: none",
			[]string{`x.yaml:20: renewal.years: renewal none has no length: drop years, or write automatic or by_agreement`}},
		{"negative notice", "months: 6", "months: -6",
			[]string{`x.yaml:23: notice.months: want the notice period in months, a whole number above 0, got -6`}},
		{"notice without months or note", "  months: 6\n", "",
			[]string{`x.yaml:22: notice: neither months nor note: want the notice period (months: 12), or a note saying what the sources say`}},
		{"notice with a note only", "  months: 6\n", "  note: the termination article is not verified\n", nil},
		{"unknown notice field", "after_years: 2", "after: 2",
			[]string{`x.yaml:24: notice.after: unknown field "after": want one of after_years, article, months, note, source, tag`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := termTreaty
			if c.from != "" {
				if !strings.Contains(src, c.from) {
					t.Fatalf("%q not in the base file", c.from)
				}
				src = strings.Replace(src, c.from, c.to, 1)
			}
			got := parseValidate(t, w, "x.yaml", src)
			if len(got) != len(c.want) {
				t.Fatalf("got %d errors, want %d:\n%s", len(got), len(c.want), strings.Join(got, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], c.want[i]) {
					t.Errorf("error %d:\n got  %s\n want %s...", i, got[i], c.want[i])
				}
				if strings.Contains(got[i], "\n") {
					t.Errorf("error %d spans lines: %q", i, got[i])
				}
			}
		})
	}
}

// A treaty that ends only by the parties' joint decision (China–DPRK 1961
// Art. VII) states it with term kind until_agreement and no notice; the
// file is valid, the kind lands in the field, and an added notice is
// refused because it would contradict the term.
func TestTermUntilAgreement(t *testing.T) {
	w := smallWorld()
	src := okTreaty + `term:
  kind: until_agreement
  article: Art. VII
  tag: V
  source: https://example.org/text
`
	if got := parseValidate(t, w, "x.yaml", src); len(got) != 0 {
		t.Fatalf("valid until_agreement term refused:\n%s", strings.Join(got, "\n"))
	}
	f, err := Parse("x.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if tm := f.Treaty.Term; tm == nil || tm.Kind != "until_agreement" || tm.Article != "Art. VII" {
		t.Fatalf("term parsed as %+v", tm)
	}
	got := parseValidate(t, w, "x.yaml", src+"notice:\n  months: 12\n  tag: M\n")
	if len(got) != 1 || !strings.HasPrefix(got[0], "x.yaml:17: notice: the term is until_agreement (line 13)") {
		t.Fatalf("notice beside until_agreement: got %q", got)
	}
}

// What the fields hold once parsed.
func TestTermParsed(t *testing.T) {
	f, err := Parse("x.yaml", []byte(termTreaty))
	if err != nil {
		t.Fatal(err)
	}
	tr := f.Treaty
	if tr.Term == nil || tr.Term.Kind != "fixed" || tr.Term.Years != 10 || tr.Term.From != "in_force" || tr.Term.Source != "https://example.org/text" {
		t.Errorf("term: %+v", tr.Term)
	}
	if tr.Renewal == nil || tr.Renewal.Kind != "automatic" || tr.Renewal.Years != 5 || tr.Renewal.Tag != "M" {
		t.Errorf("renewal: %+v", tr.Renewal)
	}
	if tr.Notice == nil || tr.Notice.Months != 6 || tr.Notice.AfterYears != 2 || tr.Notice.Article != "Art. 9" {
		t.Errorf("notice: %+v", tr.Notice)
	}
	if f2, _ := Parse("y.yaml", []byte(okTreaty)); f2.Treaty.Term != nil || f2.Treaty.Renewal != nil || f2.Treaty.Notice != nil {
		t.Error("a file without the fields must leave them nil (not stated), not zero values")
	}
}
