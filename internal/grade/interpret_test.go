package grade

import (
	"strings"
	"testing"
	"time"

	"github.com/drill-dev/drill/internal/sandbox"
)

const (
	// The harness writes one JSON object per line.
	passDoc = `{"start": "test_a"}
{"start": "test_b[1]"}
{"results": {"version": 1, "status": "pass", "tests": [` +
		`{"name": "test_a", "file": "tests/test_x.py", "status": "pass"}, ` +
		`{"name": "test_b[1]", "file": "tests/test_x.py", "status": "pass", "output": "hi\n"}]}}
`
	failDoc = `{"start": "test_a"}
{"start": "test_b[1]"}
{"results": {"version": 1, "status": "fail", "tests": [` +
		`{"name": "test_a", "file": "tests/test_x.py", "status": "pass"}, ` +
		`{"name": "test_b[1]", "file": "tests/test_x.py", "status": "fail", "message": "assert 2 == 3"}]}}
`
	syntaxDoc = `{"results": {"version": 1, "status": "error", "kind": "syntax", "file": "x.py", "line": 3, ` +
		`"message": "x.py, line 3\n    def f(\n         ^\nSyntaxError: '(' was never closed", "tests": []}}
`
)

var expected = []string{"tests/test_x.py::test_a", "tests/test_x.py::test_b"}

func TestInterpret(t *testing.T) {
	tests := []struct {
		name    string
		out     sandbox.Outcome
		status  Status
		kind    string
		message string // a substring of the result's message
		tests   int
	}{
		{"all pass", sandbox.Outcome{Stdout: []byte(passDoc)}, Pass, "", "", 2},
		{"a test fails", sandbox.Outcome{Stdout: []byte(failDoc)}, Fail, "", "", 2},
		{"a document claiming pass with a failed test", sandbox.Outcome{Stdout: []byte(strings.Replace(failDoc, `"status": "fail", "tests"`, `"status": "pass", "tests"`, 1))}, Fail, "", "", 2},
		{"syntax error", sandbox.Outcome{Stdout: []byte(syntaxDoc)}, Error, KindSyntax, "SyntaxError: '(' was never closed", 0},
		{"a result under another name", sandbox.Outcome{Stdout: []byte(strings.Replace(passDoc, `"test_b[1]", "file"`, `"test_c", "file"`, 1))}, Error, KindHarness, "test_c, which never started", 0},
		{"CPU time-out names the running test", sandbox.Outcome{Stdout: []byte(`{"start": "test_a"}` + "\n" + `{"start": "test_b[1]"}` + "\n"), CPUExceeded: true}, Error, KindTimeout, "time limit of 3s of CPU time exceeded while running test_b[1]: look for a loop", 0},
		{"time-out wins over a document", sandbox.Outcome{Stdout: []byte(passDoc), CPUExceeded: true}, Error, KindTimeout, "time limit of 3s", 0},
		{"waiting past the wall clock", sandbox.Outcome{Stdout: []byte(`{"start": "test_a"}`), WallExceeded: true, Duration: 11 * time.Second, CPUTime: 150 * time.Millisecond}, Error, KindTimeout, "stopped after 11 s of wall time while running test_a, waiting rather than computing (it used 0.15 s of CPU time)", 0},
		{"held back by a busy machine", sandbox.Outcome{Stdout: []byte(`{"start": "test_a"}`), WallExceeded: true, Busy: true, Duration: 11 * time.Second, CPUTime: 2 * time.Second, ReadyTime: 7 * time.Second}, Error, KindBusy, "could not get the CPU while running test_a: in 11 s it got 2 s of CPU time and waited 7 s for a CPU. This is not your code's fault", 0},
		{"busy wins over a document", sandbox.Outcome{Stdout: []byte(passDoc), WallExceeded: true, Busy: true}, Error, KindBusy, "", 0},
		{"the wall clock of the whole sandbox", sandbox.Outcome{WallExceeded: true}, Error, KindTimeout, "wall-clock limit of 32s without its harness reporting", 0},
		{"memory wins over the CPU limit", sandbox.Outcome{Stdout: []byte(`{"start": "test_a"}`), OOMKilled: true, CPUExceeded: true}, Error, KindMemory, "memory limit", 0},
		{"memory wins over the wall clock", sandbox.Outcome{Stdout: []byte(`{"start": "test_a"}`), OOMKilled: true, WallExceeded: true, Busy: true}, Error, KindMemory, "memory limit", 0},
		{"a flood wins over the CPU limit", sandbox.Outcome{OutputExceeded: true, CPUExceeded: true}, Error, KindOutput, "too much output", 0},
		{"out of memory", sandbox.Outcome{Stdout: []byte(`{"start": "test_a"}`), OOMKilled: true, ExitCode: 137}, Error, KindMemory, "memory limit of 512 MiB exceeded while running test_a", 0},
		{"a flood while a test file imports the learner's code", sandbox.Outcome{Stdout: []byte(`{"collect": "tests/test_x.py"}` + "\n"), OutputExceeded: true, Stderr: []byte("spam\n")}, Error, KindOutput, "too much output while tests/test_x.py imported your code: the run printed more than 1024 KiB", 0},
		{"a test started after the import", sandbox.Outcome{Stdout: []byte(`{"collect": "tests/test_x.py"}` + "\n" + `{"start": "test_a"}` + "\n"), CPUExceeded: true}, Error, KindTimeout, "exceeded while running test_a:", 0},
		{"output flood", sandbox.Outcome{OutputExceeded: true, Stderr: []byte(strings.Repeat("spam ", 1000) + "\n")}, Error, KindOutput, "more than 1024 KiB and was stopped. It began:\nspam spam", 0},
		{"killed from outside", sandbox.Outcome{Stdout: []byte(`{"start": "test_a"}`), ExitCode: 137}, Error, KindHarness, "killed by signal 9 while running test_a", 0},
		{"ended without a document", sandbox.Outcome{Stdout: []byte(`{"start": "test_a"}`), ExitCode: 0, Stderr: []byte("Traceback\nSystemExit")}, Error, KindHarness, "ended while running test_a without reporting results (exit code 0):\nTraceback", 0},
		{"non-zero exit after a document", sandbox.Outcome{Stdout: []byte(passDoc), ExitCode: 1}, Error, KindHarness, "exit code 1", 0},
		{"garbage on the results stream", sandbox.Outcome{Stdout: []byte("hello\n")}, Error, KindHarness, "could not be read", 0},
		{"empty document", sandbox.Outcome{Stdout: []byte(`{"results": {"version": 1, "status": "pass", "tests": []}}`)}, Error, KindHarness, "did not report", 0},
		{"a result for a test that never started", sandbox.Outcome{Stdout: []byte(strings.Replace(passDoc, `{"start": "test_b[1]"}`+"\n", "", 1))}, Error, KindHarness, "test_b[1], which never started", 0},
		{"a second document", sandbox.Outcome{Stdout: []byte(passDoc + passDoc)}, Error, KindHarness, "output after the results document", 0},
		{"a skipped test is not a pass", sandbox.Outcome{Stdout: []byte(strings.Replace(passDoc, `"test_a", "file": "tests/test_x.py", "status": "pass"`, `"test_a", "file": "tests/test_x.py", "status": "skip"`, 1))}, Fail, "", "", 2},
		{"an expected test is missing and an unexpected one is there", sandbox.Outcome{Stdout: []byte(strings.ReplaceAll(passDoc, "test_b[1]", "test_c"))}, Error, KindHarness, "tests/test_x.py::test_b did not report", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Interpret(tt.out, expected, 3*time.Second, sandbox.DefaultLimits)
			if r.Status != tt.status || r.ErrorKind != tt.kind {
				t.Errorf("status, kind = %s, %q; want %s, %q (message %q)", r.Status, r.ErrorKind, tt.status, tt.kind, r.Message)
			}
			if !strings.Contains(r.Message, tt.message) {
				t.Errorf("message = %q, want it to contain %q", r.Message, tt.message)
			}
			if len(r.Tests) != tt.tests {
				t.Errorf("%d tests, want %d", len(r.Tests), tt.tests)
			}
			if r.Tests == nil {
				t.Error("Tests is nil; JSON output must show an empty list")
			}
		})
	}
}

