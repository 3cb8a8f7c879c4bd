package obligation

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/casus-dev/casus/world"
)

// Report is the answer to a scenario. doc.go documents its JSON form.
type Report struct {
	Scenario ScenarioInfo `json:"scenario"`
	// Summary groups the obligations into the answer (summary.go).
	Summary *Summary `json:"summary"`
	// ShownRun says which seeded run the rounds and sides are when honour
	// is a probability (shownrun.go); absent otherwise.
	ShownRun    *ShownRun   `json:"shown_run,omitempty"`
	Obligations []Result    `json:"obligations"`
	Conflicts   []Conflict  `json:"conflicts"`
	Rounds      []Round     `json:"rounds"`
	Sides       [2]Side     `json:"sides"`
	Neutrals    []Neutral   `json:"neutrals"`
	OpenEntries []OpenEntry `json:"open_entries"`
	// Pending: entries that fell due in the last round a rounds limit let
	// the cascade play; they would enter in the next round.
	Pending    []Entry     `json:"pending_entries,omitempty"`
	Balance    *Balance    `json:"balance,omitempty"`
	MonteCarlo *MonteCarlo `json:"monte_carlo,omitempty"`
	Notes      []string    `json:"notes,omitempty"`

	// names: COW abbreviation -> state name, for the text reports.
	names map[string]string
}

// ScenarioInfo echoes the scenario. File names it in the text reports
// only: the JSON answer describes the scenario, not where it lay on the
// asker's disk, so the same scenario gives the same bytes from the CLI and
// from POST /api/scenario, which receives no file name.
type ScenarioInfo struct {
	File   string      `json:"-"`
	Title  string      `json:"title,omitempty"`
	Date   world.Date  `json:"date"`
	Events []string    `json:"events"`
	Assume Assumptions `json:"assume"`
	// RoundsLimit is the scenario's rounds (0, left out: the cascade runs
	// until no one enters).
	RoundsLimit int `json:"rounds_limit,omitempty"`
}

// Conflict is a state under opposed obligations; the engine reports it and
// never resolves it silently.
type Conflict struct {
	State  string   `json:"state"`
	Kind   string   `json:"kind"` // both_sides, defend_vs_nonaggression, defend_vs_neutrality, attacks_protected_party
	Detail string   `json:"detail"`
	Items  []string `json:"items"`
}

// Round is one round of the cascade: the acts of the round, and the
// states that enter the war in it (their obligation fell due in the round
// before; they strike in this one).
type Round struct {
	N       int          `json:"round"`
	Events  []RoundEvent `json:"events"`
	Entered []Entry      `json:"entered"`
}

// RoundEvent is one act of a round.
type RoundEvent struct {
	Kind EventKind  `json:"kind"`
	By   []string   `json:"by"`
	On   string     `json:"on,omitempty"`
	At   string     `json:"at,omitempty"`
	Date world.Date `json:"date"`
	// Origin: scenario (an event of the file), retaliation (the victim
	// strikes back) or entry (a state entering under an obligation).
	Origin string `json:"origin"`
	// Nature of an armed act: fresh (the victim was not at war),
	// counter_strike (on the side that attacked first) or attack.
	Nature string `json:"nature,omitempty"`
	Text   string `json:"text"`
}

// Entry is a state entering the war under an obligation.
type Entry struct {
	State   string     `json:"state"`
	Side    int        `json:"side"`
	For     string     `json:"for"`
	Treaty  string     `json:"treaty"`
	Article string     `json:"article"`
	Kind    world.Kind `json:"kind"`
	Date    world.Date `json:"date"`
	// DueRound is the round whose act made the obligation fall due.
	DueRound int      `json:"due_round"`
	Flags    []string `json:"flags,omitempty"`
}

func (en Entry) text() string {
	return fmt.Sprintf("%s enters on side %d for %s (%s %s), %s", en.State, en.Side, en.For, en.Treaty, en.Article, en.Date)
}

// Side is one side of the war: side 1 began it, side 2 was attacked.
type Side struct {
	Name    string      `json:"name"`
	Members []SideEntry `json:"members"`
}

// SideEntry is one belligerent and how it came to fight.
type SideEntry struct {
	State string     `json:"state"`
	Code  int        `json:"ccode"`
	Since world.Date `json:"since"`
	Round int        `json:"round"`
	How   string     `json:"how"`
}

// Neutral is a state bound to neutrality toward a belligerent.
type Neutral struct {
	State   string `json:"state"`
	Toward  string `json:"toward"`
	Treaty  string `json:"treaty"`
	Article string `json:"article"`
}

