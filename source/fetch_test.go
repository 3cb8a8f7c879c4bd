package source

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// testArchive builds a small made-up zip with two members.
func testArchive(t *testing.T) (zipBytes []byte, a, b []byte) {
	t.Helper()
	a = []byte("ccode,year\n2,1816\n")
	b = bytes.Repeat([]byte("x,y\n1,2\n"), 20000) // ~160 KB, so an interruption can fall mid-body
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range map[string][]byte{"pkg/a.csv": a, "pkg/b.csv": b} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), a, b
}

// server serves body at /data.zip; if cutAt > 0 the first full (non-Range)
// request is cut after cutAt bytes, as a dropped connection would be.
type server struct {
	mu     sync.Mutex
	body   []byte
	cutAt  int
	ranges []string
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	rg := r.Header.Get("Range")
	s.ranges = append(s.ranges, rg)
	cut := s.cutAt
	if rg == "" && cut > 0 {
		s.cutAt = 0
	}
	s.mu.Unlock()
	if rg == "" && cut > 0 {
		w.Header().Set("Content-Length", strconv.Itoa(len(s.body)))
		w.WriteHeader(http.StatusOK)
		w.Write(s.body[:cut])
		w.(http.Flusher).Flush()
		panic(http.ErrAbortHandler) // drop the connection mid-body
	}
	http.ServeContent(w, r, "data.zip", time.Time{}, bytes.NewReader(s.body))
}

func manifestFor(url string, zipSum string, a, b []byte) Manifest {
	return Manifest{Archives: []Archive{{
		Name: "data.zip", URL: url + "/data.zip", SHA256: zipSum, Kind: "zip",
		Files: []ArchiveEntry{
			{Member: "pkg/a.csv", Path: "set/a.csv", SHA256: sum(a)},
			{Member: "pkg/b.csv", Path: "set/b.csv", SHA256: sum(b)},
		},
	}}}
}

// leftovers lists every file under dir (temporaries and .part included).
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	return out
}

func TestFetchExtractsAndVerifies(t *testing.T) {
	z, a, b := testArchive(t)
	srv := httptest.NewServer(&server{body: z})
	defer srv.Close()
	dir := t.TempDir()
	var last Progress
	if err := Fetch(context.Background(), dir, manifestFor(srv.URL, sum(z), a, b), func(p Progress) { last = p }); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "set", "b.csv"))
	if err != nil || !bytes.Equal(got, b) {
		t.Fatalf("b.csv: %d bytes, %v", len(got), err)
	}
	if last.Done != int64(len(z)) || last.Total != int64(len(z)) {
		t.Errorf("last progress %+v, want %d of %d", last, len(z), len(z))
	}
	if files := leftovers(t, dir); len(files) != 2 {
		t.Errorf("files left: %v, want only set/a.csv and set/b.csv", files)
	}
}

func TestFetchChecksumMismatchLeavesNothing(t *testing.T) {
	z, a, b := testArchive(t)
	srv := httptest.NewServer(&server{body: z})
	defer srv.Close()

	// A file hash that does not match: nothing under any final name.
	dir := t.TempDir()
	m := manifestFor(srv.URL, "", a, b)
	m.Archives[0].Files[1].SHA256 = strings.Repeat("0", 64)
	err := Fetch(context.Background(), dir, m, nil)
	var ce *ChecksumError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want *ChecksumError", err)
	}
	if files := leftovers(t, dir); len(files) != 0 {
		t.Errorf("files left after a file mismatch: %v", files)
	}

	// An archive hash that does not match.
	dir = t.TempDir()
	err = Fetch(context.Background(), dir, manifestFor(srv.URL, strings.Repeat("f", 64), a, b), nil)
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want *ChecksumError", err)
	}
	if files := leftovers(t, dir); len(files) != 0 {
		t.Errorf("files left after an archive mismatch: %v", files)
	}
}

