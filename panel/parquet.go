package panel

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"

	"github.com/klauspost/compress/s2"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// The Parquet writer is hand-rolled on parquet-go's format and thrift
// packages: the frame is already columnar, so each column chunk is a few
// PLAIN-encoded pages written straight from the typed slice. parquet-go's
// general writer boxes every cell in a parquet.Value, which made writing a
// million-row panel some twenty times slower than the rest of the work.
// The round-trip test reads the files back with parquet-go's reader.

// parquetPageRows is the number of rows per data page: pages of at most
// 512 KiB of doubles, the size readers handle well.
const parquetPageRows = 1 << 16

// ParquetCompression selects the page codec: "snappy" (the default, in its
// fast mode: the panels' repeated codes, years and flags shrink several-fold
// at little cost) or "none".
var ParquetCompression = "snappy"

// WriteParquet writes f as a Parquet file of one row group, with the
// frame's column order and types: key columns required INT(16); flags and
// small codes optional INT(8); war numbers optional INT(32); measurements
// optional DOUBLE; missing values as nulls. meta is stored as key-value
// metadata (data versions, notes).
func WriteParquet(w io.Writer, f *Frame, meta map[string]string) error {
	codec := format.Snappy
	if ParquetCompression == "none" {
		codec = format.Uncompressed
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	if _, err := bw.WriteString("PAR1"); err != nil {
		return err
	}
	offset := int64(4)

	// Encode columns on all CPUs, write them in order as they finish.
	type chunk struct {
		data         []byte
		uncompressed int64
		err          error
	}
	results := make([]chan chunk, len(f.Cols))
	for i := range results {
		results[i] = make(chan chunk, 1)
	}
	sem := make(chan struct{}, 3) // columns in flight: bounds memory
	go func() {
		for k := range f.Cols {
			sem <- struct{}{}
			go func(k int) {
				data, unc, err := encodeColumn(f.Cols[k], f.Len(), codec)
				results[k] <- chunk{data: data, uncompressed: unc, err: err}
			}(k)
		}
	}()
	fm := format.FileMetaData{
		Version:   1,
		NumRows:   int64(f.Len()),
		CreatedBy: "casus panel",
	}
	fm.Schema = append(fm.Schema, format.SchemaElement{Name: "schema", NumChildren: thrift.New(int32(len(f.Cols)))})
	rg := format.RowGroup{NumRows: int64(f.Len())}
	var werr error
	for k, c := range f.Cols {
		r := <-results[k]
		<-sem
		if r.err != nil && werr == nil {
			werr = fmt.Errorf("parquet column %q: %w", c.Name, r.err)
		}
		if werr != nil {
			continue
		}
		if _, err := bw.Write(r.data); err != nil {
			werr = err
			continue
		}
		fm.Schema = append(fm.Schema, schemaElement(c))
		nvals := int64(f.Len())
		rg.Columns = append(rg.Columns, format.ColumnChunk{
			FileOffset: offset,
			MetaData: format.ColumnMetaData{
				Type:                  physicalType(c.Type),
				Encoding:              []format.Encoding{format.Plain, format.RLE},
				PathInSchema:          []string{c.Name},
				Codec:                 codec,
				NumValues:             nvals,
				TotalUncompressedSize: r.uncompressed,
				TotalCompressedSize:   int64(len(r.data)),
				DataPageOffset:        offset,
			},
		})
		rg.TotalByteSize += r.uncompressed
		offset += int64(len(r.data))
	}
	if werr != nil {
		return werr
	}
	fm.RowGroups = []format.RowGroup{rg}
	keys := make([]string, 0, len(meta))
	for k := range meta {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fm.KeyValueMetadata = append(fm.KeyValueMetadata, format.KeyValue{Key: k, Value: meta[k]})
	}
	footer, err := thrift.Marshal(new(thrift.CompactProtocol), &fm)
	if err != nil {
		return err
	}
	bw.Write(footer)
	var tail [8]byte
	binary.LittleEndian.PutUint32(tail[:4], uint32(len(footer)))
	copy(tail[4:], "PAR1")
	bw.Write(tail[:])
	return bw.Flush()
}

func physicalType(t Type) format.Type {
	if t == Float64 {
		return format.Double
	}
	return format.Int32
}

func schemaElement(c *Column) format.SchemaElement {
	e := format.SchemaElement{Name: c.Name, Type: thrift.New(physicalType(c.Type))}
	rep := format.Optional
	bits := 0
	var conv deprecated.ConvertedType
	switch c.Type {
	case Int16:
		rep, bits, conv = format.Required, 16, deprecated.Int16
	case Int8:
		bits, conv = 8, deprecated.Int8
	case Int32:
		bits, conv = 32, deprecated.Int32
	}
	e.RepetitionType = thrift.New(rep)
	if bits > 0 {
		e.ConvertedType = thrift.New(conv)
		e.LogicalType = format.LogicalType{Value: &format.IntType{BitWidth: int8(bits), IsSigned: true}}
	}
	return e
}

var pagePool = sync.Pool{New: func() any { b := make([]byte, 0, parquetPageRows*8+parquetPageRows/8+16); return &b }}

// encodeColumn returns the column chunk: data pages, each a thrift page
// header and its (compressed) body of definition levels and PLAIN values.
func encodeColumn(c *Column, n int, codec format.CompressionCodec) ([]byte, int64, error) {
	width := 4
	if c.Type == Float64 {
		width = 8
	}
	out := make([]byte, 0, n*width/3+1024)
	bp := pagePool.Get().(*[]byte)
	defer pagePool.Put(bp)
	var unc int64
	for lo := 0; lo < n; lo += parquetPageRows {
		hi := min(lo+parquetPageRows, n)
		body := appendPage((*bp)[:0], c, lo, hi)
		*bp = body
		stored := body
		if codec == format.Snappy {
			stored = s2.EncodeSnappy(nil, body)
		}
		h := format.PageHeader{
			Type:                 format.DataPage,
			UncompressedPageSize: int32(len(body)),
			CompressedPageSize:   int32(len(stored)),
			DataPageHeader: thrift.New(format.DataPageHeader{
				NumValues:               int32(hi - lo),
				Encoding:                format.Plain,
				DefinitionLevelEncoding: format.RLE,
				RepetitionLevelEncoding: format.RLE,
			}),
		}
		hb, err := thrift.Marshal(new(thrift.CompactProtocol), &h)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, hb...)
		out = append(out, stored...)
		unc += int64(len(hb) + len(body))
	}
	return out, unc, nil
}

