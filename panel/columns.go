package panel

import "github.com/casus-dev/casus/similarity"

// ColumnInfo documents one column a panel can hold.
type ColumnInfo struct {
	Name    string `json:"name"`
	Adder   string `json:"adder"` // "" for key columns
	Type    string `json:"type"`
	Source  string `json:"source"`
	Version string `json:"version"`
	Meaning string `json:"meaning"`
}

// Dictionary lists every column, keys first, then by adder. Names ending
// in 1/2 exist for both states of a dyad; state-year panels use the name
// without the digit (milex, cowmaj).
func Dictionary() []ColumnInfo {
	const (
		cow  = "COW State System Membership"
		atop = "ATOP directed dyad-years (peacesciencer atop_alliance)"
		nmc  = "COW National Material Capabilities"
	)
	d := []ColumnInfo{
		{"ccode", "", "int16", cow, "2016", "COW state code (state-years)"},
		{"ccode1", "", "int16", cow, "2016", "COW code of the first state (dyad-years; non-directed: the lower code)"},
		{"ccode2", "", "int16", cow, "2016", "COW code of the second state"},
		{"year", "", "int16", cow, "2016", "calendar year; a row exists when the state (both states, on a common day) is a system member"},
	}
	atopMeaning := map[string]string{
		"atop_defense": "defense pledge", "atop_offense": "offense pledge", "atop_neutral": "neutrality pledge",
		"atop_nonagg": "non-aggression pledge", "atop_consul": "consultation pledge",
	}
	for _, n := range atopNames {
		d = append(d, ColumnInfo{n, "atop", "int8", atop, "5.1", "1 if an alliance with a " + atopMeaning[n] +
			" binds the dyad in the year (non-directed: either direction; directed: ccode1 toward ccode2); 0 if none; missing outside 1815–2018"})
	}
	d = append(d, ColumnInfo{"atop_any", "atop", "int8", atop, "5.1", "1 if any of the five ATOP obligations holds (as atop_*)"})
	for _, n := range atopNames {
		d = append(d, ColumnInfo{n + "12", "atop", "int8", atop, "5.1", "with --atop-directions: " + atopMeaning[n] + " of ccode1 toward ccode2"})
		d = append(d, ColumnInfo{n + "21", "atop", "int8", atop, "5.1", "with --atop-directions: " + atopMeaning[n] + " of ccode2 toward ccode1"})
	}
	nmcMeaning := map[string]string{
		"milex": "military expenditure, thousands of current US$", "milper": "military personnel, thousands",
		"irst": "iron and steel production, thousands of tons", "pec": "primary energy consumption, thousands of coal-ton equivalents",
		"tpop": "total population, thousands", "upop": "urban population, thousands",
		"cinc": "Composite Index of National Capability, as published",
	}
	for _, side := range []string{"1", "2"} {
		for _, n := range nmcNames {
			d = append(d, ColumnInfo{n + side, "nmc", "float64", nmc, "6.0 (1816–2016) or 7.0 (1816–2022), --nmc",
				nmcMeaning[n] + " of ccode" + side + "; missing outside the release's years and where COW codes -9"})
		}
	}
	d = append(d,
		ColumnInfo{"cowmaj1", "majors", "int8", "COW Major Powers (majors2016)", "2016", "1 if ccode1 is a COW major power on some day of the year, 0 if not; missing after 2016 unless --carry-forward"},
		ColumnInfo{"cowmaj2", "majors", "int8", "COW Major Powers (majors2016)", "2016", "as cowmaj1 for ccode2"},
		ColumnInfo{"cowmaj_carried", "majors", "int8", "casus", "", "with --carry-forward: 1 when cowmaj* is the 2016 status carried forward, 0 when observed"},
		ColumnInfo{"conttype", "contiguity", "int8", "COW Direct Contiguity (contdir master records)", "3.2",
			"lowest direct-contiguity type in the year: 1 land, 2 ≤12 mi water, 3 ≤24 mi, 4 ≤150 mi, 5 ≤400 mi, 0 none; missing outside 1816–2016"},
		ColumnInfo{"capdist", "capdist", "float64", "peacesciencer cow_capitals (OpenStreetMap geocodes)", "2025-06",
			"great-circle km between the states' Jan. 1 capitals, Vincenty formula on a sphere of radius 6378.137 km (geosphere::distVincentySphere default); missing without a capital"},
		ColumnInfo{"mincapdist", "capdist", "float64", "peacesciencer cow_capitals", "2025-06", "state-years: great-circle km from the state's Jan. 1 capital to the nearest other member's that year"},
		ColumnInfo{"warnum", "wars", "int32", "COW Inter-State War", "4.0", "COW war number of the lowest-numbered war in which the states fight on opposite sides that year (state-years: any war the state fights); missing if none or after 2007"},
		ColumnInfo{"cowinteronset", "wars", "int8", "COW Inter-State War", "4.0", "1 in the first year the states fight each other in a war (state-years: the state's first year in it); missing after 2007"},
		ColumnInfo{"cowinterongoing", "wars", "int8", "COW Inter-State War", "4.0", "1 if the states fight on opposite sides on a common day of the year; missing after 2007"},
		ColumnInfo{"sidea1", "wars", "int8", "COW Inter-State War", "4.0", "1 if ccode1 is on side A (COW Side 1) of warnum, 0 if on side B; missing without war"},
		ColumnInfo{"sidea2", "wars", "int8", "COW Inter-State War", "4.0", "as sidea1 for ccode2"},
		ColumnInfo{"initiator1", "wars", "int8", "COW Inter-State War", "4.0", "1 if ccode1 initiated warnum (COW Initiator); missing without war"},
		ColumnInfo{"initiator2", "wars", "int8", "COW Inter-State War", "4.0", "as initiator1 for ccode2"},
	)
	for _, c := range similarity.Columns {
		d = append(d, ColumnInfo{c.Name, "similarity", "float64", "casus package similarity on ATOP directed dyad-years (+ NMC CINC weights)", "5.1",
			c.Doc + "; missing outside 1816–2018 and where undefined"})
	}
	d = append(d,
		ColumnInfo{"defoblig12", "obligations", "int8", "casus package obligation on the treaty model (registry + ATOP 5.1 imports)", "5.1",
			"would ccode1 be bound to defend ccode2 if a state outside the treaty attacked ccode2 at home on ccode2's last day of membership in the year: 2 binding, 1 contingent (an open condition), 0 none"},
		ColumnInfo{"defoblig21", "obligations", "int8", "casus package obligation", "5.1", "as defoblig12 with the roles reversed: ccode2 toward ccode1"},
	)
	return d
}
