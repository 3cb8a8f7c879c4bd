package reliability

import (
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strings"

	"github.com/casus-dev/casus/obligation"
	"github.com/casus-dev/casus/world"
)

// Attacked says which war participants count as attacked.
type Attacked string

const (
	AttackedInitiator Attacked = "initiator" // the initiators' targets on the war's first day
	AttackedDefenders Attacked = "defenders" // and later entrants on the targets' side
	AttackedAll       Attacked = "all"       // and later entrants on either side
	AttackedDyadic    Attacked = "dyadic"    // every target of a dyadic war (Maoz et al.), by its initiators
)

// AttackedValues lists the values of Attacked in order of breadth.
var AttackedValues = []Attacked{AttackedInitiator, AttackedDefenders, AttackedAll, AttackedDyadic}

// Options are the coding choices. The zero value is not valid: start from
// Defaults.
type Options struct {
	From, To          int      // years of the case date, inclusive
	Attacked          Attacked // which participants count as attacked
	OpenConditionsMet bool     // ATOP's unnamed location/adversary conditions count as met
	WindowDays        int      // 0: joining any time in the war honours; N: within N days
	CountAlreadyAtWar bool     // score obligors already fighting on the beneficiary's side
	// Kinds are the obligation kinds scored (default: defense, offense,
	// neutrality, nonaggression); cases of other kinds are listed and
	// left out.
	Kinds   []world.Kind
	Explain bool // keep the engine's chain of facts in each case
}

// ScoredKinds are the kinds a reliability test can score.
var ScoredKinds = []world.Kind{world.Defense, world.Offense, world.Neutrality, world.Nonaggression}

