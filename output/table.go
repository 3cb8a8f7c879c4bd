package output

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Formats are the tabular output formats every command accepts.
var Formats = []string{"text", "json", "csv", "md"}

// ValidFormat reports whether f is one of Formats.
func ValidFormat(f string) bool {
	for _, x := range Formats {
		if x == f {
			return true
		}
	}
	return false
}

// Table is a rectangular result. Cells are pre-formatted strings; an empty
// cell means missing and is written as an empty CSV field, null in JSON
// (when Types marks the column numeric) and blank in text.
type Table struct {
	Columns []string
	// Types optionally marks columns "number" or "bool" so JSON emits
	// numbers and booleans rather than strings.
	Types map[string]string
	Rows  [][]string
	// Notes are printed under a text or Markdown table (data years used,
	// sources); JSON and CSV leave them out.
	Notes []string
}

// Add appends a row.
func (t *Table) Add(cells ...string) { t.Rows = append(t.Rows, cells) }

// Write renders t in format f ("text", "json", "csv" or "md").
func (t *Table) Write(w io.Writer, f string) error {
	switch f {
	case "", "text":
		return t.writeText(w)
	case "json":
		return t.writeJSON(w)
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(t.Columns); err != nil {
			return err
		}
		if err := cw.WriteAll(t.Rows); err != nil {
			return err
		}
		cw.Flush()
		return cw.Error()
	case "md":
		return t.writeMarkdown(w)
	}
	return fmt.Errorf("unknown format %q: want one of %s", f, strings.Join(Formats, ", "))
}

func (t *Table) writeText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(t.Columns, "\t"))
	for _, r := range t.Rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, n := range t.Notes {
		fmt.Fprintln(w, n)
	}
	return nil
}

func (t *Table) writeMarkdown(w io.Writer) error {
	esc := func(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
	fmt.Fprintf(w, "| %s |\n", strings.Join(t.Columns, " | "))
	fmt.Fprintf(w, "|%s\n", strings.Repeat(" --- |", len(t.Columns)))
	for _, r := range t.Rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = esc(c)
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
	}
	if len(t.Notes) > 0 {
		fmt.Fprintln(w)
		for _, n := range t.Notes {
			fmt.Fprintln(w, n)
		}
	}
	return nil
}

func (t *Table) writeJSON(w io.Writer) error {
	rows := make([]orderedRow, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = orderedRow{cols: t.Columns, cells: r, types: t.Types}
	}
	return WriteJSON(w, rows)
}

// orderedRow is one row as a JSON object whose keys keep the table's column
// order (a map would sort them), so a JSON row reads like the CSV one.
type orderedRow struct {
	cols  []string
	cells []string
	types map[string]string
}

func (r orderedRow) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for j, c := range r.cols {
		if j > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(c)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		var cell string
		if j < len(r.cells) {
			cell = r.cells[j]
		}
		v, err := json.Marshal(jsonCell(cell, r.types[c]))
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func jsonCell(cell, typ string) any {
	switch typ {
	case "number":
		if cell == "" {
			return nil
		}
		return json.Number(cell)
	case "bool":
		if cell == "" {
			return nil
		}
		return cell == "true" || cell == "1"
	}
	return cell
}
