// Package treaty reads, checks and imports treaties into the world model:
// the treaty file format (YAML, one treaty a file), its validation, the
// built-in registry embedded from registry/*.yaml, users' --treaties files,
// the import of every ATOP 5.1 alliance, and the comparison of a registry
// treaty with its ATOP counterpart (Diff).
//
// # File format
//
// A treaty file is a YAML mapping whose keys are the yaml tags of
// world.Treaty; treaty.schema.json (JSON Schema 2020-12) describes it and a
// test checks every registry and testdata file against it. Parse decodes a
// file through the yaml.Node API, so every error carries its line; unknown
// or repeated keys, anchors/aliases, a second document and values of the
// wrong type are errors. Dates are YYYY-MM-DD. States are written as a COW
// abbreviation, COW code, ISO3 code or name and resolved with
// world.World.Resolve into Member.Code; obligors, protects and
// attacker.named keep the text as written (engines resolve it the same way).
//
// A registry file must say whether the treaty is in force: in_force (with
// in_force_note when the day is approximate) or status: signed (signed,
// not in force; world.Treaty.InForceOn is then false on every day and
// engines report it as not yet in force). Users' files may leave both
// out; an empty in_force then counts from signature, as in ATOP.
//
// Validate reports one Error per problem, as
// `registry/nato.yaml:37: members[12].joined: 2024-03-07 is before the
// treaty entered into force (2024-03-08)`. Errors and Error implement
// BadInput() bool (the CLI exits 2). Checked: unknown or ambiguous state,
// date order (signed ≤ in_force ≤ ended; member signed ≤ joined, joined ≥
// the treaty's entry into force, exited ≥ joined, suspensions inside the
// membership), overlapping membership spells of one state, duplicate ids
// across all files, obligations without article, unknown kind, trigger,
// response action, qualifier or condition kind, obligors and protects that
// are not members, unknown region or place, an atop_id ATOP does not have
// (when ATOP is loaded). Ids starting with "atop-" are reserved.
//
// # ATOP import
//
// ImportATOP turns each of the 789 ATOP 5.1 alliances (all phases, all
// 2,510 member rows of atop5_1m.csv, read by source.ReadATOPMembers) into a
// world.Treaty with ID "atop-<atopid>", Source world.FromATOP and ATOPID
// set. The mapping:
//
//   - Treaty.Signed is the earliest member entry (ATOP dates entry from
//     signature); Treaty.Ended the latest exit, zero when any member row is
//     still in force at the end of 2018. InForce stays zero: ATOP does not
//     code ratification, and a zero InForce makes Member.Spell start at the
//     member's own signature.
//   - Members: one entry per state and continuous participation. A
//     member's rows in successive phases (phase 1 ends the day phase 2
//     starts) merge into one spell; a gap of more than a day starts another
//     entry. Signed = ATOP entry date, Exited = ATOP exit date (zero = in
//     force at the end of coverage). Unknown days follow package source:
//     first of the month for entries, last of the month for exits.
//   - Obligations: per member row, one obligation per obligation flag that
//     is 1, with Obligors = [the member], Protects = the other members of
//     that phase, During = the row's spell, ATOPPhase = the phase, Article
//     "ATOP <column>" (defense, offense, neutral, nonagg, consul) and
//     Trigger/Response by kind: defense armed_attack/military_assistance;
//     offense state_of_war/military_assistance (active support in a war the
//     partner wages, however it began); neutrality any_conflict/neutrality;
//     nonaggression always/refrain_from_attack; consultation
//     threat_of_attack/consultation.
//   - Conditions, from the columns of that obligation: *COADV → Attacker.Named
//     (the COW abbreviations of STATTHR1/2) when SPECTHRT is 1 (specific
//     states) or 3 (specific states in a specific region) and STATTHR1 names
//     a state, otherwise Attacker.Unspecified; *COLOC → Scope.Unspecified
//     (ATOP flags a location condition without saying where); *COCON →
//     Condition{conflict, unspecified}; *CONUM → Condition{number,
//     unspecified}; *CODEM → Condition{demands, unspecified}; *CONPR →
//     NonProvocation; NEUCOATT → Condition{attacked} (neutrality only when
//     the partner is the one attacked); CONCOREQ → RequiresRequest. OLIMOB
//     is member-level ("an obligation depends on another condition", not
//     which): every obligation of the row gets Condition{other,
//     unspecified}. Engines treat unspecified conditions as open, so such
//     obligations come out contingent, never binding by default.
//
// States are named by COW abbreviation in Members, Obligors, Protects and
// Attacker.Named; ATOP's one member outside the COW system (8152, atopid
// 1320) keeps its number as text and does not resolve. An ATOP exit of 0
// means "in force on 2018-12-31", the end of coverage; the import leaves
// the end open, so callers asking about later days should say that ATOP
// stops in 2018 (ATOPEnd).
//
// ATOPFlags inverts the mapping (flags per member row, recovered from the
// obligations), and a test checks it against all 2,510 member rows.
//
// Two checked-in tables, embedded and applied by Attach (ApplyATOPTables),
// carry what ATOP cannot: atop_after2018.csv ends, with a reason and
// sources, alliances or memberships that ended after 2018-12-31 (the 1997
// Russia–Ukraine treaty on 2019-03-31; Mali's, Burkina Faso's and Niger's
// part in the ECOWAS protocols on 2025-01-28), and atop_names.csv gives
// ATOP alliances the names people search for (Treaty.Names), each with a
// page naming the treaty and the year and members a test checks against
// the ATOP member file. An import that neither ATOP nor the table ends is
// assumed in force after 2018 (AssumedAfterATOP), and outputs say so.
//
// Attach (the CLI's hook) appends registry, ATOP and user treaties to a
// World before Freeze and sets SupersededBy on an ATOP import when a
// registry treaty links its atopid.
package treaty
