package world

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// World is the immutable, date-indexed model every engine reads. Build it
// with package source (and add treaties with package treaty), call Freeze,
// then share it.
type World struct {
	States []State      // sorted by Code
	Majors []MajorSpell // COW major-power spells
	// NMC holds the capability releases by version ("6.0", "7.0").
	NMC map[string]*Capabilities
	// Treaties holds registry, ATOP and user treaties.
	Treaties []*Treaty
	// AllianceDyads is ATOP's directed dyad-year table.
	AllianceDyads *AllianceDyadYears
	Contiguity    []Contiguity
	Capitals      []Capital
	Wars          []War
	// Datasets lists every file read, in load order.
	Datasets []Dataset
	// MembershipEnd is the last day the state-membership data cover.
	MembershipEnd Date
	// MajorsEnd is the last day the major-power data cover (majors2016:
	// 2016-12-31). After it major-power status is unknown, not "no".
	MajorsEnd Date

	byCode   map[int]int
	byAbb    map[string]int   // lower-cased COW abbreviations
	byName   map[string][]int // lower-cased names, ISO3 codes, aliases
	treaties map[string]int
}

// Freeze builds the lookup indexes. Call it once after loading; after it the
// World must not be changed.
func (w *World) Freeze() {
	sort.Slice(w.States, func(i, j int) bool { return w.States[i].Code < w.States[j].Code })
	w.byCode = make(map[int]int, len(w.States))
	w.byName = make(map[string][]int)
	w.byAbb = make(map[string]int, len(w.States))
	add := func(key string, i int) {
		key = normalize(key)
		if key == "" {
			return
		}
		for _, j := range w.byName[key] {
			if j == i {
				return
			}
		}
		w.byName[key] = append(w.byName[key], i)
	}
	for i := range w.States {
		s := &w.States[i]
		w.byCode[s.Code] = i
		w.byAbb[normalize(s.Abb)] = i
		add(s.Name, i)
		add(s.ISO3, i)
		for _, a := range s.Aliases {
			add(a, i)
		}
	}
	w.indexTreaties()
}

func (w *World) indexTreaties() {
	w.treaties = make(map[string]int, 2*len(w.Treaties))
	for i, t := range w.Treaties {
		w.treaties[t.ID] = i
	}
	// A lower-cased id finds its treaty too, unless it is another's id.
	for i, t := range w.Treaties {
		if _, taken := w.treaties[strings.ToLower(t.ID)]; !taken {
			w.treaties[strings.ToLower(t.ID)] = i
		}
	}
}

// WithTreaties returns a frozen world that is the frozen w plus the
// treaties extra (a server's saved treaties). The two share the states,
// data and indexes read-only; only the treaty list and its index are new,
// so w itself is untouched and stays safe for concurrent readers.
func (w *World) WithTreaties(extra []*Treaty) *World {
	c := *w
	c.Treaties = append(append(make([]*Treaty, 0, len(w.Treaties)+len(extra)), w.Treaties...), extra...)
	c.indexTreaties()
	return &c
}

// foldMarks removes diacritics ("Türkiye" → "Turkiye", "Côte" → "Cote"),
// so a name matches however its accents were typed. A transform chain
// keeps state between calls, so each call gets its own: a shared one
// corrupted names (and panicked) when casus serve resolved states in
// parallel requests.
func foldMarks() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

// dropPunct removes the punctuation names are typed with or without; a
// Replacer is safe for concurrent use and costs a trie to build, so there
// is one.
var dropPunct = strings.NewReplacer(".", "", "'", "", "’", "")

