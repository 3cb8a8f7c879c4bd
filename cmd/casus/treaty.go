package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/casus-dev/casus/compare"
	"github.com/casus-dev/casus/output"
	"github.com/casus-dev/casus/report"
	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/treaty"
	"github.com/casus-dev/casus/world"
)

func init() {
	register(&command{
		Name:    "treaty list",
		Summary: "list treaties (registry, ATOP 5.1, your files), filtered by date, state, kind and source",
		Usage: `Usage: casus treaty list [--in-force DATE] [--state S] [--kind KIND] [--name TEXT] [--all] [--source registry|atop|user|all]
                   [--treaties DIR] [--data DIR] [--format text|json|csv|md]

Lists every treaty casus knows: the built-in registry, the 789 ATOP 5.1
alliances (ids atop-<atopid>) and the files given with --treaties.
--in-force keeps treaties in force on DATE and lists the members on that
day; --state keeps treaties the state is a member of (on DATE when given);
--kind keeps treaties with an obligation of that kind (defense, offense,
neutrality, nonaggression, consultation), in force on DATE when given.
ATOP dates membership from signature, the registry from entry into force.
--name keeps treaties whose id, title or a name people use contains the
text (ATOP alliances carry the names of treaty/atop_names.csv: "warsaw",
"pact of steel"). An ATOP import that a registry treaty supersedes is not
listed unless --all. The status column says "signed, not in force" for a
treaty awaiting ratification and "assumed after 2018" for an ATOP alliance
that ATOP codes in force at its end and no source in casus ends.
`,
		Run: runTreatyList,
	})
	register(&command{
		Name:    "treaty show",
		Summary: "one treaty: members with dates and suspensions, obligations with articles and conditions",
		Usage: `Usage: casus treaty show ID [--treaties DIR] [--data DIR] [--format text|json]

--format json prints the whole treaty as casus holds it.
`,
		Run: runTreatyShow,
	})
	register(&command{
		Name:    "treaty check",
		Summary: "validate treaty YAML files: one line per problem, exit 2 on any",
		Usage: `Usage: casus treaty check FILE|DIR... [--treaties DIR] [--data DIR]

Parses and validates treaty files in the registry's format (the JSON Schema
is treaty/treaty.schema.json in the casus repository; casus treaty show ID
--format json shows a treaty as casus holds it).
States are resolved against the COW state list and atop_id against ATOP 5.1
(the embedded releases, unless --data or $CASUS_DATA name other files).
Each problem is printed on its own
line as FILE:LINE: FIELD: what is wrong and what is wanted. Ids must not
repeat those of the registry or of --treaties files.
`,
		Run: runTreatyCheck,
	})
	register(&command{
		Name:    "treaty diff",
		Summary: "compare a registry treaty with its ATOP 5.1 import",
		Usage: `Usage: casus treaty diff ID [--treaties DIR] [--data DIR] [--format text|json|csv|md]

ID is a registry (or user) treaty with an atop_id, or the ATOP import
(atop-<atopid>) that a registry treaty links. Shows members missing from
either side, date differences and what they mean (ATOP dates entry from
signature, the registry from entry into force), obligation kinds per member
and conditions per kind.
`,
		Run: runTreatyDiff,
	})
}

