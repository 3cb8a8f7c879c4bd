package similarity

import (
	"fmt"
	"strings"
)

// Measure identifies one similarity column of the dyad-year table.
type Measure int

// The measures, in output column order. Names follow the columns of
// peacesciencer's add_fpsim() (fpsim 2026 recomputation on ATOP 5.1); see
// Columns for what each holds and where it differs from fpsim.
const (
	SallyVUA Measure = iota
	SallyVUS
	SallyBUA
	SallyBUS
	SallyVWA
	SallyVWS
	SallyBWA
	SallyBWS
	PallyV
	PallyVQ
	PallyB
	KallyV
	KallyB
	TauBAlly
	AallyVUS
	AallyVUA
	AallyBUS
	AallyBUA
	AallyVWA
	AallyBWA
	NumMeasures = int(AallyBWA) + 1
)

// Column documents one measure: its column name and definition.
type Column struct {
	Measure  Measure
	Name     string
	Weighted bool // needs capabilities (missing where the NMC release has no year)
	Doc      string
}

// Columns is the column dictionary of the dyad-year table, in output order.
// Every S is 1 − 2·D with D the mean (or CINC-weighted mean) distance over
// the positions, on the scale of the coding's maximum distance (3 valued, 1
// binary).
var Columns = [NumMeasures]Column{
	{SallyVUA, "sallyvua", false, "S, valued alliance code 0–3, unweighted, absolute distance |a−b|/3 (Signorino & Ritter 1999)"},
	{SallyVUS, "sallyvus", false, "S, valued, unweighted, squared distance ((a−b)/3)²"},
	{SallyBUA, "sallybua", false, "S, binary (any obligation), unweighted, absolute distance"},
	{SallyBUS, "sallybus", false, "S, binary, unweighted, squared distance (equals sallybua: 0/1 codes)"},
	{SallyVWA, "sallyvwa", true, "S, valued, weighted by the CINC of the position state k, divided by the sum of the weights, absolute distance"},
	{SallyVWS, "sallyvws", true, "S, valued, CINC-weighted, squared distance (fpsim's stored srs() ignores weights with squared distances; here they count)"},
	{SallyBWA, "sallybwa", true, "S, binary, CINC-weighted, absolute distance"},
	{SallyBWS, "sallybws", true, "S, binary, CINC-weighted, squared distance (equals sallybwa; weighted, unlike fpsim's stored srs())"},
	{PallyV, "pallyv", false, "Scott's pi, valued codes 0–3 as nominal categories (agreement = same code), expected agreement from the pooled distribution of both states' codes — as fpsim's spi(levels = 0:3), so peacesciencer's pallyv keeps its meaning"},
	{PallyVQ, "pallyvq", false, "casus addition: Scott's pi in Häge's (2011) distance form, valued, squared-distance disagreement on 0–3 with pooled-distribution expectation (the pi that matches kallyv's weighting)"},
	{PallyB, "pallyb", false, "Scott's pi, binary (nominal = any distance on 0/1)"},
	{KallyV, "kallyv", false, "Cohen's kappa (Häge 2011), valued, squared-distance (quadratic) disagreement on 0–3, expected disagreement from each state's own distribution of codes (as fpsim's cohenk, levels 0:3)"},
	{KallyB, "kallyb", false, "Cohen's kappa, binary"},
	{TauBAlly, "taub", false, "Kendall's tau-b of the valued codes with tie correction (Bueno de Mesquita 1975; = R cor(method = \"kendall\")); a position missing for one state is skipped, where fpsim's taub is NA (3,698 dyad-years in 8 years)"},
	{AallyVUS, "aallyvus", false, "Benati & Capurri's (2026) chance-corrected A = S(o) − S(e), valued, unweighted, squared distance: S of the joint 4×4 table of the two portfolios minus S of the product of its two marginals (fpsim 0.2.0)"},
	{AallyVUA, "aallyvua", false, "A, valued, unweighted, absolute distance"},
	{AallyBUS, "aallybus", false, "A, binary, unweighted, squared distance (equals aallybua: 0/1 codes)"},
	{AallyBUA, "aallybua", false, "A, binary, unweighted, absolute distance"},
	{AallyVWA, "aallyvwa", true, "A, valued, absolute distance, on the joint table weighted by the CINC of the position state (marginals of the weighted table)"},
	{AallyBWA, "aallybwa", true, "A, binary, CINC-weighted joint table, absolute distance"},
}

func (m Measure) String() string {
	if m < 0 || int(m) >= NumMeasures {
		return fmt.Sprintf("Measure(%d)", int(m))
	}
	return Columns[m].Name
}

// ParseMeasures reads a comma-separated list of column names, or "all".
func ParseMeasures(s string) ([]Measure, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "all" {
		ms := make([]Measure, NumMeasures)
		for i := range ms {
			ms[i] = Measure(i)
		}
		return ms, nil
	}
	var out []Measure
	seen := map[Measure]bool{}
	for _, part := range strings.Split(s, ",") {
		name := strings.ToLower(strings.TrimSpace(part))
		found := false
		for _, c := range Columns {
			if c.Name == name {
				if !seen[c.Measure] {
					out = append(out, c.Measure)
					seen[c.Measure] = true
				}
				found = true
				break
			}
		}
		if !found {
			names := make([]string, NumMeasures)
			for i, c := range Columns {
				names[i] = c.Name
			}
			return nil, &InputError{fmt.Sprintf("unknown measure %q: want all or a comma-separated list of %s", part, strings.Join(names, ", "))}
		}
	}
	return out, nil
}

// InputError is a mistake in what the caller asked for (an unknown measure,
// years outside the data); the CLI exits 2 on it.
type InputError struct{ Msg string }

func (e *InputError) Error() string  { return e.Msg }
func (e *InputError) BadInput() bool { return true }