// OpenEntry is a contingent obligation that would bring a state in.
type OpenEntry struct {
	State   string   `json:"state"`
	For     string   `json:"for"`
	Treaty  string   `json:"treaty"`
	Article string   `json:"article"`
	Open    []string `json:"open"`
}

// Evaluate runs the scenario on w: every obligation the events touch, the
// cascade of entries, conflicts, sides and their capability balance, and,
// when the scenario asks for it (honour strictly between 0 and 1), the
// Monte-Carlo distribution.
func Evaluate(w *world.World, s *Scenario) *Report {
	return For(w).Evaluate(s, true)
}

// Evaluate is the engine method behind the package function; explain adds
// the chain of facts to every result.
func (e *Engine) Evaluate(s *Scenario, explain bool) *Report {
	return e.EvaluateProgress(s, explain, nil)
}

// EvaluateProgress is Evaluate that reports the Monte-Carlo runs done to
// progress (see MonteCarloProgress); progress may be nil.
func (e *Engine) EvaluateProgress(s *Scenario, explain bool, progress func(runs int)) *Report {
	rep, _ := e.EvaluateContext(context.Background(), s, explain, progress)
	return rep
}

// EvaluateContext is EvaluateProgress that gives up when ctx is done and
// returns ctx's error without a report. One cascade takes a millisecond or
// two, so only the Monte-Carlo runs (up to MaxRuns, about a minute) look at
// ctx: a server's request deadline then stops them instead of letting them
// run on for nobody.
func (e *Engine) EvaluateContext(ctx context.Context, s *Scenario, explain bool, progress func(runs int)) (*Report, error) {
	rep := &Report{Scenario: ScenarioInfo{File: s.File, Title: s.Title, Date: s.Date, Assume: s.Assume, RoundsLimit: s.Rounds}}
	for _, ev := range s.Events {
		rep.Scenario.Events = append(rep.Scenario.Events, e.describe(ev))
	}
	honour := s.Assume.Honour
	det := honour == 0 || honour == 1
	var rng *rand.Rand
	if !det {
		// The report's own cascade is run 0 of the Monte-Carlo series.
		rng = runRand(s.Assume.Seed, 0)
	}
	r := e.newRun(s, explain, rng, false)
	r.run()
	rep.Obligations = r.results()
	if r.buf != nil {
		// The scratch buffer's results were copied into the list; drop
		// their references before pooling it.
		clear(r.buf[:cap(r.buf)])
		b := r.buf[:0]
		bufPool.Put(&b)
		r.buf = nil
	}
	subsumeNeutrality(rep.Obligations)
	rep.Conflicts = r.conflicts
	rep.Rounds = r.rounds
	rep.Sides = r.sides()
	// A due entrant that an event of the last round brought into the war
	// on that side anyway is not pending.
	for _, en := range r.pending {
		if r.side[e.abbCode[en.State]] != en.Side {
			rep.Pending = append(rep.Pending, en)
		}
	}
	due := func(state, side int, toward string) bool {
		for _, en := range rep.Pending {
			if e.abbCode[en.State] == state && (en.Side == side || en.For == toward) {
				return true
			}
		}
		return false
	}
	// A state that fights, or is due to enter when a rounds limit stopped
	// the cascade, is no longer a neutral or an open entry on the side it
	// fights for; one fighting the state it owes neutrality is a conflict.
	rep.Neutrals = []Neutral{}
	for _, n := range r.neutrals {
		st, tw := e.abbCode[n.State], e.abbCode[n.Toward]
		switch {
		case r.side[st] == 0 && !due(st, -1, n.Toward):
			rep.Neutrals = append(rep.Neutrals, n)
		case r.side[tw] != 0 && r.side[st] != 0 && r.side[st] != r.side[tw] && !r.hasConflict(n.State, n.Toward):
			rep.Conflicts = append(rep.Conflicts, Conflict{State: n.State, Kind: "fights_vs_neutrality",
				Detail: fmt.Sprintf("%s fights against %s while bound to neutrality toward it", n.State, n.Toward),
				Items:  []string{n.Treaty + " " + n.Article}})
		}
	}
	rep.OpenEntries = []OpenEntry{}
	for _, o := range r.open {
		st, f := e.abbCode[o.State], e.abbCode[o.For]
		if (r.side[st] == 0 || r.side[st] != r.side[f]) && !due(st, r.side[f], "") {
			rep.OpenEntries = append(rep.OpenEntries, o)
		}
	}
	if s.Rounds > 0 {
		rep.Notes = append(rep.Notes, r.limitNote(rep.Pending))
	}
	rep.Balance = e.Balance(rep.Sides, s.Date, s.Assume.NMC)
	rep.Summary = summarize(rep.Obligations, rep.Sides)
	rep.Summary.Unprotected = e.unprotected(s, rep.Summary)
	rep.names = e.names
	if !det {
		rep.ShownRun = shownRun(s, rep.Summary, rep.Sides, rep.Pending)
		rep.Notes = append(rep.Notes, rep.ShownRun.Note)
		mc, err := e.monteCarlo(ctx, s, 2, progress)
		if err != nil {
			return nil, err
		}
		rep.MonteCarlo = mc
	}
	return rep, nil
}

