package world

// Kind is an obligation type in ATOP's vocabulary.
type Kind string

const (
	Defense       Kind = "defense"
	Offense       Kind = "offense"
	Neutrality    Kind = "neutrality"
	Nonaggression Kind = "nonaggression"
	Consultation  Kind = "consultation"
)

// Kinds lists every obligation kind in ATOP's column order.
var Kinds = []Kind{Defense, Offense, Neutrality, Nonaggression, Consultation}

// Trigger is the event that makes an obligation fall due.
type Trigger string

const (
	ArmedAttack    Trigger = "armed_attack"     // an armed attack on a protected party
	ThreatOfAttack Trigger = "threat_of_attack" // a threat of attack / aggression
	StateOfWar     Trigger = "state_of_war"     // a protected party is at war (however it began)
	Mobilization   Trigger = "mobilization"     // a named state or group mobilizes
	AnyConflict    Trigger = "any_conflict"     // neutrality / nonaggression: whenever the party is in a conflict
	Always         Trigger = "always"           // standing obligations (nonaggression between members)
)

// Source says where a treaty record comes from.
const (
	FromRegistry = "registry" // the built-in registry (treaty/registry/*.yaml)
	FromATOP     = "atop"     // imported from ATOP 5.1
	FromUser     = "user"     // a user's --treaties file
)

// Treaty is an international agreement with security obligations. The same
// type holds registry treaties, ATOP alliances and users' files.
type Treaty struct {
	ID        string `json:"id" yaml:"id"` // "rus-prk-2024"; ATOP imports are "atop-3180"
	Title     string `json:"title" yaml:"title"`
	Short     string `json:"short,omitempty" yaml:"short,omitempty"`
	Source    string `json:"source" yaml:"-"`         // FromRegistry, FromATOP or FromUser
	File      string `json:"file,omitempty" yaml:"-"` // file it was read from
	Signed    Date   `json:"signed,omitempty" yaml:"signed,omitempty"`
	InForce   Date   `json:"in_force,omitempty" yaml:"in_force,omitempty"`
	Ended     Date   `json:"ended,omitempty" yaml:"ended,omitempty"`
	EndReason string `json:"end_reason,omitempty" yaml:"end_reason,omitempty"`
	// Status is StatusSigned for a treaty signed but not in force (awaiting
	// ratification, or no source confirms its entry into force): it is
	// listed and shown, and engines report it as not yet in force, never
	// as binding. Empty means InForce says when it entered into force.
	Status string `json:"status,omitempty" yaml:"status,omitempty"`
	// InForceNote says how InForce was dated when the exact day is not
	// published ("December 2021; casus counts from the last day of the
	// month"), so an approximate date is never mistaken for a verified one.
	InForceNote string `json:"in_force_note,omitempty" yaml:"in_force_note,omitempty"`
	// EndSource backs Ended when it comes from a source other than the
	// treaty's own record (an ATOP alliance that ended after ATOP's
	// coverage, from the table in package treaty).
	EndSource string `json:"end_source,omitempty" yaml:"-"`
	// Names are the names people search for ("Warsaw Pact"), for ATOP
	// imports from the sourced names table in package treaty.
	Names []string `json:"names,omitempty" yaml:"-"`
	// LegallyBinding is false for political commitments (Camp David 2023):
	// they are reported but never as binding obligations.
	LegallyBinding *bool `json:"legally_binding,omitempty" yaml:"legally_binding,omitempty"`
	// TextUnpublished marks a treaty whose text is not public (Saudi
	// Arabia–Pakistan 2025): what the published statements settle is
	// decided, the rest stays open, and every status carries the flag.
	TextUnpublished bool         `json:"text_unpublished,omitempty" yaml:"text_unpublished,omitempty"`
	ATOPID          int          `json:"atop_id,omitempty" yaml:"atop_id,omitempty"`
	Members         []Member     `json:"members" yaml:"members"`
	Obligations     []Obligation `json:"obligations" yaml:"obligations"`
	// Cooperation tags non-military provisions so they can be searched
	// (Russia–DPRK Art. 10: space, biology, peaceful nuclear energy, ...).
	Cooperation []Cooperation `json:"cooperation,omitempty" yaml:"cooperation,omitempty"`
	// Term, Renewal and Notice say how long the treaty runs, how it is
	// renewed and how a party leaves it, each as a fact with its own
	// provenance tag and source; nil = the file does not say (for an ATOP
	// import, compare falls back to ATOP's coded duration).
	Term    *Term       `json:"term,omitempty" yaml:"term,omitempty"`
	Renewal *Renewal    `json:"renewal,omitempty" yaml:"renewal,omitempty"`
	Notice  *Notice     `json:"notice,omitempty" yaml:"notice,omitempty"`
	Sources []Reference `json:"sources,omitempty" yaml:"sources,omitempty"`
	Notes   string      `json:"notes,omitempty" yaml:"notes,omitempty"`
	// Replaces and ReplacedBy link successive instruments by id.
	Replaces   []string `json:"replaces,omitempty" yaml:"replaces,omitempty"`
	ReplacedBy string   `json:"replaced_by,omitempty" yaml:"replaced_by,omitempty"`
	// SupersededBy is set on an ATOP import when a registry treaty links the
	// same ATOP id: the registry's article-level detail wins, so engines
	// evaluate the registry treaty and skip this one (`casus treaty diff`
	// shows the differences).
	SupersededBy string `json:"superseded_by,omitempty" yaml:"-"`
}

