package compare

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/world"
)

// Source is one field a cell was built from.
type Source struct {
	// File is the treaty file ("registry/nato-1949.yaml") or the ATOP file
	// ("atop5_1aph.csv", "atopinst5_1.csv").
	File string `json:"file"`
	// Field is the path in the file: a YAML path for treaty files
	// ("obligations[4].response.qualifiers", "notes"), or
	// "atopidphase=3180.2 base" for ATOP rows.
	Field string `json:"field"`
	// Value is what the field holds, rendered canonically: scalars as
	// written, lists as "[a, b]"; for "notes" the sentence quoted.
	Value string `json:"value"`
	// Shown is the text of the cell this field produced.
	Shown string `json:"shown"`
}

// Cell is one treaty's (or article's) value of one feature.
type Cell struct {
	Text    string   `json:"text"`
	Sources []Source `json:"sources"`
}

// Row is one design feature across the columns.
type Row struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Cells []Cell `json:"cells"`
}

// Column is one treaty, or one article of a treaty.
type Column struct {
	Treaty  string `json:"treaty"`
	Short   string `json:"short"`
	Article string `json:"article,omitempty"`
	ATOPID  int    `json:"atop_id,omitempty"`
	File    string `json:"file"`
}

// Comparison is the side-by-side table.
type Comparison struct {
	On      world.Date `json:"on"`
	Columns []Column   `json:"columns"`
	Rows    []Row      `json:"rows"`
	// Rule states how the strength row is computed, with its sources.
	Rule string `json:"rule"`
}

// ATOP is the ATOP 5.1 data a comparison reads. Nil, or empty slices, make
// the ATOP rows say the data were not loaded.
type ATOP struct {
	Phases []source.ATOPAlliance             // atop5_1aph.csv
	Inst   []source.ATOPInstitutionalization // atopinst5_1.csv
}

// Files for provenance.
const (
	PhasesFile = "atop5_1aph.csv"
	InstFile   = "atopinst5_1.csv"
)

// Rule is the commitment-strength rule in one paragraph (package comment
// has the long form).
const Rule = "Strength: the strongest defense promise, classed after Benson (2012) as unconditional " +
	"(military assistance against an armed attack, no condition on the war, no discretion), conditional " +
	"(a region, adversary, provocation, number, request or state-of-war gate), probabilistic (the obligor " +
	"judges what to do: as it deems necessary, constitutional processes, unspecified assistance), or both; " +
	"ranked unconditional > conditional > probabilistic > both > no defense promise. Institutions: Leeds & " +
	"Anac (2005) MILINST from ATOP (0 none, 1 moderate, 2 high), shown beside the promise, not folded into it."

// Treaties compares whole treaties on date on (members in force then).
func Treaties(w *world.World, ts []*world.Treaty, on world.Date, atop *ATOP) *Comparison {
	c := &Comparison{On: on, Rule: Rule}
	for _, t := range ts {
		c.Columns = append(c.Columns, Column{Treaty: t.ID, Short: short(t), ATOPID: t.ATOPID, File: t.File})
	}
	add := func(key, label string, f func(t *world.Treaty) Cell) {
		r := Row{Key: key, Label: label}
		for _, t := range ts {
			r.Cells = append(r.Cells, f(t))
		}
		c.Rows = append(c.Rows, r)
	}
	add("obligations", "obligations", func(t *world.Treaty) Cell { return obligationsCell(t) })
	add("trigger", "trigger (what must be true)", func(t *world.Treaty) Cell { return perPromise(t, triggerText) })
	add("response", "response", func(t *world.Treaty) Cell { return perPromise(t, responseText) })
	add("scope", "geographic scope", func(t *world.Treaty) Cell { return perPromise(t, scopeText) })
	add("adversary", "adversary limits", func(t *world.Treaty) Cell { return perPromise(t, adversaryText) })
	add("asymmetry", "asymmetry", func(t *world.Treaty) Cell { return asymmetryCell(t, atop) })
	add("duration", "duration, renewal, notice", func(t *world.Treaty) Cell { return durationCell(t, atop) })
	add("members", "members now", func(t *world.Treaty) Cell { return membersCell(w, t, on) })
	add("institutions", "institutions (ATOP)", func(t *world.Treaty) Cell { return institutionsCell(t, atop) })
	add("secrecy", "secrecy (ATOP)", func(t *world.Treaty) Cell { return secrecyCell(t, atop) })
	add("nuclear", "nuclear", func(t *world.Treaty) Cell { return nuclearCell(t) })
	add("strength", "commitment strength", func(t *world.Treaty) Cell { return strengthCell(t, atop) })
	return c
}

