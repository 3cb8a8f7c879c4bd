package source

import (
	"math"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/world"
)

func mustFloat(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// Leeds & Anac (2005) alliance institutionalization, per ATOP 5.1 phase
// (atopinst5_1.csv, 849 rows). The file stores its version as "5.0999999",
// a float artefact of 5.1, and writes 55 phase ids the same way ("2050.1001"
// for 2050.1); the version is accepted exactly as stored and such phase ids
// are rounded back to one decimal, which matches atop5_1aph.csv.

const citeATOPInst = "Leeds, Brett Ashley, and Sezi Anac. 2005. \"Alliance Institutionalization and Alliance Performance.\" International Interactions 31(3): 183-202."

var atopInstHeader = []string{"atopid", "atopidphase", "milinst", "formal", "version"}

// ATOPInstitutionalization is one row of atopinst5_1.csv.
type ATOPInstitutionalization struct {
	AtopID  int
	PhaseID string
	MilInst int // peacetime military institutionalization 0–2; MissingInt when blank
	Formal  int // formality 0–2; MissingInt when blank
}

// ReadATOPInstitutionalization reads atopinst5_1.csv.
func ReadATOPInstitutionalization(src Source) ([]ATOPInstitutionalization, world.Dataset, error) {
	in, err := src.read()
	if err != nil {
		return nil, world.Dataset{}, err
	}
	rows, err := parseATOPInst(in.base, in.data)
	if err != nil {
		return nil, world.Dataset{}, err
	}
	return rows, in.dataset("ATOP institutionalization (Leeds & Anac)", "5.1", len(rows), 0, 0, citeATOPInst), nil
}

func parseATOPInst(file string, data []byte) ([]ATOPInstitutionalization, error) {
	var rows []ATOPInstitutionalization
	err := parseAll(file, data, atopInstHeader, func(s *scanner) error {
		r := ATOPInstitutionalization{AtopID: s.intIn(0, 1000, 7999), PhaseID: s.text(1),
			MilInst: s.intOrBlank(2, 0, 2), Formal: s.intOrBlank(3, 0, 2)}
		if id, frac, ok := strings.Cut(r.PhaseID, "."); ok && len(frac) > 1 && isDigits(frac) {
			if f, err := strconv.ParseFloat(r.PhaseID, 64); err == nil {
				rounded := strconv.FormatFloat(f, 'f', 1, 64)
				if math.Abs(f-mustFloat(rounded)) < 0.001 && strings.HasPrefix(rounded, id+".") {
					r.PhaseID = rounded
				}
			}
		}
		if !validPhaseID(r.PhaseID) {
			s.fail(1, "an ATOP id with an optional phase suffix, like 1020 or 1020.1")
		}
		s.exact(4, "5.0999999")
		rows = append(rows, r)
		return nil
	})
	return rows, err
}
