package power_test

import (
	"testing"

	"github.com/casus-dev/casus/power"
)

// BenchmarkRecompute rebuilds the CINC of all 15,951 state-years of NMC
// 6.0 (the builder behind Recompute, without its cache).
func BenchmarkRecompute(b *testing.B) {
	caps := realWorld(b).NMC["6.0"]
	b.ReportAllocs()
	for b.Loop() {
		power.Build(caps)
	}
}

// BenchmarkCONSeries computes the great-power system 1816–2016 on NMC 6.0
// (CINC index cached, as in a server answering repeated requests).
func BenchmarkCONSeries(b *testing.B) {
	w := realWorld(b)
	caps := w.NMC["6.0"]
	power.Recompute(caps)
	b.ReportAllocs()
	for b.Loop() {
		power.Series(w, caps, 1816, 2016)
	}
}

// BenchmarkBalance is one coalition balance, as the obligations engine asks.
func BenchmarkBalance(b *testing.B) {
	caps := realWorld(b).NMC["7.0"]
	power.Recompute(caps)
	b.ReportAllocs()
	for b.Loop() {
		power.Balance(caps, 2024, []int{365, 731}, []int{2, 732, 740})
	}
}

// BenchmarkBlocs computes 1960's blocs (components and maximal cliques).
func BenchmarkBlocs(b *testing.B) {
	w := realWorld(b)
	caps := w.NMC["6.0"]
	power.Recompute(caps)
	b.ReportAllocs()
	for b.Loop() {
		power.AllianceBlocs(w, caps, 1960)
	}
}
