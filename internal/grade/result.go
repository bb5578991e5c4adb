// Package grade turns a learner's files and an exercise's hidden tests into
// a sandbox job, and the sandbox's outcome into a Result.
package grade

import (
	"time"

	"github.com/drill-dev/drill/internal/wire"
)

// Status is the outcome of a run or of one test: the harness's word for it
// (wire.Status), as in Exercism's test-runner results.
type Status = wire.Status

// Statuses. Skip is a test that did not run to completion by its own
// choice.
const (
	Pass  = wire.Pass
	Fail  = wire.Fail
	Error = wire.Error
	Skip  = wire.Skip
)

// Kinds of error, in Result.ErrorKind.
const (
	KindSyntax      = "syntax"       // the learner's file does not parse
	KindImport      = "import"       // importing the learner's code failed
	KindMissingFile = "missing_file" // a learner file is not there
	KindTooLarge    = "too_large"    // a learner file is too big to grade
	KindEncoding    = "encoding"     // a learner file is not UTF-8
	KindTimeout     = "timeout"      // the CPU time limit, or the wall clock while waiting, was hit
	KindBusy        = "busy"         // the machine was too busy to give the sandbox the CPU: not the learner's fault
	KindMemory      = "memory"       // the memory limit was hit
	KindOutput      = "output"       // too much output
	KindHarness     = "harness"      // the run ended without trustworthy results
)

// ResultVersion is the version of the Result format: that of Exercism's
// test-runner results, whose field names it shares.
const ResultVersion = 3

// Result is the graded outcome of one exercise; it is also what --json
// prints.
type Result struct {
	Version    int    `json:"version"`
	Exercise   string `json:"exercise"`
	Status     Status `json:"status"`
	Message    string `json:"message,omitempty"`
	ErrorKind  string `json:"error_kind,omitempty"`
	File       string `json:"file,omitempty"`
	Line       int    `json:"line,omitempty"`
	DurationMS int64  `json:"duration_ms"` // wall clock
	CPUTimeMS  int64  `json:"cpu_time_ms"` // the sandbox's CPU time for the job, what time_limit bounds
	Tests      []Test `json:"tests"`
}

// Test is one test's outcome, in the order the test file defines them.
type Test struct {
	Name            string `json:"name"`
	File            string `json:"file,omitempty"`
	Status          Status `json:"status"`
	Message         string `json:"message,omitempty"`
	Output          string `json:"output,omitempty"`
	OutputTruncated bool   `json:"output_truncated,omitempty"`
	Hidden          bool   `json:"hidden,omitempty"`
}

// Duration is how long the run took on the wall clock.
func (r *Result) Duration() time.Duration { return time.Duration(r.DurationMS) * time.Millisecond }

// CPUTime is the CPU time the run used, which the exercise's time limit
// bounds.
func (r *Result) CPUTime() time.Duration { return time.Duration(r.CPUTimeMS) * time.Millisecond }

// Counts returns how many tests passed and how many did not.
func (r *Result) Counts() (passed, failed int) {
	for _, t := range r.Tests {
		if t.Status == Pass {
			passed++
		} else {
			failed++
		}
	}
	return passed, failed
}
