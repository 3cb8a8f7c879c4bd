package obligation

import (
	"fmt"
	"strings"

	"github.com/casus-dev/casus/world"
)

// Status is the outcome for one obligation.
type Status string

const (
	Binding      Status = "binding"       // every condition holds
	Contingent   Status = "contingent"    // holds if an open fact is true
	NotTriggered Status = "not_triggered" // a condition fails
	NonBinding   Status = "non_binding"   // a political commitment: consultation, never binding
	// Breached: the obligor violates the obligation by its own act in the
	// scenario (it attacks a state it must defend or not attack, or fights
	// one it owes neutrality). A breached obligation never brings the
	// obligor in on the beneficiary's side and is counted apart.
	Breached Status = "breached"
)

// rank orders statuses for "the best status over all rounds": a breach
// is final (a later round cannot make the attacker's duty due again).
// order is the listing order: binding, breached, contingent,
// non-binding, not triggered.
func (s Status) order() int {
	switch s {
	case Binding:
		return 0
	case Breached:
		return 1
	case Contingent:
		return 2
	case NonBinding:
		return 3
	}
	return 4
}

func (s Status) rank() int {
	switch s {
	case Breached:
		return 4
	case Binding:
		return 3
	case Contingent:
		return 2
	case NonBinding:
		return 1
	}
	return 0
}

// Flag names attached to results.
const (
	// FlagInitiator: the protected party's side began the war; the strike
	// on it counts as an armed attack only because entry_counts_as_attack
	// is true and the article has no non-provocation clause.
	FlagInitiator = "initiator_is_protected_party"
	FlagExternal  = "external_attack_only"
	// FlagBeyondATOP: the obligation comes from an ATOP alliance and the
	// event falls after ATOP's coverage ends (2018-12-31). ATOP codes the
	// alliance as still in force then; whether it still is today is an
	// assumption the answer must carry, not a fact ATOP states.
	FlagBeyondATOP = "after_atop_coverage"
	// FlagOutsideSystem: the obligor or the protected party is not a member
	// of the COW state system on the date (Montenegro in 1914, which ATOP
	// codes as an ally of Serbia with cowsys = 0): the treaty is real, but
	// the state has no COW capability data and is outside COW's universe.
	FlagOutsideSystem = "outside_state_system"
	// FlagSubsumed: a binding neutrality pledge toward a partner the same
	// obligor is bound to fight for (not a conflict: see subsumeNeutrality).
	FlagSubsumed = "subsumed_by_defense"
	// FlagATOPOnly: the status rests on ATOP's coding alone — an ATOP
	// import, or a registry article taken from ATOP without its wording
	// checked ("ATOP defense (article not checked)").
	FlagATOPOnly = "atop_coding_only"
	// FlagOffenseEntry: a binding offence pledge brings the obligor into
	// the war (Italy with Germany in 1939 under the Pact of Steel): ATOP
	// codes a promise to join the ally at war whoever began it, which goes
	// beyond defending an ally that was attacked.
	FlagOffenseEntry = "offense_pledge_entry"
	// FlagTextUnpublished: the treaty's text is not public (Saudi
	// Arabia–Pakistan 2025); the status decides only what the published
	// statements settle.
	FlagTextUnpublished = "text_unpublished"
)

// atopOnly reports whether an obligation rests on ATOP's coding alone.
func atopOnly(t *world.Treaty, o *world.Obligation) bool {
	return t.Source == world.FromATOP || strings.HasPrefix(o.Article, "ATOP ")
}

// atopEnd is the last day ATOP 5.1 covers.
var atopEnd = world.D(2018, 12, 31)

// Result is one obligation evaluated against one event. JSON field names
// are the contract documented in doc.go.
type Result struct {
	Treaty      string     `json:"treaty"`
	TreatyTitle string     `json:"treaty_title,omitempty"`
	Source      string     `json:"source"`
	Article     string     `json:"article"`
	Obligor     string     `json:"obligor"`
	Beneficiary string     `json:"beneficiary"`
	Kind        world.Kind `json:"kind"`
	Status      Status     `json:"status"`
	Reason      string     `json:"reason"`
	Open        []string   `json:"open,omitempty"`
	Round       int        `json:"round"`
	Date        world.Date `json:"date"`
	Event       string     `json:"event"`
	Response    string     `json:"response"`
	Qualifiers  []string   `json:"qualifiers,omitempty"`
	Flags       []string   `json:"flags,omitempty"`
	Explain     []string   `json:"explain,omitempty"`
	// ByRound is the history of the status when a later round raised it
	// (left out when the status of the first round it was judged in
	// stood): one step per round that changed it, each the best status
	// as of the end of that round, the last the status above. The status
	// as of round k is the last step whose round is at most k.
	ByRound []RoundStatus `json:"status_by_round,omitempty"`

	obligor, beneficiary int
	adversaries          []int
	enters, neutral      bool
}

// RoundStatus is one step of an obligation's status over the cascade.
type RoundStatus struct {
	Round  int        `json:"round"`
	Date   world.Date `json:"date"`
	Status Status     `json:"status"`
	Reason string     `json:"reason"`
}

