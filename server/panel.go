package server

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/panel"
)

// panelRows answers the rows of a research panel (`casus panel
// state-years|dyad-years --add … --years …`, built by the same package
// functions) for one dyad (a, b), one state (a, unit=state-years) or one
// year (year=Y, every state or dyad), as CSV — the lines the CLI's CSV
// file has for those rows — or JSON (an array of objects, missing as
// null). A whole panel is a file: the CLI writes it.
func (s *Server) panelRows(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	unit := q.Get("unit")
	switch unit {
	case "":
		unit = "dyad-years"
		if q.Get("a") != "" && q.Get("b") == "" {
			unit = "state-years"
		}
	case "dyad-years", "state-years":
	default:
		return errorf(http.StatusBadRequest, "", "unit: want dyad-years or state-years, got %q", unit)
	}
	first, last := 1816, 2016
	yearsGiven := false
	if v := q.Get("years"); v != "" {
		x, y, found := strings.Cut(v, "-")
		var err1, err2 error
		first, err1 = strconv.Atoi(x)
		last = first
		if found {
			last, err2 = strconv.Atoi(y)
		}
		if err1 != nil || err2 != nil || last < first {
			return errorf(http.StatusBadRequest, "", "years: want A-B (A ≤ B) or a single year, got %q", v)
		}
		yearsGiven = true
	}
	if v := q.Get("year"); v != "" {
		y, err := strconv.Atoi(v)
		if err != nil || yearsGiven {
			return errorf(http.StatusBadRequest, "", "year: want one whole year (and no years=), got %q", v)
		}
		first, last, yearsGiven = y, y, true
	}
	if first < 1816 || last > 2016 {
		return errorf(http.StatusBadRequest, "", "years %d-%d: the COW v2016 system covers 1816-2016", first, last)
	}
	var codes []int16
	for _, p := range []string{"a", "b"} {
		if v := q.Get(p); v != "" {
			st, err := s.resolve(v)
			if err != nil {
				return err
			}
			codes = append(codes, int16(st.Code))
		}
	}
	switch {
	case unit == "dyad-years" && len(codes) == 1, unit == "state-years" && len(codes) == 2:
		return errorf(http.StatusBadRequest, "a=USA&b=UKG for a dyad, a=USA&unit=state-years for a state", "%s rows: give %s", unit, map[string]string{"dyad-years": "two states a and b", "state-years": "one state a"}[unit])
	case len(codes) == 0 && !yearsGiven:
		return errorf(http.StatusBadRequest, "casus panel writes whole panels to files", "give a state or dyad (a, b) or one year (year=Y)")
	case len(codes) == 0 && last > first:
		return errorf(http.StatusBadRequest, "casus panel writes whole panels to files", "without a state or dyad, give one year (year=Y)")
	case len(codes) == 2 && codes[0] == codes[1]:
		return errorf(http.StatusBadRequest, "", "the same state twice: a dyad needs two states")
	case len(codes) == 2 && codes[0] > codes[1]:
		codes[0], codes[1] = codes[1], codes[0] // non-directed rows: ccode1 < ccode2
	}
	adders, err := panel.ParseAdders(q.Get("add"))
	if err != nil {
		return errorf(http.StatusBadRequest, "casus panel columns", "add: %v", err)
	}
	nmc := q.Get("nmc")
	if nmc != "" && nmc != "6.0" && nmc != "7.0" {
		return errorf(http.StatusBadRequest, "", "nmc: want 6.0 or 7.0, got %q", nmc)
	}
	format, ctype, err := tableFormat(r)
	if err != nil {
		return err
	}
	sys, err := panel.COW2016(s.w)
	if err != nil {
		return err
	}
	var fr *panel.Frame
	if unit == "state-years" {
		fr, err = sys.StateYears(first, last)
	} else {
		fr, err = sys.DyadYears(first, last, false)
	}
	if err != nil {
		return errorf(http.StatusBadRequest, "", "years: %v", err)
	}
	// The panel is built whole and then cut to the rows asked for: look at
	// the deadline between the stages (each tens of milliseconds).
	if err := r.Context().Err(); err != nil {
		return err
	}
	if err := panel.Apply(fr, s.w, adders, panel.Options{NMC: nmc}); err != nil {
		return errorf(http.StatusBadRequest, "", "%v", err)
	}
	if len(codes) > 0 {
		c1, c2 := fr.Codes()
		var rows []int
		for i := range c1 {
			if c1[i] == codes[0] && (len(codes) == 1 || c2[i] == codes[1]) {
				rows = append(rows, i)
			}
		}
		fr = fr.Select(rows)
	}
	if err := r.Context().Err(); err != nil {
		return err
	}
	var b bytes.Buffer
	if format == "csv" {
		err = panel.WriteCSV(&b, fr)
	} else {
		err = panel.WriteJSON(&b, fr)
	}
	if err != nil {
		return err
	}
	return writeBody(w, http.StatusOK, ctype, b.Bytes())
}
