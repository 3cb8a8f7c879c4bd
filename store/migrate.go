package store

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are applied in order; migration i brings the schema to
// version i+1. Never edit one that has shipped: add another.
var migrations = []string{
	// 1: tokens, saved treaties, saved scenarios.
	`CREATE TABLE tokens (
		id      INTEGER PRIMARY KEY,
		hash    BLOB NOT NULL UNIQUE CHECK (length(hash) = 32),
		name    TEXT NOT NULL DEFAULT '',
		created TEXT NOT NULL
	);
	CREATE TABLE treaties (
		id       TEXT PRIMARY KEY,
		yaml     TEXT NOT NULL,
		created  TEXT NOT NULL,
		updated  TEXT NOT NULL,
		token_id INTEGER REFERENCES tokens(id) ON DELETE SET NULL
	);
	CREATE TABLE scenarios (
		id       INTEGER PRIMARY KEY AUTOINCREMENT,
		title    TEXT NOT NULL DEFAULT '',
		yaml     TEXT NOT NULL,
		created  TEXT NOT NULL,
		updated  TEXT NOT NULL,
		token_id INTEGER REFERENCES tokens(id) ON DELETE SET NULL
	);`,
}

// SchemaVersion is the version this casus writes.
var SchemaVersion = len(migrations)

func migrate(ctx context.Context, db *sql.DB) error {
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v > len(migrations) {
		return fmt.Errorf("database schema version %d is newer than this casus knows (%d): use a newer casus", v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		// PRAGMA takes no parameters; i+1 is a number we made.
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
	}
	return nil
}
