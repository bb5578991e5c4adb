package wire

import (
	"encoding/json"
	"fmt"
	"time"
)

// WatchdogLine is the first line of a sandbox's input, for its watchdog
// (sandbox/harness/watchdog): "WALL CPU\n", whole seconds rounded up, after
// which, from the job's arrival, the watchdog ends the sandbox whatever
// runs in it: wall on the clock, cpu of the sandbox's CPU time.
func WatchdogLine(wall, cpu time.Duration) []byte {
	return fmt.Appendf(nil, "%d %d\n", WholeSeconds(wall), WholeSeconds(cpu))
}

// WholeSeconds is d in seconds, rounded up: the watchdog counts in seconds.
func WholeSeconds(d time.Duration) int64 { return int64((d + time.Second - 1) / time.Second) }

// ExitServices is the harness's exit status when the image's servers
// (exercise.toml's services) did not start: said before any learner code
// ran in the sandbox, with a last line on standard error that names the
// server and why (sandbox/harness/batch.py, wait_for_services). It is the
// sandbox's failure, not the learner's.
const ExitServices = 75

// Header is the line that starts a batch: what the harness needs to run
// each job. The jobs' tar archives follow it, in order.
type Header struct {
	Jobs []Entry
	// StdoutLimit and StderrLimit are the bytes of a job's standard output
	// and error the batch parent keeps; past either, it stops the job
	// (Record.OutputExceeded).
	StdoutLimit, StderrLimit int
}

// Entry is one job of a batch.
type Entry struct {
	Spec JobSpec
	Size int // bytes of the job's tar archive
	// CPULimit is the CPU time the job may use (the sandbox's cgroup
	// counts it); WallLimit, on the wall clock, is when a job that waits
	// instead of computing is stopped; WallCap is when one held back by a
	// busy machine is stopped all the same. The harness keeps them to the
	// millisecond.
	CPULimit, WallLimit, WallCap time.Duration
}

// JobSpec is what the job's judge needs to know of a job beyond its files.
type JobSpec struct {
	// LearnerFiles are the paths, relative to the work directory, of the
	// files the learner wrote (the harness compiles them first, and names
	// them in messages).
	LearnerFiles []string `json:"learner_files"`
}

type headerJSON struct {
	Jobs        []entryJSON `json:"jobs"`
	StdoutLimit int         `json:"stdout_limit"`
	StderrLimit int         `json:"stderr_limit"`
}

type entryJSON struct {
	Job       JobSpec `json:"job"`
	Size      int     `json:"size"`
	CPULimit  float64 `json:"cpu_limit_seconds"`
	WallLimit float64 `json:"wall_limit_seconds"`
	WallCap   float64 `json:"wall_cap_seconds"`
}

// Line is h as the harness reads it: one line of JSON and its newline. An
// error is a size or limit below zero.
func (h Header) Line() ([]byte, error) {
	if h.StdoutLimit < 0 || h.StderrLimit < 0 {
		return nil, fmt.Errorf("batch header: output limits %d and %d", h.StdoutLimit, h.StderrLimit)
	}
	out := headerJSON{Jobs: make([]entryJSON, len(h.Jobs)), StdoutLimit: h.StdoutLimit, StderrLimit: h.StderrLimit}
	for i, e := range h.Jobs {
		if e.Size < 0 || e.CPULimit < 0 || e.WallLimit < 0 || e.WallCap < 0 {
			return nil, fmt.Errorf("batch header: job %d has size %d and limits %s, %s, %s", i, e.Size, e.CPULimit, e.WallLimit, e.WallCap)
		}
		spec := e.Spec
		if spec.LearnerFiles == nil {
			spec.LearnerFiles = []string{} // the harness iterates it
		}
		out.Jobs[i] = entryJSON{Job: spec, Size: e.Size,
			CPULimit: e.CPULimit.Seconds(), WallLimit: e.WallLimit.Seconds(), WallCap: e.WallCap.Seconds()}
	}
	line, err := json.Marshal(out)
	if err != nil {
		return nil, fmt.Errorf("batch header: %w", err)
	}
	return append(line, '\n'), nil
}