func (o Options) scores(k world.Kind) bool {
	for _, x := range o.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// First and Last are the years the COW inter-state war data v4.0 cover.
const (
	First = 1816
	Last  = 2007
)

// Defaults are the coding choices of `casus reliability` without flags.
func Defaults() Options {
	return Options{From: First, To: Last, Attacked: AttackedInitiator, Kinds: append([]world.Kind(nil), ScoredKinds...)}
}

// Check reports a bad option (the CLI exits 2).
func (o Options) Check() error {
	switch {
	case o.From > o.To:
		return fmt.Errorf("years %d-%d: want A ≤ B", o.From, o.To)
	case o.To < First || o.From > Last:
		return fmt.Errorf("years %d-%d: the COW inter-state war data v4.0 cover %d–%d", o.From, o.To, First, Last)
	case o.WindowDays < 0:
		return fmt.Errorf("window: want 0 (the whole war) or a number of days, got %d", o.WindowDays)
	case len(o.Kinds) == 0:
		return fmt.Errorf("kinds: want at least one of defense, offense, neutrality, nonaggression")
	}
	for _, k := range o.Kinds {
		ok := false
		for _, x := range ScoredKinds {
			ok = ok || x == k
		}
		if !ok {
			return fmt.Errorf("kinds: want defense, offense, neutrality or nonaggression, got %q", k)
		}
	}
	for _, a := range AttackedValues {
		if o.Attacked == a {
			return nil
		}
	}
	return fmt.Errorf("attacked: want initiator, defenders, all or dyadic, got %q", o.Attacked)
}

// Choices names every coding choice in force, one line each, for the
// output.
func (o Options) Choices() []Choice {
	att := map[Attacked]string{
		AttackedInitiator: "the initiators' targets on the war's first day only",
		AttackedDefenders: "the initiators' targets, and every later entrant on their side, attacked by the other side fighting that day",
		AttackedAll:       "every participant on its first day of fighting, attacked by the other side fighting that day",
		AttackedDyadic:    "every target of a dyadic war (COW directed dyadic war data), attacked by that dyad's initiators on its first day; an obligor that began a dyadic war on its beneficiary attacked it",
	}
	win := "joining at any time before the war ended honours"
	if o.WindowDays > 0 {
		win = fmt.Sprintf("joining within %d days of the attack honours; later is joined_late", o.WindowDays)
	}
	open := "no: such cases stay contingent, counted apart"
	if o.OpenConditionsMet {
		open = "yes: ATOP location and adversary conditions without a named place or state count as met"
	}
	already := "no: obligors fighting on the beneficiary's side before the attack are left out"
	if o.CountAlreadyAtWar {
		already = "yes: obligors fighting on the beneficiary's side before the attack count as honouring"
	}
	var ks []string
	for _, k := range o.Kinds {
		ks = append(ks, string(k))
	}
	kinds := "scored: " + strings.Join(ks, ", ")
	if len(o.Kinds) == len(ScoredKinds) {
		kinds += " (stayed out honours neutrality and non-aggression)"
	}
	years := fmt.Sprintf("%d–%d", o.From, o.To)
	if o.To < 1945 {
		years += " (wars after 1944 excluded)"
	} else if o.From <= 1944 {
		years += " (wars after 1944 included)"
	}
	return []Choice{
		{"years", fmt.Sprintf("%d-%d", o.From, o.To), "cases dated " + years},
		{"attacked", string(o.Attacked), att[o.Attacked]},
		{"open_met", fmt.Sprint(o.OpenConditionsMet), open},
		{"window", windowValue(o.WindowDays), win},
		{"already_at_war", fmt.Sprint(o.CountAlreadyAtWar), already},
		{"kinds", strings.Join(ks, ","), kinds},
	}
}

func windowValue(days int) string {
	if days == 0 {
		return "war"
	}
	return fmt.Sprint(days)
}

// Choice is one coding choice: the flag's name, its value, and what it
// means.
type Choice struct {
	Name    string `json:"name"`
	Value   string `json:"value"`
	Meaning string `json:"meaning"`
}

// Outcome is what the obligor did in the war.
type Outcome string

const (
	Joined       Outcome = "joined"         // fought on the beneficiary's side within the window
	JoinedLate   Outcome = "joined_late"    // on the beneficiary's side, after the window
	StayedOut    Outcome = "stayed_out"     // not in the war (after the case date)
	OtherSide    Outcome = "other_side"     // fought on the other side
	AttackedBen  Outcome = "attacked"       // one of the beneficiary's attackers
	AlreadyAtWar Outcome = "already_at_war" // on the beneficiary's side before the attack
)

// Tier says how a case counts.
type Tier string

const (
	TierBinding    Tier = "binding"    // the headline share
	TierContingent Tier = "contingent" // counted apart
	TierNotScored  Tier = "not_scored" // consultation, or left out (Excluded says why)
)

// Case is one invoked obligation and what its obligor did.
type Case struct {
	War     int        `json:"war"`
	WarName string     `json:"war_name"`
	Date    world.Date `json:"date"`
	// Attacked is the participant whose attack invoked the obligation, by
	// Attackers; the beneficiary is Attacked, or an attacker for offence
	// and neutrality owed to it.
	Attacked    string     `json:"attacked"`
	Attackers   []string   `json:"attackers"`
	Obligor     string     `json:"obligor"`
	ObligorName string     `json:"obligor_name"`
	Beneficiary string     `json:"beneficiary"`
	BenName     string     `json:"beneficiary_name"`
	Treaty      string     `json:"treaty"`
	TreatyTitle string     `json:"treaty_title"`
	Source      string     `json:"source"` // registry | atop
	Article     string     `json:"article"`
	Kind        world.Kind `json:"kind"`
	Members     int        `json:"members"` // parties in force on the case date
	// Status is the engine's (binding, contingent, breached, non_binding);
	// non-aggression lines the package lists itself say binding.
	Status   string   `json:"status"`
	Reason   string   `json:"reason"`
	Assumed  []string `json:"assumed,omitempty"` // conditions counted as met by OpenConditionsMet
	Tier     Tier     `json:"tier"`
	Outcome  Outcome  `json:"outcome"`
	Honoured *bool    `json:"honoured"` // nil when not scored
	Excluded string   `json:"excluded,omitempty"`
	What     string   `json:"what"` // what happened, one line
	Rows     []string `json:"source_rows"`
	Explain  []string `json:"explain,omitempty"`

	obligor, ben int
	period       string
}

// Multilateral reports whether more than two parties were in force.
func (c *Case) Multilateral() bool { return c.Members > 2 }

// Scored reports whether the case counts in a tally.
func (c *Case) Scored() bool { return c.Honoured != nil }

// Count is one tally.
type Count struct {
	Invoked  int     `json:"invoked"`
	Honoured int     `json:"honoured"`
	Share    float64 `json:"share"` // NaN (JSON null) with nothing invoked
}

// MarshalJSON writes a missing share as null.
func (c Count) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Invoked  int      `json:"invoked"`
		Honoured int      `json:"honoured"`
		Share    *float64 `json:"share"`
	}{c.Invoked, c.Honoured, sharePtr(c.Share)})
}

