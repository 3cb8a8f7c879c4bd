package report

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/casus-dev/casus/source"

	"github.com/casus-dev/casus/world"
)

// State is a state's codes, system membership, major-power status and
// capabilities on a date (`casus state --format json`, GET /api/states/{q}).
type State struct {
	Code          int      `json:"ccode"`
	Abb           string   `json:"stateabb"`
	Name          string   `json:"name"`
	ISO3          string   `json:"iso3,omitempty"`
	Aliases       []string `json:"aliases,omitempty"`
	Spells        []Spell  `json:"spells"`
	OpenEnded     bool     `json:"open_ended"`
	MembershipEnd string   `json:"membership_data_end"`
	On            string   `json:"on"`
	Member        bool     `json:"member"`
	// Major is "yes", "no" or "unknown" (after the majors data end).
	Major        string          `json:"major_power"`
	MajorsEnd    string          `json:"majors_data_end"`
	Capabilities *Capabilities   `json:"capabilities"`
	Notes        []string        `json:"notes,omitempty"`
	Sources      []world.Dataset `json:"sources"`
}

// Spell is one period of system membership.
type Spell struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// Capabilities is one NMC row, missing values as null.
type Capabilities struct {
	Release string   `json:"release"`
	Year    int      `json:"year"`
	Milex   *float64 `json:"milex"`
	Milper  *float64 `json:"milper"`
	Irst    *float64 `json:"irst"`
	Pec     *float64 `json:"pec"`
	Tpop    *float64 `json:"tpop"`
	Upop    *float64 `json:"upop"`
	CINC    *float64 `json:"cinc"`
	// Units names each component's unit in this data year (NMC: thousands;
	// milex in British pounds before 1914, US dollars after).
	Units map[string]string `json:"units"`
}

// Num is v, or nil when v is missing: missing is null in JSON, never 0.
func Num(v float64) *float64 {
	if world.Missing(v) {
		return nil
	}
	return &v
}

// NewState builds st's record on date. nmc names the NMC release ("6.0",
// "7.0"); empty picks the release with the latest year not after date.
func NewState(w *world.World, st *world.State, date world.Date, nmc string) *State {
	r := &State{
		Code: st.Code, Abb: st.Abb, Name: st.Name, ISO3: st.ISO3, Aliases: st.Aliases,
		OpenEnded: st.OpenEnded, MembershipEnd: w.MembershipEnd.String(), On: date.String(),
		Member: st.MemberOn(date), MajorsEnd: w.MajorsEnd.String(),
		Sources: datasets(w, source.PathStateList2024, source.PathCodelist, source.PathMajors2016, source.PathNMC6, source.PathNMC7),
	}
	for _, s := range st.Spells {
		r.Spells = append(r.Spells, Spell{s.Start.String(), s.End.String()})
	}
	if st.OpenEnded && date > w.MembershipEnd {
		r.Notes = append(r.Notes, fmt.Sprintf("membership data end %s; the state is taken to be a member after it (open-ended)", w.MembershipEnd))
	}
	r.Major = majorWord(w, st.Code, date)
	if r.Major == "unknown" {
		r.Notes = append(r.Notes, fmt.Sprintf("major-power status unknown: COW majors2016 ends %s", w.MajorsEnd))
	}
	rel, capRow, ok := LatestCapabilities(w, st.Code, date.Year(), nmc)
	if ok {
		r.Capabilities = &Capabilities{Release: rel, Year: capRow.Year, Milex: Num(capRow.Milex), Milper: Num(capRow.Milper),
			Irst: Num(capRow.Irst), Pec: Num(capRow.Pec), Tpop: Num(capRow.Tpop), Upop: Num(capRow.Upop), CINC: Num(capRow.CINC),
			Units: map[string]string{}}
		for i, name := range world.ComponentNames {
			r.Capabilities.Units[name] = world.ComponentUnit(i, capRow.Year)
		}
		if capRow.Year < date.Year() {
			r.Notes = append(r.Notes, fmt.Sprintf("capabilities are NMC %s's latest year for this state, %d", rel, capRow.Year))
		}
	} else {
		r.Notes = append(r.Notes, fmt.Sprintf("no NMC data for %s in or before %d", st.Abb, date.Year()))
	}
	return r
}

func majorWord(w *world.World, code int, date world.Date) string {
	switch major, known := w.MajorOn(code, date); {
	case !known:
		return "unknown"
	case major:
		return "yes"
	}
	return "no"
}

// LatestCapabilities finds the state's row with the latest year ≤ year in
// the release asked for, or, with none asked, in the release whose latest
// such year is newest (6.0, the file as COW publishes it, on a tie).
func LatestCapabilities(w *world.World, code, year int, want string) (string, world.Capability, bool) {
	releases := []string{"6.0", "7.0"}
	if want != "" {
		releases = []string{want}
	}
	var best world.Capability
	bestRel, found := "", false
	for _, rel := range releases {
		c, ok := w.NMC[rel]
		if !ok {
			continue
		}
		for y := min(year, c.Last); y >= c.First; y-- {
			if row, ok := c.Get(code, y); ok {
				if !found || row.Year > best.Year {
					best, bestRel, found = row, rel, true
				}
				break
			}
		}
	}
	return bestRel, best, found
}

// States is the list of system members on a date.
type States struct {
	On string `json:"on"`
	// MembershipEnd and MajorsEnd say where the data stop: after them a
	// state's membership is assumed (open-ended spells) and its major-power
	// status is "unknown".
	MembershipEnd string          `json:"membership_data_end"`
	MajorsEnd     string          `json:"majors_data_end"`
	States        []StateSummary  `json:"states"`
	Sources       []world.Dataset `json:"sources"`
}

// StateSummary is one row of States.
type StateSummary struct {
	Code  int    `json:"ccode"`
	Abb   string `json:"stateabb"`
	Name  string `json:"name"`
	ISO3  string `json:"iso3,omitempty"`
	Major string `json:"major_power"`
}

// NewStates lists the states that are system members on date, by COW code.
func NewStates(w *world.World, date world.Date) *States {
	r := &States{On: date.String(), MembershipEnd: w.MembershipEnd.String(), MajorsEnd: w.MajorsEnd.String(),
		States: []StateSummary{}, Sources: datasets(w, source.PathStateList2024, source.PathCodelist, source.PathMajors2016)}
	for _, st := range w.MembersOn(date) {
		r.States = append(r.States, StateSummary{Code: st.Code, Abb: st.Abb, Name: st.Name, ISO3: st.ISO3, Major: majorWord(w, st.Code, date)})
	}
	return r
}

// datasets are the files among w's datasets that a document rests on, in
// load order: the same list whether a command loaded only those (the CLI)
// or everything (the server).
func datasets(w *world.World, paths ...string) []world.Dataset {
	out := []world.Dataset{}
	for _, d := range w.Datasets {
		f := filepath.ToSlash(d.File)
		for _, p := range paths {
			if strings.HasSuffix(f, "/"+p) || strings.HasSuffix(f, ":"+p) || f == p {
				out = append(out, d)
				break
			}
		}
	}
	return out
}