// StatusSigned marks a treaty signed but not in force (Treaty.Status).
const StatusSigned = "signed"

// Provenance tags of the term fields, the letters the registry's notes use
// in brackets: checked against the cited source, read off ATOP, from
// memory, uncertain.
const (
	TagVerified  = "V"
	TagATOP      = "D"
	TagMemory    = "M"
	TagUncertain = "U"
)

// Term kinds and the day a fixed term is counted from.
const (
	TermIndefinite = "indefinite" // no end date: runs until the parties end it or leave
	TermFixed      = "fixed"      // runs Years, then ends or is renewed (Renewal)
	// TermUntil: runs until an event the text names happens (US–Japan
	// Art. X: until both governments judge UN arrangements adequate);
	// ATOP's SPECLGTH 2. Note says which event.
	TermUntil = "until_condition"
	// TermUntilAgreed: runs until the parties agree to end it, and no
	// party may leave alone (China–DPRK 1961 Art. VII). It rules out a
	// notice period, so a file with this kind has no notice block.
	TermUntilAgreed = "until_agreement"

	FromInForce   = "in_force"
	FromSignature = "signature"
)

// Renewal kinds.
const (
	RenewAutomatic   = "automatic"    // extends itself unless a party gives notice
	RenewByAgreement = "by_agreement" // extends only if the parties agree to
	RenewNone        = "none"         // the text rules renewal out
	RenewUnspecified = "unspecified"  // the sources say it is renewable but not how
)

// Term is how long the treaty runs. A term is a fact like any other in a
// treaty file: Tag says how it is known (TagVerified needs Source, the page
// it was checked against).
type Term struct {
	Kind    string `json:"kind" yaml:"kind"`                       // TermIndefinite, TermFixed, TermUntil or TermUntilAgreed
	Years   int    `json:"years,omitempty" yaml:"years,omitempty"` // fixed terms only
	From    string `json:"from,omitempty" yaml:"from,omitempty"`   // FromInForce or FromSignature; empty = not stated
	Article string `json:"article,omitempty" yaml:"article,omitempty"`
	Note    string `json:"note,omitempty" yaml:"note,omitempty"`
	Tag     string `json:"tag" yaml:"tag"`
	Source  string `json:"source,omitempty" yaml:"source,omitempty"`
}

// Renewal is what happens when a fixed term runs out.
type Renewal struct {
	Kind    string `json:"kind" yaml:"kind"`                       // RenewAutomatic, RenewByAgreement, RenewNone, RenewUnspecified
	Years   int    `json:"years,omitempty" yaml:"years,omitempty"` // length of each renewal
	Article string `json:"article,omitempty" yaml:"article,omitempty"`
	Note    string `json:"note,omitempty" yaml:"note,omitempty"`
	Tag     string `json:"tag" yaml:"tag"`
	Source  string `json:"source,omitempty" yaml:"source,omitempty"`
}

