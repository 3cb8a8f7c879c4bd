package server

import (
	"net/http"
	"testing"
)

// TestStateYears: GET /api/states/{q}?years= answers casus state --years's
// document. Germany's absence from NMC between 1946 and 1989 (West and
// East Germany have codes of their own) is a fact of the NMC data; years
// and on together, a reversed range and an unknown state are refused.
func TestStateYears(t *testing.T) {
	_, url := start(t, Options{})
	var doc struct {
		Abb     string `json:"stateabb"`
		Release string `json:"release"`
		Years   []struct {
			Year      int      `json:"year"`
			InRelease bool     `json:"in_release"`
			CINC      *float64 `json:"cinc"`
			Share     *float64 `json:"share_of_system"`
		} `json:"years"`
	}
	get(t, url+"/api/states/GMY?years=1940-1992").json(t, &doc)
	if doc.Abb != "GMY" || len(doc.Years) != 53 {
		t.Fatalf("GMY 1940-1992: %s with %d years, want GMY with 53", doc.Abb, len(doc.Years))
	}
	for _, y := range doc.Years {
		gap := y.Year >= 1946 && y.Year <= 1989
		if gap && (y.InRelease || y.CINC != nil) {
			t.Errorf("GMY %d: in NMC with CINC %v; Germany (255) has no NMC row 1946-1989", y.Year, y.CINC)
		}
		if y.Year <= 1944 && (y.CINC == nil || *y.CINC <= 0) {
			t.Errorf("GMY %d: CINC %v, want a positive value", y.Year, y.CINC)
		}
	}
	if a := get(t, url+"/api/states/RUS?years=1900-1800"); a.status != http.StatusBadRequest {
		t.Errorf("reversed years: status %d, want 400", a.status)
	}
	if a := get(t, url+"/api/states/RUS?years=1900-1910&on=1900-01-01"); a.status != http.StatusBadRequest {
		t.Errorf("years with on: status %d, want 400", a.status)
	}
	if a := get(t, url+"/api/states/XXX?years=1900-1910"); a.status != http.StatusNotFound {
		t.Errorf("unknown state: status %d, want 404", a.status)
	}
}
