package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/casus-dev/casus/examples"
)

// runEnv runs a command in-process with the given environment only (no
// $CASUS_DATA unless given), for commands that must work without data.
func runEnv(t *testing.T, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] }}
	err := m.Run(context.Background(), args)
	if err != nil && ExitCode(err) != 0 {
		errb.WriteString("casus: " + err.Error() + "\n")
	}
	return out.String(), errb.String(), ExitCode(err)
}

// --example prints examples/template.yaml byte for byte, with no data.
func TestScenarioExample(t *testing.T) {
	out, errOut, code := runEnv(t, nil, "scenario", "--example")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if out != string(examples.Template()) {
		t.Fatalf("--example printed something other than the template:\n%.200s", out)
	}
	if _, errOut, code := runEnv(t, nil, "scenario", "--example", "x.yaml"); code != 2 || !strings.Contains(errOut, "--example") {
		t.Fatalf("--example with a file: exit %d, %q", code, errOut)
	}
}
