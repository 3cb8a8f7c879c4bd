package world

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/hbollon/go-edlib"
)

// Nearest returns up to n of names that a mistyped query most likely
// meant, best first: names that start with the query or have it as a
// whole word ("nato" → "nato-1949"), else names within a small edit
// distance, a swap of two neighbouring letters counting as one edit
// (optimal string alignment: "Polnd" → "Poland", "Gaum" → "Guam"; at most a third of the query's length rounded,
// at least 1). Comparison ignores case, dots and apostrophes. It returns
// nothing for a query that resembles no name, so a suggestion is never a
// guess from the far end of the list.
func Nearest(q string, names []string, n int) []string {
	key := normalize(q)
	if key == "" || n <= 0 {
		return nil
	}
	limit := max(1, (len([]rune(key))+1)/3)
	type cand struct {
		name  string
		score int
	}
	best := map[string]int{}
	for _, name := range names {
		k := normalize(name)
		if k == "" {
			continue
		}
		score := -1
		if len(key) >= 3 && (strings.HasPrefix(k, key) || hasWord(k, key)) {
			score = 0
		} else if d := edlib.OSADamerauLevenshteinDistance(key, k); d <= limit {
			score = d
		}
		if score < 0 {
			continue
		}
		if old, ok := best[name]; !ok || score < old {
			best[name] = score
		}
	}
	cands := make([]cand, 0, len(best))
	for name, s := range best {
		cands = append(cands, cand{name, s})
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score < cands[j].score
		}
		return cands[i].name < cands[j].name
	})
	var out []string
	for _, c := range cands {
		// Only the best: one name a letter away outranks those two away
		// ("Rusia" is Russia, not also USA).
		if len(out) == n || c.score > cands[0].score {
			break
		}
		out = append(out, c.name)
	}
	return out
}

// hasWord reports whether word is one of the words of s, words being runs
// of letters and digits ("nato-1949" has "nato" and "1949").
func hasWord(s, word string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if w == word {
			return true
		}
	}
	return false
}

// NearestStates returns up to n states whose code, abbreviation, ISO3
// code, name or alias is nearest to q (see Nearest), best first, each once.
func (w *World) NearestStates(q string, n int) []*State {
	var names []string
	owner := map[string][]int{}
	for i := range w.States {
		s := &w.States[i]
		for _, name := range append([]string{s.Abb, s.Name, s.ISO3}, s.Aliases...) {
			if name == "" {
				continue
			}
			if _, ok := owner[name]; !ok {
				names = append(names, name)
			}
			owner[name] = append(owner[name], i)
		}
	}
	var out []*State
	seen := map[int]bool{}
	// Ask for more names than states: several names can lead to one state.
	for _, name := range Nearest(q, names, 4*n) {
		for _, i := range owner[name] {
			if !seen[i] && len(out) < n {
				seen[i] = true
				out = append(out, &w.States[i])
			}
		}
	}
	return out
}

// NearestPlaces returns up to n place names or region ids nearest to q
// (see Nearest); a place found by an alias is given by its name.
func (t *PlaceTable) NearestPlaces(q string, n int) []string {
	var names []string
	canon := map[string]string{}
	for _, p := range t.Places {
		for _, a := range append([]string{p.Name}, p.Aliases...) {
			canon[a] = p.Name
			names = append(names, a)
		}
	}
	for _, r := range t.Regions {
		canon[r.ID] = r.ID
		names = append(names, r.ID)
	}
	var out []string
	seen := map[string]bool{}
	for _, name := range Nearest(q, names, 4*n) {
		if c := canon[name]; !seen[c] && len(out) < n {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// Label is the state as people read it in text output: "POL Poland".
func (s *State) Label() string { return s.Abb + " " + s.Name }

// LabelOf is the label of COW code c, or the code alone when the world
// does not know it.
func (w *World) LabelOf(c int) string {
	if s, ok := w.State(c); ok {
		return s.Label()
	}
	return fmt.Sprint(c)
}

// LabelAbb is the label of a COW abbreviation ("AUS" → "AUS Austria"); an
// abbreviation the world does not know is returned as it is.
func (w *World) LabelAbb(abb string) string {
	if i, ok := w.byAbb[normalize(abb)]; ok {
		return w.States[i].Label()
	}
	return abb
}
