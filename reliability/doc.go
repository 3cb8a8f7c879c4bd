// Package reliability tests treaty obligations against the wars that
// invoked them: for every COW inter-state war (v4.0) and every participant
// that was attacked, it builds the attack as an obligations-engine
// scenario on that day, runs the engine on the treaties in force (ATOP 5.1
// and the registry where a registry treaty supersedes an ATOP record), and
// compares each invoked obligation with what the obligor did according to
// the war's participant list. The result is the honoured share that Leeds,
// Long & Mitchell (2000) put at 74.5 % for 1816–1944, computed case by
// case, each case explained, every coding rule a switch (Options).
//
// Like every engine it reads no files: Run takes the frozen world (wars in
// world.Wars, treaties in world.Treaties) and the obligations engine built
// on it. It never changes the world; with OpenConditionsMet it derives a
// second, private world and engine (see below).
//
// # Cases: who was attacked, by whom, when
//
// COW codes one initiator side per war (Initiator = 1; every initiator
// starts on the war's first day) and gives each participant a side and the
// day it began fighting (StartDate1). The data do not say who attacked a
// state that entered later, or whether it entered by choice, so that is a
// switch (Options.Attacked):
//
//   - initiator (default): the war's targets — participants on the side
//     opposite the initiators whose fighting begins on the war's first
//     day — each attacked by all the initiators on that day;
//   - defenders: also every later entrant on the targets' side, attacked on
//     its first day of fighting by every participant of the initiators'
//     side fighting that day (the USSR on 1941-06-22, but also Italy in
//     1915 and the United States in 1917, which chose to enter);
//   - all: also later entrants on the initiators' side (Japan 1941,
//     Bulgaria 1915), attacked by the other side's participants fighting
//     that day;
//   - dyadic: COW's Directed Dyadic Interstate War data (Maoz et al.,
//     world.War.Dyads) say who began the fighting in each pair: every
//     target of a dyadic war is attacked on the dyad's first day by the
//     states that began a dyadic war on it that day (Germany the USSR on
//     1941-06-22, the USSR Poland on 1939-09-17, which the participant
//     list leaves out; Italy is never attacked in 1915). The dyadic data
//     also judge conduct: an obligor that began a dyadic war on its
//     beneficiary while the obligation counted attacked it, and one on
//     the other side that never began fighting the beneficiary (Japan,
//     attacked by the USSR in 1945) did not; defence and offence are
//     honoured only by fighting the adversary itself (a dyadic war with
//     it from the attack on), not by being on the same side of a wider
//     war (France, at war beside Poland from 09-03, never fought the
//     USSR), and "already at war" means already fighting the adversary. A war the dyadic data lack
//     falls back to the initiator rule; an attacked state without a row
//     in the participant list is left out (its conduct cannot be read).
//
// A participant with two rows (a state that changed sides, Romania 1944)
// enters twice. One scenario is built per attacked participant (Scenario):
// an armed attack by its attackers, in a state of war, not provoked (the
// engine never infers provocation), stopped after the engine's round 1
// (rounds: 1) and with honour = none, so that the engine reports the
// obligations the attack invokes without playing out a hypothetical
// cascade. The case date is the attack's day. The attack is
// on the attacked state's home territory when COW's WhereFought for it
// includes its home continent; otherwise on the first region WhereFought
// names (Place): the United Kingdom in 1982 fought in the Western
// Hemisphere, outside NATO's Art. 6 area, and the United States in Korea
// in Asia.
//
// # Invoked obligations
//
// An obligation is invoked when the engine judges it binding or
// contingent for the attack (every status carries the engine's reasoning),
// or breached: the obligor is itself an attacker of the state it had to
// defend, not attack or stay neutral toward (Iraq toward Kuwait under the
// Arab League treaty in 1990). The engine's breach does not depend on the
// article's open conditions, so a breach counts in the binding tier. Statuses not_triggered and non_binding are
// not invoked; consultation is invoked but not scored, because the data do
// not record consultations. Binding and breached cases are the headline
// share; contingent cases (an open condition such as an ATOP location
// condition without a named place) are counted in a separate tally and
// never mixed into it.
//
// Only the engine's first round counts, and the engine is asked for it
// (rounds: 1): its second round would be the victim's retaliation, which
// makes the attacker "attacked" for clauses owed to it, and the engine's
// status over a whole cascade is the best over its rounds. Each status is
// therefore the obligation's status against the attack itself (a test
// checks it against the full cascade's status_by_round). Offence (ATOP:
// support beyond defending a partner under attack) is invoked only when
// the beneficiary is one of the attackers. Where the war is applies to
// every clause alike: an offence or neutrality clause owed to the
// attacker that carries ATOP's unnamed location condition (OFFCOLOC,
// NEUCOLOC) is contingent in the engine, as the same clause owed to a
// victim is.
//
// Non-aggression promises have no trigger in the engine unless their
// obligor attacks (then the engine says breached), so the package lists the
// others itself: every non-aggression obligation in force on the case date (treaty and both memberships in
// force, the ATOP phase covering the day, records a registry treaty
// supersedes left out — the engine's rules) by which a state owes the
// attacked participant non-aggression. An engine result for the same
// obligation wins over the package's own line. Non-aggression owed to the
// attackers is not invoked: resisting an attacker is not aggression.
//
// Left out of every count, with the reason in the case list: obligations of
// the attacked state itself (its conduct is self-defence), obligations of
// or toward a state outside the COW state system on the case date (the war
// data cannot show what it did), and, unless Options.CountAlreadyAtWar,
// obligors already fighting on the beneficiary's side before the case date
// (their choice was made earlier, and counting it would inflate the share).
// Each (war, treaty, article, kind, obligor, beneficiary) is one case,
// invoked on the earliest day; two instruments binding the same pair are
// two cases, as the obligations are.
//
// # What the obligor did
//
// From the obligor's rows in the same war: its first participation still
// running on or after the case date decides. Only conduct while the
// obligation could matter counts: an entry after the beneficiary's last
// day of fighting, or on or after the day the obligor's membership in the
// treaty ended, is not conduct toward the beneficiary (Romania, which
// fought from 1941, stayed out of Poland's war of 1939; the USSR entered on
// the day Germany's attack ended the Nazi–Soviet pact).
//
//   - attacked: the obligor is one of the beneficiary's attackers;
//   - joined: it fought on the beneficiary's side, starting within the
//     window (Options.WindowDays: 0 = any time before the war ended, the
//     default; N = within N days of the case date);
//   - joined_late: on the beneficiary's side, but after the window;
//   - other_side: it fought on the other side;
//   - stayed_out: no row in the war while it counted;
//   - already_at_war: on the beneficiary's side since before the case date.
//
// Defence and offence are honoured by joined and violated by everything
// else; neutrality and non-aggression are honoured unless the obligor
// attacked the beneficiary or fought on the other side. Joining late breaks
// a defence promise under a finite window but honours neutrality.
//
// # Conditions ATOP codes but does not name
//
// ATOP flags location and adversary conditions (defcoloc, defcoadv with no
// state named) without saying where or whom; the engine leaves them open,
// so such cases are contingent. With Options.OpenConditionsMet the package
// builds a private copy of the world whose ATOP obligations have those two
// flags cleared, and an engine on it: the cases become binding when nothing
// else is open, and each says which condition it assumed met. Other
// unnamed ATOP conditions (number of attackers, a specific conflict,
// demands, OLIMOB) stay open either way.
//
// Options.Kinds chooses the kinds scored (default all four); leaving out
// neutrality and non-aggression, which staying out honours, shows how much
// of the share they carry.
//
// # Reports
//
// Report holds the coding choices, the headline tallies (invoked,
// honoured, share), the contingent tally, the consultation count, the
// breakdowns by period (1816–1944, 1945–2007, by the case date; periods
// outside the years asked for are left out), by kind, by bilateral/
// multilateral (parties in force on the case date) and by war, the
// published shares for the same years, and the cases. Share is
// honoured/invoked, missing (NaN; JSON null) with no invoked case.
// CaseRows renders the case list for CSV (CaseColumns); Tally recomputes
// the counts from such rows, so that a CSV can be checked against the
// JSON.
//
// # JSON contract (casus reliability --format json)
//
//	invoked, honoured, share   the binding tally (share rounded to 4 places)
//	coding[]       {name, value, meaning}: every coding choice in force
//	contingent     {invoked, honoured, share}
//	consultation   invoked consultation obligations (not scored)
//	excluded       {reason: count} of invoked obligations left out
//	scenarios, not_triggered
//	published[]    {source, years, share, measure}
//	by_period[], by_kind[], by_scope[], by_war[]
//	               {key, label, binding {...}, contingent {...}}
//	data[]         the data files and registry the run rests on
//	cases[]        {war, war_name, date, attacked, attackers[], obligor,
//	               obligor_name, beneficiary, beneficiary_name, treaty,
//	               treaty_title, source, article, kind, members, status,
//	               reason, assumed[], tier, outcome, honoured (true, false
//	               or null when not scored), excluded, what,
//	               source_rows[], explain[]}
package reliability
