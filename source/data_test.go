package source

import (
	"context"
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/casus-dev/casus/world"
)

// testData is what the tests read: the directory $CASUS_DATA names, alone,
// when it is set (CI runs them so on the files as published, which proves
// the snapshot and the published files agree), otherwise the embedded
// snapshot. Either way the tests run on the real data and never skip.
func testData(tb testing.TB) *Data {
	tb.Helper()
	if d := os.Getenv("CASUS_DATA"); d != "" {
		return Dir(d)
	}
	return Embedded()
}

// path returns the Source of one known file, as testData resolves it.
func path(tb testing.TB, rel string) Source {
	return testData(tb).File(rel)
}

// fileBytes returns the bytes of one known file, as testData resolves it.
func fileBytes(tb testing.TB, rel string) []byte {
	tb.Helper()
	in, err := path(tb, rel).read()
	if err != nil {
		tb.Fatal(err)
	}
	return in.data
}

// Row counts and SHA-256 published in shared/data/PROVENANCE.md.
func TestRowCountsAndHashes(t *testing.T) {
	type read func(p Source) (world.Dataset, error)
	ds := func(f func(Source) (world.Dataset, error)) read { return f }
	cases := []struct {
		rel  string
		rows int
		read read
	}{
		{PathATOPAlliances, 789, ds(func(p Source) (world.Dataset, error) { _, d, err := ReadATOPAlliances(p); return d, err })},
		{PathATOPPhases, 849, ds(func(p Source) (world.Dataset, error) { _, d, err := ReadATOPPhases(p); return d, err })},
		{PathATOPMembers, 2510, ds(func(p Source) (world.Dataset, error) { _, d, err := ReadATOPMembers(p); return d, err })},
		{PathATOPStateYear, 11923, ds(func(p Source) (world.Dataset, error) { _, d, err := ReadATOPStateYears(p); return d, err })},
		{PathATOPDyadYears, 273296, ds(func(p Source) (world.Dataset, error) {
			t, err := ReadATOPDyadYears(p)
			if err != nil {
				return world.Dataset{}, err
			}
			return t.Dataset, nil
		})},
		{PathStates2016, 243, ds(func(p Source) (world.Dataset, error) { _, d, err := ReadStates2016(p); return d, err })},
		{PathStateList2024, 244, ds(func(p Source) (world.Dataset, error) { _, d, err := ReadStateList2024(p); return d, err })},
		{PathSystem2016, 15951, ds(func(p Source) (world.Dataset, error) { _, d, err := ReadSystem2016(p); return d, err })},
		{PathMajors2016, 14, ds(func(p Source) (world.Dataset, error) { _, d, err := ReadMajors2016(p); return d, err })},
		{PathNMC6, 15951, ds(func(p Source) (world.Dataset, error) {
			c, err := ReadNMC6(p)
			if err != nil {
				return world.Dataset{}, err
			}
			return c.Dataset, nil
		})},
		{PathNMC7, 17121, ds(func(p Source) (world.Dataset, error) {
			c, err := ReadNMC7(p)
			if err != nil {
				return world.Dataset{}, err
			}
			return c.Dataset, nil
		})},
		{PathWars, 337, ds(func(p Source) (world.Dataset, error) { _, d, err := ReadInterStateWars(p); return d, err })},
		{PathContdir, 847, ds(func(p Source) (world.Dataset, error) { _, d, err := ReadContiguity(p); return d, err })},
		{PathContdird, 82498, ds(func(p Source) (world.Dataset, error) { _, d, err := ReadContiguityDyadYears(p); return d, err })},
		{PathContdirs, 15951, ds(func(p Source) (world.Dataset, error) { _, d, err := ReadContiguityStateYears(p); return d, err })},
		{PathCapitals, 242, ds(func(p Source) (world.Dataset, error) { _, d, err := ReadCapitals(p); return d, err })},
		{PathCodelist, 292, ds(func(p Source) (world.Dataset, error) { _, d, err := ReadCodelist(p); return d, err })},
		{PathCodelistPanel, 29574, ds(func(p Source) (world.Dataset, error) { _, d, err := ReadCodelistPanel(p); return d, err })},
	}
	for _, c := range cases {
		t.Run(c.rel, func(t *testing.T) {
			d, err := c.read(path(t, c.rel))
			if err != nil {
				t.Fatal(err)
			}
			if d.Rows != c.rows {
				t.Errorf("rows = %d, want %d", d.Rows, c.rows)
			}
			f, ok := KnownFileFor(c.rel)
			if !ok {
				t.Fatalf("%s is not in the manifest of known files", c.rel)
			}
			if d.SHA256 != f.SHA256 {
				t.Errorf("sha256 = %s, want %s (PROVENANCE.md)", d.SHA256, f.SHA256)
			}
		})
	}
}

