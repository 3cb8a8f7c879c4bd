package reliability

import (
	"github.com/casus-dev/casus/world"
)

// oblKey identifies one ATOP obligation row: treaty, article, obligor and
// phase.
type oblKey struct {
	treaty, article, obligor string
	phase                    int
}

// openMet derives a private world in which ATOP's location and adversary
// conditions that name no place or state count as met: the ATOP
// obligations carrying them are copied with the flags cleared. The
// original world is not touched. assumed says, per obligation, which
// conditions were cleared.
func openMet(w *world.World) (*world.World, map[oblKey][]string) {
	assumed := map[oblKey][]string{}
	nw := *w
	nw.States = append([]world.State(nil), w.States...)
	nw.Treaties = make([]*world.Treaty, len(w.Treaties))
	for i, t := range w.Treaties {
		nw.Treaties[i] = t
		if t.Source != world.FromATOP {
			continue
		}
		var copied *world.Treaty
		for j := range t.Obligations {
			ob := &t.Obligations[j]
			if !ob.Scope.Unspecified && !ob.Attacker.Unspecified {
				continue
			}
			if copied == nil {
				c := *t
				c.Obligations = append([]world.Obligation(nil), t.Obligations...)
				copied = &c
				nw.Treaties[i] = copied
			}
			nob := &copied.Obligations[j]
			var what []string
			if ob.Scope.Unspecified {
				nob.Scope.Unspecified = false
				what = append(what, "location: "+ob.Scope.Text)
			}
			if ob.Attacker.Unspecified {
				nob.Attacker.Unspecified = false
				what = append(what, "adversary: "+ob.Attacker.Text)
			}
			obligor := ""
			if len(ob.Obligors) == 1 {
				obligor = ob.Obligors[0]
			}
			assumed[oblKey{t.ID, ob.Article, obligor, ob.ATOPPhase}] = what
		}
	}
	nw.Freeze()
	return &nw, assumed
}
