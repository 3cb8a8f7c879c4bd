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

// collection is one kind of saved work in the store — treaty files keyed
// by their own id, scenarios by a number the store gives — with the five
// endpoints both kinds have: list, get, create, update, delete. The kinds
// differ only in how the path names a record and how a posted file is
// checked before it is saved (add, replace).
type collection[ID any, R any] struct {
	s *Server
	// path is the endpoint of the list; a record's Location is path/ID.
	path string
	// label names a record in errors: treaty "nato-1949", scenario 3.
	label func(ID) string
	// id reads the record's id from the request path (404 if it cannot be one).
	id func(*http.Request) (ID, error)

	all    func(context.Context) ([]R, error)
	one    func(context.Context, ID) (R, error)
	remove func(context.Context, ID) error
	// add checks a posted file and saves it as a new record.
	add func(r *http.Request, data []byte) (R, ID, error)
	// replace checks a posted file and saves it over record id; a store
	// error is answered as about that record (404 if it is gone).
	replace func(r *http.Request, id ID, data []byte) (R, error)
}

func (c *collection[ID, R]) list(w http.ResponseWriter, r *http.Request) error {
	if err := c.s.needStore(); err != nil {
		return err
	}
	recs, err := c.all(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, recs)
}

func (c *collection[ID, R]) get(w http.ResponseWriter, r *http.Request) error {
	if err := c.s.needStore(); err != nil {
		return err
	}
	id, err := c.id(r)
	if err != nil {
		return err
	}
	rec, err := c.one(r.Context(), id)
	if err != nil {
		return storeErr(err, c.label(id))
	}
	return writeJSON(w, rec)
}

// create answers 201 with the saved record and its Location.
func (c *collection[ID, R]) create(w http.ResponseWriter, r *http.Request) error {
	data, err := readBody(r)
	if err != nil {
		return err
	}
	rec, id, err := c.add(r, data)
	if err != nil {
		return err
	}
	w.Header().Set("Location", fmt.Sprintf("%s/%v", c.path, id))
	return writeJSONStatus(w, http.StatusCreated, rec)
}

func (c *collection[ID, R]) update(w http.ResponseWriter, r *http.Request) error {
	id, err := c.id(r)
	if err != nil {
		return err
	}
	data, err := readBody(r)
	if err != nil {
		return err
	}
	rec, err := c.replace(r, id, data)
	if err != nil {
		return storeErr(err, c.label(id))
	}
	return writeJSON(w, rec)
}

func (c *collection[ID, R]) delete(w http.ResponseWriter, r *http.Request) error {
	id, err := c.id(r)
	if err != nil {
		return err
	}
	if err := c.remove(r.Context(), id); err != nil {
		return storeErr(err, c.label(id))
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// savedTreatyCollection is /api/treaties/saved: treaty files validated
// like --treaties files, against the world and the other saved treaties,
// each saved under the id its file gives.
func (s *Server) savedTreatyCollection() *collection[string, store.Treaty] {
	label := func(id string) string { return "treaty " + strconv.Quote(id) }
	return &collection[string, store.Treaty]{
		s: s, path: "/api/treaties/saved", label: label,
		id:     func(r *http.Request) (string, error) { return r.PathValue("id"), nil },
		all:    func(ctx context.Context) ([]store.Treaty, error) { return s.opt.Store.Treaties(ctx) },
		one:    func(ctx context.Context, id string) (store.Treaty, error) { return s.opt.Store.Treaty(ctx, id) },
		remove: func(ctx context.Context, id string) error { return s.opt.Store.DeleteTreaty(ctx, id) },
		add: func(r *http.Request, data []byte) (store.Treaty, string, error) {
			// A saved id is a conflict (409), not a problem of the file:
			// look before validating, which would call it a duplicate.
			if f, err := treaty.Parse("treaty", data); err == nil && f.Treaty != nil {
				if _, err := s.opt.Store.Treaty(r.Context(), f.Treaty.ID); err == nil {
					return store.Treaty{}, "", storeErr(store.ErrExists, label(f.Treaty.ID))
				}
			}
			t, err := s.checkTreaty(r.Context(), docName(r, "treaty"), data, "")
			if err != nil {
				return store.Treaty{}, "", err
			}
			rec, err := s.opt.Store.CreateTreaty(r.Context(), t.ID, string(data), tokenID(r))
			if err != nil {
				return store.Treaty{}, "", storeErr(err, label(t.ID))
			}
			return rec, t.ID, nil
		},
		replace: func(r *http.Request, id string, data []byte) (store.Treaty, error) {
			if _, err := s.opt.Store.Treaty(r.Context(), id); err != nil {
				return store.Treaty{}, err
			}
			t, err := s.checkTreaty(r.Context(), docName(r, "treaty"), data, id)
			if err != nil {
				return store.Treaty{}, err
			}
			if t.ID != id {
				return store.Treaty{}, errorf(http.StatusBadRequest, "a treaty's id is its name: save it under its new id with POST /api/treaties/saved", "the file's id %q is not %q", t.ID, id)
			}
			return s.opt.Store.UpdateTreaty(r.Context(), id, string(data), tokenID(r))
		},
	}
}

// savedScenarioCollection is /api/scenarios: scenario files checked as
// POST /api/scenario checks them, titled by their title: line, numbered by
// the store.
func (s *Server) savedScenarioCollection() *collection[int64, store.Scenario] {
	return &collection[int64, store.Scenario]{
		s: s, path: "/api/scenarios",
		label:  func(id int64) string { return fmt.Sprintf("scenario %d", id) },
		id:     scenarioID,
		all:    func(ctx context.Context) ([]store.Scenario, error) { return s.opt.Store.Scenarios(ctx) },
		one:    func(ctx context.Context, id int64) (store.Scenario, error) { return s.opt.Store.Scenario(ctx, id) },
		remove: func(ctx context.Context, id int64) error { return s.opt.Store.DeleteScenario(ctx, id) },
		add: func(r *http.Request, data []byte) (store.Scenario, int64, error) {
			title, err := s.parseScenario(r, data)
			if err != nil {
				return store.Scenario{}, 0, err
			}
			sc, err := s.opt.Store.CreateScenario(r.Context(), title, string(data), tokenID(r))
			return sc, sc.ID, err
		},
		replace: func(r *http.Request, id int64, data []byte) (store.Scenario, error) {
			title, err := s.parseScenario(r, data)
			if err != nil {
				return store.Scenario{}, err
			}
			return s.opt.Store.UpdateScenario(r.Context(), id, title, string(data), tokenID(r))
		},
	}
}

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
