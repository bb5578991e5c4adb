// Package recipes holds the sandbox image recipes (one directory per runtime,
// each with a Dockerfile) and the in-container harness they install.
package recipes

import "embed"

// FS holds the recipes: <runtime>/Dockerfile and harness/.
//
//go:embed python django web tools all:harness
var FS embed.FS
