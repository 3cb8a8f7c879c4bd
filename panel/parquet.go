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
		encoded
		err error
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
				e, err := encodeColumn(f.Cols[k], f.Len(), codec)
				results[k] <- chunk{e, err}
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
		md := format.ColumnMetaData{
			Type:                  physicalType(c.Type),
			Encoding:              r.encodings,
			PathInSchema:          []string{c.Name},
			Codec:                 r.codec,
			NumValues:             nvals,
			TotalUncompressedSize: r.uncompressed,
			TotalCompressedSize:   int64(len(r.data)),
			DataPageOffset:        offset + r.dictLen,
		}
		if r.dictLen > 0 {
			md.DictionaryPageOffset = offset
		}
		rg.Columns = append(rg.Columns, format.ColumnChunk{FileOffset: offset, MetaData: md})
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

// scratch is the working memory of one column encoding, reused across
// columns: allocating it afresh per column cost more in page faults than
// the encoding itself.
type scratch struct {
	slot                [1 << 16]int32
	seen                [1 << 16]bool
	levels, idx         []uint32
	body, buf, lv, comp []byte
}

var scratchPool = sync.Pool{New: func() any {
	return &scratch{levels: make([]uint32, 0, parquetPageRows), idx: make([]uint32, 0, parquetPageRows)}
}}

// encoded is one column chunk ready to write.
type encoded struct {
	data         []byte
	uncompressed int64
	dictLen      int64 // bytes of the dictionary page (header included) at the start, 0 if none
	codec        format.CompressionCodec
	encodings    []format.Encoding
}

// encodeColumn encodes a column chunk. Small integers (codes, years, flags)
// are dictionary-encoded: a PLAIN dictionary page, then data pages of
// RLE/bit-packed indices — a flag costs about a bit per row, a code at most
// a byte. Floats and war numbers are PLAIN, compressed with codec: a
// dictionary of NMC's 17,000 state-years would need 15-bit indices that
// compress worse than the plain values, whose year sequences repeat from
// dyad to dyad and suit Snappy.
func encodeColumn(c *Column, n int, codec format.CompressionCodec) (encoded, error) {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	var e encoded
	le := binary.LittleEndian
	// Compressed floats take about a tenth of their 8 bytes, dictionary
	// indices of flags and codes at most a byte: one allocation for the
	// chunk in the common case.
	if c.Type == Float64 || c.Type == Int32 {
		e.data = make([]byte, 0, n+4096)
	} else {
		e.data = make([]byte, 0, n/4+4096)
	}
	dictionary := c.Type == Int16 || c.Type == Int8
	optional := c.Type != Int16
	// slot maps value+32768 to its dictionary index.
	var slot []int32
	ndict := 0
	if dictionary {
		slot = sc.slot[:]
		seen := sc.seen[:]
		clear(seen)
		if c.Type == Int8 {
			for _, v := range c.I8[:n] {
				if v != NA8 {
					seen[int(v)+32768] = true
				}
			}
		} else {
			for _, v := range c.I16[:n] {
				seen[int(v)+32768] = true
			}
		}
		// Ascending value order, so the file does not depend on which
		// value came first.
		var dict []byte
		for v, ok := range seen {
			if ok {
				slot[v] = int32(ndict)
				ndict++
				dict = le.AppendUint32(dict, uint32(int32(v-32768)))
			}
		}
		e.codec = format.Uncompressed
		e.encodings = []format.Encoding{format.Plain, format.RLE, format.RLEDictionary}
		h := format.PageHeader{
			Type:                 format.DictionaryPage,
			UncompressedPageSize: int32(len(dict)),
			CompressedPageSize:   int32(len(dict)),
			DictionaryPageHeader: thrift.New(format.DictionaryPageHeader{NumValues: int32(ndict), Encoding: format.Plain}),
		}
		hb, err := thrift.Marshal(new(thrift.CompactProtocol), &h)
		if err != nil {
			return e, err
		}
		e.data = append(append(e.data, hb...), dict...)
		e.dictLen = int64(len(e.data))
	} else {
		e.codec = codec
		e.encodings = []format.Encoding{format.Plain, format.RLE}
	}
	bw := bitWidth(uint32(max(ndict-1, 0)))
	levels, idx := sc.levels[:0], sc.idx[:0]
	body, buf, lv, comp := sc.body, sc.buf, sc.lv, sc.comp
	defer func() { sc.body, sc.buf, sc.lv, sc.comp = body, buf, lv, comp }()
	for lo := 0; lo < n; lo += parquetPageRows {
		hi := min(lo+parquetPageRows, n)
		// One pass per page over the typed slice: levels, then indices or
		// PLAIN bytes of the present values.
		np := hi - lo
		levels, idx = levels[:np], idx[:np]
		// PLAIN values go to buf after room for the levels, so the page
		// body is levels+values without copying the values.
		pre := 4 + np/2 + 64
		if cap(buf) < pre+np*8 {
			buf = make([]byte, pre+np*8)
		}
		buf = buf[:cap(buf)]
		m, nulls := 0, 0
		switch {
		case c.Type == Int16:
			for i, v := range c.I16[lo:hi] {
				idx[i] = uint32(slot[int(v)+32768])
			}
			m = np
		case c.Type == Int8:
			for i, v := range c.I8[lo:hi] {
				if v == NA8 {
					levels[i] = 0
					nulls++
					continue
				}
				levels[i] = 1
				idx[m] = uint32(slot[int(v)+32768])
				m++
			}
		case c.Type == Int32:
			vals := buf[pre:]
			for i, v := range c.I32[lo:hi] {
				if v == NA32 {
					levels[i] = 0
					nulls++
					continue
				}
				levels[i] = 1
				le.PutUint32(vals[4*m:], uint32(v))
				m++
			}
			m *= 4
		case c.Idx != nil:
			vals, dict := buf[pre:], c.Dict
			for i, k := range c.Idx[lo:hi] {
				if k < 0 || math.IsNaN(dict[k]) {
					levels[i] = 0
					nulls++
					continue
				}
				levels[i] = 1
				le.PutUint64(vals[8*m:], math.Float64bits(dict[k]))
				m++
			}
			m *= 8
		default:
			vals := buf[pre:]
			for i, v := range c.F64[lo:hi] {
				if math.IsNaN(v) {
					levels[i] = 0
					nulls++
					continue
				}
				levels[i] = 1
				le.PutUint64(vals[8*m:], math.Float64bits(v))
				m++
			}
			m *= 8
		}
		lv = lv[:0]
		if optional {
			if nulls == 0 {
				// Every row present: one RLE run of 1s.
				lv = binary.AppendUvarint(append(lv, 0, 0, 0, 0), uint64(np)<<1)
				lv = append(lv, 1)
			} else {
				lv = appendHybrid(append(lv, 0, 0, 0, 0), levels, 1)
			}
			le.PutUint32(lv, uint32(len(lv)-4))
		}
		enc := format.Plain
		if dictionary {
			enc = format.RLEDictionary
			body = appendHybrid(append(append(body[:0], lv...), byte(bw)), idx[:m], bw)
		} else {
			start := pre - len(lv)
			copy(buf[start:], lv)
			body = buf[start : pre+m]
		}
		stored := body
		if e.codec == format.Snappy {
			comp = s2.EncodeSnappy(comp[:cap(comp)], body)
			stored = comp
		}
		h := format.PageHeader{
			Type:                 format.DataPage,
			UncompressedPageSize: int32(len(body)),
			CompressedPageSize:   int32(len(stored)),
			DataPageHeader: thrift.New(format.DataPageHeader{
				NumValues:               int32(hi - lo),
				Encoding:                enc,
				DefinitionLevelEncoding: format.RLE,
				RepetitionLevelEncoding: format.RLE,
			}),
		}
		hb, err := thrift.Marshal(new(thrift.CompactProtocol), &h)
		if err != nil {
			return e, err
		}
		e.data = append(append(e.data, hb...), stored...)
		e.uncompressed += int64(len(hb) + len(body))
	}
	e.uncompressed += e.dictLen
	return e, nil
}

