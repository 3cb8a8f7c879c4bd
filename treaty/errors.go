package treaty

import (
	"fmt"
	"sort"
	"strings"
)

// Error is one problem in a treaty file, located by file, line and field
// path (members[12].joined), with a message that says what is wrong and
// what is wanted.
type Error struct {
	File string
	Line int    // 1-based; 0 when the problem has no single line (an empty file)
	Path string // field path from the top of the file; "" for the file as a whole
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// BadInput marks the error as a problem with the user's input (exit 2).
func (e *Error) BadInput() bool { return true }

// Errors is every problem found in one or more treaty files, one line each,
// in file and line order.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// BadInput marks the errors as problems with the user's input (exit 2).
func (es Errors) BadInput() bool { return true }

// sorted returns es ordered by file, line and path, or nil when empty, so
// callers can `return errs.err()` and get a true nil error.
func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].File != es[j].File {
			return es[i].File < es[j].File
		}
		return es[i].Line < es[j].Line
	})
	return es
}
