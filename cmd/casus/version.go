package main

import (
	"context"
	"fmt"
	"runtime/debug"
)

func init() {
	register(&command{
		Name:    "version",
		Summary: "print the casus version and build information",
		Usage:   "Usage: casus version\n",
		Run: func(ctx context.Context, m *Main, args []string) error {
			v := "(devel)"
			if bi, ok := debug.ReadBuildInfo(); ok {
				v = bi.Main.Version
				for _, s := range bi.Settings {
					if s.Key == "vcs.revision" {
						v += " " + s.Value
					}
				}
			}
			fmt.Fprintln(m.Stdout, "casus", v)
			return nil
		},
	})
}
