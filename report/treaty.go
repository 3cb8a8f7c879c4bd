package report

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/treaty"
	"github.com/casus-dev/casus/world"
)

// TreatyRow is one treaty in `casus treaty list --format json` and GET
// /api/treaties.
type TreatyRow struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Source  string `json:"source"`
	ATOPID  int    `json:"atop_id,omitempty"`
	Signed  string `json:"signed,omitempty"`
	InForce string `json:"in_force,omitempty"`
	Ended   string `json:"ended,omitempty"`
	// Status is "in force", "ended", "signed, not in force" (awaiting
	// ratification), "not yet in force" or "not in force" (on the day
	// asked), or "assumed after 2018" (an ATOP alliance in force when
	// ATOP's coverage ends that no source in casus ends).
	Status string `json:"status"`
	// AssumedAfterATOP is true on the rows whose being in force rests on
	// that assumption (the day asked is after 2018, or no day was given).
	AssumedAfterATOP bool `json:"assumed_after_atop"`
	// RestsOn says what the row's facts rest on: RestsOnRegistry,
	// RestsOnUser, RestsOnATOP, or RestsOnAssumption (ATOP coding, and
	// being in force after ATOP's end an assumption), so a program can
	// count a list's treaties by basis.
	RestsOn string `json:"rests_on"`
	// Names are the names people use for an ATOP alliance
	// (treaty/atop_names.csv); EndReason and EndSource say why and on
	// what source an alliance ended after ATOP's coverage.
	Names        []string `json:"names,omitempty"`
	EndReason    string   `json:"end_reason,omitempty"`
	EndSource    string   `json:"end_source,omitempty"`
	Members      []string `json:"members"`
	Kinds        []string `json:"kinds"`
	SupersededBy string   `json:"superseded_by,omitempty"`
	// Cooperation lists the non-military cooperation fields (all of them,
	// or those matching --cooperation), each as "Art. 10: space".
	Cooperation []string `json:"cooperation,omitempty"`
	// LegallyBinding is false for political commitments (Camp David 2023),
	// which the engine never reports as binding.
	LegallyBinding bool `json:"legally_binding"`
	// Obligations summarises each obligation (in force on --in-force, if
	// given) so a program can see article, kind and restrictions without
	// a second call to treaty show.
	Obligations []ObligationSummary `json:"obligations"`
}

// ObligationSummary is one obligation in `casus treaty list --format json`.
// Attacker and Scope are "any"/"anywhere" when the article sets no
// restriction, so absence of a restriction is stated, not implied.
type ObligationSummary struct {
	Article            string   `json:"article"`
	Kind               string   `json:"kind"`
	Trigger            string   `json:"trigger"`
	Obligors           []string `json:"obligors,omitempty"`
	Protects           []string `json:"protects,omitempty"`
	Attacker           string   `json:"attacker"`
	Scope              string   `json:"scope"`
	RequiresStateOfWar bool     `json:"requires_state_of_war,omitempty"`
	RequiresRequest    bool     `json:"requires_request,omitempty"`
	NonProvocation     bool     `json:"non_provocation,omitempty"`
	Response           string   `json:"response"`
	Qualifiers         []string `json:"qualifiers,omitempty"`
}

func SummarizeObligations(t *world.Treaty, d world.Date) []ObligationSummary {
	out := []ObligationSummary{}
	for i := range t.Obligations {
		o := &t.Obligations[i]
		if d != 0 && !ObligationOn(o, d) {
			continue
		}
		out = append(out, ObligationSummary{
			Article: o.Article, Kind: string(o.Kind), Trigger: string(o.Trigger),
			Obligors: o.Obligors, Protects: o.Protects,
			Attacker: AttackerText(o.Attacker), Scope: ScopeText(o.Scope),
			RequiresStateOfWar: o.RequiresStateOfWar, RequiresRequest: o.RequiresRequest,
			NonProvocation: o.NonProvocation, Response: o.Response.Action, Qualifiers: o.Response.Qualifiers,
		})
	}
	return out
}

func AttackerText(a world.AttackerCondition) string {
	var parts []string
	if a.NonMember {
		parts = append(parts, "non-member")
	}
	if len(a.Named) > 0 {
		parts = append(parts, "named: "+strings.Join(a.Named, ", "))
	}
	if a.Group != "" {
		parts = append(parts, "group: "+a.Group)
	}
	if a.Unspecified {
		parts = append(parts, "unspecified")
	}
	if len(parts) == 0 {
		return "any"
	}
	return strings.Join(parts, "; ")
}

// ScopeText is the geographic restriction in one line: "anywhere", or the
// parts ScopeParts lists (the same words `treaty show` prints).
func ScopeText(sc world.Scope) string {
	if sc.Anywhere() && !sc.Forces {
		return "anywhere"
	}
	return strings.Join(ScopeParts(sc), "; ")
}

