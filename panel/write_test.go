package panel

import (
	"bytes"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

func TestCSVFormat(t *testing.T) {
	f := dyadFrame(t, false, "atop,nmc,majors,contiguity", Options{NMC: "6.0"})
	var buf bytes.Buffer
	if err := WriteCSV(&buf, f); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != f.Len()+1 {
		t.Fatalf("CSV lines: got %d, want %d rows + header", len(lines), f.Len())
	}
	if want := "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul,atop_any,milex1,milper1,irst1,pec1,tpop1,upop1,cinc1,milex2,milper2,irst2,pec2,tpop2,upop2,cinc2,cowmaj1,cowmaj2,conttype"; lines[0] != want {
		t.Fatalf("header:\n got %s\nwant %s", lines[0], want)
	}
	// USA–China 2016 in v6.0 (ATOP: a non-aggression pledge from 2010):
	// exact published values, shortest form, no
	// exponent.
	r := rowOf(f, 2, 710, 2016)
	if want := "2,710,2016,0,0,0,1,0,1,604452000,1381,78475,3293117,322180,197817,0.13305758,145039000,2333,807609,5679028,1403500,526464,0.23061772,1,1,0"; lines[r+1] != want {
		t.Errorf("USA-China 2016:\n got %s\nwant %s", lines[r+1], want)
	}
	// Missing is an empty field: Bahamas 1993 milex (-9 in NMC 6.0).
	r = rowOf(f, 31, 40, 1993)
	if !strings.HasPrefix(lines[r+1], "31,40,1993,0,0,0,0,0,0,,1,0,150,") {
		t.Errorf("Bahamas-Cuba 1993: got %s, want milex1 empty", lines[r+1])
	}
	// Deterministic: a second write gives the same bytes.
	var again bytes.Buffer
	if err := WriteCSV(&again, f); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two CSV writes differ")
	}
}