// Notice is how a party leaves (or ends) the treaty: the notice it must
// give, and how long the treaty must have been in force before it may.
type Notice struct {
	Months     int    `json:"months,omitempty" yaml:"months,omitempty"`           // the notice period; 0 = not stated (Note says what is known)
	AfterYears int    `json:"after_years,omitempty" yaml:"after_years,omitempty"` // notice only once the treaty has been in force this long
	Article    string `json:"article,omitempty" yaml:"article,omitempty"`
	Note       string `json:"note,omitempty" yaml:"note,omitempty"`
	Tag        string `json:"tag" yaml:"tag"`
	Source     string `json:"source,omitempty" yaml:"source,omitempty"`
}

// Binding reports whether the treaty is a legally binding instrument.
func (t *Treaty) Binding() bool { return t.LegallyBinding == nil || *t.LegallyBinding }

// Member is one party's participation spell in a treaty. A state that left
// and rejoined has two Member entries.
type Member struct {
	State string `json:"state" yaml:"state"` // as written: COW abbreviation, code, ISO3 or name
	Code  int    `json:"ccode" yaml:"-"`     // resolved COW code
	// Signed is the day the party signed the treaty or its accession
	// protocol (ATOP dates membership from this day).
	Signed Date `json:"signed,omitempty" yaml:"signed,omitempty"`
	// Joined is the day the treaty entered into force for this party
	// (deposit of the instrument); obligations run from this day, inclusive.
	Joined Date `json:"joined,omitempty" yaml:"joined,omitempty"`
	Exited Date `json:"exited,omitempty" yaml:"exited,omitempty"`
	// Suspended lists spells in which the party's participation is frozen
	// or the obligations toward it suspended (Armenia in the CSTO, New
	// Zealand in ANZUS).
	Suspended []Suspension `json:"suspended,omitempty" yaml:"suspended,omitempty"`
	Note      string       `json:"note,omitempty" yaml:"note,omitempty"`
}

// Suspension is a spell in which a member's obligations (or others'
// obligations toward it) do not operate.
type Suspension struct {
	Start  Date   `json:"start" yaml:"start"`
	End    Date   `json:"end,omitempty" yaml:"end,omitempty"`
	By     string `json:"by,omitempty" yaml:"by,omitempty"` // who suspended (e.g. USA toward NZL); empty = the member itself
	Note   string `json:"note,omitempty" yaml:"note,omitempty"`
	Source string `json:"source,omitempty" yaml:"source,omitempty"`
}

// Spell returns the suspension as a Spell.
func (s Suspension) Spell() Spell { return Spell{s.Start, s.End} }

