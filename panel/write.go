package panel

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"sync"
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
	// Gathered columns (NMC) format each dictionary value once: a
	// state-year's milex appears in hundreds of dyad rows.
	pre := make([]*formatted, len(f.Cols))
	byDict := map[*float64]*formatted{}
	for k, c := range f.Cols {
		if c.Idx == nil || len(c.Dict) == 0 {
			continue
		}
		if p, ok := byDict[&c.Dict[0]]; ok {
			pre[k] = p
			continue
		}
		p := &formatted{off: make([]int32, len(c.Dict)+1)}
		for i, v := range c.Dict {
			if !math.IsNaN(v) {
				p.buf = strconv.AppendFloat(p.buf, v, 'f', -1, 64)
			}
			p.off[i+1] = int32(len(p.buf))
		}
		byDict[&c.Dict[0]] = p
		pre[k] = p
	}
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
				chans[k] <- appendRows((*bp)[:0], f, pre, lo, hi)
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

// formatted holds the decimal forms of a dictionary: value i is
// buf[off[i]:off[i+1]] (empty when missing).
type formatted struct {
	buf []byte
	off []int32
}

func appendRows(b []byte, f *Frame, pre []*formatted, lo, hi int) []byte {
	for i := lo; i < hi; i++ {
		for k, c := range f.Cols {
			if k > 0 {
				b = append(b, ',')
			}
			if p := pre[k]; p != nil {
				if x := c.Idx[i]; x >= 0 {
					b = append(b, p.buf[p.off[x]:p.off[x+1]]...)
				}
				continue
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
				if v := c.F(i); !math.IsNaN(v) {
					b = strconv.AppendFloat(b, v, 'f', -1, 64)
				}
			}
		}
		b = append(b, '\n')
	}
	return b
}
