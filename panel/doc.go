// Package panel builds the research panels political scientists use —
// state-years and dyad-years of the Correlates of War state system — and
// adds columns to them from ATOP, COW capabilities, major powers,
// contiguity, capitals and wars, with the row sets and column names of the R
// package peacesciencer.
//
// Contract:
//
//   - Row sets. A state-year exists when the state is a system member on at
//     least one day of the year. A dyad-year exists when both states are
//     members on at least one common day of the year: states that both exist
//     in a year but never on the same day (Suriname, from 1975-11-25, and the
//     Republic of Vietnam, to 1975-04-30) form no dyad — peacesciencer drops
//     the same "false dyads". Non-directed dyads have ccode1 < ccode2; the
//     directed panel holds both orders, so it has exactly twice the rows.
//   - Order. Rows are sorted by (ccode, year) or (ccode1, ccode2, year), so
//     output is deterministic.
//   - Missing is not zero. A value for a year a dataset does not cover is
//     missing (NaN for float columns, NA8/NA32 for integer columns), never
//     0; inside the covered years "no record" means 0 only where the dataset
//     says so (an ATOP dyad-year without a row has no obligation).
//   - Representation. A Frame is columnar: one typed slice per column, so
//     building and writing touch memory sequentially. Lookups go through
//     dense arrays indexed by state and year, never maps per row.
//
// Adders (Adders, ParseAdders, Apply; every column is documented by
// Dictionary) never read files: they take a *world.World built by package
// source, loading only Datasets(adders). atop: ATOP 5.1 directed
// dyad-years, non-directed values the maximum of both directions
// (peacesciencer's ndir = TRUE) with Options.ATOPDirections keeping each
// side; nmc: NMC 6.0 or 7.0; majors: majors2016, missing after 2016 unless
// Options.CarryForward (flagged); contiguity: lowest contdir type in the
// year, 0 none (state-years: land and sea counts, as COW's contdirs);
// capdist: Vincenty great-circle km on geosphere's 6378.137 km sphere;
// wars: COW Inter-State War 4.0, opposite sides on a common day;
// similarity: package similarity; obligations: package obligation's
// Guarantees (needs the treaty model attached).
//
// Compared with peacesciencer (R source read line by line; the tests pin
// each point on real dyad-years):
//
//   - Rows: the same. create_dyadyears(system = "cow", mry = FALSE) expands
//     cow_states by year and drops false_cow_dyads (pairs never members on
//     a common day): 1,912,350 − 60 = 1,912,290 directed, 956,145
//     non-directed dyad-years 1816–2016.
//   - atop: the same join (ATOP 5.1 ddyr; no row = 0 inside 1815–2018,
//     missing outside; ndir = TRUE takes the maximum of both directions;
//     every ATOP row has its reverse, so the two agree on all rows).
//     Added: atop_any and, on request, each direction (atop_*12, atop_*21).
//   - nmc: the same left join (NMC 7.0 by default, -9 = missing); 6.0 on
//     request.
//   - majors: the same rule (major on any day of the year). Differs on
//     purpose after 2016: peacesciencer 1.1 puts 0, casus missing (unknown),
//     or the 2016 status flagged by cowmaj_carried.
//   - contiguity: by default the rule of peacesciencer up to 1.1 (lowest
//     type of the master records touching the year, which equals the
//     lowest of COW's contdird rows in the 29 dyad-years whose type changed
//     mid-year; 0 = none). Options.ContType "first"/"last" (--conttype)
//     takes the type of the year's first or last month, counting a month
//     without a record as 0 (Malaysia–Philippines 1963: first 0, last 3);
//     the rules differ on 121 non-directed dyad-years. This is the rule
//     peacesciencer 1.2's add_contiguity(slice = "first"/"last") states,
//     but not what it outputs: its cow_contdir carries, beside each
//     dyad's real spells, a synthetic conttype-0 spell over the dyad's
//     whole life; in a month both cover, its stable sort puts the 0 row
//     first, so slice = "first" writes 0 for dyads that were contiguous
//     all year (Germany–Württemberg 1850–1869, land; Spain–Mauritania
//     1977–1979, type 5), 638 non-directed dyad-years 1816–2016 by the
//     comparison reported in casus issue 13. casus keeps COW's records
//     (1 and 5 there) and does not reproduce that artefact. Outside
//     1816–2016 missing, as peacesciencer 1.2 (1.1 put 0).
//   - capdist: the same data (cow_capitals), day (Jan. 1 capital) and
//     formula (Vincenty on the 6378.137 km sphere); mincapdist is the
//     minimum over the state's dyad-years, false dyads excluded, as
//     peacesciencer's over cow_ddy.
//   - wars: the same file (Inter-State War 4.0), dyad rule (opposite sides
//     on a common day), sides (1/2), onset (a pair's first year in a
//     fighting spell, resumptions included) and choice among several wars
//     in a year (onset, then deadliest, then lowest number). Differs on
//     purpose: peacesciencer pairs first spells with first spells and
//     resumptions with resumptions only, so it misses fighting where one
//     state resumes and the other fought throughout (France against
//     Germany 1944–1945, Bulgaria against Turkey 1913); casus pairs every
//     overlap. outcome1/2 and batdeath1/2 as peacesciencer; its resume
//     flag is not carried (a resumption shows as an onset).
//
// Output: WriteCSV (shortest round-tripping decimals, empty = missing) and
// WriteParquet (one row group; INT(16) keys, INT(8)/INT(32) nullable codes,
// nullable DOUBLE measures; small integers dictionary-encoded, floats PLAIN
// with Snappy), both deterministic.
package panel