func sharePtr(v float64) *float64 {
	if math.IsNaN(v) {
		return nil
	}
	v = math.Round(v*10000) / 10000
	return &v
}

func (c *Count) add(h bool) {
	c.Invoked++
	if h {
		c.Honoured++
	}
}

func (c *Count) finish() {
	c.Share = math.NaN()
	if c.Invoked > 0 {
		c.Share = float64(c.Honoured) / float64(c.Invoked)
	}
}

// Percent formats the share as "84.8 %" ("–" when missing).
func (c Count) Percent() string {
	if math.IsNaN(c.Share) || c.Invoked == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f %%", 100*c.Share)
}

// Group is a breakdown row: a key (period, kind, scope, war) and its
// binding and contingent tallies.
type Group struct {
	Key        string `json:"key"`
	Label      string `json:"label,omitempty"`
	Binding    Count  `json:"binding"`
	Contingent Count  `json:"contingent"`
}

// Report is the answer of Run. Its JSON form is the contract of
// `casus reliability --format json`: the headline binding tally's
// invoked, honoured and share at the top level, then the rest.
type Report struct {
	Binding    Count    `json:"-"`
	Choices    []Choice `json:"coding"`
	Contingent Count    `json:"contingent"`
	// Consultation counts invoked consultation obligations (not scored).
	Consultation int `json:"consultation"`
	// Excluded counts invoked obligations left out, by reason.
	Excluded map[string]int `json:"excluded"`
	// Scenarios is the number of attacks evaluated; NotTriggered the
	// obligations they touched that the engine judged not triggered.
	Scenarios    int         `json:"scenarios"`
	NotTriggered int         `json:"not_triggered"`
	Published    []Published `json:"published"`
	ByPeriod     []Group     `json:"by_period"`
	ByKind       []Group     `json:"by_kind"`
	ByScope      []Group     `json:"by_scope"`
	ByWar        []Group     `json:"by_war"`
	Data         []string    `json:"data"`
	Cases        []Case      `json:"cases"`

	periods [][2]int // the years asked for
}

// MarshalJSON puts the headline counts first.
func (r *Report) MarshalJSON() ([]byte, error) {
	type plain Report
	head, err := json.Marshal(r.Binding)
	if err != nil {
		return nil, err
	}
	rest, err := json.Marshal((*plain)(r))
	if err != nil {
		return nil, err
	}
	// {"invoked":..,"honoured":..,"share":..} + {"coding":...}
	out := append(head[:len(head)-1:len(head)-1], ',')
	return append(out, rest[1:]...), nil
}

// Published is a published figure the output sets beside casus's.
type Published struct {
	Source  string  `json:"source"`
	Years   string  `json:"years"`
	Share   float64 `json:"share"`
	Measure string  `json:"measure"`
}

