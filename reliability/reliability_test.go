package reliability

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/source/sourcetest"
	"github.com/casus-dev/casus/world"
)

// The case list written as CSV and read back gives the JSON's counts: a
// researcher who recomputes the share from the CSV gets the published
// figure.
func TestCSVRoundTripsIntoJSONCounts(t *testing.T) {
	w, e := realWorld(t)
	for _, o := range []Options{Defaults(), func() Options { o := Defaults(); o.To = 1944; return o }(),
		func() Options {
			o := Defaults()
			o.Attacked = AttackedAll
			o.WindowDays = 30
			o.OpenConditionsMet = true
			return o
		}()} {
		r, err := Run(w, e, o)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		cw := csv.NewWriter(&buf)
		if err := cw.Write(CaseColumns); err != nil {
			t.Fatal(err)
		}
		if err := cw.WriteAll(r.CaseRows()); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(r.Cases)+1 {
			t.Fatalf("%d CSV rows for %d cases", len(rows), len(r.Cases))
		}
		bind, cont, err := Tally(rows)
		if err != nil {
			t.Fatal(err)
		}
		js, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var top struct {
			Invoked    *int     `json:"invoked"`
			Honoured   *int     `json:"honoured"`
			Share      *float64 `json:"share"`
			Contingent struct {
				Invoked  int `json:"invoked"`
				Honoured int `json:"honoured"`
			} `json:"contingent"`
		}
		if err := json.Unmarshal(js, &top); err != nil {
			t.Fatal(err)
		}
		if top.Invoked == nil || top.Honoured == nil || top.Share == nil {
			t.Fatalf("JSON top level lacks invoked/honoured/share: %.200s", js)
		}
		if bind.Invoked != *top.Invoked || bind.Honoured != *top.Honoured {
			t.Errorf("%v: CSV gives %d/%d binding, JSON %d/%d", o.Choices()[1], bind.Honoured, bind.Invoked, *top.Honoured, *top.Invoked)
		}
		if d := bind.Share - *top.Share; d > 0.00005 || d < -0.00005 {
			t.Errorf("CSV share %.4f, JSON share %.4f", bind.Share, *top.Share)
		}
		if cont.Invoked != top.Contingent.Invoked || cont.Honoured != top.Contingent.Honoured {
			t.Errorf("CSV gives %d/%d contingent, JSON %d/%d", cont.Honoured, cont.Invoked, top.Contingent.Honoured, top.Contingent.Invoked)
		}
		if bind.Invoked == 0 {
			t.Error("no binding case at all: the test would prove nothing")
		}
	}
}

// Breakdowns partition the headline: periods, kinds and scopes each sum to
// the totals.
func TestBreakdownsSumToTotals(t *testing.T) {
	w, e := realWorld(t)
	r, err := Run(w, e, Defaults())
	if err != nil {
		t.Fatal(err)
	}
	for name, gs := range map[string][]Group{"period": r.ByPeriod, "kind": r.ByKind, "scope": r.ByScope, "war": r.ByWar} {
		var b, c Count
		for _, g := range gs {
			b.Invoked += g.Binding.Invoked
			b.Honoured += g.Binding.Honoured
			c.Invoked += g.Contingent.Invoked
			c.Honoured += g.Contingent.Honoured
			if g.Binding.Honoured > g.Binding.Invoked {
				t.Errorf("%s %s: honoured %d > invoked %d", name, g.Key, g.Binding.Honoured, g.Binding.Invoked)
			}
		}
		if b.Invoked != r.Binding.Invoked || b.Honoured != r.Binding.Honoured || c.Invoked != r.Contingent.Invoked || c.Honoured != r.Contingent.Honoured {
			t.Errorf("by %s: %d/%d and %d/%d, totals %d/%d and %d/%d", name, b.Honoured, b.Invoked, c.Honoured, c.Invoked,
				r.Binding.Honoured, r.Binding.Invoked, r.Contingent.Honoured, r.Contingent.Invoked)
		}
	}
}

