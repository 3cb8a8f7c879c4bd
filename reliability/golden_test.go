package reliability

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"

	"github.com/casus-dev/casus/obligation"
	"github.com/casus-dev/casus/world"
)

// TestGolden runs the datadriven files in testdata (pebble's format; run
// with -rewrite to regenerate, then check every change by hand against
// the treaty texts and the war file). They run on the official data.
//
// Commands:
//
//	attack war=N attacked=ABB [date=YYYY-MM-DD] [rule=initiator|defenders|all|dyadic] [window=DAYS]
//	       [open-met] [already] [treaty=id,...] [state=ABB,...] [kind=k,...]
//	       [invoked] [explain]
//	    the scenario of that attack; the engine's status and reason for
//	    every obligation it touched of the named treaties (or with a named
//	    state as obligor or beneficiary, of the named kinds; invoked: only
//	    binding, contingent and breached ones); then every case with its
//	    outcome and verdict (explain adds the engine's chain of facts)
//	run [years=A-B] [rule=...] [window=DAYS] [open-met] [already] [kinds=a,b]
//	    the headline counts and the breakdown by period
func TestGolden(t *testing.T) {
	datadriven.Walk(t, "testdata", func(t *testing.T, path string) {
		w, e := realWorld(t)
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			o := Defaults()
			var err error
			for _, a := range d.CmdArgs {
				v := ""
				if len(a.Vals) > 0 {
					v = a.Vals[0]
				}
				switch a.Key {
				case "rule":
					o.Attacked = Attacked(v)
				case "window":
					o.WindowDays, err = strconv.Atoi(v)
				case "open-met":
					o.OpenConditionsMet = true
				case "already":
					o.CountAlreadyAtWar = true
				case "explain":
					o.Explain = true
				case "years":
					_, err = fmt.Sscanf(v, "%d-%d", &o.From, &o.To)
				case "kinds":
					o.Kinds = nil
					for _, k := range splitVals(a.Vals) {
						o.Kinds = append(o.Kinds, world.Kind(k))
					}
				}
				if err != nil {
					d.Fatalf(t, "%s: %v", a.Key, err)
				}
			}
			switch d.Cmd {
			case "attack":
				return goldenAttack(t, w, e, d, o)
			case "run":
				r, err := Run(w, e, o)
				if err != nil {
					return "error: " + err.Error() + "\n"
				}
				var b strings.Builder
				fmt.Fprintf(&b, "binding %d/%d %s; contingent %d/%d %s; consultation %d; scenarios %d\n",
					r.Binding.Honoured, r.Binding.Invoked, r.Binding.Percent(), r.Contingent.Honoured, r.Contingent.Invoked, r.Contingent.Percent(), r.Consultation, r.Scenarios)
				for _, g := range r.ByPeriod {
					fmt.Fprintf(&b, "%s: binding %d/%d %s; contingent %d/%d\n", g.Key, g.Binding.Honoured, g.Binding.Invoked, g.Binding.Percent(), g.Contingent.Honoured, g.Contingent.Invoked)
				}
				for _, g := range r.ByKind {
					fmt.Fprintf(&b, "%s: binding %d/%d %s; contingent %d/%d\n", g.Key, g.Binding.Honoured, g.Binding.Invoked, g.Binding.Percent(), g.Contingent.Honoured, g.Contingent.Invoked)
				}
				return b.String()
			}
			d.Fatalf(t, "unknown command %q", d.Cmd)
			return ""
		})
	})
}

func goldenAttack(t *testing.T, w *world.World, e *obligation.Engine, d *datadriven.TestData, o Options) string {
	var warNum int
	var victim string
	d.ScanArgs(t, "war", &warNum)
	d.ScanArgs(t, "attacked", &victim)
	var treaties, states []string
	if d.HasArg("treaty") {
		for _, a := range d.CmdArgs {
			if a.Key == "treaty" {
				treaties = splitVals(a.Vals)
			}
		}
	}
	if d.HasArg("state") {
		for _, a := range d.CmdArgs {
			if a.Key == "state" {
				states = splitVals(a.Vals)
			}
		}
	}
	var war *world.War
	for i := range w.Wars {
		if w.Wars[i].Num == warNum {
			war = &w.Wars[i]
		}
	}
	if war == nil {
		d.Fatalf(t, "no war %d", warNum)
	}
	var on string
	if d.HasArg("date") {
		d.ScanArgs(t, "date", &on)
	}
	var at *Attack
	for _, a := range Attacks(war, o.Attacked) {
		if abbOf(w, a.Victim.Code) == victim && (on == "" || a.Date.String() == on) {
			a := a
			at = &a
			break
		}
	}
	if at == nil {
		return fmt.Sprintf("%s is not attacked in war %d under --attacked %s\n", victim, warNum, o.Attacked)
	}
	var b strings.Builder
	_, note := Place(w, at.Victim)
	cases, rep := Judge(w, e, *at, o)
	fmt.Fprintf(&b, "scenario: %s (place: %s; basis: %s)\n", rep.Scenario.Events[0], note, at.Basis)
	var kinds []string
	for _, a := range d.CmdArgs {
		if a.Key == "kind" {
			kinds = splitVals(a.Vals)
		}
	}
	invokedOnly := d.HasArg("invoked")
	match := func(treaty, obl, ben string) bool {
		for _, x := range treaties {
			if x == treaty {
				return true
			}
		}
		for _, x := range states {
			if x == obl || x == ben {
				return true
			}
		}
		return len(treaties) == 0 && len(states) == 0
	}
	n := 0
	kindOK := func(k world.Kind) bool {
		for _, x := range kinds {
			if x == string(k) {
				return true
			}
		}
		return len(kinds) == 0
	}
	for _, r := range rep.Obligations {
		if !match(r.Treaty, r.Obligor, r.Beneficiary) || !kindOK(r.Kind) {
			continue
		}
		if invokedOnly && r.Status != obligation.Binding && r.Status != obligation.Contingent && r.Status != obligation.Breached {
			continue
		}
		n++
		fmt.Fprintf(&b, "engine: %s %s→%s %s %s (%s): %s\n", r.Status, r.Obligor, r.Beneficiary, r.Treaty, r.Article, r.Kind, r.Reason)
	}
	if n == 0 {
		b.WriteString("engine: no obligation of these treaties or states touched\n")
	}
	n = 0
	for _, c := range cases {
		if !match(c.Treaty, c.Obligor, c.Beneficiary) || !kindOK(c.Kind) {
			continue
		}
		n++
		verdict := "not scored (" + c.Excluded + ")"
		if c.Honoured != nil {
			verdict = "violated"
			if *c.Honoured {
				verdict = "honoured"
			}
		}
		tier := string(c.Tier)
		if c.Status != string(c.Tier) && c.Tier != TierNotScored {
			tier += " (" + c.Status + ")"
		}
		fmt.Fprintf(&b, "case: %s→%s %s %s (%s) %s, %s: %s — %s\n", c.Obligor, c.Beneficiary, c.Treaty, c.Article, c.Kind, tier, c.Outcome, verdict, c.What)
		for _, a := range c.Assumed {
			fmt.Fprintf(&b, "  assumed met: %s\n", a)
		}
		if o.Explain {
			for _, x := range c.Explain {
				fmt.Fprintf(&b, "  | %s\n", x)
			}
		}
	}
	if n == 0 {
		b.WriteString("case: none invoked\n")
	}
	return b.String()
}

// splitVals splits key=a,b values (datadriven keeps "a,b" as one value).
func splitVals(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, x := range strings.Split(v, ",") {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, x)
			}
		}
	}
	return out
}
