package obligation

import (
	"sort"
	"strings"

	"github.com/casus-dev/casus/world"
)

// Summary is the answer of a report before its details: who is bound to
// fight for whom, who must only consult, who is bound only if an open
// condition holds, who breaks a duty by its own attack, who is expressly
// not bound and why, who must stay neutral, and the sides. Each entry is a
// group: one treaty article, one status and one reason, with its obligors
// and beneficiaries, so a reason shared by 31 NATO members is given once.
// doc.go documents the JSON form.
type Summary struct {
	Counts SummaryCounts `json:"counts"`
	// Fight: binding defence or offence pledges whose response brings the
	// obligor into the war.
	Fight []SummaryGroup `json:"fight"`
	// Act: other binding duties (mobilize, non-military assistance).
	Act []SummaryGroup `json:"act"`
	// Consult: binding consultation pledges.
	Consult []SummaryGroup `json:"consult"`
	// Contingent: pledges of any kind that hold if an open fact is true.
	Contingent []SummaryGroup `json:"contingent"`
	// NonBinding: political commitments (consultation, never binding).
	NonBinding []SummaryGroup `json:"non_binding"`
	// Breached: duties the obligor breaks by its own attack.
	Breached []SummaryGroup `json:"breached"`
	// NotBound: defence and offence pledges the events touch that do not
	// apply, with the failing condition. Other kinds that do not apply are
	// only in obligations[].
	NotBound []SummaryGroup `json:"not_bound"`
	// Neutral: binding neutrality pledges of states not fighting.
	Neutral []SummaryGroup `json:"neutral"`
	// Sides are the belligerents' codes, side 1 (began the war) first.
	Sides [2][]string `json:"sides"`
	// Unprotected: each attacked state no state is bound to fight for, and
	// why (unprotected.go).
	Unprotected []Unprotected `json:"unprotected"`
}

// SummaryCounts counts distinct obligor states per group list: a state
// bound to fight under two treaties counts once. Defence (fight) and
// consultation are counted apart.
type SummaryCounts struct {
	Fight      int `json:"fight"`
	Act        int `json:"act"`
	Consult    int `json:"consult"`
	Contingent int `json:"contingent"`
	NonBinding int `json:"non_binding"`
	Breached   int `json:"breached"`
	NotBound   int `json:"not_bound"`
	Neutral    int `json:"neutral"`
}

// SummaryGroup is one treaty article's obligations that share a status
// and a reason.
type SummaryGroup struct {
	Treaty        string     `json:"treaty"`
	TreatyTitle   string     `json:"treaty_title"`
	Source        string     `json:"source"`
	Article       string     `json:"article"`
	Kind          world.Kind `json:"kind"`
	Status        Status     `json:"status"`
	Obligors      []string   `json:"obligors"`
	Beneficiaries []string   `json:"beneficiaries"`
	Response      string     `json:"response"`
	Qualifiers    []string   `json:"qualifiers,omitempty"`
	// Reason is the shared reason of the obligations, Open the shared open
	// facts of contingent ones.
	Reason string   `json:"reason"`
	Open   []string `json:"open,omitempty"`
	// Flags is the union of the obligations' flags.
	Flags []string `json:"flags,omitempty"`
}

// summaryCategory places a result in one list of the summary ("" = only in
// obligations[]).
func summaryCategory(r *Result) string {
	switch r.Status {
	case Breached:
		return "breached"
	case Binding:
		switch {
		case r.enters:
			return "fight"
		case r.Kind == world.Consultation:
			return "consult"
		case r.Kind == world.Neutrality:
			return "neutral"
		case r.Kind == world.Nonaggression:
			return ""
		}
		return "act"
	case Contingent:
		return "contingent"
	case NonBinding:
		return "non_binding"
	case NotTriggered:
		if r.Kind == world.Defense || r.Kind == world.Offense {
			return "not_bound"
		}
	}
	return ""
}

