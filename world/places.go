package world

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// Place is a named location an event can happen at: a state's home
// territory is implied by the state itself; Places are the parts whose
// treatment differs (Guam, Hawaii, Okinawa, the Senkaku Islands, Kursk
// oblast, Nagorno-Karabakh) and sea areas.
type Place struct {
	Name    string   `yaml:"name" json:"name"`
	Aliases []string `yaml:"aliases,omitempty" json:"aliases,omitempty"`
	// Sovereign and Administrator are COW abbreviations; they differ for
	// disputed or occupied places (the Senkakus: administered by JPN).
	Sovereign     string   `yaml:"sovereign,omitempty" json:"sovereign,omitempty"`
	Administrator string   `yaml:"administrator,omitempty" json:"administrator,omitempty"`
	Regions       []string `yaml:"regions" json:"regions"`
	// UncertainRegions are regions whose coverage of the place is
	// contested (Guam as "territory of an American State" for the Rio
	// Treaty): a scope naming one makes an attack there contingent.
	UncertainRegions []string `yaml:"uncertain_regions,omitempty" json:"uncertain_regions,omitempty"`
	// ContestedAdministration marks a place whose administrator's control
	// is disputed (the waters south of the Northern Limit Line): a scope
	// limited to territory under a party's administration is contingent
	// there, never binding.
	ContestedAdministration bool `yaml:"contested_administration,omitempty" json:"contested_administration,omitempty"`
	// Home marks a place that is part of its sovereign's home territory
	// (the US West Coast), as opposed to an outlying territory (Guam): a
	// scenario naming it says which part of the home territory was hit.
	Home   bool    `yaml:"home,omitempty" json:"home,omitempty"`
	Lat    float64 `yaml:"lat" json:"lat"`
	Lon    float64 `yaml:"lon" json:"lon"`
	Note   string  `yaml:"note,omitempty" json:"note,omitempty"`
	Source string  `yaml:"source,omitempty" json:"source,omitempty"`
}

// Region is a named set of locations used by treaty scopes.
type Region struct {
	ID string `yaml:"id" json:"id"`
	// Name is the short name a sentence uses ("the Pacific area"); Text
	// says what the region covers.
	Name string `yaml:"name,omitempty" json:"name,omitempty"`
	Text string `yaml:"text" json:"text"`
}

// Coverage says how much of a state's home territory a region covers.
type Coverage int

const (
	CoversNone  Coverage = iota // the home territory is outside the region
	CoversPart                  // only part of it lies in the region (the US and the Pacific area)
	CoversWhole                 // all of it lies in the region
)

// PlaceTable is the places and regions casus ships, plus the regions of each
// state's home territory.
type PlaceTable struct {
	Regions []Region `yaml:"regions" json:"regions"`
	Places  []Place  `yaml:"places" json:"places"`
	// StateRegions maps a COW abbreviation to the regions its home
	// (metropolitan) territory lies in, wholly or partly.
	StateRegions map[string][]string `yaml:"state_regions" json:"state_regions"`
	// PartialRegions lists, per state, the regions of StateRegions that
	// cover only part of its home territory (the US: the Pacific area
	// takes in the West Coast, not the East Coast): an attack on the
	// state's home territory with no place named is in such a region only
	// perhaps.
	PartialRegions map[string][]string `yaml:"partial_regions" json:"partial_regions"`

	// byName maps every normalized name and alias to its place's index,
	// built once by Places; nil in a table made otherwise, which Place
	// then scans.
	byName map[string]int
}

//go:embed places.yaml
var placesYAML []byte

var (
	placesOnce sync.Once
	places     *PlaceTable
	placesErr  error
)

// Places returns the built-in places table. It panics only if the embedded
// file is malformed, which a test guards against.
func Places() *PlaceTable {
	placesOnce.Do(func() {
		places = new(PlaceTable)
		if placesErr = yaml.Unmarshal(placesYAML, places); placesErr == nil {
			places.index()
		}
	})
	if placesErr != nil {
		panic(fmt.Sprintf("world: embedded places.yaml: %v", placesErr))
	}
	return places
}

// index fills byName. The first place to claim a name keeps it, as Place's
// scan finds it first.
func (t *PlaceTable) index() {
	t.byName = map[string]int{}
	for i, p := range t.Places {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			if _, ok := t.byName[normalize(n)]; !ok {
				t.byName[normalize(n)] = i
			}
		}
	}
}

// Place finds a place by name or alias, case-insensitively.
func (t *PlaceTable) Place(name string) (*Place, bool) {
	key := normalize(name)
	if t.byName != nil {
		i, ok := t.byName[key]
		if !ok {
			return nil, false
		}
		return &t.Places[i], true
	}
	for i := range t.Places {
		p := &t.Places[i]
		if normalize(p.Name) == key {
			return p, true
		}
		for _, a := range p.Aliases {
			if normalize(a) == key {
				return p, true
			}
		}
	}
	return nil, false
}

// HasRegion reports whether id is a known region.
func (t *PlaceTable) HasRegion(id string) bool {
	for _, r := range t.Regions {
		if r.ID == id {
			return true
		}
	}
	return false
}

// RegionIDs lists the known region ids, sorted.
func (t *PlaceTable) RegionIDs() []string {
	ids := make([]string, len(t.Regions))
	for i, r := range t.Regions {
		ids[i] = r.ID
	}
	sort.Strings(ids)
	return ids
}

// HomeRegions returns the regions of a state's home territory.
func (t *PlaceTable) HomeRegions(abb string) []string {
	return t.StateRegions[strings.ToUpper(abb)]
}

// PartialHomeRegions returns the regions that cover only part of a
// state's home territory.
func (t *PlaceTable) PartialHomeRegions(abb string) []string {
	return t.PartialRegions[strings.ToUpper(abb)]
}

// HomeCoverage says whether region covers all, part or none of a state's
// home territory.
func (t *PlaceTable) HomeCoverage(abb, region string) Coverage {
	abb = strings.ToUpper(abb)
	if !slices.Contains(t.StateRegions[abb], region) {
		return CoversNone
	}
	if slices.Contains(t.PartialRegions[abb], region) {
		return CoversPart
	}
	return CoversWhole
}

// RegionName is the short name of a region for a sentence ("the Pacific
// area"), falling back to the id.
func (t *PlaceTable) RegionName(id string) string {
	if r, ok := t.Region(id); ok && r.Name != "" {
		return r.Name
	}
	return strings.ReplaceAll(id, "_", " ")
}

// HomePlaces lists the places that are part of a state's home territory
// and lie in region (the US West Coast for the US and the Pacific area).
func (t *PlaceTable) HomePlaces(abb, region string) []string {
	var out []string
	for i := range t.Places {
		p := &t.Places[i]
		if p.Home && strings.EqualFold(p.Sovereign, abb) && slices.Contains(p.Regions, region) {
			out = append(out, p.Name)
		}
	}
	return out
}

// Region returns the region with the given id.
func (t *PlaceTable) Region(id string) (*Region, bool) {
	for i := range t.Regions {
		if t.Regions[i].ID == id {
			return &t.Regions[i], true
		}
	}
	return nil, false
}
