package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/casus-dev/casus/server"
	"github.com/casus-dev/casus/store"
	"github.com/casus-dev/casus/web"
)

func init() {
	register(&command{
		Name:    "serve",
		Summary: "the JSON API and the browser UI over HTTP",
		Usage: `Usage: casus serve [--addr 127.0.0.1:8080] [--db FILE] [--data DIR] [--treaties DIR]

Builds the world model once (official data, the registry, ATOP and
--treaties files) and answers the JSON API under /api/ (documented at
/api/openapi.json) and the browser UI at /. Every JSON answer is the
document the matching command prints with --format json.

--db FILE keeps analysts' saved treaties and scenarios in SQLite (created
if missing). Reads are open; writes need "Authorization: Bearer TOKEN" with
a token from casus token create --db FILE. Without --db the saved-work
endpoints answer 503.

Each request has --timeout to finish (default 30s): the long work
(Monte-Carlo runs, similarity, panels, series) stops at the deadline and
the request is answered 503 with one line of JSON. A client must send its
headers within 10s and its whole request within the deadline.

Logs one structured line per request to standard error. SIGINT or SIGTERM
stops accepting connections and lets requests in flight finish (up to
--grace) before exiting.
`,
		Run: runServe,
	})
}

func runServe(ctx context.Context, m *Main, args []string) error {
	c := commands["serve"]
	f := newFlags(m, c).withData().withTreaties()
	addr := f.String("addr", "127.0.0.1:8080", "address to listen on")
	db := f.String("db", "", "SQLite database of saved treaties, scenarios and tokens (created if missing)")
	grace := f.Duration("grace", 10*time.Second, "how long requests in flight may run on after SIGTERM")
	timeout := f.Duration("timeout", server.DefaultTimeout, "each request's deadline: work still running then stops and the request is answered 503")
	maxBody := f.Int64("max-body", server.DefaultMaxBody, "the largest request body accepted, in bytes")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return &UsageError{Msg: fmt.Sprintf("serve takes no arguments, got %q", pos[0]), Hint: "casus serve -h"}
	}
	if *maxBody < 1 {
		return &UsageError{Msg: fmt.Sprintf("--max-body: want a positive number of bytes, got %d", *maxBody)}
	}
	if *timeout <= 0 {
		return &UsageError{Msg: fmt.Sprintf("--timeout: want a positive duration such as 30s, got %s", *timeout)}
	}
	if err := checkAddr(*addr); err != nil {
		return err
	}
	// Listen before loading the world: a taken or unusable address is one
	// line on its own, not a line after the "world loaded" log.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return badInputf("--addr %s: %v", *addr, err)
	}
	defer ln.Close()
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM)
	defer stop()
	log := slog.New(slog.NewTextHandler(m.Stderr, nil))

	start := time.Now()
	w, err := f.loadWorld(ctx)
	if err != nil {
		return err
	}
	log.Info("world loaded", "states", len(w.States), "treaties", len(w.Treaties), "ms", time.Since(start).Milliseconds())

	var st *store.Store
	if *db != "" {
		if st, err = store.Open(ctx, *db); err != nil {
			return badInputf("--db: %v", err)
		}
		defer st.Close()
		log.Info("database open", "db", *db)
	}
	srv := server.New(server.Options{World: w, Store: st, UI: web.Assets, Logger: log, MaxBody: *maxBody, Timeout: *timeout})
	// Timeouts: the request deadline (--timeout) stops the long work; the
	// http.Server's own bound slow and silent clients (server.HTTPServer).
	hs := srv.HTTPServer(slog.NewLogLogger(log.Handler(), slog.LevelWarn))
	log.Info("listening", "addr", "http://"+ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down", "grace", grace.String())
	sctx, cancel := context.WithTimeout(context.Background(), *grace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

// checkAddr rejects an --addr that is not HOST:PORT with a port from 0 to
// 65535 (or a service name such as http), before anything is loaded.
func checkAddr(addr string) error {
	bad := func(why string) error {
		return &UsageError{Msg: fmt.Sprintf("--addr: want HOST:PORT (127.0.0.1:8080, or :8080 for every interface), got %q: %s", addr, why), Hint: "casus serve -h"}
	}
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		var ae *net.AddrError
		if errors.As(err, &ae) {
			return bad(ae.Err)
		}
		return bad(err.Error())
	}
	if n, err := strconv.Atoi(port); err == nil {
		if n < 0 || n > 65535 {
			return bad(fmt.Sprintf("port %d is not a number from 0 to 65535", n))
		}
		return nil
	}
	if _, err := net.LookupPort("tcp", port); err != nil {
		return bad(fmt.Sprintf("port %q is neither a number nor a known service name", port))
	}
	return nil
}
