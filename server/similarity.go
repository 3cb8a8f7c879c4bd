package server

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/report"
	"github.com/casus-dev/casus/similarity"
)

// similarityDyad is `casus similarity A B [--years Y|A-B] [--measure …]
// [--nmc …] --format json|csv`: the alliance-portfolio similarity of one
// dyad, a row per year (default every year both are in the system,
// 1816-2018).
func (s *Server) similarityDyad(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if q.Get("a") == "" || q.Get("b") == "" {
		return errorf(http.StatusBadRequest, "GET /api/similarity?a=USA&b=UKG&years=1950", "a and b: want two states")
	}
	measure := q.Get("measure")
	if measure == "" {
		measure = "all"
	}
	ms, err := similarity.ParseMeasures(measure)
	if err != nil {
		return errorf(http.StatusBadRequest, "", "measure: %v", err)
	}
	var first, last int
	if v := q.Get("years"); v != "" {
		x, y, found := strings.Cut(v, "-")
		var err1, err2 error
		first, err1 = strconv.Atoi(strings.TrimSpace(x))
		last = first
		if found {
			last, err2 = strconv.Atoi(strings.TrimSpace(y))
		}
		if err1 != nil || err2 != nil || last < first {
			return errorf(http.StatusBadRequest, "", "years: want A-B (A ≤ B) or a single year, got %q", v)
		}
	}
	nmc := q.Get("nmc")
	if nmc != "" && nmc != "6.0" && nmc != "7.0" {
		return errorf(http.StatusBadRequest, "", "nmc: want 6.0 or 7.0, got %q", nmc)
	}
	format, ctype, err := tableFormat(r)
	if err != nil {
		return err
	}
	var codes [2]int32
	for i, p := range []string{"a", "b"} {
		st, err := s.resolve(q.Get(p))
		if err != nil {
			return err
		}
		codes[i] = int32(st.Code)
	}
	if codes[0] == codes[1] {
		return errorf(http.StatusBadRequest, "", "the same state twice: a dyad needs two states")
	}
	if codes[0] > codes[1] {
		codes[0], codes[1] = codes[1], codes[0] // rows are non-directed, ccode1 < ccode2
	}
	t, csvRows, _, err := report.SimilarityDyad(r.Context(), s.w, codes, ms, similarity.Options{First: first, Last: last, NMC: nmc}, format)
	if err != nil && r.Context().Err() != nil {
		return err // stopped at the deadline: a 503, not the input's fault
	}
	if err != nil {
		return errorf(http.StatusBadRequest, "", "%v", err)
	}
	if format == "csv" {
		return writeBody(w, http.StatusOK, ctype, csvRows)
	}
	var b bytes.Buffer
	if err := t.Write(&b, format); err != nil {
		return err
	}
	return writeBody(w, http.StatusOK, ctype, b.Bytes())
}
