package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/casus-dev/casus/compare"
	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/world"
)

func init() {
	register(&command{
		Name:    "treaty compare",
		Summary: "treaties side by side: trigger, response, scope, adversary, term, members, institutions, strength",
		Usage: `Usage: casus treaty compare ID... [--articles] [--on DATE] [--width N] [--format text|md|json|csv]

One column per treaty (or, with --articles, per article), one row per
design feature: the obligations; the trigger of the defense promise and
what must already be true (a state of war, a request, an attack from
outside); the response and its qualifiers (immediately, all means, as it
deems necessary, constitutional processes); geographic scope; adversary
limits; asymmetry; term, renewal and notice (the treaty file's fields, each
with its provenance tag [V]/[D]/[M]/[U]; ATOP's coded duration, tagged [D],
for an alliance whose file states none); the members in force on
--on (default today); institutions and secrecy as ATOP 5.1 codes them for
the linked alliance (atop5_1aph.csv, latest phase; Leeds & Anac MILINST);
what the treaty file says about nuclear weapons; and a commitment-strength
row whose rule is printed under the table (compare/doc.go).

Every cell is built from fields of the treaty file or ATOP; --format json
and csv give each cell's sources (file, field path, value).

Example:
  casus treaty compare rus-prk-2024 rus-blr-2024 csto usa-rok-1953 nato-1949
`,
		Run: runTreatyCompare,
	})
}

func runTreatyCompare(ctx context.Context, m *Main, args []string) error {
	f := newFlags(m, commands["treaty compare"]).withData().withFormat().withTreaties()
	articles := f.Bool("articles", false, "one column per article instead of per treaty")
	on := f.String("on", "", "date for the members in force (default today)")
	width := f.Int("width", 200, "text: total width to wrap the table to")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return &UsageError{Msg: "treaty compare needs one or more treaty IDs", Hint: "casus treaty list"}
	}
	date := world.FromTime(time.Now())
	if *on != "" {
		if date, err = world.ParseDate(*on); err != nil {
			return &UsageError{Msg: "--on: " + err.Error()}
		}
	}
	if *width < 60 {
		return &UsageError{Msg: fmt.Sprintf("--width: want at least 60, got %d", *width)}
	}
	w, err := f.loadWorld(ctx, source.States)
	if err != nil {
		return err
	}
	var ts []*world.Treaty
	for _, id := range pos {
		t, err := findTreaty(w, id)
		if err != nil {
			return err
		}
		ts = append(ts, t)
	}
	var c *compare.Comparison
	if *articles {
		c = compare.Articles(ts)
	} else {
		d, err := f.needData()
		if err != nil {
			return err
		}
		atop, err := loadCompareATOP(d)
		if err != nil {
			return err
		}
		c = compare.Treaties(w, ts, date, atop)
	}
	return writeComparison(m.Stdout, c, f.format, *width, w)
}

func loadCompareATOP(d *source.Data) (*compare.ATOP, error) {
	phases, _, err := source.ReadATOPPhases(d.File(source.PathATOPPhases))
	if err != nil {
		return nil, err
	}
	inst, _, err := source.ReadATOPInstitutionalization(d.File(source.PathATOPInst))
	if err != nil {
		return nil, err
	}
	return &compare.ATOP{Phases: phases, Inst: inst}, nil
}

func columnTitle(col compare.Column) string {
	if col.Article != "" {
		return col.Treaty + " " + col.Article
	}
	return col.Treaty
}

