package source

import (
	"strconv"
	"strings"
)

// ATOP 5.1 shared machinery: the allowed values of every coded column, taken
// from the ATOP 5.1 codebook (Leeds, 9 Aug 2022, section 2.3), and a reader
// that checks a whole ATOP table against them. The per-file readers are in
// atop_members.go, atop_alliances.go, atop_stateyears.go and
// atop_dyadyears.go.

const citeATOP = "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. \"Alliance Treaty Obligations and Provisions, 1815-1944.\" International Interactions 28: 237-260. (ATOP 5.1)"

// atopRule is what the codebook allows in one column: integers lo..hi, plus
// optionally one extra code (NATREFAL's 9, YREXIT's 0) and optionally blank
// ("coded missing if we have not located the original agreement").
type atopRule struct {
	lo, hi int
	extra  int // an extra allowed code outside lo..hi; -1 for none
	blank  bool
}

func (r atopRule) want() string {
	w := wantRange(r.lo, r.hi)
	if r.extra >= 0 {
		w += " or " + strconv.Itoa(r.extra)
	}
	if r.blank {
		w += " or blank"
	}
	return w
}

func rng(lo, hi int) atopRule      { return atopRule{lo: lo, hi: hi, extra: -1} }
func rngBlank(lo, hi int) atopRule { return atopRule{lo: lo, hi: hi, extra: -1, blank: true} }

var (
	dummy      = rng(0, 1)
	dummyBlank = rngBlank(0, 1)
)

// atopRules maps each ATOP column to its codebook rule. memN and atopidN
// columns are matched by prefix in atopRuleFor.
var atopRules = map[string]atopRule{
	"atopid": rng(1000, 7999), // codebook 2.31: 1000-1999 … 4000-7999
	"cowid":  rngBlank(1, 9999),
	"cow4id": rngBlank(1, 999),
	// COW codes run 2..990; ATOP codes one non-system member 8152.
	"member": rng(2, 9999),
	"cowsys": dummy,
	"yrent":  rng(1815, 2018), "moent": rng(1, 12), "dayent": rngBlank(1, 31),
	// Exit 0/0/0 = still in force on 2018-12-31; DAYEXIT blank = day unknown.
	"yrexit": {lo: 1815, hi: 2018, extra: 0}, "moexit": rng(0, 12), "dayexit": rngBlank(0, 31),
	"begyr": rng(1815, 2018), "begmo": rng(1, 12), "begday": rngBlank(1, 31),
	"endyr": {lo: 1815, hi: 2018, extra: 0}, "endmo": rng(0, 12), "endday": rngBlank(0, 31),
	"ineffect": dummy, "bilat": dummy,
	"phase": rng(0, 4), "maxphase": rng(0, 4), // "the largest number of phases … is four"
	"wartime": dummy, "cowwar": rng(0, 9999), // COW war or MID number
	"estmode": dummyBlank, "pubsecr": rngBlank(0, 2), "secrart": rngBlank(0, 8),
	"proadd": rngBlank(0, 3), "futmem": rngBlank(0, 3), "speclgth": rngBlank(0, 3),
	"length":   rngBlank(0, 1200), // months
	"renounce": rngBlank(0, 4), "proren": rngBlank(0, 2),
	"renewlgt": rngBlank(0, 1200), // months
	"term":     rng(0, 3), "termmode": rng(0, 6), "termcaus": rngBlank(0, 8),
	"defense": dummy, "offense": dummy, "neutral": dummy, "nonagg": dummy, "consul": dummy,
	"active": dummy, "conditio": dummy, "defcon": dummy, "offcon": dummy, "neucon": dummy, "concon": dummy,
	"defcoadv": dummy, "defcoloc": dummy, "defcocon": dummy, "defconum": dummy, "defcodem": dummy, "defconpr": dummy,
	"offcoadv": dummy, "offcoloc": dummy, "offcocon": dummy, "offconum": dummy, "offcodem": dummy,
	"neucoadv": dummy, "neucoloc": dummy, "neucocon": dummy, "neuconum": dummy, "neucodem": dummy, "neuconpr": dummy, "neucoatt": dummy,
	"concoadv": dummy, "concoloc": dummy, "concocon": dummy, "concoreq": dummy,
	"olimob": dummy, "asymm": dummy, "obvary": dummy,
	"notaiden": rngBlank(0, 4), "dipaid": dummyBlank, "terrres": dummyBlank, "seppeace": rngBlank(0, 3),
	"thirdcom": dummyBlank, "noothall": dummyBlank, "specthrt": rngBlank(0, 6),
	"statthr1": rngBlank(0, 999), "statthr2": rngBlank(0, 999), // COW code of the named threat, 0 = none
	"conwtin": rngBlank(0, 3), "medarb": dummyBlank, "milcon": rngBlank(0, 3), "milaid": rngBlank(0, 4),
	"intcom": dummyBlank, "subord": rngBlank(0, 2),
	"organ1": rngBlank(0, 3), "orgpurp1": rngBlank(0, 5), "organ2": rngBlank(0, 3), "orgpurp2": rngBlank(0, 5),
	"base": rngBlank(0, 3), "contrib": dummyBlank, "armred": rngBlank(0, 2), "acqterr": rngBlank(0, 2),
	"divgains": dummyBlank, "demwith": dummyBlank, "reflnun": rngBlank(0, 2),
	// The codebook calls REFOTHIO a dummy, but 5.1 codes atopid 4860 (all its
	// rows in the a, aph and m files) as 2; accepted as published.
	"refothio": rngBlank(0, 2),
	"natrefal": {lo: 0, hi: 3, extra: 9, blank: true},
	"compag":   rngBlank(0, 6), "nomicoop": dummyBlank, "conres": rngBlank(0, 2), "agprois": rngBlank(0, 5),
	"conmen": dummyBlank, "ecaid": rngBlank(0, 3), "interv": rngBlank(0, 4),
	"source": rng(1, 2), "new5": dummy, "rev5": dummy,
	// State-year file.
	"state": rng(2, 9999), "year": rng(1815, 2018), "atopally": dummy,
	"number": rng(0, 99), "transyr": dummy,
}

