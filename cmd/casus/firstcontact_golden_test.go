package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
)

// TestFirstContactGolden runs testdata/firstcontact: what a newcomer's
// mistakes print. Each `run` case is one command line (arguments separated
// by spaces; a quoted "two words" is one argument); the expected output is
// the exit code and stderr, and stdout when the case says `stdout`.
// Rewrite with: go test ./cmd/casus -run TestFirstContactGolden -rewrite
func TestFirstContactGolden(t *testing.T) {
	datadriven.Walk(t, "testdata/firstcontact", func(t *testing.T, path string) {
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			if d.Cmd != "run" {
				d.Fatalf(t, "unknown command %q", d.Cmd)
			}
			args := splitArgs(strings.TrimSpace(d.Input))
			out, errOut, code := runEnv(t, nil, args...)
			var b strings.Builder
			fmt.Fprintf(&b, "exit %d\n", code)
			b.WriteString(errOut)
			if d.HasArg("stdout") {
				b.WriteString(out)
			}
			return b.String()
		})
	})
}