func normalize(s string) string {
	// ASCII has no marks to fold: skip the transform chain, which costs
	// more than the rest (every place lookup of every scenario comes here).
	if !isASCII(s) {
		if folded, _, err := transform.String(foldMarks(), s); err == nil {
			s = folded
		}
	}
	s = strings.ToLower(strings.TrimSpace(s))
	s = dropPunct.Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// State returns the state with COW code c.
func (w *World) State(c int) (*State, bool) {
	i, ok := w.byCode[c]
	if !ok {
		return nil, false
	}
	return &w.States[i], true
}

// AmbiguousError is returned by Resolve when a name fits several states.
type AmbiguousError struct {
	Query      string
	Candidates []*State
}

func (e *AmbiguousError) Error() string {
	names := make([]string, len(e.Candidates))
	for i, s := range e.Candidates {
		names[i] = fmt.Sprintf("%s (%d)", s.Label(), s.Code)
	}
	return fmt.Sprintf("%q is ambiguous: it could be %s", e.Query, strings.Join(names, ", "))
}

// BadInput marks the error as the user's (the CLI exits 2).
func (e *AmbiguousError) BadInput() bool { return true }

// UnknownStateError is returned by Resolve when nothing fits. Suggestions
// are the nearest states (NearestStates), best first, when any is near.
type UnknownStateError struct {
	Query       string
	Suggestions []*State
}

func (e *UnknownStateError) Error() string {
	if len(e.Suggestions) > 0 {
		labels := make([]string, len(e.Suggestions))
		for i, s := range e.Suggestions {
			labels[i] = s.Label()
		}
		return fmt.Sprintf("unknown state %q: did you mean %s?", e.Query, strings.Join(labels, ", or "))
	}
	return fmt.Sprintf("unknown state %q: want a COW code (731), COW abbreviation (PRK), ISO3 code or name", e.Query)
}

// BadInput marks the error as the user's (the CLI exits 2).
func (e *UnknownStateError) BadInput() bool { return true }

// Resolve finds a state from its COW code, COW abbreviation, ISO3 code, name
// or alias, case-insensitively, trying them in that order: a COW
// abbreviation wins over an ISO3 code that reads the same ("AUS" is COW's
// Austria, not ISO's Australia; "SLV" and "MNG" likewise), because COW codes
// are the key of every dataset casus reads. Then an exact name or alias
// counts; otherwise a name that contains every word of the query, and more
// than one such state is an *AmbiguousError listing them.
func (w *World) Resolve(q string) (*State, error) {
	key := normalize(q)
	if key == "" {
		return nil, &UnknownStateError{Query: q}
	}
	if c, err := strconv.Atoi(key); err == nil {
		if s, ok := w.State(c); ok {
			return s, nil
		}
		return nil, &UnknownStateError{Query: q}
	}
	if i, ok := w.byAbb[key]; ok {
		return &w.States[i], nil
	}
	if idx := w.byName[key]; len(idx) == 1 {
		return &w.States[idx[0]], nil
	} else if len(idx) > 1 {
		return nil, w.ambiguous(q, idx)
	}
	// Word match: every query word is a word of some name of the state.
	words := strings.Fields(key)
	var hits []int
	for i := range w.States {
		s := &w.States[i]
		names := append([]string{s.Name}, s.Aliases...)
		for _, n := range names {
			if containsWords(normalize(n), words) {
				hits = append(hits, i)
				break
			}
		}
	}
	switch len(hits) {
	case 0:
		return nil, &UnknownStateError{Query: q, Suggestions: w.NearestStates(q, 3)}
	case 1:
		return &w.States[hits[0]], nil
	}
	return nil, w.ambiguous(q, hits)
}

func (w *World) ambiguous(q string, idx []int) error {
	e := &AmbiguousError{Query: q}
	for _, i := range idx {
		e.Candidates = append(e.Candidates, &w.States[i])
	}
	return e
}

func containsWords(name string, words []string) bool {
	have := strings.Fields(name)
	for _, w := range words {
		found := false
		for _, h := range have {
			if h == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// MembersOn returns the states that are system members on day d, by code.
func (w *World) MembersOn(d Date) []*State {
	var out []*State
	for i := range w.States {
		if w.States[i].MemberOn(d) {
			out = append(out, &w.States[i])
		}
	}
	return out
}

// MajorOn reports whether state code is a COW major power on day d. The
// second result is false when d lies after the majors data end (then the
// status is unknown, not "no").
func (w *World) MajorOn(code int, d Date) (major, known bool) {
	end := w.MajorsEnd
	if end == 0 {
		end = w.MembershipEnd
	}
	if end != 0 && d > end {
		return false, false
	}
	for _, m := range w.Majors {
		if m.Code == code && m.Spell.Contains(d) {
			return true, true
		}
	}
	return false, true
}

// Treaty returns the treaty with the given id, in any case ("NATO-1949"
// finds nato-1949; ids are lower-case, user files' ids may not be).
func (w *World) Treaty(id string) (*Treaty, bool) {
	i, ok := w.treaties[id]
	if !ok {
		i, ok = w.treaties[strings.ToLower(strings.TrimSpace(id))]
	}
	if !ok {
		return nil, false
	}
	return w.Treaties[i], true
}

// NearestTreaties returns up to n treaty ids a mistyped id most likely
// meant ("nato" → nato-1949), matching ids and titles (see Nearest).
func (w *World) NearestTreaties(q string, n int) []string {
	var names []string
	idOf := map[string]string{}
	for _, t := range w.Treaties {
		for _, name := range []string{t.ID, t.Title} {
			if _, ok := idOf[name]; !ok && name != "" {
				idOf[name] = t.ID
				names = append(names, name)
			}
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, name := range Nearest(q, names, 4*n) {
		if id := idOf[name]; !seen[id] && len(out) < n {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// Capabilities returns an NMC release by version; "" means the newest.
func (w *World) Capabilities(version string) (*Capabilities, bool) {
	if version == "" {
		best := ""
		for v := range w.NMC {
			if v > best {
				best = v
			}
		}
		version = best
	}
	c, ok := w.NMC[version]
	return c, ok
}
