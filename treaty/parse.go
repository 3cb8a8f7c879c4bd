package treaty

import (
	"bytes"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/casus-dev/casus/world"
)

// File is one parsed treaty file: the treaty as written (states not yet
// resolved) and the line of every field, so that validation can point at
// the line a person has to fix.
type File struct {
	Name   string
	Treaty *world.Treaty
	lines  map[string]int // field path ("members[3].joined") -> line
}

// Line returns the line of the field at path, or of its nearest enclosing
// field when the path itself was not written (a missing field is reported
// at the entry that lacks it).
func (f *File) Line(path string) int {
	for {
		if l, ok := f.lines[path]; ok {
			return l
		}
		if path == "" {
			return 0
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			path = ""
		} else {
			path = path[:i]
		}
	}
}

func (f *File) errorf(path, format string, args ...any) *Error {
	return &Error{File: f.Name, Line: f.Line(path), Path: path, Msg: fmt.Sprintf(format, args...)}
}

// maxFileSize bounds a treaty file; the largest registry treaty (NATO with
// every accession) is a few tens of kilobytes.
const maxFileSize = 1 << 20

// Parse decodes one treaty file. The format is YAML whose keys are the yaml
// tags of world.Treaty (treaty.schema.json describes it); unknown or
// repeated keys, anchors and values of the wrong type are errors, each with
// its line. Parse does not resolve states or check facts: Validate does.
func Parse(name string, data []byte) (*File, error) {
	f := &File{Name: name, Treaty: new(world.Treaty), lines: map[string]int{}}
	if len(data) > maxFileSize {
		return nil, Errors{f.errorf("", "file is %d bytes: want at most %d", len(data), maxFileSize)}
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		return nil, Errors{yamlError(name, err)}
	}
	// One treaty a file: a second document is a mistake, not an extension.
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, Errors{&Error{File: name, Line: extra.Line, Msg: "a second YAML document: want one treaty per file"}}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, Errors{f.errorf("", "empty file: want a treaty mapping with id, title, members and obligations")}
		}
		root = root.Content[0]
	}
	d := decoder{f: f}
	d.value(root, reflect.ValueOf(f.Treaty).Elem(), "")
	if err := d.errs.err(); err != nil {
		return nil, err
	}
	return f, nil
}

// yamlError turns a syntax error of the YAML library ("yaml: line 3: ...")
// into an Error with the line as a field.
func yamlError(name string, err error) *Error {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if strings.HasPrefix(msg, "line ") {
		rest := msg[len("line "):]
		if i := strings.Index(rest, ":"); i > 0 {
			if n, e := strconv.Atoi(rest[:i]); e == nil {
				line = n
				msg = strings.TrimSpace(rest[i+1:])
			}
		}
	}
	if msg == "EOF" {
		msg = "empty file: want a treaty mapping with id, title, members and obligations"
	}
	return &Error{File: name, Line: line, Msg: "YAML syntax: " + msg}
}

type decoder struct {
	f    *File
	errs Errors
}

func (d *decoder) fail(n *yaml.Node, path, format string, args ...any) {
	d.errs = append(d.errs, &Error{File: d.f.Name, Line: n.Line, Path: path, Msg: fmt.Sprintf(format, args...)})
}

var dateType = reflect.TypeOf(world.Date(0))

// nodeKind names a node's kind for messages.
func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Tag == "!!null" {
		return "nothing"
	}
	return strconv.Quote(n.Value)
}

// value decodes node n into v, recording the line of path.
func (d *decoder) value(n *yaml.Node, v reflect.Value, path string) {
	d.f.lines[path] = n.Line
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		// Anchors would let one line stand for many fields and make the
		// line of an error ambiguous; treaty files are written out in full.
		d.fail(n, path, "YAML anchors and aliases are not supported: write the value out")
		return
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an empty value leaves the zero value: "no date", "none"
	}
	if v.Type() == dateType {
		if n.Kind != yaml.ScalarNode {
			d.fail(n, path, "want a date YYYY-MM-DD, got %s", nodeKind(n))
			return
		}
		t, err := world.ParseDate(n.Value)
		if err != nil || len(n.Value) != len("2006-01-02") {
			d.fail(n, path, "want a date YYYY-MM-DD that exists in the calendar, got %q", n.Value)
			return
		}
		v.SetInt(int64(t))
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		d.value(n, p.Elem(), path)
		v.Set(p)
	case reflect.Struct:
		d.mapping(n, v, path)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.fail(n, path, "want a list, got %s", nodeKind(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			if c.Kind == yaml.ScalarNode && c.Tag == "!!null" {
				d.f.lines[p] = c.Line
				d.fail(c, p, "empty list entry: want a value or remove the dash")
				continue
			}
			d.value(c, s.Index(i), p)
		}
		v.Set(s)
	case reflect.String:
		// A state written as a COW code (`state: 365`) arrives as !!int and
		// an unquoted date as !!timestamp; both are acceptable text. A
		// bare true/false or 1.5 is not: it is almost always a mistake
		// (and the schema says the same).
		if n.Kind != yaml.ScalarNode || (n.Tag != "!!str" && n.Tag != "!!int" && n.Tag != "!!timestamp") {
			d.fail(n, path, "want text, got %s (quote it if it is meant as text)", nodeKind(n))
			return
		}
		v.SetString(n.Value)
	case reflect.Int, reflect.Int32, reflect.Int64:
		var i int32
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || n.Decode(&i) != nil {
			d.fail(n, path, "want a whole number, got %s", nodeKind(n))
			return
		}
		v.SetInt(int64(i))
	case reflect.Bool:
		var b bool
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || n.Decode(&b) != nil {
			d.fail(n, path, "want true or false, got %s", nodeKind(n))
			return
		}
		v.SetBool(b)
	default:
		// Unreachable for world.Treaty; a new field type must be added here.
		d.fail(n, path, "field type %s is not supported by the treaty parser", v.Type())
	}
}

// fieldsOf returns the YAML keys of a struct type and their field indexes.
func fieldsOf(t reflect.Type) map[string]int {
	m := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		tag := t.Field(i).Tag.Get("yaml")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" || name == "" || !t.Field(i).IsExported() {
			continue
		}
		m[name] = i
	}
	return m
}

func (d *decoder) mapping(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, "want a mapping of fields, got %s", nodeKind(n))
		return
	}
	fields := fieldsOf(v.Type())
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		key := k.Value
		sub := key
		if path != "" {
			sub = path + "." + key
		}
		if k.Kind != yaml.ScalarNode {
			d.fail(k, path, "want a field name, got %s", nodeKind(k))
			continue
		}
		if line, dup := seen[key]; dup {
			d.fail(k, sub, "field %q repeated (first on line %d)", key, line)
			continue
		}
		seen[key] = k.Line
		idx, ok := fields[key]
		if !ok {
			d.fail(k, sub, "unknown field %q: want one of %s", key, strings.Join(keys(fields), ", "))
			continue
		}
		d.value(val, v.Field(idx), sub)
		// Report a field at its key's line: a value in block style starts
		// on the next line, but people look for the key.
		d.f.lines[sub] = k.Line
	}
}

func keys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