func runTreatyList(ctx context.Context, m *Main, args []string) error {
	f := newFlags(m, commands["treaty list"]).withData().withFormat().withTreaties()
	var inForce, state, kind, src string
	f.StringVar(&inForce, "in-force", "", "keep treaties in force on DATE (YYYY-MM-DD) and list members on that day")
	f.StringVar(&state, "state", "", "keep treaties this state is a member of (COW code, abbreviation, ISO3 or name)")
	f.StringVar(&kind, "kind", "", "keep treaties with an obligation of this kind")
	f.StringVar(&src, "source", "all", "registry, atop, user or all")
	var name string
	var all bool
	f.StringVar(&name, "name", "", "keep treaties whose id, title or a name people use contains this text (\"warsaw\", \"pact of steel\")")
	f.BoolVar(&all, "all", false, "also list the ATOP imports that registry treaties supersede (hidden by default: the registry treaty is listed instead)")
	var coop string
	f.StringVar(&coop, "cooperation", "", "keep treaties with a non-military cooperation field matching this word (space, artificial_intelligence, nuclear …)")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return &UsageError{Msg: "treaty list takes no arguments", Hint: "casus treaty list -h"}
	}
	var on world.Date
	if inForce != "" {
		if on, err = world.ParseDate(inForce); err != nil {
			return &UsageError{Msg: "--in-force: " + err.Error()}
		}
	}
	if kind != "" && !report.ValidKind(kind) {
		return &UsageError{Msg: wantOneOf("--kind", kind, strings.Split(report.KindNames(), ", "))}
	}
	if !contains(report.TreatySources, src) {
		return &UsageError{Msg: wantOneOf("--source", src, report.TreatySources)}
	}
	w, err := f.loadWorld(ctx, source.States)
	if err != nil {
		return err
	}
	code := 0
	if state != "" {
		st, err := w.Resolve(state)
		if err != nil {
			return &inputError{fmt.Errorf("--state: %w", err)}
		}
		code = st.Code
	}
	rows, hidden := report.TreatiesHidden(w, report.TreatyFilter{InForce: on, State: code, Kind: world.Kind(kind), Source: src, Cooperation: coop, Name: name, All: all})
	if f.format == "json" {
		return output.WriteJSON(m.Stdout, rows)
	}
	tab := &output.Table{Columns: []string{"id", "title", "source", "atop_id", "signed", "in_force", "ended", "status", "members", "kinds"}}
	tab.Types = map[string]string{"atop_id": "number"}
	for _, r := range rows {
		atop := ""
		if r.ATOPID != 0 {
			atop = strconv.Itoa(r.ATOPID)
		}
		title := r.Title
		if len(r.Names) > 0 {
			title = r.Names[0] + " — " + title
		}
		if r := []rune(title); f.format == "text" && len(r) > 60 {
			title = string(r[:57]) + "..."
		}
		members := r.Members
		if f.format == "text" && len(members) > 12 {
			// Keep the table readable; json/csv/md carry every member.
			members = append(members[:10:10], fmt.Sprintf("+%d more", len(r.Members)-10))
		}
		tab.Add(r.ID, title, r.Source, atop, r.Signed, r.InForce, r.Ended, r.Status, strings.Join(members, " "), strings.Join(r.Kinds, " "))
	}
	what := "members: every member ever"
	if on != 0 {
		what = "members: on " + on.String()
	}
	tab.Notes = []string{fmt.Sprintf("%d treaties; %s. ATOP dates membership from signature, the registry from entry into force.", len(rows), what)}
	if hidden > 0 {
		tab.Notes = append(tab.Notes, fmt.Sprintf("%d ATOP imports that registry treaties supersede are not listed (--all lists them).", hidden))
	}
	basis := map[string]int{}
	defence := map[string]int{}
	for _, r := range rows {
		basis[r.RestsOn]++
		if contains(r.Kinds, string(world.Defense)) {
			defence[r.RestsOn]++
		}
	}
	if n := basis[report.RestsOnAssumption]; n > 0 {
		tab.Notes = append(tab.Notes, "ATOP 5.1 ends on 2018-12-31: status \"assumed after 2018\" marks an ATOP alliance in force then that no source in casus ends (treaty/atop_after2018.csv has those that ended); casus assumes it still is.")
		// A list where most rows rest on that assumption (Russia's 1990s
		// friendship treaties beside its 11 registry treaties) reads as a
		// list of allies unless the two are counted apart.
		if len(basis) > 1 {
			tab.Notes = append(tab.Notes, "Of the "+strconv.Itoa(len(rows))+": "+restsOnCounts(basis)+" (rests_on in --format json).")
		}
		if kind == "" {
			if d := defence[report.RestsOnRegistry] + defence[report.RestsOnATOP] + defence[report.RestsOnAssumption] + defence[report.RestsOnUser]; d > 0 && d < len(rows) {
				tab.Notes = append(tab.Notes, fmt.Sprintf("For defence pledges alone add --kind defense: %d of the %d, %s.", d, len(rows), restsOnCounts(defence)))
			}
		}
	}
	addStateKey(tab, w, f.format, "members")
	return tab.Write(m.Stdout, f.format)
}

