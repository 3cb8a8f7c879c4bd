package power

import (
	"sort"

	"github.com/casus-dev/casus/world"
	"gonum.org/v1/gonum/graph/simple"
)

// DayBlocs are the alliance blocs of one day, built from the treaties in
// force that day (the registry, the ATOP import with its post-2018 table,
// users' files) rather than from ATOP's dyad-years: a year's network joins
// pacts that never overlapped (1914 counts the Entente's wartime treaties
// beside the peacetime alliances), a day's does not.
type DayBlocs struct {
	Blocs
	Date world.Date
	// Ties lists, per bloc of Components (same order), the treaties whose
	// defense pledges tie it, by id.
	Ties [][]string
	// Kinds are the obligation kinds that tie states (defense unless the
	// caller asked for more).
	Kinds []world.Kind
	// Assumed lists ATOP alliances in force at the end of 2018 that no
	// source ends and that tie a bloc on a day after 2018: the bloc rests
	// on assuming they still are in force.
	Assumed []string
}

// DefenseNetworkOn returns the defense-pact network of day d: a node per
// state that is a member of the state system on d and has a defense pledge
// in force that day, an edge where a treaty in force on d binds either
// state to defend the other (one direction suffices, as in
// DefenseNetwork). A treaty counts when it is in force on d (a treaty
// signed but not in force does not), legally binding, and not an ATOP
// import that a registry treaty supersedes (the registry version stands
// for it); an obligation when its spell covers d; a party when it is a
// member on d and its participation is not suspended. Conditions on the
// pledge (a named adversary, a region) do not remove the edge: the
// network records who is pledged, not who would fight in a given war.
// ties maps each edge (lower code first) to the treaty ids behind it.
func DefenseNetworkOn(w *world.World, d world.Date) (g *simple.UndirectedGraph, ties map[[2]int][]string) {
	return NetworkOn(w, d, world.Defense)
}

// NetworkOn is DefenseNetworkOn with the pledges of the given kinds tying
// states (defense and consultation show the Entente of 1914, whose British
// pledges were consultation).
func NetworkOn(w *world.World, d world.Date, kinds ...world.Kind) (g *simple.UndirectedGraph, ties map[[2]int][]string) {
	want := map[world.Kind]bool{}
	for _, k := range kinds {
		want[k] = true
	}
	g = simple.NewUndirectedGraph()
	ties = map[[2]int][]string{}
	inSystem := func(c int) bool {
		s, ok := w.State(c)
		return ok && s.MemberOn(d)
	}
	code := func(q string) int {
		if s, err := w.Resolve(q); err == nil {
			return s.Code
		}
		return 0
	}
	for _, t := range w.Treaties {
		if t.SupersededBy != "" || !t.Binding() || !t.InForceOn(d) {
			continue
		}
		var parties []int
		seen := map[int]bool{}
		for i := range t.Members {
			m := &t.Members[i]
			if seen[m.Code] || !m.Spell(t).Contains(d) {
				continue
			}
			if _, suspended := m.SuspendedOn(d); suspended {
				continue
			}
			if inSystem(m.Code) {
				seen[m.Code] = true
				parties = append(parties, m.Code)
			}
		}
		for i := range t.Obligations {
			o := &t.Obligations[i]
			if !want[o.Kind] {
				continue
			}
			if (o.During.Start != 0 || o.During.End != 0) && !o.During.Contains(d) {
				continue
			}
			obligors, protects := parties, parties
			if len(o.Obligors) > 0 {
				obligors = pick(parties, o.Obligors, code)
			}
			if len(o.Protects) > 0 {
				protects = pick(parties, o.Protects, code)
			}
			for _, a := range obligors {
				for _, b := range protects {
					if a == b {
						continue
					}
					k := [2]int{a, b}
					if b < a {
						k = [2]int{b, a}
					}
					if !contains(ties[k], t.ID) {
						ties[k] = append(ties[k], t.ID)
					}
					na, nb := simple.Node(a), simple.Node(b)
					if g.Node(na.ID()) == nil {
						g.AddNode(na)
					}
					if g.Node(nb.ID()) == nil {
						g.AddNode(nb)
					}
					if !g.HasEdgeBetween(na.ID(), nb.ID()) {
						g.SetEdge(g.NewEdge(na, nb))
					}
				}
			}
		}
	}
	for k := range ties {
		sort.Strings(ties[k])
	}
	return g, ties
}

// pick keeps the parties named in names (resolved by code).
func pick(parties []int, names []string, code func(string) int) []int {
	var out []int
	for _, n := range names {
		c := code(n)
		for _, p := range parties {
			if p == c {
				out = append(out, p)
			}
		}
	}
	return out
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// AllianceBlocsOn computes the blocs of day d: the connected components
// and maximal cliques of DefenseNetworkOn, with capabilities from caps in
// the latest data year at or before d's year, and per component the
// treaties that tie it.
func AllianceBlocsOn(w *world.World, caps *world.Capabilities, d world.Date, kinds ...world.Kind) DayBlocs {
	if len(kinds) == 0 {
		kinds = []world.Kind{world.Defense}
	}
	db := DayBlocs{Blocs: Blocs{Year: d.Year(), Version: version(caps), Covered: true}, Date: d, Kinds: kinds}
	g, ties := NetworkOn(w, d, kinds...)
	fillBlocs(&db.Blocs, g, caps, d.Year())
	assumed := map[string]bool{}
	for _, b := range db.Components {
		in := map[int]bool{}
		for _, c := range b.Members {
			in[c] = true
		}
		set := map[string]bool{}
		for k, ids := range ties {
			if in[k[0]] && in[k[1]] {
				for _, id := range ids {
					set[id] = true
				}
			}
		}
		var ids []string
		for id := range set {
			ids = append(ids, id)
			if t, ok := w.Treaty(id); ok && t.Source == world.FromATOP && t.Ended == 0 && d > world.D(2018, 12, 31) {
				assumed[id] = true
			}
		}
		sort.Strings(ids)
		db.Ties = append(db.Ties, ids)
	}
	for id := range assumed {
		db.Assumed = append(db.Assumed, id)
	}
	sort.Strings(db.Assumed)
	return db
}
