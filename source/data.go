package source

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/casus-dev/casus/source/snapshot"
)

// Origin says where a data file was read from.
type Origin string

// The places Data looks in, in resolution order.
const (
	FromDirectory Origin = "directory" // --data DIR
	FromEnv       Origin = "env"       // $CASUS_DATA
	FromCache     Origin = "cache"     // the folder `casus data fetch` fills
	FromEmbedded  Origin = "embedded"  // the snapshot compiled into the binary
	FromFile      Origin = "file"      // a Path given directly
)

// DataOptions names the places a Data looks for each file, in order: Dir,
// then Env, then Cache, then the embedded snapshot. An empty string skips
// that place.
type DataOptions struct {
	Dir   string // --data DIR: must be a directory holding at least one known file
	Env   string // $CASUS_DATA: the same rules as Dir
	Cache string // the user cache; may not exist yet
	// NoEmbedded leaves the snapshot out, so that a file missing from the
	// directories is an error (tests on the published files use it).
	NoEmbedded bool
}

// Data resolves each data file through an ordered list of places — --data,
// $CASUS_DATA, the user cache, the embedded snapshot — per file: the first
// place that holds the file serves it, whatever serves the others. So a
// directory holding only a newer statelist overrides that one file, and
// every file is still found. Each world.Dataset read through Data records
// its Origin. A file found in a directory is read as it is (a corrupt file
// there is an error, never silently replaced by the snapshot).
type Data struct {
	dirs     []dirPlace
	embedded bool
}

type dirPlace struct {
	origin Origin
	dir    string
}

// Place is one of the places a Data looks in.
type Place struct {
	Origin Origin `json:"origin"`
	Dir    string `json:"dir,omitempty"` // "" for the snapshot
}

// DataDirError reports a --data or $CASUS_DATA value that cannot be used.
// It is bad input (exit 2 in the CLI).
type DataDirError struct {
	What string // "--data" or "$CASUS_DATA"
	Dir  string
	Msg  string
}

func (e *DataDirError) Error() string  { return fmt.Sprintf("%s %s: %s", e.What, e.Dir, e.Msg) }
func (e *DataDirError) BadInput() bool { return true }

// NewData returns the resolution order o describes. A Dir or Env that is
// not a directory, or that holds none of the files casus knows (a typo, or
// a folder one level too deep), is a *DataDirError rather than a silent
// fall-through to the snapshot.
func NewData(o DataOptions) (*Data, error) {
	d := &Data{embedded: !o.NoEmbedded}
	for _, p := range []struct {
		origin Origin
		what   string
		dir    string
	}{{FromDirectory, "--data", o.Dir}, {FromEnv, "$CASUS_DATA", o.Env}} {
		if p.dir == "" {
			continue
		}
		if err := checkDataDir(p.what, p.dir); err != nil {
			return nil, err
		}
		d.dirs = append(d.dirs, dirPlace{p.origin, p.dir})
	}
	if o.Cache != "" {
		if fi, err := os.Stat(o.Cache); err == nil && fi.IsDir() {
			d.dirs = append(d.dirs, dirPlace{FromCache, o.Cache})
		}
	}
	return d, nil
}

func checkDataDir(what, dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &DataDirError{what, dir, "no such directory"}
	case err != nil:
		return &DataDirError{what, dir, "not readable: " + strings.TrimPrefix(err.Error(), "stat "+dir+": ")}
	case !fi.IsDir():
		return &DataDirError{what, dir, "is a file; want the directory that holds cow_states/, atop/, … (laid out as casus data fetch writes it)"}
	}
	for _, k := range KnownFiles {
		if fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(k.Path))); err == nil && fi.Mode().IsRegular() {
			return nil
		}
	}
	return &DataDirError{what, dir, "holds none of the data files casus reads (want e.g. " +
		filepath.Join(dir, filepath.FromSlash(PathStateList2024)) + ")"}
}

