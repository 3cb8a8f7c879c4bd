package treaty

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/world"
)

// UserFiles expands --treaties arguments: a file is taken as is, a
// directory contributes its *.yaml and *.yml files (not its
// subdirectories), sorted by name.
func UserFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, &Error{File: p, Msg: "cannot read: want a treaty YAML file or a directory of them"}
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		ents, err := os.ReadDir(p)
		if err != nil {
			return nil, &Error{File: p, Msg: "cannot list directory: " + err.Error()}
		}
		var names []string
		for _, e := range ents {
			n := e.Name()
			if !e.IsDir() && (strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")) {
				names = append(names, filepath.Join(p, n))
			}
		}
		sort.Strings(names)
		out = append(out, names...)
	}
	return out, nil
}

// LoadFiles parses, validates and resolves users' treaty files (Source =
// world.FromUser). paths are files or directories as for UserFiles; prior
// treaties (the registry) take part in the duplicate-id check.
func LoadFiles(w *world.World, paths []string, opt Options, prior ...*world.Treaty) ([]*world.Treaty, error) {
	names, err := UserFiles(paths)
	if err != nil {
		return nil, err
	}
	var in []namedFile
	var errs Errors
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			errs = append(errs, &Error{File: n, Msg: "cannot read: " + err.Error()})
			continue
		}
		in = append(in, namedFile{name: n, data: b})
	}
	ts, e := loadAll(w, in, world.FromUser, opt, prior...)
	errs = append(errs, e...)
	if err := errs.err(); err != nil {
		return nil, err
	}
	return ts, nil
}

// Attach adds every treaty casus knows to w, before w.Freeze: the ATOP 5.1
// import (the member file, from where data resolves it), the built-in
// registry and the user files in user. It sets SupersededBy on an ATOP import whose atopid a registry
// treaty links. ATOP ids in registry and user files are checked against
// the import. Any problem in a file is returned as Errors (bad input).
func Attach(ctx context.Context, w *world.World, data *source.Data, user []string) error {
	atop, err := ImportATOP(w, data.File(source.PathATOPMembers))
	if err != nil {
		return err
	}
	// What is known after ATOP's end (2018) and the names people search
	// for: checked-in, sourced tables (atop_after2018.csv, atop_names.csv).
	if err := ApplyATOPTables(atop); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	ids := make(map[int]bool, len(atop))
	byATOP := make(map[int]*world.Treaty, len(atop))
	for _, t := range atop {
		ids[t.ATOPID] = true
		byATOP[t.ATOPID] = t
	}
	opt := Options{ATOPIDs: ids}
	reg, err := registry(w, opt)
	if err != nil {
		return err
	}
	usr, err := LoadFiles(w, user, opt, reg...)
	if err != nil {
		return err
	}
	for _, t := range reg {
		if a, ok := byATOP[t.ATOPID]; ok && t.ATOPID != 0 {
			// Several registry instruments may link one ATOP alliance (the
			// Triple Alliance's renewals are one ATOP id with phases); the
			// first in file order names the link, and each of them
			// supersedes the import all the same.
			if a.SupersededBy == "" {
				a.SupersededBy = t.ID
			}
		}
	}
	w.Treaties = append(w.Treaties, reg...)
	w.Treaties = append(w.Treaties, atop...)
	w.Treaties = append(w.Treaties, usr...)
	return nil
}

// ATOPTreatyID is the id of the import of ATOP alliance atopid.
func ATOPTreatyID(atopid int) string { return "atop-" + strconv.Itoa(atopid) }

// Named is a treaty file held in memory (a saved treaty of casus serve):
// Name is used as its file name in errors and in Treaty.File.
type Named struct {
	Name string
	Data []byte
}

// LoadBytes is LoadFiles for files held in memory: it parses, validates
// and resolves them as users' treaties against the frozen world w, whose
// treaties take part in the duplicate-id check and whose ATOP imports are
// the known atop_ids.
func LoadBytes(w *world.World, files []Named) ([]*world.Treaty, error) {
	ids := map[int]bool{}
	for _, t := range w.Treaties {
		if t.Source == world.FromATOP {
			ids[t.ATOPID] = true
		}
	}
	in := make([]namedFile, len(files))
	for i, f := range files {
		in[i] = namedFile{name: f.Name, data: f.Data}
	}
	ts, errs := loadAll(w, in, world.FromUser, Options{ATOPIDs: ids}, w.Treaties...)
	if err := errs.err(); err != nil {
		return nil, err
	}
	return ts, nil
}
