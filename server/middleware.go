package server

import (
	"context"
	"fmt"
	"net/http"
	"runtime/debug"
	"time"
)

// statusWriter remembers the status and size of an answer for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequests logs one line per request.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.status,
			"bytes", sw.bytes, "ms", float64(time.Since(start).Microseconds())/1000)
	})
}

// recoverPanics answers 500 when a handler panics, logs the panic with its
// stack, and lets the server go on serving. http.ErrAbortHandler is the
// standard library's way to abort a response and is passed on.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			if sw.status == 0 {
				writeJSONStatus(w, http.StatusInternalServerError, &apiError{Msg: "internal error", Hint: "the server logged it; the request was not completed"})
			}
		}()
		next.ServeHTTP(sw, r)
	})
}

// limitBody caps every request body; reading past the cap fails with
// *http.MaxBytesError, answered 413. A body declared larger is refused
// before it is read.
func (s *Server) limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > s.opt.MaxBody {
			writeJSONStatus(w, http.StatusRequestEntityTooLarge, &apiError{Msg: "request body too large",
				Hint: fmt.Sprintf("the limit is %d bytes", s.opt.MaxBody)})
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxBody)
		next.ServeHTTP(w, r)
	})
}

// deadline gives each request a context that ends after Options.Timeout.
// The handler runs on the connection's own goroutine, as without any
// timeout (http.TimeoutHandler, used before, ran every request on a second
// goroutine and buffered its whole answer); the long work checks the
// context and returns its error, answered 503 by writeError. A context
// timer costs no goroutine.
func (s *Server) deadline(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
