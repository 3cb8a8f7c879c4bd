package similarity

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/parquet-go/parquet-go"
)

func TestAppendDecimal(t *testing.T) {
	cases := []struct {
		v    float64
		want string
	}{
		{1, "1"}, {-1, "-1"}, {0, "0"}, {0.4, "0.4"}, {2.0 / 3, "0.6666666667"},
		{-0.022727272727272707, "-0.0227272727"}, {-0.022727272727272728, "-0.0227272727"},
		{-1e-12, "0"}, {0.00001234567891, "0.0000123457"}, {-0.5, "-0.5"},
		{1e9, "1000000000.0000000000"},
	}
	for _, c := range cases {
		if got := string(appendDecimal(nil, c.v)); got != c.want {
			t.Errorf("appendDecimal(%v) = %q, want %q", c.v, got, c.want)
		}
	}
	r := rand.New(rand.NewPCG(11, 12))
	for i := 0; i < 100000; i++ {
		v := r.Float64()*4 - 2
		s := string(appendDecimal(nil, v))
		back, err := strconv.ParseFloat(s, 64)
		if err != nil || math.Abs(back-v) > 0.5e-10+1e-15 {
			t.Fatalf("%v written as %q (read back %v, err %v)", v, s, back, err)
		}
	}
}

func TestCSVAndParquetRoundTrip(t *testing.T) {
	w := realWorld(t)
	// NMC 6.0 ends in 2016: the 2017 rows must carry missing weighted
	// measures, as empty CSV fields and Parquet nulls.
	ys, sum := collect(t, w, Options{First: 2016, Last: 2017, NMC: "6.0"})
	l := Layout{Measures: allMeasures(), NMC: sum.NMC}
	header := l.Header()
	if len(header) != 3+NumMeasures+1 || header[3] != "sallyvua" || header[len(header)-1] != "nmc" {
		t.Fatalf("header %v", header)
	}

	var csvText []byte
	csvText = append(csvText, l.CSVHeader()...)
	for _, y := range ys {
		csvText = l.AppendCSV(csvText, y)
	}
	recs, err := csv.NewReader(bytes.NewReader(csvText)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1+sum.Rows {
		t.Fatalf("CSV has %d records, want %d + header", len(recs), sum.Rows)
	}
	row := 1
	for _, y := range ys {
		for d := 0; d < y.Len(); d++ {
			rec := recs[row]
			row++
			if rec[0] != strconv.Itoa(int(y.Code1[d])) || rec[1] != strconv.Itoa(int(y.Code2[d])) || rec[2] != strconv.Itoa(y.Year) || rec[len(rec)-1] != "6.0" {
				t.Fatalf("CSV line %d: %v", row, rec[:3])
			}
			for i, m := range l.Measures {
				v, cell := y.Values[m][d], rec[3+i]
				if math.IsNaN(v) {
					if cell != "" {
						t.Fatalf("CSV line %d %s: %q for a missing value, want empty", row, m, cell)
					}
					continue
				}
				got, err := strconv.ParseFloat(cell, 64)
				if err != nil || math.Abs(got-v) > 0.5e-10+1e-15 {
					t.Fatalf("CSV line %d %s: %q, want %v", row, m, cell, v)
				}
			}
			if y.Year == 2017 && rec[3+int(SallyVWA)] != "" {
				t.Fatalf("CSV 2017 sallyvwa = %q with NMC 6.0, want empty", rec[3+int(SallyVWA)])
			}
		}
	}

	// Through the engine with row groups prepared in the workers, as the
	// CLI writes; ys above stay as they were for comparison.
	var buf bytes.Buffer
	pw := NewParquetWriter(&buf, l)
	if _, err := DyadYears(context.Background(), w, Options{First: 2016, Last: 2017, NMC: "6.0", Prepare: pw.Prepare}, pw.Write); err != nil {
		t.Fatal(err)
	}
	if err := pw.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.Lookup("casus.nmc"); v != "6.0" {
		t.Errorf("Parquet metadata casus.nmc = %q, want 6.0", v)
	}
	var names []string
	for _, c := range f.Schema().Columns() {
		names = append(names, c[0])
	}
	if fmt.Sprint(names) != fmt.Sprint(header) {
		t.Errorf("Parquet columns %v, want %v", names, header)
	}
	type prow struct {
		Ccode1  int32    `parquet:"ccode1"`
		Ccode2  int32    `parquet:"ccode2"`
		Year    int32    `parquet:"year"`
		VWA     *float64 `parquet:"sallyvwa,optional"`
		KallyV  *float64 `parquet:"kallyv,optional"`
		TauB    *float64 `parquet:"taub,optional"`
		NMC     string   `parquet:"nmc"`
		SallyBU *float64 `parquet:"sallybua,optional"`
	}
	rows, err := parquet.Read[prow](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != sum.Rows {
		t.Fatalf("Parquet has %d rows, want %d", len(rows), sum.Rows)
	}
	i := 0
	same := func(p *float64, v float64) bool {
		if math.IsNaN(v) {
			return p == nil
		}
		return p != nil && *p == v
	}
	for _, y := range ys {
		for d := 0; d < y.Len(); d++ {
			r := rows[i]
			i++
			if r.Ccode1 != y.Code1[d] || r.Ccode2 != y.Code2[d] || int(r.Year) != y.Year || r.NMC != "6.0" {
				t.Fatalf("Parquet row %d: %+v", i, r)
			}
			if !same(r.VWA, y.Values[SallyVWA][d]) || !same(r.KallyV, y.Values[KallyV][d]) || !same(r.TauB, y.Values[TauBAlly][d]) || !same(r.SallyBU, y.Values[SallyBUA][d]) {
				t.Fatalf("Parquet row %d (%d-%d %d): values differ from the engine's", i, r.Ccode1, r.Ccode2, r.Year)
			}
			if y.Year == 2017 && r.VWA != nil {
				t.Fatalf("Parquet 2017 sallyvwa = %v with NMC 6.0, want null", *r.VWA)
			}
		}
	}
}

// BenchmarkAppendDecimal compares the CSV number writer with strconv at the
// same precision.
func BenchmarkAppendDecimal(b *testing.B) {
	r := rand.New(rand.NewPCG(13, 14))
	vals := make([]float64, 1024)
	for i := range vals {
		vals[i] = r.Float64()*2 - 1
	}
	buf := make([]byte, 0, 64)
	b.Run("appendDecimal", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			buf = appendDecimal(buf[:0], vals[i&1023])
		}
	})
	b.Run("strconv-f10", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			buf = strconv.AppendFloat(buf[:0], vals[i&1023], 'f', 10, 64)
		}
	})
	b.Run("strconv-shortest", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			buf = strconv.AppendFloat(buf[:0], vals[i&1023], 'g', -1, 64)
		}
	})
}
