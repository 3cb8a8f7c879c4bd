// Package examples holds casus's example scenarios and the commented
// template of the scenario format, embedded so that `casus scenario
// --example` prints the very file that sits in this folder: one source,
// which a test parses with the real parser and checks against
// obligation/scenario.schema.json.
package examples
