package obligation

import (
	"fmt"
	"io"
	"regexp"
	"strings"
)

// The text and Markdown reports put the answer first: the headline counts
// (defence and consultation apart), who is bound to fight for whom, the
// sides and the balance, who is expressly not bound and why (one line per
// treaty article and reason, its members grouped), who is contingent on
// what, who must only consult, breaches, neutrals, conflicts; then the
// rounds, and with --full (or --explain) the per-obligation listing.

// maxListed is the largest group whose obligors a summary line names; a
// larger one says "31 members" (--full lists them).
const maxListed = 4

func groupLabel(g *SummaryGroup) string {
	switch {
	case g.Source == "atop" || g.TreatyTitle == "":
		return g.Treaty + " " + g.Article
	case strings.HasSuffix(g.TreatyTitle, g.Article):
		return g.TreatyTitle
	}
	// A short name names the treaty, never an article (a treaty test holds
	// the registry to it), so the article follows it: "EU Art. 42(7) TEU".
	return g.TreatyTitle + " " + g.Article
}

func statesText(list []string) string {
	if len(list) > maxListed {
		return fmt.Sprintf("%d members", len(list))
	}
	return strings.Join(list, ", ")
}

// groupLine renders one summary group: "NATO Art. 5 — 31 members → USA:
// reason".
func groupLine(g *SummaryGroup, reason string) string {
	s := fmt.Sprintf("%s — %s → %s", groupLabel(g), statesText(g.Obligors), strings.Join(g.Beneficiaries, ", "))
	if reason != "" {
		s += ": " + reason
	}
	if len(g.Flags) > 0 {
		s += " [" + strings.Join(g.Flags, ", ") + "]"
	}
	return s
}

func headline(s *Summary) string {
	c := s.Counts
	parts := []string{
		fmt.Sprintf("%d bound to fight", c.Fight),
		fmt.Sprintf("%d bound only to consult", c.Consult),
		fmt.Sprintf("%d contingent", c.Contingent),
	}
	if c.Act > 0 {
		parts = append(parts, fmt.Sprintf("%d bound to act short of fighting", c.Act))
	}
	if c.Breached > 0 {
		parts = append(parts, fmt.Sprintf("%d breaching a duty by their own attack", c.Breached))
	}
	parts = append(parts, fmt.Sprintf("%d expressly not bound", c.NotBound))
	if c.Neutral > 0 {
		parts = append(parts, fmt.Sprintf("%d bound to neutrality", c.Neutral))
	}
	if c.NonBinding > 0 {
		parts = append(parts, fmt.Sprintf("%d under political (non-binding) commitments", c.NonBinding))
	}
	return strings.Join(parts, "; ")
}

// fightLines says, per protected party, who is bound to fight for it and
// under what.
func fightLines(s *Summary) []string {
	var order []string
	by := map[string][]*SummaryGroup{}
	for i := range s.Fight {
		g := &s.Fight[i]
		for _, b := range g.Beneficiaries {
			if _, ok := by[b]; !ok {
				order = append(order, b)
			}
			by[b] = append(by[b], g)
		}
	}
	var out []string
	for _, b := range order {
		var parts []string
		var all []string
		for _, g := range by[b] {
			p := fmt.Sprintf("%s (%s)", statesText(g.Obligors), groupLabel(g))
			if len(g.Flags) > 0 {
				p += " [" + strings.Join(g.Flags, ", ") + "]"
			}
			parts = append(parts, p)
			for _, o := range g.Obligors {
				if !contains(all, o) {
					all = append(all, o)
				}
			}
		}
		line := fmt.Sprintf("for %s: %s", b, strings.Join(parts, "; "))
		if len(all) > maxListed {
			line += fmt.Sprintf("\n      the %d: %s", len(all), strings.Join(all, ", "))
		}
		out = append(out, line)
	}
	return out
}

