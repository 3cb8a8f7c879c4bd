package treaty

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/world"
)

// The registry's files are part of the binary, so every casus has the same
// treaties and a broken file fails the tests rather than a user's run.
//
//go:embed registry/*.yaml
var registryFS embed.FS

// RegistryFiles returns the embedded registry files by name
// ("registry/nato.yaml"), sorted.
func RegistryFiles() (map[string][]byte, []string, error) {
	names, err := fs.Glob(registryFS, "registry/*.yaml")
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(names)
	files := make(map[string][]byte, len(names))
	for _, n := range names {
		b, err := registryFS.ReadFile(n)
		if err != nil {
			return nil, nil, err
		}
		files[n] = b
	}
	return files, names, nil
}

// Registry parses, validates and resolves the built-in treaties (Source =
// world.FromRegistry). Any problem in any file is returned as Errors, one
// line per problem; no treaty is returned then.
func Registry(w *world.World) ([]*world.Treaty, error) {
	return registry(w, Options{})
}

func registry(w *world.World, opt Options) ([]*world.Treaty, error) {
	files, names, err := RegistryFiles()
	if err != nil {
		return nil, err
	}
	var in []namedFile
	for _, n := range names {
		in = append(in, namedFile{name: n, data: files[n]})
	}
	opt.RequireInForce = true
	ts, errs := loadAll(w, in, world.FromRegistry, opt)
	if err := errs.err(); err != nil {
		return nil, err
	}
	return ts, nil
}

type namedFile struct {
	name string
	data []byte
}

// loadAll parses and validates files, checks that ids are unique among
// them and the treaties in prior, and marks the treaties' source.
func loadAll(w *world.World, files []namedFile, source string, opt Options, prior ...*world.Treaty) ([]*world.Treaty, Errors) {
	var errs Errors
	var out []*world.Treaty
	var parsed []*File
	seen := map[string]string{} // id -> "file:line"
	for _, t := range prior {
		seen[t.ID] = t.File
	}
	for _, nf := range files {
		f, err := Parse(nf.name, nf.data)
		if err != nil {
			errs = append(errs, err.(Errors)...)
			continue
		}
		if e := f.Validate(w, opt); len(e) > 0 {
			errs = append(errs, e...)
			continue
		}
		t := f.Treaty
		t.Source = source
		t.File = nf.name
		if where, dup := seen[t.ID]; dup {
			errs = append(errs, f.errorf("id", "duplicate treaty id %q: also used by %s", t.ID, where))
			continue
		}
		seen[t.ID] = path.Clean(nf.name)
		out = append(out, t)
		parsed = append(parsed, f)
	}
	// Links between instruments must name a treaty casus has: a typo
	// would silently cut a chain of successive treaties.
	known := func(id string) bool {
		if _, ok := seen[id]; ok {
			return true
		}
		if n, ok := strings.CutPrefix(id, "atop-"); ok && opt.ATOPIDs != nil {
			v, err := strconv.Atoi(n)
			return err == nil && opt.ATOPIDs[v]
		}
		return false
	}
	for _, f := range parsed {
		t := f.Treaty
		for i, r := range t.Replaces {
			if !known(r) {
				errs = append(errs, f.errorf(fmt.Sprintf("replaces[%d]", i), "no treaty %q: want the id of a registry or --treaties treaty, or atop-<atopid>", r))
			}
		}
		if r := t.ReplacedBy; r != "" && !known(r) {
			errs = append(errs, f.errorf("replaced_by", "no treaty %q: want the id of a registry or --treaties treaty, or atop-<atopid>", r))
		}
	}
	return out, errs
}
