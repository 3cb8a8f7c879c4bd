package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/source/sourcetest"
)

// casus version names every dataset with its release and where this run
// reads it; --version is the same command.
func TestVersionListsDataReleases(t *testing.T) {
	noData := map[string]string{"CASUS_DATA": ""}
	out, errOut, code := runWith(t, noData, "version", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var v struct {
		Module string
		Data   []source.Served
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.Module != "github.com/casus-dev/casus" || len(v.Data) != len(source.KnownFiles) {
		t.Errorf("module %q, %d data files (want %d)", v.Module, len(v.Data), len(source.KnownFiles))
	}
	for _, s := range v.Data {
		if s.Origin != source.FromEmbedded || !s.Published || s.Version == "" {
			t.Errorf("%s: %+v, want embedded, published, with a release", s.File, s)
		}
	}
	text, _, _ := runWith(t, noData, "version")
	long, _, code := runWith(t, noData, "--version")
	if code != 0 || long != text || !strings.HasPrefix(text, "casus ") ||
		!strings.Contains(strings.Join(strings.Fields(text), " "), "COW National Material Capabilities 7.0 embedded cow_nmc/cow_nmc_v7_peacesciencer.csv yes") {
		t.Errorf("--version (exit %d) differs from version or lacks the NMC 7.0 row:\n%s", code, long)
	}

	// A file under --data that is not the published release is said so.
	dir := t.TempDir()
	p := filepath.Join(dir, filepath.FromSlash(source.PathMajors2016))
	os.MkdirAll(filepath.Dir(p), 0o755)
	os.WriteFile(p, append(sourcetest.ReadFile(t, source.PathMajors2016), '\n'), 0o644)
	text, _, _ = runWith(t, noData, "version", "--data", dir)
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, "majors2016") && (!strings.Contains(line, "directory") || !strings.Contains(line, "no: sha256")) {
			t.Errorf("modified majors2016 under --data: %q", line)
		}
	}
}

// The treaty commands that only need the registry and the state list run
// with no data configured at all (the embedded snapshot serves).
func TestTreatyCommandsNeedNoDataSetup(t *testing.T) {
	empty := map[string]string{"CASUS_DATA": "", "HOME": t.TempDir()}
	for _, args := range [][]string{
		{"treaty", "show", "nato-1949"},
		{"treaty", "list", "--source", "registry"},
		{"treaty", "check", "../../treaty/registry/nato-1949.yaml"},
	} {
		out, errOut, code := runWith(t, empty, args...)
		if code != 0 || out == "" || errOut != "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

// A corrupt file under --data is read, not bypassed: any command that
// needs it exits 2 with file:line: column.
func TestCorruptDataFileExits2(t *testing.T) {
	dir := t.TempDir()
	b := sourcetest.ReadFile(t, source.PathStateList2024)
	b = []byte(strings.Replace(string(b), "PRK,731,", "PRK,7x1,", 1))
	p := filepath.Join(dir, filepath.FromSlash(source.PathStateList2024))
	os.MkdirAll(filepath.Dir(p), 0o755)
	os.WriteFile(p, b, 0o644)
	out, errOut, code := runWith(t, map[string]string{"CASUS_DATA": ""}, "state", "PRK", "--data", dir)
	if code != 2 || out != "" || !strings.HasPrefix(errOut, "casus: statelist2024.csv:") ||
		!strings.Contains(errOut, `column "ccode": want`) || strings.Count(errOut, "\n") != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and one file:line: column line", code, out, errOut)
	}
}