func writeText(w io.Writer, rep *Report, o RenderOptions) error {
	b := &strings.Builder{}
	title := rep.Scenario.File
	if rep.Scenario.Title != "" {
		title += " — " + rep.Scenario.Title
	}
	fmt.Fprintf(b, "Scenario %s (date %s)\n", strings.TrimPrefix(title, " — "), rep.Scenario.Date)
	for _, e := range rep.Scenario.Events {
		fmt.Fprintf(b, "  event  %s\n", e)
	}
	a := rep.Scenario.Assume
	fmt.Fprintf(b, "  assume entry_counts_as_attack=%v honour=%s", a.EntryCountsAsAttack, honourText(a.Honour))
	if a.Honour > 0 && a.Honour < 1 {
		fmt.Fprintf(b, " runs=%d seed=%d", a.Runs, a.Seed)
	}
	if n := rep.Scenario.RoundsLimit; n > 0 {
		fmt.Fprintf(b, " rounds=%d (the cascade stops after round %d)", n, n)
	}
	b.WriteString("\n\n")
	s := rep.Summary
	if s == nil {
		s = summarize(rep.Obligations, rep.Sides)
	}
	fmt.Fprintf(b, "Answer (counting states): %s\n", headline(s))
	for _, l := range answerLines(s) {
		fmt.Fprintf(b, "  %s\n", l.text)
	}
	b.WriteString("Sides\n")
	for _, sd := range rep.Sides {
		fmt.Fprintf(b, "  %s: %s\n", sd.Name, sideList(sd))
	}
	if bal := rep.Balance; bal != nil {
		fmt.Fprintf(b, "  balance: %s\n", balanceLine(bal))
	}
	if r := rep.ShownRun; r != nil {
		fmt.Fprintf(b, "  note: %s\n", r.Note)
	}
	for _, sec := range summarySections {
		gs := sec.groups(s)
		if len(gs) == 0 {
			continue
		}
		fmt.Fprintf(b, "%s\n", sec.text)
		for i := range gs {
			reason := ""
			if sec.short {
				reason = shortReason(gs[i].Reason)
			}
			fmt.Fprintf(b, "  %s\n", groupLine(&gs[i], reason))
		}
	}
	b.WriteString("Conflicts\n")
	if len(rep.Conflicts) == 0 {
		b.WriteString("  none\n")
	}
	for _, c := range rep.Conflicts {
		fmt.Fprintf(b, "  %s (%s): %s\n", c.State, c.Kind, c.Detail)
		for _, it := range c.Items {
			fmt.Fprintf(b, "    %s\n", it)
		}
	}
	writeRoundsText(b, rep, o.Full || o.Explain)
	if o.Full || o.Explain {
		if len(rep.OpenEntries) > 0 {
			b.WriteString("\nContingent entries still open\n")
			for _, oe := range rep.OpenEntries {
				fmt.Fprintf(b, "  %s for %s (%s %s) if %s\n", oe.State, oe.For, oe.Treaty, oe.Article, strings.Join(oe.Open, " and if "))
			}
		}
		writeListingText(b, rep, o.Explain)
		b.WriteString("\nSides (how each came to fight)\n")
		for _, sd := range rep.Sides {
			fmt.Fprintf(b, "  %s\n", sd.Name)
			for _, m := range sd.Members {
				fmt.Fprintf(b, "    %s since %s (round %d): %s\n", m.State, m.Since, m.Round, m.How)
			}
		}
		writeBalanceText(b, rep.Balance)
	} else {
		fmt.Fprintf(b, "\n(%d obligations in all: --full lists each, --explain adds the chain of facts)\n", len(rep.Obligations))
	}
	if mc := rep.MonteCarlo; mc != nil {
		writeMCText(b, mc)
	}
	for _, n := range trailingNotes(rep) {
		fmt.Fprintf(b, "\nnote: %s\n", n)
	}
	out := nameCodes(b.String(), rep.names)
	out += legend(out)
	_, err := io.WriteString(w, out)
	return err
}

// writeRoundsText prints the cascade; without full, entries are grouped
// by side, protected party and treaty article, and the entrants' strikes
// by target.
func writeRoundsText(b *strings.Builder, rep *Report, full bool) {
	b.WriteString("Rounds\n")
	for _, rd := range rep.Rounds {
		fmt.Fprintf(b, "  round %d\n", rd.N)
		if full {
			for _, e := range rd.Entered {
				fmt.Fprintf(b, "    → %s\n", e.text())
			}
			for _, e := range rd.Events {
				fmt.Fprintf(b, "    %s\n", e.Text)
			}
			continue
		}
		type ek struct {
			side        int
			who, treaty string
		}
		var order []ek
		grp := map[ek][]string{}
		for _, e := range rd.Entered {
			k := ek{e.Side, e.For, e.Treaty + " " + e.Article}
			if _, ok := grp[k]; !ok {
				order = append(order, k)
			}
			grp[k] = append(grp[k], e.State)
		}
		for _, k := range order {
			fmt.Fprintf(b, "    → enter on side %d for %s under %s: %s\n", k.side, k.who, k.treaty, strings.Join(grp[k], ", "))
		}
		type sk struct{ on, nature string }
		var sorder []sk
		strikes := map[sk][]string{}
		for _, e := range rd.Events {
			if e.Origin != "entry" {
				fmt.Fprintf(b, "    %s\n", e.Text)
				continue
			}
			k := sk{e.On, e.Nature}
			if _, ok := strikes[k]; !ok {
				sorder = append(sorder, k)
			}
			strikes[k] = append(strikes[k], e.By...)
		}
		for _, k := range sorder {
			what := ""
			switch k.nature {
			case "counter_strike":
				what = " [counter-strikes on the side that attacked first]"
			case "fresh":
				what = " [fresh attack: the victim was not at war]"
			}
			verb := "strike"
			if len(strikes[k]) == 1 {
				verb = "strikes"
			}
			fmt.Fprintf(b, "    %s %s %s%s\n", strings.Join(strikes[k], ", "), verb, k.on, what)
		}
	}
}

