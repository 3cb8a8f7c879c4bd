package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"

	"github.com/casus-dev/casus/obligation"
	"github.com/casus-dev/casus/store"
	"github.com/casus-dev/casus/treaty"
	"github.com/casus-dev/casus/world"
)

// savedCache is the world with the saved treaties, rebuilt when they
// change (store.TreatyGeneration), and its engine.
type savedCache struct {
	mu  sync.Mutex
	gen int64
	ok  bool
	w   *world.World
	e   *obligation.Engine
}

// model is the world and engine a request evaluates on: the built world,
// or with ?treaties=saved that world plus the saved treaties.
func (s *Server) model(r *http.Request) (*world.World, *obligation.Engine, error) {
	switch v := r.URL.Query().Get("treaties"); v {
	case "":
		return s.w, obligation.For(s.w), nil
	case "saved":
		return s.savedModel(r.Context())
	default:
		return nil, nil, errorf(http.StatusBadRequest, "", "treaties: want saved (or nothing), got %q", v)
	}
}

func (s *Server) savedModel(ctx context.Context) (*world.World, *obligation.Engine, error) {
	if s.opt.Store == nil {
		return nil, nil, errNoStore
	}
	c := &s.saved
	c.mu.Lock()
	defer c.mu.Unlock()
	// Read the generation before the treaties: a write in between leaves
	// the cache one generation behind, rebuilt by the next request.
	gen := s.opt.Store.TreatyGeneration()
	if c.ok && c.gen == gen {
		return c.w, c.e, nil
	}
	ts, err := s.savedTreaties(ctx, "")
	if err != nil {
		return nil, nil, err
	}
	w := s.w.WithTreaties(ts)
	// obligation.New, not For: For keeps every world it sees, and saved
	// worlds come and go.
	c.w, c.e, c.gen, c.ok = w, obligation.New(w), gen, true
	return c.w, c.e, nil
}

// savedFile is the name a saved treaty carries in the world and in errors.
func savedFile(id string) string { return "saved/" + id + ".yaml" }

// savedTreaties loads the saved treaties except the one with id skip.
func (s *Server) savedTreaties(ctx context.Context, skip string) ([]*world.Treaty, error) {
	recs, err := s.opt.Store.Treaties(ctx)
	if err != nil {
		return nil, err
	}
	var files []treaty.Named
	for _, t := range recs {
		if t.ID != skip {
			files = append(files, treaty.Named{Name: savedFile(t.ID), Data: []byte(t.YAML)})
		}
	}
	return treaty.LoadBytes(s.w, files)
}

// checkTreaty validates a posted treaty file against the world and the
// other saved treaties (skip: the one being replaced) and returns its
// treaty. name labels the file in errors.
func (s *Server) checkTreaty(ctx context.Context, name string, data []byte, skip string) (*world.Treaty, error) {
	var others []treaty.Named
	if s.opt.Store != nil {
		recs, err := s.opt.Store.Treaties(ctx)
		if err != nil {
			return nil, err
		}
		for _, t := range recs {
			if t.ID != skip {
				others = append(others, treaty.Named{Name: savedFile(t.ID), Data: []byte(t.YAML)})
			}
		}
	}
	ts, err := treaty.LoadBytes(s.w, append(others, treaty.Named{Name: name, Data: data}))
	if err != nil {
		return nil, treatyErrors(err)
	}
	for _, t := range ts {
		if t.File == name {
			return t, nil
		}
	}
	return nil, fmt.Errorf("treaty %s vanished in loading", name)
}

// treatyErrors answers a treaty file's problems: 400, the first in error,
// every one in problems.
func treatyErrors(err error) error {
	var es treaty.Errors
	if errors.As(err, &es) && len(es) > 0 {
		ae := errorf(http.StatusBadRequest, "", "%s", es[0].Error())
		for _, e := range es {
			ae.Problems = append(ae.Problems, e.Error())
		}
		if len(es) > 1 {
			ae.Hint = fmt.Sprintf("%d problems; all are in problems", len(es))
		}
		return ae
	}
	return classify(err, false)
}

func docName(r *http.Request, def string) string {
	if n := r.URL.Query().Get("name"); n != "" {
		return n
	}
	return def
}

func (s *Server) needStore() error {
	if s.opt.Store == nil {
		return errNoStore
	}
	return nil
}

func storeErr(err error, what string) error {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return errorf(http.StatusNotFound, "", "no saved %s", what)
	case errors.Is(err, store.ErrExists):
		return errorf(http.StatusConflict, "update it with PUT, or change the id", "a saved %s already exists", what)
	}
	return err
}

func created(w http.ResponseWriter, location string, v any) error {
	w.Header().Set("Location", location)
	return writeJSONStatus(w, http.StatusCreated, v)
}

// --- saved treaties ---

func (s *Server) savedTreatyList(w http.ResponseWriter, r *http.Request) error {
	if err := s.needStore(); err != nil {
		return err
	}
	ts, err := s.opt.Store.Treaties(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, ts)
}

func (s *Server) savedTreatyGet(w http.ResponseWriter, r *http.Request) error {
	if err := s.needStore(); err != nil {
		return err
	}
	id := r.PathValue("id")
	t, err := s.opt.Store.Treaty(r.Context(), id)
	if err != nil {
		return storeErr(err, "treaty "+strconv.Quote(id))
	}
	return writeJSON(w, t)
}