// Articles compares every obligation of the treaties, one column each.
func Articles(ts []*world.Treaty) *Comparison {
	c := &Comparison{Rule: Rule}
	type col struct {
		t *world.Treaty
		i int
	}
	var cols []col
	for _, t := range ts {
		for i := range t.Obligations {
			cols = append(cols, col{t, i})
			c.Columns = append(c.Columns, Column{Treaty: t.ID, Short: short(t), Article: articleLabel(t, i), ATOPID: t.ATOPID, File: t.File})
		}
	}
	add := func(key, label string, f func(t *world.Treaty, i int) Cell) {
		r := Row{Key: key, Label: label}
		for _, cl := range cols {
			r.Cells = append(r.Cells, f(cl.t, cl.i))
		}
		c.Rows = append(c.Rows, r)
	}
	add("kind", "kind", func(t *world.Treaty, i int) Cell {
		o := &t.Obligations[i]
		s := src(t, fmt.Sprintf("obligations[%d].kind", i), string(o.Kind), string(o.Kind))
		return Cell{Text: string(o.Kind), Sources: []Source{s}}
	})
	add("trigger", "trigger (what must be true)", func(t *world.Treaty, i int) Cell { return oneCell(triggerText(t, i)) })
	add("response", "response", func(t *world.Treaty, i int) Cell { return oneCell(responseText(t, i)) })
	add("scope", "geographic scope", func(t *world.Treaty, i int) Cell { return oneCell(scopeText(t, i)) })
	add("adversary", "adversary limits", func(t *world.Treaty, i int) Cell { return oneCell(adversaryText(t, i)) })
	add("parties", "who owes whom", func(t *world.Treaty, i int) Cell { return oneCell(partiesText(t, i)) })
	add("strength", "commitment strength", func(t *world.Treaty, i int) Cell {
		cl, why := Classify(t, i)
		return Cell{Text: string(cl), Sources: why}
	})
	add("source", "article source", func(t *world.Treaty, i int) Cell {
		o := &t.Obligations[i]
		if o.Source == "" {
			return Cell{Text: "no article source in the treaty file"}
		}
		return Cell{Text: o.Source, Sources: []Source{src(t, fmt.Sprintf("obligations[%d].source", i), o.Source, o.Source)}}
	})
	return c
}

func short(t *world.Treaty) string {
	if t.Short != "" {
		return t.Short
	}
	return t.ID
}

// src is a treaty-file source.
func src(t *world.Treaty, field, value, shown string) Source {
	return Source{File: t.File, Field: field, Value: value, Shown: shown}
}

func list(xs []string) string { return "[" + strings.Join(xs, ", ") + "]" }

// piece is a fragment of a cell with the sources behind it.
type piece struct {
	text    string
	sources []Source
}

func oneCell(p piece) Cell { return Cell{Text: p.text, Sources: p.sources} }

// articleLabel is the article without its parenthetical, plus obligors →
// protected parties when the same article holds several obligations
// (US–ROK Art. III: USA→ROK and ROK→USA).
func articleLabel(t *world.Treaty, i int) string {
	o := &t.Obligations[i]
	a := o.Article
	if k := strings.Index(a, " ("); k > 0 {
		a = a[:k]
	}
	if len(o.Obligors) > 0 || len(o.Protects) > 0 {
		from, to := "all", "others"
		if len(o.Obligors) > 0 {
			from = strings.Join(o.Obligors, "+")
		}
		if len(o.Protects) > 0 {
			to = strings.Join(o.Protects, "+")
		}
		a += " " + from + "→" + to
	}
	return a
}

// promises are the obligations the treaty-level rows describe: the defense
// obligations, or, without any, the obligations that are not standing
// (consultation on a threat, neutrality in a war).
func promises(t *world.Treaty) []int {
	var def, other []int
	for i, o := range t.Obligations {
		switch {
		case o.Kind == world.Defense:
			def = append(def, i)
		case o.Trigger != world.Always:
			other = append(other, i)
		}
	}
	if len(def) > 0 {
		return def
	}
	return other
}

// perPromise joins one fragment per promise, each labelled by article.
func perPromise(t *world.Treaty, f func(t *world.Treaty, i int) piece) Cell {
	idx := promises(t)
	if len(idx) == 0 {
		return Cell{Text: "no obligation in the treaty file"}
	}
	var c Cell
	var parts, texts, labs []string
	same := true
	for _, i := range idx {
		p := f(t, i)
		lab := articleLabel(t, i)
		if t.Obligations[i].Kind != world.Defense {
			lab += " (" + string(t.Obligations[i].Kind) + ")"
		}
		labs = append(labs, lab)
		c.Sources = append(c.Sources, src(t, fmt.Sprintf("obligations[%d].article", i), t.Obligations[i].Article, lab))
		parts = append(parts, lab+": "+p.text)
		c.Sources = append(c.Sources, p.sources...)
		same = same && (len(texts) == 0 || texts[0] == p.text)
		texts = append(texts, p.text)
	}
	c.Text = strings.Join(parts, "; ")
	if len(idx) > 1 && same {
		// One answer for every promise: say it once, for all of them,
		// with the same labels the sources name (kind included).
		c.Text = strings.Join(labs, ", ") + ": " + texts[0]
	}
	return c
}

