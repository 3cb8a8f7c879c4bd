package world

// Dataset records where a table came from, so any number casus prints can
// be traced to a file and a release.
type Dataset struct {
	Name     string `json:"name"`             // e.g. "ATOP member-level"
	Version  string `json:"version"`          // e.g. "5.1"
	File     string `json:"file"`             // path as read; embedded:<path> for the built-in snapshot
	Origin   string `json:"origin,omitempty"` // directory, env, cache, embedded or file (source.Origin)
	SHA256   string `json:"sha256"`           // of the file as read
	Rows     int    `json:"rows"`             // data rows (header excluded)
	First    int    `json:"first_year,omitempty"`
	Last     int    `json:"last_year,omitempty"`
	Citation string `json:"citation,omitempty"`
}
