package source

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Progress reports a download's state to Fetch's caller.
type Progress struct {
	Archive string
	Done    int64 // bytes on disk, including bytes resumed from an earlier run
	Total   int64 // -1 when the server does not say
}

// FetchOptions tunes Fetch. The zero value uses http.DefaultClient.
type FetchOptions struct {
	Client *http.Client
}

// ChecksumError reports a download or extracted file whose SHA-256 differs
// from the manifest. Nothing is left under the file's final name.
type ChecksumError struct {
	Name      string
	Want, Got string
}

func (e *ChecksumError) Error() string {
	return fmt.Sprintf("%s: sha256 %s, want %s (download damaged or a different release; nothing was written)", e.Name, e.Got, e.Want)
}

// Fetch downloads every archive of m into cacheDir and extracts the listed
// files to cacheDir/<entry path>, laid out as Data expects (DataOptions.Cache
// or a directory).
//
//   - Resumable: bytes go to cacheDir/.downloads/<name>.part; a later run
//     asks for the rest with an HTTP Range request (a server that ignores
//     Range makes it start over).
//   - Verified: the download is checked against Archive.SHA256 when set, and
//     every extracted file against its entry's SHA256.
//   - Atomic: files are written to temporary names and renamed into place
//     only after every file of the archive has verified; on any mismatch the
//     temporaries and the download are removed, so no final name ever holds
//     a half-written or wrong file.
//
// Archives whose files are all present with the right hashes are skipped.
// progress may be nil.
func Fetch(ctx context.Context, cacheDir string, m Manifest, progress func(Progress)) error {
	return FetchWith(ctx, cacheDir, m, progress, FetchOptions{})
}

