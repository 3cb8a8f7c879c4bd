package obligation

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Formats Write knows.
var Formats = []string{"text", "md", "json"}

// Write renders a report as text, md (Markdown) or json. explain adds the
// chain of facts behind every status to text and Markdown (JSON always
// carries it when the report was evaluated with explain).
func Write(w io.Writer, rep *Report, format string, explain bool) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep.forJSON())
	case "md":
		return writeMD(w, rep, explain)
	case "text", "":
		return writeText(w, rep, explain)
	}
	return fmt.Errorf("unknown format %q: want text, md or json", format)
}

func statusWord(s Status) string {
	switch s {
	case Binding:
		return "BINDING"
	case Contingent:
		return "CONTINGENT"
	case NonBinding:
		return "CONSULTATION, NON-BINDING"
	case Breached:
		return "BREACHED (by the obligor's own attack)"
	}
	return "NOT TRIGGERED"
}

func response(r *Result) string {
	s := orText(r.Response, "(unspecified)")
	if len(r.Qualifiers) > 0 {
		s += " [" + strings.Join(r.Qualifiers, ", ") + "]"
	}
	return s
}

func counts(rs []Result) string {
	n := map[Status]int{}
	for _, r := range rs {
		n[r.Status]++
	}
	return fmt.Sprintf("%d binding, %d breached, %d contingent, %d non-binding, %d not triggered", n[Binding], n[Breached], n[Contingent], n[NonBinding], n[NotTriggered])
}