func atopRuleFor(col string) (atopRule, bool) {
	if r, ok := atopRules[col]; ok {
		return r, true
	}
	if n, ok := strings.CutPrefix(col, "mem"); ok && isDigits(n) {
		return rngBlank(2, 9999), true
	}
	if n, ok := strings.CutPrefix(col, "atopid"); ok && isDigits(n) {
		return rngBlank(1000, 7999), true
	}
	return atopRule{}, false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// atopColumns describes one ATOP file: its header in order and, for each
// position, how to read it.
type atopColumns struct {
	names []string
	index map[string]int
	rules []atopRule
	kind  []byte // 'i' coded integer, 'v' version stamp "5.1", 'p' atopidphase
}

func newATOPColumns(names []string) *atopColumns {
	c := &atopColumns{names: names, index: make(map[string]int, len(names)),
		rules: make([]atopRule, len(names)), kind: make([]byte, len(names))}
	for i, n := range names {
		c.index[n] = i
		switch n {
		case "version":
			c.kind[i] = 'v'
		case "atopidphase":
			c.kind[i] = 'p'
		default:
			r, ok := atopRuleFor(n)
			if !ok {
				panic("source: no codebook rule for ATOP column " + n)
			}
			c.rules[i] = r
			c.kind[i] = 'i'
		}
	}
	return c
}

// codedRow reads every field of the current record by the column rules into
// vals (MissingInt for blank). atopidphase is returned separately because
// it is not an integer ("1020.1" is phase 1 of alliance 1020).
func (c *atopColumns) codedRow(s *scanner, vals []int32) (phaseID string) {
	for i, f := range s.fields {
		switch c.kind[i] {
		case 'v':
			s.exact(i, "5.1")
		case 'p':
			phaseID = s.text(i)
			if !validPhaseID(phaseID) {
				s.fail(i, "an ATOP id with an optional phase suffix, like 1020 or 1020.1")
			}
		default:
			r := c.rules[i]
			if len(f) == 0 {
				if !r.blank {
					s.fail(i, r.want())
				}
				vals[i] = MissingInt
				continue
			}
			v, ok := atoi(f)
			if !ok || !(v >= r.lo && v <= r.hi || v == r.extra) {
				s.fail(i, r.want())
			}
			vals[i] = int32(v)
		}
	}
	return phaseID
}

func validPhaseID(s string) bool {
	id, ph, dot := strings.Cut(s, ".")
	if len(id) != 4 || !isDigits(id) {
		return false
	}
	return !dot || (len(ph) == 1 && isDigits(ph))
}

// get returns column name from a coded row: the value (MissingInt when
// blank) and whether the file has such an integer column.
func (c *atopColumns) get(vals []int32, name string) (int, bool) {
	i, ok := c.index[name]
	if !ok || c.kind[i] != 'i' {
		return 0, false
	}
	v := vals[i]
	if v == MissingInt {
		return MissingInt, true
	}
	return int(v), true
}

func (c *atopColumns) col(name string) int {
	i, ok := c.index[name]
	if !ok {
		panic("source: ATOP header lacks " + name)
	}
	return i
}

// numbered returns base1..baseN.
func numbered(base string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = base + strconv.Itoa(i+1)
	}
	return out
}

func concat(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// The provision columns shared by the alliance, phase and member files.
var atopProvisions = strings.Fields(`notaiden dipaid terrres seppeace thirdcom noothall specthrt statthr1 statthr2
	conwtin medarb milcon milaid intcom subord organ1 orgpurp1 organ2 orgpurp2 base contrib armred acqterr
	divgains demwith reflnun refothio natrefal compag nomicoop conres agprois conmen ecaid interv`)
