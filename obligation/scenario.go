package obligation

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/casus-dev/casus/world"
)

// EventKind names a scenario event.
type EventKind string

const (
	ArmedAttack  EventKind = "armed_attack" // an armed attack by one or more states on another
	Threat       EventKind = "threat"       // a threat of armed attack
	War          EventKind = "war"          // a declaration of war; counts as attacking
	Mobilization EventKind = "mobilization" // a (general or partial) mobilization
	Request      EventKind = "request"      // a request for assistance under a treaty
	Coercion     EventKind = "coercion"     // pressure below the armed-attack threshold
)

// Targets an armed attack may hit: the territory, or the forces, public
// vessels or aircraft of the victim (NATO Art. 6, ANZUS Art. V).
var Targets = []string{"territory", "forces", "vessels", "aircraft"}

// Location is where an event happens: a state's home territory, a place of
// the places table, or a region (a sea area such as the Mediterranean).
type Location struct {
	Name   string       `json:"name"`
	State  int          `json:"-"` // home territory of this state, when neither Place nor Region
	Place  *world.Place `json:"-"`
	Region string       `json:"-"`
}

// Event is one scenario event, resolved against the world.
type Event struct {
	Kind   EventKind
	By     []int // attackers, declarers, mobilizing or requesting state
	On     int   // victim or target; 0 for mobilization and request
	At     Location
	Target string
	Date   world.Date
	// Provoked is the scenario's judgment that the protected party provoked
	// the attack (the engine never infers it).
	Provoked bool
	// StateOfWar is false for a limited clash that does not put the victim
	// in a state of war (armed_attack state_of_war: false).
	StateOfWar bool
	General    bool   // mobilization: general (true) or partial
	Treaty     string // request: the treaty id, "" = any
	Line       int
}

// Assumptions are the scenario's explicit switches.
type Assumptions struct {
	// EntryCountsAsAttack: a strike on the side that began a war (the
	// victim's retaliation, an ally's entry) is an armed attack that
	// triggers that side's treaties.
	EntryCountsAsAttack bool `json:"entry_counts_as_attack"`
	// Honour is the probability that an obligor honours a binding
	// obligation: 1 ("all"), 0 ("none") or p for Monte-Carlo runs.
	Honour float64 `json:"honour"`
	Runs   int     `json:"runs"`
	Seed   int64   `json:"seed"`
	// NMC names the capability release for the balance ("" = newest).
	NMC string `json:"nmc,omitempty"`
}

// Scenario is a parsed, resolved scenario.
type Scenario struct {
	File   string
	Title  string
	Date   world.Date
	Events []Event
	Assume Assumptions
	// Rounds stops the cascade after that many rounds (1: only the
	// scenario's own events are judged, no state enters); 0 runs it until
	// no one enters. Obligations keep their best status over the rounds
	// played, so Rounds: 1 gives each its status against the events alone.
	Rounds int
}

// MaxRounds is the most rounds a cascade runs (and the largest rounds
// limit a scenario may ask for); entries are monotone, so a real system
// settles long before.
const MaxRounds = 64

