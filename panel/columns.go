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
			" binds the dyad in the year (non-directed: either direction, as peacesciencer's add_atop_alliance(ndir = TRUE); directed: ccode1 toward ccode2); 0 if no ATOP row; missing outside 1815–2018 (as peacesciencer)"})
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
		ColumnInfo{"cowmaj1", "majors", "int8", "COW Major Powers (majors2016)", "2016", "1 if ccode1 is a COW major power on some day of the year (as peacesciencer), 0 if not; missing after 2016 unless --carry-forward (peacesciencer 1.1's add_cow_majors puts 0 there)"},
		ColumnInfo{"cowmaj2", "majors", "int8", "COW Major Powers (majors2016)", "2016", "as cowmaj1 for ccode2"},
		ColumnInfo{"cowmaj_carried", "majors", "int8", "casus", "", "with --carry-forward: 1 when cowmaj* is the 2016 status carried forward, 0 when observed"},
		ColumnInfo{"conttype", "contiguity", "int8", "COW Direct Contiguity (contdir master records)", "3.2",
			"lowest direct-contiguity type of the master records touching the year (= the lowest of contdird's rows when the type changed mid-year; peacesciencer to 1.1; --conttype first|last takes the type in the year's first|last month, the rule peacesciencer 1.2's slice states — its output differs: a synthetic 0 spell sorted first makes slice = \"first\" write 0 for dyads contiguous all year, e.g. GMY–WRT 1850–1869 (land) and SPN–MAA 1977–1979 (type 5), where casus keeps COW's 1 and 5): 1 land, 2 ≤12 mi water, 3 ≤24 mi, 4 ≤150 mi, 5 ≤400 mi, 0 none; missing outside 1816–2016 (as peacesciencer 1.2; 1.1 put 0)"},
		ColumnInfo{"land", "contiguity", "int8", "COW Direct Contiguity (contdir master records)", "3.2",
			"state-years: number of direct land contiguity relationships in the year, counting master records as COW's contdirs and peacesciencer 1.1 (a neighbour whose type changed counts under each type; --conttype first|last: once per neighbour, by its first|last-month type, peacesciencer 1.2); missing outside 1816–2016"},
		ColumnInfo{"sea", "contiguity", "int8", "COW Direct Contiguity (contdir master records)", "3.2",
			"state-years: number of water contiguity relationships (types 2–5) in the year, counted as land"},
		ColumnInfo{"capdist", "capdist", "float64", "peacesciencer cow_capitals (OpenStreetMap geocodes)", "2025-06",
			"great-circle km between the states' Jan. 1 capitals (the capital on the first day of the year a state has one; a move takes effect the next year), d = r·atan2(√((cos φ2 sin Δλ)² + (cos φ1 sin φ2 − sin φ1 cos φ2 cos Δλ)²), sin φ1 sin φ2 + cos φ1 cos φ2 cos Δλ) with r = 6378.137 km (geosphere::distVincentySphere default, as peacesciencer); missing without a capital. Coordinates are peacesciencer's OpenStreetMap geocodes, used as published: some are rough (Brasília sits at Brazil's centroid, -10.33, -53.2, about 840 km from the city at -15.79, -47.88)"},
		ColumnInfo{"mincapdist", "capdist", "float64", "peacesciencer cow_capitals", "2025-06", "state-years: great-circle km from the state's Jan. 1 capital to the nearest Jan. 1 capital of a state it forms a dyad-year with (a common day of membership), as peacesciencer's minimum over its directed dyad-years"},
		ColumnInfo{"warnum", "wars", "int32", "COW Inter-State War", "4.0", "COW war number of the war that speaks for the year, as peacesciencer's add_cow_wars: of the wars in which the states fight on opposite sides on a common day (state-years: any war the state fights), one with an onset in the year, then the deadliest (both participants' battle deaths), then the lowest number; missing if none or after 2007"},
		ColumnInfo{"cowinteronset", "wars", "int8", "COW Inter-State War", "4.0", "1 if the states begin, or resume after a break, fighting each other in warnum this year (peacesciencer: StartYear1 or StartYear2; casus also pairs one state's resumption with the other's single spell; state-years: the state enters or re-enters warnum); 0 otherwise; missing after 2007"},
		ColumnInfo{"cowinterongoing", "wars", "int8", "COW Inter-State War", "4.0", "1 if the states fight on opposite sides on a common day of the year; missing after 2007"},
		ColumnInfo{"sidea1", "wars", "int8", "COW Inter-State War", "4.0", "COW Side of ccode1 in warnum: 1 side A, 2 side B (as COW and peacesciencer); missing without war"},
		ColumnInfo{"sidea2", "wars", "int8", "COW Inter-State War", "4.0", "as sidea1 for ccode2"},
		ColumnInfo{"initiator1", "wars", "int8", "COW Inter-State War", "4.0", "1 if ccode1 initiated warnum (COW Initiator); missing without war"},
		ColumnInfo{"initiator2", "wars", "int8", "COW Inter-State War", "4.0", "as initiator1 for ccode2"},
		ColumnInfo{"outcome1", "wars", "int8", "COW Inter-State War", "4.0", "COW Outcome of ccode1 in warnum: 1 winner, 2 loser, 3 compromise/tied, 4 transformed, 5 ongoing at the end of 2007, 6 stalemate, 7 continues below war, 8 changed sides; missing without war"},
		ColumnInfo{"outcome2", "wars", "int8", "COW Inter-State War", "4.0", "as outcome1 for ccode2"},
		ColumnInfo{"batdeath1", "wars", "int32", "COW Inter-State War", "4.0", "COW BatDeath of ccode1 in warnum (its battle deaths in the whole war); missing without war or where COW codes -9"},
		ColumnInfo{"batdeath2", "wars", "int32", "COW Inter-State War", "4.0", "as batdeath1 for ccode2"},
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
