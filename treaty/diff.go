package treaty

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/world"
)

// Difference is one way a registry treaty and its ATOP import disagree.
type Difference struct {
	// What: "member_missing" (a registry member ATOP lacks),
	// "member_extra" (an ATOP member the registry lacks), "signed",
	// "joined", "exited", "kinds" (obligation kinds a member owes) or
	// "condition".
	What     string `json:"what"`
	State    string `json:"state,omitempty"` // COW abbreviation; empty for treaty-wide rows
	Registry string `json:"registry"`
	ATOP     string `json:"atop"`
	Note     string `json:"note,omitempty"` // what the difference means
}

// ATOPEnd is the last day ATOP 5.1 covers.
var ATOPEnd = world.D(2018, 12, 31)

// Diff compares a registry treaty with the ATOP import it links: members
// (missing, extra), their dates — ATOP dates entry from signature, the
// registry records signature and entry into force separately — the
// obligation kinds each member owes, and the conditions on each kind.
// Both treaties must have resolved members (Member.Code).
func Diff(reg, atop *world.Treaty) []Difference {
	var out []Difference
	names := map[string]int{}
	abb := map[int]string{}
	for _, tr := range []*world.Treaty{atop, reg} {
		for _, m := range tr.Members {
			names[strings.ToLower(m.State)] = m.Code
			if _, ok := abb[m.Code]; !ok || tr == atop {
				abb[m.Code] = m.State
			}
		}
	}
	code := func(s string) int {
		if c, ok := names[strings.ToLower(s)]; ok {
			return c
		}
		c, _ := strconv.Atoi(s)
		return c
	}
	regM, atopM := spansByCode(reg), spansByCode(atop)
	for _, c := range sortedCodes(regM, atopM) {
		r, inReg := regM[c]
		a, inATOP := atopM[c]
		st := abb[c]
		switch {
		case inReg && !inATOP:
			note := "ATOP does not list this member"
			if r.start > ATOPEnd {
				note = "joined after ATOP's coverage ends (2018-12-31)"
			}
			out = append(out, Difference{What: "member_missing", State: st, Registry: r.start.String(), Note: note})
			continue
		case inATOP && !inReg:
			out = append(out, Difference{What: "member_extra", State: st, ATOP: a.signed.String(), Note: "the registry does not list this member"})
			continue
		}
		if r.signed != 0 && r.signed != a.signed {
			out = append(out, Difference{What: "signed", State: st, Registry: r.signed.String(), ATOP: a.signed.String(),
				Note: "signature dates differ"})
		}
		if r.start != a.signed {
			note := "ATOP dates membership from signature; the registry from entry into force for the member"
			if r.start > a.signed {
				note += fmt.Sprintf(" (%d days later)", days(a.signed, r.start))
			}
			out = append(out, Difference{What: "joined", State: st, Registry: r.start.String(), ATOP: a.signed.String(), Note: note})
		}
		if r.end != a.end && !(a.end == 0 && r.end > ATOPEnd) {
			note := "exit dates differ"
			if a.end == 0 {
				note = "ATOP has the member in force at the end of 2018"
			}
			if sus := suspensionOf(reg, c); sus != nil && r.end == 0 {
				note = fmt.Sprintf("the registry keeps the member a party, suspended from %s; ATOP ends its membership", sus.Start)
			}
			out = append(out, Difference{What: "exited", State: st, Registry: orOpen(r.end), ATOP: orOpen(a.end), Note: note})
		}
	}
	regK, atopK := kindsByCode(reg, code), kindsByCode(atop, code)
	for _, c := range sortedCodes(regM, atopM) {
		if _, ok := regM[c]; !ok {
			continue
		}
		if _, ok := atopM[c]; !ok {
			continue
		}
		rk, ak := kindList(regK[c]), kindList(atopK[c])
		if rk != ak {
			out = append(out, Difference{What: "kinds", State: abb[c], Registry: rk, ATOP: ak,
				Note: "obligation kinds the member owes (ATOP: over all phases)"})
		}
	}
	regC, atopC := conditionsByKind(reg), conditionsByKind(atop)
	for _, k := range world.Kinds {
		for _, cond := range conditionNames {
			r, a := regC[k][cond], atopC[k][cond]
			if r == a || (!regHasKind(reg, k) || !regHasKind(atop, k)) {
				continue
			}
			out = append(out, Difference{What: "condition", Registry: yesNo(r), ATOP: yesNo(a),
				Note: fmt.Sprintf("%s obligation conditional on %s", k, cond)})
		}
	}
	return out
}

