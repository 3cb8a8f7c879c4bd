package obligation

import (
	"fmt"
	"sort"
	"strings"

	"github.com/casus-dev/casus/world"
)

// Guarantees answers "who must defend STATE, and whom must STATE defend?"
// for an armed attack on a party's home territory by a state outside the
// treaty, on one date. Conditions that depend on the attacker (a named
// adversary, a number of great powers) or on a request stay open
// (contingent).
type Guarantees struct {
	State string     `json:"state"`
	Date  world.Date `json:"date"`
	// Defenders are the obligations owed to State; Defends the obligations
	// State owes.
	Defenders []Guarantee `json:"defenders"`
	Defends   []Guarantee `json:"defends"`
	Summary   []string    `json:"summary"`

	names map[string]string // COW abbreviation -> name, for the text report
}

// Guarantee is one defence obligation between two parties.
type Guarantee struct {
	Result
	// PartnerRegions are the home regions of the other party.
	PartnerRegions []string `json:"partner_regions"`
}

// Guarantees lists the defence obligations to and from code on d.
func (e *Engine) Guarantees(code int, d world.Date, explain bool) *Guarantees {
	g := &Guarantees{State: e.Abb(code), Date: d, names: e.names}
	c := &evalCtx{assume: Assumptions{Honour: 1}, enemies: map[int][]int{}, explain: explain, hypothetical: true}
	// One act per attacked state, kept alive for the whole call: the
	// judge's memos are keyed by the act's address.
	acts := map[int]*act{}
	hyp := func(on int) *act {
		if a, ok := acts[on]; ok {
			return a
		}
		acts[on] = &act{kind: ArmedAttack, by: []int{0}, on: on, at: homeOf(e.w, on), target: "territory", date: d,
			stateOfWar: true, fresh: true, round: 1,
			desc: fmt.Sprintf("%s: a state outside the treaty attacks %s at home (hypothetical)", d, e.Abb(on))}
		return acts[on]
	}
	for _, ti := range e.byMember[code] {
		if !ti.t.InForceOn(d) {
			continue
		}
		for i := range ti.obls {
			oi := &ti.obls[i]
			o := oi.o
			if o.Kind != world.Defense || (o.Trigger != world.ArmedAttack && o.Trigger != world.StateOfWar) {
				continue
			}
			if (o.During.Start != 0 || o.During.End != 0) && !o.During.Contains(d) {
				continue
			}
			for _, other := range ti.members {
				if other == code {
					continue
				}
				// other defends code
				if (oi.obligors == nil || hasInt(oi.obligors, other)) && (oi.protects == nil || hasInt(oi.protects, code)) {
					if r, ok := e.judge(ti, oi, other, code, hyp(code), c); ok && bothIn(ti.t, other, code, d) {
						g.Defenders = append(g.Defenders, Guarantee{Result: r, PartnerRegions: e.places.HomeRegions(e.Abb(other))})
					}
				}
				// code defends other
				if (oi.obligors == nil || hasInt(oi.obligors, code)) && (oi.protects == nil || hasInt(oi.protects, other)) {
					if r, ok := e.judge(ti, oi, code, other, hyp(other), c); ok && bothIn(ti.t, other, code, d) {
						g.Defends = append(g.Defends, Guarantee{Result: r, PartnerRegions: e.places.HomeRegions(e.Abb(other))})
					}
				}
			}
		}
	}
	sortG := func(gs []Guarantee, partner func(Guarantee) string) {
		sort.SliceStable(gs, func(i, j int) bool {
			a, b := gs[i], gs[j]
			if a.Status.rank() != b.Status.rank() {
				return a.Status.rank() > b.Status.rank()
			}
			if partner(a) != partner(b) {
				return partner(a) < partner(b)
			}
			return a.Treaty < b.Treaty
		})
	}
	sortG(g.Defenders, func(x Guarantee) string { return x.Obligor })
	sortG(g.Defends, func(x Guarantee) string { return x.Beneficiary })
	g.Summary = e.summarize(g, code)
	return g
}

func bothIn(t *world.Treaty, a, b int, d world.Date) bool {
	_, x := t.MemberOn(a, d)
	_, y := t.MemberOn(b, d)
	return x && y
}

func (e *Engine) summarize(g *Guarantees, code int) []string {
	partners := func(gs []Guarantee, who func(Guarantee) string) (binding, contingent []string) {
		seenB, seenC := map[string]bool{}, map[string]bool{}
		for _, x := range gs {
			p := who(x)
			switch x.Status {
			case Binding:
				if !seenB[p] {
					seenB[p] = true
					binding = append(binding, p)
				}
			case Contingent:
				if !seenC[p] {
					seenC[p] = true
					contingent = append(contingent, p)
				}
			}
		}
		var c2 []string
		for _, p := range contingent {
			if !seenB[p] {
				c2 = append(c2, p)
			}
		}
		sort.Strings(binding)
		sort.Strings(c2)
		return binding, c2
	}
	ob := func(x Guarantee) string { return x.Obligor }
	be := func(x Guarantee) string { return x.Beneficiary }
	db, dc := partners(g.Defenders, ob)
	sb, sc := partners(g.Defends, be)
	out := []string{
		fmt.Sprintf("bound to defend %s (binding): %s", g.State, list(db)),
		fmt.Sprintf("bound to defend %s only if an open condition holds (contingent): %s", g.State, list(dc)),
		fmt.Sprintf("%s is bound to defend (binding): %s", g.State, list(sb)),
		fmt.Sprintf("%s is bound to defend only if an open condition holds (contingent): %s", g.State, list(sc)),
	}
	// Group the states STATE must defend by whether they share its home
	// regions; for a successor state of the USSR this answers "whom must
	// it defend outside the former Soviet space?".
	for _, reg := range e.places.HomeRegions(g.State) {
		if reg != "former_soviet_union" {
			continue
		}
		var outside []string
		for _, p := range append(append([]string(nil), sb...), sc...) {
			if !contains(e.places.HomeRegions(p), reg) {
				outside = append(outside, p)
			}
		}
		sort.Strings(outside)
		out = append(out, fmt.Sprintf("of the states %s is bound to defend, outside the former Soviet space: %s", g.State, list(outside)))
	}
	return out
}

func list(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return fmt.Sprintf("%d — %s", len(s), strings.Join(s, ", "))
}