func writeComparison(out io.Writer, c *compare.Comparison, format string, width int, w *world.World) error {
	switch format {
	case "json":
		return output.WriteJSON(out, c)
	case "csv":
		t := &output.Table{Columns: []string{"feature", "treaty", "article", "value", "sources"}}
		for _, r := range c.Rows {
			for j, cell := range r.Cells {
				var ss []string
				for _, s := range cell.Sources {
					ss = append(ss, s.File+":"+s.Field+"="+s.Value)
				}
				t.Add(r.Key, c.Columns[j].Treaty, c.Columns[j].Article, cell.Text, strings.Join(ss, "; "))
			}
		}
		return t.Write(out, "csv")
	case "md":
		cols := []string{"feature"}
		for _, col := range c.Columns {
			cols = append(cols, columnTitle(col))
		}
		t := &output.Table{Columns: cols}
		for _, r := range c.Rows {
			row := []string{r.Label}
			for _, cell := range r.Cells {
				row = append(row, cell.Text)
			}
			t.Add(row...)
		}
		t.Add(provenanceRow(c)...)
		t.Notes = append(compareNotes(c), stateKey(w, compareCodes(c))...)
		return t.Write(out, "md")
	}
	// text: wrap each cell to its column so five treaties fit one screen.
	labelW := 13
	n := len(c.Columns)
	colW := (width - labelW - 2*n) / n
	if colW < 16 {
		colW = 16
	}
	var b strings.Builder
	line := func(cells []string) {
		wrapped := make([][]string, len(cells))
		h := 0
		for i, s := range cells {
			cw := colW
			if i == 0 {
				cw = labelW
			}
			wrapped[i] = wrap(s, cw)
			if len(wrapped[i]) > maxCellLines {
				// Keep the table to one screen; the whole text is in md/json.
				wrapped[i] = append(wrapped[i][:maxCellLines-1], "… (--format md/json)")
			}
			h = max(h, len(wrapped[i]))
		}
		for k := 0; k < h; k++ {
			var parts []string
			for i := range cells {
				cw := colW
				if i == 0 {
					cw = labelW
				}
				s := ""
				if k < len(wrapped[i]) {
					s = wrapped[i][k]
				}
				parts = append(parts, s+strings.Repeat(" ", cw-utf8.RuneCountInString(s)))
			}
			b.WriteString(strings.TrimRight(strings.Join(parts, "  "), " ") + "\n")
		}
	}
	head := []string{""}
	for _, col := range c.Columns {
		head = append(head, columnTitle(col))
	}
	line(head)
	for _, r := range c.Rows {
		cells := []string{textLabel(r.Key, r.Label)}
		for _, cell := range r.Cells {
			cells = append(cells, cell.Text)
		}
		line(cells)
	}
	line(provenanceRow(c))
	for _, n := range append(compareNotes(c), stateKey(w, compareCodes(c))...) {
		b.WriteString(n + "\n")
	}
	_, err := io.WriteString(out, b.String())
	return err
}

// compareCodes are the words of the cells that look like COW abbreviations
// (three capitals: "32: ALB, BEL, …", "+ TUR", "USA→ROK"), for the key that
// names them; stateKey drops the ones that are not states.
func compareCodes(c *compare.Comparison) []string {
	var toks []string
	for _, r := range c.Rows {
		for _, cell := range r.Cells {
			for _, tok := range strings.FieldsFunc(cell.Text, func(r rune) bool { return r < 'A' || r > 'Z' }) {
				if len(tok) == 3 {
					toks = append(toks, tok)
				}
			}
		}
	}
	return toks
}

// maxCellLines caps a text cell so five treaties fit one screen.
const maxCellLines = 6

// textLabel is the short row label of the text table.
func textLabel(key, label string) string {
	short := map[string]string{"trigger": "trigger", "duration": "term/renewal", "institutions": "institutions", "secrecy": "secrecy", "strength": "strength", "members": "members now", "scope": "scope", "adversary": "adversary", "obligations": "obligations"}
	if s, ok := short[key]; ok {
		return s
	}
	return label
}

func provenanceRow(c *compare.Comparison) []string {
	row := []string{"sources"}
	for _, col := range c.Columns {
		s := col.File
		if col.ATOPID != 0 && col.Article == "" {
			s += fmt.Sprintf("; ATOP %d (%s, %s)", col.ATOPID, compare.PhasesFile, compare.InstFile)
		}
		row = append(row, s)
	}
	return row
}

func compareNotes(c *compare.Comparison) []string {
	notes := []string{}
	if c.On != 0 {
		notes = append(notes, "Members in force on "+c.On.String()+". ATOP rows: ATOP 5.1 (Leeds et al. 2002), the alliance's latest phase; a treaty signed after 2018 has none.")
	}
	notes = append(notes, c.Rule)
	notes = append(notes, "Every cell's fields (file, path, value): --format json or csv.")
	return notes
}

// wrap breaks s into lines of at most w runes at spaces.
func wrap(s string, w int) []string {
	var lines []string
	var cur []rune
	for _, word := range strings.Fields(s) {
		r := []rune(word)
		for len(r) > w {
			if len(cur) > 0 {
				lines = append(lines, string(cur))
				cur = nil
			}
			lines = append(lines, string(r[:w]))
			r = r[w:]
		}
		switch {
		case len(cur) == 0:
			cur = r
		case len(cur)+1+len(r) <= w:
			cur = append(append(cur, ' '), r...)
		default:
			lines = append(lines, string(cur))
			cur = r
		}
	}
	if len(cur) > 0 {
		lines = append(lines, string(cur))
	}
	return lines
}
