// Command casus answers questions about the alliance system of the world:
// who is bound to do what when an armed attack happens, the balance and
// shape of the system, and research panels built from ATOP and the
// Correlates of War data. Run `casus help` for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	m := NewMain()
	err := m.Run(ctx, os.Args[1:])
	stop()
	if err != nil {
		if !errors.Is(err, errHelpShown) {
			fmt.Fprintln(os.Stderr, "casus: "+err.Error())
		}
		os.Exit(ExitCode(err))
	}
}

// Main is the program: its streams and environment, so tests can run any
// command in-process.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

// NewMain returns a Main on the process's streams and environment.
func NewMain() *Main {
	return &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
}

// command is one subcommand. Each lives in its own file and registers itself
// in an init function.
type command struct {
	Name    string // "state", or "treaty list" for a sub-subcommand
	Summary string // one line for `casus help`
	Usage   string // the synopsis and flags help, shown by -h
	Run     func(ctx context.Context, m *Main, args []string) error
}

var commands = map[string]*command{}

func register(c *command) {
	if _, dup := commands[c.Name]; dup {
		panic("casus: command registered twice: " + c.Name)
	}
	commands[c.Name] = c
}

// Run dispatches args to a subcommand. Two-word commands ("treaty list")
// are looked up before one-word ones.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			if c := lookup(args[1:]); c != nil {
				fmt.Fprint(m.Stdout, usageText(c))
				return nil
			}
		}
		m.printHelp()
		if len(args) == 0 {
			return &UsageError{Msg: "no command given"}
		}
		return nil
	}
	if len(args) >= 2 {
		if c, ok := commands[args[0]+" "+args[1]]; ok {
			return c.Run(ctx, m, args[2:])
		}
	}
	if c, ok := commands[args[0]]; ok {
		return c.Run(ctx, m, args[1:])
	}
	var subs []string
	for name := range commands {
		if strings.HasPrefix(name, args[0]+" ") {
			subs = append(subs, strings.TrimPrefix(name, args[0]+" "))
		}
	}
	if len(subs) > 0 {
		sort.Strings(subs)
		return &UsageError{Msg: fmt.Sprintf("%s needs a subcommand: %s", args[0], strings.Join(subs, ", ")), Hint: "casus help"}
	}
	return &UsageError{Msg: fmt.Sprintf("unknown command %q", args[0]), Hint: "casus help"}
}

func lookup(args []string) *command {
	if len(args) >= 2 {
		if c, ok := commands[args[0]+" "+args[1]]; ok {
			return c
		}
	}
	return commands[args[0]]
}

func (m *Main) printHelp() {
	fmt.Fprint(m.Stdout, `casus — the alliance system of the world: obligations, balance, research data.

Usage: casus COMMAND [flags] [args]

Commands:
`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(m.Stdout, "  %-18s %s\n", n, commands[n].Summary)
	}
	fmt.Fprint(m.Stdout, `
Every command takes -h. Official data are read from --data DIR or $CASUS_DATA
(casus data fetch downloads them). Exit codes: 0 ok, 1 internal failure,
2 bad input or usage.
`)
}

func usageText(c *command) string {
	return fmt.Sprintf("casus %s — %s\n\n%s", c.Name, c.Summary, c.Usage)
}