type run struct {
	e       *Engine
	s       *Scenario
	ctx     evalCtx
	rng     *rand.Rand
	lite    bool // Monte-Carlo: sides only
	side    map[int]int
	since   map[int]world.Date
	round   map[int]int
	how     map[int]string
	order   []int
	res     map[resKey]int // dedup key -> index in list
	list    []Result
	decided map[[2]int]bool
	struck  map[[2]int]bool
	// fought: states that have struck or been struck. A state that has
	// only entered a side (its obligation fell due, it has not acted yet)
	// is not yet a belligerent, so a strike on it is a fresh attack.
	fought map[int]bool
	// aggressed: for each state, the states it attacked other than by a
	// counter-strike. A strike on a state that attacked the striker's side
	// is a counter-strike whichever side began the war.
	aggressed map[int][]int

	cache     map[string][]Result // Monte-Carlo only: act key -> results
	rounds    []Round
	conflicts []Conflict
	neutrals  []Neutral
	open      []OpenEntry
	// pending: entries due when a rounds limit stopped the cascade.
	pending []Entry
	buf     []Result
}

func (e *Engine) newRun(s *Scenario, explain bool, rng *rand.Rand, lite bool) *run {
	r := &run{e: e, s: s, rng: rng,
		ctx:  evalCtx{assume: s.Assume, enemies: map[int][]int{}, explain: explain},
		side: map[int]int{}, since: map[int]world.Date{}, round: map[int]int{}, how: map[int]string{},
		res: map[resKey]int{}, decided: map[[2]int]bool{}, struck: map[[2]int]bool{}, lite: lite,
		fought: map[int]bool{}, aggressed: map[int][]int{},
	}
	// The judge reads the run's record of who attacked whom (a victim owes
	// its attacker no neutrality): the same map, updated as acts classify.
	r.ctx.aggressed = r.aggressed
	if !lite {
		// An attack on the USA touches a few hundred obligation pairs:
		// size the list once, and reuse scratch buffers across runs.
		r.list = make([]Result, 0, 128)
		r.res = make(map[resKey]int, 256)
		if b, ok := bufPool.Get().(*[]Result); ok {
			r.buf = (*b)[:0]
		}
	}
	for _, ev := range s.Events {
		if ev.Kind == Request {
			r.ctx.requests = append(r.ctx.requests, ev)
		}
	}
	return r
}

var bufPool = sync.Pool{New: func() any { b := make([]Result, 0, 256); return &b }}

// lastRound is the last round the cascade plays: the scenario's rounds
// limit, or MaxRounds.
func (r *run) lastRound() int {
	if n := r.s.Rounds; n > 0 && n < MaxRounds {
		return n
	}
	return MaxRounds
}

// cut reports whether an act belongs to the last round a rounds limit
// lets the cascade play: the obligations it makes due are judged, but the
// obligors do not enter (they would in the next round, which is not
// played).
func (r *run) cut(a *act) bool {
	return r.s.Rounds > 0 && a.round >= r.s.Rounds
}

// limitNote says where the cascade stopped and who would have entered next.
func (r *run) limitNote(pending []Entry) string {
	n := r.s.Rounds
	msg := fmt.Sprintf("rounds: %d — the cascade stops after round %d", n, n)
	if n == 1 {
		msg += " (only the scenario's events are judged; each obligation's status is its status against them)"
	} else {
		msg += fmt.Sprintf(" (each obligation's status is its best over rounds 1–%d)", n)
	}
	msg += "; the sides and the balance hold the states at war by then"
	if len(pending) == 0 {
		return msg + "; no entry was due"
	}
	// One group per protected party and article, in order of first entry
	// (31 NATO members for Poland are one group, not 31).
	var due []string
	idx := map[string]int{}
	var states [][]string
	for _, en := range pending {
		k := fmt.Sprintf(" for %s (%s %s)", en.For, en.Treaty, en.Article)
		i, ok := idx[k]
		if !ok {
			i = len(due)
			idx[k] = i
			due = append(due, k)
			states = append(states, nil)
		}
		states[i] = append(states[i], en.State)
	}
	for i := range due {
		due[i] = strings.Join(states[i], ", ") + due[i]
	}
	return msg + fmt.Sprintf("; due to enter in round %d, not played: %s", n+1, strings.Join(due, "; "))
}

