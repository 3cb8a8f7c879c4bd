package reliability

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/world"
)

// tally fills the counts and breakdowns from the cases.
func (r *Report) tally() {
	r.Binding, r.Contingent = Count{}, Count{}
	r.Consultation = 0
	byPeriod := map[string]*Group{}
	byKind := map[string]*Group{}
	byScope := map[string]*Group{}
	byWar := map[string]*Group{}
	var warOrder []string
	for _, p := range Periods {
		byPeriod[p[0].(string)] = &Group{Key: p[0].(string)}
	}
	for _, k := range []world.Kind{world.Defense, world.Offense, world.Neutrality, world.Nonaggression} {
		byKind[string(k)] = &Group{Key: string(k)}
	}
	byScope["bilateral"] = &Group{Key: "bilateral", Label: "two parties in force"}
	byScope["multilateral"] = &Group{Key: "multilateral", Label: "three or more parties in force"}
	for i := range r.Cases {
		c := &r.Cases[i]
		if c.Kind == world.Consultation && c.Excluded != "" && strings.HasPrefix(c.Excluded, "consultation") {
			r.Consultation++
		}
		if c.Excluded != "" {
			r.Excluded[strings.SplitN(c.Excluded, ":", 2)[0]]++
			continue
		}
		wk := strconv.Itoa(c.War)
		if byWar[wk] == nil {
			byWar[wk] = &Group{Key: wk, Label: c.WarName}
			warOrder = append(warOrder, wk)
		}
		scope := "bilateral"
		if c.Multilateral() {
			scope = "multilateral"
		}
		groups := []*Group{byPeriod[periodOf(c.Date.Year())], byKind[string(c.Kind)], byScope[scope], byWar[wk]}
		total := &r.Binding
		if c.Tier == TierContingent {
			total = &r.Contingent
		}
		total.add(*c.Honoured)
		for _, g := range groups {
			if g == nil {
				continue
			}
			if c.Tier == TierContingent {
				g.Contingent.add(*c.Honoured)
			} else {
				g.Binding.add(*c.Honoured)
			}
		}
	}
	r.Binding.finish()
	r.Contingent.finish()
	collect := func(m map[string]*Group, keys []string) []Group {
		out := []Group{}
		for _, k := range keys {
			g := m[k]
			g.Binding.finish()
			g.Contingent.finish()
			out = append(out, *g)
		}
		return out
	}
	var pk []string
	for _, p := range Periods {
		for _, asked := range r.periods {
			if p[1].(int) <= asked[1] && p[2].(int) >= asked[0] {
				pk = append(pk, p[0].(string))
			}
		}
	}
	r.ByPeriod = collect(byPeriod, pk)
	r.ByKind = collect(byKind, []string{"defense", "offense", "neutrality", "nonaggression"})
	r.ByScope = collect(byScope, []string{"bilateral", "multilateral"})
	sort.SliceStable(warOrder, func(i, j int) bool {
		a, _ := strconv.Atoi(warOrder[i])
		b, _ := strconv.Atoi(warOrder[j])
		return a < b
	})
	r.ByWar = collect(byWar, warOrder)
}

// CaseColumns are the columns of the case list (CSV).
var CaseColumns = []string{"war", "war_name", "date", "attacked", "attackers", "obligor", "obligor_name",
	"beneficiary", "beneficiary_name", "treaty", "treaty_title", "source", "article", "kind", "members",
	"status", "tier", "outcome", "honoured", "excluded", "what", "assumed", "reason", "source_rows"}

// CaseRows renders the cases as rows of CaseColumns; honoured is "1",
// "0" or empty (not scored).
func (r *Report) CaseRows() [][]string {
	out := make([][]string, 0, len(r.Cases))
	for i := range r.Cases {
		c := &r.Cases[i]
		h := ""
		if c.Honoured != nil {
			h = "0"
			if *c.Honoured {
				h = "1"
			}
		}
		out = append(out, []string{strconv.Itoa(c.War), c.WarName, c.Date.String(), c.Attacked, strings.Join(c.Attackers, " "),
			c.Obligor, c.ObligorName, c.Beneficiary, c.BenName, c.Treaty, c.TreatyTitle, c.Source, c.Article, string(c.Kind),
			strconv.Itoa(c.Members), c.Status, string(c.Tier), string(c.Outcome), h, c.Excluded, c.What,
			strings.Join(c.Assumed, "; "), c.Reason, strings.Join(c.Rows, "; ")})
	}
	return out
}

// Tally recomputes the binding and contingent counts from case-list rows
// (as CaseRows writes them, header first): a check that a CSV file says
// what the JSON says.
func Tally(rows [][]string) (binding, contingent Count, err error) {
	if len(rows) == 0 {
		return binding, contingent, fmt.Errorf("empty case list: want a header row")
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, need := range []string{"tier", "honoured"} {
		if _, ok := col[need]; !ok {
			return binding, contingent, fmt.Errorf("case list header: want a %q column", need)
		}
	}
	for n, row := range rows[1:] {
		h := row[col["honoured"]]
		if h == "" {
			continue
		}
		if h != "0" && h != "1" {
			return binding, contingent, fmt.Errorf("row %d: column \"honoured\": want 0, 1 or empty, got %q", n+2, h)
		}
		switch Tier(row[col["tier"]]) {
		case TierBinding:
			binding.add(h == "1")
		case TierContingent:
			contingent.add(h == "1")
		default:
			return binding, contingent, fmt.Errorf("row %d: column \"tier\": want binding or contingent for a scored case, got %q", n+2, row[col["tier"]])
		}
	}
	binding.finish()
	contingent.finish()
	return binding, contingent, nil
}
