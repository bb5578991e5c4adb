// Command drill teaches Python backend development with graded exercises.
package main

import (
	"os"

	"github.com/drill-dev/drill/internal/cli"
)

// version and commit are set at build time by make (-ldflags "-X
// main.version=... -X main.commit=..."); where they are not, as with go
// install, drill --version reads them from the build information.
var version, commit string

func main() { os.Exit(cli.Main(cli.NewApp(cli.VersionString(version, commit)), os.Args[1:])) }
