package power_test

import (
	"fmt"
	"testing"

	"github.com/casus-dev/casus/power"
	"github.com/casus-dev/casus/world"
)

// The network of a day counts only what binds that day: a treaty signed
// but not in force, a political commitment, an ATOP import a registry
// treaty supersedes, a suspended member, a member that has left, a pledge
// of another kind and a state outside the system tie no one; a one-way
// pledge ties its two states.
func TestNetworkOnCountsOnlyWhatBindsThatDay(t *testing.T) {
	w := &world.World{}
	for c := 1; c <= 9; c++ {
		s := world.State{Code: c, Abb: fmt.Sprintf("S%d", c)}
		if c != 9 {
			s.Spells = []world.Spell{{Start: world.D(1900, 1, 1), End: world.D(2030, 12, 31)}}
		}
		w.States = append(w.States, s)
	}
	no := false
	defense := []world.Obligation{{Article: "1", Kind: world.Defense, Trigger: world.ArmedAttack}}
	mem := func(codes ...int) []world.Member {
		var out []world.Member
		for _, c := range codes {
			out = append(out, world.Member{State: fmt.Sprintf("S%d", c), Code: c})
		}
		return out
	}
	day := world.D(2026, 6, 1)
	w.Treaties = []*world.Treaty{
		{ID: "in-force", Signed: world.D(2000, 1, 1), InForce: world.D(2000, 2, 1), Members: mem(1, 2), Obligations: defense},
		{ID: "one-way", Signed: world.D(2000, 1, 1), InForce: world.D(2000, 1, 1), Members: mem(2, 3),
			Obligations: []world.Obligation{{Article: "1", Kind: world.Defense, Trigger: world.ArmedAttack, Obligors: []string{"S2"}, Protects: []string{"S3"}}}},
		{ID: "signed-only", Signed: world.D(2025, 10, 6), Status: world.StatusSigned, Members: mem(4, 5), Obligations: defense},
		{ID: "political", Signed: world.D(2023, 8, 18), InForce: world.D(2023, 8, 18), LegallyBinding: &no, Members: mem(4, 6), Obligations: defense},
		{ID: "atop-1", Source: world.FromATOP, Signed: world.D(1990, 1, 1), SupersededBy: "in-force", Members: mem(1, 7), Obligations: defense},
		{ID: "consult", Signed: world.D(2000, 1, 1), InForce: world.D(2000, 1, 1), Members: mem(5, 6),
			Obligations: []world.Obligation{{Article: "1", Kind: world.Consultation, Trigger: world.ThreatOfAttack}}},
		{ID: "suspended", Signed: world.D(2000, 1, 1), InForce: world.D(2000, 1, 1), Members: []world.Member{
			{State: "S6", Code: 6}, {State: "S7", Code: 7, Suspended: []world.Suspension{{Start: world.D(2024, 2, 22)}}}}, Obligations: defense},
		{ID: "left", Signed: world.D(2000, 1, 1), InForce: world.D(2000, 1, 1), Members: []world.Member{
			{State: "S7", Code: 7}, {State: "S8", Code: 8, Exited: world.D(2025, 1, 28)}}, Obligations: defense},
		{ID: "outside", Signed: world.D(2000, 1, 1), InForce: world.D(2000, 1, 1), Members: mem(8, 9), Obligations: defense},
	}
	w.Freeze()
	g, ties := power.DefenseNetworkOn(w, day)
	var edges []string
	for k, ids := range ties {
		edges = append(edges, fmt.Sprintf("%d-%d:%v", k[0], k[1], ids))
	}
	if len(ties) != 2 || len(ties[[2]int{1, 2}]) != 1 || ties[[2]int{2, 3}][0] != "one-way" || g.Edges().Len() != 2 {
		t.Fatalf("edges %v, want only 1-2 (in-force) and 2-3 (one-way)", edges)
	}
	// With consultation, 5-6 ties too; the signed-only treaty still does not.
	_, ties = power.NetworkOn(w, day, world.Defense, world.Consultation)
	if _, ok := ties[[2]int{5, 6}]; !ok || len(ties) != 3 {
		t.Errorf("with consultation: %v, want 1-2, 2-3 and 5-6", ties)
	}
	// Before the suspension and the exit, those pledges tie.
	_, ties = power.DefenseNetworkOn(w, world.D(2020, 1, 1))
	if _, ok := ties[[2]int{6, 7}]; !ok {
		t.Error("6-7 should tie before 7's suspension of 2024-02-22")
	}
	if _, ok := ties[[2]int{7, 8}]; !ok {
		t.Error("7-8 should tie before 8 left on 2025-01-28")
	}
}