// restsOnCounts writes "11 on registry texts and their sources, 49 on
// ATOP 5.1 coding, in force after 2018 by assumption only", leaving out
// the bases with no treaty.
func restsOnCounts(n map[string]int) string {
	var parts []string
	for _, b := range []struct{ key, text string }{
		{report.RestsOnRegistry, "on registry texts and their sources"},
		{report.RestsOnUser, "on your --treaties files"},
		{report.RestsOnATOP, "on ATOP 5.1 coding"},
		{report.RestsOnAssumption, "on ATOP 5.1 coding, in force after 2018 by assumption only"},
	} {
		if n[b.key] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[b.key], b.text))
		}
	}
	return strings.Join(parts, ", ")
}

func contains(set []string, x string) bool {
	for _, s := range set {
		if s == x {
			return true
		}
	}
	return false
}

// findTreaty is report.FindTreaty; its error is bad input (exit 2).
func findTreaty(w *world.World, id string) (*world.Treaty, error) {
	t, err := report.FindTreaty(w, id)
	if err != nil {
		return nil, &inputError{err}
	}
	return t, nil
}

func runTreatyShow(ctx context.Context, m *Main, args []string) error {
	f := newFlags(m, commands["treaty show"]).withData().withFormat("text", "json").withTreaties()
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return &UsageError{Msg: "treaty show needs exactly one ID", Hint: "casus treaty list"}
	}
	w, err := f.loadWorld(ctx, source.States)
	if err != nil {
		return err
	}
	t, err := findTreaty(w, pos[0])
	if err != nil {
		return err
	}
	if f.format == "json" {
		return output.WriteJSON(m.Stdout, t)
	}
	return writeTreaty(m.Stdout, w, t)
}

