package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

// run executes a casus command in-process and returns stdout, stderr and
// the exit code main would use.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: os.Getenv}
	err := m.Run(context.Background(), args)
	if err != nil && ExitCode(err) != 0 {
		errb.WriteString("casus: " + err.Error() + "\n")
	}
	return out.String(), errb.String(), ExitCode(err)
}

// needData skips a test that reads the official data when CASUS_DATA is
// unset, saying how to run it.
func needData(t *testing.T) string {
	t.Helper()
	d := os.Getenv("CASUS_DATA")
	if d == "" {
		t.Skip("CASUS_DATA is not set: run with CASUS_DATA=../shared/data (or the folder `casus data fetch` fills) to test on the official data")
	}
	return d
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
