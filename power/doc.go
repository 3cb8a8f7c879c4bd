// Package power measures the distribution of material capability in the
// state system: CINC recomputed from the NMC components, the capability
// balance of two coalitions, the concentration and polarity of the
// great-power system, and alliance blocs. It reads only the world model
// (world.Capabilities, world.World) and never a file.
//
// # CINC
//
// Recompute rebuilds the Composite Index of National Capability of every
// state-year of an NMC release from its six components (milex, milper,
// irst, pec, tpop, upop). The missing-value rule is NMC's own:
//
//   - a component's system total in a year is the sum over the states that
//     report it (a missing value is left out of the total, not read as 0);
//   - a state's share of a component is its value over that total;
//   - its CINC is the mean of its shares over the components it reports
//     (a state missing milex is averaged over five shares, not six).
//
// This rule reproduces the published cinc of every state-year of NMC 6.0
// (15,951) and 7.0 (17,121) to within 2.5e-8, the rounding of the
// published figures: Mismatches lists none at 1e-4, or at 1e-7. The
// alternative of dividing by six whatever is missing misses 1,802 of 6.0's
// state-years by more than 1e-4 (tested). Because missing components are
// averaged away, the system's CINC never sums to exactly 1 (1.0747 in 1860,
// 0.99999998 in 1961).
//
// # Majors, concentration, polarity
//
// The major powers of a year are COW's (majors2016): a state counts in a
// year when it is a major on at least one day of it, so 1918 still counts
// Germany and Austria-Hungary and 1945 counts France, Germany and Japan.
// The majors data end on 2016-12-31 (MajorsEnd); after that the majors,
// and everything computed from them, are missing unless a caller asks
// SystemCarried, which uses the majors of 2016 with a later year's
// capabilities and records it in SystemYear.MajorsFrom, so that every
// output can flag the assumption (casus system does so for --year after
// 2016). PolarityRule and PolarityCaveat are the words outputs print
// beside the label.
//
// Shares are each major's CINC over the majors' summed CINC. From them:
//
//   - CON (Singer, Bremer & Stuckey 1972, "Capability Distribution,
//     Uncertainty, and Major Power War, 1820-1965"; Ray & Singer 1973):
//     sqrt((Σ s² − 1/N)/(1 − 1/N)), N the number of majors. It equals
//     V/√(N−1), V the coefficient of variation (population SD over mean)
//     of the shares — Mansfield's (1992, JCR 36(1)) split of
//     concentration into number and inequality; the tests check the
//     identity on every year 1816–2016 to 1e-12.
//   - the effective number of poles, 1/Σ s² (inverse Herfindahl).
//   - a polarity label, with the thresholds of the long-cycle
//     operationalisation (Thompson 1986, "Polarity, the Long Cycle, and
//     Global Power Warfare", JCR 30(4); after Rapkin, Thompson &
//     Christopherson 1979, JCR 23(2)), applied here to CINC shares among
//     the COW majors rather than to naval capability: unipolar when the
//     leading major holds ≥ 50% of the majors' capability (and more than
//     the second); bipolar when the top two each hold ≥ 25% and together
//     ≥ 50%; multipolar otherwise. The thresholds are quoted from memory
//     of those papers — verify before citing. On NMC 6.0 the rule calls
//     the United States a unipole in 1919–1921 and 1945–1948, when the
//     other majors were exhausted or out of the system (CINC counts
//     population and industry, not the atomic monopoly).
//
// # Coalition balance
//
// Balance sums the CINC and the components of two lists of states in the
// data year LatestYear gives (the requested year, or the release's last
// year when the request is later). Members without data are listed in
// Side.Missing / Side.MissingComponents and left out of the sums, never
// counted as 0; a sum nobody contributes to is NaN.
//
// # Loss-of-strength gradient
//
// CoalitionBalance.Discount weakens each member's CINC with the distance
// from its capital (world.Capitals, peacesciencer's cow_capitals, on the
// date asked about) to the place of the conflict, with the
// loss-of-strength gradient of Bueno de Mesquita (1981, The War Trap, Yale
// UP, p. 105) exactly as EUGene (Bennett & Stam 2000, International
// Interactions 26(2); version 3.203, unit euprocs1, function adj_cap)
// computes its distance-adjusted capabilities:
//
//	adjusted CINC = CINC ^ log10( miles / miles-per-day + (10 − e) )
//
// with e = 2.718281828 as EUGene declares it. The pieces, each EUGene's:
//
//   - miles-per-day is MilesPerDay(year), by era: 250 before 1918, 375
//     from 1918 to 1945, 500 from 1946 — faster transport after each
//     world war. The era is the year asked about.
//   - miles is GradientMiles: 69.16 statute miles per degree of
//     great-circle arc (EUGene's distance table, after Fitzpatrick &
//     Modlin 1986), rounded to whole miles. GreatCircleMiles, on the mean
//     Earth radius, is 0.1% shorter.
//   - DiscountContiguous applies EUGene's default distance, "capitals +
//     contiguity" at land contiguity: a state with a land border to the
//     state whose capital is the place (COW direct contiguity type 1 on
//     the date; after the data end in 2016 the borders of their last
//     month stand in) is 0 miles away. Discount measures capitals only.
//     EUGene's "War Trap" variant, the shortest distance between any two
//     listed cities of the pair, needs EUGene's city table, which casus
//     does not have.
//
// TestEUGeneAdjCap writes adj_cap out again from EUGene's published
// source, independently of this package, and requires the same
// discounted CINC for real dyad-years in each era (1914, 1940, 1950,
// 2016). No worked numeric example from The War Trap or EUGene's manual
// was available to test against; the hand table in TestGradientHandTable
// is computed from the formula.
//
// The exponent is log10(10 − e) ≈ 0.862 at distance 0 — a state fighting
// at home counts for more than its raw CINC, as in the original formula,
// so only the discounted ratio, not the discounted sums, is comparable
// with the raw ratio — and 1 at e × miles-per-day (≈ 680 miles before
// 1918, ≈ 1,360 from 1946); it grows with the logarithm of distance after
// that. EUGene does not renormalise the adjusted values, and neither does
// casus.
//
// # Blocs
//
// AllianceBlocs builds the defense-pact network of a year from ATOP's
// directed dyad-years (an edge where either state pledges defense to the
// other, both system members that year) and reports its connected
// components and maximal cliques (gonum's topo.ConnectedComponents and
// topo.BronKerbosch), each with its capability share.
//
// AllianceBlocsOn builds the network of one day from the treaties in
// force that day (world.Treaties: the registry, the ATOP import with its
// post-2018 table, users' files): an edge where a legally binding treaty
// in force binds either state to defend the other, both members that day
// and not suspended; an ATOP import a registry treaty supersedes counts
// once, as the registry treaty; a treaty signed but not in force does
// not count. A year's network joins pacts that never overlapped (the
// dyad-years of 1914 hold the Entente's wartime treaties beside the
// peacetime alliances); a day's shows the Triple Alliance and the
// Franco-Russian alliance as separate blocs on 1914-06-28. Each component
// names the treaties that tie it, and after 2018 the ATOP alliances it
// rests on only by assumption (DayBlocs.Assumed).
//
// # Missing values
//
// Every number is NaN when missing: outside a release's years, for a
// state-year with no component, after the majors data end. Nothing missing
// is ever reported as 0.
package power
