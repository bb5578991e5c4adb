package sandbox

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// BatchRunner is a Runner that can also run several jobs in one sandbox.
type BatchRunner interface {
	Runner
	// RunBatch runs jobs of one runtime one after another in one sandbox,
	// each in a fresh process forked from the harness once it has warmed
	// up, with the work directory emptied in between. Each job has its own
	// time limit and output caps and gets its own Outcome, as from Run.
	//
	// The jobs share the sandbox: one job's code could leave something for
	// the next, or read it. Batch only code that is trusted alike, such as
	// an exercise bank's starter and solutions; never two learners' code.
	RunBatch(ctx context.Context, jobs []Job) ([]Outcome, error)
}

// batchSlack is the wall-clock time a batch allows each job beyond its
// limit, for forking it and emptying the work directory; startSlack is
// what the whole allows for starting the sandbox and its harness. Past
// these, drill kills the sandbox itself: the harness, which keeps each
// job's time, is not answering.
const (
	batchSlack = 2 * time.Second
	startSlack = 15 * time.Second
)

// batchHeader is the line that tells the harness to run a batch: the jobs'
// own headers and the sizes of their archives, which follow it in order.
type batchHeader struct {
	Jobs        []batchEntry `json:"jobs"`
	StdoutLimit int          `json:"stdout_limit"`
	StderrLimit int          `json:"stderr_limit"`
}

type batchEntry struct {
	Job      json.RawMessage `json:"job"`
	Size     int             `json:"size"`
	CPULimit float64         `json:"cpu_limit_seconds"`
	WallLim  float64         `json:"wall_limit_seconds"`
	WallCap  float64         `json:"wall_cap_seconds"`
}

// batchRecord is what the harness reports of one job of a batch.
type batchRecord struct {
	Job            *int    `json:"job"`
	ExitCode       int     `json:"exit_code"`
	CPUExceeded    bool    `json:"cpu_exceeded"`
	WallExceeded   bool    `json:"wall_exceeded"`
	Busy           bool    `json:"busy"`
	OOMKilled      bool    `json:"oom_killed"`
	OutputExceeded bool    `json:"output_exceeded"`
	DurationMS     float64 `json:"duration_ms"`
	CPUMS          float64 `json:"cpu_ms"`
	ReadyMS        float64 `json:"ready_ms"`
	Stdout         []byte  `json:"stdout"` // base64 in the JSON
	Stderr         []byte  `json:"stderr"`
}

// RunBatch implements BatchRunner. A job the batch did not report on (the
// sandbox died, or ran out of time as a whole) is run again on its own, so
// that what the caller gets is always the job's own outcome.
func (d *Docker) RunBatch(ctx context.Context, jobs []Job) ([]Outcome, error) {
	if len(jobs) == 0 {
		return nil, nil
	}
	outcomes, done, _, err := d.runJobs(ctx, jobs)
	if err != nil {
		return nil, err
	}
	for i, job := range jobs {
		if done[i] {
			continue
		}
		if outcomes[i], err = d.Run(ctx, job); err != nil {
			return nil, err
		}
	}
	return outcomes, nil
}

// runJobs runs jobs in one sandbox and returns the outcome of each that the
// harness reported on (done says which), and the sandbox's own outcome.
func (d *Docker) runJobs(ctx context.Context, jobs []Job) ([]Outcome, []bool, Outcome, error) {
	input, limit, err := d.batchInput(jobs)
	if err != nil {
		return nil, nil, Outcome{}, err
	}
	// Each job's output comes back base64-encoded inside its record.
	perJob := (d.limits.Stdout+d.limits.Stderr)/3*4 + 4<<10
	out, err := d.runInput(ctx, jobs[0].Runtime, input, limit, watchdogCPU(jobs), streamCaps{len(jobs) * perJob, d.limits.Stderr})
	if err != nil {
		return nil, nil, Outcome{}, err
	}
	outcomes, done := parseBatch(out.Stdout, len(jobs))
	return outcomes, done, out, nil
}

// batchInput is what the harness reads for a batch of jobs, and the time
// limit of the whole.
func (d *Docker) batchInput(jobs []Job) ([]byte, time.Duration, error) {
	h := batchHeader{StdoutLimit: d.limits.Stdout, StderrLimit: d.limits.Stderr}
	var archives bytes.Buffer
	var limit time.Duration
	for _, job := range jobs {
		if job.Runtime != jobs[0].Runtime {
			return nil, 0, fmt.Errorf("a batch runs one runtime, not %s and %s", jobs[0].Runtime, job.Runtime)
		}
		archive, err := tarFiles(job.Files)
		if err != nil {
			return nil, 0, fmt.Errorf("pack job: %w", err)
		}
		own := bytes.TrimSpace(job.Header)
		if len(own) == 0 {
			own = []byte("{}")
		}
		if !json.Valid(own) {
			return nil, 0, fmt.Errorf("a job's header is not JSON: %.40q", own)
		}
		h.Jobs = append(h.Jobs, batchEntry{Job: own, Size: len(archive), CPULimit: job.TimeLimit.Seconds(),
			WallLim: WallLimit(job.TimeLimit).Seconds(), WallCap: WallCap(job.TimeLimit).Seconds()})
		archives.Write(archive)
		limit += WallCap(job.TimeLimit) + batchSlack
	}
	limit += startSlack
	header, err := json.Marshal(h)
	if err != nil {
		return nil, 0, err
	}
	input := make([]byte, 0, len(header)+1+archives.Len())
	input = append(append(append(input, header...), '\n'), archives.Bytes()...)
	return input, limit, nil
}

// parseBatch reads the harness's records of a batch of n jobs; done says
// which jobs have one. A line that is not a record for a job not yet seen
// ends the reading: the harness writes nothing else.
func parseBatch(stdout []byte, n int) ([]Outcome, []bool) {
	outcomes := make([]Outcome, n)
	done := make([]bool, n)
	sc := bufio.NewScanner(bytes.NewReader(stdout))
	sc.Buffer(make([]byte, 64<<10), len(stdout)+1)
	for sc.Scan() {
		var r batchRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil || r.Job == nil || *r.Job < 0 || *r.Job >= n || done[*r.Job] {
			break
		}
		done[*r.Job] = true
		outcomes[*r.Job] = Outcome{
			Stdout:         r.Stdout,
			Stderr:         r.Stderr,
			ExitCode:       r.ExitCode,
			CPUExceeded:    r.CPUExceeded,
			WallExceeded:   r.WallExceeded,
			Busy:           r.Busy,
			OOMKilled:      r.OOMKilled,
			OutputExceeded: r.OutputExceeded,
			Duration:       time.Duration(r.DurationMS * float64(time.Millisecond)),
			CPUTime:        time.Duration(r.CPUMS * float64(time.Millisecond)),
			ReadyTime:      time.Duration(r.ReadyMS * float64(time.Millisecond)),
		}
	}
	return outcomes, done
}