func obligationsCell(t *world.Treaty) Cell {
	var c Cell
	var parts []string
	for i, o := range t.Obligations {
		lab := articleLabel(t, i)
		parts = append(parts, lab+" "+string(o.Kind))
		c.Sources = append(c.Sources,
			src(t, fmt.Sprintf("obligations[%d].article", i), o.Article, lab),
			src(t, fmt.Sprintf("obligations[%d].kind", i), string(o.Kind), string(o.Kind)))
	}
	if len(parts) == 0 {
		return Cell{Text: "none in the treaty file"}
	}
	c.Text = strings.Join(parts, "; ")
	return c
}

var triggerWords = map[world.Trigger]string{
	world.ArmedAttack: "armed attack", world.ThreatOfAttack: "threat of attack", world.StateOfWar: "state of war",
	world.Mobilization: "mobilization", world.AnyConflict: "any conflict", world.Always: "always (standing)",
}

func triggerText(t *world.Treaty, i int) piece {
	o := &t.Obligations[i]
	p := fmt.Sprintf("obligations[%d].", i)
	w := triggerWords[o.Trigger]
	if w == "" {
		w = string(o.Trigger)
	}
	out := piece{text: w, sources: []Source{src(t, p+"trigger", string(o.Trigger), w)}}
	flag := func(on bool, field, words string) {
		if on {
			out.text += "; " + words
			out.sources = append(out.sources, src(t, p+field, "true", words))
		}
	}
	flag(o.RequiresStateOfWar, "requires_state_of_war", "victim thereby in a state of war")
	flag(o.RequiresRequest, "requires_request", "at the victim's request")
	flag(o.ExternalOnly, "external_only", "attack from outside only")
	flag(o.NonProvocation, "non_provocation", "unprovoked")
	if o.MinAttackers > 0 {
		words := fmt.Sprintf("%d or more attackers", o.MinAttackers)
		out.text += "; " + words
		out.sources = append(out.sources, src(t, p+"min_attackers", strconv.Itoa(o.MinAttackers), words))
	}
	for j, cd := range o.Conditions {
		words := cd.Kind
		if cd.Text != "" {
			words = cd.Text
		}
		out.text += "; " + words
		out.sources = append(out.sources, src(t, fmt.Sprintf("%sconditions[%d].kind", p, j), cd.Kind, words))
	}
	return out
}

var actionWords = map[string]string{
	"military_assistance": "military assistance", "assistance": "assistance (means unspecified)",
	"consultation": "consultation", "neutrality": "neutrality", "refrain_from_attack": "refrain from attack",
	"mobilize": "mobilize", "no_other_alliance": "no hostile alliance",
}

var qualifierWords = map[string]string{
	"immediately": "immediately", "all_means": "all means", "constitutional_processes": "constitutional processes",
	"as_deems_necessary": "as it deems necessary", "un_charter_51": "UN Art. 51", "national_laws": "national laws",
	"whole_war_strength": "whole war strength", "benevolent": "benevolent",
}

func word(m map[string]string, k string) string {
	if w, ok := m[k]; ok {
		return w
	}
	return strings.ReplaceAll(k, "_", " ")
}

func responseText(t *world.Treaty, i int) piece {
	o := &t.Obligations[i]
	p := fmt.Sprintf("obligations[%d].response.", i)
	a := word(actionWords, o.Response.Action)
	out := piece{text: a, sources: []Source{src(t, p+"action", o.Response.Action, a)}}
	if len(o.Response.Qualifiers) > 0 {
		var ws []string
		for _, q := range o.Response.Qualifiers {
			ws = append(ws, word(qualifierWords, q))
		}
		shown := strings.Join(ws, ", ")
		out.text += ", " + shown
		out.sources = append(out.sources, src(t, p+"qualifiers", list(o.Response.Qualifiers), shown))
	}
	return out
}

func scopeText(t *world.Treaty, i int) piece {
	s := &t.Obligations[i].Scope
	p := fmt.Sprintf("obligations[%d].scope.", i)
	if s.Anywhere() && !s.Forces {
		return piece{text: "anywhere (no limit in the treaty file)", sources: []Source{src(t, fmt.Sprintf("obligations[%d].kind", i), string(t.Obligations[i].Kind), "")}}
	}
	var out piece
	var parts []string
	if len(s.Regions) > 0 {
		w := strings.Join(s.Regions, ", ")
		parts = append(parts, w)
		out.sources = append(out.sources, src(t, p+"regions", list(s.Regions), w))
	}
	if len(s.Territories) > 0 {
		w := "+ " + strings.Join(s.Territories, ", ")
		parts = append(parts, w)
		out.sources = append(out.sources, src(t, p+"territories", list(s.Territories), strings.Join(s.Territories, ", ")))
	}
	if s.AdministeredBy != "" {
		w := "territory administered by " + s.AdministeredBy
		if s.AdministeredBy == "beneficiary" {
			w = "territory the victim administers"
		}
		parts = append(parts, w)
		out.sources = append(out.sources, src(t, p+"administered_by", s.AdministeredBy, w))
	}
	if s.Forces {
		w := "forces too"
		if len(s.ForcesRegions) > 0 {
			w = "forces also in " + strings.Join(s.ForcesRegions, ", ")
			out.sources = append(out.sources, src(t, p+"forces_regions", list(s.ForcesRegions), strings.Join(s.ForcesRegions, ", ")))
		}
		parts = append(parts, w)
		out.sources = append(out.sources, src(t, p+"forces", "true", "forces"))
	}
	if s.HomeTerritory {
		// A pact "against either country" (Saudi–Pakistan) or one whose
		// zone is the members' own land (CSTO Art. 4): home territory is
		// settled, any other place is what Unspecified leaves open.
		w := "the victim's home territory"
		parts = append(parts, w)
		out.sources = append(out.sources, src(t, p+"home_territory", "true", w))
	}
	if s.Unspecified {
		w := "a limit a source flags but does not specify"
		if s.HomeTerritory {
			w = "elsewhere open: a limit the file does not specify"
		}
		parts = append(parts, w)
		out.sources = append(out.sources, src(t, p+"unspecified", "true", "does not specify"))
	}
	out.text = strings.Join(parts, "; ")
	return out
}