// ScopeParts lists the pieces of a scope that restrict or widen it.
func ScopeParts(s world.Scope) []string {
	var parts []string
	if len(s.Regions) > 0 {
		parts = append(parts, "regions "+strings.Join(s.Regions, ", "))
	}
	if len(s.Territories) > 0 {
		parts = append(parts, "territories "+strings.Join(s.Territories, ", "))
	}
	if s.AdministeredBy != "" {
		parts = append(parts, "administered by "+s.AdministeredBy)
	}
	if s.Forces {
		parts = append(parts, "forces included")
	}
	if len(s.ForcesRegions) > 0 {
		parts = append(parts, "forces also in "+strings.Join(s.ForcesRegions, ", "))
	}
	if s.HomeTerritory {
		parts = append(parts, "the protected party's home territory")
	}
	if s.Unspecified {
		if s.HomeTerritory {
			parts = append(parts, "elsewhere unspecified")
		} else {
			parts = append(parts, "unspecified location")
		}
	}
	return parts
}

// treatyLess orders the registry first, then ATOP by atopid, then users'.
func treatyLess(a, b TreatyRow) bool {
	rank := map[string]int{world.FromRegistry: 0, world.FromATOP: 1, world.FromUser: 2}
	if rank[a.Source] != rank[b.Source] {
		return rank[a.Source] < rank[b.Source]
	}
	if a.Source == world.FromATOP {
		return a.ATOPID < b.ATOPID
	}
	return a.ID < b.ID
}

func ValidKind(k string) bool {
	for _, x := range world.Kinds {
		if string(x) == k {
			return true
		}
	}
	return false
}

