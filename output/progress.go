package output

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"
)

// Progress draws a one-line progress bar on a terminal. On anything else
// (a pipe, a file, CI) it stays silent, so logs stay clean.
type Progress struct {
	mu     sync.Mutex
	w      io.Writer
	label  string
	total  int64
	done   int64
	active bool
	last   time.Time
	start  time.Time
}

// NewProgress returns a bar for total units written to w; it is active
// only when w is a terminal.
func NewProgress(w io.Writer, label string, total int64) *Progress {
	p := &Progress{w: w, label: label, total: total, start: time.Now()}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.active = true
	}
	return p
}

// Add records n more units done.
func (p *Progress) Add(n int64) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	if !p.active || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.draw()
}

func (p *Progress) draw() {
	const width = 30
	frac := 0.0
	if p.total > 0 {
		frac = float64(p.done) / float64(p.total)
	}
	if frac > 1 {
		frac = 1
	}
	n := int(frac * width)
	bar := make([]byte, width)
	for i := range bar {
		if i < n {
			bar[i] = '#'
		} else {
			bar[i] = '.'
		}
	}
	fmt.Fprintf(p.w, "\r%s [%s] %3.0f%% %s\x1b[K", p.label, bar, 100*frac, time.Since(p.start).Round(100*time.Millisecond))
}

// Done finishes the bar with a newline.
func (p *Progress) Done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.active {
		p.done = p.total
		p.draw()
		fmt.Fprintln(p.w)
	}
}
