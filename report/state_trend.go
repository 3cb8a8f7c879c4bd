package report

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/power"
	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/world"
)

// StateTrend is `casus state X --years A-B` as JSON, and the answer of
// GET /api/states/{q}?years=A-B: a state's NMC components, CINC and share
// of the system year by year, missing (null) where NMC has no row.
type StateTrend struct {
	Code    int               `json:"ccode"`
	Abb     string            `json:"stateabb"`
	Name    string            `json:"name"`
	Release string            `json:"release"`
	Units   map[string]string `json:"units"`
	Years   []StateTrendYear  `json:"years"`
	Notes   []string          `json:"notes,omitempty"`
	Sources []world.Dataset   `json:"sources"`

	// Rows are the engine's rows the document was built from (for plots).
	Rows []power.StateYear `json:"-"`
}

// StateTrendYear is one year of a StateTrend.
type StateTrendYear struct {
	Year       int                 `json:"year"`
	InRelease  bool                `json:"in_release"`
	Components map[string]*float64 `json:"components"`
	// Shares are each component over the system total of the states that
	// report it.
	Shares map[string]*float64 `json:"component_shares"`
	CINC   *float64            `json:"cinc"`
	// Share is CINC over the system's summed CINC.
	Share *float64 `json:"share_of_system"`
}

// NewStateTrend builds st's capabilities from..to in caps.
func NewStateTrend(w *world.World, st *world.State, caps *world.Capabilities, from, to int) *StateTrend {
	rows := power.Trend(caps, st.Code, from, to)
	// The files it rests on, whatever else the world loaded (so the CLI and
	// the server, which loads everything, give the same document).
	sources := append(datasets(w, source.PathStateList2024, source.PathCodelist), caps.Dataset)
	r := &StateTrend{Code: st.Code, Abb: st.Abb, Name: st.Name, Release: caps.Version, Units: map[string]string{}, Sources: sources, Rows: rows}
	for k, n := range world.ComponentNames {
		r.Units[n] = power.ComponentUnits[k]
	}
	r.Units["cinc"] = "mean of the component shares (0–1)"
	r.Units["share_of_system"] = "CINC over the sum of all states' CINC that year (0–1)"
	var absent []int
	for _, y := range rows {
		yj := StateTrendYear{Year: y.Year, InRelease: y.InRelease, Components: map[string]*float64{}, Shares: map[string]*float64{}, CINC: Num(y.CINC), Share: Num(y.Share)}
		for k, n := range world.ComponentNames {
			yj.Components[n] = Num(y.Components[k])
			yj.Shares[n] = Num(y.ComponentShares[k])
		}
		if !y.InRelease {
			absent = append(absent, y.Year)
		}
		r.Years = append(r.Years, yj)
	}
	r.Notes = append(r.Notes, fmt.Sprintf("Source: COW National Material Capabilities v%s (%s), covering %d–%d; CINC recomputed from the six components.", caps.Version, filepath.Base(caps.Dataset.File), caps.First, caps.Last))
	if len(absent) > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf("%s has no row in NMC %s for %s (not a system member, or outside %d–%d): missing, not 0.", st.Abb, caps.Version, Spans(absent), caps.First, caps.Last))
	}
	return r
}

// Spans writes sorted years as runs: 1946–1947, 2023–2024.
func Spans(ys []int) string {
	var parts []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		if i == j {
			parts = append(parts, strconv.Itoa(ys[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%d–%d", ys[i], ys[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}
