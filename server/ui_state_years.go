package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/report"
)

// stateYears is `casus state Q --years A-B [--nmc V] --format json`: the
// state's NMC components, CINC and share of the system year by year, for
// the UI's capabilities-over-time charts. GET /api/states/{q} answers it
// when years= is given.
func (s *Server) stateYears(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if q.Has("on") {
		return errorf(http.StatusBadRequest, "", "years and on: give one (years=A-B for capabilities year by year, on=DATE for one day)")
	}
	v := q.Get("years")
	a, b, found := strings.Cut(v, "-")
	if !found {
		b = a
	}
	from, err1 := strconv.Atoi(strings.TrimSpace(a))
	to, err2 := strconv.Atoi(strings.TrimSpace(b))
	if err1 != nil || err2 != nil || from > to {
		return errorf(http.StatusBadRequest, "", "years: want A-B with A ≤ B (e.g. 1816-2022), got %q", v)
	}
	caps, err := s.capabilities(r)
	if err != nil {
		return err
	}
	st, err := s.resolve(r.PathValue("q"))
	if err != nil {
		return err
	}
	return writeJSON(w, report.NewStateTrend(s.w, st, caps, from, to))
}
