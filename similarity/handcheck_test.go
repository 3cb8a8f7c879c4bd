package similarity

import (
	"math"
	"testing"
)

// TestHandCheckedDyadYears pins every measure of a few dyad-years to values
// computed outside Go: testdata/handcheck.py reads the raw CSVs
// (statelist2024, the ATOP directed dyad-years, both NMC files) with
// Python's csv module, builds the two portfolios position by position
// (members sharing a day with both states, self at 3, the directed ATOP row
// of each state) and applies the plain formulas of fpsim's srs, spi and
// cohenk (levels 0:3 and 0:1, w_exp = 2), Kendall's all-pairs tau-b and
// Benati and Capurri's A from all cross pairs of positions. It
// shares no code with the engine, so agreement to 1e-12 checks the
// population of positions, the coding, the direction of the rows, the
// weights and every formula at once. Rerun it with
//
//	CASUS_DATA=/work/shared/data python3 similarity/testdata/handcheck.py 2:200:1950:7.0 255:365:1914:7.0 2:740:1960:7.0 2:740:1961:7.0 2:200:2017:6.0
//
// The tables (code of the first state, code of the second): count are what
// the script prints; n is their sum, the number of positions.
func TestHandCheckedDyadYears(t *testing.T) {
	w := realWorld(t)
	nan := math.NaN()
	cases := []struct {
		name       string
		a, b, year int
		nmc        string
		n          int32
		want       [NumMeasures]float64
	}{
		// USA–UK 1950: NATO (12 positions both at 3, the two states
		// included), the Rio pact (20 states where only the US is at 3)
		// and 5 UK pledges the US does not share; no code 1 or 2 on either
		// side, so valued and binary, absolute and squared coincide.
		{"USA-UKG 1950", 2, 200, 1950, "7.0", 75, [NumMeasures]float64{
			SallyVUA: 0.33333333333333337, SallyVUS: 0.33333333333333337,
			SallyBUA: 0.33333333333333337, SallyBUS: 0.33333333333333337,
			SallyVWA: 0.535080008381358, SallyVWS: 0.535080008381358,
			SallyBWA: 0.535080008381358, SallyBWS: 0.535080008381358,
			PallyV: 0.24227116589209938, PallyVQ: 0.2422711658920994, PallyB: 0.24227116589209938,
			KallyV: 0.275222265172014, KallyB: 0.275222265172014,
			TauBAlly: 0.30563446323082116,
			AallyVUS: 0.2531555555555556, AallyVUA: 0.2531555555555556, AallyBUS: 0.2531555555555556, AallyBUA: 0.2531555555555556,
			AallyVWA: 0.546330957443963, AallyBWA: 0.546330957443963,
		}},
		// Germany–Russia 1914 over the whole system (45 members), not S&R's
		// 20 European states: S is higher than their 0.40 because the 25
		// extra positions are 0 for both.
		{"GMY-RUS 1914", 255, 365, 1914, "7.0", 45, [NumMeasures]float64{
			SallyVUA: 0.6592592592592592, SallyVUS: 0.6888888888888889,
			SallyBUA: 0.6444444444444444, SallyBUS: 0.6444444444444444,
			SallyVWA: -0.07375275880639465, SallyVWS: 0.011220798174540025,
			SallyBWA: -0.16767943564400145, SallyBWS: -0.16767943564400145,
			PallyV: 0.1588785046728973, PallyVQ: 0.22126081582200263, PallyB: 0.2307692307692304,
			KallyV: 0.2222222222222221, KallyB: 0.23076923076923084,
			TauBAlly: 0.22645540682891915,
			AallyVUS: 0.08888888888888902, AallyVUA: 0.08888888888888946, AallyBUS: 0.10666666666666658, AallyBUA: 0.10666666666666658,
			AallyVWA: -0.2465226128234973, AallyBWA: -0.2809949543610407,
		}},
		// USA–Japan 1960 and 1961: the 1960 treaty binds the US to defend
		// Japan (USA→JPN defense + consultation = 3) but Japan only to
		// consult (JPN→USA = 2). Position USA is (3, 2), position Japan
		// (3, 3): symmetrising the rows would make both (3, 3).
		{"USA-JPN 1960", 2, 740, 1960, "7.0", 107, [NumMeasures]float64{
			SallyVUA: 0.1900311526479752, SallyVUS: 0.20249221183800614,
			SallyBUA: 0.17757009345794394, SallyBUS: 0.17757009345794394,
			SallyVWA: 0.31057125445517253, SallyVWS: 0.4070187931995317,
			SallyBWA: 0.4518389627909768, SallyBWS: 0.4518389627909768,
			PallyV: -0.18815545959284358, PallyVQ: -0.19102556669951887, PallyB: -0.18172690763052207,
			KallyV: 0.03752635277582572, KallyB: 0.032470201397451603,
			TauBAlly: 0.08784618235102196,
			AallyVUS: 0.03109441872652574, AallyVUA: 0.030977960229420676, AallyBUS: 0.027600663813433512, AallyBUA: 0.027600663813433512,
			AallyVWA: 0.34123119649669886, AallyBWA: 0.47554058410084477,
		}},
		{"USA-JPN 1961", 2, 740, 1961, "7.0", 111, [NumMeasures]float64{
			SallyVUA: 0.21921921921921927, SallyVUS: 0.23123123123123113,
			SallyBUA: 0.2072072072072072, SallyBUS: 0.2072072072072072,
			SallyVWA: 0.31358403250628897, SallyVWS: 0.407969397809841,
			SallyBWA: 0.45177933328285225, SallyBWS: 0.45177933328285225,
			PallyV: -0.1768170573683589, PallyVQ: -0.17895668529070075, PallyB: -0.1695402298850575,
			KallyV: 0.03883101068867556, KallyB: 0.03440094899169632,
			TauBAlly: 0.09166338519244853,
			AallyVUS: 0.0310580851121387, AallyVUA: 0.030949868787704116, AallyBUS: 0.028244460676893124, AallyBUA: 0.028244460676893124,
			AallyVWA: 0.34224892217644676, AallyBWA: 0.47407920118249647,
		}},
		// USA–UK 2017 weighted by NMC 6.0, which ends in 2016: every
		// weighted S is missing, the unweighted ones are not.
		{"USA-UKG 2017 NMC 6.0", 2, 200, 2017, "6.0", 195, [NumMeasures]float64{
			SallyVUA: 0.5521367521367524, SallyVUS: 0.6045584045584047,
			SallyBUA: 0.6102564102564103, SallyBUS: 0.6102564102564103,
			SallyVWA: nan, SallyVWS: nan, SallyBWA: nan, SallyBWS: nan,
			PallyV: 0.5751372017019177, PallyVQ: 0.421540592180347, PallyB: 0.6097535285443438,
			KallyV: 0.4457096047511775, KallyB: 0.6199999999999999,
			TauBAlly: 0.4958080667350615,
			AallyVUS: 0.3179779384909206, AallyVUA: 0.4379574841114733, AallyBUS: 0.6358974358974359, AallyBUA: 0.6358974358974359,
			AallyVWA: nan, AallyBWA: nan,
		}},
	}
	for _, c := range cases {
		ys, _ := collect(t, w, Options{First: c.year, Last: c.year, NMC: c.nmc})
		y := ys[0]
		d := -1
		for k := range y.Code1 {
			if int(y.Code1[k]) == c.a && int(y.Code2[k]) == c.b {
				d = k
			}
		}
		if d < 0 {
			t.Errorf("%s: no dyad %d-%d in %d", c.name, c.a, c.b, c.year)
			continue
		}
		if y.Positions[d] != c.n {
			t.Errorf("%s: %d positions, hand count %d", c.name, y.Positions[d], c.n)
		}
		for m := range NumMeasures {
			got, want := y.Values[m][d], c.want[m]
			if math.IsNaN(want) != math.IsNaN(got) || !math.IsNaN(want) && math.Abs(got-want) > 1e-12 {
				t.Errorf("%s %s = %.17g, independent computation %.17g (tolerance 1e-12)", c.name, Measure(m), got, want)
			}
		}
	}
}

