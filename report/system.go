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
		Columns: []string{"year", "nmc", "states", "system_cinc", "n_majors", "majors", "top", "top_share", "con", "poles", "polarity", "majors_from"},
		Types: map[string]string{"year": "number", "states": "number", "system_cinc": "number", "n_majors": "number",
			"top_share": "number", "con": "number", "poles": "number", "majors_from": "number"},
	}
	carried := false
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
			top, topShare = sy.Majors[0].Abb, NumText(sy.Majors[0].Share, 4)
		}
		states := ""
		if sy.Covered {
			states = strconv.Itoa(sy.States)
		}
		from := ""
		if sy.MajorsFrom != 0 {
			from = strconv.Itoa(sy.MajorsFrom)
		}
		if sy.MajorsFrom != 0 && sy.MajorsFrom != sy.Year {
			carried = true
		}
		t.Add(strconv.Itoa(sy.Year), sy.Version, states, NumText(sy.SystemCINC, 4), nMajors, strings.Join(names, " "),
			top, topShare, NumText(sy.CON, 4), NumText(sy.Poles, 3), string(sy.Polarity), from)
	}
	if len(series) > 0 {
		t.Notes = append(t.Notes, fmt.Sprintf("CINC recomputed from COW NMC %s components; majors: COW majors2016 (a major on any day of the year; none known after 2016).", series[0].Version))
		if carried {
			t.Notes = append(t.Notes, "ASSUMPTION (--carry-forward): where majors_from is earlier than year, the majors are those of the last year of the majors data, carried forward; CON and polarity of those rows rest on it.")
		}
		t.Notes = append(t.Notes, "polarity rule: "+power.PolarityRule+". Caveat: "+power.PolarityCaveat+".")
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
	// Treaties tie the bloc (components of a day's network only).
	Treaties []string `json:"treaties,omitempty"`
}

type SystemBlocs struct {
	Covered bool `json:"covered"`
	// Date is set for the network of one day (--on); Source says which
	// data the network comes from.
	Date       string       `json:"date,omitempty"`
	Source     string       `json:"source"`
	DataYear   int          `json:"data_year,omitempty"`
	Components []SystemBloc `json:"components"`
	Cliques    []SystemBloc `json:"cliques"`
	// AssumedATOP lists ATOP alliances a bloc of a day after 2018 rests on
	// only by assuming they are still in force.
	AssumedATOP []string `json:"assumed_atop,omitempty"`
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
	// PolarityRule and PolarityCaveat say what the label means and rests on.
	PolarityRule   string `json:"polarity_rule"`
	PolarityCaveat string `json:"polarity_caveat"`
	// MajorsFrom is the year whose majors list is used; when it is earlier
	// than Year the list was carried forward, and Assumption says so.
	MajorsFrom int          `json:"majors_from,omitempty"`
	Assumption string       `json:"assumption,omitempty"`
	Blocs      *SystemBlocs `json:"blocs,omitempty"`
}

// CarriedText is the assumption behind a year whose majors were carried
// forward (power.SystemCarried), empty when they were not.
func CarriedText(sy power.SystemYear) string {
	if sy.MajorsFrom == 0 || sy.MajorsFrom == sy.Year {
		return ""
	}
	return fmt.Sprintf("the COW majors data end in %d: the majors of %d are carried forward to %d (with %d's capabilities); CON and polarity rest on that assumption (--carry-forward=false for the strict answer: unknown)",
		sy.MajorsFrom, sy.MajorsFrom, sy.Year, sy.Year)
}

// NewSystemYear is the JSON document of one year of the system, with its
// blocs when bl is not nil (and those of one day when db is not nil: bl is
// then &db.Blocs).
func NewSystemYear(w *world.World, sy power.SystemYear, bl *power.Blocs, db *power.DayBlocs) *SystemYear {
	js := SystemYear{Year: sy.Year, NMC: sy.Version, States: sy.States, SystemCINC: Num(sy.SystemCINC),
		MajorsKnown: sy.MajorsKnown, Majors: []SystemMajor{}, MajorCINC: Num(sy.MajorCINC),
		CON: Num(sy.CON), Poles: Num(sy.Poles), PolarityRule: power.PolarityRule, PolarityCaveat: power.PolarityCaveat,
		MajorsFrom: sy.MajorsFrom, Assumption: CarriedText(sy)}
	if sy.Polarity != power.NoPolarity {
		p := string(sy.Polarity)
		js.Polarity = &p
	}
	for _, m := range sy.Majors {
		js.Majors = append(js.Majors, SystemMajor{Abb: m.Abb, Code: m.Code, CINC: Num(m.CINC), Share: Num(m.Share)})
	}
	if bl != nil {
		jb := &SystemBlocs{Covered: bl.Covered, DataYear: bl.DataYear, Components: []SystemBloc{}, Cliques: []SystemBloc{},
			Source: "ATOP 5.1 defense obligations in the year (dyad-years)"}
		conv := func(bs []power.Bloc) []SystemBloc {
			out := []SystemBloc{}
			for _, b := range bs {
				out = append(out, SystemBloc{Members: Abbs(w, b.Members), CINC: Num(b.CINC), Share: Num(b.Share), Missing: Abbs(w, b.Missing)})
			}
			return out
		}
		jb.Components, jb.Cliques = conv(bl.Components), conv(bl.Cliques)
		if db != nil {
			jb.Date = db.Date.String()
			var ks []string
			for _, k := range db.Kinds {
				ks = append(ks, string(k))
			}
			jb.Source = strings.Join(ks, ", ") + " pledges of the treaties in force that day (registry, ATOP import, user files)"
			for i := range jb.Components {
				jb.Components[i].Treaties = db.Ties[i]
			}
			jb.AssumedATOP = db.Assumed
		}
		js.Blocs = jb
	}
	return &js
}

// NumText formats a number with prec decimals; missing (NaN) is the empty
// cell, never 0. The system table of the CLI and of report share it.
func NumText(v float64, prec int) string {
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', prec, 64)
}

// Abb names a state by its COW abbreviation, or its number when it has
// none (an ATOP partner outside the COW system).
func Abb(w *world.World, code int) string {
	if s, ok := w.State(code); ok && s.Abb != "" {
		return s.Abb
	}
	return strconv.Itoa(code)
}

// Abbs is Abb for each code.
func Abbs(w *world.World, codes []int) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = Abb(w, c)
	}
	return out
}