func writeTreaty(out io.Writer, w *world.World, t *world.Treaty) error {
	var buf strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&buf, format, args...) }
	p("%s — %s\n", t.ID, t.Title)
	p("source: %s", t.Source)
	if t.File != "" {
		p(" (%s)", t.File)
	}
	p("\n")
	if t.ATOPID != 0 {
		p("ATOP id: %d\n", t.ATOPID)
	}
	if t.SupersededBy != "" {
		p("superseded by registry treaty %s (engines use it; see casus treaty diff %s)\n", t.SupersededBy, t.SupersededBy)
	}
	inForce := dash(t.InForce)
	if t.Status == world.StatusSigned {
		inForce = "signed, not in force"
	}
	p("signed: %s  in force: %s  ended: %s", dash(t.Signed), inForce, dash(t.Ended))
	if t.EndReason != "" {
		p(" (%s)", t.EndReason)
	}
	p("\n")
	if t.InForceNote != "" {
		p("in force dated: %s\n", t.InForceNote)
	}
	if len(t.Names) > 0 {
		p("names: %s\n", strings.Join(t.Names, "; "))
	}
	writeTerm(p, t)
	if t.EndSource != "" {
		p("the end comes after ATOP's coverage; sources: %s\n", t.EndSource)
	}
	if treaty.AssumedAfterATOP(t) {
		p("ATOP 5.1 codes it in force at the end of 2018, when its coverage ends, and no source in casus ends it: casus assumes it still is after 2018\n")
	}
	if !t.Binding() {
		p("not legally binding: a political commitment, never reported as a binding obligation\n")
	}
	p("\nMembers (%d entries):\n", len(t.Members))
	tab := &output.Table{Columns: []string{"  state", "name", "ccode", "signed", "joined", "exited", "suspended", "note"}}
	for i := range t.Members {
		mem := &t.Members[i]
		var sus []string
		for _, s := range mem.Suspended {
			x := s.Start.String() + ".." + s.End.String()
			if s.By != "" {
				x += " by " + labelToken(w, s.By)
			}
			sus = append(sus, x)
		}
		joined := mem.Spell(t).Start.String()
		if t.Status == world.StatusSigned {
			joined = "" // signed, not in force: no one is bound yet
		}
		name := ""
		if st, ok := w.State(mem.Code); ok {
			name = st.Name
		}
		tab.Add("  "+report.AbbOf(w, mem), name, strconv.Itoa(mem.Code), mem.Signed.String(), joined, mem.Exited.String(), strings.Join(sus, "; "), mem.Note)
	}
	if err := tab.Write(&buf, "text"); err != nil {
		return err
	}
	p("\nObligations (%d):\n", len(t.Obligations))
	for i := range t.Obligations {
		o := &t.Obligations[i]
		p("  %s: %s, trigger %s", o.Article, o.Kind, o.Trigger)
		if o.During != (world.Spell{}) {
			p(", during %s..%s", o.During.Start, o.During.End)
		}
		p("\n")
		p("    obligors: %s; protects: %s\n", orAll(stateLabels(w, o.Obligors), "every member"), orAll(stateLabels(w, o.Protects), "every other member"))
		for _, c := range conditionLines(w, o) {
			p("    condition: %s\n", c)
		}
		p("    response: %s", o.Response.Action)
		if len(o.Response.Qualifiers) > 0 {
			p(" [%s]", strings.Join(o.Response.Qualifiers, ", "))
		}
		if o.Response.Text != "" {
			p(" — %s", o.Response.Text)
		}
		p("\n")
		if o.Text != "" {
			p("    %s %s\n", articleTextLabel(t), o.Text)
		}
		if o.Source != "" {
			p("    source: %s\n", o.Source)
		}
	}
	for _, c := range t.Cooperation {
		p("  cooperation %s: %s\n", c.Article, strings.Join(c.Fields, ", "))
	}
	if len(t.Sources) > 0 {
		p("\nSources:\n")
		for _, s := range t.Sources {
			p("  %s", s.URL)
			if s.Title != "" {
				p(" — %s", s.Title)
			}
			p("\n")
		}
	}
	if t.Notes != "" {
		p("\nNotes: %s\n", strings.TrimSpace(t.Notes))
	}
	if t.Source == world.FromRegistry && hasText(t) {
		p("\nparaphrase: the registry's own wording of an article, not a quotation; the source named under it has the treaty's text.\n")
	}
	text := buf.String()
	if legend := tagLegend(text); legend != "" {
		text += legend
	}
	_, err := io.WriteString(out, text)
	return err
}

func hasText(t *world.Treaty) bool {
	for i := range t.Obligations {
		if t.Obligations[i].Text != "" {
			return true
		}
	}
	return false
}

// articleTextLabel introduces an obligation's text: the registry's texts are its
// own paraphrases, never quotations (treaty/registry/README.md); an ATOP
// import's text describes ATOP's coding; a user's file may quote.
func articleTextLabel(t *world.Treaty) string {
	switch t.Source {
	case world.FromRegistry:
		return "paraphrase:"
	case world.FromATOP:
		return "ATOP coding:"
	}
	return "text:"
}

// tagLegends explain the provenance tags of the registry's facts
// (treaty/registry/README.md), each once, for the tags a text uses.
var tagLegends = []struct{ tag, meaning string }{
	{"[V", "[V] verified: checked against a cited source (named after the V when it is not the treaty's)"},
	{"[D", "[D] read off the ATOP 5.1 data"},
	{"[M", "[M] from memory: not yet checked against a source"},
	{"[U", "[U] uncertain: sources disagree or are lacking"},
}

