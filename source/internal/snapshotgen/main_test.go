package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casus-dev/casus/source/internal/published"
	"github.com/casus-dev/casus/source/sourcetest"
)

// The generator embeds only the published bytes: a file that differs by
// one byte from its release is refused, and nothing is written.
func TestRefusesFileThatIsNotPublished(t *testing.T) {
	from, out := t.TempDir(), t.TempDir()
	first := published.Files[0].Path
	sourcetest.WriteFile(t, from, first)
	p := filepath.Join(from, filepath.FromSlash(first))
	b, _ := os.ReadFile(p)
	b[len(b)-2] ^= 1
	os.WriteFile(p, b, 0o644)
	err := run(from, out)
	if err == nil || !strings.Contains(err.Error(), "refusing to embed a file that is not the published one") {
		t.Fatalf("modified %s: %v, want a refusal", first, err)
	}
	if ents, _ := os.ReadDir(out); len(ents) != 0 {
		t.Errorf("the generator wrote %d entries after refusing", len(ents))
	}
}
