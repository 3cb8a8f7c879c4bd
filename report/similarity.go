package report

import (
	"context"
	"math"
	"strconv"

	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/similarity"
	"github.com/casus-dev/casus/world"
)

// StateAbbs maps COW codes to abbreviations for similarity.Layout.
func StateAbbs(w *world.World) map[int32]string {
	abb := make(map[int32]string, len(w.States))
	for _, s := range w.States {
		abb[int32(s.Code)] = s.Abb
	}
	return abb
}

// SimilarityTable is the table for people or JSON with the layout's
// columns, numbers typed for JSON.
func SimilarityTable(l similarity.Layout) *output.Table {
	t := &output.Table{Columns: l.Header(), Types: map[string]string{"ccode1": "number", "ccode2": "number", "year": "number"}}
	for _, mm := range l.Measures {
		t.Types[similarity.Columns[mm].Name] = "number"
	}
	return t
}

// AddSimilarityRows adds a year to a table for people (4 decimals) or, for
// JSON, programs (full precision).
func AddSimilarityRows(t *output.Table, l similarity.Layout, y *similarity.Year, exact bool) {
	weighted := len(l.Header()) > 5+len(l.Measures)
	for d := range y.Code1 {
		row := []string{strconv.Itoa(int(y.Code1[d])), strconv.Itoa(int(y.Code2[d])), l.Abb[y.Code1[d]], l.Abb[y.Code2[d]], strconv.Itoa(y.Year)}
		for _, m := range l.Measures {
			v := y.Values[m][d]
			if math.IsNaN(v) {
				row = append(row, "")
			} else if exact {
				row = append(row, strconv.FormatFloat(v, 'g', -1, 64))
			} else {
				row = append(row, strconv.FormatFloat(v, 'f', 4, 64))
			}
		}
		if weighted {
			row = append(row, l.NMC)
		}
		t.Add(row...)
	}
}

// SimilarityDyad is `casus similarity A B` for codes (ccode1 < ccode2):
// the dyad's rows over opt's years as a table (for JSON, full precision)
// and, for format "csv", the bytes of the whole table's CSV encoding (so a
// dyad's row is byte for byte its row in the full table).
func SimilarityDyad(ctx context.Context, w *world.World, codes [2]int32, ms []similarity.Measure, opt similarity.Options, format string) (*output.Table, []byte, similarity.Summary, error) {
	plan, err := similarity.Plan(w, opt)
	if err != nil {
		return nil, nil, similarity.Summary{}, err
	}
	layout := similarity.Layout{Measures: ms, NMC: plan.NMC, ATOP: plan.ATOP, Abb: StateAbbs(w)}
	t := SimilarityTable(layout)
	// CSV keeps the full table's encoding (10 decimals), so a dyad's row is
	// byte for byte the row of the whole table.
	var csvRows []byte
	if format == "csv" {
		csvRows = layout.CSVHeader()
	}
	sum, err := similarity.DyadYears(ctx, w, opt, func(y *similarity.Year) error {
		one, ok := y.Dyad(codes[0], codes[1])
		if !ok {
			return nil
		}
		if format == "csv" {
			csvRows = layout.AppendCSV(csvRows, one)
		} else {
			AddSimilarityRows(t, layout, one, format == "json")
		}
		return nil
	})
	if err != nil {
		return nil, nil, similarity.Summary{}, err
	}
	return t, csvRows, sum, nil
}