func KindNames() string {
	s := make([]string, len(world.Kinds))
	for i, k := range world.Kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// IsMember reports whether state code is a member of t on d, or ever when
// d is zero.
func IsMember(t *world.Treaty, code int, d world.Date) bool {
	for i := range t.Members {
		if t.Members[i].Code != code {
			continue
		}
		if d == 0 || t.Members[i].Spell(t).Contains(d) {
			return true
		}
	}
	return false
}

// ObligationOn reports whether obligation o runs on d (always when d is 0).
func ObligationOn(o *world.Obligation, d world.Date) bool {
	if d == 0 || (o.During.Start == 0 && o.During.End == 0) {
		return true
	}
	return o.During.Contains(d)
}

func HasKind(t *world.Treaty, k world.Kind, d world.Date) bool {
	for i := range t.Obligations {
		if t.Obligations[i].Kind == k && ObligationOn(&t.Obligations[i], d) {
			return true
		}
	}
	return false
}

func KindsOf(t *world.Treaty, d world.Date) []string {
	var out []string
	for _, k := range world.Kinds {
		if HasKind(t, k, d) {
			out = append(out, string(k))
		}
	}
	if out == nil {
		out = []string{}
	}
	return out
}

// MemberAbbs lists the COW abbreviations of the members on d (every member
// ever when d is zero), each once, in the treaty's order.
func MemberAbbs(w *world.World, t *world.Treaty, d world.Date) []string {
	out := []string{}
	seen := map[int]bool{}
	for i := range t.Members {
		mem := &t.Members[i]
		if seen[mem.Code] || (d != 0 && !mem.Spell(t).Contains(d)) {
			continue
		}
		seen[mem.Code] = true
		out = append(out, AbbOf(w, mem))
	}
	return out
}

func AbbOf(w *world.World, m *world.Member) string {
	if s, ok := w.State(m.Code); ok {
		return s.Abb
	}
	return m.State
}

func FindTreaty(w *world.World, id string) (*world.Treaty, error) {
	if t, ok := w.Treaty(id); ok {
		return t, nil
	}
	if n, err := strconv.Atoi(id); err == nil {
		if t, ok := w.Treaty(treaty.ATOPTreatyID(n)); ok {
			return t, nil
		}
	}
	return nil, &UnknownTreatyError{ID: id, Near: w.NearestTreaties(id, 3)}
}

// CooperationMatching lists the treaty's cooperation fields ("Art. 10:
// space") whose name contains word, case-insensitively and with spaces
// read as underscores; an empty word matches every field.
func CooperationMatching(t *world.Treaty, word string) []string {
	word = strings.ReplaceAll(strings.ToLower(strings.TrimSpace(word)), " ", "_")
	var out []string
	for _, c := range t.Cooperation {
		for _, fld := range c.Fields {
			if strings.Contains(strings.ToLower(fld), word) {
				out = append(out, c.Article+": "+fld)
			}
		}
	}
	return out
}

// StatusText says in a few words whether t is in force, on d when d is
// given: "signed, not in force" for a treaty awaiting ratification,
// "assumed after 2018" for an ATOP alliance that ATOP codes in force at
// its end and no source ends (d after 2018, or no d).
func StatusText(t *world.Treaty, d world.Date) string {
	switch {
	case t.Status == world.StatusSigned:
		return "signed, not in force"
	case d != 0 && !t.InForceOn(d):
		if t.PendingOn(d) {
			return "not yet in force"
		}
		return "not in force"
	case treaty.AssumedAfterATOP(t) && (d == 0 || d > treaty.ATOPEnd):
		return "assumed after 2018"
	case t.Ended != 0 && d == 0:
		return "ended"
	}
	return "in force"
}

// UnknownTreatyError is an id no treaty has; Near are the closest ids.
type UnknownTreatyError struct {
	ID   string
	Near []string
}

func (e *UnknownTreatyError) Error() string {
	if len(e.Near) > 0 {
		return fmt.Sprintf("no treaty %q: did you mean %s?", e.ID, strings.Join(e.Near, ", or "))
	}
	return fmt.Sprintf("no treaty %q: see casus treaty list for the ids (ATOP alliances are atop-<atopid>)", e.ID)
}

// BadInput marks the error as the user's (exit 2 in the CLI).
func (e *UnknownTreatyError) BadInput() bool { return true }

// The values of TreatyRow.RestsOn.
const (
	RestsOnRegistry   = "registry"
	RestsOnUser       = "user_file"
	RestsOnATOP       = "atop_coding"
	RestsOnAssumption = "atop_coding_assumed_after_2018"
)

func restsOn(t *world.Treaty, assumed bool) string {
	switch {
	case t.Source == world.FromRegistry:
		return RestsOnRegistry
	case t.Source == world.FromUser:
		return RestsOnUser
	case assumed:
		return RestsOnAssumption
	}
	return RestsOnATOP
}

// TreatySources are the values of a source filter.
var TreatySources = []string{"all", world.FromRegistry, world.FromATOP, world.FromUser}

// TreatyFilter selects treaties as `casus treaty list`'s flags do; zero
// values select everything.
type TreatyFilter struct {
	// InForce keeps treaties in force on the date and lists the members on
	// that day (0: every member ever).
	InForce world.Date
	// State keeps treaties the state (COW code) is a member of, on InForce
	// when given.
	State int
	// Kind keeps treaties with an obligation of this kind (on InForce when
	// given).
	Kind world.Kind
	// Source is registry, atop, user or "" / "all".
	Source string
	// Cooperation keeps treaties with a non-military cooperation field
	// matching the word.
	Cooperation string
	// Name keeps treaties whose id, title or a name people use contains
	// the text (treaty.NameMatches: ATOP alliances carry the names of
	// treaty/atop_names.csv).
	Name string
	// All keeps the ATOP imports a registry treaty supersedes; without it
	// they are left out, since the registry treaty stands for them.
	All bool
}

// Check reports a filter value outside its vocabulary.
func (f TreatyFilter) Check() error {
	if f.Kind != "" && !ValidKind(string(f.Kind)) {
		return fmt.Errorf("kind: want one of %s, got %q", KindNames(), f.Kind)
	}
	if f.Source != "" && !slices.Contains(TreatySources, f.Source) {
		return fmt.Errorf("source: want one of %s, got %q", strings.Join(TreatySources, ", "), f.Source)
	}
	return nil
}

// Treaties lists w's treaties that pass f: the registry first, then ATOP
// by atopid, then users' files. Never nil.
func Treaties(w *world.World, f TreatyFilter) []TreatyRow {
	rows, _ := TreatiesHidden(w, f)
	return rows
}

// TreatiesHidden is Treaties and the number of ATOP imports left out
// because a registry treaty supersedes them (f.All false).
func TreatiesHidden(w *world.World, f TreatyFilter) ([]TreatyRow, int) {
	src, on, code, kind, coop := f.Source, f.InForce, f.State, f.Kind, f.Cooperation
	rows := []TreatyRow{}
	hidden := 0
	for _, t := range w.Treaties {
		if src != "" && src != "all" && t.Source != src {
			continue
		}
		if f.Name != "" && !treaty.NameMatches(t, f.Name) {
			continue
		}
		if on != 0 && !t.InForceOn(on) {
			continue
		}
		if code != 0 && !IsMember(t, code, on) {
			continue
		}
		if kind != "" && !HasKind(t, kind, on) {
			continue
		}
		if coop != "" && len(CooperationMatching(t, coop)) == 0 {
			continue
		}
		if t.SupersededBy != "" && !f.All {
			hidden++
			continue
		}
		assumed := treaty.AssumedAfterATOP(t) && (on == 0 || on > treaty.ATOPEnd)
		rows = append(rows, TreatyRow{
			ID: t.ID, Title: t.Title, Source: t.Source, ATOPID: t.ATOPID,
			Signed: t.Signed.String(), InForce: t.InForce.String(), Ended: t.Ended.String(), Status: StatusText(t, on),
			Names: t.Names, EndReason: t.EndReason, EndSource: t.EndSource,
			AssumedAfterATOP: assumed, RestsOn: restsOn(t, assumed),
			Members: MemberAbbs(w, t, on), Kinds: KindsOf(t, on), SupersededBy: t.SupersededBy,
			Obligations: SummarizeObligations(t, on), LegallyBinding: t.Binding(),
			Cooperation: CooperationMatching(t, coop),
		})
	}
	sort.SliceStable(rows, func(i, j int) bool { return treatyLess(rows[i], rows[j]) })
	return rows, hidden
}
