// Package recipes holds the sandbox image recipes (one directory per runtime,
// each with a Dockerfile), the in-container harness they install, and the
// servers an image may add (services/).
package recipes

import "embed"

// FS holds the recipes: <runtime>/Dockerfile, harness/ and services/.
//
//go:embed python django web tools all:harness services
var FS embed.FS
