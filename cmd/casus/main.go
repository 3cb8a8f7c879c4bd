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

	"github.com/casus-dev/casus/world"
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
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version" || args[0] == "-v") {
		if len(args) > 1 {
			return &UsageError{Msg: fmt.Sprintf("--version takes no arguments, got %q", args[1]), Hint: "casus version -h"}
		}
		return commands["version"].Run(ctx, m, nil)
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		if len(args) > 1 {
			return m.help(ctx, args[1:])
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
	if subs := subcommands(args[0]); len(subs) > 0 {
		// `casus panel -h` and `casus panel --help` are a request for help.
		if len(args) > 1 && isHelpFlag(args[1]) {
			m.printGroupHelp(args[0], subs)
			return nil
		}
		names := make([]string, len(subs))
		for i, c := range subs {
			names[i] = strings.TrimPrefix(c.Name, args[0]+" ")
		}
		msg := fmt.Sprintf("%s needs a subcommand: %s", args[0], strings.Join(names, ", "))
		if len(args) > 1 {
			msg = fmt.Sprintf("unknown subcommand %q of %s: want %s", args[1], args[0], strings.Join(names, ", "))
		}
		return &UsageError{Msg: msg, Hint: "casus " + args[0] + " -h"}
	}
	msg := fmt.Sprintf("unknown command %q", args[0])
	if near := world.Nearest(args[0], commandWords(), 2); len(near) > 0 {
		msg += ": did you mean " + strings.Join(near, " or ") + "?"
	}
	return &UsageError{Msg: msg, Hint: "casus help"}
}

func isHelpFlag(a string) bool { return a == "-h" || a == "--help" || a == "-help" || a == "help" }

// subcommands lists the commands of a group ("treaty" → treaty check,
// treaty diff, ...), sorted.
func subcommands(group string) []*command {
	var out []*command
	for name, c := range commands {
		if strings.HasPrefix(name, group+" ") {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// commandWords lists the first words of the commands, for suggestions.
func commandWords() []string {
	seen := map[string]bool{}
	var out []string
	for name := range commands {
		w, _, _ := strings.Cut(name, " ")
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// help prints the help of a command with its flags (`casus help state`),
// or of a group (`casus help treaty`). The flags are defined where the
// command parses them, so the command itself prints its help, as for -h.
func (m *Main) help(ctx context.Context, args []string) error {
	c := lookup(args)
	if c == nil {
		if subs := subcommands(args[0]); len(subs) > 0 {
			m.printGroupHelp(args[0], subs)
			return nil
		}
		return &UsageError{Msg: fmt.Sprintf("no help for %q: it is not a command", strings.Join(args, " ")), Hint: "casus help"}
	}
	var buf strings.Builder
	sub := *m
	sub.Stdout = &buf
	if err := c.Run(ctx, &sub, []string{"-h"}); errors.Is(err, errHelpShown) {
		fmt.Fprint(m.Stdout, buf.String())
		return nil
	}
	// A command without flags ignores -h: print its usage.
	fmt.Fprint(m.Stdout, usageText(c))
	return nil
}

func (m *Main) printGroupHelp(group string, subs []*command) {
	fmt.Fprintf(m.Stdout, "Usage: casus %s SUBCOMMAND [flags] [args]\n\nSubcommands:\n", group)
	for _, c := range subs {
		fmt.Fprintf(m.Stdout, "  %-18s %s\n", c.Name, c.Summary)
	}
	fmt.Fprintf(m.Stdout, "\n`casus %s SUBCOMMAND -h` (or `casus help %s SUBCOMMAND`) shows a subcommand's help and flags.\n", group, group)
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
Every command takes -h (casus help COMMAND shows the same). Start with casus
scenario --example (a commented scenario file) and casus places. The official
data are built in (the publishers' files as released); each file is read
instead from --data DIR, $CASUS_DATA or the cache casus data fetch fills,
first found first (casus data check shows which). Exit codes: 0 ok, 1 internal
failure, 2 bad input or usage.
`)
}

func usageText(c *command) string {
	return fmt.Sprintf("casus %s — %s\n\n%s", c.Name, c.Summary, c.Usage)
}
