package panel

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func TestSelectAndWriteJSON(t *testing.T) {
	f := &Frame{Unit: DyadYears, n: 3}
	c1 := newColumn("ccode1", Int16, 3)
	c2 := newColumn("ccode2", Int16, 3)
	yr := newColumn("year", Int16, 3)
	fl := newColumn("atop_defense", Int8, 3)
	x := &Column{Name: "cinc1", Type: Float64, Dict: []float64{0.25, math.NaN()}, Idx: []int32{0, -1, 1}}
	copy(c1.I16, []int16{2, 2, 2})
	copy(c2.I16, []int16{20, 200, 365})
	copy(yr.I16, []int16{1950, 1950, 1950})
	copy(fl.I8, []int8{1, NA8, 0})
	f.Cols = []*Column{c1, c2, yr, fl, x}
	sub := f.Select([]int{1, 2})
	var csv bytes.Buffer
	if err := WriteCSV(&csv, sub); err != nil {
		t.Fatal(err)
	}
	if got := csv.String(); got != "ccode1,ccode2,year,atop_defense,cinc1\n2,200,1950,,\n2,365,1950,0,\n" {
		t.Errorf("csv of the selection:\n%s", got)
	}
	var js bytes.Buffer
	if err := WriteJSON(&js, f); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(js.Bytes(), &rows); err != nil {
		t.Fatalf("%v:\n%s", err, js.String())
	}
	if len(rows) != 3 || rows[0]["cinc1"] != 0.25 || rows[1]["atop_defense"] != nil || rows[1]["cinc1"] != nil || rows[2]["atop_defense"] != float64(0) {
		t.Errorf("json rows %v", rows)
	}
	if !strings.Contains(js.String(), `"ccode1": 2, "ccode2": 20`) {
		t.Errorf("key order: %s", js.String())
	}
}
