package grade

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/drill-dev/drill/internal/sandbox"
	"github.com/drill-dev/drill/internal/wire"
)

// Interpret decides a Result from what came out of the sandbox; limit is
// the job's CPU time limit. The harness's document is trusted only if the
// run ended normally, the stream is well formed (wire.ParseStream), and
// every test the judge collected has a result in it: the judge's own
// collection, which no learner code can change (it runs in another
// process). Anything else is an error, never a pass.
func Interpret(out sandbox.Outcome, limit time.Duration, limits sandbox.Limits) *Result {
	r := &Result{Version: ResultVersion, Tests: []Test{}, DurationMS: out.Duration.Milliseconds(), CPUTimeMS: out.CPUTime.Milliseconds()}
	stream, perr := wire.ParseStream(out.Stdout)
	doc := stream.Results
	during := ""
	switch {
	case stream.Running != "":
		during = " while running " + stream.Running
	case stream.Loading != "":
		during = " while " + stream.Loading + " imported your code"
	}
	fail := func(kind, format string, args ...any) *Result {
		r.Tests = []Test{}
		r.Status, r.ErrorKind, r.Message = Error, kind, fmt.Sprintf(format, args...)
		return r
	}
	// A learner process the OOM killer ended, in a run whose judge went on
	// to report every test, is that test's error, told by the judge; the
	// verdict is the document's.
	finished := perr == nil && doc != nil && out.ExitCode == 0 && stream.Finished &&
		!out.CPUExceeded && !out.WallExceeded && !out.OutputExceeded
	// The real cause wins: a memory bomb or a flood also uses time, and on
	// a busy machine may reach a time limit before its own verdict.
	switch {
	case out.OOMKilled && !finished:
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
	if doc.Status == wire.Error {
		r.Status, r.ErrorKind, r.Message, r.File, r.Line = Error, string(doc.Kind), doc.Message, doc.File, doc.Line
		if r.ErrorKind == "" {
			r.ErrorKind = KindHarness
		}
		return r
	}
	if !stream.Finished {
		return fail(KindHarness, "the results came without the list of tests collected: they were not written by drill's harness")
	}
	collected := make(map[string]int, len(stream.Collected))
	for i, id := range stream.Collected {
		collected[id] = i
	}
	reported := map[string]bool{}
	for _, t := range doc.Tests {
		// The harness announces each collected test as it starts; a
		// result for another was not written by the harness.
		if _, ok := collected[t.ID()]; !ok {
			return fail(KindHarness, "the results report %s, which was not collected: they were not written by drill's harness", t.ID())
		}
		if !stream.Started(t.Name) {
			return fail(KindHarness, "the results report %s, which never started: they were not written by drill's harness", t.Name)
		}
		reported[t.ID()] = true
		r.Tests = append(r.Tests, Test{Name: t.Name, File: t.File, Status: t.Status, Message: t.Message,
			Output: t.Output, OutputTruncated: t.OutputTruncated, Hidden: t.Hidden})
	}
	for _, id := range stream.Collected {
		if !reported[id] {
			return fail(KindHarness, "test %s did not report a result, so the run cannot be trusted", id)
		}
	}
	if len(r.Tests) == 0 {
		return fail(KindHarness, "no tests ran")
	}
	// The order of the test files, as the judge collected them.
	slices.SortStableFunc(r.Tests, func(a, b Test) int {
		return collected[a.File+"::"+a.Name] - collected[b.File+"::"+b.Name]
	})
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
