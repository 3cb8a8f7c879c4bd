// Package published lists the official data files casus knows, as the
// publishers released them: path under a data directory, size and SHA-256
// (recorded in shared/data/PROVENANCE.md). It is a leaf package so that the
// snapshot generator can use the list without importing the package it
// generates.
package published

// File is one data file as published.
type File struct {
	Path   string
	Size   int64
	SHA256 string
	// Converted marks files produced from an R package's .rda (see
	// PROVENANCE.md); no publisher distributes them as CSV, so Fetch
	// cannot download them.
	Converted bool
}

// Files lists every CSV of the reference data directory, sorted by path.
var Files = []File{
	{"atop/atop5_1_ddyr_subset_peacesciencer.csv", 6191742, "681567e23d41c85f7d466308a55241238c15be1225b91852e360cfee4ab27719", true},
	{"atop/atop5_1a.csv", 183543, "eafd146fa5c5bc2737ae829288c87d01c990a55fbc82dcc2dc08b94c0d7b5b7d", false},
	{"atop/atop5_1a_NNA.csv", 128267, "8f05ba1057b9e5d799c4753f065c6def19bc600b1d81cf43b462bede8353325f", false},
	{"atop/atop5_1aph.csv", 202256, "828ed77daf341ea377f75e042c2e51e4e6ccb0515e058db6355a89f8aebb0fcf", false},
	{"atop/atop5_1aph_NNA.csv", 143658, "88ee12528560ea5a559709f25dc774f5febd387dd0795e5b0d48a5bbc9244206", false},
	{"atop/atop5_1m.csv", 568197, "0e3c803f65275c3cb9309d08c04710416dff16aee936c8b4f887c7b67ee5b55b", false},
	{"atop/atop5_1m_NNA.csv", 418305, "c712c2418e8c9e046266bce6cdc4fcd344f4218b7a298592fb55060418692084", false},
	{"atop/atop5_1sy.csv", 1249045, "187ce932d5b77002f795d849b67b5b2dd6baa170304bed58663c4194e240f929", false},
	{"atop/atop5_1sy_NNA.csv", 877436, "295f8e41a4cefcc7fae4c3e2297e1f3e0b2d85e6276dc72fe735efc38c351801", false},
	{"atop/atopinst5_1.csv", 21640, "31b60ed11434d96c5a228a728beb8ca55cc54e224882b994e13c11b302ca9990", false},
	{"capitals/capitals_peacesciencer_raw.csv", 12998, "49a15fd0bb4b864bbfcfbcfbd8f0d2ec326c9bb4b3f9d9045bfed59db54b10c6", false},
	{"capitals/cow_capitals_peacesciencer.csv", 18009, "ddfb457bcd573abff1e2af6451787990811a655343083862b4a93e6605d688b4", true},
	{"cow_contiguity/contdir.csv", 89528, "62f3714d1a75c940887bf15b40b256aeeb41545734ab13abe96ab3f49a980362", false},
	{"cow_contiguity/contdird.csv", 3104061, "42b8fe2bc7fffe58665a38f7476d7d76cf3acd5a22e176c3691670997a4717f2", false},
	{"cow_contiguity/contdirs.csv", 398157, "5caa5cbc0cf42fdfdcecf7a277a60885aabdb63f2933146da7e9b19217b44339", false},
	{"cow_nmc/NMC-60-abridged.csv", 920464, "cd8465ea476da51d3e91261e216e96cfaf1fbf309dbe6bfc25a99bfb9fa7cfde", false},
	{"cow_nmc/cow_nmc_v7_peacesciencer.csv", 814782, "8a21348754a4f928bf1b99c3300a622c821ce624510f16bb8aca6db51886ec8e", true},
	{"cow_states/majors2016.csv", 539, "6ba42de12f2f63401ff5a61e6d0037d17b5dd03ed9aca07d0bc16660e03694eb", false},
	{"cow_states/statelist2024.csv", 10641, "722153b45eda9c39826a04aab80ca7b29a8b1cfdfe5d92714503420555675484", false},
	{"cow_states/states2016.csv", 10847, "5ba652b7ca2beca40745ead2357d8fffa176cbc130e666b3fabfd5df64207117", false},
	{"cow_states/system2016.csv", 300836, "280e10b408c0aefb3b452e1d35d59a54d78935c08ac3a6039c47cb982cdc9f17", false},
	{"cow_war/Inter-StateWarData_v4.0.csv", 31698, "2535e30b145141c331a07d12d91e498ad8bdd3db32ba8d3bd88c4fda54817731", false},
	{"cow_war/directed_dyadic_war.csv", 112038, "aa2eb5244a0cb0b579867e50eb02e4297fb29250e67120fb132e3c0618dceda0", false},
	{"crosswalk/codelist_without_cldr.csv", 147521, "2632dba9d168d0ae0174468b27c62671668d8f8a4a84112dced13e4126e46980", false},
	{"crosswalk/countrycode_codelist_panel_subset.csv", 1287895, "14a895962f9dfdce7f011336ec012a0a4de11a53f87fcce57417a18a69404cad", true},
}

// Lookup returns the record for a path relative to the data directory.
func Lookup(rel string) (File, bool) {
	for _, f := range Files {
		if f.Path == rel {
			return f, true
		}
	}
	return File{}, false
}
