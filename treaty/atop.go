package treaty

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/world"
)

// ATOP's five obligation columns, in world.Kinds order.
var ATOPObligationFlags = []string{"defense", "offense", "neutral", "nonagg", "consul"}

// ATOPConditionFlags lists, per obligation column, ATOP's condition columns
// that qualify it. OLIMOB ("an obligation of this member depends on another
// condition") belongs to no single obligation and is listed separately.
var ATOPConditionFlags = map[string][]string{
	"defense": {"defcoadv", "defcoloc", "defcocon", "defconum", "defcodem", "defconpr"},
	"offense": {"offcoadv", "offcoloc", "offcocon", "offconum", "offcodem"},
	"neutral": {"neucoadv", "neucoloc", "neucocon", "neuconum", "neucodem", "neuconpr", "neucoatt"},
	"consul":  {"concoadv", "concoloc", "concocon", "concoreq"},
}

// ATOPOlimob is the member-level "other condition" column.
const ATOPOlimob = "olimob"

var atopKind = map[string]world.Kind{
	"defense": world.Defense, "offense": world.Offense, "neutral": world.Neutrality,
	"nonagg": world.Nonaggression, "consul": world.Consultation,
}

var kindTrigger = map[world.Kind]world.Trigger{
	world.Defense:       world.ArmedAttack,
	world.Offense:       world.StateOfWar,
	world.Neutrality:    world.AnyConflict,
	world.Nonaggression: world.Always,
	world.Consultation:  world.ThreatOfAttack,
}

var kindAction = map[world.Kind]string{
	world.Defense:       "military_assistance",
	world.Offense:       "military_assistance",
	world.Neutrality:    "neutrality",
	world.Nonaggression: "refrain_from_attack",
	world.Consultation:  "consultation",
}

// ATOPRowFlags returns the obligation and condition columns of one member
// row by ATOP column name (the 5 obligations, 22 conditions and OLIMOB).
func ATOPRowFlags(m *source.ATOPMember) map[string]bool {
	return map[string]bool{
		"defense": m.Defense, "offense": m.Offense, "neutral": m.Neutral, "nonagg": m.Nonagg, "consul": m.Consul,
		"defcoadv": m.DefCoAdv, "defcoloc": m.DefCoLoc, "defcocon": m.DefCoCon, "defconum": m.DefCoNum, "defcodem": m.DefCoDem, "defconpr": m.DefCoNPr,
		"offcoadv": m.OffCoAdv, "offcoloc": m.OffCoLoc, "offcocon": m.OffCoCon, "offconum": m.OffCoNum, "offcodem": m.OffCoDem,
		"neucoadv": m.NeuCoAdv, "neucoloc": m.NeuCoLoc, "neucocon": m.NeuCoCon, "neuconum": m.NeuCoNum, "neucodem": m.NeuCoDem, "neuconpr": m.NeuCoNPr, "neucoatt": m.NeuCoAtt,
		"concoadv": m.ConCoAdv, "concoloc": m.ConCoLoc, "concocon": m.ConCoCon, "concoreq": m.ConCoReq,
		"olimob": m.OliMob,
	}
}

// ImportATOP reads the ATOP 5.1 member file (atop5_1m.csv) and returns one
// treaty per alliance, sorted by atopid. doc.go describes the mapping.
func ImportATOP(w *world.World, memberFile source.Source) ([]*world.Treaty, error) {
	rows, _, err := source.ReadATOPMembers(memberFile)
	if err != nil {
		return nil, err
	}
	return ATOPTreaties(w, rows), nil
}

// abbOf names a state by its COW abbreviation; ATOP codes a few partners
// outside the COW system (8152), which keep their number.
func abbOf(w *world.World, code int) string {
	if w != nil {
		if s, ok := w.State(code); ok {
			return s.Abb
		}
	}
	return strconv.Itoa(code)
}

// ATOPTreaties converts member rows into treaties, one per atopid.
func ATOPTreaties(w *world.World, rows []source.ATOPMember) []*world.Treaty {
	by := map[int][]*source.ATOPMember{}
	var ids []int
	for i := range rows {
		r := &rows[i]
		if _, ok := by[r.AtopID]; !ok {
			ids = append(ids, r.AtopID)
		}
		by[r.AtopID] = append(by[r.AtopID], r)
	}
	sort.Ints(ids)
	out := make([]*world.Treaty, 0, len(ids))
	for _, id := range ids {
		out = append(out, atopTreaty(w, id, by[id]))
	}
	return out
}