// byRoundText is an obligation's status history when a later round
// raised it: each earlier step with its reason, the last without (the
// listing prints that reason already).
func byRoundText(steps []RoundStatus) string {
	parts := make([]string, len(steps))
	for i, st := range steps {
		parts[i] = fmt.Sprintf("round %d %s", st.Round, strings.ToLower(statusWord(st.Status)))
		if i < len(steps)-1 && st.Reason != "" {
			parts[i] += " (" + st.Reason + ")"
		}
	}
	return strings.Join(parts, "; then ")
}

// writeListingText is the per-obligation listing (--full).
func writeListingText(b *strings.Builder, rep *Report, explain bool) {
	fmt.Fprintf(b, "\nObligations (%s)\n", counts(rep.Obligations))
	last := Status("")
	for i := range rep.Obligations {
		r := &rep.Obligations[i]
		if r.Status != last {
			fmt.Fprintf(b, "  %s\n", statusWord(r.Status))
			last = r.Status
		}
		fmt.Fprintf(b, "    %s → %s  %s %s (%s), round %d, %s\n", r.Obligor, r.Beneficiary, r.Treaty, r.Article, r.Kind, r.Round, r.Date)
		if r.Status != NotTriggered {
			fmt.Fprintf(b, "      response: %s\n", response(r))
		}
		fmt.Fprintf(b, "      reason: %s\n", r.Reason)
		if len(r.Flags) > 0 {
			fmt.Fprintf(b, "      flags: %s\n", strings.Join(r.Flags, ", "))
		}
		if len(r.ByRound) > 1 {
			fmt.Fprintf(b, "      by round: %s\n", byRoundText(r.ByRound))
		}
		if explain {
			for _, x := range r.Explain {
				fmt.Fprintf(b, "        · %s\n", x)
			}
		}
	}
	if len(rep.Obligations) == 0 {
		b.WriteString("  none: no treaty in force touches these events\n")
	}
	if len(rep.Neutrals) > 0 {
		b.WriteString("\nBound to neutrality\n")
		for _, n := range rep.Neutrals {
			fmt.Fprintf(b, "  %s toward %s (%s %s)\n", n.State, n.Toward, n.Treaty, n.Article)
		}
	}
}