func bitWidth(v uint32) int {
	w := 0
	for v != 0 {
		w++
		v >>= 1
	}
	return w
}

// appendHybrid appends vals in Parquet's RLE/bit-packed hybrid encoding
// with bit width w: runs of eight or more equal values as RLE runs, the
// rest bit-packed in groups of eight (only the last group may be padded;
// readers stop at the page's value count).
func appendHybrid(b []byte, vals []uint32, w int) []byte {
	n := len(vals)
	vb := (w + 7) / 8
	next := -1 // run length at i when already known
	for i := 0; i < n; {
		r := next
		if r < 0 {
			r = runLen(vals, i)
		}
		next = -1
		if r >= 8 {
			b = binary.AppendUvarint(b, uint64(r)<<1)
			for k := 0; k < vb; k++ {
				b = append(b, byte(vals[i]>>(8*k)))
			}
			i += r
			continue
		}
		// Literal groups of eight until a long run starts on a group edge.
		j := i
		for j < n {
			j += 8
			if j < n {
				if r := runLen(vals, j); r >= 16 {
					next = r
					break
				}
			}
		}
		groups := (min(j, n) - i + 7) / 8
		b = binary.AppendUvarint(b, uint64(groups)<<1|1)
		if w == 0 {
			i = j
			continue
		}
		// Pack LSB first through a 64-bit accumulator (w <= 32).
		var acc uint64
		nb := 0
		for k := i; k < i+groups*8; k++ {
			var v uint32
			if k < n {
				v = vals[k]
			}
			acc |= uint64(v) << nb
			nb += w
			for nb >= 8 {
				b = append(b, byte(acc))
				acc >>= 8
				nb -= 8
			}
		}
		i = j
	}
	return b
}

// runLen is the length of the run of equal values starting at i.
func runLen(vals []uint32, i int) int {
	v := vals[i]
	j := i + 1
	for j < len(vals) && vals[j] == v {
		j++
	}
	return j - i
}
