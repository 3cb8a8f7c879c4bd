package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/world"
)

// addStateKey appends to a table for people (text, md) a key that names
// every state its columns show by code — "States: AUL Australia, NEW New
// Zealand, …" — so that no code stands without its name, while the table
// stays narrow. cols are column names whose cells hold COW abbreviations or
// codes, one or several separated by spaces ("+3 more" is skipped).
// Machine formats carry codes alone, so they get no key.
func addStateKey(t *output.Table, w *world.World, format string, cols ...string) {
	if format != "text" && format != "md" {
		return
	}
	var idx []int
	for i, c := range t.Columns {
		for _, want := range cols {
			if strings.TrimSpace(c) == want {
				idx = append(idx, i)
			}
		}
	}
	var toks []string
	for _, r := range t.Rows {
		for _, i := range idx {
			if i < len(r) {
				toks = append(toks, strings.Fields(r[i])...)
			}
		}
	}
	t.Notes = append(t.Notes, stateKey(w, toks)...)
}

// stateKey is the wrapped "States: AUL Australia, …" key for the tokens
// that are state codes, each named once in the order first seen; it is
// empty when none is. "+3 more" and other words are skipped.
func stateKey(w *world.World, toks []string) []string {
	seen := map[string]bool{}
	var labels []string
	for _, tok := range toks {
		if strings.HasPrefix(tok, "+") || tok == "more" || seen[tok] {
			continue
		}
		seen[tok] = true
		if l := labelToken(w, tok); l != tok {
			labels = append(labels, l)
		}
	}
	if len(labels) == 0 {
		return nil
	}
	// Wrapped at about 100 characters a line, so a long key stays readable.
	var notes []string
	line := "States:"
	for i, l := range labels {
		sep := " "
		if i > 0 {
			sep = ", "
		}
		if len(line)+len(sep)+len(l) > 100 && line != "States:" {
			notes = append(notes, line+",")
			line = " "
			sep = " "
		}
		line += sep + l
	}
	return append(notes, line+".")
}

// labelToken reads a COW abbreviation or code and gives "POL Poland"; a
// token that is neither comes back unchanged.
func labelToken(w *world.World, tok string) string {
	if c, err := strconv.Atoi(tok); err == nil {
		if s, ok := w.State(c); ok {
			return strconv.Itoa(c) + " " + s.Label()
		}
		return tok
	}
	return w.LabelAbb(tok)
}

// stateLabels labels each abbreviation of a list ("every member" and other
// words come back unchanged).
func stateLabels(w *world.World, abbs []string) []string {
	out := make([]string, len(abbs))
	for i, a := range abbs {
		out[i] = labelToken(w, a)
	}
	return out
}

// wantOneOf is the message for a value outside a fixed list: the list,
// what was given, and the nearest value when one is near ("defence" →
// defense).
func wantOneOf(flag, got string, options []string) string {
	msg := fmt.Sprintf("%s: want one of %s, got %q", flag, strings.Join(options, ", "), got)
	if near := world.Nearest(got, options, 1); len(near) > 0 {
		msg += ": did you mean " + near[0] + "?"
	}
	return msg
}
