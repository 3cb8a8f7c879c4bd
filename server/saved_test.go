package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casus-dev/casus/store"
)

// withStore starts a server with a fresh database and returns its URL and
// a valid token.
func withStore(t *testing.T) (string, string, *store.Store) {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "casus.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	tok, err := st.CreateToken(context.Background(), "test")
	if err != nil {
		t.Fatal(err)
	}
	_, url := start(t, Options{Store: st})
	return url, tok, st
}

// A made-up mutual-defence pact of Mongolia and Kazakhstan: neither has
// one with the other in the registry or ATOP.
const monKzkPact = `id: mon-kzk-test
title: Test pact of Mongolia and Kazakhstan
signed: 2020-01-01
members:
  - {state: MON, joined: 2020-01-01}
  - {state: KZK, joined: 2020-01-01}
obligations:
  - article: Art. 1
    kind: defense
    trigger: armed_attack
    response:
      action: military_assistance
sources:
  - url: https://example.org/test
    title: a test file
`

func bearer(tok string) []string { return []string{"Authorization", "Bearer " + tok} }

func TestWritesNeedAValidToken(t *testing.T) {
	url, tok, _ := withStore(t)
	for _, hdr := range [][]string{nil, {"Authorization", "Bearer casus_nottherightone"}, {"Authorization", "Basic dXNlcjpwdw=="}, {"Authorization", "Bearer " + tok + "x"}} {
		a := post(t, url+"/api/treaties/saved", monKzkPact, hdr...)
		a.apiErr(t, http.StatusUnauthorized)
		if !strings.HasPrefix(a.header.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("401 without WWW-Authenticate: %v", a.header)
		}
		post(t, url+"/api/scenarios", korea2025, hdr...).apiErr(t, http.StatusUnauthorized)
		do(t, "PUT", url+"/api/scenarios/1", strings.NewReader(korea2025), hdr...).apiErr(t, http.StatusUnauthorized)
		do(t, "DELETE", url+"/api/treaties/saved/mon-kzk-test", nil, hdr...).apiErr(t, http.StatusUnauthorized)
	}
	// Nothing was written.
	var list []store.Treaty
	get(t, url+"/api/treaties/saved").json(t, &list)
	if len(list) != 0 {
		t.Errorf("unauthorized writes stored %d treaties", len(list))
	}
	// Reads are open; the right token writes.
	if a := post(t, url+"/api/treaties/saved", monKzkPact, bearer(tok)...); a.status != http.StatusCreated {
		t.Fatalf("with the token: %d %s", a.status, a.body)
	}
}

