package reliability

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/obligation"
	"github.com/casus-dev/casus/world"
)

// warFile names the COW file the participant lines refer to.
const warFile = "Inter-StateWarData_v4.0.csv"

// Judge evaluates one attack under the coding choices o: the cases it
// invokes, and the engine's report with every obligation the attack
// touched (not_triggered ones too, with the failing condition).
func Judge(w *world.World, e *obligation.Engine, at Attack, o Options) ([]Case, *obligation.Report) {
	var assumed map[oblKey][]string
	if o.OpenConditionsMet {
		w, assumed = openMet(w)
		e = obligation.New(w)
	}
	var n int
	return evaluate(w, e, at, o, assumed, &n)
}

// Scenario is the engine scenario of an attack: an armed attack by the
// attackers on the attacked participant, in a state of war, unprovoked,
// at the place Place gives, with the cascade stopped after round 1 (rounds:
// 1): every status is the obligation's status against the attack itself,
// not the victim's retaliation or a hypothetical entry; honour none adds
// that no one is assumed to enter.
func Scenario(w *world.World, at Attack) *obligation.Scenario {
	victim := at.Victim.Code
	by := at.By
	loc, _ := Place(w, at.Victim)
	return &obligation.Scenario{
		Title: fmt.Sprintf("COW war %d (%s): %s attacked", at.War.Num, at.War.Name, abbOf(w, victim)),
		Date:  at.Date,
		Events: []obligation.Event{{
			Kind: obligation.ArmedAttack, By: by, On: victim, At: loc, Target: "territory",
			Date: at.Date, StateOfWar: true,
		}},
		Assume: obligation.Assumptions{Honour: 0, Runs: 1},
		Rounds: 1,
	}
}

// whereFought maps COW's WhereFought codes to the places table's regions.
var whereFought = map[int][]string{
	1: {"americas"}, 2: {"europe"}, 4: {"africa"}, 6: {"middle_east"}, 7: {"asia"}, 9: {"oceania"},
	11: {"europe", "middle_east"}, 12: {"europe", "asia"}, 13: {"americas", "asia"},
	14: {"europe", "africa", "middle_east"}, 15: {"europe", "africa", "middle_east", "asia"},
	16: {"africa", "middle_east", "asia", "oceania"}, 17: {"asia", "oceania"}, 18: {"africa", "middle_east"},
	19: {"europe", "africa", "middle_east", "asia", "oceania"},
}

// continent widens a region of the places table to WhereFought's
// continents (a Caribbean state is in the Western Hemisphere).
var continent = map[string]string{
	"americas": "americas", "north_america": "americas", "south_america": "americas", "caribbean": "americas",
	"europe": "europe", "africa": "africa", "north_africa": "africa", "middle_east": "middle_east",
	"caucasus": "middle_east", "asia": "asia", "east_asia": "asia", "south_asia": "asia",
	"southeast_asia": "asia", "central_asia": "asia", "oceania": "oceania",
}

// Place is where the attack on p happened: its home territory when COW's
// WhereFought for it includes its home continent (or the places table
// does not know its home), else the first region WhereFought names (the
// United Kingdom in 1982 fought in the Western Hemisphere, outside NATO's
// Art. 6 area). The note says which.
func Place(w *world.World, p *world.WarParticipant) (obligation.Location, string) {
	abb := abbOf(w, p.Code)
	home := obligation.Location{Name: abb, State: p.Code}
	regs, ok := whereFought[p.WhereFought]
	if !ok {
		return home, "home territory (WhereFought unknown)"
	}
	homeRegs := world.Places().HomeRegions(abb)
	if len(homeRegs) == 0 {
		return home, "home territory (the places table has no regions for it)"
	}
	for _, h := range homeRegs {
		for _, r := range regs {
			if continent[h] == r {
				return home, fmt.Sprintf("home territory (COW WhereFought %d includes its home region)", p.WhereFought)
			}
		}
	}
	return obligation.Location{Name: regs[0], Region: regs[0]},
		fmt.Sprintf("the %s region: COW WhereFought %d (%s) does not include %s's home regions (%s)", regs[0], p.WhereFought, strings.Join(regs, ", "), abb, strings.Join(homeRegs, ", "))
}

