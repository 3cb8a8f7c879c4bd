package obligation

import (
	"fmt"
	"slices"
	"strings"

	"github.com/casus-dev/casus/world"
)

// where describes an act's location for scope checks.
type where struct {
	name      string
	regions   []string
	uncertain []string
	admin     int // administering state; 0 for a sea area
	sovereign int
	note      string
	known     bool // the places table knows the location's regions
	// partial: regions that cover only part of the home territory (an
	// attack on the US with no place named may or may not be in the
	// Pacific area).
	partial []string
	// home: the state whose home territory this is (0 for a place or
	// region).
	home int
	// contestedAdmin: the administrator's control is disputed (the NLL).
	contestedAdmin bool
}

func (e *Engine) locate(l Location) where {
	switch {
	case l.Place != nil:
		return where{name: l.Place.Name, regions: l.Place.Regions, uncertain: l.Place.UncertainRegions,
			admin: e.abbCode[l.Place.Administrator], sovereign: e.abbCode[l.Place.Sovereign], note: l.Place.Note, known: true,
			contestedAdmin: l.Place.ContestedAdministration}
	case l.Region != "":
		return where{name: "the " + l.Region + " region", regions: []string{l.Region}, known: true}
	default:
		abb := e.Abb(l.State)
		regs := e.places.HomeRegions(abb)
		return where{name: abb + " home territory", regions: regs, admin: l.State, sovereign: l.State, known: len(regs) > 0,
			partial: e.places.PartialHomeRegions(abb), home: l.State}
	}
}

// scope checks where the attack happened against the article's scope. It
// returns a failing condition, an open fact, or a fact for the explanation.
func (e *Engine) scope(oi *oinfo, ti *tinfo, ben int, a *act) (fail, open, fact string) {
	sc := oi.o.Scope
	if sc.Anywhere() && len(sc.ForcesRegions) == 0 {
		return "", "", "no geographic limit in the article"
	}
	loc := e.locate(a.at)
	forces := a.target != "" && a.target != "territory"
	var facts []string
	adminOpen := ""
	if sc.HomeTerritory && !forces && e.onHome(a.at, ben) {
		// A pact "against either country": whatever its unpublished scope
		// says elsewhere, the party's own home territory is covered.
		return "", "", fmt.Sprintf("%s is %s's home territory, which the article covers whatever else its scope says", loc.name, e.Abb(ben))
	}
	if ad := sc.AdministeredBy; ad != "" {
		want := oi.admin
		label := e.Abb(oi.admin)
		ok := false
		switch ad {
		case "beneficiary":
			want, label = ben, e.Abb(ben)
			ok = loc.admin == ben
		case "party":
			label = "a party"
			_, ok = ti.t.MemberOn(loc.admin, a.date)
			ok = ok && loc.admin != 0
		default:
			ok = loc.admin == want && want != 0
		}
		if !ok {
			who := "no state (a sea area)"
			if loc.admin != 0 {
				who = e.Abb(loc.admin)
			}
			return fmt.Sprintf("wrong location: %s is not territory under the administration of %s (it is administered by %s)", loc.name, label, who), "", ""
		}
		facts = append(facts, fmt.Sprintf("%s is under the administration of %s", loc.name, label))
		if loc.contestedAdmin {
			adminOpen = fmt.Sprintf("%s counts as territory under the administration of %s (contested: %s)", loc.name, label, orText(loc.note, "the places table marks its administration as contested"))
		}
	}
	if len(sc.Regions) > 0 || len(sc.Territories) > 0 || len(sc.ForcesRegions) > 0 {
		// A region that covers only part of the home territory does not
		// settle where an attack on "the US" fell: it is open unless a
		// region covering all of it, or a named territory, matches.
		inRegion := intersect(minus(loc.regions, loc.partial), sc.Regions)
		inPart := intersect(loc.partial, sc.Regions)
		inTerr := ""
		if a.at.Place == nil && a.at.Region == "" && hasInt(oi.terr, a.at.State) {
			inTerr = e.Abb(a.at.State)
		}
		if a.at.Place != nil {
			for _, p := range oi.terrPl {
				if p == a.at.Place {
					inTerr = p.Name
				}
			}
		}
		inForces := ""
		if forces {
			inForces = intersect(loc.regions, sc.ForcesRegions)
		}
		switch {
		case inTerr != "":
			facts = append(facts, fmt.Sprintf("%s is named in the article's scope", inTerr))
		case inRegion != "" && (len(sc.Regions) > 0):
			facts = append(facts, fmt.Sprintf("%s lies in the %s region the article names", loc.name, inRegion))
		case inForces != "":
			facts = append(facts, fmt.Sprintf("the attack hits %s in the %s region, where the article covers forces, vessels and aircraft", a.target, inForces))
		case inPart != "":
			abb := e.Abb(loc.home)
			hint := "name a place"
			if ps := e.places.HomePlaces(abb, inPart); len(ps) > 0 {
				hint += " (" + strings.Join(ps, ", ") + ")"
			}
			return "", fmt.Sprintf("the attack is in %s; %s: only part of %s's home territory lies in it", e.places.RegionName(inPart), hint, abb), strings.Join(facts, "; ")
		default:
			if r := intersect(loc.regions, sc.ForcesRegions); r != "" && !forces && a.at.Region != "" {
				return fmt.Sprintf("wrong location: in %s the article covers only forces, vessels and aircraft, and the attack is on territory", r), "", ""
			}
			u := intersect(loc.uncertain, sc.Regions)
			if u == "" && forces {
				u = intersect(loc.uncertain, sc.ForcesRegions)
			}
			if u != "" {
				return "", fmt.Sprintf("%s counts as %s (contested: %s)", loc.name, e.regionText(u), orText(loc.note, "the places table marks its coverage as uncertain")), strings.Join(facts, "; ")
			}
			if !loc.known {
				return "", fmt.Sprintf("%s lies in the area the article names (%s): the places table has no regions for it", loc.name, e.scopeText(oi)), ""
			}
			return fmt.Sprintf("wrong location: %s (%s) is outside the area the article names (%s)", loc.name, strings.Join(loc.regions, ", "), e.scopeText(oi)), "", ""
		}
	}
	if sc.Unspecified {
		return "", "the attack is in the area the treaty names (" + orText(sc.Text, "ATOP flags a location condition but not where") + ")", strings.Join(facts, "; ")
	}
	if sc.HomeTerritory && len(sc.Regions) == 0 && len(sc.Territories) == 0 && len(sc.ForcesRegions) == 0 {
		return fmt.Sprintf("wrong location: %s is not %s's home territory, the area the article covers", loc.name, e.Abb(ben)), "", ""
	}
	return "", adminOpen, strings.Join(facts, "; ")
}

