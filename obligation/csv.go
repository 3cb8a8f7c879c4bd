package obligation

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// CSVColumns are the columns of a report's obligations table as CSV, in
// order: the JSON contract's obligation fields (see the package doc), with
// the parties' COW codes beside their abbreviations and lists joined by
// "; ".
var CSVColumns = []string{"treaty", "treaty_title", "source", "article",
	"obligor", "obligor_ccode", "beneficiary", "beneficiary_ccode", "kind", "status",
	"reason", "open", "round", "date", "event", "response", "qualifiers", "flags"}

// WriteCSV writes a scenario report as CSV: its obligations table, one row
// per obligation in the report's order. The sides, rounds and balance are
// not tables of this shape; --format json carries them.
func WriteCSV(w io.Writer, rep *Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	for i := range rep.Obligations {
		if err := cw.Write(csvRow(&rep.Obligations[i])); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// GuaranteesCSVColumns: direction (owed_to_state for an obligation another
// party owes the state, owed_by_state for one it owes), then CSVColumns,
// then the partner's home regions.
var GuaranteesCSVColumns = append(append([]string{"direction"}, CSVColumns...), "partner_regions")

// WriteGuaranteesCSV writes the guarantees of a state as one CSV table:
// the obligations owed to it, then those it owes.
func WriteGuaranteesCSV(w io.Writer, g *Guarantees) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(GuaranteesCSVColumns); err != nil {
		return err
	}
	for _, part := range []struct {
		dir string
		gs  []Guarantee
	}{{"owed_to_state", g.Defenders}, {"owed_by_state", g.Defends}} {
		for i := range part.gs {
			row := append([]string{part.dir}, csvRow(&part.gs[i].Result)...)
			row = append(row, strings.Join(part.gs[i].PartnerRegions, "; "))
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvRow(r *Result) []string {
	code := func(c int) string {
		if c == 0 {
			return ""
		}
		return strconv.Itoa(c)
	}
	return []string{r.Treaty, r.TreatyTitle, r.Source, r.Article,
		r.Obligor, code(r.obligor), r.Beneficiary, code(r.beneficiary), string(r.Kind), string(r.Status),
		r.Reason, strings.Join(r.Open, "; "), strconv.Itoa(r.Round), r.Date.String(), r.Event, r.Response,
		strings.Join(r.Qualifiers, "; "), strings.Join(r.Flags, "; ")}
}
