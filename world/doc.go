// Package world holds casus's model of the international system: states and
// their system-membership spells, major-power spells, national capabilities,
// treaties with their members and obligations, places and regions, and the
// dyad-level tables (ATOP directed dyad-years, contiguity, capitals, wars)
// that the engines need.
//
// A World is built once by package source (official files) and package
// treaty (the registry and user files), then shared read-only: nothing in
// this package mutates a World after Freeze, so any number of goroutines may
// query it at once.
//
// Contract:
//   - Dates are civil dates (Date), compared as integers; the zero Date means
//     "unknown" for a start and "open" (still running) for an end.
//   - Missing numbers are NaN, never 0: a capability outside NMC's years, or
//     coded -9 by COW, is missing.
//   - States are identified by COW code (int). Any of code, COW abbreviation,
//     ISO 3166 alpha-3 or an unambiguous name resolves to a state (Resolve).
//   - Every table records the Dataset it came from (name, version, file,
//     SHA-256), so each number can be traced to its source.
package world