// act is one hostile act (or mobilization, threat, coercion) the engine
// evaluates: a scenario event or a strike the cascade generates.
type act struct {
	kind       EventKind
	by         []int
	on         int
	at         Location
	target     string
	date       world.Date
	provoked   bool
	stateOfWar bool
	general    bool
	round      int
	// counter: a strike on a state whose side attacked the striker's side
	// first (retaliation or an ally's entry); fresh: the victim was not at
	// war (it had not struck or been struck).
	counter bool
	fresh   bool
	entry   bool // generated by the cascade
	desc    string
}

// evalCtx is what an evaluation needs beyond the act: the scenario's
// switches and requests, and the enemies of each belligerent so far.
type evalCtx struct {
	assume   Assumptions
	requests []Event
	enemies  map[int][]int // state -> states at war with it
	// aggressed: state -> the states it attacked other than by a
	// counter-strike (the run's record, shared). A victim owes its
	// attacker no neutrality.
	aggressed map[int][]int
	explain   bool
	// hypothetical: the attacker is an unnamed non-member (guarantees);
	// conditions on who attacks stay open instead of failing.
	hypothetical bool
	commonMemo   struct {
		oi  *oinfo
		ben int
		a   *act
		res *commonRes
	}
	scopeMemo struct {
		oi               *oinfo
		ben              int
		a                *act
		fail, open, fact string
	}
}

// touched evaluates every obligation the act touches: those of every
// treaty one of the act's parties belongs to, each treaty once.
func (e *Engine) touched(a *act, c *evalCtx, out []Result) []Result {
	// The memos serve one act; a later act may reuse a freed act's address.
	c.commonMemo.res, c.commonMemo.a = nil, nil
	c.scopeMemo.a = nil
	if a.kind == Mobilization {
		for _, ti := range e.mobil {
			out = e.treatyResults(ti, a, c, out)
		}
		return out
	}
	parties := append(make([]int, 0, 4), a.on)
	parties = append(parties, a.by...)
	if a.kind == Mobilization || a.kind == Request {
		parties = a.by
	}
	for j, p := range parties {
		if p == 0 {
			continue
		}
	treaties:
		for _, ti := range e.byMember[p] {
			for _, q := range parties[:j] {
				if q != 0 && hasInt(ti.members, q) {
					continue treaties // already visited for q
				}
			}
			out = e.treatyResults(ti, a, c, out)
		}
	}
	return out
}

func (e *Engine) treatyResults(ti *tinfo, a *act, c *evalCtx, out []Result) []Result {
	t := ti.t
	d := a.date
	inForce := t.InForceOn(d)
	if !inForce {
		// A treaty signed but not yet in force is reported (Russia–DPRK
		// between signature and exchange of instruments); earlier or
		// ended treaties are not touched.
		if !t.PendingOn(d) {
			return out
		}
	}
	for i := range ti.obls {
		oi := &ti.obls[i]
		o := oi.o
		if o.During.Start != 0 || o.During.End != 0 {
			if !o.During.Contains(d) {
				if t.Source == world.FromATOP {
					continue // another phase's row
				}
			}
		}
		for _, ben := range e.beneficiaries(ti, oi, a) {
			for _, obl := range ti.members {
				if obl == ben || (oi.obligors != nil && !hasInt(oi.obligors, obl)) {
					continue
				}
				if oi.o.Trigger == world.Always && !hasInt(a.by, obl) {
					continue // a standing pledge is news only when its obligor attacks
				}
				r, ok := e.judge(ti, oi, obl, ben, a, c)
				if ok && a.entry && (r.Status == NotTriggered || r.Status == NonBinding) && hasInt(a.by, ben) {
					// A cascade entrant's own treaties do not protect it
					// as an attacker; listing each would bury the answer.
					ok = false
				}
				if ok {
					out = append(out, r)
				}
			}
		}
	}
	return out
}

// beneficiaries lists the parties an act touches as protected parties:
// the victim, and the attackers (whose defence clauses are reported as not
// triggered, and whose state-of-war clauses do trigger).
func (e *Engine) beneficiaries(ti *tinfo, oi *oinfo, a *act) []int {
	var out []int
	add := func(c int) {
		if !hasInt(ti.members, c) || hasInt(out, c) {
			return
		}
		if oi.protects != nil && !hasInt(oi.protects, c) {
			return
		}
		out = append(out, c)
	}
	switch a.kind {
	case Mobilization:
		if oi.o.Trigger != world.Mobilization {
			return nil
		}
		// The obligors' partners: every member (judge skips obligor ==
		// beneficiary).
		for _, m := range ti.members {
			add(m)
		}
		return out
	case Request:
		return nil
	}
	switch oi.o.Trigger {
	case world.Mobilization:
		return nil
	case world.Always:
		// A standing pledge not to attack: touched only as the victim's,
		// when one of the attackers owes it (judge reports the breach).
		if a.kind == ArmedAttack || a.kind == War {
			add(a.on)
			return out
		}
		return nil
	}
	add(a.on)
	if oi.o.Scope.AdministeredBy != "" && (a.kind == ArmedAttack || a.kind == War) && oi.o.Trigger == world.ArmedAttack {
		// US–Japan Art. V: an armed attack on either party in territory
		// under Japan's administration binds each party. When the victim
		// is not the administrator (US bases in Japan), the administering
		// party is protected too: the United States owes Japan action
		// against an attack on Japanese-administered territory.
		if adm := e.locate(a.at).admin; adm != 0 && adm != a.on && !hasInt(a.by, adm) {
			add(adm)
		}
	}
	if a.entry && (oi.o.Trigger == world.ArmedAttack || oi.o.Trigger == world.ThreatOfAttack) {
		// A cascade strike never triggers the striker's own armed-attack
		// clauses, and those lines are not reported (see treatyResults).
		return out
	}
	for _, b := range a.by {
		add(b)
	}
	return out
}

