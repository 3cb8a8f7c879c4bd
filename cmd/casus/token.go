package main

import (
	"context"
	"fmt"

	"github.com/casus-dev/casus/store"
)

func init() {
	register(&command{
		Name:    "token create",
		Summary: "make a bearer token for casus serve's writes (saved treaties and scenarios)",
		Usage: `Usage: casus token create --db FILE [--name NAME]

Creates a random token, stores its SHA-256 in the database FILE (created if
missing; the one casus serve --db FILE uses) and prints the token: it is
shown this once and cannot be recovered. Send it with every write:

  curl -H "Authorization: Bearer $TOKEN" --data-binary @my-pact.yaml \
       localhost:8080/api/treaties/saved
`,
		Run: runTokenCreate,
	})
}

func runTokenCreate(ctx context.Context, m *Main, args []string) error {
	c := commands["token create"]
	f := newFlags(m, c)
	db := f.String("db", "", "the SQLite database of casus serve")
	name := f.String("name", "", "a label for the token (who or what uses it)")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return &UsageError{Msg: fmt.Sprintf("token create takes no arguments, got %q", pos[0]), Hint: "casus token create -h"}
	}
	if *db == "" {
		return &UsageError{Msg: "--db FILE is required: the database casus serve --db FILE uses", Hint: "casus token create -h"}
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		return badInputf("--db: %v", err)
	}
	defer st.Close()
	tok, err := st.CreateToken(ctx, *name)
	if err != nil {
		return err
	}
	fmt.Fprintln(m.Stdout, tok)
	return nil
}