// PublishedShares are the literature's honoured shares (FIXTURES.md;
// denominators were not retrievable from the abstracts).
var PublishedShares = []Published{
	{"Leeds, Long & Mitchell 2000, JCR 44(5)", "1816-1944", 0.745, "commitments honoured when the specific obligation was invoked (ATOP)"},
	{"Leeds 2003, IO 57(4)", "1816-1944", 0.75, "about 75 percent, the same concept"},
	{"Berkemeier & Fuhrmann 2018, Research & Politics", "1816-1944", 0.66, "fulfilment of commitments in war, updated data"},
	{"Berkemeier & Fuhrmann 2018, Research & Politics", "1945-2003", 0.22, "fulfilment of commitments in war, updated data"},
	{"Berkemeier & Fuhrmann 2018, Research & Politics", "1816-2003", 0.50, "fulfilment of commitments in war, updated data"},
	{"Chiba and co-authors", "1816-2007", 0.67, "about two-thirds of alliances invoked by war fulfilled over two centuries (years approximate), lower after 1945"},
}

// PublishedFor lists the published figures whose years overlap from–to.
func PublishedFor(from, to int) []Published {
	var out []Published
	for _, p := range PublishedShares {
		var a, b int
		fmt.Sscanf(p.Years, "%d-%d", &a, &b)
		if a <= to && b >= from {
			out = append(out, p)
		}
	}
	return out
}

// Periods are the breakdown's periods (by the case date).
var Periods = [][3]any{{"1816-1944", 1816, 1944}, {"1945-2007", 1945, 2007}}

func periodOf(y int) string {
	for _, p := range Periods {
		if y >= p[1].(int) && y <= p[2].(int) {
			return p[0].(string)
		}
	}
	return ""
}

// Attack is one attacked participant: the scenario built for it.
type Attack struct {
	War    *world.War
	Victim *world.WarParticipant
	By     []int // the attackers' COW codes
	Date   world.Date
	// Basis says what the attack rests on: the war file's initiator
	// column, a later entry, or a dyadic war's index.
	Basis string
}

// Run evaluates every attack of the wars in w with engine e (built on w)
// under the coding choices o.
func Run(w *world.World, e *obligation.Engine, o Options) (*Report, error) {
	if err := o.Check(); err != nil {
		return nil, err
	}
	if len(w.Wars) == 0 {
		return nil, fmt.Errorf("no wars loaded: the reliability test needs the COW inter-state war data")
	}
	if o.Attacked == AttackedDyadic {
		n := 0
		for i := range w.Wars {
			n += len(w.Wars[i].Dyads)
		}
		if n == 0 {
			return nil, fmt.Errorf("--attacked dyadic needs the COW directed dyadic war data (cow_war/directed_dyadic_war.csv), which are not loaded")
		}
	}
	var assumed map[oblKey][]string
	if o.OpenConditionsMet {
		w, assumed = openMet(w)
		e = obligation.New(w)
	}
	rep := &Report{Choices: o.Choices(), Excluded: map[string]int{}, Cases: []Case{}, Published: PublishedFor(o.From, o.To)}
	for _, ds := range w.Datasets {
		if strings.Contains(ds.Name, "Inter-State War") {
			rep.Data = append(rep.Data, fmt.Sprintf("%s %s (%s)", ds.Name, ds.Version, filepath.Base(ds.File)))
		}
	}
	nATOP, nReg := 0, 0
	for _, t := range w.Treaties {
		switch t.Source {
		case world.FromATOP:
			nATOP++
		case world.FromRegistry:
			nReg++
		}
	}
	rep.Data = append(rep.Data, fmt.Sprintf("ATOP 5.1 member file (atop5_1m.csv, %d alliances)", nATOP),
		fmt.Sprintf("casus treaty registry (%d treaties; they supersede their ATOP records)", nReg))
	rep.periods = [][2]int{{o.From, o.To}}
	seen := map[string]bool{}
	for wi := range w.Wars {
		war := &w.Wars[wi]
		for _, at := range Attacks(war, o.Attacked) {
			if y := at.Date.Year(); y < o.From || y > o.To {
				continue
			}
			rep.Scenarios++
			cases, _ := evaluate(w, e, at, o, assumed, &rep.NotTriggered)
			for _, c := range cases {
				k := fmt.Sprint(war.Num, c.Treaty, c.Article, c.Kind, c.obligor, c.ben)
				if seen[k] {
					continue
				}
				seen[k] = true
				rep.Cases = append(rep.Cases, c)
			}
		}
	}
	rep.tally()
	return rep, nil
}