// judge decides one (obligation, obligor, beneficiary, act). ok is false
// when the pair is not touched at all.
func (e *Engine) judge(ti *tinfo, oi *oinfo, obl, ben int, a *act, c *evalCtx) (Result, bool) {
	t, o := ti.t, oi.o
	d := a.date
	r := Result{
		Treaty: t.ID, TreatyTitle: t.Short, Source: t.Source, Article: o.Article,
		Obligor: e.Abb(obl), Beneficiary: e.Abb(ben), Kind: o.Kind,
		Round: a.round, Date: d, Event: a.desc,
		Response: o.Response.Action, Qualifiers: o.Response.Qualifiers,
		obligor: obl, beneficiary: ben,
	}
	if r.TreatyTitle == "" {
		r.TreatyTitle = t.Title
	}
	var fails, open, facts []string
	fail := func(f string, args ...any) { fails = append(fails, fmt.Sprintf(f, args...)) }
	// The facts every explanation opens with — the event, the article,
	// the treaty in force — are written after the early return below, so
	// that an obligation the event does not touch costs no formatting.

	// In force: the treaty, the article, and both parties' membership, on
	// the event date, the day of entry into force included.
	if !t.InForceOn(d) {
		if t.Status == world.StatusSigned {
			// Signed, awaiting ratification: never binding until a source
			// confirms entry into force (the registry sets the date then).
			fail("treaty not yet in force on %s: signed %s, not in force (no entry into force confirmed)", d, t.Signed)
		} else {
			fail("treaty not yet in force on %s: it enters into force on %s (signed %s)", d, t.InForce, t.Signed)
		}
	}
	if (o.During.Start != 0 || o.During.End != 0) && !o.During.Contains(d) {
		if o.During.Start > d {
			fail("%s applies only from %s", o.Article, o.During.Start)
		} else {
			fail("%s applied only until %s", o.Article, o.During.End)
		}
	}
	// The parties' membership facts, written after the early return too.
	type party struct {
		code  int
		since world.Date
	}
	var parties []party
	membership := func(code int, role string) *world.Member {
		m, when := memberEntry(t, code, d)
		switch {
		case m == nil:
			fail("%s is not a party", e.Abb(code))
		case when < 0 && !e.exists(code, d):
			return nil // the state itself is gone (West Germany after 1990)
		case when < 0:
			fail("%s (%s) already left the treaty: its membership ended %s", e.Abb(code), role, m.Spell(t).End)
		case when > 0:
			if t.InForceOn(d) {
				if m.Signed != 0 && m.Signed <= d {
					fail("%s (%s) not yet a party on %s: signed %s, in force for it from %s", e.Abb(code), role, d, m.Signed, m.Spell(t).Start)
				} else {
					return nil // a later member: not touched
				}
			}
		default:
			if c.explain {
				parties = append(parties, party{code, m.Spell(t).Start})
			}
		}
		return m
	}
	mo := membership(obl, "obligor")
	mb := membership(ben, "protected party")
	if (mo == nil || mb == nil) && t.InForceOn(d) && len(fails) == 0 {
		return r, false
	}
	if c.explain {
		facts = make([]string, 0, 8)
		facts = append(facts, "event: "+a.desc, oi.textFact)
		if t.InForceOn(d) {
			facts = append(facts, "treaty in force on "+d.String()+" (since "+orDate(t.InForce, t.Signed).String()+")")
		}
		for _, p := range parties {
			facts = append(facts, e.Abb(p.code)+" is a party on "+d.String()+" (since "+p.since.String()+")")
		}
	}
	benAttacker := hasInt(a.by, ben)
	if ben != a.on && !benAttacker && c.explain {
		facts = append(facts, fmt.Sprintf("the attack on %s is in territory under the administration of %s, which the article protects as well", e.Abb(a.on), e.Abb(ben)))
	}
	if benAttacker {
		if _, when := memberEntry(t, ben, d); when != 0 {
			return r, false // a former or future party that attacks: not news
		}
	}
	if t.Source == world.FromATOP && len(fails) > 0 {
		// ATOP dates memberships from signature, phase by phase: a pair
		// outside its spell is history, not a failing condition worth a
		// line (the registry's article-level treaties do report it).
		return r, false
	}
	if t.Source == world.FromATOP && benAttacker && o.Kind != world.Defense && o.Kind != world.Offense && o.Kind != world.Neutrality {
		return r, false
	}
	// Suspensions: of a member's participation (By empty) or of one
	// party's obligations toward another (By names it).
	suspended := func(m *world.Member, self, other int) {
		if m == nil {
			return
		}
		s, ok := m.SuspendedOn(d)
		if !ok {
			return
		}
		by := 0
		if s.By != "" {
			by = e.code(s.By)
		}
		note := ""
		if s.Note != "" {
			note = " (" + s.Note + ")"
		}
		switch {
		case by == 0 || by == self:
			fail("%s's participation is suspended/frozen since %s%s", e.Abb(self), s.Start, note)
		case by == other:
			fail("%s suspended its obligations toward %s on %s%s", e.Abb(other), e.Abb(self), s.Start, note)
		}
	}
	suspended(mo, obl, ben)
	suspended(mb, ben, obl)

	// The trigger.
	adversaries := a.by
	if benAttacker {
		adversaries = []int{a.on}
	}
	r.adversaries = adversaries
	if !t.Binding() && len(fails) == 0 && a.kind != Mobilization {
		r.Status = NonBinding
		// The treaty's notes say why it is not binding; they belong in the
		// explanation, not in a reason cut off mid-sentence.
		r.Reason = "a political commitment, not legally binding: " + orText(string(o.Response.Action), "consultation") + " only"
		if c.explain {
			r.Explain = facts
			if t.Notes != "" {
				r.Explain = append(r.Explain, "why not binding: "+t.Notes)
			}
		}
		return r, true
	}
	armed := a.kind == ArmedAttack || a.kind == War
	if armed && len(fails) == 0 && hasInt(a.by, obl) && ben == a.on && !a.counter {
		// The obligor itself attacks the protected party. A duty to defend
		// it, not to attack it or to stay neutral toward it is broken by the
		// attack; any other pledge owed to the victim does not bind its
		// attacker.
		r.Flags = e.baseFlags(t, o, obl, ben, d, c, &facts)
		if verb := breachVerb(o.Kind); verb != "" {
			r.Status = Breached
			r.Reason = fmt.Sprintf("%s attacks %s, which it is bound %s: the obligation is breached, not due", e.Abb(obl), e.Abb(ben), verb)
		} else {
			r.Status = NotTriggered
			r.Reason = fmt.Sprintf("%s is itself the attacker of %s: a pledge owed to %s when it is attacked does not bind its attacker", e.Abb(obl), e.Abb(ben), e.Abb(ben))
		}
		if hasFlag(r.Flags, FlagBeyondATOP) && r.Status == Breached {
			r.Reason += fmt.Sprintf(" (ATOP data end %s; assumed still in force)", atopEnd)
		}
		r.Explain = e.finishExplain(c, facts, nil, nil, o)
		return r, true
	}
	if o.Trigger == world.Always {
		// A standing obligation (not to attack) is news only when the
		// obligor breaks it.
		return r, false
	}
	if o.Kind == world.Neutrality && armed && len(fails) == 0 &&
		(hasInt(c.aggressed[ben], obl) || (obl == a.on && hasInt(a.by, ben) && !a.counter)) {
		// The uniform attack rule: a neutrality pledge governs the
		// partner's conflicts with others; the state the partner attacked
		// owes it none (its attacker broke the pledge first).
		r.Flags = e.baseFlags(t, o, obl, ben, d, c, &facts)
		r.Status = NotTriggered
		r.Reason = fmt.Sprintf("%s attacked %s: a victim owes its attacker no neutrality", e.Abb(ben), e.Abb(obl))
		r.Explain = e.finishExplain(c, facts, nil, nil, o)
		return r, true
	}
	armedTrigger := o.Trigger == world.ArmedAttack || o.Trigger == world.ThreatOfAttack
	if armed && len(fails) == 0 && benAttacker && obl == a.on && !armedTrigger {
		// The partner strikes the obligor itself (the Allies' attack on
		// Japan, which the USSR joined, 1941). A pledge that follows the
		// partner into its wars (offence, neutrality, a state of war)
		// does not make the obligor join or stand aside in a war against
		// itself. Armed-attack clauses fail on their own: the partner is
		// the attacker.
		r.Flags = e.baseFlags(t, o, obl, ben, d, c, &facts)
		r.Status = NotTriggered
		r.Reason = fmt.Sprintf("%s strikes %s itself: a pledge owed to %s in its wars does not bind %s in a war against itself", e.Abb(ben), e.Abb(obl), e.Abb(ben), e.Abb(obl))
		r.Explain = e.finishExplain(c, facts, nil, nil, o)
		return r, true
	}
	if armed && len(fails) == 0 && (o.Kind == world.Defense || o.Kind == world.Offense) && hasInt(c.enemies[ben], obl) && !(benAttacker && armedTrigger) {
		// The obligor and the partner are at war with each other (El
		// Salvador strikes back at Guatemala, 1885; Russia, one of the
		// Boxer-war powers that attacked China in 1900, owed China an
		// offence pledge against Japan): a first strike on the partner
		// breached the pledge or failed it above, and no later act brings
		// the obligor in on the side of the state it is fighting.
		// (Neutrality and non-aggression are judged against the obligor's
		// own strike: that is how a conflict with a defence duty is found.)
		r.Flags = e.baseFlags(t, o, obl, ben, d, c, &facts)
		r.Status = NotTriggered
		r.Reason = fmt.Sprintf("%s and %s are at war with each other: a pledge owed to %s does not bring %s in on its side", e.Abb(obl), e.Abb(ben), e.Abb(ben), e.Abb(obl))
		r.Explain = e.finishExplain(c, facts, nil, nil, o)
		return r, true
	}
	cr := e.common(ti, oi, ben, a, c, benAttacker, adversaries)
	if cr.untouched {
		return r, false
	}
	fails = append(fails, cr.fails...)
	open = append(open, cr.open...)
	if c.explain {
		facts = append(facts, cr.facts...)
	}
	r.Flags = append(cr.flags, e.baseFlags(t, o, obl, ben, d, c, &facts)...)

	switch {
	case len(fails) > 0:
		r.Status = NotTriggered
		r.Reason = strings.Join(fails, "; ")
	case !t.Binding():
		r.Status = NonBinding
		r.Reason = "a political commitment, not legally binding: " + orText(string(o.Response.Action), "consultation") + " only"
	case len(open) > 0:
		r.Status = Contingent
		r.Open = open
		r.Reason = "holds if " + strings.Join(open, " and if ")
	default:
		r.Status = Binding
		r.Reason = "every condition holds"
	}
	if hasFlag(r.Flags, FlagBeyondATOP) && r.Status != NotTriggered {
		r.Reason += fmt.Sprintf(" (ATOP data end %s; assumed still in force)", atopEnd)
	}
	if r.Status == Binding && (o.Kind == world.Defense || o.Kind == world.Offense) && entersWar(o.Response.Action) {
		r.enters = true
		if o.Kind == world.Offense {
			r.Flags = append(r.Flags, FlagOffenseEntry)
			started := benAttacker && !a.counter
			why := fmt.Sprintf("%s did not start this war: its defence pledge would answer an attack on it, the offence pledge brings %s in as well", e.Abb(ben), e.Abb(obl))
			switch {
			case started && a.round > 1:
				// The partner attacks as an entrant, not as the war's
				// initiator: say so rather than call it the starter.
				why = fmt.Sprintf("%s attacks as it enters the war in round %d, not as its initiator: the offence pledge brings %s in on %s's side", e.Abb(ben), a.round, e.Abb(obl), e.Abb(ben))
			case started:
				why = fmt.Sprintf("%s started this war: the offence pledge brings %s into a war of %s's choosing", e.Abb(ben), e.Abb(obl), e.Abb(ben))
			}
			r.Reason += "; an offence-pledge entry: " + why
		}
	}
	if r.Status != NotTriggered && hasFlag(r.Flags, FlagTextUnpublished) {
		r.Reason += " (text unpublished: only what the published statements settle is decided)"
	}
	if r.Status == Binding && o.Kind == world.Neutrality {
		r.neutral = true
	}
	r.Explain = e.finishExplain(c, facts, fails, open, o)
	return r, true
}