type span struct{ signed, start, end world.Date }

// spansByCode gives each state's first signature (as written: a member
// without its own signature date has none, since a state that joined by
// succession or accession did not sign with the founders), first day and
// last day over all its membership entries.
func spansByCode(t *world.Treaty) map[int]span {
	m := map[int]span{}
	for i := range t.Members {
		mem := &t.Members[i]
		sp := mem.Spell(t)
		s, ok := m[mem.Code]
		if !ok {
			s = span{signed: mem.Signed, start: sp.Start, end: sp.End}
		} else {
			if sp.Start < s.start {
				s.start, s.signed = sp.Start, mem.Signed
			}
			if s.end != 0 && (sp.End == 0 || sp.End > s.end) {
				s.end = sp.End
			}
		}
		m[mem.Code] = s
	}
	return m
}

func sortedCodes(ms ...map[int]span) []int {
	seen := map[int]bool{}
	var out []int
	for _, m := range ms {
		for c := range m {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	sort.Ints(out)
	return out
}

func kindsByCode(t *world.Treaty, code func(string) int) map[int]map[world.Kind]bool {
	out := map[int]map[world.Kind]bool{}
	add := func(c int, k world.Kind) {
		if out[c] == nil {
			out[c] = map[world.Kind]bool{}
		}
		out[c][k] = true
	}
	for _, o := range t.Obligations {
		if len(o.Obligors) == 0 {
			for _, m := range t.Members {
				add(m.Code, o.Kind)
			}
			continue
		}
		for _, s := range o.Obligors {
			add(code(s), o.Kind)
		}
	}
	return out
}

func kindList(ks map[world.Kind]bool) string {
	var s []string
	for _, k := range world.Kinds {
		if ks[k] {
			s = append(s, string(k))
		}
	}
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}

var conditionNames = []string{"adversary", "location", "non-provocation", "request", "number of attackers", "specific conflict", "demands", "partner attacked"}

// conditionsByKind marks, per kind, which conditions any obligation of the
// kind carries, in ATOP's terms.
func conditionsByKind(t *world.Treaty) map[world.Kind]map[string]bool {
	out := map[world.Kind]map[string]bool{}
	for _, o := range t.Obligations {
		m := out[o.Kind]
		if m == nil {
			m = map[string]bool{}
			out[o.Kind] = m
		}
		a := o.Attacker
		m["adversary"] = m["adversary"] || len(a.Named) > 0 || a.Group != "" || a.Unspecified
		m["location"] = m["location"] || !o.Scope.Anywhere()
		m["non-provocation"] = m["non-provocation"] || o.NonProvocation
		m["request"] = m["request"] || o.RequiresRequest
		m["number of attackers"] = m["number of attackers"] || o.MinAttackers > 0
		for _, c := range o.Conditions {
			switch c.Kind {
			case "adversary":
				m["adversary"] = true
			case "location":
				m["location"] = true
			case "provocation":
				m["non-provocation"] = true
			case "request":
				m["request"] = true
			case "number":
				m["number of attackers"] = true
			case "conflict":
				m["specific conflict"] = true
			case "demands":
				m["demands"] = true
			case "attacked":
				m["partner attacked"] = true
			}
		}
	}
	return out
}

func regHasKind(t *world.Treaty, k world.Kind) bool {
	for _, o := range t.Obligations {
		if o.Kind == k {
			return true
		}
	}
	return false
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func orOpen(d world.Date) string {
	if d == 0 {
		return "in force"
	}
	return d.String()
}

func days(a, b world.Date) int {
	return int(b.Time().Sub(a.Time()).Hours() / 24)
}

// suspensionOf returns the first suspension of state c in t, if any.
func suspensionOf(t *world.Treaty, c int) *world.Suspension {
	for i := range t.Members {
		if t.Members[i].Code == c && len(t.Members[i].Suspended) > 0 {
			return &t.Members[i].Suspended[0]
		}
	}
	return nil
}