func (r *run) run() {
	var acts []*act
	for _, ev := range r.s.Events {
		if ev.Kind == Request {
			continue
		}
		acts = append(acts, &act{kind: ev.Kind, by: ev.By, on: ev.On, at: ev.At, target: ev.Target, date: ev.Date,
			provoked: ev.Provoked, stateOfWar: ev.StateOfWar || ev.Kind == War, general: ev.General, round: 1, desc: r.e.describe(ev)})
	}
	var retaliation []*act
	var pending []Entry // entries due from the previous round
	for n := 1; (len(acts) > 0 || len(pending) > 0) && n <= r.lastRound(); n++ {
		rd := Round{N: n, Entered: pending}
		pending = nil
		var next []*act
		for _, a := range acts {
			a.round = n
			for _, sub := range r.classify(a) {
				if !r.lite {
					rd.Events = append(rd.Events, r.roundEvent(sub))
				}
				next = r.evaluate(sub, &pending, next)
				if n == 1 && (sub.kind == ArmedAttack || sub.kind == War) && !sub.counter {
					// The victim fights back: in round 2 it strikes its
					// attackers (self-defence, not a treaty obligation).
					for _, x := range sub.by {
						if !r.struck[[2]int{sub.on, x}] {
							retaliation = append(retaliation, r.strike(sub.on, x, sub.date, "retaliates against"))
						}
					}
				}
			}
		}
		if n == 1 {
			next = append(retaliation, next...)
		}
		if !r.lite {
			r.rounds = append(r.rounds, rd)
		}
		acts = next
	}
}

// attackedSide reports whether y attacked, other than by a counter-strike,
// a state now on side: then any strike of that side on y is the victims'
// retaliation, a counter-strike (the README's convention 4), even when y is
// on the side that was attacked first.
func (r *run) attackedSide(y, side int) bool {
	for _, v := range r.aggressed[y] {
		if r.side[v] == side {
			return true
		}
	}
	return false
}

func (r *run) strike(by, on int, d world.Date, verb string) *act {
	r.struck[[2]int{by, on}] = true
	return &act{kind: ArmedAttack, by: []int{by}, on: on, at: homeOf(r.e.w, on), target: "territory", date: d,
		stateOfWar: true, entry: true, desc: fmt.Sprintf("%s: %s %s %s", d, r.e.Abb(by), verb, r.e.Abb(on))}
}

func (r *run) roundEvent(a *act) RoundEvent {
	ev := RoundEvent{Kind: a.kind, By: r.e.abbs(a.by), Date: a.date, Origin: "scenario", Text: a.label()}
	if a.on != 0 {
		ev.On = r.e.Abb(a.on)
	}
	if a.kind == ArmedAttack || a.kind == War || a.kind == Threat || a.kind == Coercion {
		ev.At = a.at.Name
	}
	if a.entry {
		ev.Origin = "entry"
		if strings.Contains(a.desc, "retaliates") {
			ev.Origin = "retaliation"
		}
	}
	if a.kind == ArmedAttack || a.kind == War {
		switch {
		case a.counter:
			ev.Nature = "counter_strike"
		case a.fresh:
			ev.Nature = "fresh"
		default:
			ev.Nature = "attack"
		}
	}
	return ev
}

func (a *act) label() string {
	s := a.desc
	switch {
	case a.counter:
		s += " [counter-strike on the side that attacked first]"
	case a.fresh && (a.kind == ArmedAttack || a.kind == War):
		s += " [fresh attack: the victim was not at war]"
	}
	return s
}

func (r *run) join(st, side int, d world.Date, round int, how string) {
	if r.side[st] != 0 {
		return
	}
	r.side[st] = side
	r.since[st] = d
	r.round[st] = round
	r.how[st] = how
	r.order = append(r.order, st)
}

