// Package obligation is casus's casus-foederis engine: given a scenario (a
// date, events such as armed attacks, threats, declarations of war,
// mobilizations and requests, and explicit assumptions) it says, for every
// treaty obligation in force that the events touch, whether it is binding,
// contingent or not triggered, and why; it runs the cascade of entries into
// the war round by round, reports conflicts, the two sides and their
// capability balance, and, with a probability of honouring obligations,
// the Monte-Carlo distribution of outcomes. Guarantees answers who must
// defend a state and whom it must defend.
//
// The engine reads a frozen *world.World and never changes it; an Engine
// (New, For) indexes the treaties by member and is safe for concurrent use.
//
// # Scenario format
//
// YAML (JSON is accepted: it is YAML). obligation/scenario.schema.json is
// the JSON Schema.
//
//	date: 2025-06-01                # default date of every event
//	title: optional text
//	events:
//	  - armed_attack: {by: [ROK], on: PRK, at: PRK, target: territory,
//	                   date: 2025-06-01, provoked_by_protected_party: false,
//	                   state_of_war: true}
//	  - threat:       {by: PRK, on: ROK}
//	  - war:          {declared_by: GMY, on: RUS, date: 1914-08-01,
//	                   provoked_by_protected_party: false}
//	  - mobilization: {by: AUH, general: true, date: 1914-07-31}
//	  - request:      {by: ARM, treaty: csto}
//	  - coercion:     {by: CHN, on: PHI, at: Second Thomas Shoal}
//	assume: {entry_counts_as_attack: false, honour: all, runs: 1000, seed: 1, nmc: "7.0"}
//	rounds: 1                       # optional: stop the cascade after round 1
//
// States are COW abbreviations, codes, ISO3 codes or names (world.Resolve).
// at is a place of the places table (Guam), a region id (mediterranean) or
// a state (its home territory; the default is the victim's). Declaring war
// counts as attacking. state_of_war: false marks a limited clash that does
// not put the victim in a state of war. general defaults to false (a
// partial mobilization leaves a mobilization clause contingent). honour is
// all, none or a probability; with a probability the report adds the
// Monte-Carlo summary of runs seeded cascades. Problems are *Error values
// (file:line: field "x": want ..., got ...), BadInput: exit code 2.
//
// # Places and scope
//
// Where an attack happens is a state's home territory (its state_regions in
// world/places.yaml), a place (Guam, Okinawa, the Senkaku Islands, Crimea,
// with sovereign, administrator and regions of its own: a place does not
// inherit its sovereign's regions, which is how Hawaii and Guam fall outside
// NATO Art. 6 while Alaska is inside) or a region id (a sea area, for
// attacks on forces, vessels or aircraft). An article's scope holds when
// the location lies in one of its regions or is one of its territories,
// when forces are hit in one of its forces-only regions, and, if it says
// administered_by, when the administrator is the protected party, a party
// or the named state (US–Japan Art. V: JPN). A place's uncertain_regions
// (Guam for the Rio Treaty, the Black Sea for NATO's Mediterranean) make
// the result contingent, as does a place whose administration is contested
// (the Northern Limit Line waters) under an administered_by scope, and a
// scope ATOP flags without saying where.
//
// A scope with home_territory covers an attack on the protected party's
// own home territory whatever else it says (Saudi Arabia–Pakistan 2025:
// "aggression against either country"); with unspecified, other places
// stay open. A condition of kind aggression is met by an armed attack and
// leaves a threat or coercion open, instead of failing it as below the
// armed-attack threshold: what the published facts settle is decided,
// only what they leave unknown stays open.
//
// Some regions cover only part of a state's home territory (the
// partial_regions of world/places.yaml: the Pacific area and the US, Europe
// and Russia or Turkey). An attack on the state's home territory with no
// place named (at: USA, or a cascade strike) under a scope naming such a
// region, and no region or territory of the scope covering the whole, is
// contingent: "holds if the attack is in the Pacific area; name a place
// (Alaska, US West Coast)". A place that is part of the home territory
// (home: true: the US West Coast, the continental US away from the Pacific)
// settles it.
//
// # Statuses and reasons
//
// An obligation is in force on a date when the treaty is (entry into force,
// or signature for ATOP imports) and both parties' membership is, the day of
// entry into force or deposit included. Its status is
//
//   - binding: every condition holds;
//   - contingent: every condition holds or is open, and Open names each
//     open fact ("a request for assistance by ARM", "the attack is in the
//     area the treaty names (ATOP flags a location condition but not
//     where)", an unspecified ATOP condition, a contested region);
//   - not_triggered: Reason names every failing condition (treaty not yet
//     in force, party not yet joined or already left, participation
//     suspended or frozen, the protected party is the attacker, the
//     attacker is a party or not the named adversary, too few attackers,
//     provocation, not a state of war, below the armed-attack threshold,
//     wrong location, a counter-strike while entry_counts_as_attack is
//     false);
//   - non_binding: a political commitment (legally_binding: false), listed
//     as consultation and never binding;
//   - breached: the obligor breaks the obligation by its own act in the
//     scenario: it attacks (other than by a counter-strike) a state it is
//     bound to defend, not to attack or to stay neutral toward, or did so
//     earlier in the scenario. A breached obligation never brings the
//     obligor in on the beneficiary's side and is counted apart. Any other
//     pledge owed to the victim does not bind its attacker (not_triggered).
//
// Every pledge conditional on the partner being attacked (an armed-attack
// trigger, ATOP's NEUCOATT neutrality) follows one rule for all parties: a
// counter-strike on the side that attacked first is an attack on it only
// with entry_counts_as_attack. A victim owes its attacker no neutrality.
// No pledge brings a state into a war against itself: an offence,
// neutrality or state-of-war pledge owed to a partner that strikes the
// obligor is not triggered, and neither is a defence or offence pledge
// owed to the partner the obligor strikes back.
// A binding neutrality pledge toward a partner the same obligor is bound to
// fight for is flagged subsumed_by_defense: neutrality (ATOP: not aiding
// the partner's adversaries) is fulfilled by defending it.
//
// ATOP imports that a registry treaty supersedes (SupersededBy) are skipped;
// for the other ATOP imports only pairs whose membership covers the date are
// listed, since ATOP dates memberships from signature.
//
// # Cascade
//
// Side 1 began the war, side 2 was attacked. A binding defence or offence
// obligation with a military response brings its obligor onto the protected
// party's side on the day it falls due (if it honours it); the next round
// it strikes the protected party's attackers, and in round 2 every victim
// strikes back. Generated strikes hit the target's home territory (so a
// strike on the USA is in North America, inside NATO Art. 6); put a
// scenario event with an explicit at to model another target. A strike on
// a state not yet at war (one that has neither struck nor been struck; a
// state whose obligation has fallen due but that has not acted yet is not
// at war) is a fresh armed attack whatever the switch says. A strike on a
// state that attacked the striker's side first (other than by a
// counter-strike) is a counter-strike, and so is any strike by side 2 on
// side 1: the victim's retaliation or an ally's entry. A counter-strike
// is an armed attack on its target only with
// entry_counts_as_attack: true (then flagged initiator_is_protected_party,
// and failing a non-provocation clause). Rounds run until no one enters,
// or until the scenario's rounds limit (rounds: N, casus scenario --rounds
// N; at most MaxRounds): the acts of rounds 1..N are judged, the
// obligations that fall due in round N are reported (their obligors listed
// as pending_entries) but no one enters in round N+1, so the sides and the
// balance hold the states at war by then. rounds: 1 gives each obligation
// its status against the scenario's own events, which is what casus
// reliability scores. Without a limit each obligation's status is its
// best over the rounds, and status_by_round keeps the steps when a later
// round raised it.
// A state bound to both sides is reported as a conflict and stays where it
// is. A state bound to defend a victim against a state toward which it
// has a neutrality or non-aggression pledge is a conflict only when that
// pledge binds too, judged against the entrant's own strike: a pledge
// conditional on the partner being attacked does not bind against a
// counter-strike, and defending the victim of a state's own first strike
// is collective self-defence, which a promise not to attack that state
// does not forbid. Conflicts are reported only between obligations that
// both bind. A state whose obligation falls due in round n enters (joins
// its side, strikes) in round n+1, in the rounds and the sides alike.
//
// # JSON contract (--format json)
//
// The report is one object. Lists are arrays, never null (an empty list
// is []); scenario.title, open[], qualifiers[], flags[], notes[] and
// missing are left out when empty, monte_carlo when not asked for. The
// scenario's file name is in the text reports only, so a scenario answers
// the same JSON from any file and from the HTTP API.
//
//	scenario     {title, date, events[] (one line each), assume,
//	             rounds_limit (the scenario's rounds; left out without one)}
//	shown_run    (honour strictly between 0 and 1) {run (0), runs, seed,
//	             honour, not_entered[] (states bound to fight that stayed
//	             out of this run), note}: rounds, sides, summary.sides and
//	             balance are this run of the seeded series; monte_carlo
//	             gives every run. The note is also in notes[].
//	summary      the answer, grouped (summary.go): {counts {fight, act,
//	             consult, contingent, non_binding, breached, not_bound,
//	             neutral} (distinct obligor states per list: defence and
//	             consultation apart), fight[], act[], consult[],
//	             contingent[], non_binding[], breached[], not_bound[],
//	             neutral[], sides [[side 1 codes], [side 2 codes]]}. Each
//	             list holds groups {treaty, treaty_title, source, article,
//	             kind, status, obligors[], beneficiaries[], response,
//	             qualifiers[], reason, open[], flags[]}: one treaty article,
//	             status and reason each (a reason shared by 31 members is
//	             one group; former parties share "former parties: ..."). fight
//	             = binding defence/offence that brings the obligor in; act =
//	             other binding duties (mobilize); not_bound = defence and
//	             offence pledges the events touch that do not apply (other
//	             kinds that do not apply are only in obligations[]); neutral
//	             = binding neutrality of states not fighting. Groups for the
//	             attacked side come first. unprotected[] (unprotected.go):
//	             one entry per attacked state no state is bound to fight
//	             for, {state, date, in_force (defence pledges of binding
//	             treaties in force that protect it; none binds), last (when
//	             in_force is 0: the pledge that protected it last, {treaty,
//	             treaty_title, source, article, obligors[], ended,
//	             end_reason, end_source}, null if none ever did), political[]
//	             (ids of non-binding commitments in force that name it), see[]
//	             (not_bound, contingent: the lists that say why), text}.
//	obligations[] one per (treaty, article, obligor, beneficiary, kind), the
//	             best status over all rounds (a breach is final: a later
//	             round does not make the duty due again), sorted binding,
//	             breached, contingent, non_binding, not_triggered:
//	  treaty       treaty id ("rus-prk-2024", "atop-3445")
//	  treaty_title short title
//	  source       registry | atop | user
//	  article      "Art. 4", "ATOP defense"
//	  obligor      COW abbreviation of the party that owes
//	  beneficiary  COW abbreviation of the party owed
//	  kind         defense | offense | neutrality | nonaggression | consultation
//	  status       binding | breached | contingent | not_triggered | non_binding
//	  reason       one line: "every condition holds", "holds if ...", or the
//	               failing conditions joined by "; "
//	  open[]       the open facts of a contingent result
//	  round        cascade round of the event that produced the status (1 =
//	               the scenario's events)
//	  date         date of that event
//	  event        the event, one line
//	  response     military_assistance | assistance | consultation |
//	               neutrality | refrain_from_attack | mobilize | ...
//	  qualifiers[] immediately, all_means, constitutional_processes, ...
//	  flags[]      initiator_is_protected_party, external_attack_only,
//	               subsumed_by_defense, atop_coding_only (an ATOP import, or
//	               a registry article taken from ATOP unchecked),
//	               offense_pledge_entry (a binding offence pledge brings the
//	               obligor into the war), text_unpublished (the treaty's
//	               text is not public),
//	               after_atop_coverage (ATOP import judged after 2018),
//	               outside_state_system (a party not in the COW system then)
//	  explain[]    the chain of facts (always present in JSON from the CLI)
//	  status_by_round[] {round, date, status, reason}: left out unless a
//	               later round raised the status; one step per round that
//	               changed it (the first is the first round it was judged
//	               in, the last is status); the status as of round k is the
//	               last step with round <= k
//	conflicts[]  {state, kind (both_sides | defend_vs_nonaggression |
//	             defend_vs_neutrality | fights_vs_neutrality), detail,
//	             items[] (the instruments)}
//	rounds[]     {round, events[] {kind, by[], on, at, date, origin
//	             (scenario | retaliation | entry), nature (fresh |
//	             counter_strike | attack, armed acts only), text}, entered[]
//	             {state, side, for, treaty, article, kind, date, due_round
//	             (the round whose act made it fall due: entered is round
//	             due_round+1), flags[]}}
//	sides        [side 1, side 2], each {name, members[] {state, ccode,
//	             since, round, how}}
//	neutrals[]   {state, toward, treaty, article}: bound to neutrality and
//	             not fighting (nor due to enter for that state: pending)
//	open_entries[] {state, for, treaty, article, open[]}: contingent entries
//	             of states not already fighting on that side (nor due to
//	             enter on it: pending)
//	pending_entries[] (only with rounds_limit; left out when empty) the
//	             entries due in the last round played, as rounds[].entered:
//	             they would enter in the next round, which is not played
//	balance      {release ("7.0"), year (data year; 0 when not covered),
//	             note (says when the release ends before the scenario:
//	             NMC 6.0 ends 2016, 7.0 ends 2022), sides[2] {states[],
//	             cinc, components {milex, milper, irst, pec, tpop, upop},
//	             missing {component: [states]}}, ratio (side 1 / side 2)}
//	             Sums leave out members missing a value and list them under
//	             missing; a sum no member has, and an undefined ratio, are null.
//	monte_carlo  (honour strictly between 0 and 1) {runs, seed, honour,
//	             workers, side1_size, side2_size, side1_cinc, side2_cinc,
//	             ratio (each {n, mean, sd, min, p05, median, p95, max}; only
//	             n when n is 0), year, states[] {state, side1, side2}
//	             (share of runs on each side)}
//	notes[]
//
// Guarantees (casus guarantees --format json) is {state, date, defenders[],
// defends[], summary[]}, each guarantee an obligations[] entry plus
// partner_regions[].
package obligation
