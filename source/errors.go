package source

import "fmt"

// ParseError reports a malformed field, header or row in an official data
// file. It is modelled on encoding/csv.ParseError but names the column and
// what the codebook allows, so that the message alone says how to fix the
// file:
//
//	atop5_1m.csv:1042: column "defense": want 0 or 1, got "x"
//
// Line is the 1-based physical line of the file (bare CR, LF and CRLF all
// end a line), so an editor's line number finds the record. For errors that
// concern a whole row (a truncated or over-long row) Column is empty and the
// message reads "file:line: want N fields, got M".
type ParseError struct {
	File   string // base name of the file
	Line   int    // 1-based physical line where the record starts
	Column string // header name of the offending column; "" for whole-row errors
	Want   string // what the codebook allows
	Got    string // what the file holds
}

func (e *ParseError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("%s:%d: want %s, got %s", e.File, e.Line, e.Want, e.Got)
	}
	return fmt.Sprintf("%s:%d: column %q: want %s, got %q", e.File, e.Line, e.Column, e.Want, e.Got)
}

// BadInput marks a ParseError as a problem with the user's data, not an
// internal failure (the CLI exits 2 on it).
func (e *ParseError) BadInput() bool { return true }