// classify splits an armed act by attacker and marks each part fresh,
// counter-strike or attack, updating the sides (1 began the war, 2 was
// attacked).
func (r *run) classify(a *act) []*act {
	if a.kind != ArmedAttack && a.kind != War {
		return []*act{a}
	}
	var out []*act
	sy0 := r.side[a.on] // the victim's side before this act
	fought0 := r.fought[a.on]
	for _, x := range a.by {
		sx, sy := r.side[x], r.side[a.on]
		if sy0 == 0 && sy != 0 {
			// A co-attacker of the same act: the victim was not at war
			// before it, so this is the same fresh attack.
			sub := *a
			sub.by = []int{x}
			sub.fresh = true
			if sx == 0 {
				r.join(x, 3-sy, a.date, a.round, "attacks "+r.e.Abb(a.on))
			}
			r.fought[x], r.fought[a.on] = true, true
			if !hasInt(r.aggressed[x], a.on) {
				r.aggressed[x] = append(r.aggressed[x], a.on)
			}
			if !hasInt(r.ctx.enemies[a.on], x) {
				r.ctx.enemies[a.on] = append(r.ctx.enemies[a.on], x)
				r.ctx.enemies[x] = append(r.ctx.enemies[x], a.on)
			}
			out = append(out, &sub)
			continue
		}
		sub := *a
		sub.by = []int{x}
		switch {
		case sx == 0 && sy == 0:
			sub.fresh = true
			r.join(x, 1, a.date, a.round, "begins the war")
			r.join(a.on, 2, a.date, a.round, "attacked by "+r.e.Abb(x))
		case sy == 0:
			sub.fresh = true
			r.join(a.on, 3-sx, a.date, a.round, "attacked by "+r.e.Abb(x))
		case !fought0:
			// The victim has only entered a side (US bases in Japan struck
			// while the US is bound but has not yet acted): not yet at
			// war, so a fresh attack whatever the switch says.
			sub.fresh = true
			if sx == 0 {
				r.join(x, 3-sy, a.date, a.round, "attacks "+r.e.Abb(a.on))
			}
		case sx == 0:
			sub.counter = sy == 1 || r.attackedSide(a.on, 3-sy)
			r.join(x, 3-sy, a.date, a.round, "strikes "+r.e.Abb(a.on))
		default:
			sub.counter = (sy == 1 && sx == 2) || (sx != sy && r.attackedSide(a.on, sx))
		}
		r.fought[x], r.fought[a.on] = true, true
		if !sub.counter && !hasInt(r.aggressed[x], a.on) {
			r.aggressed[x] = append(r.aggressed[x], a.on)
		}
		if !hasInt(r.ctx.enemies[a.on], x) {
			r.ctx.enemies[a.on] = append(r.ctx.enemies[a.on], x)
			r.ctx.enemies[x] = append(r.ctx.enemies[x], a.on)
		}
		if len(a.by) == 1 {
			*a = sub
			return []*act{a}
		}
		out = append(out, &sub)
	}
	// Keep attackers that share a classification together, so that an
	// article counting attackers sees them all.
	if len(out) > 1 {
		merged := []*act{out[0]}
		for _, s := range out[1:] {
			m := merged[len(merged)-1]
			if m.counter == s.counter && m.fresh == s.fresh {
				m.by = append(append([]int(nil), m.by...), s.by...)
			} else {
				merged = append(merged, s)
			}
		}
		out = merged
	}
	return out
}

