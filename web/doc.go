// Package web holds the browser interface of casus serve: the built,
// self-contained assets (HTML, JavaScript, CSS, map boundaries) embedded in
// the binary so the UI works with no network at run time. The sources and
// the scripted build live beside them; the server only mounts Assets at "/".
package web