func atopTreaty(w *world.World, id int, rows []*source.ATOPMember) *world.Treaty {
	t := &world.Treaty{
		ID:     ATOPTreatyID(id),
		Source: world.FromATOP,
		ATOPID: id,
		File:   "atop5_1m.csv",
		Sources: []world.Reference{{
			URL:   "http://www.atopdata.org/data.html",
			Title: "Alliance Treaty Obligations and Provisions (ATOP) 5.1, member-level file atop5_1m.csv",
		}},
	}
	open := false
	phaseMembers := map[int][]int{} // phase -> member codes, first-seen order
	var order []int                 // member codes, first-seen order
	seenMember := map[int]bool{}
	for _, r := range rows {
		if t.Signed == 0 || r.Entry < t.Signed {
			t.Signed = r.Entry
		}
		if r.Exit == 0 {
			open = true
		} else if r.Exit > t.Ended {
			t.Ended = r.Exit
		}
		if !containsInt(phaseMembers[r.Phase], r.Member) {
			phaseMembers[r.Phase] = append(phaseMembers[r.Phase], r.Member)
		}
		if !seenMember[r.Member] {
			seenMember[r.Member] = true
			order = append(order, r.Member)
		}
	}
	if open {
		t.Ended = 0
	}
	abbs := make([]string, len(order))
	for i, c := range order {
		abbs[i] = abbOf(w, c)
	}
	t.Title = atopTitle(id, abbs)
	t.Members = atopMembers(w, rows)
	for _, r := range rows {
		var protects []string
		for _, c := range phaseMembers[r.Phase] {
			if c != r.Member {
				protects = append(protects, abbOf(w, c))
			}
		}
		t.Obligations = append(t.Obligations, atopObligations(w, r, protects)...)
	}
	t.Notes = "Imported from ATOP 5.1. Member dates are signature dates (ATOP's convention); obligations are per member row, limited to the member's spell in each phase; conditions ATOP flags without saying what they are are unspecified (contingent)."
	return t
}

func containsInt(s []int, x int) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

func atopTitle(id int, abbs []string) string {
	const show = 6
	if len(abbs) > show {
		return fmt.Sprintf("ATOP alliance %d (%s and %d more)", id, strings.Join(abbs[:show], ", "), len(abbs)-show)
	}
	return fmt.Sprintf("ATOP alliance %d (%s)", id, strings.Join(abbs, ", "))
}

// atopMembers merges each state's member rows into membership spells: a
// new phase continues a membership (phase 1 ends on the day phase 2
// starts), a gap of more than one day starts a new one.
func atopMembers(w *world.World, rows []*source.ATOPMember) []world.Member {
	byCode := map[int][]*source.ATOPMember{}
	var order []int
	for _, r := range rows {
		if _, ok := byCode[r.Member]; !ok {
			order = append(order, r.Member)
		}
		byCode[r.Member] = append(byCode[r.Member], r)
	}
	var out []world.Member
	for _, c := range order {
		rs := byCode[c]
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].Entry < rs[j].Entry })
		var cur *world.Member
		for _, r := range rs {
			if cur != nil && cur.Exited != 0 && r.Entry <= cur.Exited.AddDays(1) {
				if r.Exit == 0 || cur.Exited < r.Exit {
					cur.Exited = r.Exit
				}
				continue
			}
			if cur != nil && cur.Exited == 0 {
				continue // a row inside an open membership adds nothing
			}
			out = append(out, world.Member{State: abbOf(w, c), Code: c, Signed: r.Entry, Exited: r.Exit})
			cur = &out[len(out)-1]
			if r.EntryDayUnknown {
				cur.Note = "ATOP gives only the month of signature; casus dates it from the first of the month"
			}
		}
	}
	return out
}

// atopObligations builds one obligation per obligation flag of a member row.
func atopObligations(w *world.World, r *source.ATOPMember, protects []string) []world.Obligation {
	flags := ATOPRowFlags(r)
	obligor := abbOf(w, r.Member)
	var out []world.Obligation
	for _, col := range ATOPObligationFlags {
		if !flags[col] {
			continue
		}
		kind := atopKind[col]
		o := world.Obligation{
			Article:   "ATOP " + col,
			Kind:      kind,
			Trigger:   kindTrigger[kind],
			Obligors:  []string{obligor},
			Protects:  append([]string(nil), protects...),
			During:    r.Spell(),
			Response:  world.Response{Action: kindAction[kind]},
			ATOPPhase: r.Phase,
			Text:      fmt.Sprintf("ATOP 5.1 alliance %d phase %d: %s (%d) has a %s obligation", r.AtopID, r.Phase, obligor, r.Member, kind),
		}
		for _, cf := range ATOPConditionFlags[col] {
			if flags[cf] {
				applyATOPCondition(w, &o, r, cf)
			}
		}
		if r.OliMob {
			o.Conditions = append(o.Conditions, world.Condition{Kind: "other", Unspecified: true,
				Text: "ATOP OLIMOB: an obligation of this member depends on a condition ATOP does not classify (which obligation is not coded)"})
		}
		out = append(out, o)
	}
	return out
}

var specThrtText = map[int]string{
	0: "no specific threat named", 1: "specific state(s)", 2: "a specific region",
	3: "specific state(s) acting in a specific region", 4: "a specific ongoing conflict",
	5: "conflict with domestic groups or non-state actors", 6: "another alliance",
}

