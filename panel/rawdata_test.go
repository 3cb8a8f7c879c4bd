package panel

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/source/sourcetest"
	"github.com/casus-dev/casus/world"
)

// The tests read the official files with this small, independent reader
// rather than package source: the row-set checks compare the panel against
// a reference built straight from the raw CSVs, and a bug shared by the
// loader and the panel must not cancel out.

// dataDir returns the official data the tests run on: the directory
// $CASUS_DATA names, else the embedded snapshot (sourcetest).
func dataDir(tb testing.TB) *source.Data {
	tb.Helper()
	return sourcetest.Data()
}

type rawTable struct {
	head map[string]int
	rows [][]string
}

func (t *rawTable) get(r []string, col string) string { return r[t.head[col]] }

func (t *rawTable) int(tb testing.TB, r []string, col string) int {
	s := t.get(r, col)
	v, err := strconv.Atoi(s)
	if err != nil {
		tb.Fatalf("column %q: want an integer, got %q", col, s)
	}
	return v
}

func (t *rawTable) float(tb testing.TB, r []string, col string, minus9 bool) float64 {
	s := t.get(r, col)
	if s == "" {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		tb.Fatalf("column %q: want a number, got %q", col, s)
	}
	if minus9 && v == -9 {
		return math.NaN()
	}
	return v
}

func readRaw(tb testing.TB, rel string) *rawTable {
	tb.Helper()
	b := sourcetest.ReadFile(tb, rel)
	// Inter-State War data use bare CR line ends.
	if !bytes.Contains(b, []byte("\n")) {
		b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
	}
	r := csv.NewReader(bytes.NewReader(b))
	all, err := r.ReadAll()
	if err != nil {
		tb.Fatalf("%s: %v", rel, err)
	}
	t := &rawTable{head: map[string]int{}, rows: all[1:]}
	for i, h := range all[0] {
		t.head[strings.TrimPrefix(h, "\ufeff")] = i
	}
	return t
}

func date3(tb testing.TB, t *rawTable, r []string, y, m, d string) world.Date {
	return world.D(t.int(tb, r, y), t.int(tb, r, m), t.int(tb, r, d))
}

var (
	rawOnce  sync.Once
	rawWorld *world.World
)

// testWorld builds a World from the raw files with everything the adders
// use; it is built once per test binary.
func testWorld(tb testing.TB) *world.World {
	tb.Helper()
	rawOnce.Do(func() { rawWorld = buildRawWorld(tb) })
	if rawWorld == nil {
		tb.Fatal("raw world failed to build in an earlier test")
	}
	return rawWorld
}

