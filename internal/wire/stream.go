package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// Stream is what a job's results stream said.
type Stream struct {
	// Results is the document, nil if the job ended before writing it.
	Results *Results
	// Collected are the node ids of the tests pytest collected, in file
	// order, once collection finished (Finished); nil before.
	Collected []string
	Finished  bool
	// Running is the test started last, and Loading the test file whose
	// import began last if no test started since: what the job was doing
	// when it ended, if it ended before the document.
	Running, Loading string

	started map[string]bool
}

// Started says whether the stream announced the test named name.
func (s *Stream) Started(name string) bool { return s.started[name] }

// ParseStream reads a job's results stream, JSON lines in this order
// (blank lines are skipped):
//
//	{"collect": FILE}       any number, while collecting
//	{"collected": [ID...]}  once, when collection finished: node ids, each once
//	{"start": NAME}         as each test begins: the name (NameOf) of a collected test
//	{"results": DOCUMENT}   once, last (see ParseResults)
//
// A line out of this order, of another shape, or past a bound is an error
// naming the line. What was read before it is returned with it.
func ParseStream(data []byte) (*Stream, error) {
	s := &Stream{started: map[string]bool{}}
	if len(data) > MaxStreamBytes {
		return s, fmt.Errorf("results stream: %d bytes, more than %d", len(data), MaxStreamBytes)
	}
	var names map[string]bool // of the collected tests
	err := lines(data, func(_ int, line []byte) error {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			return nil
		}
		if s.Results != nil {
			return errors.New("a line after the results document")
		}
		var l struct {
			Collect   *string         `json:"collect"`
			Collected *[]string       `json:"collected"`
			Start     *string         `json:"start"`
			Results   json.RawMessage `json:"results"`
		}
		keys, err := decodeStrict(line, &l)
		if err != nil {
			return err
		}
		if len(keys) != 1 {
			return fmt.Errorf("a line of %d fields, not one", len(keys))
		}
		switch {
		case l.Collect != nil:
			if s.Finished {
				return errors.New("a test file collected after collection finished")
			}
			if err := checkName("collect", *l.Collect); err != nil {
				return err
			}
			s.Loading = *l.Collect
		case l.Collected != nil:
			if s.Finished {
				return errors.New("collection finished twice")
			}
			if names, err = checkCollected(*l.Collected); err != nil {
				return err
			}
			s.Collected, s.Finished, s.Loading = *l.Collected, true, ""
		case l.Start != nil:
			name := *l.Start
			switch {
			case !s.Finished:
				return fmt.Errorf("test %.200q started before collection finished", name)
			case !names[name]:
				return fmt.Errorf("test %.200q started, which was not collected", name)
			}
			s.Running = name
			s.started[name] = true
		case l.Results != nil:
			doc, err := ParseResults(l.Results)
			if err != nil {
				return fmt.Errorf("results: %w", err)
			}
			s.Results = doc
		default:
			return errors.New("a line of null")
		}
		return nil
	})
	if s.Results != nil {
		s.Running, s.Loading = "", ""
	}
	if err != nil {
		return s, fmt.Errorf("results stream: %w", err)
	}
	return s, nil
}

// checkCollected checks a collection's ids and returns the names of its
// tests.
func checkCollected(ids []string) (map[string]bool, error) {
	if len(ids) > MaxTests {
		return nil, fmt.Errorf("%d tests collected, more than %d", len(ids), MaxTests)
	}
	names := make(map[string]bool, len(ids))
	seen := make(map[string]bool, len(ids))
	for i, id := range ids {
		if err := checkName(fmt.Sprintf("collected test %d", i+1), id); err != nil {
			return nil, err
		}
		if NameOf(id) == "" {
			return nil, fmt.Errorf("collected test %d: %.200q is no node id (FILE::NAME)", i+1, id)
		}
		if seen[id] {
			return nil, fmt.Errorf("collected test %d: %.200q twice", i+1, id)
		}
		seen[id] = true
		names[NameOf(id)] = true
	}
	return names, nil
}

// StreamBuilder writes a results stream as the harness does, for tests and
// fakes that stand in for it. The zero value is an empty stream.
type StreamBuilder struct{ buf bytes.Buffer }

func (b *StreamBuilder) line(key string, v any) *StreamBuilder {
	data, err := json.Marshal(map[string]any{key: v})
	if err != nil {
		panic(fmt.Errorf("wire: a %s line does not marshal: %w", key, err)) // strings and Results: cannot happen
	}
	b.buf.Write(data)
	b.buf.WriteByte('\n')
	return b
}

// Collect adds {"collect": file}.
func (b *StreamBuilder) Collect(file string) *StreamBuilder { return b.line("collect", file) }

// Collected adds {"collected": ids}.
func (b *StreamBuilder) Collected(ids ...string) *StreamBuilder {
	if ids == nil {
		ids = []string{}
	}
	return b.line("collected", ids)
}

// Start adds {"start": name}.
func (b *StreamBuilder) Start(name string) *StreamBuilder { return b.line("start", name) }

// Results adds {"results": doc}, with Version and a nil Tests made what
// the harness writes.
func (b *StreamBuilder) Results(doc Results) *StreamBuilder {
	if doc.Version == 0 {
		doc.Version = ResultsVersion
	}
	if doc.Tests == nil {
		doc.Tests = []Test{}
	}
	return b.line("results", doc)
}

// Run adds what a run of tests writes when it runs to the end: collect for
// each file, collected, start for each test, and the document, whose
// status is fail if a test did not pass (or skip), else pass.
func (b *StreamBuilder) Run(tests ...Test) *StreamBuilder {
	ids := make([]string, len(tests))
	status := Pass
	for i, t := range tests {
		if i == 0 || t.File != tests[i-1].File {
			b.Collect(t.File)
		}
		ids[i] = t.ID()
		if t.Status == Fail || t.Status == Error {
			status = Fail
		}
	}
	b.Collected(ids...)
	for _, t := range tests {
		b.Start(t.Name)
	}
	return b.Results(Results{Status: status, Tests: tests})
}

// Bytes is the stream so far.
func (b *StreamBuilder) Bytes() []byte { return bytes.Clone(b.buf.Bytes()) }