// FuzzInterpret: the results stream is written by code the learner
// controls; nothing in it may crash the grader or make an error a pass.
func FuzzInterpret(f *testing.F) {
	f.Add([]byte(passDoc), false)
	f.Add([]byte(failDoc), false)
	f.Add([]byte(syntaxDoc), true)
	f.Fuzz(func(t *testing.T, stdout []byte, timedOut bool) {
		r := Interpret(sandbox.Outcome{Stdout: stdout, CPUExceeded: timedOut}, expected, time.Second, sandbox.DefaultLimits)
		if r.Status == Pass {
			if timedOut {
				t.Fatal("a timed-out run passed")
			}
			for _, tt := range r.Tests {
				if tt.Status != Pass {
					t.Fatalf("passed with test %q in status %q", tt.Name, tt.Status)
				}
			}
			if len(r.Tests) < len(expected) {
				t.Fatalf("passed with %d tests", len(r.Tests))
			}
		}
	})
}

// pytest runs a TestCase's tests in name order; the results come in the
// order the file defines them, a test's parameters in the order they ran.
func TestInterpretFileOrder(t *testing.T) {
	expected := []string{"tests/t.py::Checks::test_one_word", "tests/t.py::Checks::test_empty_text", "tests/t.py::test_param"}
	ran := []string{"Checks::test_empty_text", "Checks::test_one_word", "test_param[b]", "test_param[a]"}
	var stdout strings.Builder
	var tests []string
	for _, n := range ran {
		stdout.WriteString(`{"start": "` + n + `"}` + "\n")
		tests = append(tests, `{"name": "`+n+`", "file": "tests/t.py", "status": "pass"}`)
	}
	stdout.WriteString(`{"results": {"version": 1, "status": "pass", "tests": [` + strings.Join(tests, ", ") + `]}}` + "\n")
	r := Interpret(sandbox.Outcome{Stdout: []byte(stdout.String())}, expected, time.Second, sandbox.DefaultLimits)
	var got []string
	for _, tt := range r.Tests {
		got = append(got, tt.Name)
	}
	want := "Checks::test_one_word Checks::test_empty_text test_param[b] test_param[a]"
	if strings.Join(got, " ") != want {
		t.Errorf("order %v, want %s (%s)", got, want, r.Message)
	}
}