func adversaryText(t *world.Treaty, i int) piece {
	a := &t.Obligations[i].Attacker
	p := fmt.Sprintf("obligations[%d].attacker.", i)
	var out piece
	var parts []string
	if a.NonMember {
		parts = append(parts, "non-members only")
		out.sources = append(out.sources, src(t, p+"non_member", "true", "non-members only"))
	}
	if len(a.Named) > 0 {
		w := "only " + strings.Join(a.Named, ", ")
		parts = append(parts, w)
		out.sources = append(out.sources, src(t, p+"named", list(a.Named), strings.Join(a.Named, ", ")))
	}
	if len(a.Except) > 0 {
		w := "not " + strings.Join(a.Except, ", ")
		parts = append(parts, w)
		out.sources = append(out.sources, src(t, p+"except", list(a.Except), strings.Join(a.Except, ", ")))
	}
	if a.Group != "" {
		w := "a " + strings.ReplaceAll(a.Group, "_", " ") + " attacker"
		parts = append(parts, w)
		out.sources = append(out.sources, src(t, p+"group", a.Group, strings.ReplaceAll(a.Group, "_", " ")))
	}
	if a.Unspecified {
		parts = append(parts, "a limit a source flags but does not specify")
		out.sources = append(out.sources, src(t, p+"unspecified", "true", "does not specify"))
	}
	if len(parts) == 0 {
		return piece{text: "any state (none in the treaty file)"}
	}
	out.text = strings.Join(parts, "; ")
	return out
}

func partiesText(t *world.Treaty, i int) piece {
	o := &t.Obligations[i]
	p := fmt.Sprintf("obligations[%d].", i)
	if len(o.Obligors) == 0 && len(o.Protects) == 0 {
		return piece{text: "every member to every other (no obligors or protects in the treaty file)"}
	}
	var out piece
	from, to := "every member", "every other member"
	if len(o.Obligors) > 0 {
		from = strings.Join(o.Obligors, ", ")
		out.sources = append(out.sources, src(t, p+"obligors", list(o.Obligors), from))
	}
	if len(o.Protects) > 0 {
		to = strings.Join(o.Protects, ", ")
		out.sources = append(out.sources, src(t, p+"protects", list(o.Protects), to))
	}
	out.text = from + " → " + to
	return out
}

// phase is the latest ATOP phase of the treaty's alliance, or nil.
func phase(t *world.Treaty, atop *ATOP) *source.ATOPAlliance {
	if t.ATOPID == 0 || atop == nil {
		return nil
	}
	var best *source.ATOPAlliance
	for i := range atop.Phases {
		p := &atop.Phases[i]
		if p.AtopID == t.ATOPID && (best == nil || p.Phase > best.Phase) {
			best = p
		}
	}
	return best
}

// atopInt reads one column of a phase row as a Source.
func atopInt(p *source.ATOPAlliance, col string) (int, Source, bool) {
	v, ok := p.Int(col)
	if !ok || v == source.MissingInt {
		return 0, Source{}, false
	}
	return v, Source{File: PhasesFile, Field: "atopidphase=" + p.PhaseID + " " + col, Value: strconv.Itoa(v)}, true
}

// noATOP says why there is no ATOP coding.
func noATOP(t *world.Treaty, atop *ATOP) Cell {
	switch {
	case t.ATOPID == 0 && t.Signed.Year() > 2018:
		return Cell{Text: fmt.Sprintf("not in ATOP (signed %d; ATOP 5.1 ends 2018)", t.Signed.Year())}
	case t.ATOPID == 0:
		return Cell{Text: "no ATOP alliance linked in the treaty file"}
	case atop == nil || len(atop.Phases) == 0:
		return Cell{Text: "ATOP not loaded"}
	}
	return Cell{Text: fmt.Sprintf("ATOP %d has no phase row", t.ATOPID)}
}

