package main

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/source"
)

func init() {
	register(&command{
		Name:    "version",
		Summary: "print the casus version, its commit and the data releases it reads",
		Usage: `Usage: casus version [--data DIR] [--format text|json|csv|md]
       casus --version

Prints the module version and VCS commit casus was built from, then one row
per official data file: dataset, release, where this run would read it
(directory = --data, env = $CASUS_DATA, cache = the folder casus data fetch
fills, embedded = the publishers' files compiled into casus) and whether the
bytes there are the published release. Files on disk are hashed, not
parsed: casus data check parses them.
`,
		Run: runVersion,
	})
}

// buildInfo is what the binary knows about its own build.
type buildInfo struct {
	Module   string `json:"module"`
	Version  string `json:"version"`
	Commit   string `json:"commit,omitempty"`
	Time     string `json:"commit_time,omitempty"`
	Modified bool   `json:"modified,omitempty"`
	Go       string `json:"go"`
}

func readBuildInfo() buildInfo {
	b := buildInfo{Module: "github.com/casus-dev/casus", Version: "(devel)"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	b.Module, b.Version, b.Go = bi.Main.Path, bi.Main.Version, bi.GoVersion
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Commit = s.Value
		case "vcs.time":
			b.Time = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b
}

func (b buildInfo) line() string {
	s := "casus " + b.Version
	if b.Commit != "" {
		s += " commit " + b.Commit
		if b.Time != "" {
			s += " (" + b.Time + ")"
		}
		if b.Modified {
			s += " with local changes"
		}
	}
	if b.Go != "" {
		s += ", " + b.Go
	}
	return s
}

func runVersion(ctx context.Context, m *Main, args []string) error {
	f := newFlags(m, commands["version"]).withData().withFormat()
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return &UsageError{Msg: "version takes no arguments", Hint: "casus version -h"}
	}
	d, err := f.needData()
	if err != nil {
		return err
	}
	b := readBuildInfo()
	files := source.Describe(d)
	if f.format == "json" {
		return output.WriteJSON(m.Stdout, struct {
			buildInfo
			Places []source.Place  `json:"places"`
			Data   []source.Served `json:"data"`
		}{b, d.Places(), files})
	}
	t := &output.Table{Columns: []string{"dataset", "release", "source", "file", "as published"}}
	for _, s := range files {
		file, pub := s.File, "yes"
		if s.Origin != source.FromEmbedded && s.Location != "" {
			file = s.Location
		}
		switch {
		case s.Origin == "":
			pub = "missing"
		case !s.Published:
			pub = "no: sha256 " + s.SHA256[:12] + "… (not the " + s.Version + " release casus was built with)"
		}
		t.Add(s.Name, s.Version, string(s.Origin), file, pub)
	}
	t.Notes = append(t.Notes, "looked in, in order: "+describePlaces(d.Places()))
	if f.format == "text" {
		fmt.Fprintln(m.Stdout, b.line())
		fmt.Fprintln(m.Stdout)
	} else {
		t.Notes = append(t.Notes, strings.TrimPrefix(b.line(), "casus "))
	}
	return t.Write(m.Stdout, f.format)
}
