// Package source reads the official data files casus builds on — COW state
// system membership, major powers, National Material Capabilities (6.0 and
// 7.0), ATOP 5.1 (alliance, phase, member, state-year and directed
// dyad-year), COW inter-state wars and the directed dyadic war data, COW
// direct contiguity, capitals and the countrycode crosswalk — and assembles
// them into a world.World.
//
// Contract:
//
//   - Where files come from: a Data resolves each file separately through
//     --data DIR, $CASUS_DATA, the user cache Fetch fills and the snapshot
//     embedded in the binary (package source/snapshot: the publishers' files
//     unchanged, verified against their published SHA-256 on every read),
//     the first place holding the file serving it. Every world.Dataset
//     records that place (Origin). A file found in a directory is parsed as
//     it is, never replaced by the snapshot because it is malformed. A
//     --data or $CASUS_DATA that is not a data directory is a
//     *DataDirError (bad input). Readers take a Source: Data.File(rel), or
//     Path for a file named directly.
//   - Files are read exactly as published: LF, CRLF and bare-CR line ends
//     (COW's war file), with or without a final newline, RFC 4180 quoting,
//     UTF-8. Nothing is normalised on disk or in memory first.
//   - Every header is checked column by column and every field against what
//     the dataset's codebook allows. The first violation is returned as a
//     *ParseError naming the file's base name, the 1-based physical line, the
//     column, what is allowed and what was found:
//     atop5_1m.csv:1042: column "defense": want 0 or 1, got "x".
//     A row with the wrong number of fields is a ParseError too. Where a
//     published file departs from its codebook (ATOP's REFOTHIO = 2 for
//     atopid 4860, two date typos in the dyadic war file) the exception is
//     named in the code and accepted as published, nothing more.
//   - Missing is never 0: a missing float is NaN; a missing integer code is
//     MissingInt. Which cells may be missing follows the codebooks (COW -9,
//     ATOP blank, NMC 7.0 blank).
//   - Each reader returns a world.Dataset with name, version, path (or
//     embedded:<path>), origin, SHA-256 of the bytes read, row count, years
//     and citation; Load appends one per file to World.Datasets.
//   - Load reads files concurrently and can be limited to groups
//     (LoadOptions.Only, PanelGroups). Check reports on every known file for
//     `casus data check`, Describe where each would be read for `casus
//     version`. Fetch downloads the publishers' archives, resumable
//     and verified, and never leaves a partial file under a final name.
//
// The raw readers (ReadATOPMembers, ReadNMC6, …) are exported for the
// treaty importer and for tests.
package source
