package grade

import (
	"bytes"
	"context"
	"fmt"
	"path"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/learnerfiles"
	"github.com/drill-dev/drill/internal/sandbox"
	"github.com/drill-dev/drill/internal/wire"
)

// testsDir is where the hidden tests go in the sandbox's work directory.
const testsDir = "tests"

// Grade runs the exercise's hidden tests against the learner's files (a
// map from each of the exercise's editable files to its content; a missing
// entry is a missing file). Support files come from the exercise's starter,
// never from the learner. The error is non-nil only when grading could not
// happen at all (bank unreadable, sandbox unavailable, ctx cancelled).
func Grade(ctx context.Context, runner sandbox.Runner, b *bank.Bank, ex *bank.Exercise, learner map[string][]byte) (*Result, error) {
	if r := refusal(ex, learner); r != nil {
		return r, nil
	}
	job, err := buildJob(b, ex, learner)
	if err != nil {
		return nil, err
	}
	out, err := runner.Run(ctx, job)
	if err != nil {
		return nil, fmt.Errorf("grade %s: %w", ex.ID, err)
	}
	return interpret(ex, out), nil
}

// A Trial is a set of files to grade for an exercise: a map from each of
// the exercise's editable files to its content, as Grade takes them.
type Trial struct {
	Exercise *bank.Exercise
	Files    map[string][]byte
}

// GradeTrusted grades each trial as Grade would, but those of one runtime
// in one sandbox when the runner can (a sandbox.BatchRunner), which saves a
// sandbox's start-up per trial. A trial the machine was too busy for is run
// once more on its own (AgainIfBusy). The trials share that sandbox, so they must
// be trusted alike: the bank's own starters and solutions, never a
// learner's files.
func GradeTrusted(ctx context.Context, runner sandbox.Runner, b *bank.Bank, trials []Trial) ([]*Result, error) {
	results := make([]*Result, len(trials))
	// The jobs of each runtime, in the order of the trials.
	type pending struct {
		jobs  []sandbox.Job
		which []int
	}
	byRuntime := map[string]*pending{}
	var runtimes []string
	for i, t := range trials {
		if r := refusal(t.Exercise, t.Files); r != nil {
			results[i] = r
			continue
		}
		job, err := buildJob(b, t.Exercise, t.Files)
		if err != nil {
			return nil, err
		}
		p := byRuntime[job.Runtime]
		if p == nil {
			p = &pending{}
			byRuntime[job.Runtime] = p
			runtimes = append(runtimes, job.Runtime)
		}
		p.jobs, p.which = append(p.jobs, job), append(p.which, i)
	}
	for _, rt := range runtimes {
		p := byRuntime[rt]
		outs, err := runAll(ctx, runner, p.jobs)
		if err != nil {
			return nil, fmt.Errorf("grade %s: %w", trials[p.which[0]].Exercise.ID, err)
		}
		for k, out := range outs {
			ex := trials[p.which[k]].Exercise
			first := true
			r, err := AgainIfBusy(func() (*Result, error) {
				if first {
					first = false
					return interpret(ex, out), nil
				}
				again, err := runner.Run(ctx, p.jobs[k])
				if err != nil {
					return nil, fmt.Errorf("grade %s: %w", ex.ID, err)
				}
				return interpret(ex, again), nil
			})
			if err != nil {
				return nil, err
			}
			results[p.which[k]] = r
		}
	}
	return results, nil
}

// runAll runs jobs of one runtime, as a batch if the runner can.
func runAll(ctx context.Context, runner sandbox.Runner, jobs []sandbox.Job) ([]sandbox.Outcome, error) {
	if br, ok := runner.(sandbox.BatchRunner); ok && len(jobs) > 1 {
		return br.RunBatch(ctx, jobs)
	}
	outs := make([]sandbox.Outcome, len(jobs))
	for i, job := range jobs {
		var err error
		if outs[i], err = runner.Run(ctx, job); err != nil {
			return nil, err
		}
	}
	return outs, nil
}

// refusal is the Result for learner files that cannot be graded at all, or
// nil if they can.
func refusal(ex *bank.Exercise, learner map[string][]byte) *Result {
	for _, f := range ex.Files {
		data, ok := learner[f]
		if !ok {
			return Refuse(ex, KindMissingFile, f, "%s is missing from the exercise directory", f)
		}
		// learnerfiles.Read never reads more; a map made some other way
		// is held to the same limit.
		if len(data) > learnerfiles.MaxSize {
			return Unreadable(ex, &learnerfiles.Error{File: f, Kind: learnerfiles.TooLarge, Size: int64(len(data))})
		}
	}
	// Every learner file is text: source, queries, templates.
	for _, f := range ex.Files {
		if r := notUTF8(ex, f, learner[f]); r != nil {
			return r
		}
	}
	return nil
}

