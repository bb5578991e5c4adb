// Package sandbox runs a grading job in a fresh, locked-down container and
// builds the runner images it needs.
package sandbox

import (
	"context"
	"errors"
	"time"

	"github.com/drill-dev/drill/internal/wire"
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
	Runtime string       // which runner image
	Files   []File       // laid out under the work directory
	Spec    wire.JobSpec // what the harness needs to know beyond the files
	// TimeLimit is CPU time: what the sandbox's processes may use between
	// the job's start and its end (the cgroup's CPU accounting), as isolate
	// and contest judges count it. The wall clock is a safety net at
	// WallLimit(TimeLimit), for code that waits instead of computing.
	TimeLimit time.Duration
}

// WallFactor is how many times its CPU time limit a job may take on the
// wall clock before it is stopped as waiting (sleep, input(), a lock, a
// socket that never answers). A sandbox has one CPU: a job that computes
// all the time reaches its CPU limit at 1x, and at 1.5x on a 2-core machine
// with two busy loops beside it (three runnable tasks on two cores). More
// would only make a learner wait longer to hear that their code waits.
//
// A job that is found ready to run for most of that time, but not given the
// CPU, is not waiting but held back by a busy machine: it goes on, up to
// BusyFactor times its limit, so that its CPU time can still decide. Only
// one held back that long is stopped, as "busy": the machine's failure,
// not the learner's (run again, or check again).
const (
	WallFactor = 3
	BusyFactor = 10
)

// wallStartup is added to every wall-clock limit: the interpreter's and
// pytest's start-up, which a limit of a second or two would otherwise not
// cover on a busy machine.
const wallStartup = 2 * time.Second

// WallLimit is when a job whose CPU time limit is cpu is stopped if it is
// waiting rather than computing: WallFactor*cpu + 2s.
func WallLimit(cpu time.Duration) time.Duration { return WallFactor*cpu + wallStartup }

// WallCap is when a job whose CPU time limit is cpu is stopped even if a
// busy machine held it back: BusyFactor*cpu + 2s.
func WallCap(cpu time.Duration) time.Duration { return BusyFactor*cpu + wallStartup }

// Outcome is what came out of a sandbox.
type Outcome struct {
	Stdout   []byte // the harness's results stream, at most Limits.Stdout bytes
	Stderr   []byte // everything else printed, at most Limits.Stderr bytes
	ExitCode int
	// CPUExceeded: the job used more CPU time than its limit and was
	// killed.
	CPUExceeded bool
	// WallExceeded: the job was killed by the wall clock: with Busy, at its
	// WallCap, having been ready to run for most of that time but not given
	// the CPU; without, at its WallLimit, waiting (sleep, input, a lock, a
	// socket).
	WallExceeded bool
	Busy         bool
	// OOMKilled: the kernel killed a process for exceeding the memory limit.
	OOMKilled bool
	// OutputExceeded: the job printed more than the limits allow and was
	// killed.
	OutputExceeded bool
	Duration       time.Duration // wall clock, from the job's start to its end
	CPUTime        time.Duration // used by the sandbox's processes for the job
	// ReadyTime is, for a job stopped at its wall-clock limit, how long its
	// live threads had been ready to run but waiting for a CPU.
	ReadyTime time.Duration
}

// Limits are the resources one sandbox may use.
type Limits struct {
	MemoryBytes int64  // memory, swap included
	NanoCPUs    int64  // CPU time, in billionths of a CPU
	Pids        int64  // processes and threads
	WorkSize    string // size of the /work tmpfs (the learner's files), as mount takes it
	JudgeSize   string // size of the /judge tmpfs (the hidden tests)
	// TmpSize is the size of the /tmp tmpfs, where pytest also keeps what
	// the tests print: small, so a flood of output ends soon.
	TmpSize string
	// ServiceSize is the size of the /srv tmpfs, where the servers of an
	// image with services keep their data (PostgreSQL's template is about
	// 30 MB, MariaDB's about 100 MB); like every tmpfs, it counts towards
	// MemoryBytes only as it fills.
	ServiceSize string
	Stdout      int // bytes of results stream kept before the job is killed
	Stderr      int // bytes of other output kept before the job is killed
}

// DefaultLimits suit one exercise's test run.
var DefaultLimits = Limits{
	MemoryBytes: 512 << 20,
	NanoCPUs:    1_000_000_000,
	Pids:        128,
	WorkSize:    "64m",
	JudgeSize:   "16m",
	TmpSize:     "16m",
	ServiceSize: "256m",
	Stdout:      4 << 20,
	Stderr:      1 << 20,
}

// ErrUnavailable is wrapped by every error that means the sandbox could not
// run at all: no Docker engine, an image that could not be built.
var ErrUnavailable = errors.New("sandbox unavailable")
