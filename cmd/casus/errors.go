package main

import (
	"errors"
	"fmt"
)

// UsageError is a mistake in how the command was called: exit code 2, with
// a hint on what to run instead.
type UsageError struct {
	Msg  string
	Hint string
}

func (e *UsageError) Error() string {
	if e.Hint == "" {
		return e.Msg
	}
	return fmt.Sprintf("%s (see: %s)", e.Msg, e.Hint)
}

// errHelpShown is returned after -h printed the usage: exit 0, no message.
var errHelpShown = errors.New("help shown")

// badInput is implemented by errors about the user's input — a malformed
// data or treaty file, an unknown state, an invalid scenario. Packages
// outside cmd/casus mark their input errors with a BadInput method instead
// of importing anything from here.
type badInput interface{ BadInput() bool }

// ExitCode maps an error to the process exit code: 0 ok, 2 bad input or
// usage, 1 anything else (an internal failure).
func ExitCode(err error) int {
	if err == nil || errors.Is(err, errHelpShown) {
		return 0
	}
	var u *UsageError
	if errors.As(err, &u) {
		return 2
	}
	var b badInput
	if errors.As(err, &b) && b.BadInput() {
		return 2
	}
	return 1
}

// inputError marks err as bad input (exit 2).
type inputError struct{ err error }

func (e *inputError) Error() string  { return e.err.Error() }
func (e *inputError) Unwrap() error  { return e.err }
func (e *inputError) BadInput() bool { return true }

// badInputf builds a bad-input error.
func badInputf(format string, args ...any) error {
	return &inputError{fmt.Errorf(format, args...)}
}
