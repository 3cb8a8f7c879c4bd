package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"log/slog"
	"net/http"
	"sort"
	"time"

	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/store"
	"github.com/casus-dev/casus/world"
)

// Limits of a request, defaults of Options.
const (
	DefaultMaxBody = 1 << 20 // a scenario or treaty file is a few kB; 1 MiB leaves room for comments
	DefaultTimeout = 30 * time.Second
)

// Options configures a Server.
type Options struct {
	// World is the frozen world model every request reads.
	World *world.World
	// Store keeps saved treaties and scenarios and the write tokens; nil
	// (no --db) answers the saved-work endpoints 503.
	Store *store.Store
	// UI is the browser interface served at "/" (web.Assets); nil serves none.
	UI fs.FS
	// Logger receives one structured line per request and every panic;
	// nil discards.
	Logger *slog.Logger
	// MaxBody caps request bodies (413 beyond); 0 means DefaultMaxBody.
	MaxBody int64
	// Timeout is each request's deadline, carried by its context: the long
	// work (Monte-Carlo runs, similarity years, panels, series, the store)
	// stops at it and the request is answered 503. 0 means DefaultTimeout.
	Timeout time.Duration
}

// Server answers the API. It is an http.Handler.
type Server struct {
	opt     Options
	w       *world.World
	log     *slog.Logger
	mux     *http.ServeMux
	handler http.Handler
	routes  []string // the mux patterns, for the OpenAPI check
	saved   savedCache
	answers answerCache
	// timeoutBody answers a request past its deadline.
	timeoutBody []byte
}

// New builds the server over a frozen world.
func New(opt Options) *Server {
	if opt.MaxBody == 0 {
		opt.MaxBody = DefaultMaxBody
	}
	if opt.Timeout == 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{opt: opt, w: opt.World, log: opt.Logger, mux: http.NewServeMux(), answers: newAnswerCache()}
	s.routesInit()
	s.timeoutBody = timeoutBody(opt.Timeout)
	s.handler = s.logRequests(s.recoverPanics(s.limitBody(s.deadline(s.mux))))
	return s
}

// timeoutBody is the answer to a request that ran past its deadline: one
// line of JSON, like every error the API gives but short, since it is
// mostly read in logs and by scripts that retry.
func timeoutBody(d time.Duration) []byte {
	b, _ := json.Marshal(&apiError{Msg: fmt.Sprintf("the request took longer than the server's limit of %s", d),
		Hint: "narrow the question (a shorter year range, fewer Monte-Carlo runs) or start casus serve with a longer --timeout"})
	return append(b, '\n')
}

// HTTP server timeouts besides the request deadline (Options.Timeout).
const (
	// readHeaderTimeout bounds a request's headers: a client that opens a
	// connection and sends nothing useful holds it this long at most.
	readHeaderTimeout = 10 * time.Second
	// writeMargin is the time left, after the request deadline, to write
	// an answer out: WriteTimeout ends a connection whose client stopped
	// reading, never an answer the handler finished in time.
	writeMargin = 10 * time.Second
	// idleTimeout closes kept-alive connections nobody uses.
	idleTimeout = 2 * time.Minute
)

// HTTPServer is the http.Server to run s in (casus serve does), with
// timeouts that bound what a slow or silent client can hold: the headers
// within 10 s (or the request deadline if shorter), the whole request with
// its body within the request deadline, the answer written within the
// deadline plus 10 s, an idle kept-alive connection 2 minutes. errorLog
// receives the server's own errors (nil: the standard logger).
func (s *Server) HTTPServer(errorLog *log.Logger) *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: min(readHeaderTimeout, s.opt.Timeout),
		ReadTimeout:       s.opt.Timeout,
		WriteTimeout:      s.opt.Timeout + writeMargin,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10, // a query string and a token are far less
		ErrorLog:          errorLog,
	}
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// handle registers a JSON API route: h returns the error to answer with, or
// nil after it wrote its answer.
func (s *Server) handle(pattern string, h func(w http.ResponseWriter, r *http.Request) error) {
	s.routes = append(s.routes, pattern)
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.writeError(w, r, err)
		}
	})
}

// Routes lists the registered patterns ("GET /api/places"), sorted.
func (s *Server) Routes() []string {
	out := append([]string(nil), s.routes...)
	sort.Strings(out)
	return out
}

func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	// Past the deadline, whatever failed failed for want of time (a store
	// call interrupted, a body read cut off): say so.
	if r.Context().Err() != nil || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		// Cause tells a deadline from a client that hung up.
		s.log.Warn("request stopped", "method", r.Method, "path", r.URL.Path, "err", err, "cause", context.Cause(r.Context()))
		writeBody(w, http.StatusServiceUnavailable, "application/json", s.timeoutBody)
		return
	}
	ae := classify(err, false)
	if ae.Status == http.StatusInternalServerError {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	writeJSONStatus(w, ae.Status, ae)
}

// writeJSON answers 200 with v encoded as the CLI encodes JSON (indented,
// one trailing newline).
func writeJSON(w http.ResponseWriter, v any) error {
	return writeJSONStatus(w, http.StatusOK, v)
}

func writeJSONStatus(w http.ResponseWriter, status int, v any) error {
	b, err := output.MarshalJSON(v)
	if err != nil {
		return err
	}
	return writeBody(w, status, "application/json", b)
}

func writeBody(w http.ResponseWriter, status int, ctype string, b []byte) error {
	w.Header().Set("Content-Type", ctype)
	w.WriteHeader(status)
	_, err := w.Write(b)
	return err
}

// render answers with what an engine's writer produced (obligation.Write
// and friends), buffered so that an error can still become a 500.
func render(w http.ResponseWriter, write func(io.Writer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	return writeBody(w, http.StatusOK, "application/json", b.Bytes())
}

// cached renders an answer the cache did not have (the caller looked it up
// under key first), keeps it and answers it.
func (s *Server) cached(w http.ResponseWriter, key string, write func(io.Writer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	s.answers.put(key, b.Bytes())
	return writeBody(w, http.StatusOK, "application/json", b.Bytes())
}

// readBody reads the request body within the body limit.
func readBody(r *http.Request) ([]byte, error) {
	b, err := io.ReadAll(r.Body)
	var mb *http.MaxBytesError
	switch {
	case err == nil:
		return b, nil
	case errors.As(err, &mb), r.Context().Err() != nil:
		return nil, err
	default:
		// The client hung up or stopped sending (the server's ReadTimeout).
		return nil, errorf(http.StatusBadRequest, "", "reading the request body: %v", err)
	}
}