func TestATOPMembers(t *testing.T) {
	rows, ds, err := ReadATOPMembers(path(t, PathATOPMembers))
	if err != nil {
		t.Fatal(err)
	}
	if ds.First != 1815 || ds.Last != 2018 {
		t.Errorf("years %d–%d, want 1815–2018", ds.First, ds.Last)
	}
	ids := map[int]bool{}
	natoMembers := map[int]bool{}
	var prcDPRK []ATOPMember
	dayUnknown := 0
	for _, m := range rows {
		ids[m.AtopID] = true
		if m.AtopID == 3180 {
			natoMembers[m.Member] = true
		}
		if m.AtopID == 3445 {
			prcDPRK = append(prcDPRK, m)
		}
		if m.EntryDayUnknown {
			dayUnknown++
		}
		if m.Ineffect != m.Exit.IsZero() {
			t.Errorf("atopid %d member %d: ineffect %v but exit %v", m.AtopID, m.Member, m.Ineffect, m.Exit)
		}
	}
	if len(ids) != 789 {
		t.Errorf("%d distinct atopids, want 789", len(ids))
	}
	// PROVENANCE: NATO has 30 distinct members 1949–2018.
	if len(natoMembers) != 30 {
		t.Errorf("NATO (3180) has %d distinct members, want 30", len(natoMembers))
	}
	// 5 rows have a blank DAYENT (counted with Python's csv module).
	if dayUnknown != 5 {
		t.Errorf("%d rows with unknown entry day, want 5", dayUnknown)
	}
	if len(prcDPRK) != 2 {
		t.Fatalf("PRC–DPRK (3445) has %d member rows, want 2", len(prcDPRK))
	}
	for _, m := range prcDPRK {
		if m.Entry != world.D(1961, 7, 11) || !m.Exit.IsZero() || !m.Defense || !m.Nonagg || m.Conditio || !m.Bilat {
			t.Errorf("PRC–DPRK row %+v: want entry 1961-07-11, in force, defense+nonagg, unconditional, bilateral", m)
		}
		if v, ok := m.Int("cowsys"); !ok || v != 1 {
			t.Errorf("Int(cowsys) = %d, %v; want 1, true", v, ok)
		}
	}
	if _, ok := rows[0].Int("nosuchcolumn"); ok {
		t.Error("Int of an unknown column reported ok")
	}
	// A blank cell reads as MissingInt, not 0: atopid 1035's exit day is blank.
	for _, m := range rows {
		if m.AtopID == 1035 && m.Member == 200 {
			if v, _ := m.Int("dayexit"); v != MissingInt || !m.ExitDayUnknown || m.Exit != world.D(1822, 12, 31) {
				t.Errorf("1035/200: dayexit %d, ExitDayUnknown %v, Exit %v; want MissingInt, true, 1822-12-31", v, m.ExitDayUnknown, m.Exit)
			}
		}
	}
}

func TestATOPAlliancesAndPhases(t *testing.T) {
	al, _, err := ReadATOPAlliances(path(t, PathATOPAlliances))
	if err != nil {
		t.Fatal(err)
	}
	var nato *ATOPAlliance
	for i := range al {
		if al[i].AtopID == 3180 {
			nato = &al[i]
		}
	}
	if nato == nil || nato.Begin != world.D(1949, 4, 4) || nato.CowID != 3521 || !nato.Defense || !nato.Consul {
		t.Fatalf("NATO alliance row = %+v; want begin 1949-04-04, cowid 3521, defense + consul", nato)
	}
	ph, _, err := ReadATOPPhases(path(t, PathATOPPhases))
	if err != nil {
		t.Fatal(err)
	}
	phases := 0
	for _, p := range ph {
		if p.AtopID == 3180 {
			phases++
			if !strings.HasPrefix(p.PhaseID, "3180") {
				t.Errorf("NATO phase id %q", p.PhaseID)
			}
		}
	}
	if phases != 2 {
		t.Errorf("NATO has %d phase rows, want 2", phases)
	}
}

