package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/source"
)

// flags wraps a FlagSet with the options most commands share.
type flags struct {
	*flag.FlagSet
	m        *Main
	cmd      *command
	data     string
	format   string
	treaties multiString
}

type multiString []string

func (s *multiString) String() string     { return strings.Join(*s, ",") }
func (s *multiString) Set(v string) error { *s = append(*s, v); return nil }

// newFlags starts a flag set for c. Output of the flag package goes nowhere:
// errors come back as UsageError, and -h prints c's usage.
func newFlags(m *Main, c *command) *flags {
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &flags{FlagSet: fs, m: m, cmd: c}
}

// withData adds --data DIR, the first place of the resolution order.
func (f *flags) withData() *flags {
	f.StringVar(&f.data, "data", "", "directory of official data files; each file found there overrides $CASUS_DATA, the casus data fetch cache and the embedded snapshot")
	return f
}

// withFormat adds --format with the tabular formats.
func (f *flags) withFormat() *flags {
	f.StringVar(&f.format, "format", "text", "output format: text, json, csv or md")
	return f
}

// withTreaties adds --treaties DIR (repeatable): user treaty files.
func (f *flags) withTreaties() *flags {
	f.Var(&f.treaties, "treaties", "directory or file of user treaty YAML files (repeatable)")
	return f
}

// parse parses args, allowing flags after positional arguments
// (`casus state PRK --on 2016-06-01`), and validates shared flags.
func (f *flags) parse(args []string) ([]string, error) {
	var pos []string
	for {
		if err := f.FlagSet.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(f.m.Stdout, usageText(f.cmd))
				f.printDefaults()
				return nil, errHelpShown
			}
			return nil, &UsageError{Msg: err.Error(), Hint: "casus " + f.cmd.Name + " -h"}
		}
		rest := f.Args()
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	if f.Lookup("format") != nil && !output.ValidFormat(f.format) {
		return nil, &UsageError{Msg: fmt.Sprintf("--format: want one of %s, got %q", strings.Join(output.Formats, ", "), f.format)}
	}
	return pos, nil
}

func (f *flags) printDefaults() {
	fmt.Fprintln(f.m.Stdout, "\nFlags:")
	f.VisitAll(func(fl *flag.Flag) {
		def := ""
		if fl.DefValue != "" && fl.DefValue != "false" {
			def = fmt.Sprintf(" (default %q)", fl.DefValue)
		}
		fmt.Fprintf(f.m.Stdout, "  --%-14s %s%s\n", fl.Name, fl.Usage, def)
	})
}

// needData returns where the command reads each official data file: --data
// DIR, then $CASUS_DATA, then the user cache `casus data fetch` fills, then
// the snapshot embedded in the binary (source.Data). A --data or
// $CASUS_DATA that is not a data directory is bad input (exit 2).
func (f *flags) needData() (*source.Data, error) {
	return f.m.data(f.data)
}