func writeText(w io.Writer, rep *Report, explain bool) error {
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
	b.WriteString("\n\n")
	fmt.Fprintf(b, "Obligations (%s)\n", counts(rep.Obligations))
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
		if explain {
			for _, x := range r.Explain {
				fmt.Fprintf(b, "        · %s\n", x)
			}
		}
	}
	if len(rep.Obligations) == 0 {
		b.WriteString("  none: no treaty in force touches these events\n")
	}
	b.WriteString("\nConflicts\n")
	if len(rep.Conflicts) == 0 {
		b.WriteString("  none\n")
	}
	for _, c := range rep.Conflicts {
		fmt.Fprintf(b, "  %s (%s): %s\n", c.State, c.Kind, c.Detail)
		for _, it := range c.Items {
			fmt.Fprintf(b, "    %s\n", it)
		}
	}
	b.WriteString("\nRounds\n")
	for _, rd := range rep.Rounds {
		fmt.Fprintf(b, "  round %d\n", rd.N)
		for _, e := range rd.Entered {
			fmt.Fprintf(b, "    → %s\n", e.text())
		}
		for _, e := range rd.Events {
			fmt.Fprintf(b, "    %s\n", e.Text)
		}
	}
	b.WriteString("\nSides\n")
	for _, s := range rep.Sides {
		fmt.Fprintf(b, "  %s: %s\n", s.Name, sideList(s))
		if explain {
			for _, m := range s.Members {
				fmt.Fprintf(b, "    %s since %s (round %d): %s\n", m.State, m.Since, m.Round, m.How)
			}
		}
	}
	b.WriteString("\nBound to neutrality\n")
	if len(rep.Neutrals) == 0 {
		b.WriteString("  none\n")
	}
	for _, n := range rep.Neutrals {
		fmt.Fprintf(b, "  %s toward %s (%s %s)\n", n.State, n.Toward, n.Treaty, n.Article)
	}
	b.WriteString("\nContingent entries still open\n")
	if len(rep.OpenEntries) == 0 {
		b.WriteString("  none\n")
	}
	for _, o := range rep.OpenEntries {
		fmt.Fprintf(b, "  %s for %s (%s %s) if %s\n", o.State, o.For, o.Treaty, o.Article, strings.Join(o.Open, " and if "))
	}
	writeBalanceText(b, rep.Balance)
	if mc := rep.MonteCarlo; mc != nil {
		writeMCText(b, mc)
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(b, "\nnote: %s\n", n)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func honourText(h float64) string {
	switch h {
	case 1:
		return "all"
	case 0:
		return "none"
	}
	return fmt.Sprintf("%.3g", h)
}

func sideList(s Side) string {
	if len(s.Members) == 0 {
		return "none"
	}
	var parts []string
	for _, m := range s.Members {
		parts = append(parts, m.State)
	}
	return strings.Join(parts, ", ")
}

func writeBalanceText(b *strings.Builder, bal *Balance) {
	b.WriteString("\nBalance\n")
	if bal == nil {
		b.WriteString("  no capability data loaded\n")
		return
	}
	fmt.Fprintf(b, "  %s\n", bal.Note)
	for i, s := range bal.Sides {
		fmt.Fprintf(b, "  side %d CINC %s", i+1, fmtFloat(s.CINC, 4))
		for _, name := range []string{"milex", "milper", "irst", "pec", "tpop", "upop"} {
			fmt.Fprintf(b, "  %s %s", name, fmtFloat(s.Components[name], 0))
		}
		b.WriteString("\n")
		for _, name := range []string{"cinc", "milex", "milper", "irst", "pec", "tpop", "upop"} {
			if m := s.Missing[name]; len(m) > 0 {
				fmt.Fprintf(b, "    %s missing for %s (left out of the sum)\n", name, strings.Join(m, ", "))
			}
		}
	}
	fmt.Fprintf(b, "  ratio side 1 / side 2 (CINC): %s\n", fmtFloat(bal.Ratio, 3))
}

func writeMCText(b *strings.Builder, mc *MonteCarlo) {
	fmt.Fprintf(b, "\nMonte-Carlo (%d runs, seed %d, honour %.3g, %d workers)\n", mc.Runs, mc.Seed, mc.Honour, mc.Workers)
	d := func(name string, x Dist, prec int) {
		if x.N == 0 {
			fmt.Fprintf(b, "  %-12s no value\n", name)
			return
		}
		fmt.Fprintf(b, "  %-12s mean %.*f  sd %.*f  p05 %.*f  median %.*f  p95 %.*f  (n %d)\n", name, prec, x.Mean, prec, x.SD, prec, x.P05, prec, x.Median, prec, x.P95, x.N)
	}
	d("side 1 size", mc.Side1Size, 2)
	d("side 2 size", mc.Side2Size, 2)
	if mc.Year != 0 {
		d("side 1 CINC", mc.Side1CINC, 4)
		d("side 2 CINC", mc.Side2CINC, 4)
		d("ratio", mc.Ratio, 3)
	}
	for _, s := range mc.States {
		fmt.Fprintf(b, "  %-4s side 1 %.3f  side 2 %.3f\n", s.State, s.Side1, s.Side2)
	}
}

func mdEscape(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

func writeMD(w io.Writer, rep *Report, explain bool) error {
	b := &strings.Builder{}
	fmt.Fprintf(b, "# Scenario %s (%s)\n\n", orText(rep.Scenario.Title, rep.Scenario.File), rep.Scenario.Date)
	for _, e := range rep.Scenario.Events {
		fmt.Fprintf(b, "- %s\n", e)
	}
	a := rep.Scenario.Assume
	fmt.Fprintf(b, "\nAssumptions: entry_counts_as_attack = %v, honour = %s.\n\n", a.EntryCountsAsAttack, honourText(a.Honour))
	fmt.Fprintf(b, "## Obligations (%s)\n\n", counts(rep.Obligations))
	b.WriteString("| Obligor → protected | Status | Treaty, article | Kind | Response | Round | Reason |\n|---|---|---|---|---|---|---|\n")
	for i := range rep.Obligations {
		r := &rep.Obligations[i]
		reason := r.Reason
		if explain && len(r.Explain) > 0 {
			reason += "<br>" + strings.Join(r.Explain, "<br>")
		}
		fmt.Fprintf(b, "| %s → %s | **%s** | %s %s | %s | %s | %d | %s |\n", r.Obligor, r.Beneficiary, r.Status, r.Treaty, mdEscape(r.Article), r.Kind, mdEscape(response(r)), r.Round, mdEscape(reason))
	}
	b.WriteString("\n## Conflicts\n\n")
	if len(rep.Conflicts) == 0 {
		b.WriteString("None.\n")
	}
	for _, c := range rep.Conflicts {
		fmt.Fprintf(b, "- **%s** (%s): %s\n", c.State, c.Kind, mdEscape(c.Detail))
	}
	b.WriteString("\n## Rounds\n\n")
	for _, rd := range rep.Rounds {
		var evs, ens []string
		for _, e := range rd.Events {
			evs = append(evs, e.Text)
		}
		for _, e := range rd.Entered {
			ens = append(ens, e.text())
		}
		fmt.Fprintf(b, "%d. %s", rd.N, mdEscape(strings.Join(evs, "; ")))
		if len(ens) > 0 {
			fmt.Fprintf(b, " — entered: %s", mdEscape(strings.Join(ens, "; ")))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n## Sides\n\n")
	for _, s := range rep.Sides {
		fmt.Fprintf(b, "- %s: %s\n", s.Name, sideList(s))
	}
	if len(rep.Neutrals) > 0 {
		b.WriteString("\n## Bound to neutrality\n\n")
		for _, n := range rep.Neutrals {
			fmt.Fprintf(b, "- %s toward %s (%s %s)\n", n.State, n.Toward, n.Treaty, n.Article)
		}
	}
	if len(rep.OpenEntries) > 0 {
		b.WriteString("\n## Contingent entries still open\n\n")
		for _, o := range rep.OpenEntries {
			fmt.Fprintf(b, "- %s for %s (%s %s) if %s\n", o.State, o.For, o.Treaty, o.Article, mdEscape(strings.Join(o.Open, " and if ")))
		}
	}
	if bal := rep.Balance; bal != nil {
		fmt.Fprintf(b, "\n## Balance\n\n%s.\n\n| Side | CINC | milex | milper | irst | pec | tpop | upop |\n|---|---|---|---|---|---|---|---|\n", bal.Note)
		for i, s := range bal.Sides {
			fmt.Fprintf(b, "| %d | %s |", i+1, fmtFloat(s.CINC, 4))
			for _, name := range []string{"milex", "milper", "irst", "pec", "tpop", "upop"} {
				fmt.Fprintf(b, " %s |", fmtFloat(s.Components[name], 0))
			}
			b.WriteString("\n")
		}
		fmt.Fprintf(b, "\nRatio side 1 / side 2 (CINC): %s.\n", fmtFloat(bal.Ratio, 3))
	}
	if mc := rep.MonteCarlo; mc != nil {
		b.WriteString("\n## Monte-Carlo\n\n```\n")
		writeMCText(b, mc)
		b.WriteString("```\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteGuarantees renders guarantees as text, md or json.
func WriteGuarantees(w io.Writer, g *Guarantees, format string, explain bool) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		c := *g
		c.Defenders, c.Defends, c.Summary = orEmpty(c.Defenders), orEmpty(c.Defends), orEmpty(c.Summary)
		return enc.Encode(&c)
	}
	b := &strings.Builder{}
	md := format == "md"
	if md {
		fmt.Fprintf(b, "# Guarantees of %s on %s\n\n", g.State, g.Date)
	} else {
		fmt.Fprintf(b, "Guarantees of %s on %s (armed attack on a party's home territory by a state outside the treaty)\n", g.State, g.Date)
	}
	section := func(title string, gs []Guarantee, partner func(Guarantee) string) {
		if md {
			fmt.Fprintf(b, "\n## %s\n\n| Partner | Status | Treaty, article | Response | Partner regions | Reason |\n|---|---|---|---|---|---|\n", title)
		} else {
			fmt.Fprintf(b, "\n%s\n", title)
		}
		if len(gs) == 0 && !md {
			b.WriteString("  none\n")
		}
		for i := range gs {
			x := &gs[i]
			if md {
				fmt.Fprintf(b, "| %s | **%s** | %s %s | %s | %s | %s |\n", partner(*x), x.Status, x.Treaty, mdEscape(x.Article), mdEscape(response(&x.Result)), strings.Join(x.PartnerRegions, ", "), mdEscape(x.Reason))
				continue
			}
			fmt.Fprintf(b, "  %-4s %-13s %s %s — %s\n", partner(*x), x.Status, x.Treaty, x.Article, response(&x.Result))
			if x.Status != Binding || x.Reason != "every condition holds" {
				// A binding line whose reason says more carries a caveat
				// the reader needs (an ATOP alliance assumed in force
				// after 2018).
				fmt.Fprintf(b, "       reason: %s\n", x.Reason)
			}
			if len(x.Flags) > 0 {
				fmt.Fprintf(b, "       flags: %s\n", strings.Join(x.Flags, ", "))
			}
			if explain {
				for _, e := range x.Explain {
					fmt.Fprintf(b, "         · %s\n", e)
				}
			}
		}
	}
	section("Bound to defend "+g.State, g.Defenders, func(x Guarantee) string { return x.Obligor })
	section(g.State+" is bound to defend", g.Defends, func(x Guarantee) string { return x.Beneficiary })
	if md {
		b.WriteString("\n## Summary\n\n")
	} else {
		b.WriteString("\nSummary\n")
	}
	for _, s := range g.Summary {
		if md {
			fmt.Fprintf(b, "- %s\n", s)
		} else {
			fmt.Fprintf(b, "  %s\n", s)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// forJSON returns a shallow copy whose list fields are empty arrays, not
// nil: the contract (doc.go) promises arrays, and a reader that gets null
// for "no conflicts" has to special-case it.
func (rep *Report) forJSON() *Report {
	c := *rep
	c.Obligations = orEmpty(c.Obligations)
	c.Conflicts = orEmpty(c.Conflicts)
	c.Neutrals = orEmpty(c.Neutrals)
	c.OpenEntries = orEmpty(c.OpenEntries)
	c.Scenario.Events = orEmpty(c.Scenario.Events)
	c.Rounds = make([]Round, len(rep.Rounds))
	for i, r := range rep.Rounds {
		r.Events, r.Entered = orEmpty(r.Events), orEmpty(r.Entered)
		c.Rounds[i] = r
	}
	for i := range c.Sides {
		c.Sides[i].Members = orEmpty(c.Sides[i].Members)
	}
	for i := range c.Conflicts {
		if c.Conflicts[i].Items == nil {
			c.Conflicts = append([]Conflict(nil), c.Conflicts...)
			for j := range c.Conflicts {
				c.Conflicts[j].Items = orEmpty(c.Conflicts[j].Items)
			}
			break
		}
	}
	if c.Balance != nil {
		b := *c.Balance
		for i := range b.Sides {
			b.Sides[i].States = orEmpty(b.Sides[i].States)
		}
		c.Balance = &b
	}
	return &c
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
