package server

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/casus-dev/casus/world"
)

// apiError is an error answer: an HTTP status and the {error, hint} body.
type apiError struct {
	Status int    `json:"-"`
	Msg    string `json:"error"`
	Hint   string `json:"hint,omitempty"`
	// Problems lists every problem of a posted treaty file, one line each.
	Problems []string `json:"problems,omitempty"`
}

func (e *apiError) Error() string { return e.Msg }

func errorf(status int, hint, format string, args ...any) *apiError {
	return &apiError{Status: status, Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// badInput is how the engines mark errors about their input (see
// cmd/casus/errors.go): a malformed scenario or treaty file, an ambiguous
// state name.
type badInput interface{ BadInput() bool }

// classify turns an engine error into an answer, keeping the engine's
// message: unknown states are 404 when the state was named in the path or
// query (not inside a posted document, where the document is what is wrong),
// other input errors 400, anything else 500.
func classify(err error, lookup bool) *apiError {
	var ae *apiError
	if errors.As(err, &ae) {
		return ae
	}
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return errorf(http.StatusRequestEntityTooLarge, fmt.Sprintf("the limit is %d bytes", mb.Limit), "request body too large")
	}
	var unk *world.UnknownStateError
	if lookup && errors.As(err, &unk) {
		return errorf(http.StatusNotFound, "GET /api/states lists the states on a date", "%s", err.Error())
	}
	var b badInput
	if errors.As(err, &b) && b.BadInput() {
		return errorf(http.StatusBadRequest, "", "%s", err.Error())
	}
	return errorf(http.StatusInternalServerError, "", "internal error")
}
