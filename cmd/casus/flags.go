package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/world"
)

// flags wraps a FlagSet with the options most commands share.
type flags struct {
	*flag.FlagSet
	m        *Main
	cmd      *command
	data     string
	format   string
	formats  []string // the formats --format offers
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

// withFormat adds --format, offering the given formats (default all of
// output.Formats): a command offers only the formats it can write.
func (f *flags) withFormat(formats ...string) *flags {
	if len(formats) == 0 {
		formats = output.Formats
	}
	f.formats = formats
	f.StringVar(&f.format, "format", "text", "output format: "+orList(formats))
	return f
}

// orList is "a, b or c".
func orList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
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
			return nil, &UsageError{Msg: f.explainFlagError(err), Hint: "casus " + f.cmd.Name + " -h"}
		}
		rest := f.Args()
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	if f.Lookup("format") != nil && !contains(f.formats, f.format) {
		return nil, &UsageError{Msg: fmt.Sprintf("--format: want %s, got %q", orList(f.formats), f.format), Hint: "casus " + f.cmd.Name + " -h"}
	}
	return pos, nil
}

func (f *flags) printDefaults() {
	fmt.Fprintln(f.m.Stdout, "\nFlags:")
	// The usage column starts after the longest flag name, so a long one
	// (--entry-counts-as-attack) does not run into its text.
	width := 14
	f.VisitAll(func(fl *flag.Flag) { width = max(width, len(fl.Name)) })
	f.VisitAll(func(fl *flag.Flag) {
		def := ""
		if fl.DefValue != "" && fl.DefValue != "false" && fl.DefValue != "0" {
			def = fmt.Sprintf(" (default %q)", fl.DefValue)
		}
		fmt.Fprintf(f.m.Stdout, "  --%-*s  %s%s\n", width, fl.Name, fl.Usage, def)
	})
}

// needData returns where the command reads each official data file: --data
// DIR, then $CASUS_DATA, then the user cache `casus data fetch` fills, then
// the snapshot embedded in the binary (source.Data). A --data or
// $CASUS_DATA that is not a data directory is bad input (exit 2).
func (f *flags) needData() (*source.Data, error) {
	return f.m.data(f.data)
}

// The flag package's messages, which speak of "-name", "parse error" and
// "flag provided but not defined"; explainFlagError rewrites them as what
// was expected.
var (
	reUndefined = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	reNeedsArg  = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
	reBadValue  = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-+([^:]*): `)
	reBadBool   = regexp.MustCompile(`^invalid boolean flag -*([^:]*): `)
	reSyntax    = regexp.MustCompile(`^bad flag syntax: (.*)$`)
)

func (f *flags) explainFlagError(err error) string {
	msg := err.Error()
	cmd := "casus " + f.cmd.Name
	if m := reUndefined.FindStringSubmatch(msg); m != nil {
		out := fmt.Sprintf("unknown flag --%s for %s", m[1], cmd)
		if near := world.Nearest(m[1], f.flagNames(), 3); len(near) > 0 {
			out += ": did you mean --" + strings.Join(near, " or --") + "?"
		} else {
			out += ": it takes --" + strings.Join(f.flagNames(), ", --")
		}
		return out
	}
	if m := reNeedsArg.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("--%s needs a value: %s", m[1], f.wantText(m[1]))
	}
	if m := reBadValue.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("--%s: want %s, got %q", m[2], f.wantText(m[2]), m[1])
	}
	if m := reBadBool.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("--%s takes no value (or =true, =false)", m[1])
	}
	if m := reSyntax.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%q is not a flag: flags are --name or --name=value", m[1])
	}
	return msg
}

// wantText says what kind of value a flag takes, from its type.
func (f *flags) wantText(name string) string {
	fl := f.Lookup(name)
	if fl == nil {
		return "a value"
	}
	if b, ok := fl.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return "true or false"
	}
	switch reflect.TypeOf(fl.Value).String() {
	case "*flag.intValue", "*flag.int64Value", "*flag.uintValue", "*flag.uint64Value":
		return "a whole number"
	case "*flag.float64Value":
		return "a number"
	case "*flag.durationValue":
		return "a duration such as 30s"
	}
	return fl.Usage
}

func (f *flags) flagNames() []string {
	var names []string
	f.VisitAll(func(fl *flag.Flag) { names = append(names, fl.Name) })
	sort.Strings(names)
	return names
}

// setFlags lists the flags given on the command line.
func (f *flags) setFlags() map[string]bool {
	set := map[string]bool{}
	f.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	return set
}

// refuse returns a usage error when any of names was given: a flag that
// has no effect in the chosen form is an error, not silently ignored.
func (f *flags) refuse(why string, names ...string) error {
	set := f.setFlags()
	var given []string
	for _, n := range names {
		if set[n] {
			given = append(given, "--"+n)
		}
	}
	if len(given) == 0 {
		return nil
	}
	verb := "has"
	if len(given) > 1 {
		verb = "have"
	}
	return &UsageError{Msg: fmt.Sprintf("%s %s no effect %s", strings.Join(given, ", "), verb, why), Hint: "casus " + f.cmd.Name + " -h"}
}