func interpret(ex *bank.Exercise, out sandbox.Outcome) *Result {
	r := Interpret(out, ex.TimeLimit, sandbox.DefaultLimits)
	r.Exercise = ex.ID
	return r
}

// Refuse is the Result for learner files that cannot be graded at all.
func Refuse(ex *bank.Exercise, kind, file, format string, args ...any) *Result {
	return &Result{
		Version: ResultVersion, Exercise: ex.ID, Status: Error, ErrorKind: kind, File: file,
		Message: fmt.Sprintf(format, args...), Tests: []Test{},
	}
}

// Unreadable is the Result for a learner file that learnerfiles.Read
// refused: too large (KindTooLarge), or not a regular file or not readable
// (KindMissingFile: there is no file drill can grade).
func Unreadable(ex *bank.Exercise, e *learnerfiles.Error) *Result {
	kind := KindMissingFile
	if e.Kind == learnerfiles.TooLarge {
		kind = KindTooLarge
	}
	return Refuse(ex, kind, e.File, "%s", e.Error())
}

func buildJob(b *bank.Bank, ex *bank.Exercise, learner map[string][]byte) (sandbox.Job, error) {
	starter, err := b.Starter(ex)
	if err != nil {
		return sandbox.Job{}, fmt.Errorf("read starter of %s: %w", ex.ID, err)
	}
	tests, err := b.Tests(ex)
	if err != nil {
		return sandbox.Job{}, fmt.Errorf("read tests of %s: %w", ex.ID, err)
	}
	tests = lfFiles(tests)
	editable := map[string]bool{}
	for _, f := range ex.Files {
		editable[f] = true
	}
	var files []sandbox.File
	for _, f := range starter {
		if !editable[f.Path] {
			files = append(files, sandbox.File{Path: f.Path, Data: LF(f.Path, f.Data)})
		}
	}
	for _, f := range ex.Files {
		files = append(files, sandbox.File{Path: f, Data: LF(f, learner[f])})
	}
	for _, f := range tests {
		files = append(files, sandbox.File{Path: path.Join(testsDir, f.Path), Data: f.Data})
	}
	return sandbox.Job{
		Runtime:   sandbox.ImageKey(ex.Runtime, ex.Services),
		Files:     files,
		Spec:      wire.JobSpec{LearnerFiles: ex.Files},
		TimeLimit: ex.TimeLimit,
	}, nil
}

// lfFiles is files with LF line endings (see LF), in a slice of its own:
// the bank's is shared by jobs built at the same time.
func lfFiles(files []bank.File) []bank.File {
	out := make([]bank.File, len(files))
	for i, f := range files {
		f.Data = LF(f.Path, f.Data)
		out[i] = f
	}
	return out
}

// lfExts are the kinds of file whose line endings LF makes Unix's.
var lfExts = map[string]bool{".py": true, ".sql": true, ".html": true, ".txt": true, ".ini": true}

// LF returns data with each CRLF made LF when name is source or text the
// sandbox reads as lines (.py, .sql, .html, .txt, .ini), and data as it is
// otherwise. A file saved on Windows (or checked out there with
// core.autocrlf) is then graded as the same file saved on Linux: a
// triple-quoted string, a template's output or a line of SQL is the same
// either way. It is done once, as a job is built, for the learner's files
// and the bank's alike; the learner's own files are never changed.
func LF(name string, data []byte) []byte {
	if !lfExts[path.Ext(name)] || !bytes.Contains(data, []byte("\r\n")) {
		return data
	}
	return bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
}

// Busy says whether r is the verdict of a machine too busy to give the
// sandbox the CPU (sandbox.Outcome.Busy): not the learner's, and worth
// running again.
func (r *Result) Busy() bool { return r.Status == Error && r.ErrorKind == KindBusy }

// ErrBusy is wrapped by BusyError's errors; it wraps sandbox.ErrUnavailable,
// as every failure of the sandbox rather than of the learner's code.
var ErrBusy = fmt.Errorf("%w: machine too busy", sandbox.ErrUnavailable)

// BusyError is the error for a busy Result r: its message, with the
// exercise.
func BusyError(r *Result) error { return busyError{r} }

type busyError struct{ r *Result }

func (e busyError) Error() string {
	return e.r.Exercise + ": the machine was too busy: " + e.r.Message
}
func (e busyError) Unwrap() error { return ErrBusy }

// AgainIfBusy calls run, and once more if the machine was too busy for its
// first Result; a second busy Result is returned saying so.
func AgainIfBusy(run func() (*Result, error)) (*Result, error) {
	r, err := run()
	if err != nil || !r.Busy() {
		return r, err
	}
	if r, err = run(); err == nil && r.Busy() {
		r.Message += " (this happened twice in a row)"
	}
	return r, err
}
