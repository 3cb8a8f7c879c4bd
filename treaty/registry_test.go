package treaty

import (
	"context"
	"strings"
	"testing"

	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/world"
)

// Every embedded registry file parses, validates against the COW states
// and ATOP ids, and has a unique id.
func TestRegistryValid(t *testing.T) {
	w := dataWorld(t)
	rows := atopRows(t)
	ids := map[int]bool{}
	for _, r := range rows {
		ids[r.AtopID] = true
	}
	ts, err := registry(w, Options{ATOPIDs: ids})
	if err != nil {
		t.Fatalf("registry:\n%v", err)
	}
	_, names, _ := RegistryFiles()
	if len(ts) != len(names) || len(ts) == 0 {
		t.Fatalf("%d treaties from %d files", len(ts), len(names))
	}
	for _, tr := range ts {
		if tr.Source != world.FromRegistry || !strings.HasPrefix(tr.File, "registry/") {
			t.Errorf("%s: source %q file %q", tr.ID, tr.Source, tr.File)
		}
		if len(tr.Sources) == 0 {
			t.Errorf("%s: no sources", tr.ID)
		}
	}
}

// attachWorld loads states and attaches every treaty, as the CLI does.
func attachWorld(t *testing.T, user ...string) *world.World {
	t.Helper()
	dir := needData(t)
	w, err := source.Load(context.Background(), dir, source.LoadOptions{Only: []string{source.States}})
	if err != nil {
		t.Fatal(err)
	}
	if err := Attach(context.Background(), w, dir, user); err != nil {
		t.Fatal(err)
	}
	w.Freeze()
	return w
}

func membersOn(tr *world.Treaty, d world.Date) int {
	seen := map[int]bool{}
	for i := range tr.Members {
		if tr.Members[i].Spell(tr).Contains(d) {
			seen[tr.Members[i].Code] = true
		}
	}
	return len(seen)
}

func TestAttach(t *testing.T) {
	w := attachWorld(t, "testdata/valid")
	count := map[string]int{}
	for _, tr := range w.Treaties {
		count[tr.Source]++
	}
	_, names, _ := RegistryFiles()
	if count[world.FromATOP] != 789 || count[world.FromRegistry] != len(names) || count[world.FromUser] != 2 {
		t.Fatalf("treaties by source: %v", count)
	}
	// A registry treaty that links an ATOP id supersedes the import.
	for _, tr := range w.Treaties {
		if tr.Source != world.FromRegistry || tr.ATOPID == 0 {
			continue
		}
		a, ok := w.Treaty(ATOPTreatyID(tr.ATOPID))
		if !ok || a.SupersededBy == "" {
			t.Errorf("%s links ATOP %d, but atop-%d is not superseded", tr.ID, tr.ATOPID, tr.ATOPID)
		}
	}
	anzus, ok := w.Treaty("anzus")
	if !ok {
		t.Fatal("no anzus in the registry")
	}
	if a, _ := w.Treaty("atop-3215"); a.SupersededBy != "anzus" {
		t.Errorf("atop-3215 superseded by %q, want anzus", a.SupersededBy)
	}
	if n := membersOn(anzus, world.D(2024, 1, 1)); n != 3 {
		t.Errorf("ANZUS members on 2024-01-01: %d, want 3", n)
	}
	// A user file repeating a registry id is refused with the place of both.
	dir := needData(t)
	w2, _ := source.Load(context.Background(), dir, source.LoadOptions{Only: []string{source.States}})
	err := Attach(context.Background(), w2, dir, []string{"testdata/invalid/duplicate.yaml", "testdata/valid/dual-alliance.yaml"})
	if err == nil || !strings.Contains(err.Error(), "duplicate treaty id") {
		t.Fatalf("duplicate user id: %v", err)
	}
}

// NATO on the registry: Sweden's instrument of accession was deposited on
// 2024-03-07, so 32 members on 2024-03-08 and 31 on 2024-03-06.
func TestRegistryNATO(t *testing.T) {
	w := attachWorld(t)
	var nato *world.Treaty
	for _, tr := range w.Treaties {
		if tr.Source == world.FromRegistry && tr.ATOPID == 3180 {
			nato = tr
		}
	}
	if nato == nil {
		t.Skip("the registry has no treaty linking ATOP 3180 (NATO) yet")
	}
	for _, c := range []struct {
		d    world.Date
		want int
	}{{world.D(2024, 3, 6), 31}, {world.D(2024, 3, 8), 32}, {world.D(1949, 8, 24), 12}} {
		if got := membersOn(nato, c.d); got != c.want {
			t.Errorf("NATO members on %s: %d, want %d", c.d, got, c.want)
		}
	}
}
