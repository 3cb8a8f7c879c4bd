package obligation

import (
	"fmt"
	"math"
	"sort"
	"strings"

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
// the scenario date, in release version ("" = the newest).
func (e *Engine) Balance(sides [2]Side, d world.Date, version string) *Balance {
	caps, ok := e.w.Capabilities(version)
	if !ok || caps == nil {
		return nil
	}
	b := &Balance{Release: caps.Version}
	if b.Release == "" {
		b.Release = version
	}
	y := d.Year()
	switch {
	case y < caps.First:
		b.Note = fmt.Sprintf("NMC %s covers %d–%d: no capability data for %d", b.Release, caps.First, caps.Last, y)
	case y > caps.Last:
		b.Year = caps.Last
		b.Note = fmt.Sprintf("NMC %s ends in %d: capabilities of %d stand in for %d%s", b.Release, caps.Last, caps.Last, y, e.otherReleases(b.Release))
	default:
		b.Year = y
		b.Note = fmt.Sprintf("NMC %s, data year %d", b.Release, y)
	}
	for i, s := range sides {
		sb := SideBalance{Components: map[string]*float64{}, Missing: map[string][]string{}}
		var sums [7]float64
		var have [7]int
		for _, m := range s.Members {
			sb.States = append(sb.States, m.State)
			var c world.Capability
			found := false
			if b.Year != 0 {
				c, found = caps.Get(m.Code, b.Year)
			}
			vals := [7]float64{world.NA, world.NA, world.NA, world.NA, world.NA, world.NA, world.NA}
			if found {
				comp := c.Components()
				copy(vals[:6], comp[:])
				vals[6] = c.CINC
			}
			for k, v := range vals {
				name := "cinc"
				if k < 6 {
					name = world.ComponentNames[k]
				}
				if world.Missing(v) {
					sb.Missing[name] = append(sb.Missing[name], m.State)
					continue
				}
				sums[k] += v
				have[k]++
			}
		}
		for k := 0; k < 7; k++ {
			var p *float64
			if have[k] > 0 {
				v := sums[k]
				p = &v
			}
			if k < 6 {
				sb.Components[world.ComponentNames[k]] = p
			} else {
				sb.CINC = p
			}
		}
		if len(sb.Missing) == 0 {
			sb.Missing = nil
		}
		b.Sides[i] = sb
	}
	if a, c := b.Sides[0].CINC, b.Sides[1].CINC; a != nil && c != nil && *c > 0 {
		v := *a / *c
		b.Ratio = &v
	}
	return b
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