func phaseNote(p *source.ATOPAlliance) string {
	if p.Maxphase > 1 {
		return fmt.Sprintf(" (ATOP %d phase %d of %d, from %d)", p.AtopID, p.Phase, p.Maxphase, p.Begin.Year())
	}
	return fmt.Sprintf(" (ATOP %d)", p.AtopID)
}

func asymmetryCell(t *world.Treaty, atop *ATOP) Cell {
	var c Cell
	var dirs []string
	for _, i := range promises(t) {
		o := &t.Obligations[i]
		if len(o.Obligors) == 0 && len(o.Protects) == 0 {
			continue
		}
		pt := partiesText(t, i)
		dirs = append(dirs, pt.text)
		c.Sources = append(c.Sources, pt.sources...)
	}
	if len(dirs) == 0 {
		c.Text = "symmetric in the treaty file"
		if idx := promises(t); len(idx) > 0 {
			c.Sources = append(c.Sources, src(t, fmt.Sprintf("obligations[%d].kind", idx[0]), string(t.Obligations[idx[0]].Kind), ""))
		}
	} else {
		c.Text = strings.Join(dirs, "; ")
	}
	if p := phase(t, atop); p != nil {
		if v, s, ok := atopInt(p, "asymm"); ok {
			w := map[int]string{0: "ATOP asymm 0", 1: "ATOP asymm 1 (obligations differ by member)"}[v]
			s.Shown = w
			c.Text += "; " + w
			c.Sources = append(c.Sources, s)
		}
	}
	return c
}

var speclgthWords = map[int]string{0: "no term stated", 1: "fixed term", 2: "until a condition occurs", 3: "indefinite"}
var renounceWords = map[int]string{0: "no renunciation clause", 1: "renounce on notice", 2: "renounce if another member aggresses", 3: "renounce after a set time", 4: "renunciation prohibited"}
var prorenWords = map[int]string{0: "renewal not mentioned", 1: "renewal must be active", 2: "automatic renewal unless notice"}

func durationCell(t *world.Treaty, atop *ATOP) Cell {
	var c Cell
	var parts []string
	if t.Ended != 0 {
		w := "ended " + t.Ended.String()
		parts = append(parts, w)
		c.Sources = append(c.Sources, src(t, "ended", t.Ended.String(), w))
	}
	if tp, ok := termFields(t); ok {
		parts = append(parts, tp.text)
		c.Sources = append(c.Sources, tp.sources...)
	} else if p := phase(t, atop); p != nil {
		// Only when the file states none of term, renewal and notice: ATOP's
		// coding is the best fact there is (an ATOP-only alliance).
		var as []string
		if v, s, ok := atopInt(p, "speclgth"); ok {
			w := speclgthWords[v]
			if v == 1 {
				if n, s2, ok := atopInt(p, "length"); ok && n > 0 {
					w += fmt.Sprintf(" of %d months", n)
					s2.Shown = fmt.Sprintf("%d months", n)
					c.Sources = append(c.Sources, s2)
				}
			}
			s.Shown = speclgthWords[v]
			as = append(as, w)
			c.Sources = append(c.Sources, s)
		}
		if v, s, ok := atopInt(p, "proren"); ok {
			w := prorenWords[v]
			if n, s2, ok := atopInt(p, "renewlgt"); ok && n > 0 {
				w += fmt.Sprintf(" (%d-month terms)", n)
				s2.Shown = fmt.Sprintf("%d-month", n)
				c.Sources = append(c.Sources, s2)
			}
			s.Shown = prorenWords[v]
			as = append(as, w)
			c.Sources = append(c.Sources, s)
		}
		if v, s, ok := atopInt(p, "renounce"); ok {
			s.Shown = renounceWords[v]
			as = append(as, renounceWords[v])
			c.Sources = append(c.Sources, s)
		}
		if len(as) > 0 {
			parts = append(parts, "ATOP: "+strings.Join(as, ", ")+" [D]")
		}
	}
	if len(parts) == 0 {
		return Cell{Text: "not in the treaty file" + map[bool]string{true: " or ATOP", false: ""}[t.ATOPID != 0]}
	}
	c.Text = strings.Join(parts, "; ")
	return c
}

var fromWords = map[string]string{world.FromInForce: "from entry into force", world.FromSignature: "from signature"}

