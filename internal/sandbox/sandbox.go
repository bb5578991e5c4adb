// Package sandbox runs a grading job in a fresh, locked-down container and
// builds the runner images it needs.
package sandbox

import (
	"context"
	"errors"
	"time"
)

// Runner runs one job in a sandbox of its own.
type Runner interface {
	// Run starts a fresh sandbox for the job, feeds it the job's files,
	// waits for it to finish or for the job's time limit, and removes it.
	// The error is non-nil only when the sandbox itself could not run (it
	// wraps ErrUnavailable) or ctx was cancelled; whatever the learner's
	// code did is described by the Outcome.
	Run(ctx context.Context, job Job) (Outcome, error)
}

// File is a file placed in the sandbox's work directory.
type File struct {
	Path string // relative, slash-separated
	Data []byte
}

// Job is what to run.
type Job struct {
	Runtime   string        // which runner image
	Files     []File        // laid out under the work directory
	Header    []byte        // one line for the harness, sent before the files
	TimeLimit time.Duration // wall clock, from start to exit
}

// Outcome is what came out of a sandbox.
type Outcome struct {
	Stdout   []byte // the harness's results stream, at most Limits.Stdout bytes
	Stderr   []byte // everything else printed, at most Limits.Stderr bytes
	ExitCode int
	// TimedOut: the job ran past its time limit and was killed.
	TimedOut bool
	// OOMKilled: the kernel killed a process for exceeding the memory limit.
	OOMKilled bool
	// OutputExceeded: the job printed more than the limits allow and was
	// killed.
	OutputExceeded bool
	Duration       time.Duration
}

// Limits are the resources one sandbox may use.
type Limits struct {
	MemoryBytes int64  // memory, swap included
	NanoCPUs    int64  // CPU time, in billionths of a CPU
	Pids        int64  // processes and threads
	WorkSize    string // size of the /work tmpfs, as mount takes it
	// TmpSize is the size of the /tmp tmpfs, where pytest also keeps what
	// the tests print: small, so a flood of output ends soon.
	TmpSize string
	Stdout  int // bytes of results stream kept before the job is killed
	Stderr  int // bytes of other output kept before the job is killed
}

// DefaultLimits suit one exercise's test run.
var DefaultLimits = Limits{
	MemoryBytes: 512 << 20,
	NanoCPUs:    1_000_000_000,
	Pids:        128,
	WorkSize:    "64m",
	TmpSize:     "16m",
	Stdout:      4 << 20,
	Stderr:      1 << 20,
}

// ErrUnavailable is wrapped by every error that means the sandbox could not
// run at all: no Docker engine, an image that could not be built.
var ErrUnavailable = errors.New("sandbox unavailable")
