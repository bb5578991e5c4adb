package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/drill-dev/drill/internal/cli"
)

// On a terminal, validate and grade keep a status line under the finished
// lines, rewritten in place; at the end it is gone.
func TestProgressOnATerminal(t *testing.T) {
	bankDir, err := filepath.Abs("testdata/bank")
	if err != nil {
		t.Fatal(err)
	}
	class := t.TempDir()
	for _, name := range []string{"ann", "bob"} {
		if err := os.MkdirAll(filepath.Join(class, name), 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(class, name, "hello.py"), "def hello(name):\n    return f'Hello, {name}!'\n")
	}
	tests := []struct {
		name  string
		args  []string
		lines []string // finished lines, each after a cleared status line
	}{
		{"validate", []string{"--bank", bankDir, "validate", "--jobs", "1"},
			[]string{"\r\x1b[K[0/3] basics/hello", "\r\x1b[Kok   basics/hello  (starter 0/2", "[1/3] basics/sum", "[2/3] basics/sandbox", "\r\x1b[K\n3 exercises: 3 valid"}},
		{"grade", []string{"--bank", bankDir, "grade", "-e", "basics/hello", "--jobs", "1", "--out", filepath.Join(t.TempDir(), "g.csv"), class},
			// With the time left: each reading of the clock is ten seconds on.
			[]string{"[0/2] " + filepath.Join(class, "ann"), "\r\x1b[Kpass  " + filepath.Join(class, "ann") + "  2/2", "[1/2, about 20s left] " + filepath.Join(class, "bob"), "\r\x1b[K\n2 submissions"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			app := cli.NewApp("test")
			app.NewRunner = newFakeRunner
			app.Streams = cli.Streams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, OutTTY: true}
			clock := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
			app.Now = func() time.Time { clock = clock.Add(10 * time.Second); return clock }
			if code := cli.Main(app, tt.args); code != 0 {
				t.Fatalf("exit %d\n%s\n%s", code, out.String(), errOut.String())
			}
			got := out.String()
			at := 0
			for _, l := range tt.lines {
				i := strings.Index(got[at:], l)
				if i < 0 {
					t.Fatalf("no %q after byte %d in\n%q", l, at, got)
				}
				at += i + len(l)
			}
		})
	}
}
