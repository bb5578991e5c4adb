package grade

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/drill-dev/drill/internal/sandbox"
)

// harnessDoc is the results document the in-container harness writes.
type harnessDoc struct {
	Version int    `json:"version"`
	Status  Status `json:"status"`
	Message string `json:"message"`
	Kind    string `json:"kind"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	Tests   []Test `json:"tests"`
}

// streamLine is one line of the harness's results stream.
type streamLine struct {
	Collect *string     `json:"collect"`
	Start   *string     `json:"start"`
	Results *harnessDoc `json:"results"`
}

// Interpret decides a Result from what came out of the sandbox; limit is
// the job's CPU time limit. The
// harness's document is trusted only if the run ended normally and every
// expected test is in it; anything else is an error, never a pass.
func Interpret(out sandbox.Outcome, expected []string, limit time.Duration, limits sandbox.Limits) *Result {
	r := &Result{Version: ResultVersion, Tests: []Test{}, DurationMS: out.Duration.Milliseconds(), CPUTimeMS: out.CPUTime.Milliseconds()}
	stream, perr := parseStream(out.Stdout)
	doc, running := stream.doc, stream.running
	during := ""
	switch {
	case running != "":
		during = " while running " + running
	case stream.loading != "":
		during = " while " + stream.loading + " imported your code"
	}
	fail := func(kind, format string, args ...any) *Result {
		r.Status, r.ErrorKind, r.Message = Error, kind, fmt.Sprintf(format, args...)
		return r
	}
	// The real cause wins: a memory bomb or a flood also uses time, and on
	// a busy machine may reach a time limit before its own verdict.
	switch {
	case out.OOMKilled:
		return fail(KindMemory, "memory limit of %d MiB exceeded%s", limits.MemoryBytes>>20, during)
	case out.OutputExceeded:
		return fail(KindOutput, "too much output%s: the run printed more than %d KiB and was stopped%s", during, limits.Stderr>>10, outputHead(out.Stderr))
	case out.CPUExceeded:
		return fail(KindTimeout, "time limit of %s of CPU time exceeded%s: look for a loop that never ends or work that grows too fast", limit, during)
	case out.WallExceeded && out.Busy:
		return fail(KindBusy, "the sandbox could not get the CPU%s: in %s it got %s of CPU time and waited %s for a CPU. This is not your code's fault; check again",
			during, seconds(out.Duration), seconds(out.CPUTime), seconds(out.ReadyTime))
	case out.WallExceeded && out.Duration > 0:
		return fail(KindTimeout, "stopped after %s of wall time%s, waiting rather than computing (it used %s of CPU time): look for a sleep, an input(), a lock or a socket that never answers",
			seconds(out.Duration), during, seconds(out.CPUTime))
	case out.WallExceeded:
		return fail(KindTimeout, "the sandbox ran past its wall-clock limit of %s%s without its harness reporting, and was stopped", sandbox.WallCap(limit), during)
	case perr != nil:
		return fail(KindHarness, "the test run's results could not be read (%v)%s", perr, stderrTail(out.Stderr))
	case doc == nil && out.ExitCode > 128:
		return fail(KindHarness, "the test run was killed by signal %d%s, before it reported results%s", out.ExitCode-128, during, stderrTail(out.Stderr))
	case doc == nil:
		return fail(KindHarness, "the test run ended%s without reporting results (exit code %d)%s", during, out.ExitCode, stderrTail(out.Stderr))
	case out.ExitCode != 0:
		return fail(KindHarness, "the test run ended with exit code %d%s", out.ExitCode, stderrTail(out.Stderr))
	}
	if doc.Status == Error {
		r.Status, r.ErrorKind, r.Message, r.File, r.Line = Error, doc.Kind, doc.Message, doc.File, doc.Line
		if r.ErrorKind == "" {
			r.ErrorKind = KindHarness
		}
		return r
	}
	r.Tests = doc.Tests
	seen := map[string]bool{}
	for _, t := range r.Tests {
		seen[baseID(t.File, t.Name)] = true
		// The harness announces each test as it starts; a result for a
		// test never started was not written by the harness.
		if !stream.started[t.Name] {
			r.Tests = []Test{}
			return fail(KindHarness, "the results report %s, which never started: they were not written by drill's harness", t.Name)
		}
	}
	for _, id := range expected {
		if !seen[id] {
			r.Tests = []Test{}
			return fail(KindHarness, "test %s did not report a result, so the run cannot be trusted", id)
		}
	}
	if len(r.Tests) == 0 {
		return fail(KindHarness, "no tests ran")
	}
	inFileOrder(r.Tests, expected)
	r.Status = Pass
	for i, t := range r.Tests {
		switch t.Status {
		case Pass:
		case Skip:
			r.Status = Fail
			if r.Tests[i].Message == "" {
				r.Tests[i].Message = "skipped: a skipped test does not count as passed"
			}
		default:
			r.Status = Fail
		}
	}
	return r
}

// inFileOrder sorts tests into the order of expected, the order of the
// test files (pytest runs a unittest.TestCase's tests in name order); those
// of one test (parameters, sub-tests) keep theirs, and a test drill did not
// expect goes after those it did.
func inFileOrder(tests []Test, expected []string) {
	place := make(map[string]int, len(expected))
	for i, id := range expected {
		if _, ok := place[id]; !ok {
			place[id] = i
		}
	}
	at := func(t Test) int {
		if i, ok := place[baseID(t.File, t.Name)]; ok {
			return i
		}
		return len(expected)
	}
	slices.SortStableFunc(tests, func(a, b Test) int { return at(a) - at(b) })
}

// resultStream is what the harness's JSON lines said.
type resultStream struct {
	doc     *harnessDoc     // the results document, if the harness got that far
	running string          // the last test started and not finished, if any
	loading string          // the last test file whose import began, if no test started since
	started map[string]bool // every test that was announced as starting
}

// parseStream reads the harness's JSON lines. The document must be the last
// line and appear once: anything after it was not written by the harness.
func parseStream(stdout []byte) (resultStream, error) {
	rs := resultStream{started: map[string]bool{}}
	sc := bufio.NewScanner(bytes.NewReader(stdout))
	sc.Buffer(make([]byte, 64<<10), len(stdout)+1)
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		if rs.doc != nil {
			return rs, errors.New("output after the results document")
		}
		var l streamLine
		if err := json.Unmarshal(line, &l); err != nil {
			return rs, fmt.Errorf("bad results line: %v", err)
		}
		switch {
		case l.Results != nil:
			rs.doc = l.Results
		case l.Collect != nil:
			rs.loading = *l.Collect
		case l.Start != nil:
			rs.running, rs.loading = *l.Start, ""
			rs.started[*l.Start] = true
		}
	}
	if err := sc.Err(); err != nil {
		return rs, err
	}
	if rs.doc != nil {
		rs.running, rs.loading = "", ""
	}
	return rs, nil
}

// seconds is d for a message: "0.25 s", "31 s".
func seconds(d time.Duration) string {
	if d < 10*time.Second {
		return fmt.Sprintf("%.2g s", d.Seconds())
	}
	return fmt.Sprintf("%.0f s", d.Seconds())
}

// outputHead is the start of a flood of output, clipped and marked so.
func outputHead(stderr []byte) string {
	lines := strings.SplitN(strings.ToValidUTF8(string(stderr), "?"), "\n", 11)
	if len(lines) > 10 {
		lines = lines[:10]
	}
	for i, l := range lines {
		if len(l) > 120 {
			lines[i] = l[:120] + "..."
		}
	}
	return ". It began:\n" + strings.Join(lines, "\n") + "\n[output truncated]"
}

// stderrTail is the end of what the run printed outside the tests, for an
// error message: usually the traceback that explains it.
func stderrTail(stderr []byte) string {
	text := strings.TrimSpace(string(stderr))
	if text == "" {
		return ""
	}
	lines := strings.Split(text, "\n")
	if len(lines) > 15 {
		lines = lines[len(lines)-15:]
	}
	return ":\n" + strings.Join(lines, "\n")
}