func writeMD(w io.Writer, rep *Report, o RenderOptions) error {
	b := &strings.Builder{}
	fmt.Fprintf(b, "# Scenario %s (%s)\n\n", orText(rep.Scenario.Title, rep.Scenario.File), rep.Scenario.Date)
	for _, e := range rep.Scenario.Events {
		fmt.Fprintf(b, "- %s\n", e)
	}
	a := rep.Scenario.Assume
	fmt.Fprintf(b, "\nAssumptions: entry_counts_as_attack = %v, honour = %s", a.EntryCountsAsAttack, honourText(a.Honour))
	if n := rep.Scenario.RoundsLimit; n > 0 {
		fmt.Fprintf(b, "; rounds = %d (the cascade stops after round %d)", n, n)
	}
	b.WriteString(".\n\n")
	s := rep.Summary
	if s == nil {
		s = summarize(rep.Obligations, rep.Sides)
	}
	fmt.Fprintf(b, "## Answer\n\nCounting states: %s.\n\n", headline(s))
	for _, l := range answerLines(s) {
		if l.fight {
			// The list of a large group goes on the same line.
			fmt.Fprintf(b, "- %s\n", mdEscape(upperFirst(strings.ReplaceAll(l.text, "\n      ", " — "))))
			continue
		}
		fmt.Fprintf(b, "- %s.\n", mdEscape(upperFirst(l.text)))
	}
	b.WriteString("\n## Sides\n\n")
	for _, sd := range rep.Sides {
		fmt.Fprintf(b, "- %s: %s\n", sd.Name, sideList(sd))
	}
	if bal := rep.Balance; bal != nil {
		fmt.Fprintf(b, "\nBalance: %s.\n", balanceLine(bal))
	}
	if r := rep.ShownRun; r != nil {
		fmt.Fprintf(b, "\nNote: %s.\n", mdEscape(r.Note))
	}
	for _, sec := range summarySections {
		gs := sec.groups(s)
		if len(gs) == 0 {
			continue
		}
		fmt.Fprintf(b, "\n## %s\n\n| Treaty, article | Obligors | Protected | Reason |\n|---|---|---|---|\n", sec.md)
		for i := range gs {
			g := &gs[i]
			reason := g.Reason
			if sec.short {
				reason = shortReason(reason)
			}
			fmt.Fprintf(b, "| %s | %s | %s | %s |\n", mdEscape(groupLabel(g)), statesText(g.Obligors), strings.Join(g.Beneficiaries, ", "), mdEscape(reason))
		}
	}
	b.WriteString("\n## Conflicts\n\n")
	if len(rep.Conflicts) == 0 {
		b.WriteString("None.\n")
	}
	for _, c := range rep.Conflicts {
		fmt.Fprintf(b, "- **%s** (%s): %s\n", c.State, c.Kind, mdEscape(c.Detail))
	}
	if len(rep.OpenEntries) > 0 && (o.Full || o.Explain) {
		b.WriteString("\n## Contingent entries still open\n\n")
		for _, oe := range rep.OpenEntries {
			fmt.Fprintf(b, "- %s for %s (%s %s) if %s\n", oe.State, oe.For, oe.Treaty, oe.Article, mdEscape(strings.Join(oe.Open, " and if ")))
		}
	}
	b.WriteString("\n## Rounds\n\n```\n")
	var rb strings.Builder
	writeRoundsText(&rb, rep, o.Full || o.Explain)
	b.WriteString(strings.TrimPrefix(rb.String(), "Rounds\n"))
	b.WriteString("```\n")
	if o.Full || o.Explain {
		fmt.Fprintf(b, "\n## Obligations (%s)\n\n", counts(rep.Obligations))
		b.WriteString("| Obligor → protected | Status | Treaty, article | Kind | Response | Round | Reason |\n|---|---|---|---|---|---|---|\n")
		for i := range rep.Obligations {
			r := &rep.Obligations[i]
			reason := r.Reason
			if len(r.ByRound) > 1 {
				reason += "<br>by round: " + byRoundText(r.ByRound)
			}
			if o.Explain && len(r.Explain) > 0 {
				reason += "<br>" + strings.Join(r.Explain, "<br>")
			}
			fmt.Fprintf(b, "| %s → %s | **%s** | %s %s | %s | %s | %d | %s |\n", r.Obligor, r.Beneficiary, r.Status, r.Treaty, mdEscape(r.Article), r.Kind, mdEscape(response(r)), r.Round, mdEscape(reason))
		}
		if bal := rep.Balance; bal != nil {
			fmt.Fprintf(b, "\n## Balance\n\n%s.\n\n| Side | CINC | milex | milper | irst | pec | tpop | upop |\n|---|---|---|---|---|---|---|---|\n", bal.Note)
			for i, sd := range bal.Sides {
				fmt.Fprintf(b, "| %d | %s |", i+1, fmtFloat(sd.CINC, 4))
				for _, name := range []string{"milex", "milper", "irst", "pec", "tpop", "upop"} {
					fmt.Fprintf(b, " %s |", fmtFloat(sd.Components[name], 0))
				}
				b.WriteString("\n")
			}
		}
	} else {
		fmt.Fprintf(b, "\n%d obligations in all: `--full` lists each.\n", len(rep.Obligations))
	}
	if mc := rep.MonteCarlo; mc != nil {
		b.WriteString("\n## Monte-Carlo\n\n```\n")
		writeMCText(b, mc)
		b.WriteString("```\n")
	}
	for _, n := range trailingNotes(rep) {
		fmt.Fprintf(b, "\nNote: %s\n", mdEscape(n))
	}
	out := nameCodes(b.String(), rep.names)
	if l := legend(out); l != "" {
		out += "\n" + strings.TrimSpace(l) + "\n"
	}
	_, err := io.WriteString(w, out)
	return err
}

var codeToken = regexp.MustCompile(`[A-Z]{3}`)

