package power_test

import (
	"fmt"
	"math"

	"github.com/casus-dev/casus/power"
	"github.com/casus-dev/casus/world"
)

// exampleCaps is a three-state system in 1900 and 1901; state 200 does not
// report milex in 1901.
func exampleCaps() *world.Capabilities {
	na := math.NaN()
	c := &world.Capabilities{Version: "example", Rows: []world.Capability{
		{Code: 2, Year: 1900, Milex: 50, Milper: 20, Irst: 60, Pec: 50, Tpop: 40, Upop: 30, CINC: 0.4167},
		{Code: 200, Year: 1900, Milex: 30, Milper: 20, Irst: 30, Pec: 30, Tpop: 20, Upop: 40, CINC: 0.2833},
		{Code: 365, Year: 1900, Milex: 20, Milper: 60, Irst: 10, Pec: 20, Tpop: 40, Upop: 30, CINC: 0.3000},
		{Code: 2, Year: 1901, Milex: 60, Milper: 20, Irst: 60, Pec: 50, Tpop: 40, Upop: 30, CINC: na},
		{Code: 200, Year: 1901, Milex: na, Milper: 20, Irst: 30, Pec: 30, Tpop: 20, Upop: 40, CINC: na},
		{Code: 365, Year: 1901, Milex: 40, Milper: 60, Irst: 10, Pec: 20, Tpop: 40, Upop: 30, CINC: na},
	}}
	c.Index()
	return c
}

func ExampleRecompute() {
	ix := power.Recompute(exampleCaps())
	for _, code := range []int{2, 200, 365} {
		v, _ := ix.Get(code, 1901)
		fmt.Printf("%d: %.4f\n", code, v)
	}
	// The UK's missing milex is averaged away, so the sum exceeds 1.
	fmt.Printf("sum: %.4f\n", ix.SystemSum(1901))
	// Output:
	// 2: 0.4333
	// 200: 0.2800
	// 365: 0.3333
	// sum: 1.0467
}

func ExampleMismatches() {
	// 1900's published cinc is rounded to four digits; 1901 publishes none.
	for _, m := range power.Mismatches(exampleCaps(), 1e-4) {
		fmt.Println(m.Code, m.Year, m.Missing, m.Reason)
	}
	// Output:
	// 2 1901 [] the release publishes no cinc for a state-year with components
	// 200 1901 [milex] the release publishes no cinc for a state-year with components
	// 365 1901 [] the release publishes no cinc for a state-year with components
}

func ExampleLatestYear() {
	caps := exampleCaps()
	for _, y := range []int{1899, 1900, 1950} {
		dy, ok := power.LatestYear(caps, y)
		fmt.Println(y, dy, ok)
	}
	// Output:
	// 1899 0 false
	// 1900 1900 true
	// 1950 1901 true
}

func ExampleCON() {
	fmt.Printf("%.4f\n", power.CON([]float64{0.25, 0.25, 0.25, 0.25}))
	fmt.Printf("%.4f\n", power.CON([]float64{0.5, 0.3, 0.2}))
	fmt.Printf("%.4f\n", power.CON([]float64{1, 0}))
	// Output:
	// 0.0000
	// 0.2646
	// 1.0000
}

func ExampleEffectivePoles() {
	fmt.Printf("%.2f\n", power.EffectivePoles([]float64{0.25, 0.25, 0.25, 0.25}))
	fmt.Printf("%.2f\n", power.EffectivePoles([]float64{0.5, 0.3, 0.2}))
	// Output:
	// 4.00
	// 2.63
}

func ExamplePolarityOf() {
	fmt.Println(power.PolarityOf([]float64{0.55, 0.25, 0.2}))
	fmt.Println(power.PolarityOf([]float64{0.4, 0.3, 0.2, 0.1}))
	fmt.Println(power.PolarityOf([]float64{0.3, 0.2, 0.2, 0.2, 0.1}))
	// Output:
	// unipolar
	// bipolar
	// multipolar
}

func ExampleSystem() {
	w := &world.World{
		States: []world.State{{Code: 2, Abb: "USA"}, {Code: 200, Abb: "UKG"}, {Code: 365, Abb: "RUS"}},
		Majors: []world.MajorSpell{
			{Code: 200, Spell: world.Spell{Start: world.D(1816, 1, 1), End: world.D(1901, 12, 31)}},
			{Code: 365, Spell: world.Spell{Start: world.D(1816, 1, 1), End: world.D(1901, 12, 31)}},
			// The US becomes a major on 1900-08-13: it counts in 1900.
			{Code: 2, Spell: world.Spell{Start: world.D(1900, 8, 13), End: world.D(1901, 12, 31)}},
		},
	}
	w.Freeze()
	sy := power.System(w, exampleCaps(), 1900)
	for _, m := range sy.Majors {
		fmt.Printf("%s %.4f %.4f\n", m.Abb, m.CINC, m.Share)
	}
	fmt.Printf("CON %.4f, poles %.2f, %s\n", sy.CON, sy.Poles, sy.Polarity)
	// The majors data end in 1901: 1902 has no majors.
	fmt.Println(power.System(w, exampleCaps(), 1902).MajorsKnown)
	// Output:
	// USA 0.4167 0.4167
	// RUS 0.3000 0.3000
	// UKG 0.2833 0.2833
	// CON 0.1258, poles 2.91, bipolar
	// false
}

