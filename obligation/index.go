package obligation

import (
	"fmt"
	"strconv"
	"sync"

	"github.com/casus-dev/casus/world"
)

// Engine evaluates scenarios on one frozen World. It indexes the treaties
// by member so that an event touches only the treaties of the states
// involved; build it once (New) and share it: it is read-only.
type Engine struct {
	w        *world.World
	treaties []*tinfo
	byMember map[int][]*tinfo
	mobil    []*tinfo // treaties with a mobilization trigger: a mobilizing non-member touches them
	places   *world.PlaceTable
	abbCode  map[string]int // COW abbreviation -> code for the places table
	codeAbb  map[int]string
	names    map[string]string // COW abbreviation -> name, for text reports
}

type tinfo struct {
	t       *world.Treaty
	obls    []oinfo
	members []int // distinct member codes, in file order
}

type oinfo struct {
	o        *world.Obligation
	obligors []int // nil = every member
	protects []int // nil = every other member
	named    []int // Attacker.Named resolved
	except   []int // Attacker.Except resolved
	admin    int   // Scope.AdministeredBy resolved when it names a state
	terr     []int // Scope.Territories that are states
	terrName []string
	terrPl   []*world.Place
	// textFact is the explanation's line for the article's text, the
	// same for every event, so it is written once.
	textFact string
}

var engines sync.Map // *world.World -> *Engine

// For returns the engine of w, building it on first use.
func For(w *world.World) *Engine {
	if e, ok := engines.Load(w); ok {
		return e.(*Engine)
	}
	e, _ := engines.LoadOrStore(w, New(w))
	return e.(*Engine)
}

// New indexes w's treaties. ATOP imports a registry treaty supersedes are
// left out: the registry's article-level version is evaluated instead.
func New(w *world.World) *Engine {
	e := &Engine{w: w, byMember: map[int][]*tinfo{}, places: world.Places(), abbCode: map[string]int{}, codeAbb: map[int]string{}}
	for i := range w.States {
		e.abbCode[w.States[i].Abb] = w.States[i].Code
		e.codeAbb[w.States[i].Code] = w.States[i].Abb
	}
	e.names = make(map[string]string, len(w.States))
	for i := range w.States {
		// The abbreviation the engine prints for the code (YUG for 345)
		// gets the name of the state it stands for.
		e.names[e.codeAbb[w.States[i].Code]] = w.States[i].Name
	}
	for _, t := range w.Treaties {
		if t.SupersededBy != "" {
			continue
		}
		ti := &tinfo{t: t}
		seen := map[int]bool{}
		for _, m := range t.Members {
			if !seen[m.Code] {
				seen[m.Code] = true
				ti.members = append(ti.members, m.Code)
			}
		}
		for i := range t.Obligations {
			o := &t.Obligations[i]
			oi := oinfo{o: o, obligors: e.codes(o.Obligors), protects: e.codes(o.Protects), named: e.codes(o.Attacker.Named), except: e.codes(o.Attacker.Except)}
			if t.Source != world.FromATOP && o.Text != "" {
				// Registry wording is casus's paraphrase, never a quotation.
				oi.textFact = fmt.Sprintf("%s %s (%s), paraphrase: %s", t.ID, o.Article, o.Kind, o.Text)
			} else {
				oi.textFact = fmt.Sprintf("%s %s (%s): %s", t.ID, o.Article, o.Kind, orText(o.Text, string(o.Trigger)))
			}
			switch o.Scope.AdministeredBy {
			case "", "beneficiary", "party":
			default:
				oi.admin = e.code(o.Scope.AdministeredBy)
			}
			for _, tn := range o.Scope.Territories {
				if pl, isPlace := e.places.Place(tn); isPlace {
					oi.terrName = append(oi.terrName, tn)
					oi.terrPl = append(oi.terrPl, pl)
				} else if c := e.code(tn); c != 0 {
					oi.terr = append(oi.terr, c)
				}
			}
			ti.obls = append(ti.obls, oi)
		}
		for _, oi := range ti.obls {
			if oi.o.Trigger == world.Mobilization {
				e.mobil = append(e.mobil, ti)
				break
			}
		}
		e.treaties = append(e.treaties, ti)
		for _, c := range ti.members {
			e.byMember[c] = append(e.byMember[c], ti)
		}
	}
	return e
}

// code resolves a state as treaty files write it; ATOP partners outside the
// COW system keep their number.
func (e *Engine) code(s string) int {
	if c, ok := e.abbCode[s]; ok {
		return c
	}
	if st, err := e.w.Resolve(s); err == nil {
		return st.Code
	}
	if c, err := strconv.Atoi(s); err == nil {
		return c
	}
	return 0
}

func (e *Engine) codes(ss []string) []int {
	if len(ss) == 0 {
		return nil
	}
	out := make([]int, 0, len(ss))
	for _, s := range ss {
		out = append(out, e.code(s))
	}
	return out
}

// Abb names a state by its COW abbreviation (its number when it has none).
func (e *Engine) Abb(code int) string {
	if s, ok := e.codeAbb[code]; ok {
		return s
	}
	if code == 0 {
		return "a non-member state"
	}
	return strconv.Itoa(code)
}

func (e *Engine) abbs(codes []int) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = e.Abb(c)
	}
	return out
}

func hasInt(s []int, x int) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// memberEntry picks the member entry of code that matters on d: the one in
// force, else the latest that ended before d, else the first that starts
// after d. when is -1 (left), 0 (in force) or 1 (not yet).
func memberEntry(t *world.Treaty, code int, d world.Date) (m *world.Member, when int) {
	var past, future *world.Member
	for i := range t.Members {
		mm := &t.Members[i]
		if mm.Code != code {
			continue
		}
		sp := mm.Spell(t)
		if sp.Contains(d) {
			return mm, 0
		}
		if sp.End != 0 && sp.End < d {
			if past == nil || sp.End > past.Spell(t).End {
				past = mm
			}
		} else if sp.Start > d {
			if future == nil || sp.Start < future.Spell(t).Start {
				future = mm
			}
		}
	}
	if past != nil {
		return past, -1
	}
	if future != nil {
		return future, 1
	}
	return nil, 1
}
