package classgrade

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/drill-dev/drill/internal/grade"
)

// A journal keeps what it recorded across runs, for the same exercise and
// fingerprint, even when the last run died in the middle of a line.
func TestJournal(t *testing.T) {
	name := filepath.Join(t.TempDir(), "out", "grades.csv.journal")
	j, err := openJournal(name, "basics/hello", "fp1")
	if err != nil {
		t.Fatal(err)
	}
	ann := Row{Submission: "c/ann", Status: grade.Pass, Passed: 2, Total: 2, Score: 1}
	if err := j.record("c/ann", "sum-a", ann); err != nil {
		t.Fatal(err)
	}
	j.record("c/bob", "sum-b", Row{Submission: "c/bob", Status: grade.Fail, Total: 2})
	j.close()
	// A crash while writing the next line.
	f, _ := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
	f.WriteString(`{"submission":"c/cat","sha256":"sum-c","row":{"subm`)
	f.Close()

	j, err = openJournal(name, "basics/hello", "fp1")
	if err != nil {
		t.Fatal(err)
	}
	j.close()
	if data, _ := os.ReadFile(name); strings.Contains(string(data), "c/cat") || !strings.Contains(string(data), "c/bob") {
		t.Errorf("reopened, the journal holds:\n%s", data)
	}

	// In this order: the last two start the journal afresh.
	tests := []struct {
		name, exercise, fp string
		submission, sum    string
		kept               bool
	}{
		{"unchanged", "basics/hello", "fp1", "c/ann", "sum-a", true},
		{"another file", "basics/hello", "fp1", "c/ann", "sum-x", false},
		{"the line cut short", "basics/hello", "fp1", "c/cat", "sum-c", false},
		{"the tests changed", "basics/hello", "fp2", "c/ann", "sum-a", false},
		{"another exercise", "basics/sum", "fp1", "c/ann", "sum-a", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j, err := openJournal(name, tt.exercise, tt.fp)
			if err != nil {
				t.Fatal(err)
			}
			defer j.close()
			row, kept := j.kept(tt.submission, tt.sum)
			if kept != tt.kept || (kept && row != ann) {
				t.Errorf("kept = %v %+v, want %v", kept, row, tt.kept)
			}
		})
	}
}
