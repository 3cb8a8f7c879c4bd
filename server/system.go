package server

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/power"
	"github.com/casus-dev/casus/report"
	"github.com/casus-dev/casus/world"
)

func (s *Server) capabilities(r *http.Request) (*world.Capabilities, error) {
	nmc := r.URL.Query().Get("nmc")
	if nmc != "" && nmc != "6.0" && nmc != "7.0" {
		return nil, errorf(http.StatusBadRequest, "", "nmc: want 6.0 or 7.0, got %q", nmc)
	}
	caps, ok := s.w.Capabilities(nmc)
	if !ok || caps == nil || len(caps.Rows) == 0 {
		return nil, errorf(http.StatusNotFound, "", "NMC %s is not loaded", nmc)
	}
	return caps, nil
}

func intParam(r *http.Request, name string) (int, bool, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return 0, false, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, false, errorf(http.StatusBadRequest, "", "%s: want a whole number, got %q", name, v)
	}
	return n, true, nil
}

// systemYear is `casus system --year Y [--blocs [--on DATE]]
// [--carry-forward] --format json`, with the CLI's rules: on= implies the
// year and needs blocs; carry_forward defaults to true for one year; a day
// after the NMC release's last year shows the blocs with the last year's
// capabilities. TestServeSystemSameJSONAsCLI pins the bytes to the CLI's.
func (s *Server) systemYear(w http.ResponseWriter, r *http.Request) error {
	caps, err := s.capabilities(r)
	if err != nil {
		return err
	}
	year, yearSet, err := intParam(r, "year")
	if err != nil {
		return err
	}
	blocs, err := flag(r, "blocs")
	if err != nil {
		return err
	}
	carry := true
	if r.URL.Query().Has("carry_forward") {
		if carry, err = flag(r, "carry_forward"); err != nil {
			return err
		}
	}
	var day world.Date
	if v := r.URL.Query().Get("on"); v != "" {
		if !blocs {
			return errorf(http.StatusBadRequest, "", "on goes with blocs=true (the blocs of one day)")
		}
		if day, err = world.ParseDate(v); err != nil {
			return errorf(http.StatusBadRequest, "", "on: %v", err)
		}
		if yearSet && year != day.Year() {
			return errorf(http.StatusBadRequest, "", "on %s is not in year %d: give one of them", day, year)
		}
		year, yearSet = day.Year(), true
	}
	if !yearSet {
		return errorf(http.StatusBadRequest, "GET /api/system?year=1914&blocs=true", "year: required")
	}
	if blocs && day != 0 && year > caps.Last {
		b := power.AllianceBlocsOn(s.w, caps, day)
		return writeJSON(w, report.NewSystemYear(s.w, power.SystemCarried(s.w, caps, caps.Last), &b.Blocs, &b))
	}
	if year < caps.First || year > caps.Last {
		return errorf(http.StatusBadRequest, "nmc=6.0 or 7.0 picks another release", "year %d: NMC %s covers %d–%d", year, caps.Version, caps.First, caps.Last)
	}
	sy := power.System(s.w, caps, year)
	if carry {
		sy = power.SystemCarried(s.w, caps, year)
	}
	var bl *power.Blocs
	var db *power.DayBlocs
	switch {
	case blocs && day != 0:
		b := power.AllianceBlocsOn(s.w, caps, day)
		db, bl = &b, &b.Blocs
	case blocs:
		b := power.AllianceBlocs(s.w, caps, year)
		bl = &b
	}
	return writeJSON(w, report.NewSystemYear(s.w, sy, bl, db))
}

// systemSeries is `casus system --years A-B --format json|csv`: one row
// per year (default every year of the NMC release).
func (s *Server) systemSeries(w http.ResponseWriter, r *http.Request) error {
	caps, err := s.capabilities(r)
	if err != nil {
		return err
	}
	from, to := caps.First, caps.Last
	if v := r.URL.Query().Get("years"); v != "" {
		a, b, found := strings.Cut(v, "-")
		if !found {
			b = a
		}
		x, err1 := strconv.Atoi(a)
		y, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || x > y {
			return errorf(http.StatusBadRequest, "", "years: want A-B with A ≤ B (e.g. 1816-2016), got %q", v)
		}
		from, to = x, y
	}
	if to < caps.First || from > caps.Last {
		return errorf(http.StatusBadRequest, "", "years %d-%d: NMC %s covers %d–%d", from, to, caps.Version, caps.First, caps.Last)
	}
	format, ctype, err := tableFormat(r)
	if err != nil {
		return err
	}
	// As the CLI's --years: 2016's majors are carried forward only when
	// asked.
	carry, err := flag(r, "carry_forward")
	if err != nil {
		return err
	}
	series := power.Series(s.w, caps, from, to)
	if carry {
		for i := range series {
			if err := r.Context().Err(); err != nil {
				return err
			}
			series[i] = power.SystemCarried(s.w, caps, series[i].Year)
		}
	}
	var b bytes.Buffer
	if err := report.SystemSeriesTable(series).Write(&b, format); err != nil {
		return err
	}
	return writeBody(w, http.StatusOK, ctype, b.Bytes())
}

// tableFormat reads ?format=json|csv (default json) for tabular answers.
func tableFormat(r *http.Request) (string, string, error) {
	switch f := r.URL.Query().Get("format"); f {
	case "", "json":
		return "json", "application/json", nil
	case "csv":
		return "csv", "text/csv; charset=utf-8", nil
	default:
		return "", "", errorf(http.StatusBadRequest, "", "format: want json or csv, got %q", f)
	}
}
