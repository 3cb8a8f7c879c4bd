package main

import (
	"fmt"
	"image/color"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/casus-dev/casus/output"
)

// The figures of casus system, state, balance and reliability share one
// frame: a canvas chosen by the file's extension, source lines in small grey
// type at the foot, and an atomic write.

// newFigureCanvas returns a PNG canvas (150 dpi) for a .png path and an SVG
// canvas otherwise, w × h.
func newFigureCanvas(path string, w, h vg.Length) vg.CanvasWriterTo {
	if strings.EqualFold(filepath.Ext(path), ".png") {
		return vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(150))}
	}
	return vgsvg.New(w, h)
}

// sourceStyle is the small grey type of the source lines.
func sourceStyle() text.Style {
	return text.Style{Color: color.Gray{Y: 0x40}, Font: font.From(plot.DefaultFont, vg.Points(8)), Handler: plot.DefaultTextHandler}
}

// wrapSourceLines breaks each line at spaces so that none is wider than a
// figure of width w leaves for it (6 pt margins); a continuation is
// indented. A figure must show its whole source, not the start of it.
func wrapSourceLines(lines []string, w vg.Length) []string {
	sty := sourceStyle()
	limit := w - vg.Points(12)
	var out []string
	for _, l := range lines {
		cur := ""
		for _, word := range strings.Split(l, " ") {
			next := word
			if cur != "" {
				next = cur + " " + word
			}
			if cur != "" && strings.TrimSpace(cur) != "" && sty.Width(next) > limit {
				out = append(out, cur)
				next = "   " + word
			}
			cur = next
		}
		out = append(out, cur)
	}
	return out
}

// drawSourceLines writes lines, top first, in the strip of height h at the
// foot of dc, so that every figure says what data it rests on.
func drawSourceLines(dc draw.Canvas, h vg.Length, lines []string) {
	src := sourceStyle()
	for i, s := range lines {
		dc.FillText(src, vg.Point{X: dc.Min.X + vg.Points(6), Y: dc.Min.Y + h - vg.Points(14) - vg.Length(i)*vg.Points(11)}, s)
	}
}

// writeFigure writes the canvas to path atomically: a failed write leaves no
// partial file.
func writeFigure(c vg.CanvasWriterTo, path string) error {
	f, err := output.CreateAtomic(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	if _, err := c.WriteTo(f); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return f.Commit()
}
