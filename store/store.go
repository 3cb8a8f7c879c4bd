package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// ErrNotFound is a saved item that does not exist.
var ErrNotFound = errors.New("not found")

// ErrExists is a create whose id is taken.
var ErrExists = errors.New("already exists")

// Store is an open database. Its methods are safe for concurrent use.
type Store struct {
	db *sql.DB
	// mu serializes writes: SQLite has one writer at a time anyway, and
	// waiting here is cheaper and clearer than SQLITE_BUSY retries.
	mu sync.Mutex
	// treatyGen counts changes to the saved treaties since Open, so that a
	// cache of the world with them can tell when it is stale.
	treatyGen atomic.Int64
}

// Open opens (creating if needed) the database at path and brings its
// schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	q := url.Values{}
	for _, p := range []string{"foreign_keys(1)", "journal_mode(WAL)", "synchronous(FULL)", "busy_timeout(10000)"} {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s := &Store{db: db}
	if err := s.check(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// check confirms that the pragmas took: a driver that ignored them would
// silently lose the durability the contract promises.
func (s *Store) check(ctx context.Context) error {
	var mode string
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return err
	}
	var fk, sync int
	if err := s.db.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
		return err
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil {
		return err
	}
	if mode != "wal" || fk != 1 || sync != 2 {
		return fmt.Errorf("sqlite settings not applied: journal_mode %s, foreign_keys %d, synchronous %d; want wal, 1, 2 (FULL)", mode, fk, sync)
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Version is the schema version the database is at.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// TreatyGeneration changes whenever a saved treaty is created, updated or
// deleted through this Store.
func (s *Store) TreatyGeneration() int64 { return s.treatyGen.Load() }

// write runs f in a transaction under the write lock and commits.
func (s *Store) write(ctx context.Context, f func(tx *sql.Tx) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
