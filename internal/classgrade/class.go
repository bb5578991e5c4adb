// Package classgrade grades a class: it finds the learners' submissions in
// folders and archives (Find), reads each one's files without following a
// link or trusting an archive (ReadArchive, ReadFiles), grades them in the
// sandbox several at a time (Grade), resuming an interrupted class from its
// journal, matches them against a roster, and sums up what the class got
// wrong: rows as CSV or Gradescope's results.json, per-test failure rates,
// error kinds and an HTML page. It prints nothing.
package classgrade

import (
	"context"
	"errors"
	"fmt"
	"io/fs"

	"golang.org/x/sync/errgroup"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/grade"
	"github.com/drill-dev/drill/internal/sandbox"
)

// Options say how to grade a class.
type Options struct {
	Runner   sandbox.Runner
	Bank     *bank.Bank
	Exercise *bank.Exercise
	// Jobs is how many submissions are graded at a time (at least 1).
	Jobs int
	// Roster, when not nil, is who should have handed something in.
	Roster *Roster
	// Journal, when not "", is the file that records each graded row as it
	// comes (see JournalName); rows it holds for unchanged files are kept,
	// not graded again.
	Journal string
	// Started and Finished, when not nil, are called as each submission's
	// grading starts and ends, from several goroutines at once; kept says
	// the row came from the journal.
	Started  func(name string)
	Finished func(row Row, kept bool)
	// Deliver, when not nil, is called with each submission's row (i is
	// its index in subs) as soon as it is graded, before Finished, from
	// several goroutines at once; the row it returns takes its place.
	// drill grade writes a submission's results.json there, so that one
	// that cannot be written is that submission's error row and stops no
	// other.
	Deliver func(i int, row Row) Row
}

// Class is a class's grades.
type Class struct {
	Exercise string
	// Rows are a row per submission, in the order found, then a row per
	// learner on the roster with no submission.
	Rows []Row
	// Skipped are the entries of class folders that are no submission.
	Skipped []Skip
	// Unmatched are the submissions that match nobody on the roster.
	Unmatched []string
	// Kept is how many rows came from the journal.
	Kept int
	// SandboxFailed is how many rows are errors of the sandbox, not of the
	// learner: they were not recorded in the journal.
	SandboxFailed int
}

// Grade grades the submissions Find found. Whatever is wrong with a
// submission is in its row; the error is non-nil only when the class
// cannot be graded at all (the bank unreadable, the journal unwritable) or
// ctx was cancelled: then the Class holds the rows done so far, each
// already in the journal.
func Grade(ctx context.Context, subs []Submission, skipped []Skip, opts Options) (*Class, error) {
	ex := opts.Exercise
	var j *journal
	if opts.Journal != "" {
		fp, err := fingerprint(opts.Bank, ex)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", ex.ID, err)
		}
		if j, err = openJournal(opts.Journal, ex.ID, fp); err != nil {
			return nil, err
		}
		defer j.close()
	}
	rows := make([]Row, len(subs))
	done := make([]bool, len(subs))
	type outcome struct{ kept, sandboxFailed bool }
	outcomes := make([]outcome, len(subs))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(max(opts.Jobs, 1))
	for i, sub := range subs {
		g.Go(func() error {
			if gctx.Err() != nil {
				return gctx.Err()
			}
			if opts.Started != nil {
				opts.Started(sub.Name)
			}
			row, kept, err := gradeOne(gctx, opts, j, sub)
			sandboxFailed := errors.Is(err, sandbox.ErrUnavailable)
			switch {
			case gctx.Err() != nil:
				return gctx.Err()
			case err == nil && row.Result != nil && row.Result.Busy():
				// Twice too busy to run is the machine's failure, not the
				// learner's, though the row says what happened.
				sandboxFailed = true
			case sandboxFailed:
				// The sandbox failed this one; the engine may still serve
				// the others.
				row = Row{Submission: sub.Name, Status: grade.Error, Kind: "sandbox", Message: "the sandbox failed: " + err.Error()}
			case err != nil:
				return err
			}
			if opts.Deliver != nil {
				row = opts.Deliver(i, row)
			}
			rows[i], done[i], outcomes[i] = row, true, outcome{kept, sandboxFailed}
			if opts.Finished != nil {
				opts.Finished(row, kept)
			}
			return nil
		})
	}
	err := g.Wait()
	c := &Class{Exercise: ex.ID, Skipped: skipped}
	var ids [][]string
	for i := range subs {
		if !done[i] {
			continue
		}
		c.Rows = append(c.Rows, rows[i])
		ids = append(ids, subs[i].IDs)
		if outcomes[i].kept {
			c.Kept++
		}
		if outcomes[i].sandboxFailed {
			c.SandboxFailed++
		}
	}
	if err != nil {
		return c, err
	}
	if opts.Roster != nil {
		missing, unmatched := opts.Roster.match(c.Rows, ids)
		c.Rows, c.Unmatched = append(c.Rows, missing...), unmatched
	}
	return c, nil
}

// gradeOne grades one submission; kept says its row came from the
// journal. The error is the sandbox's, the journal's or the context's.
func gradeOne(ctx context.Context, opts Options, j *journal, sub Submission) (row Row, kept bool, err error) {
	ex := opts.Exercise
	refused := func(kind, msg string) (Row, bool, error) {
		return Row{Submission: sub.Name, Status: grade.Error, Kind: kind, Message: msg}, false, nil
	}
	if sub.Problem != "" {
		return refused(sub.Kind, sub.Problem)
	}
	fsys, close, err := sub.Open()
	if err != nil {
		var ae *ArchiveError
		if errors.As(err, &ae) {
			return refused(KindArchive, refusal(err))
		}
		return refused(KindUnreadable, err.Error())
	}
	defer close()
	if empty, err := isEmpty(fsys); err != nil {
		return refused(KindUnreadable, err.Error())
	} else if empty && sub.archive {
		return refused(KindEmpty, "the archive is empty")
	} else if empty {
		return refused(KindEmpty, "the submission directory is empty")
	}
	files, r := ReadFiles(fsys, ex)
	if r != nil {
		return RowOf(sub.Name, r), false, nil
	}
	sum := filesHash(files, ex)
	if row, ok := j.kept(sub.Name, sum); ok {
		return row, true, nil
	}
	res, err := grade.AgainIfBusy(func() (*grade.Result, error) { return grade.Grade(ctx, opts.Runner, opts.Bank, ex, files) })
	if err != nil {
		return Row{}, false, err
	}
	row = RowOf(sub.Name, res)
	if res.Busy() {
		return row, false, nil // never kept: the next run may be less busy
	}
	return row, false, j.record(sub.Name, sum, row)
}

// isEmpty says whether a submission has nothing but metadata.
func isEmpty(fsys fs.FS) (bool, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return false, err
	}
	for _, e := range entries {
		if !IsMetadata(e.Name()) {
			return false, nil
		}
	}
	return true, nil
}
