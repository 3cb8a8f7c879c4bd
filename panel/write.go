package panel

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"sync"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
	"github.com/parquet-go/parquet-go/compress/snappy"
)

// WriteCSV writes f as CSV: a header of column names, then one line per
// row. Missing values are empty fields; floats use the shortest decimal
// that reads back to the same float64, never an exponent (R and
// spreadsheets read both, people read the plain form better).
//
// Rows are formatted in parallel blocks and written in order, so the bytes
// do not depend on the number of CPUs.
func WriteCSV(w io.Writer, f *Frame) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	for i, c := range f.Cols {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString(c.Name)
	}
	bw.WriteByte('\n')
	const block = 1 << 15
	nb := (f.Len() + block - 1) / block
	// A small pipeline: workers format blocks into buffers, the writer
	// takes them in order. Two blocks in flight per worker bound memory.
	const workers = 2
	chans := make([]chan []byte, nb)
	for i := range chans {
		chans[i] = make(chan []byte, 1)
	}
	sem := make(chan struct{}, 2*workers)
	pool := sync.Pool{New: func() any { b := make([]byte, 0, block*64); return &b }}
	go func() {
		var wg sync.WaitGroup
		for k := 0; k < nb; k++ {
			sem <- struct{}{}
			wg.Add(1)
			go func(k int) {
				defer wg.Done()
				bp := pool.Get().(*[]byte)
				lo, hi := k*block, min((k+1)*block, f.Len())
				chans[k] <- appendRows((*bp)[:0], f, lo, hi)
			}(k)
		}
		wg.Wait()
	}()
	var err error
	for k := 0; k < nb; k++ {
		b := <-chans[k]
		if err == nil {
			_, err = bw.Write(b)
		}
		b = b[:0]
		pool.Put(&b)
		<-sem
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

func appendRows(b []byte, f *Frame, lo, hi int) []byte {
	for i := lo; i < hi; i++ {
		for k, c := range f.Cols {
			if k > 0 {
				b = append(b, ',')
			}
			switch c.Type {
			case Int16:
				b = strconv.AppendInt(b, int64(c.I16[i]), 10)
			case Int8:
				if v := c.I8[i]; v != NA8 {
					if v >= 0 && v < 10 {
						b = append(b, '0'+byte(v))
					} else {
						b = strconv.AppendInt(b, int64(v), 10)
					}
				}
			case Int32:
				if v := c.I32[i]; v != NA32 {
					b = strconv.AppendInt(b, int64(v), 10)
				}
			case Float64:
				if v := c.F64[i]; !math.IsNaN(v) {
					b = strconv.AppendFloat(b, v, 'f', -1, 64)
				}
			}
		}
		b = append(b, '\n')
	}
	return b
}

// ParquetCodec is the compression WriteParquet uses: Snappy, the Parquet
// ecosystem's default, which costs little time and shrinks these panels
// (long runs of equal codes, years and flags) several-fold.
var ParquetCodec compress.Codec = &snappy.Codec{}

// parquetSchema maps the frame's columns to Parquet types: key columns
// required INT(16); flags and small codes optional INT(8); war numbers
// optional INT(32); measurements optional DOUBLE. Column order follows the
// frame (a parquet.Group would sort the names).
func parquetSchema(f *Frame) *parquet.Schema {
	fields := make([]reflect.StructField, len(f.Cols))
	for i, c := range f.Cols {
		var t reflect.Type
		switch c.Type {
		case Int16:
			t = reflect.TypeFor[int16]()
		case Int8:
			t = reflect.TypeFor[*int8]()
		case Int32:
			t = reflect.TypeFor[*int32]()
		default:
			t = reflect.TypeFor[*float64]()
		}
		fields[i] = reflect.StructField{Name: fmt.Sprintf("F%d", i), Type: t, Tag: reflect.StructTag(`parquet:"` + c.Name + `"`)}
	}
	return parquet.SchemaOf(reflect.New(reflect.StructOf(fields)).Elem().Interface())
}

// WriteParquet writes f as one Parquet row group with the frame's column
// order and types, missing values as nulls. meta is stored as key-value
// metadata (data versions, notes).
func WriteParquet(w io.Writer, f *Frame, meta map[string]string) error {
	schema := parquetSchema(f)
	opts := []parquet.WriterOption{schema, parquet.Compression(ParquetCodec), parquet.CreatedBy("casus", "", "")}
	for k, v := range meta {
		opts = append(opts, parquet.KeyValueMetadata(k, v))
	}
	pw := parquet.NewWriter(w, opts...)
	cws := pw.ColumnWriters()
	if len(cws) != len(f.Cols) {
		return fmt.Errorf("parquet schema has %d columns for %d in the frame", len(cws), len(f.Cols))
	}
	// Columns are independent: encode them on all CPUs, each in chunks of
	// values so memory stays small.
	errs := make([]error, len(f.Cols))
	var wg sync.WaitGroup
	next := make(chan int)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			vals := make([]parquet.Value, 0, 1<<14)
			for k := range next {
				errs[k] = writeColumn(cws[k], f.Cols[k], k, f.Len(), vals)
			}
		}()
	}
	for k := range f.Cols {
		next <- k
	}
	close(next)
	wg.Wait()
	for k, err := range errs {
		if err != nil {
			return fmt.Errorf("parquet column %q: %w", f.Cols[k].Name, err)
		}
	}
	return pw.Close()
}

func writeColumn(cw *parquet.ColumnWriter, c *Column, k, n int, vals []parquet.Value) error {
	for lo := 0; lo < n; lo += cap(vals) {
		hi := min(lo+cap(vals), n)
		vals = vals[:0]
		switch c.Type {
		case Int16:
			for _, v := range c.I16[lo:hi] {
				vals = append(vals, parquet.Int32Value(int32(v)).Level(0, 0, k))
			}
		case Int8:
			for _, v := range c.I8[lo:hi] {
				if v == NA8 {
					vals = append(vals, parquet.NullValue().Level(0, 0, k))
				} else {
					vals = append(vals, parquet.Int32Value(int32(v)).Level(0, 1, k))
				}
			}
		case Int32:
			for _, v := range c.I32[lo:hi] {
				if v == NA32 {
					vals = append(vals, parquet.NullValue().Level(0, 0, k))
				} else {
					vals = append(vals, parquet.Int32Value(v).Level(0, 1, k))
				}
			}
		case Float64:
			for _, v := range c.F64[lo:hi] {
				if math.IsNaN(v) {
					vals = append(vals, parquet.NullValue().Level(0, 0, k))
				} else {
					vals = append(vals, parquet.DoubleValue(v).Level(0, 1, k))
				}
			}
		}
		if _, err := cw.WriteRowValues(vals); err != nil {
			return err
		}
	}
	return nil
}
