package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

// run executes a casus command in-process and returns stdout, stderr and
// the exit code main would use. The environment is the process's without a
// user cache (HOME and XDG_CACHE_HOME unset), so the data come from
// $CASUS_DATA when it is set and from the embedded snapshot otherwise.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	return runWith(t, nil, args...)
}

// runWith is run with env overriding the environment ("" unsets).
func runWith(t *testing.T, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(k string) string {
		if v, ok := env[k]; ok {
			return v
		}
		if k == "HOME" || k == "XDG_CACHE_HOME" {
			return ""
		}
		return os.Getenv(k)
	}
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: getenv}
	err := m.Run(context.Background(), args)
	if err != nil && ExitCode(err) != 0 {
		errb.WriteString("casus: " + err.Error() + "\n")
	}
	return out.String(), errb.String(), ExitCode(err)
}

// needData returns the --data value for a test on the official data:
// $CASUS_DATA when set, else "" (no --data), which reads the embedded
// snapshot. No test skips for want of data.
func needData(t *testing.T) string {
	t.Helper()
	return os.Getenv("CASUS_DATA")
}

func TestHelpListsCommands(t *testing.T) {
	out, _, code := run(t, "help")
	if code != 0 || !strings.Contains(out, "version") {
		t.Fatalf("help: code %d, output %q", code, out)
	}
}

func TestUnknownCommandExits2(t *testing.T) {
	_, errOut, code := run(t, "no-such-command")
	if code != 2 || !strings.Contains(errOut, `unknown command "no-such-command"`) {
		t.Fatalf("code %d, stderr %q", code, errOut)
	}
}

func TestNoArgsIsUsageError(t *testing.T) {
	_, _, code := run(t)
	if code != 2 {
		t.Fatalf("code %d, want 2", code)
	}
}
