package similarity

import (
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/parquet-go/parquet-go"
)

// The writers turn Years into the dyad-year table: ccode1, ccode2, year,
// the chosen measures in Columns order, and nmc (the capability release of
// the weights) when a weighted measure is chosen. Missing values are empty
// CSV fields and Parquet nulls, never 0.

// Layout is the column set of an output table.
type Layout struct {
	Measures []Measure
	// NMC is written in an nmc column when a weighted measure is chosen.
	NMC string
	// ATOP (the ATOP release, Summary.ATOP) and Version (the casus build)
	// go into the Parquet key-value metadata, with NMC, so that a file
	// says which data and which code made it; empty ones are left out.
	ATOP, Version string
	// Abb, when set, gives each state's abbreviation (COW's, e.g. "USA")
	// for the stateabb1 and stateabb2 columns after ccode1 and ccode2, so
	// that a row can be read without a code book. A code missing from it
	// writes an empty field.
	Abb map[int32]string
}

// keys is the number of key columns before the measures: ccode1, ccode2,
// stateabb1 and stateabb2 when Abb is set, year.
func (l Layout) keys() int {
	if l.Abb != nil {
		return 5
	}
	return 3
}

// weighted reports whether any chosen measure needs capabilities.
func (l Layout) weighted() bool {
	for _, m := range l.Measures {
		if Columns[m].Weighted {
			return true
		}
	}
	return false
}

// Header returns the column names.
func (l Layout) Header() []string {
	h := []string{"ccode1", "ccode2", "year"}
	if l.Abb != nil {
		h = []string{"ccode1", "ccode2", "stateabb1", "stateabb2", "year"}
	}
	for _, m := range l.Measures {
		h = append(h, Columns[m].Name)
	}
	if l.weighted() {
		h = append(h, "nmc")
	}
	return h
}

// CSVHeader is the header line of the CSV table.
func (l Layout) CSVHeader() []byte { return []byte(strings.Join(l.Header(), ",") + "\n") }

// csvDecimals is the number of decimal places of a CSV value. The measures
// lie in [−1, 1], so 10 places are far below any difference that matters
// (the inputs are codes 0–3 and CINC shares published to 6–9 digits); it
// keeps the 1M-row table a third smaller than round-trip precision would,
// drops float noise such as -0.022727272727272707 vs -0.022727272727272728
// for one value, and lets the digits come from integer arithmetic (about
// half the time of strconv at the same precision and a third of shortest
// round-trip formatting: BenchmarkAppendDecimal). Parquet keeps the full
// float64.
const csvDecimals = 10

// appendDecimal writes v rounded to csvDecimals places, without trailing
// zeros ("1", "0.4", "-0.0227272727").
func appendDecimal(b []byte, v float64) []byte {
	const scale = 1e10 // 10^csvDecimals
	if !(math.Abs(v) < 1e8) {
		return strconv.AppendFloat(b, v, 'f', csvDecimals, 64)
	}
	neg := v < 0
	u := uint64(math.Round(math.Abs(v) * scale))
	if neg && u != 0 {
		b = append(b, '-')
	}
	b = strconv.AppendUint(b, u/scale, 10)
	frac := u % scale
	if frac == 0 {
		return b
	}
	var d [csvDecimals]byte
	end := 0
	for i := csvDecimals - 1; i >= 0; i-- {
		d[i] = byte('0' + frac%10)
		if end == 0 && frac%10 != 0 {
			end = i + 1
		}
		frac /= 10
	}
	b = append(b, '.')
	return append(b, d[:end]...)
}

// AppendCSV appends the year's rows as CSV lines to b, numbers with
// csvDecimals decimal places; missing is an empty field. It is safe to call from several goroutines on different
// Years (DyadYears' Prepare hook).
func (l Layout) AppendCSV(b []byte, y *Year) []byte {
	weighted := l.weighted()
	year := strconv.Itoa(y.Year)
	for d := range y.Code1 {
		b = strconv.AppendInt(b, int64(y.Code1[d]), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(y.Code2[d]), 10)
		b = append(b, ',')
		if l.Abb != nil {
			b = append(b, l.Abb[y.Code1[d]]...)
			b = append(b, ',')
			b = append(b, l.Abb[y.Code2[d]]...)
			b = append(b, ',')
		}
		b = append(b, year...)
		// Neighbouring columns often hold the same number (binary S with
		// absolute and squared distance always do): copy its digits.
		prev, ps, pe := math.NaN(), 0, 0
		for _, m := range l.Measures {
			b = append(b, ',')
			v := y.Values[m][d]
			switch {
			case math.IsNaN(v):
			case v == prev:
				b = append(b, b[ps:pe]...)
			default:
				ps = len(b)
				b = appendDecimal(b, v)
				prev, pe = v, len(b)
			}
		}
		if weighted {
			b = append(b, ',')
			b = append(b, l.NMC...)
		}
		b = append(b, '\n')
	}
	return b
}

