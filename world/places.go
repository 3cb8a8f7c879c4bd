package world

import (
	_ "embed"
	"fmt"
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
	Lat              float64  `yaml:"lat" json:"lat"`
	Lon              float64  `yaml:"lon" json:"lon"`
	Note             string   `yaml:"note,omitempty" json:"note,omitempty"`
	Source           string   `yaml:"source,omitempty" json:"source,omitempty"`
}

// Region is a named set of locations used by treaty scopes.
type Region struct {
	ID   string `yaml:"id" json:"id"`
	Text string `yaml:"text" json:"text"`
}

// PlaceTable is the places and regions casus ships, plus the regions of each
// state's home territory.
type PlaceTable struct {
	Regions []Region `yaml:"regions" json:"regions"`
	Places  []Place  `yaml:"places" json:"places"`
	// StateRegions maps a COW abbreviation to the regions its home
	// (metropolitan) territory lies in.
	StateRegions map[string][]string `yaml:"state_regions" json:"state_regions"`
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
		placesErr = yaml.Unmarshal(placesYAML, places)
	})
	if placesErr != nil {
		panic(fmt.Sprintf("world: embedded places.yaml: %v", placesErr))
	}
	return places
}

// Place finds a place by name or alias, case-insensitively.
func (t *PlaceTable) Place(name string) (*Place, bool) {
	key := normalize(name)
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

// Region returns the region with the given id.
func (t *PlaceTable) Region(id string) (*Region, bool) {
	for i := range t.Regions {
		if t.Regions[i].ID == id {
			return &t.Regions[i], true
		}
	}
	return nil, false
}