func ExampleBalance() {
	// The US against the UK and a state the release does not know, asked
	// for 1950: the release ends in 1901, so 1901 is used.
	b := power.Balance(exampleCaps(), 1950, []int{2}, []int{200, 999})
	fmt.Println("data year:", b.DataYear)
	fmt.Printf("A %.4f, B %.4f, ratio %.3f\n", b.A.CINC, b.B.CINC, b.Ratio)
	fmt.Println("B missing:", b.B.Missing)
	fmt.Println("B milex:", b.B.Components[0], "missing for", b.B.MissingComponents[0])
	// Output:
	// data year: 1901
	// A 0.4333, B 0.2800, ratio 1.548
	// B missing: [999]
	// B milex: NaN missing for [200 999]
}

func ExampleAllianceBlocs() {
	w := &world.World{
		States: []world.State{
			{Code: 2, Spells: []world.Spell{{Start: world.D(1816, 1, 1)}}},
			{Code: 200, Spells: []world.Spell{{Start: world.D(1816, 1, 1)}}},
			{Code: 365, Spells: []world.Spell{{Start: world.D(1816, 1, 1)}}},
		},
		AllianceDyads: &world.AllianceDyadYears{First: 1815, Last: 2018, Rows: []world.AllianceDyadYear{
			// A one-way pledge ties the pair.
			{A: 2, B: 200, Year: 1900, Defense: true},
		}},
	}
	w.Freeze()
	bl := power.AllianceBlocs(w, exampleCaps(), 1900)
	for _, b := range bl.Components {
		fmt.Printf("%v CINC %.4f share %.4f\n", b.Members, b.CINC, b.Share)
	}
	// Output:
	// [2 200] CINC 0.7000 share 0.7000
}

func ExampleSeries() {
	w := &world.World{
		States: []world.State{{Code: 2, Abb: "USA"}, {Code: 200, Abb: "UKG"}, {Code: 365, Abb: "RUS"}},
		Majors: []world.MajorSpell{
			{Code: 200, Spell: world.Spell{Start: world.D(1816, 1, 1), End: world.D(1900, 12, 31)}},
			{Code: 365, Spell: world.Spell{Start: world.D(1816, 1, 1), End: world.D(1900, 12, 31)}},
		},
	}
	w.Freeze()
	for _, sy := range power.Series(w, exampleCaps(), 1900, 1902) {
		fmt.Printf("%d covered=%v majors=%d CON=%.4f %q\n", sy.Year, sy.Covered, len(sy.Majors), sy.CON, sy.Polarity)
	}
	// With two majors the thresholds call any unequal pair unipolar (see
	// PolarityOf); the COW system never has fewer than four.
	// Output:
	// 1900 covered=true majors=2 CON=0.0286 "unipolar"
	// 1901 covered=true majors=0 CON=NaN ""
	// 1902 covered=false majors=0 CON=NaN ""
}

func ExampleMajorsIn() {
	w := &world.World{Majors: []world.MajorSpell{
		{Code: 255, Spell: world.Spell{Start: world.D(1816, 1, 1), End: world.D(1918, 11, 11)}},
		{Code: 255, Spell: world.Spell{Start: world.D(1925, 1, 1), End: world.D(1945, 5, 7)}},
		{Code: 200, Spell: world.Spell{Start: world.D(1816, 1, 1), End: world.D(2016, 12, 31)}},
	}}
	for _, y := range []int{1918, 1919, 2017} {
		codes, known := power.MajorsIn(w, y)
		fmt.Println(y, codes, known)
	}
	// Output:
	// 1918 [200 255] true
	// 1919 [200] true
	// 2017 [] false
}

func ExampleDefenseNetwork() {
	w := &world.World{
		States: []world.State{
			{Code: 2, Spells: []world.Spell{{Start: world.D(1816, 1, 1)}}},
			{Code: 20, Spells: []world.Spell{{Start: world.D(1920, 1, 10)}}},
		},
		AllianceDyads: &world.AllianceDyadYears{First: 1815, Last: 2018, Rows: []world.AllianceDyadYear{
			{A: 2, B: 20, Year: 1950, Defense: true},
			{A: 20, B: 2, Year: 1950, Defense: true},
		}},
	}
	w.Freeze()
	g, ok := power.DefenseNetwork(w, 1950)
	fmt.Println(ok, g.Nodes().Len(), g.HasEdgeBetween(2, 20))
	_, ok = power.DefenseNetwork(w, 2019)
	fmt.Println(ok)
	// Output:
	// true 2 true
	// false
}