// termFields renders the file's term, renewal and notice, each followed by
// its article and provenance tag, every word traced to its field. A
// missing notice is said when term or renewal is there, so "not stated"
// is never read as "cannot be left".
func termFields(t *world.Treaty) (piece, bool) {
	if t.Term == nil && t.Renewal == nil && t.Notice == nil {
		return piece{}, false
	}
	var out piece
	var parts []string
	add := func(field, value, shown string) {
		out.sources = append(out.sources, src(t, field, value, shown))
	}
	tail := func(field, text, article, tag, source string) string {
		if article != "" {
			text += " (" + article + ")"
			add(field+".article", article, article)
		}
		text += " [" + tag + "]"
		add(field+".tag", tag, "["+tag+"]")
		if source != "" {
			add(field+".source", source, "")
		}
		return text
	}
	if tm := t.Term; tm != nil {
		text := "indefinite"
		if tm.Kind == world.TermUntil {
			text = "until a condition the text names"
			add("term.kind", tm.Kind, text)
		} else if tm.Kind == world.TermUntilAgreed {
			text = "until the parties agree to end it, no party may leave alone"
			add("term.kind", tm.Kind, text)
		} else if tm.Kind == world.TermFixed {
			text = fmt.Sprintf("fixed term of %d years", tm.Years)
			add("term.kind", tm.Kind, "fixed term")
			add("term.years", strconv.Itoa(tm.Years), fmt.Sprintf("%d years", tm.Years))
			if w := fromWords[tm.From]; w != "" {
				text += " " + w
				add("term.from", tm.From, w)
			}
		} else {
			add("term.kind", tm.Kind, text)
		}
		parts = append(parts, tail("term", text, tm.Article, tm.Tag, tm.Source))
	}
	if r := t.Renewal; r != nil {
		var text, shown string
		switch r.Kind {
		case world.RenewAutomatic:
			text, shown = "renewed automatically", "renewed automatically"
			if r.Years > 0 {
				text += fmt.Sprintf(" for %d years at a time", r.Years)
			}
		case world.RenewByAgreement:
			text, shown = "renewable by agreement", "by agreement"
			if r.Years > 0 {
				text += fmt.Sprintf(" (%d years)", r.Years)
			}
		case world.RenewNone:
			text, shown = "no renewal", "no renewal"
		default:
			text, shown = "renewal unspecified", "renewal unspecified"
		}
		add("renewal.kind", r.Kind, shown)
		if r.Years > 0 {
			add("renewal.years", strconv.Itoa(r.Years), fmt.Sprintf("%d years", r.Years))
		}
		parts = append(parts, tail("renewal", text, r.Article, r.Tag, r.Source))
	}
	if n := t.Notice; n != nil {
		text := "leave on notice, period not stated"
		if n.Months > 0 {
			text = fmt.Sprintf("leave on %d months' notice", n.Months)
			add("notice.months", strconv.Itoa(n.Months), fmt.Sprintf("%d months", n.Months))
		} else {
			add("notice.note", n.Note, "")
		}
		if n.AfterYears > 0 {
			w := fmt.Sprintf("after %d years in force", n.AfterYears)
			text += " " + w
			add("notice.after_years", strconv.Itoa(n.AfterYears), w)
		}
		parts = append(parts, tail("notice", text, n.Article, n.Tag, n.Source))
	} else if t.Term == nil || t.Term.Kind != world.TermUntilAgreed {
		// Under until_agreement the term itself says there is no notice.
		parts = append(parts, "notice not in the treaty file")
	}
	out.text = strings.Join(parts, "; ")
	return out, true
}

// TermText is the treaty file's term, renewal and notice in one line, each
// with its article and provenance tag ("" when the file states none):
// what `casus treaty show` prints and the compare row shows.
func TermText(t *world.Treaty) string {
	p, _ := termFields(t)
	return p.text
}

// abbrevs end with a period without ending a sentence ("Art. III").
var abbrevs = map[string]bool{"Art": true, "Arts": true, "No": true, "St": true, "e.g": true, "i.e": true, "cf": true, "vs": true, "U.S": true, "p": true, "pp": true, "res": true}

// sentences splits text into sentences (a period, a space, a capital),
// whitespace folded, provenance tags such as [V] kept.
func sentences(text string) []string {
	n := strings.Join(strings.Fields(text), " ")
	if n == "" {
		return nil
	}
	var out []string
	start := 0
	for i := 0; i+2 < len(n); i++ {
		if n[i] != '.' || n[i+1] != ' ' || n[i+2] < 'A' || n[i+2] > 'Z' {
			continue
		}
		word := n[start:i]
		if k := strings.LastIndexAny(word, " ("); k >= 0 {
			word = word[k+1:]
		}
		if abbrevs[word] {
			continue
		}
		out = append(out, n[start:i+1])
		start = i + 2
	}
	return append(out, n[start:])
}

// SentenceInNotes reports whether s is one of the sentences of notes (for
// the provenance test).
func SentenceInNotes(notes, s string) bool {
	for _, x := range sentences(notes) {
		if x == s {
			return true
		}
	}
	return false
}

func membersCell(w *world.World, t *world.Treaty, on world.Date) Cell {
	var c Cell
	var names []string
	seen := map[int]bool{}
	for i := range t.Members {
		m := &t.Members[i]
		if !m.Spell(t).Contains(on) || !t.InForceOn(on) || seen[m.Code] {
			continue
		}
		seen[m.Code] = true
		abb := m.State
		if s, ok := w.State(m.Code); ok {
			abb = s.Abb
		}
		c.Sources = append(c.Sources, src(t, fmt.Sprintf("members[%d].state", i), m.State, abb))
		if sp, ok := m.SuspendedOn(on); ok {
			j := 0
			for k := range m.Suspended {
				if &m.Suspended[k] == sp {
					j = k
				}
			}
			c.Sources = append(c.Sources, src(t, fmt.Sprintf("members[%d].suspended[%d].start", i, j), sp.Start.String(), "suspended"))
			abb += " (suspended)"
		}
		names = append(names, abb)
	}
	switch {
	case t.Status == world.StatusSigned:
		return Cell{Text: "not in force (signed only)", Sources: []Source{src(t, "status", t.Status, "signed only")}}
	case !t.InForceOn(on):
		return Cell{Text: "not in force on " + on.String()}
	}
	sort.Strings(names)
	c.Text = fmt.Sprintf("%d: %s", len(names), strings.Join(names, ", "))
	return c
}

