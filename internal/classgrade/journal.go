package classgrade

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/safefs"
)

// JournalName is the file beside a grades file that records each row as it
// is graded, with the hash of the files it graded, so that an interrupted
// class resumes where it stopped.
func JournalName(out string) string { return out + ".journal" }

// journal is JournalName's file: a header line, then a line a graded row,
// each line JSON. A line cut short by a crash is left out on reading.
type journal struct {
	mu   sync.Mutex
	f    *os.File
	prev map[string]journalEntry // by submission
}

type journalHeader struct {
	Journal     int    `json:"drill_grade_journal"` // the format's version
	Exercise    string `json:"exercise"`
	Fingerprint string `json:"fingerprint"`
}

type journalEntry struct {
	Submission string `json:"submission"`
	SHA256     string `json:"sha256"`
	Row        Row    `json:"row"`
}

// fingerprint is the hash of what a grade depends on besides the learner's
// files: the exercise, its time limit, its tests and support files. A row
// graded against another fingerprint is graded again.
func fingerprint(b *bank.Bank, ex *bank.Exercise) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00", ex.ID, ex.TimeLimit)
	for _, get := range []func(*bank.Exercise) ([]bank.File, error){b.Tests, b.Starter} {
		files, err := get(ex)
		if err != nil {
			return "", err
		}
		for _, f := range files {
			fmt.Fprintf(h, "%s\x00%d\x00", f.Path, len(f.Data))
			h.Write(f.Data)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// openJournal reads the journal at name, if it is of the same exercise and
// fingerprint, and starts it again with what it held, ready for more.
func openJournal(name, exercise, fp string) (*journal, error) {
	j := &journal{prev: map[string]journalEntry{}}
	head := journalHeader{Journal: 1, Exercise: exercise, Fingerprint: fp}
	data, err := os.ReadFile(name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 64<<20)
	var h journalHeader
	if sc.Scan() && json.Unmarshal(sc.Bytes(), &h) == nil && h == head {
		for sc.Scan() {
			var e journalEntry
			if json.Unmarshal(sc.Bytes(), &e) == nil && e.Submission != "" {
				j.prev[e.Submission] = e
			}
		}
	}
	// Written afresh beside, then renamed over: a crash now loses nothing.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if err := enc.Encode(head); err != nil {
		return nil, err
	}
	for _, e := range j.prev {
		if err := enc.Encode(e); err != nil {
			return nil, err
		}
	}
	if err := safefs.WritePath(name, buf.Bytes(), 0o644); err != nil {
		return nil, err
	}
	if j.f, err = os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0); err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	return j, nil
}

// kept is the row graded before for this submission and these files.
func (j *journal) kept(submission, sum string) (Row, bool) {
	if j == nil {
		return Row{}, false
	}
	e, ok := j.prev[submission]
	return e.Row, ok && e.SHA256 == sum
}

// record appends a graded row, synced, so a reboot keeps it.
func (j *journal) record(submission, sum string, row Row) error {
	if j == nil {
		return nil
	}
	line, err := json.Marshal(journalEntry{submission, sum, row})
	if err != nil {
		return err
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.f.Write(append(line, '\n')); err != nil {
		return fmt.Errorf("write %s: %w", j.f.Name(), err)
	}
	return j.f.Sync()
}

func (j *journal) close() error {
	if j == nil {
		return nil
	}
	return j.f.Close()
}
