package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func open(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "casus.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func TestOpenMigratesAndSetsPragmas(t *testing.T) {
	s, path := open(t)
	ctx := context.Background()
	if v, err := s.Version(ctx); err != nil || v != SchemaVersion || v < 1 {
		t.Fatalf("version %d, %v; want %d", v, err, SchemaVersion)
	}
	// Reopening runs no migration twice (a second CREATE TABLE would fail).
	s.Close()
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s2.Close()
	// A database from a newer casus is refused.
	if _, err := s2.db.ExecContext(ctx, "PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	s2.Close()
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("opening a version-99 database: %v", err)
	}
}

func TestForeignKeysEnforced(t *testing.T) {
	s, _ := open(t)
	ctx := context.Background()
	_, err := s.db.ExecContext(ctx, "INSERT INTO treaties (id, yaml, created, updated, token_id) VALUES ('x', '', '', '', 12345)")
	if err == nil || !strings.Contains(err.Error(), "FOREIGN KEY") {
		t.Errorf("a treaty pointing at a missing token was accepted: %v", err)
	}
}

func TestTokens(t *testing.T) {
	s, _ := open(t)
	ctx := context.Background()
	tok, err := s.CreateToken(ctx, "ci")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(tok, "casus_") || len(tok) < 40 {
		t.Errorf("token %q", tok)
	}
	id, err := s.TokenID(ctx, tok)
	if err != nil || id == 0 {
		t.Fatalf("TokenID(new token) = %d, %v", id, err)
	}
	for _, bad := range []string{"", tok + "x", tok[:len(tok)-1], "casus_" + strings.Repeat("A", 43)} {
		if _, err := s.TokenID(ctx, bad); !errors.Is(err, ErrNotFound) {
			t.Errorf("TokenID(%q) = %v, want ErrNotFound", bad, err)
		}
	}
	// Only the hash is stored: the token's text appears nowhere.
	var n int
	s.db.QueryRowContext(ctx, "SELECT count(*) FROM tokens WHERE CAST(hash AS TEXT) LIKE ? OR name LIKE ?", "%"+tok[6:]+"%", "%"+tok[6:]+"%").Scan(&n)
	if n != 0 {
		t.Error("the token's text is stored")
	}
	tok2, _ := s.CreateToken(ctx, "other")
	if tok2 == tok {
		t.Error("two tokens are equal")
	}
}

func TestTreatyCRUD(t *testing.T) {
	s, _ := open(t)
	ctx := context.Background()
	g0 := s.TreatyGeneration()
	a, err := s.CreateTreaty(ctx, "my-pact", "id: my-pact\n", 0)
	if err != nil || a.Created.IsZero() {
		t.Fatalf("create: %+v %v", a, err)
	}
	if _, err := s.CreateTreaty(ctx, "my-pact", "id: my-pact\n", 0); !errors.Is(err, ErrExists) {
		t.Errorf("duplicate create: %v", err)
	}
	b, err := s.UpdateTreaty(ctx, "my-pact", "id: my-pact\ntitle: x\n", 0)
	if err != nil || b.YAML != "id: my-pact\ntitle: x\n" || !b.Created.Equal(a.Created) || b.Updated.Before(a.Updated) {
		t.Errorf("update: %+v %v", b, err)
	}
	if _, err := s.UpdateTreaty(ctx, "nope", "", 0); !errors.Is(err, ErrNotFound) {
		t.Errorf("update missing: %v", err)
	}
	got, err := s.Treaty(ctx, "my-pact")
	if err != nil || got.YAML != b.YAML {
		t.Errorf("get: %+v %v", got, err)
	}
	list, _ := s.Treaties(ctx)
	if len(list) != 1 || list[0].ID != "my-pact" {
		t.Errorf("list: %+v", list)
	}
	if err := s.DeleteTreaty(ctx, "my-pact"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteTreaty(ctx, "my-pact"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	if _, err := s.Treaty(ctx, "my-pact"); !errors.Is(err, ErrNotFound) {
		t.Errorf("get deleted: %v", err)
	}
	if g := s.TreatyGeneration(); g != g0+3 {
		t.Errorf("generation moved %d times, want 3 (create, update, delete)", g-g0)
	}
}

func TestScenarioCRUDAndTokenLink(t *testing.T) {
	s, _ := open(t)
	ctx := context.Background()
	tok, _ := s.CreateToken(ctx, "")
	tid, _ := s.TokenID(ctx, tok)
	a, err := s.CreateScenario(ctx, "Korea", "date: 2025-06-01\n", tid)
	if err != nil || a.ID == 0 {
		t.Fatalf("create: %+v %v", a, err)
	}
	b, _ := s.CreateScenario(ctx, "Guam", "date: 2026-01-01\n", tid)
	if b.ID <= a.ID {
		t.Errorf("ids %d then %d", a.ID, b.ID)
	}
	if _, err := s.UpdateScenario(ctx, a.ID, "Korea 2", "date: 2025-06-02\n", tid); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Scenario(ctx, a.ID)
	if got.Title != "Korea 2" || got.YAML != "date: 2025-06-02\n" {
		t.Errorf("get after update: %+v", got)
	}
	list, _ := s.Scenarios(ctx)
	if len(list) != 2 {
		t.Errorf("list: %+v", list)
	}
	// Deleting the token keeps the work (ON DELETE SET NULL).
	if _, err := s.db.ExecContext(ctx, "DELETE FROM tokens WHERE id = ?", tid); err != nil {
		t.Fatal(err)
	}
	var owner sql.NullInt64
	s.db.QueryRowContext(ctx, "SELECT token_id FROM scenarios WHERE id = ?", a.ID).Scan(&owner)
	if owner.Valid {
		t.Errorf("token_id still %d after the token was deleted", owner.Int64)
	}
	if err := s.DeleteScenario(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Scenario(ctx, a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("get deleted: %v", err)
	}
}
