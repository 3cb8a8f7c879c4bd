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
//     without a valid bearer token, 500 for an internal failure.
//   - The world model is built once before New and only read afterwards, so
//     handlers share it without locks. A handler that panics is answered
//     500 and logged; the server keeps serving.
//   - Reads are open; writes (saved treaties and scenarios) need
//     "Authorization: Bearer TOKEN" with a token made by `casus token
//     create`, and are acknowledged only after the store committed them.
package server
