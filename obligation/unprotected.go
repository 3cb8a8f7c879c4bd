package obligation

import (
	"fmt"
	"strings"

	"github.com/casus-dev/casus/world"
)

// Unprotected is an attacked state for which no state is bound to fight,
// with the reason read off the treaties: no defence pledge protects it on
// the day (and the last one that did, with its end), or the pledges that
// do protect it do not apply to this attack (the not_bound and contingent
// lists say why). Without it "no state is bound to fight" leaves the
// analyst to guess whether casus lacks the treaty or the treaty is gone.
type Unprotected struct {
	State string     `json:"state"`
	Date  world.Date `json:"date"`
	// InForce counts the defence pledges of legally binding treaties in
	// force on Date that protect State (registry and ATOP alike); when it
	// is not 0, none of them binds for this attack.
	InForce int `json:"in_force"`
	// Last is, when InForce is 0, the defence pledge that protected State
	// most recently before Date; null when none in the registry or ATOP
	// 5.1 ever did.
	Last *LastPledge `json:"last"`
	// Political lists the political (not legally binding) commitments in
	// force on Date that name State, by treaty id: they never bind.
	Political []string `json:"political"`
	// See names the summary lists (not_bound, contingent) that say why the
	// pledges in force do not bind.
	See []string `json:"see,omitempty"`
	// Text is the sentence the text and Markdown reports print.
	Text string `json:"text"`
}

// LastPledge is a defence pledge that has ended (or that ended for the
// protected state: it left the treaty, or the article's phase ended).
type LastPledge struct {
	Treaty      string     `json:"treaty"`
	TreatyTitle string     `json:"treaty_title"`
	Source      string     `json:"source"`
	Article     string     `json:"article"`
	Obligors    []string   `json:"obligors"`
	Ended       world.Date `json:"ended"`
	// EndReason and EndSource say why and on what source the treaty ended
	// (empty when the protection ended with the state's exit or the
	// article's phase).
	EndReason string `json:"end_reason,omitempty"`
	EndSource string `json:"end_source,omitempty"`
}

// unprotected lists, for each state the scenario's armed attacks and wars
// strike, in event order, why no state is bound to fight for it when none
// is.
func (e *Engine) unprotected(s *Scenario, sum *Summary) []Unprotected {
	out := []Unprotected{}
	fights := map[string]bool{}
	for _, g := range sum.Fight {
		for _, b := range g.Beneficiaries {
			fights[b] = true
		}
	}
	seen := map[int]bool{}
	for _, ev := range s.Events {
		if (ev.Kind != ArmedAttack && ev.Kind != War) || ev.On == 0 || seen[ev.On] {
			continue
		}
		seen[ev.On] = true
		d := ev.Date
		if d == 0 {
			d = s.Date
		}
		if fights[e.Abb(ev.On)] {
			continue
		}
		u := e.protection(ev.On, d)
		if u.InForce > 0 {
			u.See = sectionsFor(u.State, sum)
		}
		u.Text = u.text()
		out = append(out, u)
	}
	return out
}

// sectionsFor names the summary lists that hold the defence pledges toward
// state that do not bind: where the reader finds why.
func sectionsFor(state string, sum *Summary) []string {
	var out []string
	for _, l := range []struct {
		name string
		gs   []SummaryGroup
	}{{"not_bound", sum.NotBound}, {"contingent", sum.Contingent}} {
	groups:
		for _, g := range l.gs {
			if g.Kind == world.Defense && contains(g.Beneficiaries, state) {
				out = append(out, l.name)
				break groups
			}
		}
	}
	return out
}

