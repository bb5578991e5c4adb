package wire

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"
)

// Record is what the harness's batch parent reports of one job of a batch:
// how it ended, the time it took, and what it wrote.
type Record struct {
	Job      int // its place in Header.Jobs
	ExitCode int // the job's child's: 128+N for signal N
	// CPUExceeded: stopped at its CPU limit. WallExceeded: stopped by the
	// wall clock, at WallCap if Busy (held back by a busy machine), else at
	// WallLimit (waiting). OOMKilled: the kernel killed a process of the
	// sandbox for memory. OutputExceeded: stopped for printing more than
	// the header's limits.
	CPUExceeded, WallExceeded, Busy, OOMKilled, OutputExceeded bool
	// Duration is the job's wall-clock time, CPUTime the sandbox's CPU time
	// during it, ReadyTime (when stopped by the wall clock) how long its
	// threads waited for a CPU. The harness writes milliseconds.
	Duration, CPUTime, ReadyTime time.Duration
	Stdout                       []byte // the job's results stream (see ParseStream)
	Stderr                       []byte // everything else the job printed
}

type recordJSON struct {
	Job            int     `json:"job"`
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

// recordKeys are the keys every record has: the harness writes them all.
var recordKeys = []string{"job", "exit_code", "cpu_exceeded", "wall_exceeded", "busy", "oom_killed",
	"output_exceeded", "duration_ms", "cpu_ms", "ready_ms", "stdout", "stderr"}

// maxMS is the longest time a record may give, in milliseconds: a day.
const maxMS = 24 * 60 * 60 * 1000

// ParseRecord reads one record line (without its newline).
func ParseRecord(line []byte) (Record, error) {
	if len(line) > MaxRecordBytes {
		return Record{}, fmt.Errorf("a record of %d bytes, more than %d", len(line), MaxRecordBytes)
	}
	var r recordJSON
	if _, err := decodeStrict(line, &r, recordKeys...); err != nil {
		return Record{}, err
	}
	if r.ExitCode < 0 || r.ExitCode > 255 {
		return Record{}, fmt.Errorf("exit code %d", r.ExitCode)
	}
	ms := func(what string, v float64) (time.Duration, error) {
		if v < 0 || v > maxMS || math.IsNaN(v) {
			return 0, fmt.Errorf("%s is %g", what, v)
		}
		return time.Duration(v * float64(time.Millisecond)), nil
	}
	out := Record{Job: r.Job, ExitCode: r.ExitCode, CPUExceeded: r.CPUExceeded, WallExceeded: r.WallExceeded,
		Busy: r.Busy, OOMKilled: r.OOMKilled, OutputExceeded: r.OutputExceeded, Stdout: r.Stdout, Stderr: r.Stderr}
	var err error
	if out.Duration, err = ms("duration_ms", r.DurationMS); err != nil {
		return Record{}, err
	}
	if out.CPUTime, err = ms("cpu_ms", r.CPUMS); err != nil {
		return Record{}, err
	}
	if out.ReadyTime, err = ms("ready_ms", r.ReadyMS); err != nil {
		return Record{}, err
	}
	if out.Stdout == nil {
		out.Stdout = []byte{}
	}
	if out.Stderr == nil {
		out.Stderr = []byte{}
	}
	return out, nil
}

// ParseRecords reads the batch parent's output for a batch of n jobs: one
// record per line, each job at most once, in any order. It returns each
// job's record, done saying which jobs have one, and why the reading
// stopped early (nil if it read to the end): a line that is not a record
// of a job not yet seen, which the batch parent never writes. The records
// before it stand.
func ParseRecords(data []byte, n int) (recs []Record, done []bool, err error) {
	recs, done = make([]Record, n), make([]bool, n)
	err = lines(data, func(_ int, line []byte) error {
		r, err := ParseRecord(line)
		switch {
		case err != nil:
			return err
		case r.Job < 0 || r.Job >= n:
			return fmt.Errorf("a record of job %d in a batch of %d", r.Job, n)
		case done[r.Job]:
			return fmt.Errorf("a second record of job %d", r.Job)
		}
		recs[r.Job], done[r.Job] = r, true
		return nil
	})
	if err != nil {
		err = fmt.Errorf("batch records: %w", err)
	}
	return recs, done, err
}

// Line is r as the batch parent writes it, with its newline: for tests,
// and fakes that stand in for the harness.
func (r Record) Line() []byte {
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b, err := json.Marshal(recordJSON{Job: r.Job, ExitCode: r.ExitCode, CPUExceeded: r.CPUExceeded,
		WallExceeded: r.WallExceeded, Busy: r.Busy, OOMKilled: r.OOMKilled, OutputExceeded: r.OutputExceeded,
		DurationMS: ms(r.Duration), CPUMS: ms(r.CPUTime), ReadyMS: ms(r.ReadyTime),
		Stdout: orEmpty(r.Stdout), Stderr: orEmpty(r.Stderr)})
	if err != nil {
		panic(errors.Join(errors.New("wire: a record does not marshal"), err)) // plain fields: cannot happen
	}
	return append(b, '\n')
}

func orEmpty(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}