func buildRawWorld(tb testing.TB) *world.World {
	w := &world.World{NMC: map[string]*world.Capabilities{}}
	st := readRaw(tb, "cow_states/states2016.csv")
	byCode := map[int]int{}
	for _, r := range st.rows {
		c := st.int(tb, r, "ccode")
		sp := world.Spell{Start: date3(tb, st, r, "styear", "stmonth", "stday"), End: date3(tb, st, r, "endyear", "endmonth", "endday")}
		if i, ok := byCode[c]; ok {
			w.States[i].Spells = append(w.States[i].Spells, sp)
			continue
		}
		byCode[c] = len(w.States)
		w.States = append(w.States, world.State{Code: c, Abb: st.get(r, "stateabb"), Name: st.get(r, "statenme"), Spells: []world.Spell{sp}})
	}
	mj := readRaw(tb, "cow_states/majors2016.csv")
	for _, r := range mj.rows {
		w.Majors = append(w.Majors, world.MajorSpell{Code: mj.int(tb, r, "ccode"), Spell: world.Spell{
			Start: date3(tb, mj, r, "styear", "stmonth", "stday"), End: date3(tb, mj, r, "endyear", "endmonth", "endday")}})
	}
	comps := []string{"milex", "milper", "irst", "pec", "tpop", "upop", "cinc"}
	for _, v := range []struct{ ver, file string }{{"6.0", "cow_nmc/NMC-60-abridged.csv"}, {"7.0", "cow_nmc/cow_nmc_v7_peacesciencer.csv"}} {
		t := readRaw(tb, v.file)
		c := &world.Capabilities{Version: v.ver}
		for _, r := range t.rows {
			var x [7]float64
			for k, name := range comps {
				x[k] = t.float(tb, r, name, v.ver == "6.0")
			}
			c.Rows = append(c.Rows, world.Capability{Code: t.int(tb, r, "ccode"), Year: t.int(tb, r, "year"),
				Milex: x[0], Milper: x[1], Irst: x[2], Pec: x[3], Tpop: x[4], Upop: x[5], CINC: x[6]})
		}
		c.Index()
		w.NMC[v.ver] = c
	}
	at := readRaw(tb, "atop/atop5_1_ddyr_subset_peacesciencer.csv")
	ad := &world.AllianceDyadYears{First: 1815, Last: 2018}
	for _, r := range at.rows {
		ad.Rows = append(ad.Rows, world.AllianceDyadYear{A: at.int(tb, r, "ccode1"), B: at.int(tb, r, "ccode2"), Year: at.int(tb, r, "year"),
			Defense: at.get(r, "atop_defense") == "1", Offense: at.get(r, "atop_offense") == "1", Neutral: at.get(r, "atop_neutral") == "1",
			Nonagg: at.get(r, "atop_nonagg") == "1", Consul: at.get(r, "atop_consul") == "1"})
	}
	w.AllianceDyads = ad
	ct := readRaw(tb, "cow_contiguity/contdir.csv")
	for _, r := range ct.rows {
		w.Contiguity = append(w.Contiguity, world.Contiguity{Low: ct.int(tb, r, "statelno"), High: ct.int(tb, r, "statehno"),
			Type: ct.int(tb, r, "conttype"), Begin: ct.int(tb, r, "begin"), End: ct.int(tb, r, "end")})
	}
	cp := readRaw(tb, "capitals/cow_capitals_peacesciencer.csv")
	for _, r := range cp.rows {
		var sp world.Spell
		if err := sp.Start.UnmarshalText([]byte(cp.get(r, "stdate"))); err != nil {
			tb.Fatal(err)
		}
		if err := sp.End.UnmarshalText([]byte(cp.get(r, "enddate"))); err != nil {
			tb.Fatal(err)
		}
		w.Capitals = append(w.Capitals, world.Capital{Code: cp.int(tb, r, "ccode"), Name: cp.get(r, "capital"), Spell: sp,
			Lat: cp.float(tb, r, "lat", false), Lng: cp.float(tb, r, "lng", false)})
	}
	wt := readRaw(tb, "cow_war/Inter-StateWarData_v4.0.csv")
	byWar := map[int]int{}
	for _, r := range wt.rows {
		num := wt.int(tb, r, "WarNum")
		i, ok := byWar[num]
		if !ok {
			i = len(w.Wars)
			byWar[num] = i
			w.Wars = append(w.Wars, world.War{Num: num, Name: wt.get(r, "WarName")})
		}
		p := world.WarParticipant{Code: wt.int(tb, r, "ccode"), Side: wt.int(tb, r, "Side"), Initiator: wt.get(r, "Initiator") == "1",
			Outcome: wt.int(tb, r, "Outcome"), BatDeath: wt.float(tb, r, "BatDeath", true)}
		for _, k := range []string{"1", "2"} {
			sy := wt.int(tb, r, "StartYear"+k)
			if sy < 0 {
				continue
			}
			sm, sd := wt.int(tb, r, "StartMonth"+k), wt.int(tb, r, "StartDay"+k)
			ey, em, ed := wt.int(tb, r, "EndYear"+k), wt.int(tb, r, "EndMonth"+k), wt.int(tb, r, "EndDay"+k)
			// Unknown months/days (-9) widen the spell to the year's edge;
			// an ongoing war (-7) runs to the data's end, 2007-12-31.
			if sm < 1 {
				sm, sd = 1, 1
			} else if sd < 1 {
				sd = 1
			}
			if ey == -7 {
				ey, em, ed = 2007, 12, 31
			}
			if em < 1 {
				em, ed = 12, 31
			} else if ed < 1 {
				ed = 28
			}
			p.Spells = append(p.Spells, world.Spell{Start: world.D(sy, sm, sd), End: world.D(ey, em, ed)})
		}
		w.Wars[i].Participants = append(w.Wars[i].Participants, p)
	}
	w.MembershipEnd = world.D(2016, 12, 31)
	w.Freeze()
	return w
}