func TestSavedTreatyJoinsEvaluations(t *testing.T) {
	url, tok, _ := withStore(t)
	bound := func(query string) bool {
		var g struct {
			Defenders []struct{ Obligor, Status, Treaty string } `json:"defenders"`
		}
		get(t, url+"/api/guarantees?state=MON&on=2025-01-01"+query).json(t, &g)
		for _, d := range g.Defenders {
			if d.Obligor == "KZK" && d.Treaty == "mon-kzk-test" && d.Status == "binding" {
				return true
			}
		}
		return false
	}
	if bound("&treaties=saved") {
		t.Fatal("bound before the treaty was saved")
	}
	a := post(t, url+"/api/treaties/saved", monKzkPact, bearer(tok)...)
	if a.status != http.StatusCreated || a.header.Get("Location") != "/api/treaties/saved/mon-kzk-test" {
		t.Fatalf("create: %d %v %s", a.status, a.header, a.body)
	}
	if !bound("&treaties=saved") {
		t.Error("the saved treaty does not bind Kazakhstan with ?treaties=saved")
	}
	if bound("") {
		t.Error("the saved treaty binds without ?treaties=saved")
	}
	// In the treaty list and show with ?treaties=saved only.
	var rows []struct{ ID, Source string }
	get(t, url+"/api/treaties?treaties=saved&state=MON").json(t, &rows)
	found := false
	for _, r := range rows {
		found = found || (r.ID == "mon-kzk-test" && r.Source == "user")
	}
	if !found {
		t.Errorf("saved treaty not listed: %+v", rows)
	}
	get(t, url+"/api/treaties/mon-kzk-test").apiErr(t, http.StatusNotFound)
	if a := get(t, url+"/api/treaties/mon-kzk-test?treaties=saved"); a.status != 200 {
		t.Errorf("show saved: %d %s", a.status, a.body)
	}
	// A scenario: Russia attacks Mongolia; Kazakhstan is bound with the
	// saved treaty.
	scen := "date: 2025-06-01\nevents:\n  - armed_attack: {by: [RUS], on: MON}\n"
	var rep struct {
		Obligations []struct{ Treaty, Obligor, Status string } `json:"obligations"`
	}
	post(t, url+"/api/scenario?treaties=saved", scen).json(t, &rep)
	found = false
	for _, o := range rep.Obligations {
		found = found || (o.Treaty == "mon-kzk-test" && o.Obligor == "KZK" && o.Status == "binding")
	}
	if !found {
		t.Errorf("scenario with saved treaties: %+v", rep.Obligations)
	}
	// Updating the treaty (ending it in 2024) changes the next evaluation.
	ended := strings.Replace(monKzkPact, "signed: 2020-01-01\n", "signed: 2020-01-01\nended: 2024-01-01\n", 1)
	if a := do(t, "PUT", url+"/api/treaties/saved/mon-kzk-test", strings.NewReader(ended), bearer(tok)...); a.status != 200 {
		t.Fatalf("update: %d %s", a.status, a.body)
	}
	if bound("&treaties=saved") {
		t.Error("still bound after the treaty was ended in 2024")
	}
	// Deleting it removes it.
	if a := do(t, "DELETE", url+"/api/treaties/saved/mon-kzk-test", nil, bearer(tok)...); a.status != http.StatusNoContent {
		t.Fatalf("delete: %d %s", a.status, a.body)
	}
	get(t, url+"/api/treaties/saved/mon-kzk-test").apiErr(t, http.StatusNotFound)
	do(t, "DELETE", url+"/api/treaties/saved/mon-kzk-test", nil, bearer(tok)...).apiErr(t, http.StatusNotFound)
}

func TestSavedTreatyChecked(t *testing.T) {
	url, tok, _ := withStore(t)
	// A registry id is taken: 400 from the validator, nothing stored.
	dup := strings.Replace(monKzkPact, "id: mon-kzk-test", "id: chn-prk-1961", 1)
	e := post(t, url+"/api/treaties/saved?name=dup.yaml", dup, bearer(tok)...).apiErr(t, http.StatusBadRequest)
	if !strings.Contains(e.Msg, "dup.yaml:1") || !strings.Contains(e.Msg, "duplicate treaty id") {
		t.Errorf("duplicate of a registry id: %q", e.Msg)
	}
	// An unknown state: file:line and every problem listed.
	bad := strings.Replace(strings.Replace(monKzkPact, "state: KZK", "state: Atlantis", 1), "kind: defense", "kind: defence", 1)
	e = post(t, url+"/api/treaties/validate", bad).apiErr(t, http.StatusBadRequest)
	if !strings.HasPrefix(e.Msg, "treaty:") || len(e.Problems) != 2 {
		t.Errorf("validate: %q, problems %q", e.Msg, e.Problems)
	}
	// Validation of a good file answers the treaty and stores nothing.
	var tr struct{ ID string }
	post(t, url+"/api/treaties/validate", monKzkPact).json(t, &tr)
	if tr.ID != "mon-kzk-test" {
		t.Errorf("validate answered %+v", tr)
	}
	// Saving twice: 409.
	post(t, url+"/api/treaties/saved", monKzkPact, bearer(tok)...)
	post(t, url+"/api/treaties/saved", monKzkPact, bearer(tok)...).apiErr(t, http.StatusConflict)
	// A PUT may not rename.
	renamed := strings.Replace(monKzkPact, "id: mon-kzk-test", "id: mon-kzk-other", 1)
	do(t, "PUT", url+"/api/treaties/saved/mon-kzk-test", strings.NewReader(renamed), bearer(tok)...).apiErr(t, http.StatusBadRequest)
}

