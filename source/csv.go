package source

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"unsafe"

	"github.com/casus-dev/casus/world"
)

// MissingInt is the value an integer field takes when the codebook allows
// the cell to be missing (blank in ATOP, -9 in COW files where noted) and it
// is. It is far outside every code range, so it can never be mistaken for a
// real code such as 0 ("no") and it poisons any sum it enters.
const MissingInt = math.MinInt32

// input is one data file read whole: the files are at most a few MiB, and
// parsing an in-memory slice is several times faster than going through
// bufio and encoding/csv (no per-field allocation, see BenchmarkLoadAll).
//
// The SHA-256 is computed on another goroutine while the caller parses, so
// on a free core hashing costs no wall time; dataset waits for it.
type input struct {
	path   string // as shown in World.Datasets: a path on disk or embedded:<rel>
	base   string // as named in ParseErrors
	data   []byte
	origin Origin
	sum    chan string // receives the hex SHA-256 once
	hash   string      // the received value
}

// sha256 waits for the hash (the caller's goroutine only).
func (in *input) sha256() string {
	if in.hash == "" {
		in.hash = <-in.sum
	}
	return in.hash
}

func (in *input) dataset(name, version string, rows, first, last int, citation string) world.Dataset {
	return world.Dataset{Name: name, Version: version, File: in.path, Origin: string(in.origin), SHA256: in.sha256(),
		Rows: rows, First: first, Last: last, Citation: citation}
}

// scanner is a strict, allocation-free CSV record reader over a byte slice.
// It accepts LF, CRLF and bare CR as line ends (COW's war file uses bare CR)
// and RFC 4180 quoting, and counts physical lines so errors can name them.
// Field slices point into the input and are valid until the next call.
//
// Field helpers (intIn, flag, ...) record the first failure in err and
// return a zero value, so a row parser reads all its fields and checks err
// once at the end of the row.
type scanner struct {
	file   string
	data   []byte
	pos    int
	line   int // physical line at pos
	names  []string
	rec    int // physical line where the current record starts
	fields [][]byte
	err    *ParseError
	strs   map[string]string // interned short strings (abbreviations, names)
}

func newScanner(file string, data []byte) *scanner {
	// A UTF-8 byte-order mark is not part of the first column's name.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	return &scanner{file: file, data: data, line: 1, fields: make([][]byte, 0, 32)}
}

func (s *scanner) colName(i int) string {
	if i < len(s.names) {
		return s.names[i]
	}
	return fmt.Sprintf("field %d", i+1)
}

// special marks the bytes that end or break an unquoted field; one table
// load per byte is the scanner's hot loop (the ddyr file is 6 MB).
var special = [256]bool{',': true, '\n': true, '\r': true, '"': true}

// record reads the next record into s.fields. It returns false at the end
// of the data. A final line end is optional (several COW files lack one).
func (s *scanner) record() (bool, error) {
	if s.pos >= len(s.data) {
		return false, nil
	}
	s.fields = s.fields[:0]
	s.rec = s.line
	d := s.data
	for {
		if s.pos < len(d) && d[s.pos] == '"' {
			start := s.pos + 1
			i := start
			escaped := false
			for {
				if i >= len(d) {
					return false, &ParseError{File: s.file, Line: s.rec, Column: s.colName(len(s.fields)),
						Want: "a closing quote", Got: "end of file"}
				}
				c := d[i]
				if c == '"' {
					if i+1 < len(d) && d[i+1] == '"' {
						escaped = true
						i += 2
						continue
					}
					break
				}
				if c == '\n' || (c == '\r' && (i+1 >= len(d) || d[i+1] != '\n')) {
					s.line++
				}
				i++
			}
			f := d[start:i]
			if escaped {
				f = bytes.ReplaceAll(f, []byte(`""`), []byte(`"`))
			}
			s.fields = append(s.fields, f)
			s.pos = i + 1
			if s.pos < len(d) {
				if c := d[s.pos]; c != ',' && c != '\n' && c != '\r' {
					return false, &ParseError{File: s.file, Line: s.rec, Column: s.colName(len(s.fields) - 1),
						Want: "a comma or line end after the closing quote", Got: string(c)}
				}
			}
		} else {
			start := s.pos
			i := start
			for i < len(d) && !special[d[i]] {
				i++
			}
			if i < len(d) && d[i] == '"' {
				return false, &ParseError{File: s.file, Line: s.rec, Column: s.colName(len(s.fields)),
					Want: "no quote inside an unquoted field", Got: string(d[start : i+1])}
			}
			s.fields = append(s.fields, d[start:i])
			s.pos = i
		}
		if s.pos >= len(d) {
			return true, nil
		}
		c := d[s.pos]
		s.pos++
		if c == ',' {
			continue
		}
		if c == '\r' && s.pos < len(d) && d[s.pos] == '\n' {
			s.pos++
		}
		s.line++
		return true, nil
	}
}

