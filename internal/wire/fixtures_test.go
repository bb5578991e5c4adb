package wire

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// fixtures holds the messages the harness's host tests read too.
const fixtures = "../../sandbox/harness/testdata/wire"

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// oneLine is a pretty-printed fixture as it travels: on one line.
func oneLine(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, data); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sameJSON says whether a and b are the same JSON value.
func sameJSON(t *testing.T, a, b []byte) bool {
	t.Helper()
	var va, vb any
	if err := json.Unmarshal(a, &va); err != nil {
		t.Fatalf("%v: %s", err, a)
	}
	if err := json.Unmarshal(b, &vb); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	return reflect.DeepEqual(va, vb)
}

// Every fixture is read by some test here: a new one needs its test.
func TestEveryFixtureRead(t *testing.T) {
	read := map[string]bool{"README.md": true, "header.json": true, "record.json": true}
	for name := range resultsFixtures {
		read[name] = true
	}
	for name := range streamFixtures {
		read[name] = true
	}
	entries, err := os.ReadDir(fixtures)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !read[e.Name()] {
			t.Errorf("%s is read by no test", e.Name())
		}
	}
}

func TestHeaderFixture(t *testing.T) {
	h := Header{
		Jobs: []Entry{
			{Spec: JobSpec{LearnerFiles: []string{"shout.py"}}, Size: 10240, CPULimit: 3 * time.Second, WallLimit: 11 * time.Second, WallCap: 32 * time.Second},
			{Size: 2048, CPULimit: 500 * time.Millisecond, WallLimit: 3500 * time.Millisecond, WallCap: 7 * time.Second},
		},
		StdoutLimit: 4 << 20, StderrLimit: 1 << 20,
	}
	line, err := h.Line()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Count(line, []byte("\n")) != 1 || !bytes.HasSuffix(line, []byte("\n")) {
		t.Errorf("not one line: %q", line)
	}
	if !sameJSON(t, line, fixture(t, "header.json")) {
		t.Errorf("header\n%s\nis not header.json", line)
	}
	if _, err := (Header{Jobs: []Entry{{Size: -1}}}).Line(); err == nil {
		t.Error("a negative size was written")
	}
}

func TestWatchdogLine(t *testing.T) {
	if got := string(WatchdogLine(37*time.Second, 4100*time.Millisecond)); got != "37 5\n" {
		t.Errorf("got %q", got)
	}
}

func TestRecordFixture(t *testing.T) {
	want := Record{Job: 1, ExitCode: 137, CPUExceeded: true, Duration: 3012125 * time.Microsecond, CPUTime: 3000500 * time.Microsecond,
		Stdout: []byte(`{"start": "test_loop"}` + "\n"), Stderr: []byte{}}
	r, err := ParseRecord(oneLine(t, fixture(t, "record.json")))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("got %+v\nwant %+v", r, want)
	}
	if !sameJSON(t, r.Line(), fixture(t, "record.json")) {
		t.Errorf("written back as %s", r.Line())
	}
	again, err := ParseRecord(bytes.TrimSuffix(r.Line(), []byte("\n")))
	if err != nil || !reflect.DeepEqual(again, r) {
		t.Errorf("read back as %+v, %v", again, err)
	}
}

// resultsFixtures: what each results document must say.
var resultsFixtures = map[string]func(t *testing.T, r *Results){
	"results-pass.json": func(t *testing.T, r *Results) {
		if r.Status != Pass || len(r.Tests) != 2 || r.Tests[1].ID() != "tests/test_shout.py::test_loud[hey-HEY!]" || r.Tests[1].Output != "said hey\n" {
			t.Errorf("%+v", r)
		}
	},
	"results-fail.json": func(t *testing.T, r *Results) {
		want := []struct {
			name   string
			status Status
		}{
			{"ShoutChecks::test_two_words", Fail}, {"ShoutChecks::test_größe", Pass}, {"test_secret", Fail},
			{"test_flood", Error}, {"test_later", Skip}, {"test_odd[a::b-[x]]", Pass},
		}
		if r.Status != Fail || r.PytestExit != 1 || len(r.Tests) != len(want) {
			t.Fatalf("%+v", r)
		}
		for i, w := range want {
			if got := r.Tests[i]; got.Name != w.name || got.Status != w.status || got.File != "tests/words_test.py" {
				t.Errorf("test %d: %+v, want %s %s", i, got, w.name, w.status)
			}
		}
		if !r.Tests[2].Hidden || r.Tests[2].Output != "" || !r.Tests[3].OutputTruncated || !strings.Contains(r.Tests[1].Output, "\x1b[31m") {
			t.Errorf("%+v", r.Tests)
		}
	},
	"results-syntax.json": func(t *testing.T, r *Results) {
		if r.Status != Error || r.Kind != KindSyntax || r.File != "shout.py" || r.Line != 3 || !strings.Contains(r.Message, "never closed") || len(r.Tests) != 0 {
			t.Errorf("%+v", r)
		}
	},
	"results-import.json": func(t *testing.T, r *Results) {
		if r.Status != Error || r.Kind != KindImport || !strings.HasPrefix(r.Message, "shout.py, line 1: NameError") {
			t.Errorf("%+v", r)
		}
	},
	"results-missing-file.json": func(t *testing.T, r *Results) {
		if r.Status != Error || r.Kind != KindMissingFile || r.File != "shout.py" {
			t.Errorf("%+v", r)
		}
	},
	"results-no-tests.json": func(t *testing.T, r *Results) {
		if r.Status != Error || r.Kind != KindNone || r.PytestExit != 5 || r.Tests == nil {
			t.Errorf("%+v", r)
		}
	},
}