func TestATOPDyadYearsSymmetric(t *testing.T) {
	dd, err := ReadATOPDyadYears(path(t, PathATOPDyadYears))
	if err != nil {
		t.Fatal(err)
	}
	if dd.First != 1815 || dd.Last != 2018 || dd.Dataset.First != 1815 || dd.Dataset.Last != 2018 {
		t.Errorf("coverage %d–%d (rows %d–%d), want 1815–2018", dd.First, dd.Last, dd.Dataset.First, dd.Dataset.Last)
	}
	type key struct{ a, b, y int }
	set := make(map[key]bool, len(dd.Rows))
	for _, r := range dd.Rows {
		set[key{r.A, r.B, r.Year}] = true
	}
	for _, r := range dd.Rows {
		if !set[key{r.B, r.A, r.Year}] {
			t.Fatalf("(%d, %d, %d) has no reverse row", r.A, r.B, r.Year)
		}
	}
	// US–ROK defense from 1953 to 2018 (PROVENANCE spot check).
	for y := 1953; y <= 2018; y++ {
		if !set[key{2, 732, y}] {
			t.Fatalf("no (2, 732, %d) row", y)
		}
	}
}

func TestNMC(t *testing.T) {
	n6, err := ReadNMC6(path(t, PathNMC6))
	if err != nil {
		t.Fatal(err)
	}
	if n6.First != 1816 || n6.Last != 2016 || n6.Version != "6.0" {
		t.Errorf("NMC 6.0 covers %d–%d version %q", n6.First, n6.Last, n6.Version)
	}
	n7, err := ReadNMC7(path(t, PathNMC7))
	if err != nil {
		t.Fatal(err)
	}
	if n7.First != 1816 || n7.Last != 2022 {
		t.Errorf("NMC 7.0 covers %d–%d", n7.First, n7.Last)
	}
	cases := []struct {
		c            *world.Capabilities
		code, year   int
		cinc, tol    float64
		milexMissing bool
	}{
		{n6, 2, 2016, 0.1331, 5e-5, false},
		{n6, 731, 2016, 0.013444724, 1e-9, true}, // PRK milex is -9 in the file
		{n6, 710, 2016, 0.2306, 5e-5, false},
		{n6, 365, 2016, 0.0365, 5e-5, false},
		{n7, 2, 2016, 0.1333, 5e-5, false},
		{n7, 2, 2022, 0.1236, 5e-5, false},
		{n7, 710, 2022, 0.2341, 5e-5, false},
		{n7, 731, 2016, 0.013477664, 1e-9, true},
	}
	for _, c := range cases {
		r, ok := c.c.Get(c.code, c.year)
		if !ok {
			t.Errorf("NMC %s: no row for %d in %d", c.c.Version, c.code, c.year)
			continue
		}
		if math.Abs(r.CINC-c.cinc) > c.tol {
			t.Errorf("NMC %s %d %d: cinc %.9f, want %.9f ± %g", c.c.Version, c.code, c.year, r.CINC, c.cinc, c.tol)
		}
		if world.Missing(r.Milex) != c.milexMissing {
			t.Errorf("NMC %s %d %d: milex %v, missing want %v", c.c.Version, c.code, c.year, r.Milex, c.milexMissing)
		}
	}
	// The 2016 CINC sum is 1.0068, not exactly 1 (PROVENANCE).
	sum := 0.0
	for _, r := range n6.Rows {
		if r.Year == 2016 {
			sum += r.CINC
		}
	}
	if math.Abs(sum-1.0068) > 5e-4 {
		t.Errorf("NMC 6.0 2016 CINC sum = %.4f, want 1.0068", sum)
	}
	// Missing is NaN, never 0: no -9 survives.
	for _, r := range n6.Rows {
		for _, v := range r.Components() {
			if v < 0 {
				t.Fatalf("negative component survived in %d %d: %v", r.Code, r.Year, r.Components())
			}
		}
	}
}

func TestStates(t *testing.T) {
	s16, _, err := ReadStates2016(path(t, PathStates2016))
	if err != nil {
		t.Fatal(err)
	}
	codes := map[int]bool{}
	for _, s := range s16 {
		codes[s.Code] = true
		if s.Code == 731 && s.Spell.Start != world.D(1948, 9, 9) {
			t.Errorf("PRK starts %v, want 1948-09-09", s.Spell.Start)
		}
		if s.Code == 732 && s.Spell.Start != world.D(1949, 6, 29) {
			t.Errorf("ROK starts %v, want 1949-06-29", s.Spell.Start)
		}
	}
	if len(codes) != 217 {
		t.Errorf("%d distinct states in states2016, want 217", len(codes))
	}
}

