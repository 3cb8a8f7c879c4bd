package source

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casus-dev/casus/source/snapshot"
)

// The snapshot holds every known file, byte for byte as published: its
// decompressed bytes hash to PROVENANCE.md's SHA-256 and, when
// $CASUS_DATA names the published directory, equal the files there.
func TestSnapshotIsThePublishedFiles(t *testing.T) {
	if n := len(snapshot.Entries()); n != len(KnownFiles) {
		t.Errorf("snapshot holds %d files, %d are known", n, len(KnownFiles))
	}
	pub := os.Getenv("CASUS_DATA")
	for _, k := range KnownFiles {
		data, sum, err := snapshot.ReadFile(k.Path)
		if err != nil {
			t.Errorf("%s: %v", k.Path, err)
			continue
		}
		h := sha256.Sum256(data)
		if got := hex.EncodeToString(h[:]); got != k.SHA256 || sum != k.SHA256 || int64(len(data)) != k.Size {
			t.Errorf("%s: %d bytes, sha256 %s (reported %s); published %d bytes, %s", k.Path, len(data), got, sum, k.Size, k.SHA256)
		}
		if pub == "" {
			continue
		}
		disk, err := os.ReadFile(filepath.Join(pub, filepath.FromSlash(k.Path)))
		if err != nil {
			t.Errorf("%s: %v", k.Path, err)
		} else if !bytes.Equal(disk, data) {
			t.Errorf("%s: the snapshot differs from %s", k.Path, pub)
		}
	}
	if _, _, err := snapshot.ReadFile("atop/nosuch.csv"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("unknown file: %v, want not-exist", err)
	}
}

// writeKnown writes the published bytes of rel under dir.
func writeKnown(t *testing.T, dir, rel string, data []byte) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Each file comes from the first place that holds it: --data, then
// $CASUS_DATA, then the cache, then the snapshot; and the Dataset says
// which.
func TestResolutionOrderPerFile(t *testing.T) {
	dir, env, cache := t.TempDir(), t.TempDir(), t.TempDir()
	majors := fileBytes(t, PathMajors2016)
	writeKnown(t, dir, PathMajors2016, majors)
	writeKnown(t, env, PathMajors2016, majors)
	writeKnown(t, env, PathStateList2024, fileBytes(t, PathStateList2024))
	writeKnown(t, cache, PathStateList2024, fileBytes(t, PathStateList2024))
	writeKnown(t, cache, PathCodelist, fileBytes(t, PathCodelist))
	d, err := NewData(DataOptions{Dir: dir, Env: env, Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Origin{
		PathMajors2016:    FromDirectory,
		PathStateList2024: FromEnv,
		PathCodelist:      FromCache,
		PathNMC6:          FromEmbedded,
	}
	for rel, o := range want {
		got, p, ok := d.Locate(rel)
		if !ok || got != o {
			t.Errorf("%s: from %q (%s), want %q", rel, got, p, o)
		}
	}
	w, err := Load(context.Background(), d, LoadOptions{Only: []string{States, Majors}})
	if err != nil {
		t.Fatal(err)
	}
	for _, ds := range w.Datasets {
		rel := ""
		for r := range want {
			if strings.HasSuffix(ds.File, filepath.FromSlash(r)) {
				rel = r
			}
		}
		if rel == "" || ds.Origin != string(want[rel]) {
			t.Errorf("dataset %s from %s (%s): want origin %q", ds.Name, ds.Origin, ds.File, want[rel])
		}
	}
	if got := d.Places(); len(got) != 4 || got[0].Origin != FromDirectory || got[3].Origin != FromEmbedded {
		t.Errorf("places %+v", got)
	}
	// A cache folder that does not exist yet is simply not a place.
	d2, err := NewData(DataOptions{Cache: filepath.Join(cache, "nosuch")})
	if err != nil || len(d2.Places()) != 1 {
		t.Errorf("missing cache: %v, places %+v", err, d2.Places())
	}
}

// A file present under --data is read as it is: a corrupt copy is a
// ParseError naming file and line, never silently replaced by the
// snapshot.
func TestCorruptDirectoryFileIsNotBypassed(t *testing.T) {
	dir := t.TempDir()
	data := bytes.Replace(fileBytes(t, PathMajors2016), []byte("USA,2,"), []byte("USA,x,"), 1)
	writeKnown(t, dir, PathMajors2016, data)
	d, err := NewData(DataOptions{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Load(context.Background(), d, LoadOptions{Only: []string{Majors}})
	var pe *ParseError
	if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), "majors2016.csv:") || pe.Column == "" {
		t.Errorf("corrupt majors2016.csv under --data: %v, want a ParseError with line and column", err)
	}
}

// A file that exists under --data but cannot be read is bad input naming
// it, not a fall-through to the snapshot.
func TestUnreadableDirectoryFile(t *testing.T) {
	dir := t.TempDir()
	writeKnown(t, dir, PathStateList2024, fileBytes(t, PathStateList2024))
	// A folder where majors2016.csv should be.
	os.MkdirAll(filepath.Join(dir, filepath.FromSlash(PathMajors2016)), 0o755)
	d, err := NewData(DataOptions{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Load(context.Background(), d, LoadOptions{Only: []string{Majors}})
	var fe *FileError
	if !errors.As(err, &fe) || !fe.BadInput() || !strings.HasSuffix(fe.Path, filepath.FromSlash(PathMajors2016)) {
		t.Errorf("a folder in place of majors2016.csv: %v, want a FileError naming it", err)
	}
}

// --data or $CASUS_DATA that cannot be a data directory is an error that
// says so, not a silent fall-through to the snapshot.
func TestBadDataDirectories(t *testing.T) {
	tmp := t.TempDir()
	file := filepath.Join(tmp, "file.csv")
	os.WriteFile(file, []byte("x"), 0o644)
	empty := filepath.Join(tmp, "empty")
	os.Mkdir(empty, 0o755)
	for _, c := range []struct {
		o    DataOptions
		want string
	}{
		{DataOptions{Dir: file}, "--data " + file + ": is a file"},
		{DataOptions{Dir: filepath.Join(tmp, "nosuch")}, "--data " + filepath.Join(tmp, "nosuch") + ": no such directory"},
		{DataOptions{Env: empty}, "$CASUS_DATA " + empty + ": holds none of the data files casus reads"},
	} {
		_, err := NewData(c.o)
		var de *DataDirError
		if !errors.As(err, &de) || !strings.HasPrefix(err.Error(), c.want) || !de.BadInput() {
			t.Errorf("%+v: %v, want %q…", c.o, err, c.want)
		}
	}
}

// BenchmarkLoadSnapshot loads every group (what casus scenario reads, plus
// the ATOP member file the treaty importer reads) from the embedded
// snapshot: decompression, SHA-256 verification and the strict parse.
func BenchmarkLoadSnapshot(b *testing.B) {
	d := Embedded()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(context.Background(), d, LoadOptions{}); err != nil {
			b.Fatal(err)
		}
		if _, _, err := ReadATOPMembers(d.File(PathATOPMembers)); err != nil {
			b.Fatal(err)
		}
	}
}