func TestFetchResumesInterruptedDownload(t *testing.T) {
	z, a, b := testArchive(t)
	s := &server{body: z, cutAt: len(z) / 3}
	srv := httptest.NewServer(s)
	defer srv.Close()
	dir := t.TempDir()
	m := manifestFor(srv.URL, sum(z), a, b)

	if err := Fetch(context.Background(), dir, m, nil); err == nil {
		t.Fatal("interrupted download reported success")
	}
	part := filepath.Join(dir, ".downloads", "data.zip.part")
	fi, err := os.Stat(part)
	if err != nil || fi.Size() == 0 || fi.Size() >= int64(len(z)) {
		t.Fatalf("partial download: %v, %v; want some but not all of %d bytes", fi, err, len(z))
	}
	if _, err := os.Stat(filepath.Join(dir, "set", "a.csv")); err == nil {
		t.Fatal("a file was extracted from an incomplete download")
	}
	have := fi.Size()

	if err := Fetch(context.Background(), dir, m, nil); err != nil {
		t.Fatal(err)
	}
	if want := "bytes=" + strconv.FormatInt(have, 10) + "-"; len(s.ranges) != 2 || s.ranges[1] != want {
		t.Errorf("requests' Range headers %q, want second %q", s.ranges, want)
	}
	got, err := os.ReadFile(filepath.Join(dir, "set", "b.csv"))
	if err != nil || !bytes.Equal(got, b) {
		t.Fatalf("after resume b.csv: %d bytes, %v", len(got), err)
	}
	// A third run finds everything in place and downloads nothing.
	if err := Fetch(context.Background(), dir, m, nil); err != nil || len(s.ranges) != 2 {
		t.Errorf("re-run: %v, %d requests", err, len(s.ranges))
	}
}

func TestDefaultManifestIsConsistent(t *testing.T) {
	for _, a := range DefaultManifest.Archives {
		if a.URL == "" || (a.Kind != "zip" && a.Kind != "file") || len(a.Files) == 0 {
			t.Errorf("archive %+v incomplete", a)
		}
		for _, f := range a.Files {
			k, ok := KnownFileFor(f.Path)
			if !ok || k.Converted || len(f.SHA256) != 64 || f.SHA256 != k.SHA256 {
				t.Errorf("%s: entry %+v does not match a verbatim known file", a.Name, f)
			}
		}
	}
}

func TestFetchServerIgnoringRangeStartsOver(t *testing.T) {
	z, a, b := testArchive(t)
	var ranges []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ranges = append(ranges, r.Header.Get("Range"))
		w.Write(z) // 200 with the whole body, whatever was asked
	}))
	defer srv.Close()
	dir := t.TempDir()
	part := filepath.Join(dir, ".downloads", "data.zip.part")
	os.MkdirAll(filepath.Dir(part), 0o755)
	os.WriteFile(part, z[:100], 0o644) // a stale partial download
	if err := Fetch(context.Background(), dir, manifestFor(srv.URL, sum(z), a, b), nil); err != nil {
		t.Fatal(err)
	}
	if len(ranges) != 1 || ranges[0] != "bytes=100-" {
		t.Errorf("Range headers %q", ranges)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "set", "a.csv")); !bytes.Equal(got, a) {
		t.Errorf("a.csv = %q", got)
	}
}

func TestFetchCompletePartNeedsNoBytes(t *testing.T) {
	z, a, b := testArchive(t)
	s := &server{body: z}
	srv := httptest.NewServer(s)
	defer srv.Close()
	dir := t.TempDir()
	part := filepath.Join(dir, ".downloads", "data.zip.part")
	os.MkdirAll(filepath.Dir(part), 0o755)
	os.WriteFile(part, z, 0o644) // stopped after the download, before extraction
	if err := Fetch(context.Background(), dir, manifestFor(srv.URL, sum(z), a, b), nil); err != nil {
		t.Fatal(err)
	}
	if len(s.ranges) != 1 || s.ranges[0] != "bytes="+strconv.Itoa(len(z))+"-" {
		t.Errorf("Range headers %q", s.ranges)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "set", "b.csv")); !bytes.Equal(got, b) {
		t.Errorf("b.csv: %d bytes", len(got))
	}
}