// FetchWith is Fetch with options.
func FetchWith(ctx context.Context, cacheDir string, m Manifest, progress func(Progress), opt FetchOptions) error {
	if opt.Client == nil {
		opt.Client = http.DefaultClient
	}
	if progress == nil {
		progress = func(Progress) {}
	}
	dl := filepath.Join(cacheDir, ".downloads")
	if err := os.MkdirAll(dl, 0o755); err != nil {
		return err
	}
	for _, a := range m.Archives {
		if err := ctx.Err(); err != nil {
			return err
		}
		if haveAll(cacheDir, a) {
			continue
		}
		if strings.ContainsAny(a.Name, `/\`) || a.Name == "" {
			return fmt.Errorf("manifest: archive name %q must be a plain file name", a.Name)
		}
		part := filepath.Join(dl, a.Name+".part")
		if err := download(ctx, opt.Client, a, part, progress); err != nil {
			return err
		}
		if a.SHA256 != "" {
			got, err := fileSHA256(part)
			if err != nil {
				return err
			}
			if got != a.SHA256 {
				os.Remove(part)
				return &ChecksumError{Name: a.Name, Want: a.SHA256, Got: got}
			}
		}
		err := extract(cacheDir, part, a)
		os.Remove(part)
		if err != nil {
			return err
		}
	}
	return nil
}

func haveAll(cacheDir string, a Archive) bool {
	for _, f := range a.Files {
		got, err := fileSHA256(filepath.Join(cacheDir, filepath.FromSlash(f.Path)))
		if err != nil || got != f.SHA256 {
			return false
		}
	}
	return len(a.Files) > 0
}

func fileSHA256(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// download appends the rest of a's bytes to part, resuming from its size.
func download(ctx context.Context, client *http.Client, a Archive, part string, progress func(Progress)) error {
	var have int64
	if fi, err := os.Stat(part); err == nil {
		have = fi.Size()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, a.URL, nil)
	if err != nil {
		return err
	}
	if have > 0 {
		req.Header.Set("Range", "bytes="+strconv.FormatInt(have, 10)+"-")
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("download %s: %w", a.Name, err)
	}
	defer resp.Body.Close()
	flags := os.O_CREATE | os.O_WRONLY
	total := int64(-1)
	switch resp.StatusCode {
	case http.StatusPartialContent:
		flags |= os.O_APPEND
		if resp.ContentLength >= 0 {
			total = have + resp.ContentLength
		}
	case http.StatusOK:
		flags |= os.O_TRUNC // the server ignored Range: start over
		have = 0
		total = resp.ContentLength
	case http.StatusRequestedRangeNotSatisfiable:
		// The .part already holds every byte (an earlier run was stopped
		// between download and extraction).
		if have > 0 {
			return nil
		}
		fallthrough
	default:
		return fmt.Errorf("download %s: %s from %s", a.Name, resp.Status, a.URL)
	}
	f, err := os.OpenFile(part, flags, 0o644)
	if err != nil {
		return err
	}
	done := have
	progress(Progress{Archive: a.Name, Done: done, Total: total})
	buf := make([]byte, 64<<10)
	for {
		n, rerr := resp.Body.Read(buf)
		if n > 0 {
			if _, werr := f.Write(buf[:n]); werr != nil {
				f.Close()
				return werr
			}
			done += int64(n)
			progress(Progress{Archive: a.Name, Done: done, Total: total})
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			f.Close()
			// The bytes so far stay in .part for the next run to resume.
			return fmt.Errorf("download %s interrupted after %d bytes (run again to resume): %w", a.Name, done, rerr)
		}
	}
	if err := f.Close(); err != nil {
		return err
	}
	if total >= 0 && done != total {
		return fmt.Errorf("download %s: got %d bytes, want %d (run again to resume)", a.Name, done, total)
	}
	return nil
}

// extract writes a's entries to temporary files beside their destinations,
// verifies each, and renames them all into place only when all verified.
func extract(cacheDir, download string, a Archive) error {
	type staged struct{ tmp, final string }
	var done []staged
	cleanup := func() {
		for _, s := range done {
			os.Remove(s.tmp)
		}
	}
	var zr *zip.ReadCloser
	if a.Kind == "zip" {
		var err error
		if zr, err = zip.OpenReader(download); err != nil {
			return fmt.Errorf("%s: not a readable zip archive: %w", a.Name, err)
		}
		defer zr.Close()
	} else if a.Kind != "file" {
		return fmt.Errorf("manifest: archive %s has kind %q, want zip or file", a.Name, a.Kind)
	}
	for _, e := range a.Files {
		if !filepath.IsLocal(filepath.FromSlash(e.Path)) {
			cleanup()
			return fmt.Errorf("manifest: destination %q leaves the cache directory", e.Path)
		}
		var src io.ReadCloser
		var err error
		if zr != nil {
			src, err = zr.Open(e.Member)
		} else {
			src, err = os.Open(download)
		}
		if err != nil {
			cleanup()
			return fmt.Errorf("%s: %s: %w", a.Name, e.Member, err)
		}
		final := filepath.Join(cacheDir, filepath.FromSlash(e.Path))
		if err := os.MkdirAll(filepath.Dir(final), 0o755); err != nil {
			src.Close()
			cleanup()
			return err
		}
		tmp, err := os.CreateTemp(filepath.Dir(final), "."+filepath.Base(final)+".tmp-*")
		if err != nil {
			src.Close()
			cleanup()
			return err
		}
		done = append(done, staged{tmp.Name(), final})
		h := sha256.New()
		_, err = io.Copy(io.MultiWriter(tmp, h), src)
		src.Close()
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			cleanup()
			return err
		}
		if got := hex.EncodeToString(h.Sum(nil)); got != e.SHA256 {
			cleanup()
			return &ChecksumError{Name: a.Name + ": " + e.Path, Want: e.SHA256, Got: got}
		}
	}
	for i, s := range done {
		if err := os.Rename(s.tmp, s.final); err != nil {
			for _, r := range done[i:] {
				os.Remove(r.tmp)
			}
			return err
		}
	}
	return nil
}