// breachVerb names what an obligor of kind k owes the state it attacks
// ("" when attacking it does not break that kind of pledge).
func breachVerb(k world.Kind) string {
	switch k {
	case world.Defense:
		return "to defend"
	case world.Nonaggression:
		return "not to attack"
	case world.Neutrality:
		return "to stay neutral toward"
	}
	return ""
}

// baseFlags are the flags that depend only on the treaty, the two
// parties and the date: a party outside the COW system, an ATOP alliance
// judged after ATOP's coverage.
func (e *Engine) baseFlags(t *world.Treaty, o *world.Obligation, obl, ben int, d world.Date, c *evalCtx, facts *[]string) []string {
	var flags []string
	for _, x := range [2]int{obl, ben} {
		if st, ok := e.w.State(x); ok && !st.MemberOn(d) {
			if !hasFlag(flags, FlagOutsideSystem) {
				flags = append(flags, FlagOutsideSystem)
			}
			if c.explain {
				*facts = append(*facts, fmt.Sprintf("%s is not a member of the COW state system on %s (%s): reported from the treaty data, without COW capabilities", e.Abb(x), d, spellsText(st)))
			}
		}
	}
	if t.TextUnpublished {
		flags = append(flags, FlagTextUnpublished)
	}
	if atopOnly(t, o) {
		flags = append(flags, FlagATOPOnly)
		if c.explain {
			*facts = append(*facts, "this status rests on ATOP's coding alone: no treaty text was checked for it")
		}
	}
	if t.Source == world.FromATOP && d > atopEnd {
		flags = append(flags, FlagBeyondATOP)
		if c.explain {
			*facts = append(*facts, fmt.Sprintf("ATOP 5.1 ends %s with this alliance in force; casus assumes it still is on %s", atopEnd, d))
		}
	}
	return flags
}

