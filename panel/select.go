package panel

import (
	"bufio"
	"io"
	"strconv"
)

// Select returns a frame of f's rows rows (in that order), sharing f's
// dictionaries: how casus serve answers the panel rows of one dyad or one
// state without a second panel builder.
func (f *Frame) Select(rows []int) *Frame {
	out := &Frame{Unit: f.Unit, Directed: f.Directed, First: f.First, Last: f.Last, Notes: f.Notes, n: len(rows)}
	for _, c := range f.Cols {
		nc := &Column{Name: c.Name, Type: c.Type, Dict: c.Dict}
		switch {
		case c.Idx != nil:
			nc.Idx = pick(c.Idx, rows)
		case c.Type == Int16:
			nc.I16 = pick(c.I16, rows)
		case c.Type == Int8:
			nc.I8 = pick(c.I8, rows)
		case c.Type == Int32:
			nc.I32 = pick(c.I32, rows)
		default:
			nc.F64 = pick(c.F64, rows)
		}
		out.Cols = append(out.Cols, nc)
	}
	return out
}

func pick[T any](s []T, rows []int) []T {
	out := make([]T, len(rows))
	for i, r := range rows {
		out[i] = s[r]
	}
	return out
}

// WriteJSON writes f as a JSON array of objects, one per row, keys in
// column order; a missing value is null (never 0), numbers are written as
// WriteCSV writes them.
func WriteJSON(w io.Writer, f *Frame) error {
	bw := bufio.NewWriter(w)
	pre := make([]*formatted, len(f.Cols)) // no gathered pre-formatting: rows are few
	bw.WriteString("[")
	var line []byte
	for i := 0; i < f.Len(); i++ {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n  {")
		// One CSV line, split: appendRows is the single formatter of cells.
		line = appendRows(line[:0], f, pre, i, i+1)
		start, k := 0, 0
		for j := 0; j <= len(line)-1; j++ {
			if line[j] != ',' && line[j] != '\n' {
				continue
			}
			if k > 0 {
				bw.WriteString(", ")
			}
			bw.WriteString(strconv.Quote(f.Cols[k].Name))
			bw.WriteString(": ")
			if cell := line[start:j]; len(cell) == 0 {
				bw.WriteString("null")
			} else {
				bw.Write(cell)
			}
			start, k = j+1, k+1
		}
		bw.WriteString("}")
	}
	bw.WriteString("\n]\n")
	return bw.Flush()
}
