package source

import (
	"io/fs"
	"path/filepath"
	"sync"

	"github.com/casus-dev/casus/source/snapshot"
	"github.com/casus-dev/casus/world"
)

// CheckResult describes one data file as Check found it.
type CheckResult struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	File    string `json:"file"` // relative to the data directory
	// Origin is where the file was found (directory, env, cache or
	// embedded) and Location its path there (embedded:<file> for the
	// snapshot); both empty when no place holds it.
	Origin   Origin `json:"origin,omitempty"`
	Location string `json:"location,omitempty"`
	Required bool   `json:"required"`
	First    int    `json:"first_year,omitempty"`
	Last     int    `json:"last_year,omitempty"`
	Rows     int    `json:"rows"`
	// Counts are the units a reader cares about beyond rows, e.g.
	// {"alliances": 789} or {"wars": 95, "participants": 337}.
	Counts map[string]int `json:"counts,omitempty"`
	SHA256 string         `json:"sha256,omitempty"`
	// Problems make the directory unusable for this file: missing
	// (required files only) or malformed.
	Problems []string `json:"problems,omitempty"`
	// Notes are worth knowing but do not stop loading, e.g. a file that
	// parses but differs from the release PROVENANCE.md records.
	Notes []string `json:"notes,omitempty"`
	// Err is the first problem as an error (a *ParseError for a malformed
	// file, an *fs.PathError for a missing one); nil when none.
	Err error `json:"-"`
}

// OK reports whether the file has no problems.
func (r *CheckResult) OK() bool { return len(r.Problems) == 0 }

type checkSpec struct {
	rel      string
	name     string
	version  string
	required bool
	run      func(src Source) (world.Dataset, map[string]int, error)
}

func distinct[T any](rows []T, key func(*T) int) int {
	m := map[int]bool{}
	for i := range rows {
		m[key(&rows[i])] = true
	}
	return len(m)
}