// protection finds the defence pledges that protect v on d, or the last
// one before d.
func (e *Engine) protection(v int, d world.Date) Unprotected {
	u := Unprotected{State: e.Abb(v), Date: d, Political: []string{}}
	var last *LastPledge
	inForce := map[string]bool{} // treaty id and article
	for _, ti := range e.byMember[v] {
		t := ti.t
		for i := range ti.obls {
			oi := &ti.obls[i]
			if (oi.protects != nil && !hasInt(oi.protects, v)) || !hasObligorBesides(ti, oi, v) {
				continue
			}
			if !t.Binding() {
				// Political commitments of any kind (consultation, as a
				// rule) are named: they never bind, and saying so answers
				// "but what about ...?".
				if t.InForceOn(d) && oblOn(oi.o, d) && !contains(u.Political, t.ID) {
					if _, ok := t.MemberOn(v, d); ok {
						u.Political = append(u.Political, t.ID)
					}
				}
				continue
			}
			if oi.o.Kind != world.Defense {
				continue
			}
			for mi := range t.Members {
				m := &t.Members[mi]
				if m.Code != v {
					continue
				}
				sp := m.Spell(t)
				if t.Status == world.StatusSigned {
					continue
				}
				if oi.o.During.Start > sp.Start {
					sp.Start = oi.o.During.Start
				}
				if oi.o.During.End != 0 && (sp.End == 0 || oi.o.During.End < sp.End) {
					sp.End = oi.o.During.End
				}
				switch {
				case sp.Contains(d) && t.InForceOn(d):
					inForce[t.ID+"\x00"+oi.o.Article] = true
				case sp.End != 0 && sp.End < d && sp.Start <= sp.End:
					if last == nil || sp.End > last.Ended || (sp.End == last.Ended && t.Source != world.FromATOP && last.Source == world.FromATOP) {
						last = &LastPledge{Treaty: t.ID, TreatyTitle: orText(t.Short, t.Title), Source: t.Source, Article: oi.o.Article,
							Obligors: e.obligorsOf(ti, oi, v), Ended: sp.End}
						if sp.End == t.Ended {
							last.EndReason, last.EndSource = t.EndReason, t.EndSource
						}
					}
				}
			}
		}
	}
	u.InForce = len(inForce)
	if u.InForce == 0 {
		u.Last = last
	}
	return u
}

func (u *Unprotected) text() string {
	var b strings.Builder
	see := ""
	if len(u.See) > 0 {
		names := map[string]string{"not_bound": "Not bound", "contingent": "Contingent"}
		var ss []string
		for _, x := range u.See {
			ss = append(ss, names[x])
		}
		see = " (" + strings.Join(ss, " and ") + ", below, say why)"
		if len(ss) == 1 {
			see = " (" + ss[0] + ", below, says why)"
		}
	}
	switch {
	case u.InForce == 1:
		fmt.Fprintf(&b, "no state is bound to fight for %s: the one defence pledge in force that protects it does not bind for this attack%s", u.State, see)
	case u.InForce > 1:
		fmt.Fprintf(&b, "no state is bound to fight for %s: none of the %d defence pledges in force that protect it binds for this attack%s", u.State, u.InForce, see)
	default:
		l := u.Last
		if l == nil {
			fmt.Fprintf(&b, "no state is bound to fight for %s: no defence pledge protects it on %s, nor ever has (registry and ATOP 5.1)", u.State, u.Date)
			break
		}
		fmt.Fprintf(&b, "no state is bound to fight for %s: no defence pledge protects it on %s (registry and ATOP 5.1)", u.State, u.Date)
		label := fmt.Sprintf("%s (%s %s)", l.Treaty, l.TreatyTitle, l.Article)
		if l.Source == world.FromATOP {
			// An ATOP import's title is "ATOP alliance N (members)": the
			// id says as much.
			label = "the ATOP 5.1 defence pledge of " + l.Treaty
		}
		fmt.Fprintf(&b, "; the last one, %s, owed by %s, ended %s", label, statesText(l.Obligors), l.Ended)
		if l.EndReason != "" {
			fmt.Fprintf(&b, ": %s", l.EndReason)
		}
	}
	if len(u.Political) > 0 {
		fmt.Fprintf(&b, "; political (not legally binding) commitments that name it: %s", strings.Join(u.Political, ", "))
	}
	return b.String()
}

// hasObligorBesides reports whether someone other than v owes the
// obligation.
func hasObligorBesides(ti *tinfo, oi *oinfo, v int) bool {
	for _, m := range ti.members {
		if m != v && (oi.obligors == nil || hasInt(oi.obligors, m)) {
			return true
		}
	}
	return false
}

func (e *Engine) obligorsOf(ti *tinfo, oi *oinfo, v int) []string {
	var out []string
	for _, m := range ti.members {
		if m != v && (oi.obligors == nil || hasInt(oi.obligors, m)) {
			out = append(out, e.Abb(m))
		}
	}
	return out
}

// oblOn reports whether the obligation's own spell (an ATOP phase, an
// article added later) covers d.
func oblOn(o *world.Obligation, d world.Date) bool {
	return (o.During.Start == 0 && o.During.End == 0) || o.During.Contains(d)
}