// Attacks lists the attacked participants of a war under the rule a, in
// date order.
func Attacks(war *world.War, a Attacked) []Attack {
	if a == AttackedDyadic && len(war.Dyads) > 0 {
		return dyadicAttacks(war)
	}
	start := world.Date(0)
	initSide := 0
	for i := range war.Participants {
		p := &war.Participants[i]
		if d := startOf(p); d != 0 && (start == 0 || d < start) {
			start = d
		}
		if p.Initiator {
			initSide = p.Side
		}
	}
	if initSide == 0 || start == 0 {
		return nil
	}
	var inits []*world.WarParticipant
	for i := range war.Participants {
		if p := &war.Participants[i]; p.Initiator {
			inits = append(inits, p)
		}
	}
	var out []Attack
	for i := range war.Participants {
		p := &war.Participants[i]
		d := startOf(p)
		if p.Initiator || d == 0 {
			continue
		}
		switch {
		case p.Side != initSide && d == start:
			out = append(out, Attack{War: war, Victim: p, By: codes(inits), Date: d, Basis: "the war's initiator"})
		case a == AttackedInitiator || d == start:
			// d == start on the initiators' side: a co-belligerent of the
			// initiators from the first day, not attacked.
		case a == AttackedDefenders && p.Side == initSide:
		default:
			// A later entrant, attacked by the other side's participants
			// fighting on its first day.
			var by []*world.WarParticipant
			for j := range war.Participants {
				q := &war.Participants[j]
				if q.Side != p.Side && q.Code != p.Code && fighting(q, d) {
					by = append(by, q)
				}
			}
			if len(by) > 0 {
				out = append(out, Attack{War: war, Victim: p, By: codes(by), Date: d, Basis: "a later entry: the other side fighting that day"})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// dyadicAttacks lists the targets of the war's dyadic wars, each attacked
// on the dyad's first day by every state that began a dyadic war on it
// that day. A target without a row in the participant list fighting then
// (or starting later) is left out: its conduct cannot be read.
func dyadicAttacks(war *world.War) []Attack {
	type key struct {
		b     int
		start world.Date
	}
	var keys []key
	by := map[key][]int{}
	idx := map[key][]string{}
	for _, d := range war.Dyads {
		if !d.Initiator {
			continue
		}
		k := key{d.B, d.Start}
		if _, ok := by[k]; !ok {
			keys = append(keys, k)
		}
		if !hasInt(by[k], d.A) {
			by[k] = append(by[k], d.A)
			idx[k] = append(idx[k], d.DyIndex)
		}
	}
	var out []Attack
	for _, k := range keys {
		v := participantOn(war, k.b, k.start)
		if v == nil {
			continue
		}
		out = append(out, Attack{War: war, Victim: v, By: by[k], Date: k.start, Basis: "dyadic war " + strings.Join(idx[k], ", ")})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

func codes(ps []*world.WarParticipant) []int {
	var out []int
	for _, p := range ps {
		if !hasInt(out, p.Code) {
			out = append(out, p.Code)
		}
	}
	return out
}

func startOf(p *world.WarParticipant) world.Date {
	if len(p.Spells) == 0 {
		return 0
	}
	return p.Spells[0].Start
}

// endOf is the participant's last day of fighting (0 = ongoing).
func endOf(p *world.WarParticipant) world.Date {
	if len(p.Spells) == 0 {
		return 0
	}
	return p.Spells[len(p.Spells)-1].End
}

// fighting reports whether p's participation covers d (from its first
// start to its last end: a pause between spells is still the same war).
func fighting(p *world.WarParticipant, d world.Date) bool {
	s := startOf(p)
	e := endOf(p)
	return s != 0 && s <= d && (e == 0 || d <= e)
}
