package cli_test

import (
	"os/exec"
	"testing"
)

// busyLoops keeps n CPUs of the machine busy until the test ends, as other
// work on a shared machine would.
func busyLoops(t *testing.T, n int) {
	t.Helper()
	for range n {
		cmd := exec.Command("sh", "-c", "while :; do :; done")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		})
	}
}

// Verdicts do not depend on how busy the machine is: with two busy loops
// running and several checks at once, correct work passes, every copy of
// it, and each kind of wrong code gets its own verdict, the real cause
// first.
func TestDockerVerdictsUnderLoad(t *testing.T) {
	requireDocker(t)
	busyLoops(t, 2)
	const correct = "def hello(name):\n    return f'Hello, {name}!'\n"
	tests := []struct {
		name  string
		code  string
		exit  int
		wants []string
	}{
		{"correct 1", correct, 0, []string{"basics/hello: 2 passed, 0 failed"}},
		{"correct 2", correct, 0, []string{"basics/hello: 2 passed, 0 failed"}},
		{"correct 3", correct, 0, []string{"basics/hello: 2 passed, 0 failed"}},
		{"correct 4", correct, 0, []string{"basics/hello: 2 passed, 0 failed"}},
		{"memory bomb", "def hello(name):\n    blocks = [b'x' * (64 << 20) for _ in range(64)]\n    return len(blocks)\n", 1,
			[]string{"your code ran out of memory"}},
		{"endless loop", "def hello(name):\n    while True:\n        pass\n", 1,
			[]string{"time limit of 3s of CPU time exceeded while running test_hello_greets_by_name"}},
		{"output flood", "import os\n\ndef hello(name):\n    for fd in range(3, 64):\n        try:\n            while True:\n                os.write(fd, b'x' * 65536)\n        except OSError:\n            pass\n", 1,
			// Every descriptor: its channel (fd 3) too, where it is nonsense.
			[]string{"your code's process sent"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			checkHello(t, tt.code, tt.exit, tt.wants)
		})
	}
}
