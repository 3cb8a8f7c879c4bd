package source

import "testing"

func TestSmoke(t *testing.T) {
	d := "/work/shared/data/"
	chk := func(name string, n int, err error) {
		if err != nil {
			t.Errorf("%s: %v", name, err)
		} else {
			t.Logf("%s: %d", name, n)
		}
	}
	a, _, err := ReadStates2016(d + "cow_states/states2016.csv"); chk("states2016", len(a), err)
	a, _, err = ReadStateList2024(d + "cow_states/statelist2024.csv"); chk("statelist", len(a), err)
	b, _, err := ReadSystem2016(d + "cow_states/system2016.csv"); chk("system", len(b), err)
	c, _, err := ReadMajors2016(d + "cow_states/majors2016.csv"); chk("majors", len(c), err)
	n6, err := ReadNMC6(d + "cow_nmc/NMC-60-abridged.csv"); if err == nil { chk("nmc6", len(n6.Rows), err) } else { chk("nmc6", 0, err) }
	n7, err := ReadNMC7(d + "cow_nmc/cow_nmc_v7_peacesciencer.csv"); if err == nil { chk("nmc7", len(n7.Rows), err) } else { chk("nmc7", 0, err) }
	m, _, err := ReadATOPMembers(d + "atop/atop5_1m.csv"); chk("atopm", len(m), err)
	al, _, err := ReadATOPAlliances(d + "atop/atop5_1a.csv"); chk("atopa", len(al), err)
	al, _, err = ReadATOPPhases(d + "atop/atop5_1aph.csv"); chk("atopaph", len(al), err)
	sy, _, err := ReadATOPStateYears(d + "atop/atop5_1sy.csv"); chk("atopsy", len(sy), err)
	dd, err := ReadATOPDyadYears(d + "atop/atop5_1_ddyr_subset_peacesciencer.csv"); if err == nil { chk("ddyr", len(dd.Rows), err) } else { chk("ddyr", 0, err) }
	w, _, err := ReadInterStateWars(d + "cow_war/Inter-StateWarData_v4.0.csv"); chk("wars", len(w), err)
	cs, _, err := ReadContiguity(d + "cow_contiguity/contdir.csv"); chk("contdir", len(cs), err)
	cd, _, err := ReadContiguityDyadYears(d + "cow_contiguity/contdird.csv"); chk("contdird", len(cd), err)
	cy, _, err := ReadContiguityStateYears(d + "cow_contiguity/contdirs.csv"); chk("contdirs", len(cy), err)
	cp, _, err := ReadCapitals(d + "capitals/cow_capitals_peacesciencer.csv"); chk("capitals", len(cp), err)
	cl, _, err := ReadCodelist(d + "crosswalk/codelist_without_cldr.csv"); chk("codelist", len(cl), err)
	pl, _, err := ReadCodelistPanel(d + "crosswalk/countrycode_codelist_panel_subset.csv"); chk("panel", len(pl), err)
}