// CSVEncoder encodes Years as CSV in DyadYears' workers (Prepare) and
// writes them in order (Write), reusing the buffers, so a full run neither
// formats 13 million numbers on one core nor allocates a fresh 180 MB of
// text.
type CSVEncoder struct {
	Layout Layout
	pool   sync.Pool
}

// Prepare encodes the year's rows into y.Prepared; use it as
// Options.Prepare.
func (e *CSVEncoder) Prepare(y *Year) {
	var buf []byte
	if p, ok := e.pool.Get().(*[]byte); ok {
		buf = (*p)[:0]
	} else {
		// About 14 bytes a value: enough for most years without regrowth.
		buf = make([]byte, 0, y.Len()*(20+14*len(e.Layout.Measures)))
	}
	b := e.Layout.AppendCSV(buf, y)
	y.Prepared = &b
}

// Write writes the year's rows to w (encoding them now if Prepare did not)
// and recycles the buffer.
func (e *CSVEncoder) Write(w io.Writer, y *Year) error {
	p, ok := y.Prepared.(*[]byte)
	if !ok {
		e.Prepare(y)
		p = y.Prepared.(*[]byte)
	}
	_, err := w.Write(*p)
	y.Prepared = nil
	e.pool.Put(p)
	return err
}

// ParquetWriter writes the table as Parquet: ccode1, ccode2 and year as
// required INT32 (stateabb1 and stateabb2 as dictionary strings when the
// layout has Abb), each measure as an optional DOUBLE (null = missing), nmc
// as a required string; Snappy-compressed, one row group per year. The
// file's key-value metadata records the NMC release ("casus.nmc", empty
// when none), the ATOP release ("casus.atop"), the casus version
// ("casus.version") and the generator.
type ParquetWriter struct {
	layout Layout
	w      *parquet.Writer
	cols   []int // schema column index of each Header column, in Header order
	sorted bool  // cols is 0, 1, 2, …: rows need no reordering
	nmc    []byte
	pool   sync.Pool  // of *parquetBatch
	mu     sync.Mutex // BeginRowGroup touches the shared writer
}

// NewParquetWriter starts a Parquet table on out.
func NewParquetWriter(out io.Writer, l Layout) *ParquetWriter {
	fields := []reflect.StructField{
		{Name: "Ccode1", Type: reflect.TypeFor[int32](), Tag: `parquet:"ccode1"`},
		{Name: "Ccode2", Type: reflect.TypeFor[int32](), Tag: `parquet:"ccode2"`},
		{Name: "Year", Type: reflect.TypeFor[int32](), Tag: `parquet:"year"`},
	}
	if l.Abb != nil {
		fields = append(fields,
			reflect.StructField{Name: "Stateabb1", Type: reflect.TypeFor[string](), Tag: `parquet:"stateabb1,dict"`},
			reflect.StructField{Name: "Stateabb2", Type: reflect.TypeFor[string](), Tag: `parquet:"stateabb2,dict"`})
	}
	for i, m := range l.Measures {
		fields = append(fields, reflect.StructField{
			Name: fmt.Sprintf("M%d", i), Type: reflect.TypeFor[*float64](),
			Tag: reflect.StructTag(fmt.Sprintf(`parquet:"%s,optional"`, Columns[m].Name)),
		})
	}
	if l.weighted() {
		fields = append(fields, reflect.StructField{Name: "Nmc", Type: reflect.TypeFor[string](), Tag: `parquet:"nmc,dict"`})
	}
	schema := parquet.SchemaOf(reflect.New(reflect.StructOf(fields)).Interface())
	index := map[string]int{}
	for i, path := range schema.Columns() {
		index[path[0]] = i
	}
	p := &ParquetWriter{layout: l, nmc: []byte(l.NMC)}
	p.sorted = true
	for i, name := range l.Header() {
		p.cols = append(p.cols, index[name])
		p.sorted = p.sorted && index[name] == i
	}
	opts := []parquet.WriterOption{
		schema,
		parquet.Compression(&parquet.Snappy),
		parquet.KeyValueMetadata("casus.nmc", l.NMC),
		parquet.KeyValueMetadata("casus.generator", "casus similarity (ATOP directed dyad-years, COW state system)"),
	}
	if l.ATOP != "" {
		opts = append(opts, parquet.KeyValueMetadata("casus.atop", l.ATOP))
	}
	if l.Version != "" {
		opts = append(opts, parquet.KeyValueMetadata("casus.version", l.Version))
	}
	p.w = parquet.NewWriter(out, opts...)
	return p
}

