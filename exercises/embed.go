// Package exercises holds drill's own exercise bank, embedded into the
// binary. The directories beside this file are the bank; this file only
// makes them available to the program.
package exercises

import "embed"

// FS is the embedded bank: one directory per section, named NN-section.
// "all:" keeps files such as __init__.py that embed would otherwise skip.
//
//go:embed all:[0-9]*
var FS embed.FS