func TestWars(t *testing.T) {
	rows, ds, err := ReadInterStateWars(path(t, PathWars))
	if err != nil {
		t.Fatal(err)
	}
	wars, _, err := ReadWars(path(t, PathWars))
	if err != nil {
		t.Fatal(err)
	}
	if len(wars) != 95 || len(rows) != 337 {
		t.Errorf("%d wars, %d participants; want 95, 337", len(wars), len(rows))
	}
	if ds.First != 1823 || ds.Last != 2003 {
		t.Errorf("years %d–%d, want 1823–2003", ds.First, ds.Last)
	}
	var korea *world.War
	for i := range wars {
		if wars[i].Num == 151 {
			korea = &wars[i]
		}
	}
	if korea == nil || len(korea.Participants) != 16 {
		t.Fatalf("Korean War (151): %+v, want 16 participants", korea)
	}
	side := map[int]int{}
	for _, p := range korea.Participants {
		side[p.Code] = p.Side
	}
	if side[710] != 2 || side[731] != 2 || side[2] != 1 || side[732] != 1 {
		t.Errorf("Korean War sides: %v", side)
	}
	// Exactly one BatDeath is coded -9 (PROVENANCE): it must be NaN.
	missing := 0
	for _, r := range rows {
		if math.IsNaN(r.BatDeath) {
			missing++
		}
	}
	if missing != 1 {
		t.Errorf("%d missing BatDeath, want 1", missing)
	}
}

func TestContiguityCapitalsCrosswalk(t *testing.T) {
	cont, _, err := ReadContiguity(path(t, PathContdir))
	if err != nil {
		t.Fatal(err)
	}
	typ := map[[2]int]int{}
	for _, c := range cont {
		typ[[2]int{c.Low, c.High}] = c.Type
	}
	for _, c := range []struct{ a, b, t int }{{710, 731, 1}, {365, 731, 1}, {731, 732, 1}} {
		if typ[[2]int{c.a, c.b}] != c.t {
			t.Errorf("contiguity %d–%d type %d, want %d", c.a, c.b, typ[[2]int{c.a, c.b}], c.t)
		}
	}
	if ty := typ[[2]int{710, 740}]; ty < 2 {
		t.Errorf("China–Japan contiguity type %d, want sea (2–5)", ty)
	}
	caps, _, err := ReadCapitals(path(t, PathCapitals))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range caps {
		if c.Code == 710 && c.Name != "Beijing" {
			t.Errorf("China capital %q", c.Name)
		}
	}
	cl, _, err := ReadCodelist(path(t, PathCodelist))
	if err != nil {
		t.Fatal(err)
	}
	iso := map[int]string{}
	for _, r := range cl {
		if r.Cown != MissingInt {
			iso[r.Cown] = r.ISO3
		}
	}
	for code, want := range map[int]string{2: "USA", 365: "RUS", 710: "CHN", 731: "PRK", 732: "KOR", 740: "JPN", 345: ""} {
		if iso[code] != want {
			t.Errorf("crosswalk %d → %q, want %q", code, iso[code], want)
		}
	}
}