// evaluate runs the engine on one attack and turns every invoked
// obligation into a case.
func evaluate(w *world.World, e *obligation.Engine, at Attack, o Options, assumed map[oblKey][]string, notTrig *int) ([]Case, *obligation.Report) {
	s := Scenario(w, at)
	by := s.Events[0].By
	rep := e.Evaluate(s, o.Explain)
	var out []Case
	have := map[string]bool{}
	for i := range rep.Obligations {
		r := &rep.Obligations[i]
		switch r.Status {
		case obligation.Binding, obligation.Contingent, obligation.Breached, obligation.NonBinding:
		default:
			*notTrig++
			continue
		}
		obl, ok1 := codeOf(w, r.Obligor)
		ben, ok2 := codeOf(w, r.Beneficiary)
		if !ok1 || !ok2 {
			continue // a partner ATOP codes outside the COW system: no war record can exist
		}
		if r.Kind == world.Offense && !hasInt(by, ben) {
			// ATOP's offence is support beyond the defence of a partner
			// under attack: the attack invokes it for the attackers only
			// (the victim's partners owe it defence).
			continue
		}
		c := Case{Treaty: r.Treaty, TreatyTitle: r.TreatyTitle, Source: r.Source, Article: r.Article, Kind: r.Kind,
			Status: string(r.Status), Reason: r.Reason, Explain: r.Explain, obligor: obl, ben: ben}
		if t, ok := w.Treaty(r.Treaty); ok {
			c.Assumed = assumed[oblKey{t.ID, r.Article, r.Obligor, phaseOn(t, r.Article, r.Obligor, at.Date)}]
		}
		have[caseKey(&c)] = true
		out = append(out, c)
	}
	out = append(out, nonAggression(w, at, have)...)
	for i := range out {
		judgeCase(w, &out[i], at, o)
	}
	return out, rep
}

func caseKey(c *Case) string {
	return fmt.Sprint(c.Treaty, "|", c.Article, "|", c.Kind, "|", c.obligor, "|", c.ben)
}

