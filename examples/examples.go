package examples

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed *.yaml
var files embed.FS

// TemplateName is the file name of the commented template.
const TemplateName = "template.yaml"

// Template returns the commented template of the scenario format.
func Template() []byte {
	b, err := files.ReadFile(TemplateName)
	if err != nil {
		// The file is embedded at build time; its absence is a build bug.
		panic("examples: " + err.Error())
	}
	return b
}

// Names lists the embedded scenario files, template included, sorted.
func Names() []string {
	ents, _ := fs.ReadDir(files, ".")
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// File returns one embedded scenario file by name.
func File(name string) ([]byte, error) { return files.ReadFile(name) }