func TestSavedScenarios(t *testing.T) {
	url, tok, _ := withStore(t)
	titled := "title: Korea 2025\n" + korea2025
	a := post(t, url+"/api/scenarios", titled, bearer(tok)...)
	var sc store.Scenario
	a.json(t, &sc)
	if a.status != http.StatusCreated || sc.ID == 0 || sc.Title != "Korea 2025" || sc.YAML != titled {
		t.Fatalf("create: %d %+v", a.status, sc)
	}
	post(t, url+"/api/scenarios", "date: 2025-06-01\nevents:\n  - armed_attack: {by: [ROK], on: Atlantis}\n", bearer(tok)...).apiErr(t, http.StatusBadRequest)
	var list []store.Scenario
	get(t, url+"/api/scenarios").json(t, &list)
	if len(list) != 1 {
		t.Errorf("list: %+v", list)
	}
	// The saved scenario's report is the report of its file.
	direct := post(t, url+fmt.Sprintf("/api/scenario?name=scenarios/%d", sc.ID), titled)
	saved := get(t, url+fmt.Sprintf("/api/scenarios/%d/report", sc.ID))
	if saved.status != 200 || string(saved.body) != string(direct.body) {
		t.Errorf("saved report differs from the direct one (%d)", saved.status)
	}
	upd := do(t, "PUT", url+fmt.Sprintf("/api/scenarios/%d", sc.ID), strings.NewReader("title: Korea later\n"+korea2025), bearer(tok)...)
	var sc2 store.Scenario
	upd.json(t, &sc2)
	if sc2.Title != "Korea later" || !sc2.Created.Equal(sc.Created) {
		t.Errorf("update: %+v", sc2)
	}
	if a := do(t, "DELETE", url+fmt.Sprintf("/api/scenarios/%d", sc.ID), nil, bearer(tok)...); a.status != http.StatusNoContent {
		t.Errorf("delete: %d", a.status)
	}
	get(t, url+fmt.Sprintf("/api/scenarios/%d", sc.ID)).apiErr(t, http.StatusNotFound)
	get(t, url+"/api/scenarios/x").apiErr(t, http.StatusNotFound)
}

func TestNoStore503(t *testing.T) {
	_, url := start(t, Options{})
	get(t, url+"/api/scenarios").apiErr(t, http.StatusServiceUnavailable)
	get(t, url+"/api/guarantees?state=PRK&treaties=saved").apiErr(t, http.StatusServiceUnavailable)
	// A write without a token is 401 before anything else.
	post(t, url+"/api/scenarios", korea2025).apiErr(t, http.StatusUnauthorized)
}

func TestTreatiesAndSystem(t *testing.T) {
	_, url := start(t, Options{})
	var rows []struct {
		ID      string   `json:"id"`
		Members []string `json:"members"`
	}
	// In force on 1914-08-01 with Germany as a member: the Triple
	// Alliance's renewal among them.
	get(t, url+"/api/treaties?in_force=1914-08-01&state=GMY&kind=defense").json(t, &rows)
	if len(rows) == 0 {
		t.Fatal("no defence treaty of Germany in force on 1914-08-01")
	}
	get(t, url+"/api/treaties?kind=defence").apiErr(t, http.StatusBadRequest)
	get(t, url+"/api/treaties?state=Atlantis").apiErr(t, http.StatusNotFound)
	var tr struct {
		ID string `json:"id"`
	}
	get(t, url+"/api/treaties/rus-prk-2024").json(t, &tr)
	if tr.ID != "rus-prk-2024" {
		t.Errorf("show: %+v", tr)
	}
	get(t, url+"/api/treaties/no-such-pact").apiErr(t, http.StatusNotFound)

	var sy struct {
		Majors []struct {
			Abb string `json:"stateabb"`
		} `json:"majors"`
		CON *float64 `json:"con"`
	}
	get(t, url+"/api/system?year=1914").json(t, &sy)
	if len(sy.Majors) != 8 || sy.CON == nil {
		t.Errorf("1914: %d majors, CON %v", len(sy.Majors), sy.CON)
	}
	// After the majors data end (2016), CON is missing unless 2016's majors
	// are carried forward: null, not 0.
	get(t, url+"/api/system?year=2020&nmc=7.0&carry_forward=false").json(t, &sy)
	if sy.CON != nil {
		t.Errorf("2020 CON = %v, want null", *sy.CON)
	}
	var series []map[string]any
	get(t, url+"/api/system/series?years=1816-2016").json(t, &series)
	if len(series) != 201 {
		t.Errorf("series: %d rows", len(series))
	}
	csv := get(t, url+"/api/system/series?years=1914-1915&format=csv")
	if !strings.HasPrefix(string(csv.body), "year,nmc,") || strings.Count(string(csv.body), "\n") != 3 {
		t.Errorf("csv: %s", csv.body)
	}
	get(t, url+"/api/system?year=1700").apiErr(t, http.StatusBadRequest)
	get(t, url+"/api/similarity?a=USA&b=United+States").apiErr(t, http.StatusBadRequest)
	get(t, url+"/api/similarity?a=USA&b=Atlantis").apiErr(t, http.StatusNotFound)
	get(t, url+"/api/similarity?a=USA&b=UKG&measure=nope").apiErr(t, http.StatusBadRequest)
	// One dyad-year, ordered ccode1 < ccode2 (USA 2 before UKG 200).
	var sim []map[string]any
	get(t, url+"/api/similarity?a=USA&b=UKG&years=1960").json(t, &sim)
	if len(sim) != 1 || sim[0]["year"] != float64(1960) || sim[0]["ccode1"] != float64(2) {
		t.Errorf("similarity USA-UKG 1960: %v", sim)
	}
	_ = json.Valid
}

