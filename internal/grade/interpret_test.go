package grade

import (
	"strings"
	"testing"
	"time"

	"github.com/drill-dev/drill/internal/sandbox"
	"github.com/drill-dev/drill/internal/wire"
)

// The tests of the harness's stream in these tests.
var (
	testA  = wire.Test{Name: "test_a", File: "tests/test_x.py", Status: wire.Pass}
	testB1 = wire.Test{Name: "test_b[1]", File: "tests/test_x.py", Status: wire.Pass, Output: "hi\n"}
)

// failing is t failed with message.
func failing(t wire.Test, message string) wire.Test {
	t.Status, t.Message = wire.Fail, message
	return t
}

// ran is the stream of a run of tests to the end.
func ran(tests ...wire.Test) []byte {
	var b wire.StreamBuilder
	return b.Run(tests...).Bytes()
}

// until is the stream of a run that collected test_a and test_b[1] and
// started those of started, then stopped.
func until(started ...string) *wire.StreamBuilder {
	b := new(wire.StreamBuilder).Collect("tests/test_x.py").Collected(testA.ID(), testB1.ID())
	for _, name := range started {
		b.Start(name)
	}
	return b
}

var (
	passDoc   = ran(testA, testB1)
	failDoc   = ran(testA, failing(testB1, "assert 2 == 3"))
	syntaxDoc = new(wire.StreamBuilder).Results(wire.Results{Status: wire.Error, Kind: wire.KindSyntax, File: "x.py", Line: 3,
		Message: "x.py, line 3\n    def f(\n         ^\nSyntaxError: '(' was never closed"}).Bytes()
)

// expected are the tests the judge collects in these documents.
var expected = []string{"tests/test_x.py::test_a", "tests/test_x.py::test_b"}

