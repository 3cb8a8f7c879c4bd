package treaty

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseTreaty feeds the parser arbitrary bytes, seeded with every
// testdata and registry file. It must never panic; whatever it accepts must
// also survive validation.
func FuzzParseTreaty(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.yaml")
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	reg, names, _ := RegistryFiles()
	for _, n := range names {
		f.Add(reg[n])
	}
	w := smallWorld()
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse("fuzz.yaml", data)
		if err != nil {
			if _, ok := err.(Errors); !ok {
				t.Fatalf("Parse returned %T, want Errors", err)
			}
			for _, e := range err.(Errors) {
				if e.File != "fuzz.yaml" || e.Msg == "" {
					t.Fatalf("malformed error %+v", e)
				}
			}
			return
		}
		file.Validate(w, Options{ATOPIDs: map[int]bool{}})
	})
}