// evaluate judges the act, records results, and brings in every obligor
// that honours a binding entry: it joins the protected party's side on the
// day the obligation falls due (so a later attack on it is an attack on a
// belligerent), and strikes the protected party's attackers next round.
func (r *run) evaluate(a *act, pending *[]Entry, next []*act) []*act {
	var results []Result
	if r.cache != nil {
		// Monte-Carlo: the same strike in the same war state gives the
		// same results in every run; only who honours them differs.
		k := r.actKey(a)
		var ok bool
		if results, ok = r.cache[k]; !ok {
			results = r.e.touched(a, &r.ctx, nil)
			r.cache[k] = results
		}
	} else {
		r.buf = r.e.touched(a, &r.ctx, r.buf[:0])
		results = r.buf
	}
	for i := range results {
		res := &results[i]
		if res.Status == Binding && breachVerb(res.Kind) != "" && hasInt(r.aggressed[res.obligor], res.beneficiary) {
			// The obligor attacked the protected party earlier in the
			// scenario: its duty toward it was breached then and does not
			// fall due now (results may be shared with the Monte-Carlo
			// cache: change a copy).
			b := *res
			b.Status, b.enters, b.neutral = Breached, false, false
			b.Reason = fmt.Sprintf("%s attacked %s earlier in the scenario, breaching its duty (bound %s it)", b.Obligor, b.Beneficiary, breachVerb(b.Kind))
			res = &b
		}
		if !r.lite {
			r.record(res)
		}
		switch {
		case res.enters:
			ben := res.beneficiary
			side := r.side[ben]
			if side == 0 {
				continue
			}
			via := res.Treaty + " " + res.Article
			if cur := r.side[res.obligor]; cur == side {
				continue
			} else if cur != 0 {
				if !r.lite {
					r.addConflict(Conflict{State: res.Obligor, Kind: "both_sides",
						Detail: fmt.Sprintf("%s is on side %d (%s) but bound to defend %s on side %d under %s", res.Obligor, cur, r.how[res.obligor], res.Beneficiary, side, via)})
				}
				continue
			}
			if !r.honours(res.obligor, ben) {
				continue
			}
			if r.cut(a) {
				// The rounds limit: the obligation is due, but the round
				// in which the obligor would enter is not played.
				if !r.lite {
					en := Entry{State: res.Obligor, Side: side, For: res.Beneficiary, Treaty: res.Treaty, Article: res.Article,
						Kind: res.Kind, Date: a.date, DueRound: a.round, Flags: res.Flags}
					if !hasEntry(r.pending, en) {
						r.pending = append(r.pending, en)
					}
					r.checkNonAggression(res, a)
				}
				continue
			}
			how := "enters for " + res.Beneficiary + " under " + via
			if hasFlag(res.Flags, FlagOutsideSystem) {
				if st, ok := r.e.w.State(res.obligor); ok && !st.MemberOn(a.date) {
					how += " (outside the COW state system on " + a.date.String() + ": no capabilities in the balance)"
				}
			}
			r.join(res.obligor, side, a.date, a.round+1, how)
			if !r.lite {
				*pending = append(*pending, Entry{State: res.Obligor, Side: side, For: res.Beneficiary, Treaty: res.Treaty, Article: res.Article,
					Kind: res.Kind, Date: a.date, DueRound: a.round, Flags: res.Flags})
				r.checkNonAggression(res, a)
			}
			for _, f := range res.adversaries {
				if f != 0 && !r.struck[[2]int{res.obligor, f}] {
					next = append(next, r.strike(res.obligor, f, a.date, "enters against"))
				}
			}
		case res.neutral && !r.lite:
			r.neutrals = appendNeutral(r.neutrals, Neutral{State: res.Obligor, Toward: res.Beneficiary, Treaty: res.Treaty, Article: res.Article})
		case res.Status == Contingent && (res.Kind == world.Defense || res.Kind == world.Offense) && entersWar(res.Response) && !r.lite:
			r.open = appendOpen(r.open, OpenEntry{State: res.Obligor, For: res.Beneficiary, Treaty: res.Treaty, Article: res.Article, Open: res.Open})
		}
	}
	return next
}

// subsumeNeutrality marks a binding neutrality pledge whose obligor is
// also bound to fight for the same partner (Greece toward Serbia in July
// 1914 under ATOP 1490, which codes both). In ATOP's sense neutrality
// toward a partner is a promise not to aid its adversaries: defending it
// fulfils that promise, so the two are not in conflict, and the reason
// says so instead of listing Greece as both defender and neutral.
func subsumeNeutrality(rs []Result) {
	for i := range rs {
		n := &rs[i]
		if n.Kind != world.Neutrality || n.Status != Binding {
			continue
		}
		for j := range rs {
			d := &rs[j]
			if d.Status == Binding && d.enters && d.obligor == n.obligor && d.beneficiary == n.beneficiary {
				n.Reason += fmt.Sprintf("; subsumed by the binding %s pledge (%s %s): neutrality toward %s means not aiding %s's adversaries, which defending %s fulfils, so the two do not conflict",
					d.Kind, d.Treaty, d.Article, n.Beneficiary, n.Beneficiary, n.Beneficiary)
				n.Flags = append(n.Flags, FlagSubsumed)
				break
			}
		}
	}
}

// hasConflict reports whether a conflict already names state's
// obligations toward foe (defend_vs_neutrality says more than
// fights_vs_neutrality).
func (r *run) hasConflict(state, foe string) bool {
	for _, c := range r.conflicts {
		if c.State == state && strings.Contains(c.Detail, " against "+foe+" ") {
			return true
		}
	}
	return false
}

func (r *run) addConflict(c Conflict) {
	for _, x := range r.conflicts {
		if x.Detail == c.Detail {
			return
		}
	}
	r.conflicts = append(r.conflicts, c)
}

func (r *run) honours(obl, ben int) bool {
	h := r.s.Assume.Honour
	if h >= 1 {
		return true
	}
	if h <= 0 {
		return false
	}
	k := [2]int{obl, ben}
	if v, ok := r.decided[k]; ok {
		return v
	}
	v := r.rng.Float64() < h
	r.decided[k] = v
	return v
}

type resKey struct {
	treaty, article string
	kind            world.Kind
	obl, ben        int
}

