// Package codes derives the UI's state table (COW code, abbreviation,
// name, ISO3, ISO numeric) from the official data, so that the map's
// COW-to-feature crosswalk comes from the countrycode code list rather
// than from hand-typed codes.
package codes

import (
	"bytes"
	"context"
	"encoding/json"

	"github.com/casus-dev/casus/source"
)

// State is one row of web/src/states.json.
type State struct {
	Code int    `json:"c"`
	Abb  string `json:"a"`
	Name string `json:"n"`
	ISO3 string `json:"i,omitempty"`
	// ISON is the ISO 3166-1 numeric code of ISO3 in the crosswalk; 0
	// when the state has no modern ISO code.
	ISON int `json:"n3,omitempty"`
}

// Build reads the states and the crosswalk from d and returns the table as
// JSON, one state a line, in COW code order.
func Build(d *source.Data) ([]byte, error) {
	w, err := source.Load(context.Background(), d, source.LoadOptions{Only: []string{source.States}})
	if err != nil {
		return nil, err
	}
	rows, _, err := source.ReadCodelist(d.File(source.PathCodelist))
	if err != nil {
		return nil, err
	}
	isoN := map[string]int{}
	for _, r := range rows {
		if r.ISO3 != "" && r.ISO3N != source.MissingInt {
			isoN[r.ISO3] = r.ISO3N
		}
	}
	var buf bytes.Buffer
	buf.WriteString("[\n")
	for i, s := range w.States {
		row := State{Code: s.Code, Abb: s.Abb, Name: s.Name, ISO3: s.ISO3, ISON: isoN[s.ISO3]}
		b, err := json.Marshal(row)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			buf.WriteString(",\n")
		}
		buf.Write(b)
	}
	buf.WriteString("\n]\n")
	return buf.Bytes(), nil
}