// Dir reads every file from dir and nowhere else: a missing file is an
// error. It is the strict form for checking one directory as published.
func Dir(dir string) *Data { return &Data{dirs: []dirPlace{{FromDirectory, dir}}} }

// Embedded reads every file from the snapshot compiled into the binary.
func Embedded() *Data { return &Data{embedded: true} }

// Places lists where d looks, in order.
func (d *Data) Places() []Place {
	var out []Place
	for _, p := range d.dirs {
		out = append(out, Place{p.origin, p.dir})
	}
	if d.embedded {
		out = append(out, Place{Origin: FromEmbedded})
	}
	return out
}

// Locate returns where d would read rel (a path under a data directory,
// such as PathStateList2024): its origin and the path on disk, or
// "embedded:<rel>" for the snapshot. ok is false when no place holds it.
func (d *Data) Locate(rel string) (origin Origin, path string, ok bool) {
	for _, p := range d.dirs {
		fp := filepath.Join(p.dir, filepath.FromSlash(rel))
		// Anything at the path but a missing file stops the search: an
		// unreadable or odd entry is reported when read, not bypassed.
		if _, err := os.Stat(fp); !errors.Is(err, fs.ErrNotExist) {
			return p.origin, fp, true
		}
	}
	if d.embedded {
		if _, ok := snapshot.Lookup(rel); ok {
			return FromEmbedded, "embedded:" + rel, true
		}
	}
	return "", "", false
}

// File returns the Source for rel as d resolves it.
func (d *Data) File(rel string) Source { return dataFile{d, rel} }

// A Source is one data file to read: a Path on disk, or a file resolved
// through a Data (Data.File). The readers (ReadATOPMembers, ReadNMC6, …)
// take one.
type Source interface {
	read() (*input, error)
}

// Path is a data file on disk, read as it is.
type Path string

func (p Path) read() (*input, error) { return readInput(string(p), FromFile) }

type dataFile struct {
	d   *Data
	rel string
}

func (f dataFile) read() (*input, error) {
	origin, p, ok := f.d.Locate(f.rel)
	if !ok {
		missing := "embedded:" + f.rel
		if len(f.d.dirs) > 0 {
			missing = filepath.Join(f.d.dirs[0].dir, filepath.FromSlash(f.rel))
		}
		return nil, &fs.PathError{Op: "open", Path: missing, Err: fs.ErrNotExist}
	}
	if origin != FromEmbedded {
		in, err := readInput(p, origin)
		var pe *fs.PathError
		if errors.As(err, &pe) {
			// Locate found something there: not a missing file but one
			// that cannot be read.
			return nil, &FileError{Path: p, Err: pe.Err}
		}
		return in, err
	}
	data, sum, err := snapshot.ReadFile(f.rel)
	if err != nil {
		return nil, err
	}
	in := &input{path: p, base: filepath.Base(f.rel), data: data, origin: FromEmbedded, sum: make(chan string, 1)}
	in.sum <- sum
	return in, nil
}

// readInput reads a file on disk whole and starts hashing it.
func readInput(path string, origin Origin) (*input, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	in := &input{path: path, base: filepath.Base(path), data: data, origin: origin, sum: make(chan string, 1)}
	go func() {
		h := sha256.Sum256(data)
		in.sum <- hex.EncodeToString(h[:])
	}()
	return in, nil
}

// ReadFile returns the bytes of rel as d resolves it (from the snapshot:
// after checking their size and SHA-256).
func (d *Data) ReadFile(rel string) ([]byte, error) {
	in, err := d.File(rel).read()
	if err != nil {
		return nil, err
	}
	return in.data, nil
}

// FileError reports a data file that exists but cannot be read (a folder
// where a file should be, no permission). It is bad input: the user's data
// folder needs fixing.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string  { return e.Path + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error  { return e.Err }
func (e *FileError) BadInput() bool { return true }
