package treaty

import (
	"regexp"
	"testing"
)

// articleRef matches an article reference ("Art. 42(7)", "Arts. 3-4",
// "Article V").
var articleRef = regexp.MustCompile(`\b(Arts?\.|Articles?)\s*[0-9IVXL]\w*(\(\w+\))?`)

// TestRegistryShortNamesCarryNoArticle: a treaty's short name names the
// treaty; reports put each obligation's article after it ("EU Art. 32
// TEU"), so an article inside the short name reads as a second article
// ("EU (TEU Art. 42(7)) Art. 32 TEU" was the consultation clause).
func TestRegistryShortNamesCarryNoArticle(t *testing.T) {
	ts, err := Registry(dataWorld(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range ts {
		if m := articleRef.FindString(tr.Short); m != "" {
			t.Errorf("%s: short %q names an article (%q); the article belongs in obligations[].article", tr.File, tr.Short, m)
		}
	}
}
