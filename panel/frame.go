package panel

import (
	"fmt"
	"math"
)

// Unit is the unit of observation of a panel.
type Unit int

const (
	StateYears Unit = iota
	DyadYears
)

func (u Unit) String() string {
	if u == DyadYears {
		return "dyad-years"
	}
	return "state-years"
}

// Type is the storage type of a column.
type Type uint8

const (
	// Int16 holds state codes and years; never missing.
	Int16 Type = iota
	// Int8 holds flags and small codes; NA8 is missing.
	Int8
	// Int32 holds larger codes (war numbers); NA32 is missing.
	Int32
	// Float64 holds measurements; NaN is missing.
	Float64
)

func (t Type) String() string {
	switch t {
	case Int16:
		return "int16"
	case Int8:
		return "int8"
	case Int32:
		return "int32"
	}
	return "float64"
}

// Missing values of the integer column types. Float columns use NaN.
const (
	NA8  = math.MinInt8
	NA32 = math.MinInt32
)

// Column is one named, typed column. Exactly one of the slices is used, by
// Type, and it has the frame's length — except for a gathered Float64
// column, whose value in row i is Dict[Idx[i]] (Idx[i] < 0: missing). Values
// that come from a per-state-year table (NMC) are gathered rather than
// copied: a million-row dyad panel then holds one int32 index per side
// instead of seven float64 columns, and the Parquet writer stores the
// table once as a dictionary.
type Column struct {
	Name string
	Type Type
	I16  []int16
	I8   []int8
	I32  []int32
	F64  []float64
	Dict []float64
	Idx  []int32
}

// F returns row i of a Float64 column (NaN when missing).
func (c *Column) F(i int) float64 {
	if c.Idx != nil {
		if k := c.Idx[i]; k >= 0 {
			return c.Dict[k]
		}
		return math.NaN()
	}
	return c.F64[i]
}

// IsNA reports whether row i is missing.
func (c *Column) IsNA(i int) bool {
	switch c.Type {
	case Int8:
		return c.I8[i] == NA8
	case Int32:
		return c.I32[i] == NA32
	case Float64:
		return math.IsNaN(c.F(i))
	}
	return false
}

// Float returns row i as a float64 (NaN when missing), whatever the type.
func (c *Column) Float(i int) float64 {
	switch c.Type {
	case Int16:
		return float64(c.I16[i])
	case Int8:
		if c.I8[i] == NA8 {
			return math.NaN()
		}
		return float64(c.I8[i])
	case Int32:
		if c.I32[i] == NA32 {
			return math.NaN()
		}
		return float64(c.I32[i])
	}
	return c.F(i)
}

func newColumn(name string, t Type, n int) *Column {
	c := &Column{Name: name, Type: t}
	switch t {
	case Int16:
		c.I16 = make([]int16, n)
	case Int8:
		c.I8 = make([]int8, n)
	case Int32:
		c.I32 = make([]int32, n)
	case Float64:
		c.F64 = make([]float64, n)
	}
	return c
}

// Frame is a panel: key columns first (ccode, year or ccode1, ccode2,
// year), then the columns adders appended, in order.
type Frame struct {
	Unit     Unit
	Directed bool // dyad-years only
	First    int  // first year
	Last     int  // last year
	Cols     []*Column
	// Notes record choices a reader of the output should know (data
	// versions, carried-forward values); the CLI prints them on stderr.
	Notes []string
	n     int
}

// Len returns the number of rows.
func (f *Frame) Len() int { return f.n }

// Column returns the column named name, or nil.
func (f *Frame) Column(name string) *Column {
	for _, c := range f.Cols {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Names returns the column names in order.
func (f *Frame) Names() []string {
	out := make([]string, len(f.Cols))
	for i, c := range f.Cols {
		out[i] = c.Name
	}
	return out
}

// Codes returns the state-code key columns: (ccode, nil) for state-years,
// (ccode1, ccode2) for dyad-years.
func (f *Frame) Codes() (c1, c2 []int16) {
	if f.Unit == DyadYears {
		return f.Cols[0].I16, f.Cols[1].I16
	}
	return f.Cols[0].I16, nil
}

// Years returns the year key column.
func (f *Frame) Years() []int16 {
	if f.Unit == DyadYears {
		return f.Cols[2].I16
	}
	return f.Cols[1].I16
}

// add appends a new column of type t; it is an error to add a name twice
// (two adders would silently overwrite each other).
func (f *Frame) add(name string, t Type) (*Column, error) {
	if f.Column(name) != nil {
		return nil, fmt.Errorf("panel: column %q added twice", name)
	}
	c := newColumn(name, t, f.n)
	f.Cols = append(f.Cols, c)
	return c, nil
}
