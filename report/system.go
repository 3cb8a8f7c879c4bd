package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/power"
	"github.com/casus-dev/casus/world"
)

// SystemSeriesTable is `casus system --years A-B` as a table: one row per
// year, missing cells empty (null in JSON). The CLI and GET
// /api/system/series write it in every format.
func SystemSeriesTable(series []power.SystemYear) *output.Table {
	t := &output.Table{
		Columns: []string{"year", "nmc", "states", "system_cinc", "n_majors", "majors", "top", "top_share", "con", "poles", "polarity"},
		Types: map[string]string{"year": "number", "states": "number", "system_cinc": "number", "n_majors": "number",
			"top_share": "number", "con": "number", "poles": "number"},
	}
	for _, sy := range series {
		var names []string
		for _, m := range sy.Majors {
			names = append(names, m.Abb)
		}
		nMajors, top, topShare := "", "", ""
		if sy.MajorsKnown {
			nMajors = strconv.Itoa(len(sy.Majors))
		}
		if len(sy.Majors) > 0 && !math.IsNaN(sy.Majors[0].Share) {
			top, topShare = sy.Majors[0].Abb, fmtNum(sy.Majors[0].Share, 4)
		}
		states := ""
		if sy.Covered {
			states = strconv.Itoa(sy.States)
		}
		t.Add(strconv.Itoa(sy.Year), sy.Version, states, fmtNum(sy.SystemCINC, 4), nMajors, strings.Join(names, " "),
			top, topShare, fmtNum(sy.CON, 4), fmtNum(sy.Poles, 3), string(sy.Polarity))
	}
	if len(series) > 0 {
		t.Notes = append(t.Notes, fmt.Sprintf("CINC recomputed from COW NMC %s components; majors: COW majors2016 (a major on any day of the year; none known after 2016).", series[0].Version))
	}
	return t
}

// JSON shapes of one year (`casus system --year Y --format json`, GET
// /api/system): states by COW abbreviation, missing as null.
type SystemMajor struct {
	Abb   string   `json:"stateabb"`
	Code  int      `json:"ccode"`
	CINC  *float64 `json:"cinc"`
	Share *float64 `json:"share"`
}

type SystemBloc struct {
	Members []string `json:"members"`
	CINC    *float64 `json:"cinc"`
	Share   *float64 `json:"share"`
	Missing []string `json:"missing,omitempty"`
}

type SystemBlocs struct {
	Covered    bool         `json:"covered"`
	DataYear   int          `json:"data_year,omitempty"`
	Components []SystemBloc `json:"components"`
	Cliques    []SystemBloc `json:"cliques"`
}

type SystemYear struct {
	Year        int           `json:"year"`
	NMC         string        `json:"nmc"`
	States      int           `json:"states"`
	SystemCINC  *float64      `json:"system_cinc"`
	MajorsKnown bool          `json:"majors_known"`
	Majors      []SystemMajor `json:"majors"`
	MajorCINC   *float64      `json:"major_cinc"`
	CON         *float64      `json:"con"`
	Poles       *float64      `json:"poles"`
	Polarity    *string       `json:"polarity"`
	Blocs       *SystemBlocs  `json:"blocs,omitempty"`
}

// NewSystemYear is the JSON document of one year of the system, with its
// blocs when bl is not nil.
func NewSystemYear(w *world.World, sy power.SystemYear, bl *power.Blocs) *SystemYear {
	js := SystemYear{Year: sy.Year, NMC: sy.Version, States: sy.States, SystemCINC: Num(sy.SystemCINC),
		MajorsKnown: sy.MajorsKnown, Majors: []SystemMajor{}, MajorCINC: Num(sy.MajorCINC),
		CON: Num(sy.CON), Poles: Num(sy.Poles)}
	if sy.Polarity != power.NoPolarity {
		p := string(sy.Polarity)
		js.Polarity = &p
	}
	for _, m := range sy.Majors {
		js.Majors = append(js.Majors, SystemMajor{Abb: m.Abb, Code: m.Code, CINC: Num(m.CINC), Share: Num(m.Share)})
	}
	if bl != nil {
		jb := &SystemBlocs{Covered: bl.Covered, DataYear: bl.DataYear, Components: []SystemBloc{}, Cliques: []SystemBloc{}}
		conv := func(bs []power.Bloc) []SystemBloc {
			out := []SystemBloc{}
			for _, b := range bs {
				out = append(out, SystemBloc{Members: abbs(w, b.Members), CINC: Num(b.CINC), Share: Num(b.Share), Missing: abbs(w, b.Missing)})
			}
			return out
		}
		jb.Components, jb.Cliques = conv(bl.Components), conv(bl.Cliques)
		js.Blocs = jb
	}
	return &js
}

func fmtNum(v float64, prec int) string {
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', prec, 64)
}

func abb(w *world.World, code int) string {
	if s, ok := w.State(code); ok && s.Abb != "" {
		return s.Abb
	}
	return strconv.Itoa(code)
}

func abbs(w *world.World, codes []int) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = abb(w, c)
	}
	return out
}
