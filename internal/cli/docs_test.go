package cli

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/commands.md from the commands")

// docs/commands.md is what the commands say of themselves; a change to a
// command's help that leaves it behind fails here (make docs rewrites it).
func TestCommandsDocIsUpToDate(t *testing.T) {
	var b bytes.Buffer
	if err := CommandsMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	const file = "../../docs/commands.md"
	if *update {
		if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	have, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, b.Bytes()) {
		t.Errorf("docs/commands.md is out of date: run make docs")
	}
}
