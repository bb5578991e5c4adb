package sandbox

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/drill-dev/drill/internal/wire"
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

// RunBatch implements BatchRunner. A job the batch did not report on (the
// sandbox died, or ran out of time as a whole) is run again on its own, so
// that what the caller gets is always the job's own outcome. Jobs whose
// image starts servers each get a sandbox of their own: what one job left
// in a server would be there for the next.
func (d *Docker) RunBatch(ctx context.Context, jobs []Job) ([]Outcome, error) {
	if len(jobs) == 0 {
		return nil, nil
	}
	if hasServices(jobs[0].Runtime) {
		outcomes := make([]Outcome, len(jobs))
		for i, job := range jobs {
			var err error
			if outcomes[i], err = d.Run(ctx, job); err != nil {
				return nil, err
			}
		}
		return outcomes, nil
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

// batchInput is what the harness reads for a batch of jobs (see
// wire.Header), and the time limit of the whole.
func (d *Docker) batchInput(jobs []Job) ([]byte, time.Duration, error) {
	h := wire.Header{StdoutLimit: d.limits.Stdout, StderrLimit: d.limits.Stderr}
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
		h.Jobs = append(h.Jobs, wire.Entry{Spec: job.Spec, Size: len(archive),
			CPULimit: job.TimeLimit, WallLimit: WallLimit(job.TimeLimit), WallCap: WallCap(job.TimeLimit)})
		archives.Write(archive)
		limit += WallCap(job.TimeLimit) + batchSlack
	}
	limit += startSlack
	header, err := h.Line()
	if err != nil {
		return nil, 0, err
	}
	return append(header, archives.Bytes()...), limit, nil
}

// parseBatch reads the harness's records of a batch of n jobs; done says
// which jobs have one. Why the reading stopped, if it stopped early, is
// not needed: a job without a record is run again on its own.
func parseBatch(stdout []byte, n int) ([]Outcome, []bool) {
	recs, done, _ := wire.ParseRecords(stdout, n)
	outcomes := make([]Outcome, n)
	for i, r := range recs {
		if done[i] {
			outcomes[i] = Outcome{
				Stdout:         r.Stdout,
				Stderr:         r.Stderr,
				ExitCode:       r.ExitCode,
				CPUExceeded:    r.CPUExceeded,
				WallExceeded:   r.WallExceeded,
				Busy:           r.Busy,
				OOMKilled:      r.OOMKilled,
				OutputExceeded: r.OutputExceeded,
				Duration:       r.Duration,
				CPUTime:        r.CPUTime,
				ReadyTime:      r.ReadyTime,
			}
		}
	}
	return outcomes, done
}