func (r *run) record(res *Result) {
	k := resKey{res.Treaty, res.Article, res.Kind, res.obligor, res.beneficiary}
	if i, ok := r.res[k]; ok {
		if prev := &r.list[i]; res.Status.rank() > prev.Status.rank() {
			// A later act raised the status: keep the steps, so that the
			// status as of any round can be read back (status_by_round).
			// One step per round: a raise within the round of the last
			// step replaces it.
			hist := prev.ByRound
			if hist == nil {
				hist = []RoundStatus{{Round: prev.Round, Date: prev.Date, Status: prev.Status, Reason: prev.Reason}}
			}
			step := RoundStatus{Round: res.Round, Date: res.Date, Status: res.Status, Reason: res.Reason}
			if last := &hist[len(hist)-1]; last.Round == res.Round {
				*last = step
			} else {
				hist = append(hist, step)
			}
			r.list[i] = *res
			if len(hist) > 1 {
				r.list[i].ByRound = hist
			}
		}
		return
	}
	r.res[k] = len(r.list)
	r.list = append(r.list, *res)
}

// checkNonAggression reports a state bound to defend a victim against an
// attacker toward which it has a pledge not to attack or to stay neutral,
// when that pledge binds too: each is judged against the strike the
// entrant will make on the attacker. That strike is a counter-strike when
// the attacker struck first, so a pledge conditional on the partner being
// attacked does not bind, and a promise not to attack the partner does not
// forbid collective self-defence (UN Charter Art. 51); an unconditional
// neutrality pledge does bind, and so do both kinds when the attack that
// triggered the defence was itself a counter-strike (entry_counts_as_attack).
func (r *run) checkNonAggression(res *Result, trig *act) {
	d := res.Date
	for _, foe := range res.adversaries {
		if foe == 0 {
			continue
		}
		hyp := &act{kind: ArmedAttack, by: []int{res.obligor}, on: foe, at: homeOf(r.e.w, foe), target: "territory",
			date: d, stateOfWar: true, entry: true, counter: !trig.counter, round: trig.round + 1,
			desc: fmt.Sprintf("%s: %s enters against %s", d, res.Obligor, r.e.Abb(foe))}
		for _, ti := range r.e.byMember[res.obligor] {
			if !hasInt(ti.members, foe) || !ti.t.InForceOn(d) {
				continue
			}
			for i := range ti.obls {
				oi := &ti.obls[i]
				o := oi.o
				if o.Kind != world.Nonaggression && o.Kind != world.Neutrality {
					continue
				}
				if (o.During.Start != 0 || o.During.End != 0) && !o.During.Contains(d) {
					continue
				}
				if oi.obligors != nil && !hasInt(oi.obligors, res.obligor) {
					continue
				}
				if oi.protects != nil && !hasInt(oi.protects, foe) {
					continue
				}
				ctx := r.ctx
				ctx.explain = false
				j, ok := r.e.judge(ti, oi, res.obligor, foe, hyp, &ctx)
				if !ok || (j.Status != Binding && j.Status != Breached) {
					continue
				}
				kind := "defend_vs_nonaggression"
				if o.Kind == world.Neutrality {
					kind = "defend_vs_neutrality"
				}
				// One conflict per state, protected party, foe and kind;
				// the instruments are its items.
				detail := fmt.Sprintf("%s is bound to defend %s against %s (%s %s) while under %s obligations toward %s",
					res.Obligor, res.Beneficiary, r.e.Abb(foe), res.Treaty, res.Article, o.Kind, r.e.Abb(foe))
				item := ti.t.ID + " " + o.Article
				found := false
				for i := range r.conflicts {
					if r.conflicts[i].Kind == kind && r.conflicts[i].Detail == detail {
						found = true
						if !contains(r.conflicts[i].Items, item) {
							r.conflicts[i].Items = append(r.conflicts[i].Items, item)
						}
					}
				}
				if !found {
					r.conflicts = append(r.conflicts, Conflict{State: res.Obligor, Kind: kind, Detail: detail, Items: []string{item}})
				}
			}
		}
	}
}

// hasEntry reports whether a state is already listed: like an entry into
// the war, a state is due once, under its first binding obligation.
func hasEntry(list []Entry, en Entry) bool {
	for _, x := range list {
		if x.State == en.State {
			return true
		}
	}
	return false
}

func appendNeutral(list []Neutral, n Neutral) []Neutral {
	for _, x := range list {
		if x == n {
			return list
		}
	}
	return append(list, n)
}

func appendOpen(list []OpenEntry, o OpenEntry) []OpenEntry {
	for _, x := range list {
		if x.State == o.State && x.For == o.For && x.Treaty == o.Treaty && x.Article == o.Article {
			return list
		}
	}
	return append(list, o)
}

