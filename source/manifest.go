package source

// KnownFile is a data file as PROVENANCE.md (shared/data) records it: its
// path under a data directory, size and SHA-256. Check compares files
// against these and Fetch verifies extracted files with them.
type KnownFile struct {
	Path   string
	Size   int64
	SHA256 string
	// Converted marks files produced from an R package's .rda (see
	// PROVENANCE.md); no publisher distributes them, so Fetch cannot
	// download them.
	Converted bool
}

// KnownFiles lists every CSV of the reference data directory.
var KnownFiles = []KnownFile{
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

// KnownFileFor returns the record for a path relative to the data directory.
func KnownFileFor(rel string) (KnownFile, bool) {
	for _, f := range KnownFiles {
		if f.Path == rel {
			return f, true
		}
	}
	return KnownFile{}, false
}

// Manifest lists archives to download and the files to take from each.
type Manifest struct {
	Archives []Archive `json:"archives"`
}

// Archive is one download. When SHA256 is empty the download itself is not
// checked (the publishers do not publish archive hashes, and the archives
// on their sites may be re-zipped without any data change); every
// extracted file is then checked against its own SHA256 instead, which is
// the guarantee that matters: the bytes Load parses are the published ones.
type Archive struct {
	Name   string         `json:"name"`             // cache file name, e.g. "DirectContiguity320.zip"
	URL    string         `json:"url"`              // where to download it
	SHA256 string         `json:"sha256,omitempty"` // of the download; "" = not checked
	Kind   string         `json:"kind"`             // "zip" or "file" (the download is the data file)
	Files  []ArchiveEntry `json:"files"`
}

// ArchiveEntry is one file taken from an archive.
type ArchiveEntry struct {
	Member string `json:"member,omitempty"` // path inside a zip; unused for Kind "file"
	Path   string `json:"path"`             // destination relative to the cache directory
	SHA256 string `json:"sha256"`           // required: the file is rejected on mismatch
}

func entry(member, rel string) ArchiveEntry {
	f, _ := KnownFileFor(rel)
	return ArchiveEntry{Member: member, Path: rel, SHA256: f.SHA256}
}

// DefaultManifest points at the publishers' own download locations, as
// listed on their data pages when this was written (they could not be
// fetched from the build sandbox, which has no network). Archive hashes are
// known only for DirectContiguity320.zip (recorded in PROVENANCE.md); the
// others are verified file by file against PROVENANCE.md's SHA-256.
//
// Converted files (the ATOP directed dyad-year subset, NMC 7.0, capitals and
// the countrycode panel subset, all produced from R .rda files) are not
// distributed by any publisher and are not in the manifest: copy them from
// a reference data directory.
var DefaultManifest = Manifest{Archives: []Archive{
	{
		Name: "ATOP_5.1_csv.zip", Kind: "zip",
		URL: "http://www.atopdata.org/uploads/6/9/1/3/69134503/atop_5.1__.csv_.zip",
		Files: []ArchiveEntry{
			entry("ATOP 5.1 (.csv)/atop5_1a.csv", "atop/atop5_1a.csv"),
			entry("ATOP 5.1 (.csv)/atop5_1aph.csv", "atop/atop5_1aph.csv"),
			entry("ATOP 5.1 (.csv)/atop5_1m.csv", "atop/atop5_1m.csv"),
			entry("ATOP 5.1 (.csv)/atop5_1sy.csv", "atop/atop5_1sy.csv"),
		},
	},
	{
		Name: "NMC_Documentation-6.0.zip", Kind: "zip",
		URL:   "https://correlatesofwar.org/wp-content/uploads/NMC_Documentation-6.0.zip",
		Files: []ArchiveEntry{entry("NMC-60-abridged/NMC-60-abridged.csv", "cow_nmc/NMC-60-abridged.csv")},
	},
	{
		Name: "states2016.csv", Kind: "file",
		URL:   "https://correlatesofwar.org/wp-content/uploads/states2016.csv",
		Files: []ArchiveEntry{entry("", "cow_states/states2016.csv")},
	},
	{
		Name: "system2016.csv", Kind: "file",
		URL:   "https://correlatesofwar.org/wp-content/uploads/system2016.csv",
		Files: []ArchiveEntry{entry("", "cow_states/system2016.csv")},
	},
	{
		Name: "majors2016.csv", Kind: "file",
		URL:   "https://correlatesofwar.org/wp-content/uploads/majors2016.csv",
		Files: []ArchiveEntry{entry("", "cow_states/majors2016.csv")},
	},
	{
		Name: "States2024.zip", Kind: "zip",
		URL:   "https://correlatesofwar.org/wp-content/uploads/States2024.zip",
		Files: []ArchiveEntry{entry("States2024/statelist2024.csv", "cow_states/statelist2024.csv")},
	},
	{
		Name: "Inter-StateWarData_v4.0.csv", Kind: "file",
		URL:   "https://correlatesofwar.org/wp-content/uploads/Inter-StateWarData_v4.0.csv",
		Files: []ArchiveEntry{entry("", "cow_war/Inter-StateWarData_v4.0.csv")},
	},
	{
		Name: "DirectContiguity320.zip", Kind: "zip",
		URL:    "https://correlatesofwar.org/wp-content/uploads/DirectContiguity320.zip",
		SHA256: "f1be081934f353f395bb873093b695ea01d7dfcb48e89146bd984c45342ba17a",
		Files: []ArchiveEntry{
			entry("DirectContiguity320/contdir.csv", "cow_contiguity/contdir.csv"),
			entry("DirectContiguity320/contdird.csv", "cow_contiguity/contdird.csv"),
			entry("DirectContiguity320/contdirs.csv", "cow_contiguity/contdirs.csv"),
		},
	},
	{
		Name: "codelist_without_cldr.csv", Kind: "file",
		URL:   "https://raw.githubusercontent.com/vincentarelbundock/countrycode/284d6a2f7e49d826e10894227a05d4c857e21540/dictionary/codelist_without_cldr.csv",
		Files: []ArchiveEntry{entry("", "crosswalk/codelist_without_cldr.csv")},
	},
}}