// Every case cites the war file's lines of the participants it rests on,
// and those lines hold those states in that war: read the file itself.
func TestSourceRowsCiteTheWarFile(t *testing.T) {
	w, e := realWorld(t)
	sc := bufio.NewScanner(bytes.NewReader(sourcetest.ReadFile(t, source.PathWars)))
	sc.Split(scanCRLines)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	r, err := Run(w, e, Defaults())
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, c := range r.Cases {
		for _, ref := range c.Rows {
			if !strings.HasPrefix(ref, warFile+":") {
				continue
			}
			rest := strings.TrimPrefix(ref, warFile+":")
			n, err := strconv.Atoi(rest[:strings.Index(rest, " ")])
			if err != nil || n < 2 || n > len(lines) {
				t.Fatalf("%s: bad line in %q", c.Obligor, ref)
			}
			fields, err := csv.NewReader(strings.NewReader(lines[n-1])).Read()
			if err != nil {
				t.Fatal(err)
			}
			ccode := rest[strings.Index(rest, "ccode ")+6:]
			ccode = ccode[:strings.Index(ccode, " ")]
			if fields[0] != strconv.Itoa(c.War) || fields[3] != ccode {
				t.Errorf("%q: line %d is %q", ref, n, lines[n-1])
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d source rows checked", checked)
	}
}

// scanCRLines splits on CR, LF or CRLF (the war file has bare CRs).
func scanCRLines(data []byte, atEOF bool) (int, []byte, error) {
	for i, b := range data {
		if b == '\r' || b == '\n' {
			j := i + 1
			if b == '\r' && j < len(data) && data[j] == '\n' {
				j++
			}
			return j, data[:i], nil
		}
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// A finite window can only turn joins into late joins: the same cases are
// invoked, fewer (or as many) honoured. Counting ATOP's unnamed conditions
// as met moves cases from contingent to binding without adding any.
// Broader rules for who was attacked keep every narrower case.
func TestSwitchesMoveCasesTheWayTheySay(t *testing.T) {
	w, e := realWorld(t)
	run := func(o Options) *Report {
		r, err := Run(w, e, o)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	base := run(Defaults())
	o := Defaults()
	o.WindowDays = 30
	win := run(o)
	if win.Binding.Invoked != base.Binding.Invoked || win.Binding.Honoured > base.Binding.Honoured {
		t.Errorf("window 30: %d/%d, whole war: %d/%d", win.Binding.Honoured, win.Binding.Invoked, base.Binding.Honoured, base.Binding.Invoked)
	}
	if win.Binding.Honoured == base.Binding.Honoured {
		t.Error("window 30 changes nothing: the Pact of Steel (Italy joined 283 days late) should drop")
	}
	key := func(c *Case) string {
		return strconv.Itoa(c.War) + c.Treaty + c.Article + c.Obligor + c.Beneficiary + string(c.Kind)
	}
	o = Defaults()
	o.OpenConditionsMet = true
	open := run(o)
	if open.Binding.Invoked <= base.Binding.Invoked {
		t.Errorf("open-met: %d binding, default %d", open.Binding.Invoked, base.Binding.Invoked)
	}
	openTier := map[string]Tier{}
	assumed := 0
	for i := range open.Cases {
		openTier[key(&open.Cases[i])] = open.Cases[i].Tier
		if len(open.Cases[i].Assumed) > 0 {
			assumed++
		}
	}
	for i := range base.Cases {
		c := &base.Cases[i]
		got, ok := openTier[key(c)]
		switch {
		case !ok:
			t.Errorf("open-met loses %s→%s %s %s in war %d", c.Obligor, c.Beneficiary, c.Treaty, c.Article, c.War)
		case got != c.Tier && !(c.Tier == TierContingent && got == TierBinding):
			t.Errorf("open-met moves %s→%s %s %s in war %d from %s to %s", c.Obligor, c.Beneficiary, c.Treaty, c.Article, c.War, c.Tier, got)
		}
	}
	if assumed == 0 {
		t.Error("open-met: no case says which condition it assumed")
	}
	prev := base
	for _, a := range []Attacked{AttackedDefenders, AttackedAll} { // dyadic is another basis, not a superset
		o = Defaults()
		o.Attacked = a
		r := run(o)
		have := map[string]bool{}
		for i := range r.Cases {
			have[key(&r.Cases[i])] = true
		}
		for i := range prev.Cases {
			if !have[key(&prev.Cases[i])] {
				t.Errorf("--attacked %s loses %s→%s %s in war %d", a, prev.Cases[i].Obligor, prev.Cases[i].Beneficiary, prev.Cases[i].Treaty, prev.Cases[i].War)
				break
			}
		}
		if r.Scenarios <= prev.Scenarios {
			t.Errorf("--attacked %s: %d attacks, narrower rule %d", a, r.Scenarios, prev.Scenarios)
		}
		prev = r
	}
}

// COW codes one initiator side per war; the initiators' targets are the
// other side's first-day participants. Checked on wars whose targets the
// codebook's data make plain.
func TestAttacksFollowTheWarFile(t *testing.T) {
	w, _ := realWorld(t)
	want := map[int][]string{
		106: {"YUG 1914-07-29 by AUH"},
		139: {"POL 1939-09-01 by GMY"},
		151: {"ROK 1950-06-24 by PRK"},
		211: {"KUW 1990-08-02 by IRQ"},
		82:  {"CHN 1900-06-17 by RUS JPN USA UKG FRN"},
	}
	for i := range w.Wars {
		war := &w.Wars[i]
		exp, ok := want[war.Num]
		if !ok {
			continue
		}
		var got []string
		for _, a := range Attacks(war, AttackedInitiator) {
			var by []string
			for _, c := range a.By {
				by = append(by, abbOf(w, c))
			}
			got = append(got, abbOf(w, a.Victim.Code)+" "+a.Date.String()+" by "+strings.Join(by, " "))
		}
		if strings.Join(got, "; ") != strings.Join(exp, "; ") {
			t.Errorf("war %d: attacks %q, want %q", war.Num, got, exp)
		}
	}
	// Under --attacked all, no initiator and no first-day participant of
	// the initiators' side is ever "attacked".
	for i := range w.Wars {
		for _, a := range Attacks(&w.Wars[i], AttackedAll) {
			if a.Victim.Initiator {
				t.Errorf("war %d: initiator %s counted as attacked", w.Wars[i].Num, abbOf(w, a.Victim.Code))
			}
		}
	}
}

func TestOptionsCheck(t *testing.T) {
	bad := []func(*Options){
		func(o *Options) { o.From, o.To = 1950, 1940 },
		func(o *Options) { o.From, o.To = 2010, 2020 },
		func(o *Options) { o.WindowDays = -1 },
		func(o *Options) { o.Attacked = "everyone" },
		func(o *Options) { o.Kinds = nil },
		func(o *Options) { o.Kinds = []world.Kind{world.Consultation} },
	}
	for i, f := range bad {
		o := Defaults()
		f(&o)
		if o.Check() == nil {
			t.Errorf("bad options %d accepted: %+v", i, o)
		}
	}
	if err := Defaults().Check(); err != nil {
		t.Error(err)
	}
}

func TestTallyRejectsBadRows(t *testing.T) {
	for _, rows := range [][][]string{
		nil,
		{{"war", "honoured"}},
		{{"tier", "honoured"}, {"binding", "yes"}},
		{{"tier", "honoured"}, {"not_scored", "1"}},
	} {
		if _, _, err := Tally(rows); err == nil {
			t.Errorf("Tally(%q) accepted", rows)
		}
	}
}

// BenchmarkRunAllWars is the full run over every COW inter-state war
// (1816–2007) with the default coding choices, the engine's reasoning
// left out as the CLI does for text and CSV.
func BenchmarkRunAllWars(b *testing.B) {
	w, e := realWorld(b)
	o := Defaults()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Run(w, e, o); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunAllWarsExplain is the same run keeping every case's chain of
// facts (what --format json writes).
func BenchmarkRunAllWarsExplain(b *testing.B) {
	w, e := realWorld(b)
	o := Defaults()
	o.Explain = true
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Run(w, e, o); err != nil {
			b.Fatal(err)
		}
	}
}

// The directed dyadic war data say who attacked whom inside a war: the
// USSR was attacked by Germany on 1941-06-22, Poland by the USSR on
// 1939-09-17 (a war the participant list leaves out), and Italy, which
// chose to enter the First World War, was never attacked in 1915.
func TestDyadicAttacks(t *testing.T) {
	w, _ := realWorld(t)
	find := func(num int) *world.War {
		for i := range w.Wars {
			if w.Wars[i].Num == num {
				return &w.Wars[i]
			}
		}
		t.Fatalf("no war %d", num)
		return nil
	}
	got := map[string]bool{}
	for _, num := range []int{106, 139} {
		war := find(num)
		if len(war.Dyads) == 0 {
			t.Fatalf("war %d has no dyadic wars: the dyadic data are not attached", num)
		}
		for _, a := range Attacks(war, AttackedDyadic) {
			for _, c := range a.By {
				got[abbOf(w, c)+">"+abbOf(w, a.Victim.Code)+" "+a.Date.String()] = true
			}
		}
	}
	for _, want := range []string{"GMY>POL 1939-09-01", "RUS>POL 1939-09-17", "GMY>RUS 1941-06-22", "JPN>USA 1941-12-07"} {
		if !got[want] {
			t.Errorf("dyadic attacks lack %s", want)
		}
	}
	for k := range got {
		if strings.HasSuffix(k, ">ITA 1915-05-23") || strings.HasPrefix(k, "AUH>ITA 1915") {
			t.Errorf("Italy attacked in 1915: %s", k)
		}
	}
}
