// Package snapshot embeds the official data files casus reads, so that a
// fresh clone or a `go install`ed binary works with nothing beside it.
//
// Contract:
//
//   - data/<path>.zst holds, zstd-compressed, exactly the bytes the
//     publishers released for <path> (a path under a data directory laid
//     out like shared/data, e.g. cow_states/statelist2024.csv). Nothing is
//     converted, trimmed or re-encoded.
//   - manifest.json records each file's size and SHA-256 as published.
//     ReadFile decompresses and checks both, every time, so a damaged or
//     hand-edited snapshot fails loudly instead of feeding the loaders.
//   - The files are written by source/internal/snapshotgen (go generate
//     below), which refuses any file whose hash is not the published one.
//     Never edit them by hand.
package snapshot

//go:generate go run ../internal/snapshotgen -from $CASUS_DATA -out .

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"sync"

	"github.com/klauspost/compress/zstd"
)

//go:embed manifest.json data
var files embed.FS

// Entry is one embedded file as the manifest records it.
type Entry struct {
	Path     string `json:"path"`
	Size     int64  `json:"size"`
	SHA256   string `json:"sha256"`
	ZstdSize int64  `json:"zstd_size"`
}

var manifest = sync.OnceValues(func() (map[string]Entry, error) {
	b, err := files.ReadFile("manifest.json")
	if err != nil {
		return nil, err
	}
	var m struct{ Files []Entry }
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("snapshot: manifest.json: %v", err)
	}
	out := make(map[string]Entry, len(m.Files))
	for _, e := range m.Files {
		out[e.Path] = e
	}
	return out, nil
})

// Entries returns the manifest, in no particular order.
func Entries() []Entry {
	m, err := manifest()
	if err != nil {
		panic(err) // the manifest is compiled in; a test reads it
	}
	out := make([]Entry, 0, len(m))
	for _, e := range m {
		out = append(out, e)
	}
	return out
}

// Lookup returns the manifest entry for path.
func Lookup(path string) (Entry, bool) {
	m, err := manifest()
	if err != nil {
		return Entry{}, false
	}
	e, ok := m[path]
	return e, ok
}

// One decoder serves every call: DecodeAll is safe for concurrent use, and
// the decoder's tables are built once per process.
var decoder = sync.OnceValues(func() (*zstd.Decoder, error) {
	return zstd.NewReader(nil, zstd.WithDecoderConcurrency(0))
})

// ReadFile returns the published bytes of path and their SHA-256 (hex),
// after checking both against the manifest. A path the snapshot does not
// hold gives an error wrapping fs.ErrNotExist.
func ReadFile(path string) ([]byte, string, error) {
	e, ok := Lookup(path)
	if !ok {
		return nil, "", &fs.PathError{Op: "open", Path: "embedded:" + path, Err: fs.ErrNotExist}
	}
	z, err := files.ReadFile("data/" + path + ".zst")
	if err != nil {
		return nil, "", err
	}
	dec, err := decoder()
	if err != nil {
		return nil, "", err
	}
	data, err := dec.DecodeAll(z, make([]byte, 0, e.Size))
	if err != nil {
		return nil, "", fmt.Errorf("snapshot: %s: %v", path, err)
	}
	sum := sha256.Sum256(data)
	got := hex.EncodeToString(sum[:])
	if int64(len(data)) != e.Size || got != e.SHA256 {
		return nil, "", fmt.Errorf("snapshot: %s: decompressed to %d bytes with sha256 %s; the manifest records %d bytes, sha256 %s (regenerate with go generate ./source/...)",
			path, len(data), got, e.Size, e.SHA256)
	}
	return data, got, nil
}