// Error is a problem in a scenario: bad input (exit code 2).
type Error struct {
	File  string
	Line  int
	Field string
	Msg   string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Field != "" {
		fmt.Fprintf(&b, "field %q: ", e.Field)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// BadInput marks the error as the user's (exit code 2).
func (e *Error) BadInput() bool { return true }

// FirstYear is the first year casus's data cover (ATOP and COW begin in
// 1815/1816): an event before it has no treaties or states to evaluate.
const FirstYear = 1815

const maxScenarioSize = 1 << 20

// Parse reads a scenario in YAML (or JSON, which YAML includes) and resolves
// states, places and dates against w. Every problem is one *Error naming
// the file, line and field.
func Parse(w *world.World, name string, data []byte) (*Scenario, error) {
	p := &parser{w: w, file: name}
	s, err := p.parse(data)
	if err != nil {
		return nil, err
	}
	if err := s.CheckMembers(w); err != nil {
		return nil, err
	}
	return s, nil
}

// CheckMembers reports the first event whose acting or attacked state is
// not a member of the COW state system on the event's date (the ROK in
// 1940, Germany in 1946): it has no treaties and no capabilities then, and
// an answer about it would be silently empty. Call it again after Redate.
func (s *Scenario) CheckMembers(w *world.World) error {
	for _, ev := range s.Events {
		byField := string(ev.Kind) + ".by"
		if ev.Kind == War {
			byField = string(ev.Kind) + ".declared_by"
		}
		check := func(code int, field string) error {
			st, ok := w.State(code)
			if !ok || st.MemberOn(ev.Date) {
				return nil
			}
			return &Error{File: s.File, Line: ev.Line, Field: field,
				Msg: fmt.Sprintf("want a state that is a member of the state system on %s, got %s (%s: %s)", ev.Date, st.Abb, st.Name, spellsText(st))}
		}
		for _, b := range ev.By {
			if err := check(b, byField); err != nil {
				return err
			}
		}
		if ev.On != 0 {
			if err := check(ev.On, string(ev.Kind)+".on"); err != nil {
				return err
			}
		}
	}
	return nil
}

type parser struct {
	w    *world.World
	file string
}

func (p *parser) errf(n *yaml.Node, field, format string, args ...any) *Error {
	line := 0
	if n != nil {
		line = n.Line
	}
	return &Error{File: p.file, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) parse(data []byte) (s *Scenario, err error) {
	if len(data) > maxScenarioSize {
		return nil, p.errf(nil, "", "file is %d bytes: want at most %d", len(data), maxScenarioSize)
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 0
		if i := strings.Index(msg, "line "); i >= 0 {
			fmt.Sscanf(msg[i:], "line %d", &line)
		}
		if errors.Is(err, io.EOF) {
			msg = "empty file: want a scenario with date and events"
		}
		return nil, &Error{File: p.file, Line: line, Msg: "not valid YAML or JSON: " + msg}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return nil, p.errf(root, "", "want a mapping with date, events and assume, got %s", nodeKind(root))
	}
	s = &Scenario{File: p.file, Assume: Assumptions{Honour: 1, Runs: 1}}
	var eventsNode *yaml.Node
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if seen[k.Value] {
			return nil, p.errf(k, k.Value, "given twice")
		}
		seen[k.Value] = true
		switch k.Value {
		case "date":
			if s.Date, err = p.date(v, "date"); err != nil {
				return nil, err
			}
		case "title", "description", "notes", "name":
			if v.Kind != yaml.ScalarNode {
				return nil, p.errf(v, k.Value, "want text, got %s", nodeKind(v))
			}
			if k.Value == "title" || k.Value == "name" {
				s.Title = v.Value
			}
		case "events":
			eventsNode = v
		case "assume":
			if err := p.assume(v, &s.Assume); err != nil {
				return nil, err
			}
		case "rounds":
			r, e := strconv.Atoi(v.Value)
			if e != nil || v.Kind != yaml.ScalarNode || r < 1 || r > MaxRounds {
				return nil, p.errf(v, "rounds", "want a whole number of cascade rounds from 1 to %d (1: only the scenario's events), got %s", MaxRounds, nodeKind(v))
			}
			s.Rounds = r
		default:
			return nil, p.errf(k, k.Value, "unknown field: want date, events, assume, rounds or title")
		}
	}
	if eventsNode == nil {
		return nil, p.errf(root, "events", "missing: want a list of events")
	}
	if eventsNode.Kind != yaml.SequenceNode || len(eventsNode.Content) == 0 {
		return nil, p.errf(eventsNode, "events", "want a non-empty list of events, got %s", nodeKind(eventsNode))
	}
	for _, en := range eventsNode.Content {
		ev, err := p.event(en, s.Date)
		if err != nil {
			return nil, err
		}
		s.Events = append(s.Events, ev)
	}
	if s.Date == 0 {
		s.Date = s.Events[0].Date
		for _, e := range s.Events {
			if e.Date < s.Date {
				s.Date = e.Date
			}
		}
	}
	sort.SliceStable(s.Events, func(i, j int) bool { return s.Events[i].Date < s.Events[j].Date })
	return s, nil
}

func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Value == "" {
			return "nothing"
		}
		return strconv.Quote(n.Value)
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}

func (p *parser) date(n *yaml.Node, field string) (world.Date, error) {
	if n.Kind != yaml.ScalarNode {
		return 0, p.errf(n, field, "want a date YYYY-MM-DD, got %s", nodeKind(n))
	}
	d, err := world.ParseDate(n.Value)
	if err != nil || !d.Valid() {
		return 0, p.errf(n, field, "want a date YYYY-MM-DD, got %q", n.Value)
	}
	if d.Year() < FirstYear {
		return 0, p.errf(n, field, "want a date in %d or later (ATOP and COW begin then), got %s", FirstYear, d)
	}
	return d, nil
}

func (p *parser) bool(n *yaml.Node, field string) (bool, error) {
	if n.Kind == yaml.ScalarNode {
		switch strings.ToLower(n.Value) {
		case "true", "yes":
			return true, nil
		case "false", "no":
			return false, nil
		}
	}
	return false, p.errf(n, field, "want true or false, got %s", nodeKind(n))
}

func (p *parser) state(n *yaml.Node, field string) (int, error) {
	if n.Kind != yaml.ScalarNode || n.Value == "" {
		return 0, p.errf(n, field, "want a state (COW abbreviation, code, ISO3 or name), got %s", nodeKind(n))
	}
	st, err := p.w.Resolve(n.Value)
	if err != nil {
		return 0, p.errf(n, field, "%v", err)
	}
	return st.Code, nil
}

func (p *parser) states(n *yaml.Node, field string) ([]int, error) {
	var nodes []*yaml.Node
	switch n.Kind {
	case yaml.ScalarNode:
		nodes = []*yaml.Node{n}
	case yaml.SequenceNode:
		nodes = n.Content
	default:
		return nil, p.errf(n, field, "want a state or a list of states, got %s", nodeKind(n))
	}
	if len(nodes) == 0 {
		return nil, p.errf(n, field, "want at least one state, got an empty list")
	}
	var out []int
	for _, sn := range nodes {
		c, err := p.state(sn, field)
		if err != nil {
			return nil, err
		}
		for _, o := range out {
			if o == c {
				return nil, p.errf(sn, field, "state %q listed twice", sn.Value)
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// ResolveLocation finds where an event happens: a place of the places table
// first (Guam is not the USA's home territory), then a region id, then a
// state's home territory.
func ResolveLocation(w *world.World, name string) (Location, error) {
	if pl, ok := world.Places().Place(name); ok {
		return Location{Name: pl.Name, Place: pl}, nil
	}
	if id := strings.ToLower(strings.TrimSpace(name)); world.Places().HasRegion(id) {
		return Location{Name: id, Region: id}, nil
	}
	st, err := w.Resolve(name)
	if err != nil {
		var u *world.UnknownStateError
		if errors.As(err, &u) {
			near := world.Places().NearestPlaces(name, 3)
			for _, s := range u.Suggestions {
				near = append(near, s.Label())
			}
			if len(near) > 0 {
				return Location{}, fmt.Errorf("unknown place %q: did you mean %s? (casus places lists the places and regions)", name, strings.Join(near, ", or "))
			}
			return Location{}, fmt.Errorf("unknown place %q: want a state, a place (Guam, Okinawa, Crimea, ...) or a region (%s); casus places lists them", name, strings.Join(world.Places().RegionIDs(), ", "))
		}
		return Location{}, err
	}
	return Location{Name: st.Abb, State: st.Code}, nil
}

var eventFields = map[EventKind][]string{
	ArmedAttack:  {"by", "on", "at", "target", "date", "provoked_by_protected_party", "state_of_war", "note"},
	Threat:       {"by", "on", "date", "note"},
	War:          {"declared_by", "on", "date", "provoked_by_protected_party", "note"},
	Mobilization: {"by", "general", "date", "note"},
	Request:      {"by", "treaty", "date", "note"},
	Coercion:     {"by", "on", "at", "date", "note"},
}

func (p *parser) event(n *yaml.Node, def world.Date) (Event, error) {
	if n.Kind != yaml.MappingNode || len(n.Content) != 2 {
		return Event{}, p.errf(n, "events", "want one event per list entry, e.g. {armed_attack: {by: [PRK], on: ROK}}, got %s", nodeKind(n))
	}
	k, v := n.Content[0], n.Content[1]
	kind := EventKind(k.Value)
	allowed, ok := eventFields[kind]
	if !ok {
		return Event{}, p.errf(k, k.Value, "unknown event: want armed_attack, threat, war, mobilization, request or coercion")
	}
	if v.Kind != yaml.MappingNode {
		return Event{}, p.errf(v, k.Value, "want a mapping of the event's fields (%s), got %s", strings.Join(allowed, ", "), nodeKind(v))
	}
	ev := Event{Kind: kind, Date: def, Line: k.Line, StateOfWar: true, Target: "territory"}
	var onNode *yaml.Node
	seen := map[string]bool{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		fk, fv := v.Content[i], v.Content[i+1]
		field := string(kind) + "." + fk.Value
		known := false
		for _, a := range allowed {
			known = known || a == fk.Value
		}
		if !known {
			return ev, p.errf(fk, field, "unknown field: want one of %s", strings.Join(allowed, ", "))
		}
		if seen[fk.Value] {
			return ev, p.errf(fk, field, "given twice")
		}
		seen[fk.Value] = true
		var err error
		switch fk.Value {
		case "by", "declared_by":
			ev.By, err = p.states(fv, field)
			if err == nil && len(ev.By) > 1 && (kind == Mobilization || kind == Request) {
				err = p.errf(fv, field, "want one state, got %d", len(ev.By))
			}
		case "on":
			onNode = fv
			ev.On, err = p.state(fv, field)
		case "at":
			if fv.Kind != yaml.ScalarNode || fv.Value == "" {
				err = p.errf(fv, field, "want a state, place or region, got %s", nodeKind(fv))
				break
			}
			var lerr error
			ev.At, lerr = ResolveLocation(p.w, fv.Value)
			if lerr != nil {
				err = p.errf(fv, field, "%v", lerr)
			}
		case "target":
			if fv.Kind != yaml.ScalarNode || !contains(Targets, fv.Value) {
				err = p.errf(fv, field, "want one of %s, got %s", strings.Join(Targets, ", "), nodeKind(fv))
			}
			ev.Target = fv.Value
		case "date":
			ev.Date, err = p.date(fv, field)
		case "provoked_by_protected_party":
			ev.Provoked, err = p.bool(fv, field)
		case "state_of_war":
			ev.StateOfWar, err = p.bool(fv, field)
		case "general":
			ev.General, err = p.bool(fv, field)
		case "treaty":
			if fv.Kind != yaml.ScalarNode || fv.Value == "" {
				err = p.errf(fv, field, "want a treaty id, got %s", nodeKind(fv))
				break
			}
			ev.Treaty = fv.Value
			if t, ok := p.w.Treaty(fv.Value); ok {
				ev.Treaty = t.ID // ids are case-insensitive; the engine compares the canonical one
			} else if near := p.w.NearestTreaties(fv.Value, 3); len(near) > 0 {
				err = p.errf(fv, field, "unknown treaty %q: did you mean %s?", fv.Value, strings.Join(near, ", or "))
			} else if len(p.w.Treaties) > 0 {
				err = p.errf(fv, field, "unknown treaty %q: want an id as `casus treaty list` shows it", fv.Value)
			}
		case "note":
		}
		if err != nil {
			return ev, err
		}
	}
	byField := "by"
	if kind == War {
		byField = "declared_by"
	}
	if len(ev.By) == 0 {
		return ev, p.errf(v, string(kind)+"."+byField, "missing: want the acting state")
	}
	needOn := kind == ArmedAttack || kind == Threat || kind == War || kind == Coercion
	if needOn && ev.On == 0 {
		return ev, p.errf(v, string(kind)+".on", "missing: want the state attacked")
	}
	for _, b := range ev.By {
		if needOn && b == ev.On {
			return ev, p.errf(onNode, string(kind)+".on", "attacker and victim are the same state (%s): want different states", p.abb(b))
		}
	}
	if ev.Date == 0 {
		return ev, p.errf(v, string(kind)+".date", "missing: give the event a date or the scenario a top-level date")
	}
	if needOn && ev.At.Name == "" {
		ev.At = Location{Name: p.abb(ev.On), State: ev.On}
	}
	return ev, nil
}

func (p *parser) abb(code int) string {
	if s, ok := p.w.State(code); ok {
		return s.Abb
	}
	return strconv.Itoa(code)
}

func (p *parser) assume(n *yaml.Node, a *Assumptions) error {
	if n.Kind != yaml.MappingNode {
		return p.errf(n, "assume", "want a mapping (entry_counts_as_attack, honour, runs, seed), got %s", nodeKind(n))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		field := "assume." + k.Value
		if seen[k.Value] {
			return p.errf(k, field, "given twice")
		}
		seen[k.Value] = true
		var err error
		switch k.Value {
		case "entry_counts_as_attack":
			a.EntryCountsAsAttack, err = p.bool(v, field)
		case "honour", "honor":
			a.Honour, err = ParseHonour(v.Value)
			if err != nil || v.Kind != yaml.ScalarNode {
				return p.errf(v, field, "want all, none or a probability between 0 and 1, got %s", nodeKind(v))
			}
		case "runs":
			r, e := strconv.Atoi(v.Value)
			if e != nil || v.Kind != yaml.ScalarNode || r < 1 || r > MaxRuns {
				return p.errf(v, field, "want a whole number from 1 to %d, got %s", MaxRuns, nodeKind(v))
			}
			a.Runs = r
		case "seed":
			s, e := strconv.ParseInt(v.Value, 10, 64)
			if e != nil || v.Kind != yaml.ScalarNode {
				return p.errf(v, field, "want a whole number, got %s", nodeKind(v))
			}
			a.Seed = s
		case "nmc":
			if v.Kind != yaml.ScalarNode || v.Value == "" {
				return p.errf(v, field, "want an NMC release such as 7.0, got %s", nodeKind(v))
			}
			if _, ok := p.w.NMC[v.Value]; !ok && len(p.w.NMC) > 0 {
				return p.errf(v, field, "unknown NMC release %q: want one of %s", v.Value, strings.Join(nmcVersions(p.w), ", "))
			}
			a.NMC = v.Value
		default:
			return p.errf(k, field, "unknown field: want entry_counts_as_attack, honour, runs, seed or nmc")
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// MaxRuns bounds Monte-Carlo runs (a million cascades take about a minute).
const MaxRuns = 1_000_000

// ParseHonour reads all (1), none (0) or a probability.
func ParseHonour(s string) (float64, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "all":
		return 1, nil
	case "none":
		return 0, nil
	}
	p, err := strconv.ParseFloat(s, 64)
	if err != nil || p < 0 || p > 1 || p != p {
		return 0, fmt.Errorf("want all, none or a probability between 0 and 1, got %q", s)
	}
	return p, nil
}

func nmcVersions(w *world.World) []string {
	var vs []string
	for v := range w.NMC {
		vs = append(vs, v)
	}
	sort.Strings(vs)
	return vs
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Redate moves every event by the same number of days so that the
// scenario's date becomes d (re-dating a scenario keeps its event order
// and spacing).
func (s *Scenario) Redate(d world.Date) {
	shift := int(d.Time().Sub(s.Date.Time()).Hours() / 24)
	for i := range s.Events {
		s.Events[i].Date = s.Events[i].Date.AddDays(shift)
	}
	s.Date = d
}
