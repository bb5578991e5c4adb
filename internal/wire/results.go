package wire

import (
	"fmt"
	"strings"
)

// ResultsVersion is the version of the Results document this package reads
// and the harness writes.
const ResultsVersion = 1

// Status is a run's or a test's outcome in a Results document.
type Status string

// Statuses. A document is pass, fail or error; a test may also be skip.
const (
	Pass  Status = "pass"
	Fail  Status = "fail"
	Error Status = "error"
	Skip  Status = "skip"
)

// Kind says what an error document is about.
type Kind string

// Kinds of error document; an error of none of these is the harness's.
const (
	KindNone        Kind = ""
	KindSyntax      Kind = "syntax"       // a learner file does not compile: File and Line say where
	KindImport      Kind = "import"       // importing the learner's code failed
	KindMissingFile Kind = "missing_file" // a learner file is not there: File names it
)

// Results is the document the harness writes last in a job's results
// stream: every collected test with its outcome, or why none ran.
type Results struct {
	Version int    `json:"version"` // ResultsVersion
	Status  Status `json:"status"`
	Message string `json:"message,omitempty"` // why, for an error
	Kind    Kind   `json:"kind,omitempty"`
	File    string `json:"file,omitempty"` // the learner file an error is in, if one
	Line    int    `json:"line,omitempty"` // and its line, if known
	Tests   []Test `json:"tests"`          // in collection order; empty for an error before collection
	// PytestExit is pytest's exit code, for a reader of the document:
	// drill decides from the tests.
	PytestExit int `json:"pytest_exit,omitempty"`
}

// Test is one collected test's outcome.
type Test struct {
	Name            string `json:"name"` // its pytest node id without the file: "TestA::test_b[1]"
	File            string `json:"file"` // its test file: "tests/test_x.py"
	Status          Status `json:"status"`
	Message         string `json:"message,omitempty"` // what the learner is told of a failure
	Output          string `json:"output,omitempty"`  // what it printed, clipped
	OutputTruncated bool   `json:"output_truncated,omitempty"`
	Hidden          bool   `json:"hidden,omitempty"` // its details are the author's, not the learner's
}

// ID is the test's pytest node id: "tests/test_x.py::TestA::test_b[1]".
func (t Test) ID() string { return t.File + "::" + t.Name }

// NameOf is the name (see Test.Name) of the test whose node id is id.
func NameOf(id string) string {
	_, name, _ := strings.Cut(id, "::")
	return name
}

// ParseResults reads a Results document.
func ParseResults(data []byte) (*Results, error) {
	var r Results
	if _, err := decodeStrict(data, &r, "version", "status", "tests"); err != nil {
		return nil, err
	}
	if err := r.check(); err != nil {
		return nil, err
	}
	return &r, nil
}

// check is nil if r holds only what the harness writes.
func (r *Results) check() error {
	switch {
	case r.Version != ResultsVersion:
		return fmt.Errorf("version %d, not %d", r.Version, ResultsVersion)
	case r.Status != Pass && r.Status != Fail && r.Status != Error:
		return fmt.Errorf("status %.20q", r.Status)
	case r.Kind != KindNone && r.Kind != KindSyntax && r.Kind != KindImport && r.Kind != KindMissingFile:
		return fmt.Errorf("kind %.20q", r.Kind)
	case r.Kind != KindNone && r.Status != Error:
		return fmt.Errorf("kind %q in a document of status %s", r.Kind, r.Status)
	case r.Line < 0:
		return fmt.Errorf("line %d", r.Line)
	case r.Tests == nil:
		return fmt.Errorf("tests is null")
	case len(r.Tests) > MaxTests:
		return fmt.Errorf("%d tests, more than %d", len(r.Tests), MaxTests)
	}
	if err := checkText("message", r.Message, MaxTextBytes); err != nil {
		return err
	}
	if err := checkText("file", r.File, MaxNameBytes); err != nil {
		return err
	}
	seen := make(map[string]bool, len(r.Tests))
	for i, t := range r.Tests {
		if err := t.check(); err != nil {
			return fmt.Errorf("test %d: %w", i+1, err)
		}
		if seen[t.ID()] {
			return fmt.Errorf("test %d: %.200s twice", i+1, t.ID())
		}
		seen[t.ID()] = true
	}
	return nil
}

func (t Test) check() error {
	if err := checkName("name", t.Name); err != nil {
		return err
	}
	if err := checkName("file", t.File); err != nil {
		return err
	}
	switch t.Status {
	case Pass, Fail, Error, Skip:
	default:
		return fmt.Errorf("status %.20q", t.Status)
	}
	if err := checkText("message", t.Message, MaxTextBytes); err != nil {
		return err
	}
	return checkText("output", t.Output, MaxTextBytes)
}
