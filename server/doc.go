// Package server is casus's HTTP interface: a JSON API over the engines and
// the browser UI (package web) at "/".
//
// The contract:
//
//   - Every JSON answer is the document the CLI prints with --format json,
//     produced by the same function (obligation.Write, obligation.
//     WriteGuarantees, package report …); the server adds no second
//     rendering. The routes and their documents are listed in the OpenAPI 3
//     document served at /api/openapi.json, which a test checks against the
//     router.
//   - Errors are JSON {"error": …, "hint": …} carrying the engine's own
//     message: 400 for bad input (a malformed scenario with its file:line),
//     404 for unknown ids, 413 for an oversized body, 401 for a write
//     without a valid bearer token, 500 for an internal failure, 503 (one
//     line of JSON) for a request still working at its deadline.
//   - Each request's context ends at Options.Timeout. The handler runs on
//     the connection's goroutine (no second goroutine, no buffered copy of
//     the answer); the long work — Monte-Carlo runs, similarity years,
//     panels, series, store calls — checks the context and stops, and
//     nothing stopped is cached. HTTPServer adds the http.Server timeouts
//     that bound slow and silent clients.
//   - The world model is built once before New and only read afterwards, so
//     handlers share it without locks. A handler that panics is answered
//     500 and logged; the server keeps serving.
//   - Reads are open; writes (saved treaties and scenarios) need
//     "Authorization: Bearer TOKEN" with a token made by `casus token
//     create`, and are acknowledged only after the store committed them.
package server