// tagLegend returns the legend of the provenance tags that text uses, or
// "" when it uses none.
func tagLegend(text string) string {
	var lines []string
	for _, l := range tagLegends {
		if strings.Contains(text, l.tag+"]") || strings.Contains(text, l.tag+" ") {
			lines = append(lines, "  "+l.meaning)
		}
	}
	if len(lines) == 0 {
		return ""
	}
	return "\nTags:\n" + strings.Join(lines, "\n") + "\n"
}

func dash(d world.Date) string {
	if d == 0 {
		return "-"
	}
	return d.String()
}

func orAll(s []string, all string) string {
	if len(s) == 0 {
		return all
	}
	return strings.Join(s, ", ")
}

// conditionLines renders the conditions of an obligation for people,
// every state with its name.
func conditionLines(w *world.World, o *world.Obligation) []string {
	var out []string
	a := o.Attacker
	switch {
	case len(a.Named) > 0:
		out = append(out, "attacker is one of "+strings.Join(stateLabels(w, a.Named), ", "))
	case a.Group != "":
		out = append(out, "attacker is "+a.Group)
	case a.Unspecified:
		out = append(out, "attacker restricted (unspecified)")
	}
	if a.NonMember {
		out = append(out, "attacker is not a party")
	}
	if a.Text != "" {
		out = append(out, "attacker: "+a.Text)
	}
	s := o.Scope
	if !s.Anywhere() || s.Forces {
		parts := report.ScopeParts(s)
		for i, part := range parts {
			// Territories and administrators may be states: name them.
			for _, lead := range []string{"territories ", "administered by "} {
				if rest, ok := strings.CutPrefix(part, lead); ok {
					var xs []string
					for _, x := range strings.Split(rest, ", ") {
						xs = append(xs, labelToken(w, x))
					}
					parts[i] = lead + strings.Join(xs, ", ")
				}
			}
		}
		out = append(out, "scope: "+strings.Join(parts, "; "))
	}
	if s.Text != "" {
		out = append(out, "scope: "+s.Text)
	}
	if o.RequiresStateOfWar {
		out = append(out, "the protected party must be in a state of war")
	}
	if o.NonProvocation {
		out = append(out, "the protected party must not have provoked the attack")
	}
	if o.MinAttackers > 0 {
		x := fmt.Sprintf("at least %d attackers", o.MinAttackers)
		if o.AttackersMajor {
			x += " (great powers)"
		}
		out = append(out, x)
	}
	if o.RequiresRequest {
		out = append(out, "at the request of a party")
	}
	if o.ExternalOnly {
		out = append(out, "only an attack from outside counts")
	}
	for _, c := range o.Conditions {
		x := c.Kind
		if c.Unspecified {
			x += " (unspecified)"
		}
		if c.Text != "" {
			x += ": " + c.Text
		}
		out = append(out, x)
	}
	return out
}

func runTreatyCheck(ctx context.Context, m *Main, args []string) error {
	f := newFlags(m, commands["treaty check"]).withData().withTreaties()
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return &UsageError{Msg: "treaty check needs at least one FILE or DIR", Hint: "casus treaty check -h"}
	}
	w, err := f.loadWorld(ctx, source.States)
	if err != nil {
		return err
	}
	// A checked file named like a registry file is a new version of that
	// file (someone editing treaty/registry/), so it replaces the embedded
	// copy instead of clashing with it as a duplicate id.
	files, err := treaty.UserFiles(pos)
	if err != nil {
		return err
	}
	edited := map[string]bool{}
	for _, p := range files {
		edited["registry/"+filepath.Base(p)] = true
	}
	ids := map[int]bool{}
	var prior []*world.Treaty
	for _, t := range w.Treaties {
		switch {
		case t.Source == world.FromATOP:
			ids[t.ATOPID] = true
		case t.Source == world.FromRegistry && edited[t.File]:
		default:
			prior = append(prior, t)
		}
	}
	ts, err := treaty.LoadFiles(w, pos, treaty.Options{ATOPIDs: ids}, prior...)
	if err != nil {
		var es treaty.Errors
		var e *treaty.Error
		switch {
		case errors.As(err, &es):
			for _, x := range es {
				fmt.Fprintln(m.Stdout, x.Error())
			}
			return badInputf("treaty check: %d problem(s); each line above names the file, line and field", len(es))
		case errors.As(err, &e):
			fmt.Fprintln(m.Stdout, e.Error())
			return badInputf("treaty check: 1 problem")
		}
		return err
	}
	for _, t := range ts {
		fmt.Fprintf(m.Stdout, "ok %s: %s (%d members, %d obligations)\n", t.File, t.ID, len(t.Members), len(t.Obligations))
	}
	return nil
}

