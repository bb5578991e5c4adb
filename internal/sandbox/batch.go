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

// batchSlack is the time a batch allows each job beyond its limit, for
// forking it and emptying the work directory.
const batchSlack = 2 * time.Second

// batchHeader is the line that tells the harness to run a batch: the jobs'
// own headers and the sizes of their archives, which follow it in order.
type batchHeader struct {
	Jobs        []batchEntry `json:"jobs"`
	StdoutLimit int          `json:"stdout_limit"`
	StderrLimit int          `json:"stderr_limit"`
}

type batchEntry struct {
	Job  json.RawMessage `json:"job"`
	Size int             `json:"size"`
}

// batchRecord is what the harness reports of one job of a batch.
type batchRecord struct {
	Job            *int    `json:"job"`
	ExitCode       int     `json:"exit_code"`
	TimedOut       bool    `json:"timed_out"`
	OOMKilled      bool    `json:"oom_killed"`
	OutputExceeded bool    `json:"output_exceeded"`
	DurationMS     float64 `json:"duration_ms"`
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
	input, limit, err := d.batchInput(jobs)
	if err != nil {
		return nil, err
	}
	// Each job's output comes back base64-encoded inside its record.
	perJob := (d.limits.Stdout+d.limits.Stderr)/3*4 + 4<<10
	out, err := d.runInput(ctx, jobs[0].Runtime, input, limit, streamCaps{len(jobs) * perJob, d.limits.Stderr})
	if err != nil {
		return nil, err
	}
	outcomes, done := parseBatch(out.Stdout, len(jobs))
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
		h.Jobs = append(h.Jobs, batchEntry{Job: own, Size: len(archive)})
		archives.Write(archive)
		limit += job.TimeLimit + batchSlack
	}
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
			TimedOut:       r.TimedOut,
			OOMKilled:      r.OOMKilled,
			OutputExceeded: r.OutputExceeded,
			Duration:       time.Duration(r.DurationMS * float64(time.Millisecond)),
		}
	}
	return outcomes, done
}