func TestParquetRoundTrip(t *testing.T) {
	f := dyadFrame(t, false, "atop,nmc,majors,contiguity,wars", Options{NMC: "6.0"})
	var buf bytes.Buffer
	if err := WriteParquet(&buf, f, map[string]string{"casus.system": "COW v2016"}); err != nil {
		t.Fatal(err)
	}
	pf, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if pf.NumRows() != int64(f.Len()) {
		t.Fatalf("parquet rows: got %d, want %d", pf.NumRows(), f.Len())
	}
	if v, _ := pf.Lookup("casus.system"); v != "COW v2016" {
		t.Errorf("metadata casus.system = %q", v)
	}
	leaves := pf.Schema().Fields()
	wantTypes := map[string]string{"ccode1": "INT(16,true)", "year": "INT(16,true)", "atop_defense": "INT(8,true)", "cinc1": "DOUBLE", "warnum": "INT(32,true)"}
	for i, fl := range leaves {
		if fl.Name() != f.Cols[i].Name {
			t.Fatalf("parquet column %d: %q, want %q (frame order)", i, fl.Name(), f.Cols[i].Name)
		}
		if w, ok := wantTypes[fl.Name()]; ok && fl.Type().String() != w {
			t.Errorf("parquet column %q: type %s, want %s", fl.Name(), fl.Type(), w)
		}
		if i >= 3 && !fl.Optional() {
			t.Errorf("parquet column %q: want optional (nullable)", fl.Name())
		}
	}
	checkParquet(t, f, buf.Bytes())
	var again bytes.Buffer
	if err := WriteParquet(&again, f, map[string]string{"casus.system": "COW v2016"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two Parquet writes of one frame differ")
	}
}

// checkParquet reads every column of a Parquet file back with parquet-go
// (an independent reader) and compares it with the frame, nulls included.
func checkParquet(t *testing.T, f *Frame, file []byte) {
	t.Helper()
	pf, err := parquet.OpenFile(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	if pf.NumRows() != int64(f.Len()) {
		t.Fatalf("parquet rows: got %d, want %d", pf.NumRows(), f.Len())
	}
	for _, rg := range pf.RowGroups() {
		for k, cc := range rg.ColumnChunks() {
			col := f.Cols[k]
			pages := cc.Pages()
			row := 0
			vals := make([]parquet.Value, 4096)
			for {
				p, err := pages.ReadPage()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				r := p.Values()
				for {
					n, err := r.ReadValues(vals)
					for _, v := range vals[:n] {
						want := col.Float(row)
						got := math.NaN()
						if !v.IsNull() {
							if col.Type == Float64 {
								got = v.Double()
							} else {
								got = float64(v.Int32())
							}
						}
						if !(got == want || math.IsNaN(got) && math.IsNaN(want)) {
							t.Fatalf("column %q row %d: parquet %v, frame %v", col.Name, row, got, want)
						}
						row++
					}
					if err == io.EOF {
						break
					}
					if err != nil {
						t.Fatal(err)
					}
				}
				parquet.Release(p)
			}
			pages.Close()
			if row != f.Len() {
				t.Fatalf("column %q: read %d values, want %d", col.Name, row, f.Len())
			}
		}
	}
}

// TestParquetEncodings writes synthetic columns that exercise the
// RLE/bit-packed hybrid's edges — runs of 7, 8, 9, 15, 16 and 17, all
// missing, a page boundary, a short last group, wide dictionaries — and
// reads them back.
func TestParquetEncodings(t *testing.T) {
	for _, n := range []int{1, 5, 8, 9, parquetPageRows + 70} {
		f := &Frame{Unit: StateYears, n: n}
		rng := uint32(7)
		next := func() uint32 { rng = rng*1664525 + 1013904223; return rng >> 8 }
		key := newColumn("ccode", Int16, n)
		yr := newColumn("year", Int16, n)
		runs := newColumn("runs", Int8, n)
		allNA := newColumn("all_na", Int8, n)
		wide := newColumn("wide", Int16, n)
		w32 := newColumn("w32", Int32, n)
		fl := newColumn("fl", Float64, n)
		lengths := []int{7, 8, 9, 15, 16, 17, 1, 2, 3}
		v, left, li := int8(0), lengths[0], 0
		for i := range n {
			key.I16[i] = int16(i / 300)
			yr.I16[i] = int16(1816 + i%201)
			if left == 0 {
				li = (li + 1) % len(lengths)
				left = lengths[li]
				v = int8(next() % 6)
				if v == 5 {
					v = NA8
				}
			}
			runs.I8[i] = v
			left--
			allNA.I8[i] = NA8
			wide.I16[i] = int16(next()%60000) - 30000
			w32.I32[i] = int32(next())
			if i%11 == 0 {
				w32.I32[i] = NA32
			}
			fl.F64[i] = float64(next()) / 7
			if i%13 == 0 {
				fl.F64[i] = math.NaN()
			}
		}
		f.Cols = []*Column{key, yr, runs, allNA, wide, w32, fl}
		var buf bytes.Buffer
		if err := WriteParquet(&buf, f, nil); err != nil {
			t.Fatal(err)
		}
		checkParquet(t, f, buf.Bytes())
	}
}

// The benchmarks measure the work of `casus panel dyad-years --add
// atop,nmc,majors,contiguity` on the real data, the World already loaded.

func benchFrame(b *testing.B) (*System, []*Adder) {
	s := cow2016(b)
	as, err := ParseAdders("atop,nmc,majors,contiguity")
	if err != nil {
		b.Fatal(err)
	}
	return s, as
}

func BenchmarkDyadYearsATOPNMCMajorsContiguity(b *testing.B) {
	s, as := benchFrame(b)
	w := testWorld(b)
	b.ReportAllocs()
	for b.Loop() {
		f, err := s.DyadYears(1816, 2016, false)
		if err != nil {
			b.Fatal(err)
		}
		if err := Apply(f, w, as, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteParquet(b *testing.B) {
	s, as := benchFrame(b)
	f, _ := s.DyadYears(1816, 2016, false)
	if err := Apply(f, testWorld(b), as, Options{}); err != nil {
		b.Fatal(err)
	}
	var n countWriter
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteParquet(&n, f, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/float64(b.N), "bytes/file")
}

func BenchmarkWriteCSV(b *testing.B) {
	s, as := benchFrame(b)
	f, _ := s.DyadYears(1816, 2016, false)
	if err := Apply(f, testWorld(b), as, Options{}); err != nil {
		b.Fatal(err)
	}
	var n countWriter
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteCSV(&n, f); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/float64(b.N), "bytes/file")
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