func runTreatyDiff(ctx context.Context, m *Main, args []string) error {
	f := newFlags(m, commands["treaty diff"]).withData().withFormat().withTreaties()
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return &UsageError{Msg: "treaty diff needs exactly one ID", Hint: "casus treaty diff -h"}
	}
	w, err := f.loadWorld(ctx, source.States)
	if err != nil {
		return err
	}
	t, err := findTreaty(w, pos[0])
	if err != nil {
		return err
	}
	reg := t
	if t.Source == world.FromATOP {
		if t.SupersededBy == "" {
			return badInputf("%s: no registry treaty links ATOP %d, so there is nothing to compare", t.ID, t.ATOPID)
		}
		reg, _ = w.Treaty(t.SupersededBy)
	}
	if reg.ATOPID == 0 {
		return badInputf("%s has no atop_id: it is not in ATOP 5.1 (which ends in 2018) or not linked", reg.ID)
	}
	atop, ok := w.Treaty(treaty.ATOPTreatyID(reg.ATOPID))
	if !ok {
		return badInputf("%s links ATOP %d, which ATOP 5.1 does not have", reg.ID, reg.ATOPID)
	}
	ds := treaty.Diff(reg, atop)
	if f.format == "json" {
		if ds == nil {
			ds = []treaty.Difference{}
		}
		return output.WriteJSON(m.Stdout, map[string]any{"registry": reg.ID, "atop": atop.ID, "differences": ds})
	}
	tab := &output.Table{Columns: []string{"what", "state", reg.ID, atop.ID, "note"}}
	for _, d := range ds {
		tab.Add(d.What, d.State, d.Registry, d.ATOP, d.Note)
	}
	tab.Notes = []string{fmt.Sprintf("%d differences between %s (%s) and %s (ATOP 5.1, coverage to 2018-12-31).", len(ds), reg.ID, reg.Source, atop.ID)}
	addStateKey(tab, w, f.format, "state")
	return tab.Write(m.Stdout, f.format)
}

// writeTerm prints the term/renewal/notice line and, under it, each field's
// note and source, so a reader sees what every tag rests on.
func writeTerm(p func(string, ...any), t *world.Treaty) {
	line := compare.TermText(t)
	if line == "" {
		if t.Source == world.FromATOP {
			return // ATOP imports: treaty compare shows ATOP's coded duration
		}
		p("term/renewal/notice: not in the treaty file\n")
		return
	}
	p("term/renewal/notice: %s\n", line)
	detail := func(name, note, source string) {
		switch {
		case note != "" && source != "":
			p("  %s: %s (%s)\n", name, note, source)
		case note != "":
			p("  %s: %s\n", name, note)
		case source != "":
			p("  %s: %s\n", name, source)
		}
	}
	if x := t.Term; x != nil {
		detail("term", x.Note, x.Source)
	}
	if x := t.Renewal; x != nil {
		detail("renewal", x.Note, x.Source)
	}
	if x := t.Notice; x != nil {
		detail("notice", x.Note, x.Source)
	}
}