func TestInterpret(t *testing.T) {
	testC := wire.Test{Name: "test_c", File: "tests/test_x.py", Status: wire.Pass}
	skipped := testA
	skipped.Status = wire.Skip
	tests := []struct {
		name    string
		out     sandbox.Outcome
		status  Status
		kind    string
		message string // a substring of the result's message
		tests   int
	}{
		{"all pass", sandbox.Outcome{Stdout: passDoc}, Pass, "", "", 2},
		{"a test fails", sandbox.Outcome{Stdout: failDoc}, Fail, "", "", 2},
		{"a document claiming pass with a failed test", sandbox.Outcome{Stdout: until("test_a", "test_b[1]").
			Results(wire.Results{Status: wire.Pass, Tests: []wire.Test{testA, failing(testB1, "no")}}).Bytes()}, Fail, "", "", 2},
		{"syntax error", sandbox.Outcome{Stdout: syntaxDoc}, Error, KindSyntax, "SyntaxError: '(' was never closed", 0},
		{"an error while collecting", sandbox.Outcome{Stdout: new(wire.StreamBuilder).Collect("tests/test_x.py").Collected().
			Results(wire.Results{Status: wire.Error, Kind: wire.KindImport, Message: "x.py, line 1: NameError"}).Bytes()}, Error, KindImport, "x.py, line 1: NameError", 0},
		{"a result for a test not collected", sandbox.Outcome{Stdout: until("test_a", "test_b[1]").
			Results(wire.Results{Status: wire.Pass, Tests: []wire.Test{testA, testB1, testC}}).Bytes()}, Error, KindHarness, "tests/test_x.py::test_c, which was not collected", 0},
		{"a result for a test that never started", sandbox.Outcome{Stdout: until("test_a").
			Results(wire.Results{Status: wire.Pass, Tests: []wire.Test{testA, testB1}}).Bytes()}, Error, KindHarness, "test_b[1], which never started", 0},
		{"a collected test without a result", sandbox.Outcome{Stdout: until("test_a", "test_b[1]").
			Results(wire.Results{Status: wire.Pass, Tests: []wire.Test{testA}}).Bytes()}, Error, KindHarness, "test tests/test_x.py::test_b[1] did not report a result, so the run cannot be trusted", 0},
		{"a collected test drill does not read is expected too", sandbox.Outcome{Stdout: new(wire.StreamBuilder).Collected(testA.ID(), testB1.ID(), testC.ID()).
			Start("test_a").Start("test_b[1]").Results(wire.Results{Status: wire.Pass, Tests: []wire.Test{testA, testB1}}).Bytes()}, Error, KindHarness, "test tests/test_x.py::test_c did not report", 0},
		{"results without a collection", sandbox.Outcome{Stdout: new(wire.StreamBuilder).
			Results(wire.Results{Status: wire.Pass, Tests: []wire.Test{testA}}).Bytes()}, Error, KindHarness, "without the list of tests collected", 0},
		{"CPU time-out names the running test", sandbox.Outcome{Stdout: until("test_a", "test_b[1]").Bytes(), CPUExceeded: true}, Error, KindTimeout, "time limit of 3s of CPU time exceeded while running test_b[1]: look for a loop", 0},
		{"time-out wins over a document", sandbox.Outcome{Stdout: passDoc, CPUExceeded: true}, Error, KindTimeout, "time limit of 3s", 0},
		{"waiting past the wall clock", sandbox.Outcome{Stdout: until("test_a").Bytes(), WallExceeded: true, Duration: 11 * time.Second, CPUTime: 150 * time.Millisecond}, Error, KindTimeout, "stopped after 11 s of wall time while running test_a, waiting rather than computing (it used 0.15 s of CPU time)", 0},
		{"held back by a busy machine", sandbox.Outcome{Stdout: until("test_a").Bytes(), WallExceeded: true, Busy: true, Duration: 11 * time.Second, CPUTime: 2 * time.Second, ReadyTime: 7 * time.Second}, Error, KindBusy, "could not get the CPU while running test_a: in 11 s it got 2 s of CPU time and waited 7 s for a CPU. This is not your code's fault", 0},
		{"busy wins over a document", sandbox.Outcome{Stdout: passDoc, WallExceeded: true, Busy: true}, Error, KindBusy, "", 0},
		{"the wall clock of the whole sandbox", sandbox.Outcome{WallExceeded: true}, Error, KindTimeout, "wall-clock limit of 32s without its harness reporting", 0},
		{"memory wins over the CPU limit", sandbox.Outcome{Stdout: until("test_a").Bytes(), OOMKilled: true, CPUExceeded: true}, Error, KindMemory, "memory limit", 0},
		{"memory wins over the wall clock", sandbox.Outcome{Stdout: until("test_a").Bytes(), OOMKilled: true, WallExceeded: true, Busy: true}, Error, KindMemory, "memory limit", 0},
		{"a flood wins over the CPU limit", sandbox.Outcome{OutputExceeded: true, CPUExceeded: true}, Error, KindOutput, "too much output", 0},
		{"out of memory", sandbox.Outcome{Stdout: until("test_a").Bytes(), OOMKilled: true, ExitCode: 137}, Error, KindMemory, "memory limit of 512 MiB exceeded while running test_a", 0},
		{"a flood while a test file imports the learner's code", sandbox.Outcome{Stdout: new(wire.StreamBuilder).Collect("tests/test_x.py").Bytes(), OutputExceeded: true, Stderr: []byte("spam\n")}, Error, KindOutput, "too much output while tests/test_x.py imported your code: the run printed more than 1024 KiB", 0},
		{"a test started after the import", sandbox.Outcome{Stdout: until("test_a").Bytes(), CPUExceeded: true}, Error, KindTimeout, "exceeded while running test_a:", 0},
		{"output flood", sandbox.Outcome{OutputExceeded: true, Stderr: []byte(strings.Repeat("spam ", 1000) + "\n")}, Error, KindOutput, "more than 1024 KiB and was stopped. It began:\nspam spam", 0},
		{"killed from outside", sandbox.Outcome{Stdout: until("test_a").Bytes(), ExitCode: 137}, Error, KindHarness, "killed by signal 9 while running test_a", 0},
		{"ended without a document", sandbox.Outcome{Stdout: until("test_a").Bytes(), ExitCode: 0, Stderr: []byte("Traceback\nSystemExit")}, Error, KindHarness, "ended while running test_a without reporting results (exit code 0):\nTraceback", 0},
		{"non-zero exit after a document", sandbox.Outcome{Stdout: passDoc, ExitCode: 1}, Error, KindHarness, "exit code 1", 0},
		{"garbage on the results stream", sandbox.Outcome{Stdout: []byte("hello\n")}, Error, KindHarness, "could not be read (results stream: line 1: not JSON", 0},
		{"no tests at all", sandbox.Outcome{Stdout: ran()}, Error, KindHarness, "no tests ran", 0},
		{"a second document", sandbox.Outcome{Stdout: append(ran(testA, testB1), passDoc...)}, Error, KindHarness, "a line after the results document", 0},
		{"a skipped test is not a pass", sandbox.Outcome{Stdout: ran(skipped, testB1)}, Fail, "", "", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Interpret(tt.out, 3*time.Second, sandbox.DefaultLimits)
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
	f.Add(passDoc, false)
	f.Add(failDoc, false)
	f.Add(syntaxDoc, true)
	f.Fuzz(func(t *testing.T, stdout []byte, timedOut bool) {
		r := Interpret(sandbox.Outcome{Stdout: stdout, CPUExceeded: timedOut}, time.Second, sandbox.DefaultLimits)
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

// The results come in the order of the judge's collection (the harness's
// file order), whatever order the document has: pytest runs a TestCase's
// tests in name order.
func TestInterpretFileOrder(t *testing.T) {
	collected := []string{"Checks::test_one_word", "Checks::test_empty_text", "test_param[b]", "test_param[a]"}
	reported := []string{"Checks::test_empty_text", "Checks::test_one_word", "test_param[a]", "test_param[b]"}
	var b wire.StreamBuilder
	var ids []string
	for _, n := range collected {
		ids = append(ids, "tests/t.py::"+n)
	}
	b.Collected(ids...)
	var tests []wire.Test
	for _, n := range reported {
		b.Start(n)
		tests = append(tests, wire.Test{Name: n, File: "tests/t.py", Status: wire.Pass})
	}
	b.Results(wire.Results{Status: wire.Pass, Tests: tests})
	r := Interpret(sandbox.Outcome{Stdout: b.Bytes()}, time.Second, sandbox.DefaultLimits)
	var got []string
	for _, tt := range r.Tests {
		got = append(got, tt.Name)
	}
	if strings.Join(got, " ") != strings.Join(collected, " ") {
		t.Errorf("order %v, want %v (%s)", got, collected, r.Message)
	}
}
