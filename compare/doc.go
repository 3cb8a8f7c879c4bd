// Package compare sets treaties side by side, one column per treaty (or per
// article), one row per design feature: what triggers the promise, what it
// requires, where and against whom, how asymmetric, how long it lasts and
// how it is renewed or left, who is bound today, what institutions ATOP
// codes behind it, what the text says about nuclear weapons, and a
// commitment-strength summary. The CLI (`casus treaty compare`) and the
// server render the same Comparison.
//
// # Provenance
//
// Every cell is built from named fields and carries them as Sources: the
// treaty file's field path (obligations[3].response.qualifiers, as the YAML
// spells it) with the value it holds, or an ATOP 5.1 column of the
// alliance-phase file (atop5_1aph.csv) or of Leeds & Anac's
// institutionalization file (atopinst5_1.csv) with its row. Each Source
// also says which words of the cell it produced (Shown), so a test can
// check, cell by cell, that the field exists, holds that value, and shows
// in the cell. A cell with no field behind it says so ("not in the treaty
// file", "not in ATOP") rather than guessing.
//
// # Term, renewal and notice
//
// The term row reads the treaty file's term, renewal and notice fields
// (world.Term, world.Renewal, world.Notice), each shown with its article and
// its provenance tag in brackets ([V] checked against the field's source,
// [D] ATOP's coding, [M] memory, [U] uncertain); the source URL is in the
// cell's Sources. A notice the file does not state is said to be missing,
// not assumed. Only an alliance whose file states none of the three (an
// ATOP import) falls back to ATOP's coded SPECLGTH, LENGTH, PROREN,
// RENEWLGT and RENOUNCE, tagged [D]. Notes are never quoted in this row.
//
// ATOP codes alliances signed up to 2018: for a registry treaty with an
// atop_id, the institutional rows read the alliance's latest phase in
// atop5_1aph.csv (its provisions as of ATOP's coding, which may predate
// later protocols). Treaties after 2018 have no ATOP row, and the
// institutional rows say so.
//
// # Commitment strength
//
// The summary row is a stated rule, not a score. It combines two published
// distinctions and shows both:
//
//  1. The promise (after Benson 2012: "Unpacking Alliances", Journal of
//     Politics 74(4), and Constructing International Security, Cambridge
//     UP). A defense obligation is
//     - unconditional when it owes military assistance against an armed
//     attack on a party with no condition on the war (no region,
//     adversary, provocation, number of attackers, request or state-of-war
//     gate) and no discretion in the response;
//     - conditional when it owes military assistance only if such a
//     condition holds (Benson's conditional commitments: the war
//     environment decides whether the promise applies);
//     - probabilistic when the response leaves the obligor to judge what to
//     do (qualifiers as_deems_necessary or constitutional_processes, or an
//     "assistance" whose means are unspecified): Benson's probabilistic
//     commitments, deliberately vague about whether and how the ally acts.
//     A promise can be conditional and probabilistic at once (NATO Art. 5:
//     the Art. 6 area, "such action as it deems necessary"); both are
//     named. Without any defense obligation the treaty has no defense
//     promise (consultation, nonaggression or neutrality only).
//     The tiers order the promise by how little it leaves open:
//     unconditional > conditional > probabilistic > conditional and
//     probabilistic > no defense promise.
//  2. The institutions (Leeds & Anac 2005, "Alliance Institutionalization
//     and Alliance Performance", International Interactions 31(3)): ATOP's
//     MILINST (atopinst5_1.csv) for the latest phase — 0 none, 1 moderate
//     (peacetime military contact, a military organization, training or
//     technology aid, set contributions), 2 high (an integrated command, a
//     common defence policy, bases, or forces placed under an ally), as
//     public replication code recomputes it from ATOP's INTCOM, MILCON,
//     BASE, SUBORD, ORGAN/ORGPURP, MILAID and CONTRIB. Institutions make a promise costlier to break; casus
//     reports them beside the promise and does not fold them into it,
//     because the two are different dimensions in both sources.
//
// Qualifiers that speed or widen the response (immediately, all means) are
// listed in the summary, not ranked: neither source weighs them.
package compare
