package power

import (
	"math"
	"sort"
	"sync"

	"github.com/casus-dev/casus/world"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"
)

// Bloc is a group of states tied by defense pacts.
type Bloc struct {
	// Members are COW codes, ascending.
	Members []int
	// CINC sums the members' recomputed CINC (members without one are in
	// Missing); NaN when none has one.
	CINC float64
	// Share is CINC over the system's summed CINC that data year, so
	// shares of disjoint blocs add up to at most 1.
	Share   float64
	Missing []int
}

// Blocs are the alliance blocs of one year.
type Blocs struct {
	Year int
	// DataYear is the capability year used (LatestYear); 0 when the
	// release has nothing at or before Year.
	DataYear int
	Version  string
	// Covered is false when the alliance data do not cover Year: the
	// network is then unknown, not empty.
	Covered bool
	// Components are the connected components of the defense-pact network
	// with at least two states; Cliques its maximal cliques (every member
	// pledged to defend, or be defended by, every other) with at least two
	// states. Both are ordered by CINC, largest first.
	Components []Bloc
	Cliques    []Bloc
}

// DefenseNetwork returns the undirected defense-pact network of year: a
// node per state that is a system member on some day of the year and has a
// defense pact that year, an edge where ATOP records a defense obligation
// of either state toward the other (one direction suffices: asymmetric
// pledges such as Locarno still tie the two). ok is false outside the
// alliance data's years.
func DefenseNetwork(w *world.World, year int) (g *simple.UndirectedGraph, ok bool) {
	ad := w.AllianceDyads
	if ad == nil || year < ad.First || year > ad.Last {
		return nil, false
	}
	g = simple.NewUndirectedGraph()
	rows := dyadYears(ad)
	member := map[int]bool{}
	isMember := func(c int) bool {
		m, seen := member[c]
		if !seen {
			if s, found := w.State(c); found {
				m = s.MemberInYear(year)
			}
			member[c] = m
		}
		return m
	}
	for _, i := range rows[year] {
		r := &ad.Rows[i]
		if !r.Defense || r.A == r.B || !isMember(r.A) || !isMember(r.B) {
			continue
		}
		a, b := simple.Node(r.A), simple.Node(r.B)
		if g.Node(a.ID()) == nil {
			g.AddNode(a)
		}
		if g.Node(b.ID()) == nil {
			g.AddNode(b)
		}
		if !g.HasEdgeBetween(a.ID(), b.ID()) {
			g.SetEdge(g.NewEdge(a, b))
		}
	}
	return g, true
}

var dyadCache sync.Map // *world.AllianceDyadYears → map[int][]int

// dyadYears indexes the defense rows of ad by year, once per table: a
// series of blocs would otherwise rescan all 273,296 rows every year.
func dyadYears(ad *world.AllianceDyadYears) map[int][]int {
	if v, ok := dyadCache.Load(ad); ok {
		return v.(map[int][]int)
	}
	m := map[int][]int{}
	for i := range ad.Rows {
		if ad.Rows[i].Defense {
			m[ad.Rows[i].Year] = append(m[ad.Rows[i].Year], i)
		}
	}
	v, _ := dyadCache.LoadOrStore(ad, m)
	return v.(map[int][]int)
}

// AllianceBlocs computes the blocs of year with capabilities from caps.
func AllianceBlocs(w *world.World, caps *world.Capabilities, year int) Blocs {
	bl := Blocs{Year: year, Version: version(caps)}
	g, ok := DefenseNetwork(w, year)
	if !ok {
		return bl
	}
	bl.Covered = true
	fillBlocs(&bl, g, caps, year)
	return bl
}

// fillBlocs sets the components and cliques of g, with capabilities of
// the latest data year at or before year.
func fillBlocs(bl *Blocs, g *simple.UndirectedGraph, caps *world.Capabilities, year int) {
	dy, covered := LatestYear(caps, year)
	if covered {
		bl.DataYear = dy
	}
	ix := Recompute(caps)
	total := math.NaN()
	if covered {
		total = ix.SystemSum(dy)
	}
	mk := func(nodes []graph.Node) Bloc {
		b := Bloc{CINC: math.NaN(), Share: math.NaN()}
		for _, n := range nodes {
			b.Members = append(b.Members, int(n.ID()))
		}
		sort.Ints(b.Members)
		for _, c := range b.Members {
			v, found := ix.Get(c, dy)
			if !covered || !found || math.IsNaN(v) {
				b.Missing = append(b.Missing, c)
				continue
			}
			b.CINC = addNaN(b.CINC, v)
		}
		if !math.IsNaN(b.CINC) && total > 0 {
			b.Share = b.CINC / total
		}
		return b
	}
	for _, c := range topo.ConnectedComponents(g) {
		if len(c) >= 2 {
			bl.Components = append(bl.Components, mk(c))
		}
	}
	for _, c := range topo.BronKerbosch(g) {
		if len(c) >= 2 {
			bl.Cliques = append(bl.Cliques, mk(c))
		}
	}
	sortBlocs(bl.Components)
	sortBlocs(bl.Cliques)
}

// sortBlocs orders by CINC (largest first, missing last), then size, then
// members, so output is stable across runs (gonum's order follows map
// iteration).
func sortBlocs(b []Bloc) {
	sort.Slice(b, func(i, j int) bool {
		x, y := b[i].CINC, b[j].CINC
		switch {
		case math.IsNaN(x) != math.IsNaN(y):
			return !math.IsNaN(x)
		case x != y && !math.IsNaN(x):
			return x > y
		case len(b[i].Members) != len(b[j].Members):
			return len(b[i].Members) > len(b[j].Members)
		}
		for k := range b[i].Members {
			if b[i].Members[k] != b[j].Members[k] {
				return b[i].Members[k] < b[j].Members[k]
			}
		}
		return false
	})
}