// checkSpecs lists every file Check examines. Required files are those Load
// reads by default plus the ATOP alliance and member files the treaty
// importer needs.
var checkSpecs = []checkSpec{
	{PathATOPAlliances, "ATOP alliance level", "5.1", true, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadATOPAlliances(p)
		return ds, map[string]int{"alliances": distinct(rows, func(r *ATOPAlliance) int { return r.AtopID })}, err
	}},
	{PathATOPMembers, "ATOP member level", "5.1", true, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadATOPMembers(p)
		return ds, map[string]int{
			"member rows": len(rows),
			"alliances":   distinct(rows, func(r *ATOPMember) int { return r.AtopID }),
			"states":      distinct(rows, func(r *ATOPMember) int { return r.Member }),
		}, err
	}},
	{PathATOPPhases, "ATOP alliance-phase level", "5.1", false, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadATOPPhases(p)
		return ds, map[string]int{"phases": len(rows)}, err
	}},
	{PathATOPStateYear, "ATOP state-year", "5.1", false, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadATOPStateYears(p)
		return ds, map[string]int{"state-years": len(rows)}, err
	}},
	{PathATOPAllianceNNA, "ATOP alliance level, no nonaggression-only pacts", "5.1", false, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadATOPAlliancesNNA(p)
		return ds, map[string]int{"alliances": distinct(rows, func(r *ATOPAlliance) int { return r.AtopID })}, err
	}},
	{PathATOPPhasesNNA, "ATOP alliance-phase level, no nonaggression-only pacts", "5.1", false, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadATOPPhasesNNA(p)
		return ds, map[string]int{"phases": len(rows)}, err
	}},
	{PathATOPMembersNNA, "ATOP member level, no nonaggression-only pacts", "5.1", false, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadATOPMembersNNA(p)
		return ds, map[string]int{"member rows": len(rows), "alliances": distinct(rows, func(r *ATOPMember) int { return r.AtopID })}, err
	}},
	{PathATOPStateYearNNA, "ATOP state-year, no nonaggression-only pacts", "5.1", false, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadATOPStateYearsNNA(p)
		return ds, map[string]int{"state-years": len(rows)}, err
	}},
	{PathATOPInst, "ATOP institutionalization (Leeds & Anac)", "5.1", false, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadATOPInstitutionalization(p)
		return ds, map[string]int{"phases": len(rows)}, err
	}},
	{PathATOPDyadYears, "ATOP directed dyad-year", "5.1", true, func(p Source) (world.Dataset, map[string]int, error) {
		t, err := ReadATOPDyadYears(p)
		if err != nil {
			return world.Dataset{}, nil, err
		}
		return t.Dataset, map[string]int{"directed dyad-years": len(t.Rows)}, nil
	}},
	{PathStateList2024, "COW State System Membership (statelist2024)", "2024", true, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadStateList2024(p)
		return ds, map[string]int{"spells": len(rows), "states": distinct(rows, func(r *StateSpell) int { return r.Code })}, err
	}},
	{PathStates2016, "COW State System Membership (states2016)", "2016", false, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadStates2016(p)
		return ds, map[string]int{"spells": len(rows), "states": distinct(rows, func(r *StateSpell) int { return r.Code })}, err
	}},
	{PathSystem2016, "COW State System Membership (system2016)", "2016", false, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadSystem2016(p)
		return ds, map[string]int{"state-years": len(rows)}, err
	}},
	{PathMajors2016, "COW Major Powers (majors2016)", "2016", true, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadMajors2016(p)
		return ds, map[string]int{"spells": len(rows), "states": distinct(rows, func(r *MajorSpell) int { return r.Code })}, err
	}},
	{PathNMC6, "COW National Material Capabilities", "6.0", true, func(p Source) (world.Dataset, map[string]int, error) {
		c, err := ReadNMC6(p)
		if err != nil {
			return world.Dataset{}, nil, err
		}
		return c.Dataset, map[string]int{"state-years": len(c.Rows), "states": distinct(c.Rows, func(r *world.Capability) int { return r.Code })}, nil
	}},
	{PathNMC7, "COW National Material Capabilities", "7.0", true, func(p Source) (world.Dataset, map[string]int, error) {
		c, err := ReadNMC7(p)
		if err != nil {
			return world.Dataset{}, nil, err
		}
		return c.Dataset, map[string]int{"state-years": len(c.Rows), "states": distinct(c.Rows, func(r *world.Capability) int { return r.Code })}, nil
	}},
	{PathWars, "COW Inter-State War", "4.0", true, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadInterStateWars(p)
		return ds, map[string]int{"participants": len(rows), "wars": distinct(rows, func(r *WarParticipantRow) int { return r.WarNum })}, err
	}},
	{PathDyadicWar, "Directed Dyadic Interstate War", "2018", false, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadDyadicWars(p)
		return ds, map[string]int{"directed dyad-years": len(rows), "wars": distinct(rows, func(r *DyadicWarRow) int { return r.WarNum })}, err
	}},
	{PathContdir, "COW Direct Contiguity (master)", "3.2", true, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadContiguity(p)
		return ds, map[string]int{"spells": len(rows)}, err
	}},
	{PathContdird, "COW Direct Contiguity (directed dyad-year)", "3.2", false, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadContiguityDyadYears(p)
		return ds, map[string]int{"directed dyad-years": len(rows)}, err
	}},
	{PathContdirs, "COW Direct Contiguity (state-year)", "3.2", false, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadContiguityStateYears(p)
		return ds, map[string]int{"state-years": len(rows)}, err
	}},
	{PathCapitals, "Capitals (peacesciencer cow_capitals)", "peacesciencer fe150a2", true, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadCapitals(p)
		return ds, map[string]int{"capitals": len(rows), "states": distinct(rows, func(r *CapitalRow) int { return r.Code })}, err
	}},
	{PathCapitalsRaw, "Capitals, raw list (peacesciencer)", "peacesciencer fe150a2", false, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadCapitalsRaw(p)
		return ds, map[string]int{"capitals": len(rows)}, err
	}},
	{PathCodelist, "countrycode code list", "1.8.0", true, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadCodelist(p)
		withCOW := 0
		for _, r := range rows {
			if r.Cown != MissingInt {
				withCOW++
			}
		}
		return ds, map[string]int{"entities": len(rows), "with COW code": withCOW}, err
	}},
	{PathCodelistPanel, "countrycode country-year panel (subset)", "1.8.0", false, func(p Source) (world.Dataset, map[string]int, error) {
		rows, ds, err := ReadCodelistPanel(p)
		return ds, map[string]int{"country-years": len(rows)}, err
	}},
}

