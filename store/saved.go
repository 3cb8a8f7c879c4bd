package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// Treaty is a saved treaty file; ID is the id inside it.
type Treaty struct {
	ID      string    `json:"id"`
	YAML    string    `json:"yaml"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Scenario is a saved scenario file.
type Scenario struct {
	ID      int64     `json:"id"`
	Title   string    `json:"title"`
	YAML    string    `json:"yaml"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

func isUnique(err error) bool {
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}

// CreateTreaty saves a new treaty file; ErrExists if its id is taken.
func (s *Store) CreateTreaty(ctx context.Context, id, yaml string, token int64) (Treaty, error) {
	t := now()
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO treaties (id, yaml, created, updated, token_id) VALUES (?, ?, ?, ?, ?)", id, yaml, t, t, nullID(token))
		if isUnique(err) {
			return ErrExists
		}
		return err
	})
	if err != nil {
		return Treaty{}, err
	}
	s.treatyGen.Add(1)
	return Treaty{ID: id, YAML: yaml, Created: parseTime(t), Updated: parseTime(t)}, nil
}

// UpdateTreaty replaces the file of saved treaty id; ErrNotFound if none.
func (s *Store) UpdateTreaty(ctx context.Context, id, yaml string, token int64) (Treaty, error) {
	var out Treaty
	t := now()
	err := s.write(ctx, func(tx *sql.Tx) error {
		var created string
		err := tx.QueryRowContext(ctx, "UPDATE treaties SET yaml = ?, updated = ?, token_id = ? WHERE id = ? RETURNING created", yaml, t, nullID(token), id).Scan(&created)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		out = Treaty{ID: id, YAML: yaml, Created: parseTime(created), Updated: parseTime(t)}
		return err
	})
	if err != nil {
		return Treaty{}, err
	}
	s.treatyGen.Add(1)
	return out, nil
}

// DeleteTreaty removes saved treaty id; ErrNotFound if none.
func (s *Store) DeleteTreaty(ctx context.Context, id string) error {
	err := s.write(ctx, func(tx *sql.Tx) error { return deleted(tx.ExecContext(ctx, "DELETE FROM treaties WHERE id = ?", id)) })
	if err == nil {
		s.treatyGen.Add(1)
	}
	return err
}

// Treaty returns saved treaty id; ErrNotFound if none.
func (s *Store) Treaty(ctx context.Context, id string) (Treaty, error) {
	var t Treaty
	var c, u string
	err := s.db.QueryRowContext(ctx, "SELECT id, yaml, created, updated FROM treaties WHERE id = ?", id).Scan(&t.ID, &t.YAML, &c, &u)
	if errors.Is(err, sql.ErrNoRows) {
		return Treaty{}, ErrNotFound
	}
	t.Created, t.Updated = parseTime(c), parseTime(u)
	return t, err
}

// Treaties lists the saved treaties by id.
func (s *Store) Treaties(ctx context.Context) ([]Treaty, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, yaml, created, updated FROM treaties ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Treaty{}
	for rows.Next() {
		var t Treaty
		var c, u string
		if err := rows.Scan(&t.ID, &t.YAML, &c, &u); err != nil {
			return nil, err
		}
		t.Created, t.Updated = parseTime(c), parseTime(u)
		out = append(out, t)
	}
	return out, rows.Err()
}

// CreateScenario saves a new scenario file and returns it with its id.
func (s *Store) CreateScenario(ctx context.Context, title, yaml string, token int64) (Scenario, error) {
	t := now()
	var id int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, "INSERT INTO scenarios (title, yaml, created, updated, token_id) VALUES (?, ?, ?, ?, ?) RETURNING id", title, yaml, t, t, nullID(token)).Scan(&id)
	})
	if err != nil {
		return Scenario{}, err
	}
	return Scenario{ID: id, Title: title, YAML: yaml, Created: parseTime(t), Updated: parseTime(t)}, nil
}

// UpdateScenario replaces saved scenario id; ErrNotFound if none.
func (s *Store) UpdateScenario(ctx context.Context, id int64, title, yaml string, token int64) (Scenario, error) {
	var out Scenario
	t := now()
	err := s.write(ctx, func(tx *sql.Tx) error {
		var created string
		err := tx.QueryRowContext(ctx, "UPDATE scenarios SET title = ?, yaml = ?, updated = ?, token_id = ? WHERE id = ? RETURNING created", title, yaml, t, nullID(token), id).Scan(&created)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		out = Scenario{ID: id, Title: title, YAML: yaml, Created: parseTime(created), Updated: parseTime(t)}
		return err
	})
	return out, err
}

// DeleteScenario removes saved scenario id; ErrNotFound if none.
func (s *Store) DeleteScenario(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error { return deleted(tx.ExecContext(ctx, "DELETE FROM scenarios WHERE id = ?", id)) })
}

// Scenario returns saved scenario id; ErrNotFound if none.
func (s *Store) Scenario(ctx context.Context, id int64) (Scenario, error) {
	var sc Scenario
	var c, u string
	err := s.db.QueryRowContext(ctx, "SELECT id, title, yaml, created, updated FROM scenarios WHERE id = ?", id).Scan(&sc.ID, &sc.Title, &sc.YAML, &c, &u)
	if errors.Is(err, sql.ErrNoRows) {
		return Scenario{}, ErrNotFound
	}
	sc.Created, sc.Updated = parseTime(c), parseTime(u)
	return sc, err
}

// Scenarios lists the saved scenarios by id.
func (s *Store) Scenarios(ctx context.Context) ([]Scenario, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, title, yaml, created, updated FROM scenarios ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Scenario{}
	for rows.Next() {
		var sc Scenario
		var c, u string
		if err := rows.Scan(&sc.ID, &sc.Title, &sc.YAML, &c, &u); err != nil {
			return nil, err
		}
		sc.Created, sc.Updated = parseTime(c), parseTime(u)
		out = append(out, sc)
	}
	return out, rows.Err()
}

func deleted(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

// nullID is a token id for a foreign key column: 0 (no token, e.g. a
// test) is NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
