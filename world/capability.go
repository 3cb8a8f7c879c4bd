package world

import "math"

// Capability is one state-year of COW National Material Capabilities. Every
// number is NaN when missing (COW's -9, an empty cell, or outside the
// release's years); it is never 0 for "unknown".
type Capability struct {
	Code int `json:"ccode"`
	Year int `json:"year"`
	// Components, in NMC units: milex (thousands of current US$; pounds
	// sterling before 1914 in the source's own conversion), milper
	// (thousands), irst (thousands of tons), pec (thousands of coal-ton
	// equivalents), tpop and upop (thousands).
	Milex, Milper, Irst, Pec, Tpop, Upop float64
	// CINC is the composite index as the release publishes it.
	CINC float64
}

// Components returns the six NMC components in their canonical order
// (milex, milper, irst, pec, tpop, upop).
func (c *Capability) Components() [6]float64 {
	return [6]float64{c.Milex, c.Milper, c.Irst, c.Pec, c.Tpop, c.Upop}
}

// ComponentNames lists the NMC components in the order Components uses.
var ComponentNames = [6]string{"milex", "milper", "irst", "pec", "tpop", "upop"}

// Missing reports whether v is a missing value.
func Missing(v float64) bool { return math.IsNaN(v) }

// NA is the missing value.
var NA = math.NaN()

// Capabilities is one NMC release, indexed by state and year.
type Capabilities struct {
	Dataset Dataset
	Version string // "6.0" or "7.0"
	First   int    // first year covered
	Last    int    // last year covered
	Rows    []Capability
	index   map[[2]int]int
}

// Index (re)builds the lookup table; the loader calls it once.
func (c *Capabilities) Index() {
	c.index = make(map[[2]int]int, len(c.Rows))
	for i, r := range c.Rows {
		c.index[[2]int{r.Code, r.Year}] = i
		if c.First == 0 || r.Year < c.First {
			c.First = r.Year
		}
		if r.Year > c.Last {
			c.Last = r.Year
		}
	}
}

// Get returns the capabilities of state code in year, and whether the
// release has a row for it.
func (c *Capabilities) Get(code, year int) (Capability, bool) {
	if c == nil {
		return Capability{}, false
	}
	i, ok := c.index[[2]int{code, year}]
	if !ok {
		return Capability{Code: code, Year: year, Milex: NA, Milper: NA, Irst: NA, Pec: NA, Tpop: NA, Upop: NA, CINC: NA}, false
	}
	return c.Rows[i], true
}