// Obligation is one promise a treaty article creates.
type Obligation struct {
	Article string  `json:"article" yaml:"article"` // "Art. 4", "Art. V", "ATOP defense" for imports
	Kind    Kind    `json:"kind" yaml:"kind"`
	Trigger Trigger `json:"trigger" yaml:"trigger"`
	// Obligors are the parties that owe the obligation; empty = every member.
	Obligors []string `json:"obligors,omitempty" yaml:"obligors,omitempty"`
	// Protects are the parties it is owed to; empty = every other member.
	Protects []string `json:"protects,omitempty" yaml:"protects,omitempty"`
	// During limits the obligation to a spell inside the treaty's life
	// (ATOP phases, an article added by protocol); zero = the whole treaty.
	During Spell `json:"during,omitempty" yaml:"during,omitempty"`
	// Attacker restricts who the attacker must be.
	Attacker AttackerCondition `json:"attacker,omitempty" yaml:"attacker,omitempty"`
	// Scope restricts where the attack must happen.
	Scope Scope `json:"scope,omitempty" yaml:"scope,omitempty"`
	// RequiresStateOfWar: the protected party must be in a state of war as a
	// result of the attack (Russia–DPRK Art. 4, China–DPRK Art. II).
	RequiresStateOfWar bool `json:"requires_state_of_war,omitempty" yaml:"requires_state_of_war,omitempty"`
	// NonProvocation: the protected party must not have provoked the attack
	// (Triple Alliance "without direct provocation").
	NonProvocation bool `json:"non_provocation,omitempty" yaml:"non_provocation,omitempty"`
	// MinAttackers: the number of attacking states (or Great Powers, with
	// AttackersMajor) required (Triple Alliance Art. III: two).
	MinAttackers   int  `json:"min_attackers,omitempty" yaml:"min_attackers,omitempty"`
	AttackersMajor bool `json:"attackers_major,omitempty" yaml:"attackers_major,omitempty"`
	// RequiresRequest: the obligation operates only at the request of a
	// party (CSTO Art. 4, Russia–DPRK Art. 3).
	RequiresRequest bool `json:"requires_request,omitempty" yaml:"requires_request,omitempty"`
	// ExternalOnly: only an attack from outside counts (US understanding to
	// the US–ROK treaty: no obligation if the ROK is the initiator).
	ExternalOnly bool `json:"external_only,omitempty" yaml:"external_only,omitempty"`
	// Conditions are further conditions, some of them flagged by a source
	// but not specified; the engine treats an unspecified condition as open
	// (contingent), never as met.
	Conditions []Condition `json:"conditions,omitempty" yaml:"conditions,omitempty"`
	Response   Response    `json:"response" yaml:"response"`
	// Text is a short paraphrase of the article (our words, not a quote).
	Text   string `json:"text,omitempty" yaml:"text,omitempty"`
	Source string `json:"source,omitempty" yaml:"source,omitempty"` // URL backing this article
	// ATOPPhase is set on ATOP imports only: the alliance phase (ATOP's
	// PHASE column, 0 for single-phase alliances) of the member row the
	// obligation comes from. Successor-state phases can share one spell
	// (atopid 4070 phases 2 and 3 both start 1993-01-01), so During alone
	// does not identify the row. Not part of the file format.
	ATOPPhase int `json:"atop_phase,omitempty" yaml:"-"`
}

// AttackerCondition restricts the attacker. The zero value means any state.
type AttackerCondition struct {
	NonMember bool     `json:"non_member,omitempty" yaml:"non_member,omitempty"` // the attacker must not be a party
	Named     []string `json:"named,omitempty" yaml:"named,omitempty"`           // the attacker must be one of these states
	// Except names states whose attack the article does not cover (Dual
	// Alliance Art. II: an attack by "another power" than Russia, whose
	// attack falls under Art. I instead).
	Except []string `json:"except,omitempty" yaml:"except,omitempty"`
	// Group names a class ("communist", "great_power") that the engine
	// cannot decide alone: it makes the result contingent unless resolved.
	Group       string `json:"group,omitempty" yaml:"group,omitempty"`
	Unspecified bool   `json:"unspecified,omitempty" yaml:"unspecified,omitempty"` // a source flags a restriction without saying which
	Text        string `json:"text,omitempty" yaml:"text,omitempty"`
}

// Scope restricts where an attack must happen. The zero value means anywhere.
type Scope struct {
	// Regions names regions from the places table (world.Regions): the
	// attack must be on a location in one of them.
	Regions []string `json:"regions,omitempty" yaml:"regions,omitempty"`
	// Territories names states or places that are covered in addition.
	Territories []string `json:"territories,omitempty" yaml:"territories,omitempty"`
	// AdministeredBy restricts to territory under the administration of the
	// protected party ("beneficiary"), of a named state, or of any party
	// ("party").
	AdministeredBy string `json:"administered_by,omitempty" yaml:"administered_by,omitempty"`
	// Forces is true when attacks on the parties' forces, vessels or
	// aircraft in the scope also count; ForcesRegions names further regions
	// where only forces are covered (NATO Art. 6: the Mediterranean).
	Forces        bool     `json:"forces,omitempty" yaml:"forces,omitempty"`
	ForcesRegions []string `json:"forces_regions,omitempty" yaml:"forces_regions,omitempty"`
	Unspecified   bool     `json:"unspecified,omitempty" yaml:"unspecified,omitempty"`
	// HomeTerritory: whatever else the scope is, it covers an attack on
	// the protected party's home territory (a pact "against either
	// country" whose text is unpublished). With Unspecified, other places
	// stay open.
	HomeTerritory bool   `json:"home_territory,omitempty" yaml:"home_territory,omitempty"`
	Text          string `json:"text,omitempty" yaml:"text,omitempty"`
}

