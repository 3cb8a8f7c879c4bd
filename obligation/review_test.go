package obligation

import "testing"

// TestRegistryExceptResolves checks that every state an article excludes
// as attacker (Attacker.Except, which package treaty does not validate)
// names a COW state: an unknown name would silently exclude no one.
func TestRegistryExceptResolves(t *testing.T) {
	w := realWorld(t)
	e := For(w)
	n := 0
	for _, tr := range w.Treaties {
		for _, o := range tr.Obligations {
			for _, s := range o.Attacker.Except {
				n++
				if e.code(s) == 0 {
					t.Errorf("%s %s: attacker.except %q is not a state", tr.ID, o.Article, s)
				}
			}
		}
	}
	if n == 0 {
		t.Error("no registry article uses attacker.except; want Dual Alliance Art. II (except RUS)")
	}
}
