package cli_test

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// Killing drill at any moment, in the middle of writing the progress state
// included, leaves a state file that reads: the old one or the new one.
func TestKillDuringStateWrite(t *testing.T) {
	ws := newWorkspace(t)
	state := filepath.Join(ws, ".drill/state.json")
	// The kills are spread over the command's whole life, however long it
	// takes on this machine: one run unkilled first says how long that is.
	life := func() time.Duration {
		cmd := exec.Command(drillBinary(t), "hint", "basics/hello")
		cmd.Dir = ws
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("drill hint: %v\n%s", err, out)
		}
		return time.Since(start)
	}()
	killed, finished := 0, 0
	for i := range 150 {
		cmd := exec.Command(drillBinary(t), "hint", "basics/hello")
		cmd.Dir = ws
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(rand.N(life + life/4))
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if st, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && st.Signaled() {
			killed++
		} else {
			finished++
		}
		data, err := os.ReadFile(state)
		if err != nil {
			t.Fatalf("after kill %d: %v", i, err)
		}
		var s struct {
			Version   int
			Exercises map[string]struct {
				HintsShown int `json:"hints_shown"`
			}
		}
		if err := json.Unmarshal(data, &s); err != nil || s.Version != 1 {
			t.Fatalf("after kill %d the state does not read (%v):\n%s", i, err, data)
		}
	}
	t.Logf("a run takes %s; %d runs killed, %d finished first", life, killed, finished)
}