func TestResultsFixtures(t *testing.T) {
	for name, check := range resultsFixtures {
		t.Run(name, func(t *testing.T) {
			r, err := ParseResults(fixture(t, name))
			if err != nil {
				t.Fatal(err)
			}
			check(t, r)
			// What the builder writes of it reads the same.
			var b StreamBuilder
			s, err := ParseStream(b.Results(*r).Bytes())
			if err != nil || !reflect.DeepEqual(s.Results, r) {
				t.Errorf("built again: %+v, %v", s.Results, err)
			}
		})
	}
}

// streamFixtures: what each stream must say.
var streamFixtures = map[string]func(t *testing.T, s *Stream){
	"stream-pass.jsonl": func(t *testing.T, s *Stream) {
		if s.Results == nil || s.Results.Status != Pass || !s.Finished || len(s.Collected) != 2 || s.Running != "" || !s.Started("test_loud[hey-HEY!]") {
			t.Errorf("%+v", s)
		}
	},
	"stream-cut.jsonl": func(t *testing.T, s *Stream) {
		want := []string{"tests/test_shout.py::test_one_word", "tests/words_test.py::ShoutChecks::test_two_words", "tests/words_test.py::ShoutChecks::test_größe"}
		if s.Results != nil || !reflect.DeepEqual(s.Collected, want) || s.Running != "ShoutChecks::test_two_words" || s.Loading != "" || s.Started("ShoutChecks::test_größe") {
			t.Errorf("%+v", s)
		}
	},
	"stream-loading.jsonl": func(t *testing.T, s *Stream) {
		if s.Results != nil || s.Finished || s.Collected != nil || s.Loading != "tests/test_shout.py" {
			t.Errorf("%+v", s)
		}
	},
	"stream-import.jsonl": func(t *testing.T, s *Stream) {
		if s.Results == nil || s.Results.Kind != KindImport || !s.Finished || s.Collected == nil || len(s.Collected) != 0 || s.Loading != "" {
			t.Errorf("%+v", s)
		}
	},
	"stream-syntax.jsonl": func(t *testing.T, s *Stream) {
		if s.Results == nil || s.Results.Kind != KindSyntax || s.Finished {
			t.Errorf("%+v", s)
		}
	},
}

func TestStreamFixtures(t *testing.T) {
	for name, check := range streamFixtures {
		t.Run(name, func(t *testing.T) {
			s, err := ParseStream(fixture(t, name))
			if err != nil {
				t.Fatal(err)
			}
			check(t, s)
		})
	}
}

// The builder writes what a run to the end writes.
func TestStreamBuilderRun(t *testing.T) {
	tests := []Test{
		{Name: "test_a", File: "tests/test_x.py", Status: Pass},
		{Name: "T::test_b[1]", File: "tests/y_test.py", Status: Fail, Message: "assert 2 == 3"},
	}
	var b StreamBuilder
	s, err := ParseStream(b.Run(tests...).Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if s.Results.Status != Fail || !reflect.DeepEqual(s.Results.Tests, tests) || !reflect.DeepEqual(s.Collected, []string{"tests/test_x.py::test_a", "tests/y_test.py::T::test_b[1]"}) || !s.Started("T::test_b[1]") {
		t.Errorf("%+v", s)
	}
}
