package server

import (
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/casus-dev/casus/obligation"
	"github.com/casus-dev/casus/report"
	"github.com/casus-dev/casus/world"
)

func (s *Server) routesInit() {
	s.handle("GET /healthz", s.healthz)
	s.handle("GET /api/openapi.json", s.openapi)
	s.handle("GET /api/places", s.places)
	s.handle("GET /api/states", s.statesOn)
	s.handle("GET /api/states/{q}", s.state)
	s.handle("GET /api/guarantees", s.guarantees)
	s.handle("POST /api/scenario", s.scenario)
	s.handle("GET /api/treaties", s.treatyList)
	s.handle("GET /api/treaties/{id}", s.treatyShow)
	s.handle("POST /api/treaties/validate", s.treatyValidate)
	s.handle("GET /api/system", s.systemYear)
	s.handle("GET /api/system/series", s.systemSeries)
	s.handle("GET /api/similarity", s.similarityDyad)
	s.handle("GET /api/panel", s.panelRows)

	treaties, scenarios := s.savedTreatyCollection(), s.savedScenarioCollection()
	s.handle("GET /api/treaties/saved", treaties.list)
	s.handle("POST /api/treaties/saved", s.writer(treaties.create))
	s.handle("GET /api/treaties/saved/{id}", treaties.get)
	s.handle("PUT /api/treaties/saved/{id}", s.writer(treaties.update))
	s.handle("DELETE /api/treaties/saved/{id}", s.writer(treaties.delete))
	s.handle("GET /api/scenarios", scenarios.list)
	s.handle("POST /api/scenarios", s.writer(scenarios.create))
	s.handle("GET /api/scenarios/{id}", scenarios.get)
	s.handle("PUT /api/scenarios/{id}", s.writer(scenarios.update))
	s.handle("DELETE /api/scenarios/{id}", s.writer(scenarios.delete))
	s.handle("GET /api/scenarios/{id}/report", s.savedScenarioReport)
	// Anything else under /api/ is a JSON 404, not the UI's index page.
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeJSONStatus(w, http.StatusNotFound, &apiError{Msg: "no such endpoint: " + r.Method + " " + r.URL.Path, Hint: "GET /api/openapi.json lists the endpoints"})
	})
	s.mux.Handle("/", s.ui())
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	return writeJSON(w, map[string]any{"status": "ok", "states": len(s.w.States), "treaties": len(s.w.Treaties)})
}

func (s *Server) places(w http.ResponseWriter, r *http.Request) error {
	return writeJSON(w, report.NewPlaces(world.Places()))
}

// date reads the query parameter "on" (default today, UTC) as the CLI reads
// --on.
func date(r *http.Request) (world.Date, error) {
	on := r.URL.Query().Get("on")
	if on == "" {
		return world.FromTime(time.Now()), nil
	}
	d, err := world.ParseDate(on)
	if err != nil || !d.Valid() || d.Year() < obligation.FirstYear {
		return 0, errorf(http.StatusBadRequest, "", "on: want a date YYYY-MM-DD from %d, got %q", obligation.FirstYear, on)
	}
	return d, nil
}

// flag reads a boolean query parameter: present and not "false" or "0".
func flag(r *http.Request, name string) (bool, error) {
	q := r.URL.Query()
	if !q.Has(name) {
		return false, nil
	}
	v := q.Get(name)
	if v == "" {
		return true, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, errorf(http.StatusBadRequest, "", "%s: want true or false, got %q", name, v)
	}
	return b, nil
}

// resolve finds a state named in the path or query: unknown is 404,
// ambiguous 400 with the candidates.
func (s *Server) resolve(q string) (*world.State, error) {
	st, err := s.w.Resolve(q)
	if err != nil {
		return nil, classify(err, true)
	}
	return st, nil
}

func (s *Server) statesOn(w http.ResponseWriter, r *http.Request) error {
	d, err := date(r)
	if err != nil {
		return err
	}
	return writeJSON(w, report.NewStates(s.w, d))
}

func (s *Server) state(w http.ResponseWriter, r *http.Request) error {
	if r.URL.Query().Has("years") {
		return s.stateYears(w, r)
	}
	d, err := date(r)
	if err != nil {
		return err
	}
	nmc := r.URL.Query().Get("nmc")
	if nmc != "" && nmc != "6.0" && nmc != "7.0" {
		return errorf(http.StatusBadRequest, "", "nmc: want 6.0 or 7.0, got %q", nmc)
	}
	st, err := s.resolve(r.PathValue("q"))
	if err != nil {
		return err
	}
	return writeJSON(w, report.NewState(s.w, st, d, nmc))
}

func (s *Server) guarantees(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query().Get("state")
	if q == "" {
		return errorf(http.StatusBadRequest, "GET /api/guarantees?state=PRK&on=2025-01-01", "state: want a state's code, abbreviation or name")
	}
	d, err := date(r)
	if err != nil {
		return err
	}
	explain, err := flag(r, "explain")
	if err != nil {
		return err
	}
	key := s.cacheKey("guarantees|"+d.String(), r, nil)
	if b, ok := s.answers.get(key); ok {
		return writeBody(w, http.StatusOK, "application/json", b)
	}
	st, err := s.resolve(q)
	if err != nil {
		return err
	}
	_, eng, err := s.model(r)
	if err != nil {
		return err
	}
	// As `casus guarantees --format json`: JSON always carries the chains.
	g := eng.Guarantees(st.Code, d, true)
	return s.cached(w, key, func(out io.Writer) error { return obligation.WriteGuarantees(out, g, "json", explain) })
}

// scenario evaluates a posted scenario file (YAML or JSON) and answers the
// report `casus scenario FILE --format json` prints for it, byte for byte:
// the JSON names no file. ?name=FILE only names the scenario in error
// messages (without it they say "scenario" before the line number).
func (s *Server) scenario(w http.ResponseWriter, r *http.Request) error {
	data, err := readBody(r)
	if err != nil {
		return err
	}
	return s.evaluate(w, r, r.URL.Query().Get("name"), data)
}

// ui serves the browser interface's files for GET and HEAD.
func (s *Server) ui() http.Handler {
	var files http.Handler = http.NotFoundHandler()
	if s.opt.UI != nil {
		files = http.FileServerFS(s.opt.UI)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeJSONStatus(w, http.StatusMethodNotAllowed, &apiError{Msg: "method not allowed: " + r.Method + " " + r.URL.Path})
			return
		}
		files.ServeHTTP(w, r)
	})
}