var milconWords = map[int]string{1: "military contact in war", 2: "peacetime military contact", 3: "common defence policy"}
var baseWords = map[int]string{1: "joint troops on neutral ground", 2: "reciprocal basing", 3: "one-way basing"}
var milaidWords = map[int]string{1: "military aid", 2: "military grants/loans", 3: "training/technology", 4: "aid, training and technology"}
var organWords = map[int]string{1: "regular meetings", 2: "named organization", 3: "organization with a permanent bureaucracy"}
var subordWords = map[int]string{1: "forces under a named ally in war", 2: "forces under an ally in war (conditional)"}
var milinstWords = map[int]string{0: "none", 1: "moderate", 2: "high"}

func institutionsCell(t *world.Treaty, atop *ATOP) Cell {
	p := phase(t, atop)
	if p == nil {
		return noATOP(t, atop)
	}
	var c Cell
	var parts []string
	add := func(col string, words map[int]string) {
		if v, s, ok := atopInt(p, col); ok && v > 0 {
			w := words[v]
			if w == "" {
				w = fmt.Sprintf("%s %d", col, v)
			}
			s.Shown = w
			parts = append(parts, w)
			c.Sources = append(c.Sources, s)
		} else if ok {
			c.Sources = append(c.Sources, Source{File: s.File, Field: s.Field, Value: s.Value, Shown: ""})
		}
	}
	if v, s, ok := atopInt(p, "intcom"); ok {
		if v == 1 {
			s.Shown = "integrated command"
			parts = append(parts, s.Shown)
		}
		c.Sources = append(c.Sources, s)
	}
	add("subord", subordWords)
	add("milcon", milconWords)
	add("base", baseWords)
	add("milaid", milaidWords)
	add("organ1", organWords)
	if v, s, ok := atopInt(p, "contrib"); ok {
		if v == 1 {
			s.Shown = "set contributions"
			parts = append(parts, s.Shown)
		}
		c.Sources = append(c.Sources, s)
	}
	if len(parts) == 0 {
		parts = append(parts, "none coded")
	}
	txt := strings.Join(parts, ", ")
	if in := inst(p, atop); in != nil && in.MilInst != source.MissingInt {
		w := "MILINST " + strconv.Itoa(in.MilInst) + " " + milinstWords[in.MilInst]
		txt += "; " + w
		c.Sources = append(c.Sources, Source{File: InstFile, Field: "atopidphase=" + in.PhaseID + " milinst", Value: strconv.Itoa(in.MilInst), Shown: w})
	}
	c.Text = txt + phaseNote(p)
	return c
}

func inst(p *source.ATOPAlliance, atop *ATOP) *source.ATOPInstitutionalization {
	for i := range atop.Inst {
		if atop.Inst[i].PhaseID == p.PhaseID {
			return &atop.Inst[i]
		}
	}
	return nil
}

var pubsecrWords = map[int]string{0: "public", 1: "public with secret articles", 2: "wholly secret"}

func secrecyCell(t *world.Treaty, atop *ATOP) Cell {
	p := phase(t, atop)
	if p == nil {
		return noATOP(t, atop)
	}
	var c Cell
	if v, s, ok := atopInt(p, "pubsecr"); ok {
		s.Shown = pubsecrWords[v]
		c.Text = pubsecrWords[v]
		c.Sources = append(c.Sources, s)
	}
	if v, s, ok := atopInt(p, "secrart"); ok && v > 0 && v != 8 {
		w := fmt.Sprintf("secret part: code %d", v)
		s.Shown = w
		c.Text += "; " + w
		c.Sources = append(c.Sources, s)
	}
	return c
}

// nuclearCell quotes what the treaty file says about nuclear weapons: the
// sentences of its notes and obligation texts that name them. Peaceful
// nuclear energy (a cooperation field) is not coverage.
func nuclearCell(t *world.Treaty) Cell {
	var c Cell
	var parts []string
	check := func(field, text string) {
		for _, s := range sentences(text) {
			l := strings.ToLower(s)
			if strings.Contains(l, "nuclear") && !strings.Contains(l, "peaceful nuclear") {
				parts = append(parts, s)
				c.Sources = append(c.Sources, src(t, field, s, s))
			}
		}
	}
	for i, o := range t.Obligations {
		check(fmt.Sprintf("obligations[%d].text", i), o.Text)
	}
	check("notes", t.Notes)
	if len(parts) == 0 {
		return Cell{Text: "nothing in the treaty file"}
	}
	c.Text = strings.Join(parts, " ")
	return c
}