// parquetBatch is scratch for one year's rows.
type parquetBatch struct {
	flat []parquet.Value
	rows []parquet.Row
}

// preparedGroup is a year encoded and compressed as a row group, waiting to
// be committed in order.
type preparedGroup struct {
	rg  *parquet.ConcurrentRowGroupWriter
	err error
}

// Prepare encodes and compresses the year as its own row group in
// y.Prepared; use it as Options.Prepare, so that all cores do that work
// and Write only appends finished pages to the file in year order.
func (p *ParquetWriter) Prepare(y *Year) {
	if y.Len() == 0 {
		y.Prepared = &preparedGroup{}
		return
	}
	bt, _ := p.pool.Get().(*parquetBatch)
	if bt == nil {
		bt = &parquetBatch{}
	}
	n := y.Len()
	width := len(p.cols)
	if cap(bt.flat) < n*width {
		bt.flat = make([]parquet.Value, n*width)
	}
	if cap(bt.rows) < n {
		bt.rows = make([]parquet.Row, n)
	}
	flat, rows := bt.flat[:n*width], bt.rows[:n]
	weighted := p.layout.weighted()
	for d := 0; d < n; d++ {
		r := flat[d*width : d*width+width : d*width+width]
		r[0] = parquet.Int32Value(y.Code1[d]).Level(0, 0, p.cols[0])
		r[1] = parquet.Int32Value(y.Code2[d]).Level(0, 0, p.cols[1])
		k := 2
		if p.layout.Abb != nil {
			r[2] = parquet.ByteArrayValue([]byte(p.layout.Abb[y.Code1[d]])).Level(0, 0, p.cols[2])
			r[3] = parquet.ByteArrayValue([]byte(p.layout.Abb[y.Code2[d]])).Level(0, 0, p.cols[3])
			k = 4
		}
		r[k] = parquet.Int32Value(int32(y.Year)).Level(0, 0, p.cols[k])
		k++
		for i, m := range p.layout.Measures {
			c := p.cols[k+i]
			if v := y.Values[m][d]; math.IsNaN(v) {
				r[k+i] = parquet.NullValue().Level(0, 0, c)
			} else {
				r[k+i] = parquet.DoubleValue(v).Level(0, 1, c)
			}
		}
		if weighted {
			r[width-1] = parquet.ByteArrayValue(p.nmc).Level(0, 0, p.cols[width-1])
		}
		if !p.sorted {
			// The writer wants each row's values in schema column order.
			sortByColumn(r)
		}
		rows[d] = r
	}
	bt.flat, bt.rows = flat, rows

	p.mu.Lock()
	rg := p.w.BeginRowGroup()
	p.mu.Unlock()
	// The row group copies the values into its column buffers, and Flush
	// encodes and compresses them into pages here, in the worker.
	_, err := rg.WriteRows(rows)
	if err == nil {
		err = rg.Flush()
	}
	p.pool.Put(bt)
	y.Prepared = &preparedGroup{rg: rg, err: err}
}

// Write appends the year's row group (preparing it now if Prepare did
// not). Call it in year order from one goroutine.
func (p *ParquetWriter) Write(y *Year) error {
	g, ok := y.Prepared.(*preparedGroup)
	if !ok {
		p.Prepare(y)
		g = y.Prepared.(*preparedGroup)
	}
	y.Prepared = nil
	if g.err != nil || g.rg == nil {
		return g.err
	}
	_, err := g.rg.Commit()
	return err
}

func sortByColumn(r []parquet.Value) {
	for i := 1; i < len(r); i++ {
		for j := i; j > 0 && r[j].Column() < r[j-1].Column(); j-- {
			r[j], r[j-1] = r[j-1], r[j]
		}
	}
}

// Close writes the footer.
func (p *ParquetWriter) Close() error { return p.w.Close() }
