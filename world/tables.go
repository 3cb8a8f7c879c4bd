package world

// AllianceDyadYears is ATOP's directed dyad-year table: row (A, B, year)
// carries the obligations of A toward B in that year. Absence of a row means
// no obligation inside ATOP's years (1815–2018) and missing outside them.
type AllianceDyadYears struct {
	Dataset Dataset
	First   int // first year covered (1815)
	Last    int // last year covered (2018)
	Rows    []AllianceDyadYear
}

// AllianceDyadYear holds the five ATOP obligation flags of A toward B.
type AllianceDyadYear struct {
	A, B, Year                                int
	Defense, Offense, Neutral, Nonagg, Consul bool
}

// Contiguity is one COW direct-contiguity spell between two states
// (undirected, Low < High). Begin and End are YYYYMM as COW codes them.
type Contiguity struct {
	Low, High  int
	Type       int // 1 land, 2 ≤12 mi water, 3 ≤24 mi, 4 ≤150 mi, 5 ≤400 mi
	Begin, End int // YYYYMM
}

// Capital is a state's capital city in a spell, with approximate coordinates.
type Capital struct {
	Code     int
	Name     string
	Spell    Spell
	Lat, Lng float64
}

// War is one COW inter-state war with its participants.
type War struct {
	Num          int
	Name         string
	Participants []WarParticipant
	// Dyads are the directed dyadic wars inside this war (COW Directed
	// Dyadic Interstate War data, Maoz et al.); nil when those data are
	// not loaded.
	Dyads []WarDyad
}

// WarDyad is one directed dyadic war: A fought B within a COW war from
// Start to End, and Initiator says whether A began the fighting between
// the two (the file's wardyadrolea = 1). The file records, unlike the
// participant list, who attacked a state that entered a war already under
// way (Germany the USSR on 1941-06-22) and fighting COW's participant list
// leaves out (the USSR against Poland from 1939-09-17).
type WarDyad struct {
	A, B       int
	Start, End Date
	Initiator  bool
	DyIndex    string // the file's dyadic index, "258.014"
}

// WarParticipant is one state's participation in a war (COW can record two
// spells of participation per state).
type WarParticipant struct {
	Code      int
	Side      int // 1 or 2
	Spells    []Spell
	Initiator bool
	Outcome   int
	BatDeath  float64 // NaN when missing
	// WhereFought is the codebook's region code of the state's combat
	// (1 W. Hemisphere, 2 Europe, ... 19 five regions).
	WhereFought int
	// Line is the participant's line in the war file (the header is line
	// 1), so that a derived table can cite its source row; 0 when the
	// participant was not read from the file.
	Line int
}
