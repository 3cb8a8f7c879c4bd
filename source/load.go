package source

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"sync"

	"github.com/casus-dev/casus/world"
)

// Dataset groups that Load can be limited to (LoadOptions.Only). Each group
// names the files it reads under a data directory laid out like
// shared/data.
const (
	States     = "states"     // cow_states/statelist2024.csv + crosswalk/codelist_without_cldr.csv (ISO3)
	Majors     = "majors"     // cow_states/majors2016.csv
	NMC        = "nmc"        // cow_nmc/NMC-60-abridged.csv and cow_nmc_v7_peacesciencer.csv
	ATOP       = "atop"       // atop/atop5_1_ddyr_subset_peacesciencer.csv (directed dyad-years)
	Contiguity = "contiguity" // cow_contiguity/contdir.csv
	Capitals   = "capitals"   // capitals/cow_capitals_peacesciencer.csv
	Wars       = "wars"       // cow_war/Inter-StateWarData_v4.0.csv
	DyadicWars = "dyadicwars" // cow_war/directed_dyadic_war.csv (attached to the wars when both are loaded)
)

// AllGroups lists every group Load knows, in load (and World.Datasets)
// order.
var AllGroups = []string{States, Majors, NMC, ATOP, Contiguity, Capitals, Wars, DyadicWars}

// PanelGroups is what the panel builders need.
var PanelGroups = []string{States, Majors, NMC, ATOP, Contiguity}

// Relative paths of the files Load and Check read.
const (
	PathStateList2024    = "cow_states/statelist2024.csv"
	PathStates2016       = "cow_states/states2016.csv"
	PathSystem2016       = "cow_states/system2016.csv"
	PathMajors2016       = "cow_states/majors2016.csv"
	PathNMC6             = "cow_nmc/NMC-60-abridged.csv"
	PathNMC7             = "cow_nmc/cow_nmc_v7_peacesciencer.csv"
	PathATOPAlliances    = "atop/atop5_1a.csv"
	PathATOPPhases       = "atop/atop5_1aph.csv"
	PathATOPMembers      = "atop/atop5_1m.csv"
	PathATOPStateYear    = "atop/atop5_1sy.csv"
	PathATOPDyadYears    = "atop/atop5_1_ddyr_subset_peacesciencer.csv"
	PathATOPAllianceNNA  = "atop/atop5_1a_NNA.csv"
	PathATOPPhasesNNA    = "atop/atop5_1aph_NNA.csv"
	PathATOPMembersNNA   = "atop/atop5_1m_NNA.csv"
	PathATOPStateYearNNA = "atop/atop5_1sy_NNA.csv"
	PathATOPInst         = "atop/atopinst5_1.csv"
	PathWars             = "cow_war/Inter-StateWarData_v4.0.csv"
	PathContdir          = "cow_contiguity/contdir.csv"
	PathContdird         = "cow_contiguity/contdird.csv"
	PathContdirs         = "cow_contiguity/contdirs.csv"
	PathCapitals         = "capitals/cow_capitals_peacesciencer.csv"
	PathCodelist         = "crosswalk/codelist_without_cldr.csv"
	PathCodelistPanel    = "crosswalk/countrycode_codelist_panel_subset.csv"
)

// LoadOptions selects what Load reads.
type LoadOptions struct {
	// Only names the groups to load (the constants above); empty means
	// all of AllGroups. Unknown names are an error.
	Only []string
}

// Aliases are names people use that COW's list does not carry. Each alias
// takes part in world.World.Resolve like a name, so "DPRK" or "UK" find the
// state; an alias must not collide with another state's name or code (a
// test checks that every alias resolves to its own state).
var Aliases = map[int][]string{
	2:   {"US", "United States", "America"},
	200: {"UK", "Britain", "Great Britain"},
	210: {"Holland"},
	220: {"French Republic"},
	255: {"Federal Republic of Germany", "Prussia"}, // the name since 1990 (260 is West Germany); COW's 255 is Prussia before 1871
	260: {"West Germany"},
	265: {"East Germany"},
	316: {"Czechia"},
	343: {"North Macedonia"},
	365: {"USSR", "Soviet Union", "Russian Federation"},
	402: {"Cabo Verde"},
	434: {"Dahomey"},
	437: {"Côte d'Ivoire"},
	439: {"Upper Volta"},
	490: {"DR Congo", "Zaire", "Congo-Kinshasa"},
	572: {"Eswatini"},
	630: {"Persia"},
	640: {"Türkiye", "Ottoman Empire"},
	710: {"PRC", "People's Republic of China"},
	713: {"ROC", "Republic of China"},
	731: {"DPRK", "Democratic People's Republic of Korea"},
	732: {"ROK", "Republic of Korea"},
	740: {"Nippon"},
	775: {"Burma"},
	780: {"Ceylon"},
	800: {"Siam"},
	811: {"Kampuchea"},
	816: {"Viet Nam"},
	860: {"Timor-Leste"},
}