// TestSkippedPositions counts the dyad-years where some member of the year
// is not a position of the pair because it never shares a day with one of
// the two states. There fpsim's taub is NA (cor() without complete cases)
// while casus skips the position (doc.go): the count, 3,698 in 8 years, is
// the size of that difference. Day-by-day membership gives the expected
// set; the engine's Positions must fall short of the year's members
// exactly there.
func TestSkippedPositions(t *testing.T) {
	w := realWorld(t)
	ys, _ := collect(t, w, Options{})
	perYear := map[int]int{}
	total := 0
	for _, y := range ys {
		mem := membership(w, y.Year)
		// lonely[c]: c misses some other member of the year entirely.
		lonely := map[int]bool{}
		for a, da := range mem {
			for b, db := range mem {
				if a != b && !da.meets(db) {
					lonely[a] = true
				}
			}
		}
		for d := range y.Code1 {
			want := lonely[int(y.Code1[d])] || lonely[int(y.Code2[d])]
			got := int(y.Positions[d]) < len(mem)
			if got != want {
				t.Errorf("%d %d-%d: %d positions of %d members, day-by-day says skipped = %v", y.Year, y.Code1[d], y.Code2[d], y.Positions[d], len(mem), want)
			}
			if got {
				perYear[y.Year]++
				total++
			}
		}
	}
	want := map[int]int{1860: 171, 1918: 142, 1941: 157, 1945: 301, 1958: 176, 1964: 475, 1975: 1157, 1990: 1119}
	if total != 3698 || len(perYear) != len(want) {
		t.Errorf("%d dyad-years with a skipped position in %d years, want 3,698 in 8: %v", total, len(perYear), perYear)
	}
	for y, n := range want {
		if perYear[y] != n {
			t.Errorf("%d: %d dyad-years with a skipped position, want %d", y, perYear[y], n)
		}
	}
}
