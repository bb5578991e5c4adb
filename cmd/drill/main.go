// Command drill teaches Python backend development with graded exercises.
package main

import (
	"os"

	"github.com/drill-dev/drill/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() { os.Exit(cli.Main(cli.NewApp(version), os.Args[1:])) }