// TestSavedMissingAndMismatched: the answers both kinds of saved work give
// for a record that is not there, a taken id and a file saved over another
// id — status, message and Location, the same for every endpoint that can
// meet them (the web UI shows these messages).
func TestSavedMissingAndMismatched(t *testing.T) {
	url, tok, _ := withStore(t)
	for _, c := range []struct {
		method, path, body string
		status             int
		msg                string
	}{
		{"GET", "/api/treaties/saved/nope", "", 404, `no saved treaty "nope"`},
		{"PUT", "/api/treaties/saved/nope", strings.Replace(monKzkPact, "mon-kzk-test", "nope", 1), 404, `no saved treaty "nope"`},
		{"DELETE", "/api/treaties/saved/nope", "", 404, `no saved treaty "nope"`},
		{"GET", "/api/scenarios/999", "", 404, `no saved scenario 999`},
		{"PUT", "/api/scenarios/999", korea2025, 404, `no saved scenario 999`},
		{"DELETE", "/api/scenarios/999", "", 404, `no saved scenario 999`},
		{"DELETE", "/api/scenarios/0", "", 404, `no saved scenario "0"`},
	} {
		if e := do(t, c.method, url+c.path, strings.NewReader(c.body), bearer(tok)...).apiErr(t, c.status); e.Msg != c.msg {
			t.Errorf("%s %s: %q, want %q", c.method, c.path, e.Msg, c.msg)
		}
	}
	if a := post(t, url+"/api/treaties/saved", monKzkPact, bearer(tok)...); a.status != http.StatusCreated {
		t.Fatalf("create: %d %s", a.status, a.body)
	}
	if e := post(t, url+"/api/treaties/saved", monKzkPact, bearer(tok)...).apiErr(t, http.StatusConflict); e.Msg != `a saved treaty "mon-kzk-test" already exists` {
		t.Errorf("taken id: %q", e.Msg)
	}
	other := strings.Replace(monKzkPact, "id: mon-kzk-test", "id: mon-kzk-other", 1)
	if e := do(t, "PUT", url+"/api/treaties/saved/mon-kzk-test", strings.NewReader(other), bearer(tok)...).apiErr(t, http.StatusBadRequest); e.Msg != `the file's id "mon-kzk-other" is not "mon-kzk-test"` {
		t.Errorf("id changed by PUT: %q", e.Msg)
	}
	a := post(t, url+"/api/scenarios", korea2025, bearer(tok)...)
	var sc store.Scenario
	a.json(t, &sc)
	if want := fmt.Sprintf("/api/scenarios/%d", sc.ID); a.status != http.StatusCreated || a.header.Get("Location") != want {
		t.Errorf("scenario create: %d, Location %q, want 201 and %q", a.status, a.header.Get("Location"), want)
	}
}
