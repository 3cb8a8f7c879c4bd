package obligation

import (
	"fmt"
	"io"
	"strings"

	"github.com/casus-dev/casus/output"
)

// Formats Write knows.
var Formats = []string{"text", "md", "json"}

// RenderOptions choose what a text or Markdown report shows beyond the
// summary: Full adds the per-obligation listing, Explain the chain of facts
// behind every status (and the listing it hangs on).
type RenderOptions struct {
	Explain bool
	Full    bool
}

// Write renders a report as text, md (Markdown) or json: the summary
// first (who is bound to fight for whom, who must consult, who is
// contingent on what, who is not bound and why, the sides and the
// balance), then the details. explain adds the per-obligation listing
// with the chain of facts behind every status (JSON always carries it when
// the report was evaluated with explain).
func Write(w io.Writer, rep *Report, format string, explain bool) error {
	return WriteWith(w, rep, format, RenderOptions{Explain: explain})
}

// WriteWith is Write with every option.
func WriteWith(w io.Writer, rep *Report, format string, o RenderOptions) error {
	switch format {
	case "json":
		return output.WriteJSON(w, rep.forJSON())
	case "md":
		return writeMD(w, rep, o)
	case "text", "":
		return writeText(w, rep, o)
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
		fmt.Fprintf(b, "  side 1 %.3f  side 2 %.3f  %s\n", s.Side1, s.Side2, s.State)
	}
}

func mdEscape(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

// WriteGuarantees renders guarantees as text, md or json.
func WriteGuarantees(w io.Writer, g *Guarantees, format string, explain bool) error {
	if format == "json" {
		c := *g
		c.Defenders, c.Defends, c.Summary = orEmpty(c.Defenders), orEmpty(c.Defends), orEmpty(c.Summary)
		return output.WriteJSON(w, &c)
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
			fmt.Fprintf(b, "  %-13s %s — %s %s — %s\n", x.Status, partner(*x), x.Treaty, x.Article, response(&x.Result))
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
	out := nameCodes(b.String(), g.names)
	out += legend(out)
	_, err := io.WriteString(w, out)
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
