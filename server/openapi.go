package server

import (
	_ "embed"
	"net/http"
)

// openapiJSON documents every route; TestOpenAPIMatchesRoutes keeps the two
// in step.
//
//go:embed openapi.json
var openapiJSON []byte

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) error {
	return writeBody(w, http.StatusOK, "application/json", openapiJSON)
}
