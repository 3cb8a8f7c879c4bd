package world

import (
	"errors"
	"testing"
)

func testWorld() *World {
	w := &World{States: []State{
		{Code: 731, Abb: "PRK", Name: "North Korea", ISO3: "PRK", Aliases: []string{"DPRK"}, Spells: []Spell{{D(1948, 9, 9), 0}}},
		{Code: 732, Abb: "ROK", Name: "South Korea", ISO3: "KOR", Spells: []Spell{{D(1949, 6, 29), 0}}},
		{Code: 305, Abb: "AUS", Name: "Austria", ISO3: "AUT", Spells: []Spell{{D(1918, 11, 12), D(1938, 3, 13)}, {D(1955, 7, 27), 0}}},
		{Code: 900, Abb: "AUL", Name: "Australia", ISO3: "AUS"},
	}}
	w.Freeze()
	return w
}

func TestResolve(t *testing.T) {
	w := testWorld()
	for _, tc := range []struct {
		q    string
		want int
	}{
		{"731", 731}, {"PRK", 731}, {"prk", 731}, {"North Korea", 731}, {"north  korea", 731}, {"DPRK", 731},
		{"KOR", 732}, {"ROK", 732},
		// A COW abbreviation wins over an ISO3 code spelled the same.
		{"AUS", 305}, {"AUT", 305}, {"AUL", 900}, {"Australia", 900},
	} {
		s, err := w.Resolve(tc.q)
		if err != nil || s.Code != tc.want {
			t.Errorf("Resolve(%q) = %v, %v; want %d", tc.q, s, err, tc.want)
		}
	}
	_, err := w.Resolve("Korea")
	var amb *AmbiguousError
	if !errors.As(err, &amb) || len(amb.Candidates) != 2 {
		t.Fatalf("Resolve(Korea) = %v; want ambiguity between the two Koreas", err)
	}
	for _, q := range []string{"", "Atlantis", "999"} {
		var unk *UnknownStateError
		if _, err := w.Resolve(q); !errors.As(err, &unk) {
			t.Errorf("Resolve(%q) = %v; want UnknownStateError", q, err)
		}
	}
}

func TestMemberOnSpells(t *testing.T) {
	w := testWorld()
	aus, _ := w.State(305)
	for _, tc := range []struct {
		d    Date
		want bool
	}{
		{D(1918, 11, 11), false}, {D(1918, 11, 12), true}, {D(1938, 3, 13), true}, {D(1938, 3, 14), false},
		{D(1950, 1, 1), false}, {D(1955, 7, 27), true}, {D(2020, 1, 1), true},
	} {
		if got := aus.MemberOn(tc.d); got != tc.want {
			t.Errorf("Austria member on %s = %v, want %v", tc.d, got, tc.want)
		}
	}
	if !aus.MemberInYear(1938) || aus.MemberInYear(1945) {
		t.Error("MemberInYear wrong for Austria's gap 1938–1955")
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2024-12-04", D(2024, 12, 4), true}, {"1914", D(1914, 1, 1), true},
		{"2024-02-30", 0, false}, {"24-12-04", 0, false}, {"yesterday", 0, false},
	} {
		got, err := ParseDate(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseDate(%q) = %v, %v", tc.in, got, err)
		}
	}
	if d := D(2024, 2, 28).AddDays(1); d != D(2024, 2, 29) {
		t.Errorf("AddDays over a leap day = %s", d)
	}
}

func TestSpellOverlaps(t *testing.T) {
	a := Spell{D(2000, 1, 1), D(2000, 12, 31)}
	for _, tc := range []struct {
		b    Spell
		want bool
	}{
		{Spell{D(2000, 12, 31), 0}, true}, {Spell{D(2001, 1, 1), 0}, false}, {Spell{0, D(2000, 1, 1)}, true}, {Spell{0, D(1999, 12, 31)}, false},
	} {
		if got := a.Overlaps(tc.b); got != tc.want {
			t.Errorf("%v overlaps %v = %v", a, tc.b, got)
		}
	}
}

// A treaty signed but not in force is never in force, and pending from
// its signature on; one with a later entry into force is pending until
// then; a member that signed after the treaty took effect is bound from
// its own signature.
func TestTreatyStatusSigned(t *testing.T) {
	d := func(s string) Date {
		x, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	pukpuk := &Treaty{Signed: d("2025-10-06"), Status: StatusSigned}
	for _, day := range []string{"2025-10-06", "2026-06-01", "2040-01-01"} {
		if pukpuk.InForceOn(d(day)) {
			t.Errorf("signed-only treaty in force on %s", day)
		}
		if !pukpuk.PendingOn(d(day)) {
			t.Errorf("signed-only treaty not pending on %s", day)
		}
	}
	if pukpuk.PendingOn(d("2025-10-05")) {
		t.Error("pending before signature")
	}
	nancy := &Treaty{Signed: d("2025-05-09"), InForce: d("2026-01-22")}
	if !nancy.PendingOn(d("2026-01-21")) || nancy.PendingOn(d("2026-01-22")) || !nancy.InForceOn(d("2026-01-22")) {
		t.Error("Treaty of Nancy: pending to 2026-01-21, in force from 2026-01-22")
	}
	arab := &Treaty{Signed: d("1950-06-17"), InForce: d("1952-08-23"), Members: []Member{{Code: 1, Signed: d("1950-06-17")}, {Code: 2, Signed: d("1961-06-13")}}}
	if got := arab.Members[0].Spell(arab).Start; got != d("1952-08-23") {
		t.Errorf("founder bound from %s, want the entry into force 1952-08-23", got)
	}
	if got := arab.Members[1].Spell(arab).Start; got != d("1961-06-13") {
		t.Errorf("later member bound from %s, want its own signature 1961-06-13", got)
	}
}
