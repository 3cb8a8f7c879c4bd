package obligation

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/casus-dev/casus/power"
	"github.com/casus-dev/casus/world"
)

// Balance is the capability balance of the two sides: NMC components and
// CINC summed per side in one data year of one release.
type Balance struct {
	Release string         `json:"release"`
	Year    int            `json:"year"` // 0 when the release does not cover the scenario
	Note    string         `json:"note"`
	Sides   [2]SideBalance `json:"sides"`
	// Ratio is side 1's CINC over side 2's; null when either is missing or
	// side 2's is 0.
	Ratio *float64 `json:"ratio"`
}

// SideBalance sums one side. A component some members lack is summed over
// the members that have it, and the others are listed in Missing: missing
// is never counted as 0. A sum no member has is null.
type SideBalance struct {
	States     []string            `json:"states"`
	CINC       *float64            `json:"cinc"`
	Components map[string]*float64 `json:"components"`
	Missing    map[string][]string `json:"missing,omitempty"`
}

// Balance sums the sides' capabilities at the latest NMC year on or before
// the scenario date, in release version ("" = the newest). The sums are
// power.Balance's — the one balance computation in casus, shared with
// `casus balance` and the server — so CINC is recomputed from the
// components (it equals the published cinc to 2.5e-8); this method only
// renames states and words the note.
func (e *Engine) Balance(sides [2]Side, d world.Date, version string) *Balance {
	caps, ok := e.w.Capabilities(version)
	if !ok || caps == nil {
		return nil
	}
	var codes [2][]int
	abb := map[int]string{}
	for i, s := range sides {
		for _, m := range s.Members {
			codes[i] = append(codes[i], m.Code)
			abb[m.Code] = m.State
		}
	}
	pb := power.Balance(caps, d.Year(), codes[0], codes[1])
	b := &Balance{Release: caps.Version, Year: pb.DataYear, Note: pb.Note()}
	if b.Release == "" {
		b.Release = version
	}
	if pb.DataYear != 0 && pb.DataYear < pb.Year {
		b.Note += e.otherReleases(b.Release)
	}
	names := func(cs []int) []string {
		var out []string
		for _, c := range cs {
			out = append(out, abb[c])
		}
		return out
	}
	for i, ps := range [2]power.Side{pb.A, pb.B} {
		sb := SideBalance{States: names(ps.Codes), CINC: ptr(ps.CINC), Components: map[string]*float64{}, Missing: map[string][]string{}}
		for k, name := range world.ComponentNames {
			sb.Components[name] = ptr(ps.Components[k])
			if len(ps.MissingComponents[k]) > 0 {
				sb.Missing[name] = names(ps.MissingComponents[k])
			}
		}
		if len(ps.Missing) > 0 {
			sb.Missing["cinc"] = names(ps.Missing)
		}
		if len(sb.Missing) == 0 {
			sb.Missing = nil
		}
		b.Sides[i] = sb
	}
	b.Ratio = ptr(pb.Ratio)
	return b
}

// ptr is nil for a missing value, so JSON says null, never 0.
func ptr(v float64) *float64 {
	if math.IsNaN(v) {
		return nil
	}
	return &v
}

func (e *Engine) otherReleases(used string) string {
	var parts []string
	var vs []string
	for v := range e.w.NMC {
		vs = append(vs, v)
	}
	sort.Strings(vs)
	for _, v := range vs {
		if v == used || e.w.NMC[v] == nil {
			continue
		}
		parts = append(parts, fmt.Sprintf("NMC %s ends in %d", v, e.w.NMC[v].Last))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

func fmtFloat(p *float64, prec int) string {
	if p == nil || math.IsNaN(*p) {
		return "missing"
	}
	return fmt.Sprintf("%.*f", prec, *p)
}