// Check reads every data file casus knows, each from where d resolves it,
// concurrently, and reports for each its origin, release, years, rows and
// problems, in a fixed order. A required file that no place holds, and any
// file that is malformed, is a problem; a file whose SHA-256 differs from
// PROVENANCE.md is only a note (a newer release may be deliberate).
func Check(d *Data) []CheckResult {
	out := make([]CheckResult, len(checkSpecs))
	var wg sync.WaitGroup
	for i, c := range checkSpecs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = checkOne(d, c)
		}()
	}
	wg.Wait()
	return out
}

func checkOne(d *Data, c checkSpec) CheckResult {
	r := CheckResult{Name: c.name, Version: c.version, File: c.rel, Required: c.required}
	origin, loc, ok := d.Locate(c.rel)
	if !ok {
		where := "embedded snapshot"
		if len(d.dirs) > 0 {
			where = filepath.Join(d.dirs[0].dir, filepath.FromSlash(c.rel))
		}
		if c.required {
			r.Problems = append(r.Problems, "missing (required): "+where)
			r.Err = &fs.PathError{Op: "open", Path: where, Err: fs.ErrNotExist}
		} else {
			r.Notes = append(r.Notes, "missing (optional)")
		}
		return r
	}
	r.Origin, r.Location = origin, loc
	ds, counts, err := c.run(d.File(c.rel))
	if err != nil {
		r.Problems = append(r.Problems, err.Error())
		r.Err = err
		return r
	}
	r.First, r.Last, r.Rows, r.SHA256, r.Counts = ds.First, ds.Last, ds.Rows, ds.SHA256, counts
	if k, ok := KnownFileFor(c.rel); ok && k.SHA256 != ds.SHA256 {
		r.Notes = append(r.Notes, "sha256 differs from the release recorded in PROVENANCE.md ("+k.SHA256[:12]+"…)")
	}
	return r
}

// DatasetFile describes one file casus knows: its path under a data
// directory, the dataset it belongs to and the release casus was built
// with (the one the snapshot embeds).
type DatasetFile struct {
	File     string `json:"file"`
	Name     string `json:"name"`
	Version  string `json:"version"`
	Required bool   `json:"required"`
}

// Files lists every file casus knows, in Check's order.
func Files() []DatasetFile {
	out := make([]DatasetFile, len(checkSpecs))
	for i, c := range checkSpecs {
		out[i] = DatasetFile{File: c.rel, Name: c.name, Version: c.version, Required: c.required}
	}
	return out
}

// Served says where d reads one file from and whether the bytes there are
// the published release casus was built with.
type Served struct {
	DatasetFile
	Origin   Origin `json:"origin,omitempty"`   // "" when no place holds the file
	Location string `json:"location,omitempty"` // path, or embedded:<file>
	SHA256   string `json:"sha256,omitempty"`
	// Published is true when SHA256 is the release's published hash
	// (for the snapshot, its manifest's hash, which every read verifies).
	Published bool `json:"published"`
}

// Describe reports, for every known file, where d would read it and
// whether it is the published release, hashing files on disk but not
// parsing them (Check does that).
func Describe(d *Data) []Served {
	files := Files()
	out := make([]Served, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := Served{DatasetFile: f}
			origin, loc, ok := d.Locate(f.File)
			if ok {
				s.Origin, s.Location = origin, loc
				k, _ := KnownFileFor(f.File)
				if origin == FromEmbedded {
					// The snapshot checks the bytes against its manifest on
					// every read; here the manifest against the release.
					e, _ := snapshot.Lookup(f.File)
					s.SHA256, s.Published = e.SHA256, e.SHA256 == k.SHA256
				} else if sum, err := fileSHA256(loc); err == nil {
					s.SHA256, s.Published = sum, sum == k.SHA256
				}
			}
			out[i] = s
		}()
	}
	wg.Wait()
	return out
}