// ints is the fast path for all-integer files (the 6 MB ATOP dyad-year
// file): it reads the next record as exactly len(dst) plain integers
// (optional '-', 1–18 digits) separated by commas. On success it consumes
// the record; otherwise it consumes nothing and returns false, and the
// caller reads the record again with row and the field helpers, which
// produce the precise ParseError.
func (s *scanner) ints(dst []int) bool {
	d, i := s.data, s.pos
	for k := range dst {
		neg := i < len(d) && d[i] == '-'
		if neg {
			i++
		}
		start, v := i, 0
		for i < len(d) {
			c := d[i] - '0'
			if c > 9 {
				break
			}
			v = v*10 + int(c)
			i++
		}
		if i == start || i-start > 18 {
			return false
		}
		if neg {
			v = -v
		}
		dst[k] = v
		if k < len(dst)-1 {
			if i >= len(d) || d[i] != ',' {
				return false
			}
			i++
		}
	}
	if i < len(d) {
		switch d[i] {
		case '\n':
			i++
		case '\r':
			i++
			if i < len(d) && d[i] == '\n' {
				i++
			}
		default:
			return false
		}
	}
	s.rec = s.line
	s.line++
	s.pos = i
	return true
}

// header reads the first record and checks it names exactly the columns
// want, in order: a renamed, missing or extra column means a different
// release or a damaged file, and every later field check would be wrong.
func (s *scanner) header(want []string) error {
	ok, err := s.record()
	if err != nil {
		return err
	}
	if !ok {
		return &ParseError{File: s.file, Line: 1, Column: want[0], Want: "a header line", Got: "empty file"}
	}
	for i, w := range want {
		if i >= len(s.fields) {
			return &ParseError{File: s.file, Line: 1, Column: w, Want: fmt.Sprintf("header %q", w), Got: ""}
		}
		if string(s.fields[i]) != w {
			return &ParseError{File: s.file, Line: 1, Column: w, Want: fmt.Sprintf("header %q", w), Got: string(s.fields[i])}
		}
	}
	if len(s.fields) != len(want) {
		return &ParseError{File: s.file, Line: 1, Want: fmt.Sprintf("%d columns", len(want)), Got: strconv.Itoa(len(s.fields))}
	}
	s.names = want
	return nil
}

// row reads the next data record and checks its field count.
func (s *scanner) row() (bool, error) {
	ok, err := s.record()
	if err != nil || !ok {
		return ok, err
	}
	if len(s.fields) != len(s.names) {
		return false, &ParseError{File: s.file, Line: s.rec, Want: fmt.Sprintf("%d fields", len(s.names)), Got: strconv.Itoa(len(s.fields))}
	}
	return true, nil
}

func (s *scanner) fail(i int, want string) {
	if s.err == nil {
		s.err = &ParseError{File: s.file, Line: s.rec, Column: s.colName(i), Want: want, Got: string(s.fields[i])}
	}
}

// atoi parses an optionally negative decimal integer without allocating.
func atoi(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	i, neg := 0, false
	if b[0] == '-' {
		if len(b) == 1 {
			return 0, false
		}
		neg, i = true, 1
	}
	n := 0
	for ; i < len(b); i++ {
		c := b[i] - '0'
		if c > 9 {
			return 0, false
		}
		n = n*10 + int(c)
	}
	if neg {
		n = -n
	}
	return n, true
}

func wantRange(lo, hi int) string {
	switch {
	case lo == hi:
		return strconv.Itoa(lo)
	case lo == 0 && hi == 1:
		return "0 or 1"
	case hi == lo+1:
		return fmt.Sprintf("%d or %d", lo, hi)
	}
	return fmt.Sprintf("an integer from %d to %d", lo, hi)
}

// intIn reads an integer in [lo, hi].
func (s *scanner) intIn(i, lo, hi int) int {
	v, ok := atoi(s.fields[i])
	if !ok || v < lo || v > hi {
		s.fail(i, wantRange(lo, hi))
		return 0
	}
	return v
}

// intOrBlank reads an integer in [lo, hi] or a blank cell (MissingInt).
func (s *scanner) intOrBlank(i, lo, hi int) int {
	if len(s.fields[i]) == 0 {
		return MissingInt
	}
	v, ok := atoi(s.fields[i])
	if !ok || v < lo || v > hi {
		s.fail(i, wantRange(lo, hi)+" or blank")
		return 0
	}
	return v
}

// flag reads a 0/1 dummy.
func (s *scanner) flag(i int) bool {
	f := s.fields[i]
	if len(f) == 1 && (f[0] == '0' || f[0] == '1') {
		return f[0] == '1'
	}
	s.fail(i, "0 or 1")
	return false
}

