package world

// State is a member (at some time) of the Correlates of War state system.
type State struct {
	Code   int     `json:"ccode"`          // COW state number, e.g. 731
	Abb    string  `json:"stateabb"`       // COW abbreviation, e.g. "PRK"
	Name   string  `json:"name"`           // COW name, e.g. "North Korea"
	ISO3   string  `json:"iso3,omitempty"` // ISO 3166-1 alpha-3 where one exists
	Spells []Spell `json:"spells"`         // system-membership spells, in order
	// Aliases are extra names a person may use ("DPRK", "Russia"); they
	// take part in Resolve like Name.
	Aliases []string `json:"aliases,omitempty"`
	// OpenEnded is true when the last spell runs to the end of the
	// membership data (statelist2024 ends 2024-12-31): the state is taken to
	// be a member after the data end as well, and answers say so.
	OpenEnded bool `json:"open_ended"`
}

// MemberOn reports whether the state is a system member on day d.
func (s *State) MemberOn(d Date) bool {
	for i, sp := range s.Spells {
		if sp.Contains(d) {
			return true
		}
		if i == len(s.Spells)-1 && s.OpenEnded && sp.End != 0 && d > sp.End {
			return true
		}
	}
	return false
}

// MemberInYear reports whether the state is a member on any day of year y.
func (s *State) MemberInYear(y int) bool {
	for _, sp := range s.Spells {
		if sp.InYear(y) {
			return true
		}
	}
	return false
}

// MajorSpell is a spell of major-power status from COW majors2016.
type MajorSpell struct {
	Code  int   `json:"ccode"`
	Spell Spell `json:"spell"`
}
