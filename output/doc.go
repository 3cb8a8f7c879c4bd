// Package output holds what every casus interface needs to hand results to
// people and programs: tables rendered as aligned text, JSON, CSV or
// Markdown; files written atomically (a temp file renamed into place, so a
// failed run never leaves a half-written file under the final name); and a
// progress bar that draws only when stderr is a terminal.
//
// It computes nothing: engines produce values, this package formats them.
package output
