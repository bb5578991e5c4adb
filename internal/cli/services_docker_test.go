package cli_test

import (
	"os"
	"path/filepath"
	"testing"
)

// An exercise with services: validate builds its image, starts its servers
// in each sandbox and finds the starter failing, the solution passing and
// the wrong one caught; a learner's check passes with the solution, in a
// fresh sandbox and then in the spare left for it, and nothing is left.
func TestDockerServicesBank(t *testing.T) {
	c := requireDocker(t)
	bankDir, err := filepath.Abs("testdata/services-bank")
	if err != nil {
		t.Fatal(err)
	}
	r := drill(t, t.TempDir(), "--bank", bankDir, "validate")
	if r.code != 0 {
		t.Fatalf("validate: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	expect(t, r, 0, "ok   servers/all", "1 valid")
	noSandboxLeft(t, c, r.pid)

	ws := filepath.Join(t.TempDir(), "course")
	if r := drill(t, t.TempDir(), "--bank", bankDir, "init", ws); r.code != 0 {
		t.Fatalf("init: %d %s", r.code, r.stderr)
	}
	ex := filepath.Join(ws, "01-servers/01-all")
	solution, err := os.ReadFile(filepath.Join(bankDir, "01-servers/01-all/solution/store.py"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(ex, "store.py"), string(solution))
	for range 2 {
		r := drill(t, ex, "check")
		expect(t, r, 0, "5 passed")
		noSandboxLeft(t, c, r.pid)
	}
}