func (e *Engine) finishExplain(c *evalCtx, facts, fails, open []string, o *world.Obligation) []string {
	if !c.explain {
		return nil
	}
	var out []string
	out = append(out, facts...)
	for _, f := range fails {
		out = append(out, "fails: "+f)
	}
	for _, f := range open {
		out = append(out, "open: "+f)
	}
	if len(o.Response.Qualifiers) > 0 {
		out = append(out, "qualifiers travel with the answer: "+strings.Join(o.Response.Qualifiers, ", "))
	}
	if o.Source != "" {
		out = append(out, "source: "+o.Source)
	}
	return out
}

// entersWar reports whether a response brings the obligor into the war.
func entersWar(action string) bool {
	switch action {
	case "military_assistance", "assistance", "":
		return true
	}
	return false
}

func majorWord(major bool) string {
	if major {
		return "great-power "
	}
	return ""
}

func orText(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func orDate(a, b world.Date) world.Date {
	if a != 0 {
		return a
	}
	return b
}

func unionInts(a, b []int) []int {
	out := append([]int(nil), a...)
	for _, x := range b {
		if !hasInt(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// requested finds a request for assistance under t (or any treaty) by the
// protected party or another member.
func requested(reqs []Event, t *world.Treaty, ti *tinfo, ben int, _ world.Date) (int, bool) {
	for _, q := range reqs {
		if q.Treaty != "" && q.Treaty != t.ID {
			continue
		}
		// A request dated after the attack still answers the open
		// condition: the obligation falls due when it is made.
		if len(q.By) == 1 && (q.By[0] == ben || hasInt(ti.members, q.By[0])) {
			return q.By[0], true
		}
	}
	return 0, false
}

// foesText lists a belligerent's enemies, with how many are great powers.
func (e *Engine) foesText(foes []int, major bool, d world.Date) string {
	if len(foes) == 0 {
		return "no one yet"
	}
	n := 0
	for _, f := range foes {
		if m, _ := e.w.MajorOn(f, d); m {
			n++
		}
	}
	s := strings.Join(e.abbs(foes), ", ")
	if major {
		s += fmt.Sprintf(" (%d great power%s)", n, plural(n))
	}
	return s
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// commonRes is the part of a judgment that does not depend on the obligor:
// trigger, attacker, number, provocation, state of war, scope, request and
// further conditions. judge computes it once per article, protected party
// and act, and adds each obligor's membership and suspensions.
type commonRes struct {
	untouched          bool
	fails, open, facts []string
	flags              []string
}

func (e *Engine) common(ti *tinfo, oi *oinfo, ben int, a *act, c *evalCtx, benAttacker bool, adversaries []int) *commonRes {
	m := &c.commonMemo
	if m.oi == oi && m.ben == ben && m.a == a && m.res != nil {
		return m.res
	}
	cr := &commonRes{}
	m.oi, m.ben, m.a, m.res = oi, ben, a, cr
	t, o, d := ti.t, oi.o, a.date
	var open, fails []string
	fail := func(f string, args ...any) { fails = append(fails, fmt.Sprintf(f, args...)) }
	fact := func(f string, args ...any) { cr.facts = append(cr.facts, fmt.Sprintf(f, args...)) }
	defer func() {
		cr.open = append(cr.open, open...)
		cr.fails = append(cr.fails, fails...)
	}()
	switch a.kind {
	case Mobilization:
		mob := a.by[0]
		if len(oi.named) > 0 && !hasInt(oi.named, mob) {
			cr.untouched = true
			return cr
		}
		if len(oi.named) == 0 && hasInt(ti.members, mob) {
			cr.untouched = true
			return cr
		}
		if c.explain {
			fact("%s mobilizes (general: %v); %s names %s", e.Abb(mob), a.general, o.Article, strings.Join(e.abbs(oi.named), ", "))
		}
		if !a.general {
			open = append(open, fmt.Sprintf("a partial mobilization by %s counts (the scenario does not say it is general)", e.Abb(mob)))
		}
	case Threat, Coercion:
		switch o.Trigger {
		case world.ArmedAttack, world.StateOfWar:
			if benAttacker {
				cr.untouched = true
				return cr
			}
			what := "coercion"
			if a.kind == Threat {
				what = "a threat"
			}
			if hasCondition(o, "aggression") {
				// The text speaks of aggression: an armed attack is
				// aggression, but whether this is one too is unknown.
				open = append(open, fmt.Sprintf("%s counts as the aggression the article speaks of (%s)", what, orText(condText(o, "aggression"), "the article is worded as aggression")))
				break
			}
			fail("below the armed-attack threshold: %s, not an armed attack", what)
		case world.AnyConflict:
			cr.untouched = true
			return cr
		case world.ThreatOfAttack:
			if benAttacker {
				cr.untouched = true
				return cr
			}
			if c.explain {
				fact("%s faces a %s from %s", e.Abb(ben), a.kind, strings.Join(e.abbs(a.by), ", "))
			}
		default:
			cr.untouched = true
			return cr
		}
	default: // armed attack or declaration of war
		switch o.Trigger {
		case world.ArmedAttack, world.ThreatOfAttack:
			if benAttacker {
				msg := fmt.Sprintf("the protected party %s is the attacker, not attacked (%s): the article protects a party that suffers an armed attack", e.Abb(ben), a.desc)
				var also []string
				if o.ExternalOnly {
					also = append(also, "the pledge covers only an external armed attack on "+e.Abb(ben))
				}
				if o.NonProvocation {
					also = append(also, "it requires an attack \"without direct provocation\"")
				}
				if o.MinAttackers > 1 {
					also = append(also, fmt.Sprintf("it requires %d or more %sattackers, and %s is at war with %s", o.MinAttackers, majorWord(o.AttackersMajor), e.Abb(ben), e.foesText(c.enemies[ben], o.AttackersMajor, d)))
				}
				if len(also) > 0 {
					msg += "; also " + strings.Join(also, "; ")
				}
				fails = append(fails, msg)
			} else if a.counter {
				if !c.assume.EntryCountsAsAttack {
					fail("the strike on %s is a counter-strike: %s's side attacked first, and entry_counts_as_attack is false", e.Abb(ben), e.Abb(ben))
				} else {
					cr.flags = append(cr.flags, FlagInitiator)
					if c.explain {
						fact("entry_counts_as_attack is true: the counter-strike by %s counts as an armed attack on %s, whose side attacked first", strings.Join(e.abbs(a.by), ", "), e.Abb(ben))
					}
					if o.NonProvocation {
						fail("provocation: %s's side attacked first, and the article requires an attack without direct provocation", e.Abb(ben))
					}
				}
			} else if a.fresh {
				if c.explain {
					fact("%s was not at war before: a fresh armed attack by %s", e.Abb(ben), strings.Join(e.abbs(a.by), ", "))
				}
			} else {
				if c.explain {
					fact("armed attack on %s by %s", e.Abb(ben), strings.Join(e.abbs(a.by), ", "))
				}
			}
		case world.StateOfWar, world.AnyConflict:
			if c.explain {
				fact("%s is at war with %s", e.Abb(ben), strings.Join(e.abbs(adversaries), ", "))
			}
		default:
			cr.untouched = true
			return cr
		}
	}

	// Attacker (adversary) restrictions; moot when the protected party is
	// itself the attacker under an armed-attack clause.
	attackerMoot := benAttacker && (o.Trigger == world.ArmedAttack || o.Trigger == world.ThreatOfAttack)
	if a.kind != Mobilization && !attackerMoot {
		if o.Attacker.NonMember {
			for _, x := range adversaries {
				if _, in := t.MemberOn(x, d); in {
					fail("the attacker %s is itself a party: the article covers attacks by non-members", e.Abb(x))
				}
			}
		}
		if len(oi.named) > 0 {
			hit := false
			for _, x := range adversaries {
				hit = hit || hasInt(oi.named, x)
			}
			if !hit && c.hypothetical {
				open = append(open, fmt.Sprintf("the attacker is %s (the adversary the article names)", strings.Join(e.abbs(oi.named), " or ")))
			} else if !hit {
				who := "the attacker"
				if benAttacker {
					// An offence or state-of-war clause of the state that
					// struck: the adversary is the state it struck.
					who = "the enemy"
				}
				fail("%s %s is not the adversary the article names (%s)", who, strings.Join(e.abbs(adversaries), ", "), strings.Join(e.abbs(oi.named), ", "))
			} else {
				if c.explain {
					fact("the attacker is the named adversary (%s)", strings.Join(e.abbs(oi.named), ", "))
				}
			}
		}
		if len(oi.except) > 0 {
			var hit []int
			for _, x := range adversaries {
				if hasInt(oi.except, x) {
					hit = append(hit, x)
				}
			}
			switch {
			case c.hypothetical:
				open = append(open, fmt.Sprintf("the attacker is not %s (%s)", strings.Join(e.abbs(oi.except), " or "), orText(o.Attacker.Text, "the article excludes it")))
			case len(hit) > 0:
				fail("the attacker %s is excluded by the article (%s)", strings.Join(e.abbs(hit), ", "), orText(o.Attacker.Text, "another article covers its attack"))
			}
		}
		if g := o.Attacker.Group; g != "" {
			if c.hypothetical {
				open = append(open, fmt.Sprintf("the attacker counts as %q", g))
			} else if g == "great_power" || g == "major" || g == "major_power" {
				for _, x := range adversaries {
					major, known := e.w.MajorOn(x, d)
					switch {
					case !known:
						open = append(open, fmt.Sprintf("%s counts as a great power (COW major-power data end before %s)", e.Abb(x), d))
					case !major:
						fail("the attacker %s is not a great power (COW majors) on %s", e.Abb(x), d)
					}
				}
			} else {
				open = append(open, fmt.Sprintf("the attacker counts as %q (%s)", g, orText(o.Attacker.Text, "the article limits the attacker to this group")))
			}
		}
		if o.Attacker.Unspecified {
			open = append(open, "the attacker is the adversary the treaty has in mind ("+orText(o.Attacker.Text, "ATOP flags an adversary condition but not which")+")")
		}
	}
	if o.MinAttackers > 1 && !benAttacker && a.kind != Mobilization {
		var foes []string
		unknown := false
		for _, x := range unionInts(c.enemies[ben], a.by) {
			if _, in := t.MemberOn(x, d); in {
				continue
			}
			if o.AttackersMajor {
				major, known := e.w.MajorOn(x, d)
				if !known {
					unknown = true
				}
				if !major {
					continue
				}
			}
			foes = append(foes, e.Abb(x))
		}
		if len(foes) < o.MinAttackers {
			if c.hypothetical {
				open = append(open, fmt.Sprintf("%d or more %sstates attack", o.MinAttackers, majorWord(o.AttackersMajor)))
			} else if unknown {
				open = append(open, fmt.Sprintf("%d or more attackers are great powers (COW major-power data end before %s)", o.MinAttackers, d))
			} else {
				fail("too few attackers: the article needs %d or more %snon-party attackers at war with %s, there are %d (%s)", o.MinAttackers, majorWord(o.AttackersMajor), e.Abb(ben), len(foes), orText(strings.Join(foes, ", "), "none"))
			}
		} else {
			if c.explain {
				fact("%d %sattackers at war with %s (%s): at least %d", len(foes), majorWord(o.AttackersMajor), e.Abb(ben), strings.Join(foes, ", "), o.MinAttackers)
			}
		}
	}
	if o.NonProvocation && a.provoked && !benAttacker {
		fail("provocation: the scenario marks the attack as provoked by %s, and the article requires an attack without provocation", e.Abb(ben))
	} else if o.NonProvocation && !benAttacker && !a.counter {
		if c.explain {
			fact("unprovoked: the scenario does not mark the attack as provoked by %s", e.Abb(ben))
		}
	}
	if o.RequiresStateOfWar && !benAttacker && a.kind != Mobilization {
		if !a.stateOfWar {
			fail("not a state of war: the scenario marks the attack as a limited clash that does not put %s in a state of war", e.Abb(ben))
		} else {
			if c.explain {
				fact("%s is in a state of war as a result", e.Abb(ben))
			}
		}
	}
	if o.ExternalOnly && !benAttacker {
		cr.flags = append(cr.flags, FlagExternal)
		if c.explain {
			fact("the pledge covers only an external armed attack: %s attacks from outside", strings.Join(e.abbs(a.by), ", "))
		}
	}

	// Where.
	// Where: an attack on the protected party, or — for a pledge that
	// follows the partner into any war it is in (offence, neutrality) — the
	// place of the partner's own strike (ATOP's location conditions apply
	// to the war, whoever began it: ATOP 2465 ties Turkey's offence pledge
	// to a war in the Mediterranean).
	armedTrigger := o.Trigger == world.ArmedAttack || o.Trigger == world.ThreatOfAttack
	if a.kind != Mobilization && (!benAttacker || !armedTrigger) {
		// The scope depends on the article, the protected party and the
		// act, not on the obligor: one computation serves all obligors.
		sc := &c.scopeMemo
		if sc.oi != oi || sc.ben != ben || sc.a != a {
			sc.fail, sc.open, sc.fact = e.scope(oi, ti, ben, a)
			sc.oi, sc.ben, sc.a = oi, ben, a
		}
		sf, so, sfact := sc.fail, sc.open, sc.fact
		if sf != "" {
			fails = append(fails, sf)
		}
		if so != "" {
			open = append(open, so)
		}
		if sfact != "" {
			if c.explain {
				fact("%s", sfact)
			}
		}
	}

	// Requests.
	if o.RequiresRequest {
		if who, ok := requested(c.requests, t, ti, ben, d); ok {
			if c.explain {
				fact("%s requested assistance under %s", e.Abb(who), t.ID)
			}
		} else {
			open = append(open, fmt.Sprintf("a request for assistance by %s", e.Abb(ben)))
		}
	}
	for _, cond := range o.Conditions {
		switch cond.Kind {
		case "attacked":
			// The same attack/counter-strike rule as an armed-attack
			// trigger: a counter-strike on the side that attacked first is
			// not an attack on it unless entry_counts_as_attack says so.
			switch {
			case benAttacker:
				fail("%s was not the party attacked (%s)", e.Abb(ben), orText(cond.Text, "the article requires the partner to be attacked"))
			case a.counter && !c.assume.EntryCountsAsAttack:
				fail("the strike on %s is a counter-strike: %s's side attacked first, and entry_counts_as_attack is false (%s)", e.Abb(ben), e.Abb(ben), orText(cond.Text, "the article requires the partner to be attacked"))
			case a.counter:
				if !hasFlag(cr.flags, FlagInitiator) {
					cr.flags = append(cr.flags, FlagInitiator)
				}
			default:
				if c.explain {
					fact("%s is the party attacked", e.Abb(ben))
				}
			}
		case "aggression":
			if (a.kind == ArmedAttack || a.kind == War) && c.explain {
				fact("an armed attack is aggression: the article's aggression wording is met")
			}
		case "request":
			if who, ok := requested(c.requests, t, ti, ben, d); ok {
				if c.explain {
					fact("%s requested assistance", e.Abb(who))
				}
			} else {
				open = append(open, fmt.Sprintf("a request for assistance by %s", e.Abb(ben)))
			}
		case "provocation":
			if a.provoked || a.counter {
				fail("provocation: %s", orText(cond.Text, "the article requires an unprovoked attack"))
			}
		case "location":
			open = append(open, "the attack is in the area the treaty names ("+orText(cond.Text, "ATOP flags a location condition but not where")+")")
		default:
			why := cond.Text
			if why == "" {
				why = cond.Kind + " condition"
			}
			if cond.Unspecified {
				open = append(open, "an unspecified condition holds: "+why)
			} else {
				open = append(open, "the condition holds: "+why)
			}
		}
	}

	return cr
}

func hasCondition(o *world.Obligation, kind string) bool {
	for _, c := range o.Conditions {
		if c.Kind == kind {
			return true
		}
	}
	return false
}

func condText(o *world.Obligation, kind string) string {
	for _, c := range o.Conditions {
		if c.Kind == kind {
			return c.Text
		}
	}
	return ""
}

// exists reports whether a state is a member of the state system on d
// (unknown codes count as existing: ATOP partners outside COW).
func (e *Engine) exists(code int, d world.Date) bool {
	s, ok := e.w.State(code)
	return !ok || s.MemberOn(d)
}

func hasFlag(flags []string, f string) bool {
	for _, x := range flags {
		if x == f {
			return true
		}
	}
	return false
}

// spellsText lists a state's system-membership spells ("member 2006-06-12
// to 2024-12-31 and after").
func spellsText(st *world.State) string {
	var spells []string
	for i, sp := range st.Spells {
		end := "open"
		if sp.End != 0 {
			end = sp.End.String()
		}
		if i == len(st.Spells)-1 && st.OpenEnded && sp.End != 0 {
			end += " and after"
		}
		spells = append(spells, sp.Start.String()+" to "+end)
	}
	return "member " + strings.Join(spells, ", ")
}