func applyATOPCondition(w *world.World, o *world.Obligation, r *source.ATOPMember, col string) {
	switch col[3:] {
	case "coadv":
		if (r.SpecThrt == 1 || r.SpecThrt == 3) && r.StatThr1 > 0 {
			o.Attacker.Named = []string{abbOf(w, r.StatThr1)}
			if r.StatThr2 > 0 {
				o.Attacker.Named = append(o.Attacker.Named, abbOf(w, r.StatThr2))
			}
			o.Attacker.Text = fmt.Sprintf("ATOP %s: conditional on the adversary; the treaty names %s as the threat (SPECTHRT %d, STATTHR)",
				strings.ToUpper(col), strings.Join(o.Attacker.Named, " and "), r.SpecThrt)
			return
		}
		o.Attacker.Unspecified = true
		what := "not located"
		if s, ok := specThrtText[r.SpecThrt]; ok {
			what = s
		}
		o.Attacker.Text = fmt.Sprintf("ATOP %s: conditional on a particular adversary or type of adversary, not named by ATOP (specific threat: %s)", strings.ToUpper(col), what)
	case "coloc":
		o.Scope.Unspecified = true
		o.Scope.Text = fmt.Sprintf("ATOP %s: conditional on conflict in a particular location, which ATOP does not code", strings.ToUpper(col))
	case "cocon":
		o.Conditions = append(o.Conditions, world.Condition{Kind: "conflict", Unspecified: true,
			Text: fmt.Sprintf("ATOP %s: only in a particular ongoing conflict", strings.ToUpper(col))})
	case "conum":
		o.Conditions = append(o.Conditions, world.Condition{Kind: "number", Unspecified: true,
			Text: fmt.Sprintf("ATOP %s: conditional on the number of adversaries", strings.ToUpper(col))})
	case "codem":
		o.Conditions = append(o.Conditions, world.Condition{Kind: "demands", Unspecified: true,
			Text: fmt.Sprintf("ATOP %s: conditional on the ally or the adversary meeting demands set in the agreement", strings.ToUpper(col))})
	case "conpr":
		o.NonProvocation = true
	case "coatt":
		o.Conditions = append(o.Conditions, world.Condition{Kind: "attacked",
			Text: "ATOP NEUCOATT: neutrality only when the partner is the one attacked"})
	case "coreq":
		o.RequiresRequest = true
	}
}

// ATOPMemberPhase is one member row of an ATOP alliance as recovered from an
// imported treaty: the state, its phase and spell, and the flags.
type ATOPMemberPhase struct {
	Member int
	Phase  int
	Spell  world.Spell
	Flags  map[string]bool // ATOP column name -> value, as in ATOPRowFlags
}

// ATOPFlags recovers, from the obligations of an imported ATOP treaty, the
// obligation and condition flags of every member row that carries at least
// one obligation — the inverse of the import, so that a test can check the
// mapping against the member file. Member rows without any obligation
// (protected parties of asymmetric pacts) produce no obligation and so no
// entry. Entries are sorted by member, phase and spell start.
func ATOPFlags(t *world.Treaty) []ATOPMemberPhase {
	codes := map[string]int{}
	for _, m := range t.Members {
		codes[m.State] = m.Code
	}
	type key struct {
		code, phase int
		spell       world.Spell
	}
	idx := map[key]int{}
	var out []ATOPMemberPhase
	for i := range t.Obligations {
		o := &t.Obligations[i]
		if len(o.Obligors) != 1 {
			continue
		}
		c, ok := codes[o.Obligors[0]]
		if !ok {
			c, _ = strconv.Atoi(o.Obligors[0])
		}
		k := key{c, o.ATOPPhase, o.During}
		j, ok := idx[k]
		if !ok {
			f := map[string]bool{}
			for _, col := range ATOPObligationFlags {
				f[col] = false
				for _, cf := range ATOPConditionFlags[col] {
					f[cf] = false
				}
			}
			f[ATOPOlimob] = false
			out = append(out, ATOPMemberPhase{Member: c, Phase: o.ATOPPhase, Spell: o.During, Flags: f})
			j = len(out) - 1
			idx[k] = j
		}
		f := out[j].Flags
		col := ""
		for name, kind := range atopKind {
			if kind == o.Kind {
				col = name
			}
		}
		f[col] = true
		pre := col[:3]
		cond := func(name string, v bool) {
			if v {
				f[pre+name] = true
			}
		}
		cond("coadv", len(o.Attacker.Named) > 0 || o.Attacker.Unspecified)
		cond("coloc", o.Scope.Unspecified)
		cond("conpr", o.NonProvocation)
		cond("coreq", o.RequiresRequest)
		for _, c := range o.Conditions {
			switch c.Kind {
			case "conflict":
				f[pre+"cocon"] = true
			case "number":
				f[pre+"conum"] = true
			case "demands":
				f[pre+"codem"] = true
			case "attacked":
				f[pre+"coatt"] = true
			case "other":
				f[ATOPOlimob] = true
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Member != b.Member {
			return a.Member < b.Member
		}
		if a.Phase != b.Phase {
			return a.Phase < b.Phase
		}
		return a.Spell.Start < b.Spell.Start
	})
	return out
}