func TestLoad(t *testing.T) {
	w, err := Load(context.Background(), testData(t), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Datasets) != 10 {
		t.Errorf("%d datasets recorded, want 10", len(w.Datasets))
	}
	if w.MembershipEnd != world.D(2024, 12, 31) {
		t.Errorf("MembershipEnd %v", w.MembershipEnd)
	}
	if len(w.States) != 217 {
		t.Errorf("%d states, want 217", len(w.States))
	}
	for q, code := range map[string]int{"DPRK": 731, "North Korea": 731, "PRK": 731, "731": 731, "Russia": 365,
		"USA": 2, "UK": 200, "ROK": 732, "USSR": 365, "Yugoslavia": 345, "Serbia": 345, "SRB": 345} {
		s, err := w.Resolve(q)
		if err != nil || s.Code != code {
			t.Errorf("Resolve(%q) = %v, %v; want %d", q, s, err, code)
		}
	}
	// 345 keeps COW's YUG, the abbreviation of its longest spell and the
	// one every 2016-era file uses, while its name is the current one.
	if s, _ := w.State(345); s == nil || s.Abb != "YUG" || s.Name != "Serbia" {
		t.Errorf("state 345 = %+v, want abbreviation YUG, name Serbia", s)
	}
	_, err = w.Resolve("Korea")
	var amb *world.AmbiguousError
	if !errors.As(err, &amb) {
		t.Fatalf("Resolve(Korea) = %v, want ambiguity between the two Koreas", err)
	}
	got := map[int]bool{}
	for _, c := range amb.Candidates {
		got[c.Code] = true
	}
	if !got[731] || !got[732] {
		t.Errorf("Resolve(Korea) candidates %v, want 731 and 732 among them", got)
	}
	// KOR is COW's abbreviation of 730 (Korea, 1887–1905) and the ISO3 code
	// of South Korea; world.Resolve lets the COW abbreviation win.
	if s, err := w.Resolve("KOR"); err != nil || s.Code != 730 {
		t.Errorf("Resolve(KOR) = %v, %v; want 730 (COW abbreviation first)", s, err)
	}
	for code, names := range Aliases {
		for _, n := range names {
			if s, err := w.Resolve(n); err != nil || s.Code != code {
				t.Errorf("alias %q of %d resolves to %v, %v", n, code, s, err)
			}
		}
	}
	prk, _ := w.State(731)
	if prk.ISO3 != "PRK" || !prk.OpenEnded || len(prk.Spells) != 1 || prk.Spells[0].Start != world.D(1948, 9, 9) {
		t.Errorf("PRK = %+v", prk)
	}
	if !prk.MemberOn(world.D(2026, 1, 1)) {
		t.Error("PRK not a member after the data end although open-ended")
	}
	if major, known := w.MajorOn(710, world.D(2016, 6, 1)); !major || !known {
		t.Errorf("China major in 2016: %v, %v", major, known)
	}
	if _, known := w.MajorOn(2, world.D(2020, 1, 1)); known {
		t.Error("major status after 2016-12-31 reported as known")
	}
	if len(w.Wars) != 95 || len(w.Contiguity) != 847 || len(w.Capitals) != 242 || len(w.AllianceDyads.Rows) != 273296 {
		t.Errorf("wars %d contiguity %d capitals %d ddyr %d", len(w.Wars), len(w.Contiguity), len(w.Capitals), len(w.AllianceDyads.Rows))
	}
	if _, ok := w.NMC["6.0"]; !ok {
		t.Error("NMC 6.0 missing")
	}
	if _, ok := w.NMC["7.0"]; !ok {
		t.Error("NMC 7.0 missing")
	}

	only, err := Load(context.Background(), testData(t), LoadOptions{Only: []string{NMC}})
	if err != nil {
		t.Fatal(err)
	}
	if len(only.States) != 0 || len(only.Datasets) != 2 {
		t.Errorf("Only NMC loaded %d states and %d datasets", len(only.States), len(only.Datasets))
	}
	_, err = Load(context.Background(), Dir(t.TempDir()), LoadOptions{Only: []string{Majors}})
	var mf *MissingFileError
	if !errors.As(err, &mf) || !errors.Is(err, os.ErrNotExist) || !strings.HasSuffix(mf.Path, PathMajors2016) {
		t.Errorf("empty directory: %v, want a MissingFileError for majors2016", err)
	}
	if _, err := Load(context.Background(), testData(t), LoadOptions{Only: []string{"bogus"}}); err == nil {
		t.Error("unknown group accepted")
	}
}

func BenchmarkLoadAll(b *testing.B) {
	dir := testData(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(context.Background(), dir, LoadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadPanelSet(b *testing.B) {
	dir := testData(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(context.Background(), dir, LoadOptions{Only: PanelGroups}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadATOPDyadYears measures the scanner on the largest file
// (6.2 MB, 273,296 rows), hashing included; MB/s is of the file.
func BenchmarkReadATOPDyadYears(b *testing.B) {
	p := path(b, PathATOPDyadYears)
	b.SetBytes(int64(len(fileBytes(b, PathATOPDyadYears))))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadATOPDyadYears(p); err != nil {
			b.Fatal(err)
		}
	}
}

// The institutionalization file covers exactly the phases of the phase
// file once its float-artefact ids ("2050.1001") are rounded back.
func TestATOPInstMatchesPhases(t *testing.T) {
	inst, _, err := ReadATOPInstitutionalization(path(t, PathATOPInst))
	if err != nil {
		t.Fatal(err)
	}
	ph, _, err := ReadATOPPhases(path(t, PathATOPPhases))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, p := range ph {
		want[p.PhaseID] = true
	}
	got := map[string]bool{}
	for _, r := range inst {
		got[r.PhaseID] = true
		if !want[r.PhaseID] {
			t.Errorf("inst phase %q not in atop5_1aph.csv", r.PhaseID)
		}
	}
	if len(got) != len(want) || len(got) != 849 {
		t.Errorf("%d inst phases, %d aph phases, want 849 each", len(got), len(want))
	}
}

// BenchmarkParseATOPDyadYears is the parse alone (no read, no hash).
func BenchmarkParseATOPDyadYears(b *testing.B) {
	data := fileBytes(b, PathATOPDyadYears)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseATOPDyadYears("x", data); err != nil {
			b.Fatal(err)
		}
	}
}