// nonAggression lists the non-aggression obligations owed to the attacked
// participant on the attack's day, under the engine's in-force rules,
// except those the engine reported itself.
func nonAggression(w *world.World, at Attack, have map[string]bool) []Case {
	victim, d := at.Victim.Code, at.Date
	var out []Case
	for _, t := range w.Treaties {
		if t.SupersededBy != "" || !t.InForceOn(d) || !t.Binding() {
			continue
		}
		if _, ok := t.MemberOn(victim, d); !ok {
			continue
		}
		for i := range t.Obligations {
			ob := &t.Obligations[i]
			if ob.Kind != world.Nonaggression || ob.Trigger != world.Always {
				continue
			}
			if (ob.During.Start != 0 || ob.During.End != 0) && !ob.During.Contains(d) {
				continue
			}
			if len(ob.Protects) > 0 && !resolves(w, ob.Protects, victim) {
				continue
			}
			for _, m := range membersOn(t, d) {
				if m == victim || (len(ob.Obligors) > 0 && !resolves(w, ob.Obligors, m)) {
					continue
				}
				c := Case{Treaty: t.ID, TreatyTitle: orText(t.Short, t.Title), Source: t.Source, Article: ob.Article,
					Kind: world.Nonaggression, Status: string(obligation.Binding), obligor: m, ben: victim,
					Reason: "in force between the parties on the day of the attack (a standing promise: listed by the reliability test, not the engine)"}
				if ob.Text != "" {
					c.Explain = []string{ob.Text}
				}
				if have[caseKey(&c)] {
					continue
				}
				have[caseKey(&c)] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// judgeCase fills in the war, the parties, the outcome and the tier.
func judgeCase(w *world.World, c *Case, at Attack, o Options) {
	d := at.Date
	c.War, c.WarName, c.Date = at.War.Num, at.War.Name, d
	c.Attacked = abbOf(w, at.Victim.Code)
	for _, a := range at.By {
		c.Attackers = append(c.Attackers, abbOf(w, a))
	}
	c.Obligor, c.ObligorName = abbOf(w, c.obligor), nameOf(w, c.obligor)
	c.Beneficiary, c.BenName = abbOf(w, c.ben), nameOf(w, c.ben)
	c.period = periodOf(d.Year())
	if t, ok := w.Treaty(c.Treaty); ok {
		c.Members = len(membersOn(t, d))
	}
	c.Rows = append(c.Rows, rowRef(at.Victim))
	benP := participantOn(at.War, c.ben, d)
	if benP != nil && benP != at.Victim {
		c.Rows = append(c.Rows, rowRef(benP))
	}
	obRows := rowsOf(at.War, c.obligor)
	for _, p := range obRows {
		if p != at.Victim && p != benP {
			c.Rows = append(c.Rows, rowRef(p))
		}
	}
	c.Rows = append(c.Rows, treatyRef(w, c, d))

	isAttacker := hasInt(at.By, c.obligor)
	c.Outcome, c.What = outcome(w, at, c, obRows, benP, isAttacker, o.WindowDays, obligationEnd(w, c, d))
	if o.Attacked == AttackedDyadic && c.Outcome != AttackedBen {
		// The dyadic data record attacks the participant list leaves out
		// (the USSR on Poland from 1939-09-17): an obligor that began a
		// dyadic war on its beneficiary while it counted attacked it.
		if dy, ok := dyadAttack(at.War, c.obligor, c.ben, d, benP, obligationEnd(w, c, d)); ok {
			c.Outcome = AttackedBen
			c.What = fmt.Sprintf("%s attacked %s on %s (dyadic war %s)", c.Obligor, c.Beneficiary, dy.Start, dy.DyIndex)
		} else if c.Outcome == OtherSide {
			// On the other side of a world war is not attacking the
			// beneficiary: Japan fought the United States from 1941 and
			// the USSR only when the USSR attacked it in 1945.
			c.Outcome = StayedOut
			if dy, ok := firstDyad(at.War, c.ben, c.obligor); ok {
				c.What += fmt.Sprintf("; it fought %s only when %s attacked it on %s (dyadic war %s)", c.Beneficiary, c.Beneficiary, dy.Start, dy.DyIndex)
			} else {
				c.What += fmt.Sprintf(", but the dyadic war data record no attack by %s on %s while it counted", c.Obligor, c.Beneficiary)
			}
		}
		if (c.Kind == world.Defense || c.Kind == world.Offense) && c.Outcome != AttackedBen && c.Outcome != OtherSide {
			// Defence against this attack (offence in it) is fighting the
			// adversary, not merely being on the same side of a wider
			// war: France was at war beside Poland from 09-03 but never
			// fought the USSR.
			adv := at.By
			if hasInt(at.By, c.ben) {
				adv = []int{at.Victim.Code}
			}
			c.Outcome, c.What = dyadicConduct(w, at.War, c, adv, d, benP, obligationEnd(w, c, d), o.WindowDays)
		}
	}

	switch {
	case c.Status == string(obligation.NonBinding):
		c.Tier, c.Excluded = TierNotScored, "non_binding: a political commitment"
	case c.Kind == world.Consultation:
		c.Tier, c.Excluded = TierNotScored, "consultation: the war data do not record consultations"
	case !o.scores(c.Kind):
		c.Tier, c.Excluded = TierNotScored, "kind_not_scored: --kinds leaves "+string(c.Kind)+" out"
	case c.obligor == at.Victim.Code:
		c.Tier, c.Excluded = TierNotScored, "obligor_is_attacked_state: the attacked state's own conduct is self-defence"
	case !inSystem(w, c.obligor, d) || !inSystem(w, c.ben, d):
		c.Tier, c.Excluded = TierNotScored, "outside_state_system: not a COW state-system member on the day, so the war data cannot show what it did"
	case benP == nil:
		c.Tier, c.Excluded = TierNotScored, "beneficiary_not_fighting: the beneficiary has no row in the war on the day"
	case c.Outcome == AlreadyAtWar && !o.CountAlreadyAtWar:
		c.Tier, c.Excluded = TierNotScored, "already_at_war: the obligor was fighting on the beneficiary's side before the attack"
	case c.Status == string(obligation.Contingent):
		c.Tier = TierContingent
	default:
		c.Tier = TierBinding
	}
	if c.Excluded == "" {
		h := honoured(c.Kind, c.Outcome)
		c.Honoured = &h
	}
}

// honoured applies the kind's rule to the outcome.
func honoured(k world.Kind, out Outcome) bool {
	switch k {
	case world.Defense, world.Offense:
		return out == Joined || out == AlreadyAtWar
	}
	return out != OtherSide && out != AttackedBen
}

// outcome says what the obligor did, with a line for the case list.
//
// Only conduct while the obligation could still matter counts: an entry
// after the beneficiary's last day of fighting, or on or after the day the
// obligor's membership in the treaty ended (ATOP ends the Nazi–Soviet pact
// on the day Germany attacked the USSR), is not conduct toward the
// beneficiary, and the obligor counts as having stayed out.
func outcome(w *world.World, at Attack, c *Case, obRows []*world.WarParticipant, benP *world.WarParticipant, isAttacker bool, window int, oblEnd world.Date) (Outcome, string) {
	d := at.Date
	ob, ben := c.Obligor, c.Beneficiary
	if isAttacker && c.ben == at.Victim.Code {
		return AttackedBen, fmt.Sprintf("%s attacked %s on %s", ob, ben, d)
	}
	sort.SliceStable(obRows, func(i, j int) bool { return startOf(obRows[i]) < startOf(obRows[j]) })
	var r *world.WarParticipant
	for _, p := range obRows {
		if e := endOf(p); e == 0 || e >= d {
			r = p
			break
		}
	}
	if r == nil {
		if len(obRows) > 0 {
			return StayedOut, fmt.Sprintf("%s had stopped fighting in this war on %s, before the attack", ob, endOf(obRows[len(obRows)-1]))
		}
		return StayedOut, fmt.Sprintf("%s did not fight in %s", ob, at.War.Name)
	}
	start := startOf(r)
	if benP == nil {
		return StayedOut, fmt.Sprintf("%s fought from %s, but %s has no row in the war on %s", ob, start, ben, d)
	}
	if be := endOf(benP); be != 0 && start > be {
		return StayedOut, fmt.Sprintf("%s did not fight while %s did (until %s); it entered on %s (side %d)", ob, ben, be, start, r.Side)
	}
	if oblEnd != 0 && start >= oblEnd && start > d {
		return StayedOut, fmt.Sprintf("%s did not fight while bound: its obligation ended %s, it entered on %s (side %d)", ob, oblEnd, start, r.Side)
	}
	if r.Side != benP.Side {
		return OtherSide, fmt.Sprintf("%s fought on the other side (side %d, %s's is %d) from %s", ob, r.Side, ben, benP.Side, start)
	}
	days := int(start.Time().Sub(d.Time()).Hours() / 24)
	switch {
	case start < d:
		return AlreadyAtWar, fmt.Sprintf("%s was already fighting on %s's side (side %d) since %s", ob, ben, r.Side, start)
	case window > 0 && days > window:
		return JoinedLate, fmt.Sprintf("%s joined %s's side (side %d) on %s, %d days after the attack (window %d days)", ob, ben, r.Side, start, days, window)
	case days == 0:
		return Joined, fmt.Sprintf("%s fought on %s's side (side %d) from the day of the attack, %s", ob, ben, r.Side, start)
	}
	return Joined, fmt.Sprintf("%s joined %s's side (side %d) on %s, %d days after the attack", ob, ben, r.Side, start, days)
}

// dyadAttack finds a dyadic war that obligor began on ben on or after d,
// while ben was fighting and the obligation lasted.
func dyadAttack(war *world.War, obl, ben int, d world.Date, benP *world.WarParticipant, oblEnd world.Date) (world.WarDyad, bool) {
	for _, dy := range war.Dyads {
		if dy.A != obl || dy.B != ben || !dy.Initiator || dy.Start < d {
			continue
		}
		if benP != nil {
			if be := endOf(benP); be != 0 && dy.Start > be {
				continue
			}
		}
		if oblEnd != 0 && dy.Start > oblEnd {
			continue
		}
		return dy, true
	}
	return world.WarDyad{}, false
}

// dyadicConduct judges defence and offence under the dyadic rule: the
// obligor honours by fighting one of the adversaries (a dyadic war in
// either direction) from the case date, within the window, while the
// beneficiary fought and the obligation lasted.
func dyadicConduct(w *world.World, war *world.War, c *Case, adv []int, d world.Date, benP *world.WarParticipant, oblEnd world.Date, window int) (Outcome, string) {
	var first world.WarDyad
	found := false
	for _, dy := range war.Dyads {
		if dy.A != c.obligor || !hasInt(adv, dy.B) {
			continue
		}
		if !found || dy.Start < first.Start {
			first, found = dy, true
		}
	}
	names := make([]string, len(adv))
	for i, a := range adv {
		names[i] = abbOf(w, a)
	}
	against := strings.Join(names, ", ")
	if !found {
		return StayedOut, fmt.Sprintf("%s did not fight %s (no dyadic war between them in %s)", c.Obligor, against, war.Name)
	}
	start := first.Start
	days := int(start.Time().Sub(d.Time()).Hours() / 24)
	be := world.Date(0)
	if benP != nil {
		be = endOf(benP)
	}
	switch {
	case start < d:
		return AlreadyAtWar, fmt.Sprintf("%s was already fighting %s since %s (dyadic war %s)", c.Obligor, abbOf(w, first.B), start, first.DyIndex)
	case (be != 0 && start > be) || (oblEnd != 0 && start >= oblEnd && start > d):
		return StayedOut, fmt.Sprintf("%s fought %s only from %s (dyadic war %s), after %s's fighting or its obligation had ended", c.Obligor, abbOf(w, first.B), start, first.DyIndex, c.Beneficiary)
	case window > 0 && days > window:
		return JoinedLate, fmt.Sprintf("%s fought %s from %s, %d days after the attack (window %d days; dyadic war %s)", c.Obligor, abbOf(w, first.B), start, days, window, first.DyIndex)
	}
	return Joined, fmt.Sprintf("%s fought %s from %s, %d days after the attack (dyadic war %s)", c.Obligor, abbOf(w, first.B), start, days, first.DyIndex)
}

// firstDyad finds the first dyadic war a began on b in the war.
func firstDyad(war *world.War, a, b int) (world.WarDyad, bool) {
	var best world.WarDyad
	ok := false
	for _, dy := range war.Dyads {
		if dy.A == a && dy.B == b && dy.Initiator && (!ok || dy.Start < best.Start) {
			best, ok = dy, true
		}
	}
	return best, ok
}

func rowsOf(war *world.War, code int) []*world.WarParticipant {
	var out []*world.WarParticipant
	for i := range war.Participants {
		if war.Participants[i].Code == code {
			out = append(out, &war.Participants[i])
		}
	}
	return out
}

// participantOn returns code's row fighting on d, or its first row
// starting after d.
func participantOn(war *world.War, code int, d world.Date) *world.WarParticipant {
	var later *world.WarParticipant
	for _, p := range rowsOf(war, code) {
		if fighting(p, d) {
			return p
		}
		if startOf(p) > d && (later == nil || startOf(p) < startOf(later)) {
			later = p
		}
	}
	return later
}

func rowRef(p *world.WarParticipant) string {
	init := ""
	if p.Initiator {
		init = ", initiator"
	}
	end := "ongoing"
	if e := endOf(p); e != 0 {
		end = e.String()
	}
	line := ""
	if p.Line > 0 {
		line = ":" + strconv.Itoa(p.Line)
	}
	return fmt.Sprintf("%s%s (ccode %d side %d, %s to %s%s)", warFile, line, p.Code, p.Side, startOf(p), end, init)
}

func treatyRef(w *world.World, c *Case, d world.Date) string {
	t, ok := w.Treaty(c.Treaty)
	if !ok {
		return c.Treaty
	}
	if t.Source == world.FromATOP {
		return fmt.Sprintf("atop5_1m.csv (atopid %d phase %d, %s)", t.ATOPID, phaseOn(t, c.Article, c.Obligor, d), c.Article)
	}
	f := t.File
	if f == "" {
		f = t.ID
	}
	return fmt.Sprintf("%s (%s)", f, c.Article)
}

// obligationOf finds the obligation behind a result: the article of the
// treaty owed by obligor (or by every member) that covers d.
func obligationOf(t *world.Treaty, article, obligor string, d world.Date) *world.Obligation {
	for i := range t.Obligations {
		ob := &t.Obligations[i]
		if ob.Article != article || (len(ob.Obligors) == 1 && ob.Obligors[0] != obligor) {
			continue
		}
		if (ob.During.Start == 0 && ob.During.End == 0) || ob.During.Contains(d) {
			return ob
		}
	}
	return nil
}

// phaseOn is the ATOP phase of the obligor's row covering d (0 for
// registry treaties and single-phase alliances).
func phaseOn(t *world.Treaty, article, obligor string, d world.Date) int {
	if ob := obligationOf(t, article, obligor, d); ob != nil {
		return ob.ATOPPhase
	}
	return 0
}

// obligationEnd is the last day of the obligor's membership in the
// case's treaty that covers d (0 = open).
func obligationEnd(w *world.World, c *Case, d world.Date) world.Date {
	t, ok := w.Treaty(c.Treaty)
	if !ok {
		return 0
	}
	if m, ok := t.MemberOn(c.obligor, d); ok {
		return m.Spell(t).End
	}
	return 0
}

// membersOn lists the distinct parties in force on d.
func membersOn(t *world.Treaty, d world.Date) []int {
	var out []int
	for i := range t.Members {
		m := &t.Members[i]
		if m.Spell(t).Contains(d) && !hasInt(out, m.Code) {
			out = append(out, m.Code)
		}
	}
	return out
}

func resolves(w *world.World, names []string, code int) bool {
	for _, n := range names {
		if c, ok := codeOf(w, n); ok && c == code {
			return true
		}
	}
	return false
}

// codeOf resolves a state as the engine and treaty files write it: a COW
// abbreviation, a name, or a number for a partner outside the COW list.
func codeOf(w *world.World, s string) (int, bool) {
	if st, err := w.Resolve(s); err == nil {
		return st.Code, true
	}
	if c, err := strconv.Atoi(s); err == nil {
		return c, true
	}
	return 0, false
}

func abbOf(w *world.World, code int) string {
	if s, ok := w.State(code); ok && s.Abb != "" {
		return s.Abb
	}
	return strconv.Itoa(code)
}

func nameOf(w *world.World, code int) string {
	if s, ok := w.State(code); ok {
		return s.Name
	}
	return strconv.Itoa(code)
}

func inSystem(w *world.World, code int, d world.Date) bool {
	s, ok := w.State(code)
	return ok && s.MemberOn(d)
}

func hasInt(s []int, x int) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

func orText(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}