// onHome reports whether a location is the protected party's home
// territory: the state itself, or a place that is part of it (home: true).
func (e *Engine) onHome(l Location, ben int) bool {
	switch {
	case l.Place != nil:
		return l.Place.Home && e.abbCode[l.Place.Sovereign] == ben && e.abbCode[l.Place.Administrator] == ben
	case l.Region != "":
		return false
	}
	return l.State == ben
}

// minus returns the elements of a not in b.
func minus(a, b []string) []string {
	if len(b) == 0 {
		return a
	}
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func (e *Engine) scopeText(oi *oinfo) string {
	sc := oi.o.Scope
	var parts []string
	if len(sc.Regions) > 0 {
		parts = append(parts, "regions "+strings.Join(sc.Regions, ", "))
	}
	if len(sc.Territories) > 0 {
		parts = append(parts, "territories "+strings.Join(sc.Territories, ", "))
	}
	if len(sc.ForcesRegions) > 0 {
		parts = append(parts, "forces in "+strings.Join(sc.ForcesRegions, ", "))
	}
	return strings.Join(parts, "; ")
}

func (e *Engine) regionText(id string) string {
	if r, ok := e.places.Region(id); ok {
		return r.Text
	}
	return id
}

func intersect(have, want []string) string {
	for _, h := range have {
		for _, w := range want {
			if h == w {
				return h
			}
		}
	}
	return ""
}

// homeOf is the location of a state's home territory.
func homeOf(w *world.World, code int) Location {
	abb := ""
	if s, ok := w.State(code); ok {
		abb = s.Abb
	}
	return Location{Name: abb, State: code}
}