// Anywhere reports whether the scope places no geographic restriction.
func (s Scope) Anywhere() bool {
	return len(s.Regions) == 0 && len(s.Territories) == 0 && s.AdministeredBy == "" && !s.Unspecified && !s.HomeTerritory
}

// Condition is a further condition on an obligation.
type Condition struct {
	// Kind names the condition in ATOP's terms where one fits: adversary,
	// location, conflict, number, demands, provocation, attacked, request,
	// or "other"; "aggression" marks a trigger worded as aggression, which
	// an armed attack meets and a threat or coercion may or may not.
	Kind        string `json:"kind" yaml:"kind"`
	Text        string `json:"text,omitempty" yaml:"text,omitempty"`
	Unspecified bool   `json:"unspecified,omitempty" yaml:"unspecified,omitempty"`
}

// Response is what the obligor must do.
type Response struct {
	// Action: military_assistance, assistance (kind unspecified),
	// consultation, neutrality, refrain_from_attack, mobilize,
	// no_other_alliance.
	Action string `json:"action" yaml:"action"`
	// Qualifiers: immediately, all_means, constitutional_processes,
	// as_deems_necessary, un_charter_51, national_laws, whole_war_strength,
	// benevolent.
	Qualifiers []string `json:"qualifiers,omitempty" yaml:"qualifiers,omitempty"`
	Text       string   `json:"text,omitempty" yaml:"text,omitempty"`
}

// Cooperation is a non-military provision, tagged for search.
type Cooperation struct {
	Article string   `json:"article" yaml:"article"`
	Fields  []string `json:"fields" yaml:"fields"`
	Text    string   `json:"text,omitempty" yaml:"text,omitempty"`
}

// Reference is a source backing a fact in a treaty file.
type Reference struct {
	URL   string `json:"url" yaml:"url"`
	Title string `json:"title,omitempty" yaml:"title,omitempty"`
	Note  string `json:"note,omitempty" yaml:"note,omitempty"`
}

// InForceOn reports whether the treaty as a whole is in force on d. A
// treaty with Status StatusSigned is never in force. An empty InForce
// counts from signature: ATOP's convention for its imports (ATOP does not
// code ratification); registry files must give in_force or status.
func (t *Treaty) InForceOn(d Date) bool {
	if t.Status == StatusSigned {
		return false
	}
	start := t.InForce
	if start == 0 {
		start = t.Signed
	}
	return Spell{start, t.Ended}.Contains(d)
}

// PendingOn reports whether the treaty is signed on or before d but not
// yet in force on d: awaiting ratification (Status StatusSigned), or
// entering into force later than d.
func (t *Treaty) PendingOn(d Date) bool {
	if t.Signed == 0 || t.Signed > d {
		return false
	}
	return t.Status == StatusSigned || (t.InForce != 0 && t.InForce > d)
}

// MemberOn returns the member entry of state code in force on d, if any.
func (t *Treaty) MemberOn(code int, d Date) (*Member, bool) {
	for i := range t.Members {
		m := &t.Members[i]
		if m.Code != code {
			continue
		}
		if m.Spell(t).Contains(d) {
			return m, true
		}
	}
	return nil, false
}

// Spell returns the days on which the treaty is in force for the member:
// from Joined (or, failing that, the later of the treaty's entry into
// force and the member's signature: a state that signed after the treaty
// took effect is not bound before it signed) to Exited (or the treaty's
// end).
func (m *Member) Spell(t *Treaty) Spell {
	start := m.Joined
	if start == 0 {
		start = t.InForce
		if m.Signed > start {
			start = m.Signed
		}
	}
	if start == 0 {
		start = t.Signed
	}
	end := m.Exited
	if end == 0 || (t.Ended != 0 && t.Ended < end) {
		if t.Ended != 0 {
			end = t.Ended
		}
	}
	return Spell{start, end}
}

// SuspendedOn returns the suspension of the member that covers d, if any.
func (m *Member) SuspendedOn(d Date) (*Suspension, bool) {
	for i := range m.Suspended {
		if m.Suspended[i].Spell().Contains(d) {
			return &m.Suspended[i], true
		}
	}
	return nil, false
}