// SharedNames are names people use for more than one state. Each is added
// as an alias of every state listed, so Resolve reports an ambiguity that
// lists them (with COW's own 730 "Korea", the Korean Empire of 1887–1905)
// instead of silently picking the historical state.
var SharedNames = map[string][]int{
	"Korea": {731, 732},
}

// isoOverride fills ISO3 codes the static crosswalk lacks: countrycode gives
// 345 (Yugoslavia) no iso3c because its code list maps Serbia to no COW
// code; in COW's statelist2024 code 345 continues as Serbia from 2006.
var isoOverride = map[int]string{345: "SRB"}

// Load reads the official data into a World, each file from where d
// resolves it (see Data), loading files concurrently, and calls Freeze.
// Every file read is listed in World.Datasets, in AllGroups order, with its
// origin.
func Load(ctx context.Context, d *Data, opt LoadOptions) (*world.World, error) {
	groups := opt.Only
	if len(groups) == 0 {
		groups = AllGroups
	}
	want := map[string]bool{}
	for _, g := range groups {
		known := false
		for _, k := range AllGroups {
			known = known || k == g
		}
		if !known {
			return nil, fmt.Errorf("source: unknown dataset group %q (want one of %v)", g, AllGroups)
		}
		want[g] = true
	}

	// One job per file; each fills its own variables, so no locking is
	// needed beyond the WaitGroup.
	var (
		spells   []StateSpell
		spellsDS world.Dataset
		codes    []CodelistRow
		codesDS  world.Dataset
		majors   []MajorSpell
		majorsDS world.Dataset
		nmc6     *world.Capabilities
		nmc7     *world.Capabilities
		ddyr     *world.AllianceDyadYears
		cont     []ContiguitySpell
		contDS   world.Dataset
		caps     []CapitalRow
		capsDS   world.Dataset
		wars     []WarParticipantRow
		warsDS   world.Dataset
		dyads    []DyadicWarRow
		dyadsDS  world.Dataset
	)
	type job struct {
		group string
		run   func(src Source) error
		rel   string
	}
	jobs := []job{
		{States, func(p Source) (err error) { spells, spellsDS, err = ReadStateList2024(p); return }, PathStateList2024},
		{States, func(p Source) (err error) { codes, codesDS, err = ReadCodelist(p); return }, PathCodelist},
		{Majors, func(p Source) (err error) { majors, majorsDS, err = ReadMajors2016(p); return }, PathMajors2016},
		{NMC, func(p Source) (err error) { nmc6, err = ReadNMC6(p); return }, PathNMC6},
		{NMC, func(p Source) (err error) { nmc7, err = ReadNMC7(p); return }, PathNMC7},
		{ATOP, func(p Source) (err error) { ddyr, err = ReadATOPDyadYears(p); return }, PathATOPDyadYears},
		{Contiguity, func(p Source) (err error) { cont, contDS, err = ReadContiguity(p); return }, PathContdir},
		{Capitals, func(p Source) (err error) { caps, capsDS, err = ReadCapitals(p); return }, PathCapitals},
		{Wars, func(p Source) (err error) { wars, warsDS, err = ReadInterStateWars(p); return }, PathWars},
		{DyadicWars, func(p Source) (err error) { dyads, dyadsDS, err = ReadDyadicWars(p); return }, PathDyadicWar},
	}
	// Biggest files first, so the two cores finish together.
	order := []int{5, 3, 4, 1, 6, 0, 2, 7, 8, 9}
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for _, i := range order {
		j := jobs[i]
		if !want[j.group] {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = j.run(d.File(j.rel))
		}()
	}
	wg.Wait()
	for i, err := range errs {
		var pe *fs.PathError
		if errors.As(err, &pe) && errors.Is(err, fs.ErrNotExist) {
			return nil, &MissingFileError{Path: pe.Path, Group: jobs[i].group, Err: err}
		}
		if err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	w := &world.World{NMC: map[string]*world.Capabilities{}}
	if want[States] {
		w.States, w.MembershipEnd = buildStates(spells, codes)
		w.Datasets = append(w.Datasets, spellsDS, codesDS)
	}
	if want[Majors] {
		for _, m := range majors {
			w.Majors = append(w.Majors, world.MajorSpell{Code: m.Code, Spell: m.Spell})
		}
		w.MajorsEnd = MajorsEnd
		w.Datasets = append(w.Datasets, majorsDS)
	}
	if want[NMC] {
		w.NMC[nmc6.Version] = nmc6
		w.NMC[nmc7.Version] = nmc7
		w.Datasets = append(w.Datasets, nmc6.Dataset, nmc7.Dataset)
	}
	if want[ATOP] {
		w.AllianceDyads = ddyr
		w.Datasets = append(w.Datasets, ddyr.Dataset)
	}
	if want[Contiguity] {
		w.Contiguity = make([]world.Contiguity, len(cont))
		for i := range cont {
			w.Contiguity[i] = cont[i].Contiguity
		}
		w.Datasets = append(w.Datasets, contDS)
	}
	if want[Capitals] {
		w.Capitals = make([]world.Capital, len(caps))
		for i := range caps {
			w.Capitals[i] = caps[i].Capital
		}
		w.Datasets = append(w.Datasets, capsDS)
	}
	if want[Wars] {
		w.Wars = GroupWars(wars)
		w.Datasets = append(w.Datasets, warsDS)
	}
	if want[DyadicWars] {
		AttachDyads(w.Wars, dyads)
		w.Datasets = append(w.Datasets, dyadsDS)
	}
	w.Freeze()
	return w, nil
}

// buildStates turns statelist2024 spells into states: one State per code
// with its spells in order; the name of the latest spell (345 is "Serbia"
// from 2006) but the abbreviation of the longest one (345 stays YUG, as in
// states2016, NMC and ATOP, and as the scenarios write it for 1914), other
// names and abbreviations as aliases; ISO3 from the
// static crosswalk; OpenEnded when the last spell reaches the list's last
// day, which is also returned as the membership end.
func buildStates(spells []StateSpell, codes []CodelistRow) ([]world.State, world.Date) {
	var end world.Date
	for _, s := range spells {
		if s.Spell.End > end {
			end = s.Spell.End
		}
	}
	iso := map[int]string{}
	for _, c := range codes {
		if c.Cown != MissingInt && c.ISO3 != "" {
			iso[c.Cown] = c.ISO3
		}
	}
	for code, v := range isoOverride {
		if iso[code] == "" {
			iso[code] = v
		}
	}
	byCode := map[int][]StateSpell{}
	for _, s := range spells {
		byCode[s.Code] = append(byCode[s.Code], s)
	}
	states := make([]world.State, 0, len(byCode))
	for code, ss := range byCode {
		sort.Slice(ss, func(i, j int) bool { return ss[i].Spell.Start < ss[j].Spell.Start })
		last := ss[len(ss)-1]
		abb := longestSpellAbb(ss)
		st := world.State{Code: code, Abb: abb, Name: last.Name, ISO3: iso[code]}
		seen := map[string]bool{last.Name: true, abb: true}
		for _, s := range ss {
			st.Spells = append(st.Spells, s.Spell)
			for _, n := range []string{s.Name, s.Abb} {
				if !seen[n] {
					seen[n] = true
					st.Aliases = append(st.Aliases, n)
				}
			}
		}
		st.Aliases = append(st.Aliases, Aliases[code]...)
		for name, codes := range SharedNames {
			for _, c := range codes {
				if c == code {
					st.Aliases = append(st.Aliases, name)
				}
			}
		}
		st.OpenEnded = last.Spell.End == end
		states = append(states, st)
	}
	sort.Slice(states, func(i, j int) bool { return states[i].Code < states[j].Code })
	return states, end
}

// MissingFileError reports a data file Load needs that is not in the data
// directory. It is bad input (exit 2 in the CLI), not an internal failure.
type MissingFileError struct {
	Path  string
	Group string
	Err   error
}

func (e *MissingFileError) Error() string {
	return fmt.Sprintf("%s: missing (needed for %q data; see casus data check, casus data fetch)", e.Path, e.Group)
}

func (e *MissingFileError) Unwrap() error  { return e.Err }
func (e *MissingFileError) BadInput() bool { return true }

// longestSpellAbb returns the abbreviation the state carries for the most
// days of its spells: only code 345 has two (YUG to 2006, SRB after), and
// every 2016-era dataset keys it as YUG.
func longestSpellAbb(ss []StateSpell) string {
	days := map[string]int{}
	best := ss[len(ss)-1].Abb
	for _, s := range ss {
		d := int(s.Spell.End.Time().Sub(s.Spell.Start.Time()).Hours() / 24)
		days[s.Abb] += d
	}
	for abb, d := range days {
		if d > days[best] || (d == days[best] && abb < best) {
			best = abb
		}
	}
	return best
}
