package server

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/casus-dev/casus/store"
)

type tokenKey struct{}

// writer wraps a handler that changes saved work: it runs only with
// "Authorization: Bearer TOKEN" naming a token in the store (401
// otherwise), and the token's id travels in the request's context.
func (s *Server) writer(h func(w http.ResponseWriter, r *http.Request) error) func(w http.ResponseWriter, r *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		tok = strings.TrimSpace(tok)
		if !ok || tok == "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="casus"`)
			return errorf(http.StatusUnauthorized, "send Authorization: Bearer TOKEN; casus token create --db FILE makes one", "a write needs a bearer token")
		}
		if s.opt.Store == nil {
			return errNoStore
		}
		id, err := s.opt.Store.TokenID(r.Context(), tok)
		if errors.Is(err, store.ErrNotFound) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="casus", error="invalid_token"`)
			return errorf(http.StatusUnauthorized, "casus token create --db FILE makes a token for this database", "invalid token")
		}
		if err != nil {
			return err
		}
		return h(w, r.WithContext(context.WithValue(r.Context(), tokenKey{}, id)))
	}
}

func tokenID(r *http.Request) int64 {
	id, _ := r.Context().Value(tokenKey{}).(int64)
	return id
}

var errNoStore = errorf(http.StatusServiceUnavailable, "start casus serve with --db FILE", "no database: saved treaties and scenarios need one")
