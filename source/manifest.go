package source

import "github.com/casus-dev/casus/source/internal/published"

// KnownFile is a data file as PROVENANCE.md (shared/data) records it: its
// path under a data directory, size and SHA-256. Check compares files
// against these, Fetch verifies extracted files with them, and the embedded
// snapshot is generated from (and verified against) exactly these.
type KnownFile = published.File

// KnownFiles lists every CSV of the reference data directory.
var KnownFiles = published.Files

// KnownFileFor returns the record for a path relative to the data directory.
func KnownFileFor(rel string) (KnownFile, bool) { return published.Lookup(rel) }

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
