package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"errors"
	"strings"
)

// tokenPrefix marks casus tokens so that one pasted in the wrong place is
// recognisable (and findable by secret scanners).
const tokenPrefix = "casus_"

// CreateToken makes a new bearer token, stores its SHA-256 and returns the
// token: the only time it is seen.
func (s *Store) CreateToken(ctx context.Context, name string) (string, error) {
	b := make([]byte, 32)
	rand.Read(b) // crypto/rand.Read never fails (Go ≥ 1.24)
	tok := tokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	h := sha256.Sum256([]byte(tok))
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO tokens (hash, name, created) VALUES (?, ?, ?)", h[:], name, now())
		return err
	})
	if err != nil {
		return "", err
	}
	return tok, nil
}

// TokenID returns the id of the stored token tok, or ErrNotFound. Lookup
// is by hash, so the comparison never touches the secret itself.
func (s *Store) TokenID(ctx context.Context, tok string) (int64, error) {
	if !strings.HasPrefix(tok, tokenPrefix) {
		return 0, ErrNotFound
	}
	h := sha256.Sum256([]byte(tok))
	var id int64
	err := s.db.QueryRowContext(ctx, "SELECT id FROM tokens WHERE hash = ?", h[:]).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return id, err
}
