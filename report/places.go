package report

import "github.com/casus-dev/casus/world"

// Places is `casus places --format json` and GET /api/places: the named
// regions a treaty scope uses and the places an event's at: accepts.
type Places struct {
	Regions []world.Region `json:"regions"`
	Places  []world.Place  `json:"places"`
}

// NewPlaces is the document for the built-in table pt.
func NewPlaces(pt *world.PlaceTable) *Places {
	return &Places{Regions: pt.Regions, Places: pt.Places}
}