// summarize groups a report's obligations. fighting reports whether a
// state is on a side (a neutrality pledge of a state that fights is a
// conflict or subsumed, not a neutral).
func summarize(rs []Result, sides [2]Side) *Summary {
	s := &Summary{Unprotected: []Unprotected{}}
	onSide := map[string]int{}
	for i, sd := range sides {
		s.Sides[i] = []string{}
		for _, m := range sd.Members {
			s.Sides[i] = append(s.Sides[i], m.State)
			onSide[m.State] = i + 1
		}
	}
	type key struct {
		cat, treaty, article string
		kind                 world.Kind
		status               Status
		reason               string
	}
	idx := map[key]int{}
	var groups []SummaryGroup
	var cats []string
	for i := range rs {
		r := &rs[i]
		cat := summaryCategory(r)
		if cat == "" || (cat == "neutral" && onSide[r.Obligor] != 0) {
			continue
		}
		if cat == "neutral" && hasFlag(r.Flags, FlagSubsumed) {
			// Fulfilled by the defence duty listed under fight, whether or
			// not the state has entered yet (honour none, a rounds limit).
			continue
		}
		reason := r.Reason
		if cat == "not_bound" && strings.Contains(reason, "already left the treaty") {
			// Former parties differ only in the day they left; one line
			// says it for all (--full gives each date).
			reason = formerParties
		}
		k := key{cat, r.Treaty, r.Article, r.Kind, r.Status, reason}
		j, ok := idx[k]
		if !ok {
			j = len(groups)
			idx[k] = j
			groups = append(groups, SummaryGroup{Treaty: r.Treaty, TreatyTitle: r.TreatyTitle, Source: r.Source, Article: r.Article,
				Kind: r.Kind, Status: r.Status, Obligors: []string{}, Beneficiaries: []string{}, Response: r.Response,
				Qualifiers: r.Qualifiers, Reason: reason, Open: r.Open})
			cats = append(cats, cat)
		}
		g := &groups[j]
		if !contains(g.Obligors, r.Obligor) {
			g.Obligors = append(g.Obligors, r.Obligor)
		}
		if !contains(g.Beneficiaries, r.Beneficiary) {
			g.Beneficiaries = append(g.Beneficiaries, r.Beneficiary)
		}
		for _, f := range r.Flags {
			if !contains(g.Flags, f) {
				g.Flags = append(g.Flags, f)
			}
		}
	}
	lists := map[string]*[]SummaryGroup{"fight": &s.Fight, "act": &s.Act, "consult": &s.Consult, "contingent": &s.Contingent,
		"non_binding": &s.NonBinding, "breached": &s.Breached, "not_bound": &s.NotBound, "neutral": &s.Neutral}
	for i := range groups {
		*lists[cats[i]] = append(*lists[cats[i]], groups[i])
	}
	// Pledges to the side that was attacked come first (the answer to
	// "who must defend the victim"), then registry treaties before ATOP
	// imports, then the larger groups.
	victim := func(g *SummaryGroup) bool {
		for _, b := range g.Beneficiaries {
			if onSide[b] == 2 {
				return true
			}
		}
		return false
	}
	for _, l := range lists {
		sort.SliceStable(*l, func(i, j int) bool {
			a, b := &(*l)[i], &(*l)[j]
			if fa, fb := a.Reason == formerParties, b.Reason == formerParties; fa != fb {
				return fb
			}
			if va, vb := victim(a), victim(b); va != vb {
				return va
			}
			if ra, rb := a.Source != world.FromATOP, b.Source != world.FromATOP; ra != rb {
				return ra
			}
			if len(a.Obligors) != len(b.Obligors) {
				return len(a.Obligors) > len(b.Obligors)
			}
			return a.Treaty+a.Article < b.Treaty+b.Article
		})
		if *l == nil {
			*l = []SummaryGroup{}
		}
	}
	count := func(l []SummaryGroup) int {
		seen := map[string]bool{}
		for _, g := range l {
			for _, o := range g.Obligors {
				seen[o] = true
			}
		}
		return len(seen)
	}
	s.Counts = SummaryCounts{Fight: count(s.Fight), Act: count(s.Act), Consult: count(s.Consult), Contingent: count(s.Contingent),
		NonBinding: count(s.NonBinding), Breached: count(s.Breached), NotBound: count(s.NotBound), Neutral: count(s.Neutral)}
	return s
}

// formerParties is the shared reason of a group of states that left the
// treaty before the event.
const formerParties = "former parties: they left the treaty before the event"

// shortReason drops the parenthesized asides of a reason (the region lists
// of a wrong location, the event echoed back) for a one-line group.
func shortReason(s string) string {
	var b strings.Builder
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
				continue
			}
			b.WriteByte(c)
		default:
			if depth == 0 {
				b.WriteByte(c)
			}
		}
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	out = strings.ReplaceAll(out, " :", ":")
	out = strings.ReplaceAll(out, " ;", ";")
	out = strings.ReplaceAll(out, " ,", ",")
	return out
}