func (s *Server) savedTreatyCreate(w http.ResponseWriter, r *http.Request) error {
	data, err := readBody(r)
	if err != nil {
		return err
	}
	// A saved id is a conflict (409), not a problem of the file: look
	// before validating, which would call it a duplicate.
	if f, err := treaty.Parse("treaty", data); err == nil && f.Treaty != nil {
		if _, err := s.opt.Store.Treaty(r.Context(), f.Treaty.ID); err == nil {
			return storeErr(store.ErrExists, "treaty "+strconv.Quote(f.Treaty.ID))
		}
	}
	t, err := s.checkTreaty(r.Context(), docName(r, "treaty"), data, "")
	if err != nil {
		return err
	}
	rec, err := s.opt.Store.CreateTreaty(r.Context(), t.ID, string(data), tokenID(r))
	if err != nil {
		return storeErr(err, "treaty "+strconv.Quote(t.ID))
	}
	return created(w, "/api/treaties/saved/"+t.ID, rec)
}

func (s *Server) savedTreatyUpdate(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	data, err := readBody(r)
	if err != nil {
		return err
	}
	if _, err := s.opt.Store.Treaty(r.Context(), id); err != nil {
		return storeErr(err, "treaty "+strconv.Quote(id))
	}
	t, err := s.checkTreaty(r.Context(), docName(r, "treaty"), data, id)
	if err != nil {
		return err
	}
	if t.ID != id {
		return errorf(http.StatusBadRequest, "a treaty's id is its name: save it under its new id with POST /api/treaties/saved", "the file's id %q is not %q", t.ID, id)
	}
	rec, err := s.opt.Store.UpdateTreaty(r.Context(), id, string(data), tokenID(r))
	if err != nil {
		return storeErr(err, "treaty "+strconv.Quote(id))
	}
	return writeJSON(w, rec)
}

func (s *Server) savedTreatyDelete(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if err := s.opt.Store.DeleteTreaty(r.Context(), id); err != nil {
		return storeErr(err, "treaty "+strconv.Quote(id))
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// --- saved scenarios ---

func scenarioID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return 0, errorf(http.StatusNotFound, "saved scenarios have whole-number ids", "no saved scenario %q", r.PathValue("id"))
	}
	return id, nil
}

// parseScenario checks a posted scenario as POST /api/scenario would and
// returns its title.
func (s *Server) parseScenario(r *http.Request, data []byte) (string, error) {
	sc, err := obligation.Parse(s.w, docName(r, "scenario"), data)
	if err != nil {
		return "", classify(err, false)
	}
	return sc.Title, nil
}

func (s *Server) savedScenarioList(w http.ResponseWriter, r *http.Request) error {
	if err := s.needStore(); err != nil {
		return err
	}
	list, err := s.opt.Store.Scenarios(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, list)
}

func (s *Server) savedScenarioGet(w http.ResponseWriter, r *http.Request) error {
	if err := s.needStore(); err != nil {
		return err
	}
	id, err := scenarioID(r)
	if err != nil {
		return err
	}
	sc, err := s.opt.Store.Scenario(r.Context(), id)
	if err != nil {
		return storeErr(err, fmt.Sprintf("scenario %d", id))
	}
	return writeJSON(w, sc)
}

func (s *Server) savedScenarioCreate(w http.ResponseWriter, r *http.Request) error {
	data, err := readBody(r)
	if err != nil {
		return err
	}
	title, err := s.parseScenario(r, data)
	if err != nil {
		return err
	}
	sc, err := s.opt.Store.CreateScenario(r.Context(), title, string(data), tokenID(r))
	if err != nil {
		return err
	}
	return created(w, fmt.Sprintf("/api/scenarios/%d", sc.ID), sc)
}

func (s *Server) savedScenarioUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := scenarioID(r)
	if err != nil {
		return err
	}
	data, err := readBody(r)
	if err != nil {
		return err
	}
	title, err := s.parseScenario(r, data)
	if err != nil {
		return err
	}
	sc, err := s.opt.Store.UpdateScenario(r.Context(), id, title, string(data), tokenID(r))
	if err != nil {
		return storeErr(err, fmt.Sprintf("scenario %d", id))
	}
	return writeJSON(w, sc)
}

func (s *Server) savedScenarioDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := scenarioID(r)
	if err != nil {
		return err
	}
	if err := s.opt.Store.DeleteScenario(r.Context(), id); err != nil {
		return storeErr(err, fmt.Sprintf("scenario %d", id))
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// savedScenarioReport evaluates a saved scenario: the report POST
// /api/scenario gives for its file, named by its id.
func (s *Server) savedScenarioReport(w http.ResponseWriter, r *http.Request) error {
	if err := s.needStore(); err != nil {
		return err
	}
	id, err := scenarioID(r)
	if err != nil {
		return err
	}
	rec, err := s.opt.Store.Scenario(r.Context(), id)
	if err != nil {
		return storeErr(err, fmt.Sprintf("scenario %d", id))
	}
	return s.evaluate(w, r, fmt.Sprintf("scenarios/%d", id), []byte(rec.YAML))
}

// evaluate parses and evaluates a scenario on the request's model and
// writes the CLI's JSON report.
func (s *Server) evaluate(w http.ResponseWriter, r *http.Request, name string, data []byte) error {
	explain, err := flag(r, "explain")
	if err != nil {
		return err
	}
	key := s.cacheKey("scenario|"+name, r, data)
	if b, ok := s.answers.get(key); ok {
		return writeBody(w, http.StatusOK, "application/json", b)
	}
	wld, eng, err := s.model(r)
	if err != nil {
		return err
	}
	errName := name
	if errName == "" {
		errName = "scenario"
	}
	sc, err := obligation.Parse(wld, errName, data)
	if err != nil {
		return classify(err, false)
	}
	sc.File = name
	// Only the Monte-Carlo runs can take long; they stop at the deadline
	// and nothing partial is cached.
	rep, err := eng.EvaluateContext(r.Context(), sc, true, nil)
	if err != nil {
		return err
	}
	return s.cached(w, key, func(out io.Writer) error { return obligation.Write(out, rep, "json", explain) })
}
