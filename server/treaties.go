package server

import (
	"net/http"

	"github.com/casus-dev/casus/report"
	"github.com/casus-dev/casus/world"
)

// treatyList is `casus treaty list --format json` with the CLI's filters
// as query parameters: in_force, state, kind, source, cooperation; and
// treaties=saved to include the saved treaties (source "user").
func (s *Server) treatyList(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := report.TreatyFilter{Kind: world.Kind(q.Get("kind")), Source: q.Get("source"), Cooperation: q.Get("cooperation")}
	if v := q.Get("in_force"); v != "" {
		d, err := world.ParseDate(v)
		if err != nil {
			return errorf(http.StatusBadRequest, "", "in_force: %v", err)
		}
		f.InForce = d
	}
	if err := f.Check(); err != nil {
		return errorf(http.StatusBadRequest, "", "%v", err)
	}
	wld, _, err := s.model(r)
	if err != nil {
		return err
	}
	if v := q.Get("state"); v != "" {
		st, err := s.resolve(v)
		if err != nil {
			return err
		}
		f.State = st.Code
	}
	return writeJSON(w, report.Treaties(wld, f))
}

// treatyShow is `casus treaty show ID --format json`: the treaty as casus
// holds it. An ATOP alliance is found by its number too.
func (s *Server) treatyShow(w http.ResponseWriter, r *http.Request) error {
	wld, _, err := s.model(r)
	if err != nil {
		return err
	}
	t, err := report.FindTreaty(wld, r.PathValue("id"))
	if err != nil {
		return errorf(http.StatusNotFound, "GET /api/treaties lists the ids (ATOP alliances are atop-<atopid>)", "%s", err.Error())
	}
	return writeJSON(w, t)
}

// treatyValidate checks a posted treaty file as `casus treaty check` does
// (against the states, places, ATOP ids, the registry's ids and the saved
// treaties) and answers the treaty as casus would hold it; nothing is
// stored. Problems are 400 with every line in problems.
func (s *Server) treatyValidate(w http.ResponseWriter, r *http.Request) error {
	data, err := readBody(r)
	if err != nil {
		return err
	}
	t, err := s.checkTreaty(r.Context(), docName(r, "treaty"), data, "")
	if err != nil {
		return err
	}
	return writeJSON(w, t)
}