// appendPage appends a v1 data page body for rows [lo, hi): for optional
// columns the definition levels (4-byte length, then one bit-packed run of
// bit width 1), then the PLAIN values of the non-null rows.
func appendPage(b []byte, c *Column, lo, hi int) []byte {
	le := binary.LittleEndian
	if c.Type != Int16 {
		n := hi - lo
		groups := (n + 7) / 8
		var hdr [binary.MaxVarintLen64]byte
		hl := binary.PutUvarint(hdr[:], uint64(groups)<<1|1)
		b = le.AppendUint32(b, uint32(hl+groups))
		b = append(b, hdr[:hl]...)
		start := len(b)
		b = append(b, make([]byte, groups)...)
		bits := b[start:]
		for i := lo; i < hi; i++ {
			if !c.IsNA(i) {
				bits[(i-lo)>>3] |= 1 << ((i - lo) & 7)
			}
		}
	}
	switch c.Type {
	case Int16:
		for _, v := range c.I16[lo:hi] {
			b = le.AppendUint32(b, uint32(int32(v)))
		}
	case Int8:
		for _, v := range c.I8[lo:hi] {
			if v != NA8 {
				b = le.AppendUint32(b, uint32(int32(v)))
			}
		}
	case Int32:
		for _, v := range c.I32[lo:hi] {
			if v != NA32 {
				b = le.AppendUint32(b, uint32(v))
			}
		}
	case Float64:
		for _, v := range c.F64[lo:hi] {
			if !math.IsNaN(v) {
				b = le.AppendUint64(b, math.Float64bits(v))
			}
		}
	}
	return b
}