// results orders the deduplicated results: binding, contingent,
// non-binding, not triggered; then by round, treaty, obligor.
func (r *run) results() []Result {
	// Sort indexes, not the (large) results themselves.
	idx := make([]int, len(r.list))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := &r.list[idx[i]], &r.list[idx[j]]
		if a.Status.order() != b.Status.order() {
			return a.Status.order() < b.Status.order()
		}
		if a.Round != b.Round {
			return a.Round < b.Round
		}
		if a.Treaty != b.Treaty {
			return a.Treaty < b.Treaty
		}
		if a.Article != b.Article {
			return a.Article < b.Article
		}
		if a.Obligor != b.Obligor {
			return a.Obligor < b.Obligor
		}
		return a.Beneficiary < b.Beneficiary
	})
	// Apply the permutation in place, cycle by cycle: no second copy of
	// the (large) results.
	out := r.list
	done := make([]bool, len(idx))
	for i := range idx {
		if done[i] || idx[i] == i {
			done[i] = true
			continue
		}
		tmp := out[i]
		j := i
		for {
			k := idx[j]
			done[j] = true
			if k == i {
				out[j] = tmp
				break
			}
			out[j] = out[k]
			j = k
		}
	}
	return out
}

func (r *run) sides() [2]Side {
	s := [2]Side{{Name: "side 1 (began the war)"}, {Name: "side 2 (attacked)"}}
	for _, st := range r.order {
		sd := r.side[st]
		s[sd-1].Members = append(s[sd-1].Members, SideEntry{State: r.e.Abb(st), Code: st, Since: r.since[st], Round: r.round[st], How: r.how[st]})
	}
	return s
}

// describe renders a scenario event as one line.
func (e *Engine) describe(ev Event) string {
	by := strings.Join(e.abbs(ev.By), ", ")
	switch ev.Kind {
	case ArmedAttack:
		verb := "attacks"
		if len(ev.By) > 1 {
			verb = "attack"
		}
		s := fmt.Sprintf("%s: %s %s %s at %s", ev.Date, by, verb, e.Abb(ev.On), ev.At.Name)
		if ev.Target != "" && ev.Target != "territory" {
			s += " (" + ev.Target + ")"
		}
		if !ev.StateOfWar {
			s += " (limited clash, no state of war)"
		}
		if ev.Provoked {
			s += " (provoked by " + e.Abb(ev.On) + ")"
		}
		return s
	case War:
		verb := "declares"
		if len(ev.By) > 1 {
			verb = "declare"
		}
		return fmt.Sprintf("%s: %s %s war on %s", ev.Date, by, verb, e.Abb(ev.On))
	case Threat:
		return fmt.Sprintf("%s: %s threatens %s", ev.Date, by, e.Abb(ev.On))
	case Coercion:
		return fmt.Sprintf("%s: %s coerces %s (below the armed-attack threshold)", ev.Date, by, e.Abb(ev.On))
	case Mobilization:
		kind := "partial"
		if ev.General {
			kind = "general"
		}
		return fmt.Sprintf("%s: %s %s mobilization", ev.Date, by, kind)
	case Request:
		t := ev.Treaty
		if t == "" {
			t = "its treaties"
		}
		return fmt.Sprintf("%s: %s requests assistance under %s", ev.Date, by, t)
	}
	return string(ev.Kind)
}

// actKey identifies an act and every input of its evaluation that varies
// between runs: the enemies of the parties (an article counting attackers
// reads them) and the states each attacked first.
func (r *run) actKey(a *act) string {
	b := make([]byte, 0, 64)
	b = append(b, a.kind...)
	b = append(b, '|')
	b = strconv.AppendInt(b, int64(a.on), 10)
	for _, x := range a.by {
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(x), 10)
	}
	b = append(b, '|')
	b = append(b, a.at.Name...)
	b = append(b, '|')
	b = append(b, a.target...)
	b = strconv.AppendInt(b, int64(a.date), 10)
	for _, f := range []bool{a.provoked, a.stateOfWar, a.general, a.counter, a.fresh, a.entry} {
		if f {
			b = append(b, '1')
		} else {
			b = append(b, '0')
		}
	}
	for _, p := range append([]int{a.on}, a.by...) {
		b = append(b, '|')
		for _, x := range r.ctx.enemies[p] {
			b = strconv.AppendInt(b, int64(x), 10)
			b = append(b, ',')
		}
		// Whom it attacked first decides the neutrality owed to it.
		b = append(b, '/')
		for _, x := range r.aggressed[p] {
			b = strconv.AppendInt(b, int64(x), 10)
			b = append(b, ',')
		}
	}
	return string(b)
}