// num reads a finite decimal number (plain or exponent notation) in
// [lo, hi]. missing9 makes COW's -9 a missing value and blank makes an empty
// cell one; both give NaN, never 0.
func (s *scanner) num(i int, lo, hi float64, missing9, blank bool) float64 {
	f := s.fields[i]
	if len(f) == 0 {
		if blank {
			return math.NaN()
		}
		s.fail(i, numWant(lo, hi, missing9, blank))
		return 0
	}
	if missing9 && len(f) == 2 && f[0] == '-' && f[1] == '9' {
		return math.NaN()
	}
	if n, ok := atoi(f); ok {
		if float64(n) < lo || float64(n) > hi {
			s.fail(i, numWant(lo, hi, missing9, blank))
			return 0
		}
		return float64(n)
	}
	// strconv accepts "NaN", "Inf", hex floats and underscores; published
	// numbers are plain decimals, so anything else is a damaged cell.
	for _, c := range f {
		if !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
			s.fail(i, numWant(lo, hi, missing9, blank))
			return 0
		}
	}
	v, err := strconv.ParseFloat(unsafe.String(&f[0], len(f)), 64)
	if err != nil || v < lo || v > hi || math.IsNaN(v) {
		s.fail(i, numWant(lo, hi, missing9, blank))
		return 0
	}
	return v
}

func numWant(lo, hi float64, missing9, blank bool) string {
	w := fmt.Sprintf("a number from %g to %g", lo, hi)
	if missing9 {
		w += " or -9 (missing)"
	}
	if blank {
		w += " or blank (missing)"
	}
	return w
}

// text returns the field as a string, interned so that repeated values
// (state abbreviations in 80,000 dyad-years) share one allocation.
func (s *scanner) text(i int) string {
	f := s.fields[i]
	if len(f) == 0 {
		return ""
	}
	if len(f) > 64 {
		return string(f)
	}
	if s.strs == nil {
		s.strs = make(map[string]string)
	}
	if v, ok := s.strs[string(f)]; ok {
		return v
	}
	v := string(f)
	s.strs[v] = v
	return v
}

// nonEmpty returns the field as a string and fails on a blank cell.
func (s *scanner) nonEmpty(i int) string {
	if len(s.fields[i]) == 0 {
		s.fail(i, "a non-empty value")
	}
	return s.text(i)
}

// exact checks a constant column such as a release's version stamp.
func (s *scanner) exact(i int, want string) {
	if string(s.fields[i]) != want {
		s.fail(i, strconv.Quote(want))
	}
}

// date builds a calendar date from three integer columns and checks that
// the day exists.
func (s *scanner) date(iy, im, id, loYear, hiYear int) world.Date {
	y := s.intIn(iy, loYear, hiYear)
	m := s.intIn(im, 1, 12)
	d := s.intIn(id, 1, 31)
	if s.err != nil {
		return 0
	}
	v := world.D(y, m, d)
	if !v.Valid() {
		s.fail(id, fmt.Sprintf("a day that exists in %04d-%02d", y, m))
		return 0
	}
	return v
}

// isoDate reads YYYY-MM-DD.
func (s *scanner) isoDate(i int) world.Date {
	f := s.fields[i]
	if len(f) == 10 && f[4] == '-' && f[7] == '-' {
		y, ok1 := atoi(f[0:4])
		m, ok2 := atoi(f[5:7])
		d, ok3 := atoi(f[8:10])
		if ok1 && ok2 && ok3 && y > 0 {
			if v := world.D(y, m, d); v.Valid() {
				return v
			}
		}
	}
	s.fail(i, "a date YYYY-MM-DD")
	return 0
}

// lastDay returns the last day of month m in year y.
func lastDay(y, m int) int {
	for d := 31; d > 28; d-- {
		if world.D(y, m, d).Valid() {
			return d
		}
	}
	return 28
}

// parseAll runs a row parser over every data row after checking the header.
func parseAll(file string, data []byte, header []string, each func(s *scanner) error) error {
	s := newScanner(file, data)
	if err := s.header(header); err != nil {
		return err
	}
	for {
		ok, err := s.row()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if err := each(s); err != nil {
			return err
		}
		if s.err != nil {
			return s.err
		}
	}
}

// yearSpan tracks the first and last year seen.
type yearSpan struct{ first, last int }

func (y *yearSpan) add(v int) {
	if y.first == 0 || v < y.first {
		y.first = v
	}
	if v > y.last {
		y.last = v
	}
}

// keyCheck finds a repeated key (a state-year, a dyad-year) in one pass.
// The published files are sorted, so a strictly increasing key costs one
// comparison per row; only when the order breaks is a set built, from the
// rows read so far (keyOf(i) for i < n).
type keyCheck struct {
	prev    uint64
	started bool
	seen    map[uint64]bool
}

// add reports whether key has not been seen before.
func (k *keyCheck) add(key uint64, n int, keyOf func(i int) uint64) bool {
	if k.seen == nil {
		if !k.started || key > k.prev {
			k.started, k.prev = true, key
			return true
		}
		k.seen = make(map[uint64]bool, 2*n)
		for i := 0; i < n; i++ {
			k.seen[keyOf(i)] = true
		}
	}
	if k.seen[key] {
		return false
	}
	k.seen[key] = true
	return true
}

func stateYearKey(code, year int) uint64 { return uint64(code)*10000 + uint64(year) }

func dyadYearKey(a, b, year int) uint64 {
	return (uint64(a)*10000+uint64(b))*10000 + uint64(year)
}
