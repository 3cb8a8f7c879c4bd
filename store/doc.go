// Package store keeps what analysts save with casus serve — their treaty
// files and scenarios — and the hashes of the bearer tokens that may write
// them, in one SQLite database.
//
// The contract:
//
//   - The driver is modernc.org/sqlite, SQLite translated to pure Go, so the
//     casus binary stays static and cross-compiles without cgo.
//   - The schema is versioned: migrations run in order, each in its own
//     transaction, and PRAGMA user_version records the last one applied.
//     A database from a newer casus is refused rather than guessed at.
//   - Journal mode WAL (readers never wait for the writer), foreign keys
//     on, synchronous FULL: a method that returns nil has committed and
//     the commit is on disk, so a write the server acknowledged survives a
//     kill -9 or a power cut.
//   - Only a token's SHA-256 is stored; the token itself is shown once, by
//     CreateToken.
//   - One process writes a database (casus serve); writes are serialized
//     inside it.
package store
