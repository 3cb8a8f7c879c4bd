package treaty

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/casus-dev/casus/world"
)

// The closed vocabularies of the format. treaty.schema.json lists the same
// values (a test keeps them equal).
var (
	Triggers = []world.Trigger{world.ArmedAttack, world.ThreatOfAttack, world.StateOfWar,
		world.Mobilization, world.AnyConflict, world.Always}
	Actions = []string{"military_assistance", "assistance", "consultation", "neutrality",
		"refrain_from_attack", "mobilize", "no_other_alliance"}
	Qualifiers = []string{"immediately", "all_means", "constitutional_processes",
		"as_deems_necessary", "un_charter_51", "national_laws", "whole_war_strength", "benevolent"}
	ConditionKinds = []string{"adversary", "location", "conflict", "number", "demands",
		"provocation", "attacked", "request", "aggression", "other"}
	// AdministeredBy values other than a state: the protected party, or any party.
	AdministeredByWords = []string{"beneficiary", "party"}
	// Term, renewal and provenance vocabularies (world.Term, world.Renewal).
	TermKinds    = []string{world.TermIndefinite, world.TermFixed, world.TermUntil, world.TermUntilAgreed}
	TermFrom     = []string{world.FromInForce, world.FromSignature}
	RenewalKinds = []string{world.RenewAutomatic, world.RenewByAgreement, world.RenewNone, world.RenewUnspecified}
	Tags         = []string{world.TagVerified, world.TagATOP, world.TagMemory, world.TagUncertain}
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Options tunes Validate.
type Options struct {
	// ATOPIDs, when non-nil, holds every ATOP alliance id; an atop_id not in
	// it is an error. Nil skips the check (ATOP not loaded).
	ATOPIDs map[int]bool
	// RequireInForce makes an empty in_force an error unless status is
	// "signed": the registry states whether each treaty is in force
	// rather than letting an unverified entry into force default to the
	// day of signature (which made treaties awaiting ratification look
	// binding). Users' files keep ATOP's convention: empty = from signature.
	RequireInForce bool
}

// Validate checks the facts of a parsed file against the world (states,
// places) and the rules of the format, and resolves every member's state
// into Member.Code. It returns every problem, one Error each.
func (f *File) Validate(w *world.World, opt Options) Errors {
	v := validator{f: f, w: w, t: f.Treaty}
	v.run(opt)
	return v.errs
}

type validator struct {
	f    *File
	w    *world.World
	t    *world.Treaty
	errs Errors
	// member codes, for obligors/protects
	members map[int]bool
}

func (v *validator) add(path, format string, args ...any) {
	v.errs = append(v.errs, v.f.errorf(path, format, args...))
}

// state resolves a state name at path; it reports an error and returns 0
// when the name does not identify exactly one state.
func (v *validator) state(path, q string) int {
	s, err := v.w.Resolve(q)
	if err != nil {
		var amb *world.AmbiguousError
		if errors.As(err, &amb) {
			v.add(path, "%v: write the COW abbreviation or code", err)
		} else {
			v.add(path, "unknown state %q: want a COW code (731), COW abbreviation (PRK), ISO3 code or name", q)
		}
		return 0
	}
	return s.Code
}

func (v *validator) run(opt Options) {
	t := v.t
	if t.ID == "" {
		v.add("id", "missing id: want a short lower-case id such as \"nato\" or \"rus-prk-2024\"")
	} else if !idPattern.MatchString(t.ID) {
		v.add("id", "want lower-case letters, digits and single hyphens (\"rus-prk-2024\"), got %q", t.ID)
	} else if strings.HasPrefix(t.ID, "atop-") {
		v.add("id", "%q: ids starting with \"atop-\" are reserved for the ATOP import; link ATOP with atop_id", t.ID)
	}
	if strings.TrimSpace(t.Title) == "" {
		v.add("title", "missing title: want the treaty's name")
	}
	if t.Signed == 0 && t.InForce == 0 {
		v.add("signed", "missing date: want signed and/or in_force (YYYY-MM-DD)")
	}
	if t.Signed != 0 && t.InForce != 0 && t.InForce < t.Signed {
		v.add("in_force", "%s is before the treaty was signed (%s)", t.InForce, t.Signed)
	}
	switch t.Status {
	case "":
		if opt.RequireInForce && t.InForce == 0 {
			v.add("in_force", "missing: want the day the treaty entered into force (with in_force_note when the day is approximate), or status: signed when it awaits ratification or no source confirms its entry into force")
		}
	case world.StatusSigned:
		if t.InForce != 0 {
			v.add("status", "\"signed\" means not in force, but in_force is %s: drop one of them", t.InForce)
		}
		if t.Signed == 0 {
			v.add("signed", "missing: a treaty with status: signed needs its date of signature")
		}
	default:
		v.add("status", "want \"signed\" (signed, not in force) or no status, got %q", t.Status)
	}
	if t.InForceNote != "" && t.InForce == 0 {
		v.add("in_force_note", "in_force_note without in_force: the note explains how in_force was dated")
	}
	start := t.InForce
	if start == 0 {
		start = t.Signed
	}
	if t.Ended != 0 && start != 0 && t.Ended < start {
		v.add("ended", "%s is before the treaty entered into force (%s)", t.Ended, start)
	}
	if t.ATOPID < 0 {
		v.add("atop_id", "want a positive ATOP id, got %d", t.ATOPID)
	} else if t.ATOPID != 0 && opt.ATOPIDs != nil && !opt.ATOPIDs[t.ATOPID] {
		v.add("atop_id", "ATOP 5.1 has no alliance %d: want an atopid from atop5_1a.csv", t.ATOPID)
	}
	if len(t.Members) == 0 {
		v.add("members", "no members: want at least two parties")
	}
	v.members = map[int]bool{}
	for i := range t.Members {
		v.member(i)
	}
	v.overlaps()
	if len(t.Obligations) == 0 {
		v.add("obligations", "no obligations: want at least one (an alliance without one is not a security treaty)")
	}
	for i := range t.Obligations {
		v.obligation(i)
	}
	for i, c := range t.Cooperation {
		p := fmt.Sprintf("cooperation[%d]", i)
		if c.Article == "" {
			v.add(p+".article", "missing article: want the article that creates the provision (\"Art. 10\")")
		}
		if len(c.Fields) == 0 {
			v.add(p+".fields", "no fields: want at least one tag (\"space\", \"nuclear_energy\")")
		}
	}
	v.term()
	for i, s := range t.Sources {
		if !strings.HasPrefix(s.URL, "http://") && !strings.HasPrefix(s.URL, "https://") {
			v.add(fmt.Sprintf("sources[%d].url", i), "want an http(s) URL, got %q", s.URL)
		}
	}
	for i, r := range t.Replaces {
		if !idPattern.MatchString(r) && !strings.HasPrefix(r, "atop-") {
			v.add(fmt.Sprintf("replaces[%d]", i), "want a treaty id, got %q", r)
		}
	}
}

func (v *validator) member(i int) {
	t := v.t
	m := &t.Members[i]
	p := fmt.Sprintf("members[%d]", i)
	if m.State == "" {
		v.add(p+".state", "missing state: want a COW abbreviation, code, ISO3 code or name")
	} else if c := v.state(p+".state", m.State); c != 0 {
		m.Code = c
		v.members[c] = true
	}
	if m.Signed != 0 && m.Joined != 0 && m.Joined < m.Signed {
		v.add(p+".joined", "%s is before the member signed (%s)", m.Joined, m.Signed)
	}
	if m.Joined != 0 && t.InForce != 0 && m.Joined < t.InForce {
		v.add(p+".joined", "%s is before the treaty entered into force (%s)", m.Joined, t.InForce)
	}
	if m.Signed != 0 && t.Signed != 0 && m.Signed < t.Signed {
		v.add(p+".signed", "%s is before the treaty was signed (%s)", m.Signed, t.Signed)
	}
	if t.Ended != 0 && m.Joined != 0 && m.Joined > t.Ended {
		v.add(p+".joined", "%s is after the treaty ended (%s)", m.Joined, t.Ended)
	}
	sp := m.Spell(t)
	if m.Exited != 0 && sp.Start != 0 && m.Exited < sp.Start {
		v.add(p+".exited", "%s is before the member joined (%s)", m.Exited, sp.Start)
	}
	for j, s := range m.Suspended {
		q := fmt.Sprintf("%s.suspended[%d]", p, j)
		if s.Start == 0 {
			v.add(q+".start", "missing start date of the suspension")
		}
		if s.End != 0 && s.End < s.Start {
			v.add(q+".end", "%s is before the suspension started (%s)", s.End, s.Start)
		}
		if s.Start != 0 && !sp.Contains(s.Start) {
			v.add(q+".start", "%s is outside the membership (%s to %s)", s.Start, sp.Start, openEnd(sp.End))
		}
		if s.By != "" {
			v.state(q+".by", s.By)
		}
	}
}

func openEnd(d world.Date) string {
	if d == 0 {
		return "open end"
	}
	return d.String()
}

// overlaps reports two membership spells of one state that share a day: a
// state that left and rejoined has two entries, one after the other.
func (v *validator) overlaps() {
	t := v.t
	for i := range t.Members {
		for j := i + 1; j < len(t.Members); j++ {
			a, b := &t.Members[i], &t.Members[j]
			if a.Code == 0 || a.Code != b.Code {
				continue
			}
			if a.Spell(t).Overlaps(b.Spell(t)) {
				name := b.State
				if s, ok := v.w.State(b.Code); ok && s.Abb != b.State {
					name = fmt.Sprintf("%s (%s)", b.State, s.Abb)
				}
				v.add(fmt.Sprintf("members[%d]", j), "membership of %s overlaps members[%d] (line %d): a state that left and rejoined needs exited on the first entry before the second starts",
					name, i, v.f.Line(fmt.Sprintf("members[%d]", i)))
			}
		}
	}
}

func oneOf[T ~string](x T, set []T) bool {
	for _, s := range set {
		if s == x {
			return true
		}
	}
	return false
}

func list[T ~string](set []T) string {
	s := make([]string, len(set))
	for i, x := range set {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}

func (v *validator) obligation(i int) {
	o := &v.t.Obligations[i]
	p := fmt.Sprintf("obligations[%d]", i)
	if strings.TrimSpace(o.Article) == "" {
		v.add(p+".article", "missing article: want the article that creates the obligation (\"Art. 5\")")
	}
	if !oneOf(o.Kind, world.Kinds) {
		v.add(p+".kind", "unknown kind %q: want one of %s", o.Kind, list(world.Kinds))
	}
	if !oneOf(o.Trigger, Triggers) {
		v.add(p+".trigger", "unknown trigger %q: want one of %s", o.Trigger, list(Triggers))
	}
	for j, s := range o.Obligors {
		q := fmt.Sprintf("%s.obligors[%d]", p, j)
		if c := v.state(q, s); c != 0 && !v.members[c] {
			v.add(q, "%s is not a member of the treaty: obligors must be listed in members", s)
		}
	}
	for j, s := range o.Protects {
		q := fmt.Sprintf("%s.protects[%d]", p, j)
		if c := v.state(q, s); c != 0 && !v.members[c] {
			v.add(q, "%s is not a member of the treaty: protects must be listed in members", s)
		}
	}
	if o.During.End != 0 && o.During.End < o.During.Start {
		v.add(p+".during.end", "%s is before the start of the spell (%s)", o.During.End, o.During.Start)
	}
	for j, s := range o.Attacker.Named {
		v.state(fmt.Sprintf("%s.attacker.named[%d]", p, j), s)
	}
	places := world.Places()
	for j, r := range o.Scope.Regions {
		if !places.HasRegion(r) {
			v.add(fmt.Sprintf("%s.scope.regions[%d]", p, j), "unknown region %q: want one of %s", r, strings.Join(places.RegionIDs(), ", "))
		}
	}
	for j, r := range o.Scope.ForcesRegions {
		if !places.HasRegion(r) {
			v.add(fmt.Sprintf("%s.scope.forces_regions[%d]", p, j), "unknown region %q: want one of %s", r, strings.Join(places.RegionIDs(), ", "))
		}
	}
	for j, name := range o.Scope.Territories {
		if _, ok := places.Place(name); ok {
			continue
		}
		if _, err := v.w.Resolve(name); err == nil {
			continue
		}
		v.add(fmt.Sprintf("%s.scope.territories[%d]", p, j), "unknown place %q: want a place of world/places.yaml or a state", name)
	}
	if a := o.Scope.AdministeredBy; a != "" && !oneOf(a, AdministeredByWords) {
		if _, err := v.w.Resolve(a); err != nil {
			v.add(p+".scope.administered_by", "want beneficiary, party or a state, got %q", a)
		}
	}
	if o.MinAttackers < 0 {
		v.add(p+".min_attackers", "want a positive number, got %d", o.MinAttackers)
	}
	for j, c := range o.Conditions {
		if !oneOf(c.Kind, ConditionKinds) {
			v.add(fmt.Sprintf("%s.conditions[%d].kind", p, j), "unknown condition kind %q: want one of %s", c.Kind, strings.Join(ConditionKinds, ", "))
		}
	}
	if !oneOf(o.Response.Action, Actions) {
		v.add(p+".response.action", "unknown response action %q: want one of %s", o.Response.Action, strings.Join(Actions, ", "))
	}
	for j, q := range o.Response.Qualifiers {
		if !oneOf(q, Qualifiers) {
			v.add(fmt.Sprintf("%s.response.qualifiers[%d]", p, j), "unknown qualifier %q: want one of %s", q, strings.Join(Qualifiers, ", "))
		}
	}
}

// provenance checks the tag and source of one of term, renewal, notice.
func (v *validator) provenance(p, tag, source string) {
	switch {
	case tag == "":
		v.add(p+".tag", "missing provenance tag: want V (checked against source), D (read off ATOP), M (from memory) or U (uncertain)")
	case strings.Trim(tag, "[]") != tag && oneOf(strings.Trim(tag, "[]"), Tags):
		v.add(p+".tag", "write the letter without brackets: tag: %s, got %q", strings.Trim(tag, "[]"), tag)
	case !oneOf(tag, Tags):
		v.add(p+".tag", "want V (checked against source), D (read off ATOP), M (from memory) or U (uncertain), got %q", tag)
	case tag == world.TagVerified && source == "":
		v.add(p+".source", "missing: tag V (checked) needs the URL of the page it was checked against")
	case tag == world.TagATOP && v.t.ATOPID == 0:
		v.add(p+".tag", "D (read off ATOP) needs the treaty's atop_id")
	}
	if source != "" && !strings.HasPrefix(source, "http://") && !strings.HasPrefix(source, "https://") {
		v.add(p+".source", "want an http(s) URL, got %q", source)
	}
}

// term checks term, renewal and notice: closed vocabularies, numbers that
// fit the kind, and a provenance tag on each.
func (v *validator) term() {
	t := v.t
	if tm := t.Term; tm != nil {
		switch tm.Kind {
		case world.TermFixed:
			if tm.Years <= 0 {
				v.add("term.years", "a fixed term needs years, a whole number above 0, got %d", tm.Years)
			}
		case world.TermIndefinite, world.TermUntil, world.TermUntilAgreed:
			what := map[string]string{world.TermIndefinite: "an indefinite term", world.TermUntil: "a term until a condition",
				world.TermUntilAgreed: "a term until the parties agree to end it"}[tm.Kind]
			if tm.Years != 0 {
				v.add("term.years", "%s has no years: drop years, or write kind: fixed", what)
			}
			if tm.From != "" {
				v.add("term.from", "%s is not counted from a day: drop from, or write kind: fixed", what)
			}
			if tm.Kind == world.TermUntil && strings.TrimSpace(tm.Note) == "" {
				v.add("term.note", "missing: a term until a condition needs the note saying which condition")
			}
		case "":
			v.add("term.kind", "missing kind: want indefinite, fixed, until_condition or until_agreement")
		default:
			v.add("term.kind", "unknown term kind %q: want indefinite, fixed, until_condition or until_agreement", tm.Kind)
		}
		if tm.From != "" && tm.Kind == world.TermFixed && !oneOf(tm.From, TermFrom) {
			v.add("term.from", "want in_force or signature (the day the term is counted from), got %q", tm.From)
		}
		v.provenance("term", tm.Tag, tm.Source)
	}
	if r := t.Renewal; r != nil {
		switch {
		case r.Kind == "":
			v.add("renewal.kind", "missing kind: want one of %s", strings.Join(RenewalKinds, ", "))
		case !oneOf(r.Kind, RenewalKinds):
			v.add("renewal.kind", "unknown renewal kind %q: want one of %s", r.Kind, strings.Join(RenewalKinds, ", "))
		case r.Years < 0:
			v.add("renewal.years", "want a whole number above 0, got %d", r.Years)
		case r.Years != 0 && (r.Kind == world.RenewNone || r.Kind == world.RenewUnspecified):
			v.add("renewal.years", "renewal %s has no length: drop years, or write automatic or by_agreement", r.Kind)
		case t.Term != nil && t.Term.Kind != world.TermFixed && oneOf(t.Term.Kind, TermKinds) && r.Kind != world.RenewNone:
			v.add("renewal.kind", "%s renewal, but the term is %s (line %d): only a fixed term has something to renew", r.Kind, t.Term.Kind, v.f.Line("term.kind"))
		}
		v.provenance("renewal", r.Tag, r.Source)
	}
	if n := t.Notice; n != nil {
		if t.Term != nil && t.Term.Kind == world.TermUntilAgreed {
			// Art. VII of China–DPRK: only a joint decision ends it, so
			// a notice block would contradict the term.
			v.add("notice", "the term is until_agreement (line %d): no party may leave alone, so there is no notice; drop notice, or change term.kind", v.f.Line("term.kind"))
		}
		if n.Months < 0 {
			v.add("notice.months", "want the notice period in months, a whole number above 0, got %d", n.Months)
		}
		if n.AfterYears < 0 {
			v.add("notice.after_years", "want the years in force before notice may be given, a whole number above 0, got %d", n.AfterYears)
		}
		if n.Months == 0 && strings.TrimSpace(n.Note) == "" {
			v.add("notice", "neither months nor note: want the notice period (months: 12), or a note saying what the sources say")
		}
		v.provenance("notice", n.Tag, n.Source)
	}
}
