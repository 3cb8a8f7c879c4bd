// Package report builds the documents casus answers with, for the questions
// whose answer is assembled from several parts of the world model rather
// than computed by one engine: a state's record on a date, the states in
// the system on a date. The CLI's --format json and the HTTP API encode the
// same values from here, so the two cannot drift apart; the text, CSV and
// Markdown renderings stay with the CLI.
package report