// nameCodes puts a state's name beside the first mention of its COW
// abbreviation on each line ("PRK North Korea attacks USA United States of
// America at Guam"). A token glued to a dash or letters (the ROK of "US–ROK
// MDT") or already followed by its name is left alone.
func nameCodes(text string, names map[string]string) string {
	if len(names) == 0 {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		seen := map[string]bool{}
		var b strings.Builder
		last := 0
		for _, m := range codeToken.FindAllStringIndex(line, -1) {
			tok := line[m[0]:m[1]]
			name, ok := names[tok]
			if !ok || seen[tok] {
				continue
			}
			if m[0] > 0 && !boundary(line[m[0]-1]) || m[1] < len(line) && !boundary(line[m[1]]) {
				continue
			}
			if m[0] >= 3 && (strings.HasSuffix(line[:m[0]], "–") || line[m[0]-1] == '-') {
				continue
			}
			seen[tok] = true
			if strings.HasPrefix(line[m[1]:], " "+name) {
				continue
			}
			b.WriteString(line[last:m[1]])
			b.WriteString(" " + name)
			last = m[1]
		}
		if last > 0 {
			b.WriteString(line[last:])
			lines[i] = b.String()
		}
	}
	return strings.Join(lines, "\n")
}

func boundary(c byte) bool {
	return !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '/' || c == '.')
}

var tagRe = regexp.MustCompile(`\[(V|D|M|U|I)[\] ;,]`)

// legend explains the provenance tags once, when the text uses them.
func legend(text string) string {
	if !tagRe.MatchString(text) {
		return ""
	}
	return "\nTags in the treaty notes: [V] checked against a cited source; [D] read off the ATOP 5.1 data; [I] inferred from the data; [M] from general knowledge, not checked against a source; [U] uncertain.\n"
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// summarySections are the summary's lists as the text and Markdown
// reports show them, in order, with each format's title; short reasons
// drop their asides, the others are printed whole in Markdown and left
// out of the text (the group's status says it all).
var summarySections = []struct {
	text, md string
	groups   func(*Summary) []SummaryGroup
	short    bool
}{
	{"Not bound (defence and offence pledges the events touch that do not apply)", "Not bound", func(s *Summary) []SummaryGroup { return s.NotBound }, true},
	{"Contingent (bound only if the open fact holds)", "Contingent", func(s *Summary) []SummaryGroup { return s.Contingent }, true},
	{"Breached (the obligor breaks the duty by its own attack)", "Breached by the obligor's own attack", func(s *Summary) []SummaryGroup { return s.Breached }, true},
	{"Bound to act short of fighting", "Bound to act short of fighting", func(s *Summary) []SummaryGroup { return s.Act }, false},
	{"Bound only to consult", "Bound only to consult", func(s *Summary) []SummaryGroup { return s.Consult }, false},
	{"Political commitments (consultation, not legally binding)", "Political commitments (not legally binding)", func(s *Summary) []SummaryGroup { return s.NonBinding }, false},
	{"Bound to neutrality (not to aid a belligerent's adversaries), not fighting", "Bound to neutrality, not fighting", func(s *Summary) []SummaryGroup { return s.Neutral }, false},
}

// answerLine is one line under the headline; fight lines carry their
// own list of a large group after a line break.
type answerLine struct {
	text  string
	fight bool
}

// answerLines are the lines under the headline: why no one is bound to
// fight for an attacked state, or who is bound to fight for whom.
func answerLines(s *Summary) []answerLine {
	var out []answerLine
	if len(s.Fight) == 0 && len(s.Unprotected) == 0 {
		out = append(out, answerLine{text: "no state is bound to fight"})
	}
	for _, u := range s.Unprotected {
		out = append(out, answerLine{text: u.Text})
	}
	for _, l := range fightLines(s) {
		out = append(out, answerLine{text: "bound to fight " + l, fight: true})
	}
	return out
}

// balanceLine is the sides' balance in one line: "CINC side 1 0.0200,
// side 2 0.2482, ratio 0.080 (note)".
func balanceLine(bal *Balance) string {
	return fmt.Sprintf("CINC side 1 %s, side 2 %s, ratio %s (%s)", fmtFloat(bal.Sides[0].CINC, 4), fmtFloat(bal.Sides[1].CINC, 4), fmtFloat(bal.Ratio, 3), bal.Note)
}

// trailingNotes are the report's notes printed at its end: the shown
// run's note sits under Sides instead.
func trailingNotes(rep *Report) []string {
	var out []string
	for _, n := range rep.Notes {
		if rep.ShownRun != nil && n == rep.ShownRun.Note {
			continue
		}
		out = append(out, n)
	}
	return out
}
