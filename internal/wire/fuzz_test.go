package wire

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// The parsers read bytes that learner code may have written. Whatever they
// get, they must not panic, and what they accept must hold what the
// harness writes.

func FuzzParseStream(f *testing.F) {
	for name := range streamFixtures {
		f.Add(fixture(f, name))
	}
	f.Add([]byte(collectedAB + `{"start": "test_a"}` + "\n" + okDoc))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseStream(data)
		if s == nil {
			t.Fatal("no stream")
		}
		if err != nil {
			return
		}
		names := map[string]bool{}
		for _, id := range s.Collected {
			names[NameOf(id)] = true
		}
		for name := range s.started {
			if !names[name] {
				t.Fatalf("%q started but not collected", name)
			}
		}
		if s.Results != nil {
			if s.Running != "" || s.Loading != "" {
				t.Fatalf("a finished stream still running %q, loading %q", s.Running, s.Loading)
			}
			checkResults(t, s.Results)
		}
	})
}

func FuzzParseResults(f *testing.F) {
	for name := range resultsFixtures {
		f.Add(fixture(f, name))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseResults(data)
		if err != nil {
			return
		}
		checkResults(t, r)
	})
}

// checkResults fails t unless r, an accepted document, holds what the
// harness writes, and reads the same when written again.
func checkResults(t *testing.T, r *Results) {
	t.Helper()
	if r.Version != ResultsVersion || r.Tests == nil || len(r.Tests) > MaxTests || len(r.Message) > MaxTextBytes {
		t.Fatalf("accepted %+v", r)
	}
	for _, tt := range r.Tests {
		if tt.Name == "" || tt.File == "" || !strings.Contains("pass fail error skip", string(tt.Status)) || tt.Status == "" {
			t.Fatalf("accepted test %+v", tt)
		}
	}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	again, err := ParseResults(data)
	if err != nil || !reflect.DeepEqual(again, r) {
		t.Fatalf("written again as %s: %+v, %v", data, again, err)
	}
}

func FuzzParseRecords(f *testing.F) {
	f.Add(oneLine(f, fixture(f, "record.json")), 2)
	f.Add([]byte(record(0)+record(1)), 2)
	f.Fuzz(func(t *testing.T, data []byte, n int) {
		if n < 0 || n > 64 {
			return
		}
		recs, done, _ := ParseRecords(data, n)
		if len(recs) != n || len(done) != n {
			t.Fatalf("%d records, %d done, for %d jobs", len(recs), len(done), n)
		}
		for i, r := range recs {
			if !done[i] {
				continue
			}
			if r.Job != i || r.ExitCode < 0 || r.ExitCode > 255 || r.Duration < 0 || r.CPUTime < 0 || r.ReadyTime < 0 || r.Stdout == nil || r.Stderr == nil {
				t.Fatalf("accepted record %d: %+v", i, r)
			}
			again, err := ParseRecord(bytes.TrimSuffix(r.Line(), []byte("\n")))
			if err != nil || again.Job != r.Job || !bytes.Equal(again.Stdout, r.Stdout) || again.ExitCode != r.ExitCode {
				t.Fatalf("written again: %+v, %v", again, err)
			}
		}
	})
}