// Class names the commitment tier of a promise (see the package comment).
type Class string

const (
	Unconditional Class = "unconditional"
	Conditional   Class = "conditional"
	Probabilistic Class = "probabilistic"
	Both          Class = "conditional and probabilistic"
	NoPromise     Class = "no defense promise"
)

var rank = map[Class]int{Unconditional: 4, Conditional: 3, Probabilistic: 2, Both: 1, NoPromise: 0}

// Classify classes one obligation and returns the fields that decided it.
func Classify(t *world.Treaty, i int) (Class, []Source) {
	o := &t.Obligations[i]
	p := fmt.Sprintf("obligations[%d].", i)
	if o.Kind != world.Defense {
		return NoPromise, []Source{src(t, p+"kind", string(o.Kind), "")}
	}
	var why []Source
	cond := false
	mark := func(on bool, field, value string) {
		if on {
			cond = true
			why = append(why, src(t, p+field, value, ""))
		}
	}
	mark(o.RequiresStateOfWar, "requires_state_of_war", "true")
	mark(o.RequiresRequest, "requires_request", "true")
	mark(o.ExternalOnly, "external_only", "true")
	mark(o.NonProvocation, "non_provocation", "true")
	mark(o.MinAttackers > 0, "min_attackers", strconv.Itoa(o.MinAttackers))
	mark(len(o.Scope.Regions) > 0, "scope.regions", list(o.Scope.Regions))
	mark(o.Scope.AdministeredBy != "", "scope.administered_by", o.Scope.AdministeredBy)
	mark(o.Scope.Unspecified, "scope.unspecified", "true")
	mark(o.Attacker.NonMember, "attacker.non_member", "true")
	mark(len(o.Attacker.Named) > 0, "attacker.named", list(o.Attacker.Named))
	mark(o.Attacker.Group != "", "attacker.group", o.Attacker.Group)
	mark(o.Attacker.Unspecified, "attacker.unspecified", "true")
	mark(len(o.Conditions) > 0 && o.Conditions[0].Kind != "", "conditions[0].kind", func() string {
		if len(o.Conditions) > 0 {
			return o.Conditions[0].Kind
		}
		return ""
	}())
	prob := o.Response.Action != "military_assistance"
	if prob {
		why = append(why, src(t, p+"response.action", o.Response.Action, ""))
	}
	for _, q := range o.Response.Qualifiers {
		if q == "as_deems_necessary" || q == "constitutional_processes" {
			prob = true
			why = append(why, src(t, p+"response.qualifiers", list(o.Response.Qualifiers), ""))
			break
		}
	}
	switch {
	case cond && prob:
		return Both, why
	case cond:
		return Conditional, why
	case prob:
		return Probabilistic, why
	}
	why = append(why, src(t, p+"kind", string(o.Kind), ""), src(t, p+"response.action", o.Response.Action, ""))
	return Unconditional, why
}

func strengthCell(t *world.Treaty, atop *ATOP) Cell {
	best, bestI := NoPromise, -1
	var why []Source
	for i := range t.Obligations {
		cl, w := Classify(t, i)
		if bestI < 0 || rank[cl] > rank[best] {
			best, bestI, why = cl, i, w
		}
	}
	if bestI < 0 {
		return Cell{Text: string(NoPromise) + " (no obligation in the treaty file)"}
	}
	var c Cell
	c.Text = string(best)
	lab := articleLabel(t, bestI)
	if best != NoPromise {
		c.Text += " (" + lab + ")"
		c.Sources = append(c.Sources, src(t, fmt.Sprintf("obligations[%d].article", bestI), t.Obligations[bestI].Article, lab))
		var fast []string
		for _, q := range t.Obligations[bestI].Response.Qualifiers {
			if q == "immediately" || q == "all_means" || q == "whole_war_strength" {
				fast = append(fast, word(qualifierWords, q))
			}
		}
		if len(fast) > 0 {
			sh := strings.Join(fast, ", ")
			c.Text += ", " + sh
			c.Sources = append(c.Sources, src(t, fmt.Sprintf("obligations[%d].response.qualifiers", bestI), list(t.Obligations[bestI].Response.Qualifiers), sh))
		}
	}
	for _, s := range why {
		c.Sources = append(c.Sources, s)
	}
	if p := phase(t, atop); p != nil {
		if in := inst(p, atop); in != nil && in.MilInst != source.MissingInt {
			w := "institutions " + milinstWords[in.MilInst]
			c.Text += "; " + w
			c.Sources = append(c.Sources, Source{File: InstFile, Field: "atopidphase=" + in.PhaseID + " milinst", Value: strconv.Itoa(in.MilInst), Shown: milinstWords[in.MilInst]})
		}
	} else {
		c.Text += "; institutions not coded"
	}
	return c
}

// FileName is the base name of a treaty's file, for compact provenance.
func FileName(t *world.Treaty) string { return path.Base(t.File) }
