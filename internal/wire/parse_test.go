package wire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

const (
	collectedAB = `{"collected": ["tests/t.py::test_a", "tests/t.py::test_b"]}` + "\n"
	okDoc       = `{"results": {"version": 1, "status": "pass", "tests": [{"name": "test_a", "file": "tests/t.py", "status": "pass"}]}}` + "\n"
)

// A stream out of order, of another shape or past a bound is refused, with
// the line and what is wrong.
func TestParseStreamRefuses(t *testing.T) {
	long := strings.Repeat("x", MaxNameBytes+1)
	ids := make([]string, MaxTests+1)
	for i := range ids {
		ids[i] = fmt.Sprintf("t.py::test_%d", i)
	}
	many, _ := json.Marshal(map[string]any{"collected": ids})
	doc := func(body string) string {
		return collectedAB + `{"start": "test_a"}` + "\n" + `{"results": ` + body + "}\n"
	}
	tests := []struct{ name, stream, want string }{
		{"not JSON", "hello\n", "line 1: not JSON at byte 1"},
		{"cut short", `{"start": "te`, "line 1: JSON cut short"},
		{"two values on a line", collectedAB + `{"start": "test_a"} {"start": "test_b"}`, "line 2: more after the JSON value"},
		{"a line after the document", collectedAB + `{"start": "test_a"}` + "\n" + okDoc + okDoc, "line 4: a line after the results document"},
		{"two kinds on a line", `{"collect": "tests/t.py", "collected": []}`, "line 1: a line of 2 fields, not one"},
		{"an empty object", `{}`, "line 1: a line of 0 fields"},
		{"null", `{"start": null}`, "line 1: a line of null"},
		{"an array", `["start"]`, "line 1: not a JSON object"},
		{"an unknown kind", `{"finish": "test_a"}`, `line 1: unknown field "finish"`},
		{"a key in another case", `{"Start": "test_a"}`, `line 1: unknown field "Start"`},
		{"a key folded by Unicode", `{"ſtart": "test_a"}`, `unknown field`},
		{"a key twice", `{"start": "test_a", "start": "test_b"}`, `line 1: field "start" twice`},
		{"a start before collection", `{"start": "test_a"}`, `line 1: test "test_a" started before collection finished`},
		{"a start not collected", collectedAB + `{"start": "test_c"}`, `line 2: test "test_c" started, which was not collected`},
		{"a file collected after the end", collectedAB + `{"collect": "tests/u.py"}`, "line 2: a test file collected after collection finished"},
		{"collection finished twice", collectedAB + collectedAB, "line 2: collection finished twice"},
		{"an id twice", `{"collected": ["t.py::a", "t.py::a"]}`, `collected test 2: "t.py::a" twice`},
		{"an id without a file", `{"collected": ["test_a"]}`, `collected test 1: "test_a" is no node id`},
		{"an empty name", `{"collect": ""}`, "collect is empty"},
		{"a long name", `{"collect": "` + long + `"}`, "collect is 16385 bytes, more than 16384"},
		{"too many tests", string(many), "10001 tests collected, more than 10000"},
		{"a number for a name", `{"start": 5}`, "start is number, not string"},
		{"deep nesting", `{"results": {"tests": [[[[[[[[[]]]]]]]]]}}`, "nested more than 8 deep"},
		{"no version", doc(`{"status": "pass", "tests": []}`), `line 3: results: no "version"`},
		{"another version", doc(`{"version": 2, "status": "pass", "tests": []}`), "results: version 2, not 1"},
		{"an unknown status", doc(`{"version": 1, "status": "passed", "tests": []}`), `results: status "passed"`},
		{"an unknown kind of error", doc(`{"version": 1, "status": "error", "kind": "oops", "tests": []}`), `results: kind "oops"`},
		{"a kind in a pass", doc(`{"version": 1, "status": "pass", "kind": "syntax", "tests": []}`), `kind "syntax" in a document of status pass`},
		{"null tests", doc(`{"version": 1, "status": "pass", "tests": null}`), "results: tests is null"},
		{"an unknown field", doc(`{"version": 1, "status": "pass", "tests": [], "verdict": "pass"}`), `results: unknown field "verdict"`},
		{"an unknown test field", doc(`{"version": 1, "status": "pass", "tests": [{"name": "test_a", "file": "tests/t.py", "status": "pass", "score": 1}]}`), `unknown field "score"`},
		{"a test twice", doc(`{"version": 1, "status": "pass", "tests": [{"name": "test_a", "file": "tests/t.py", "status": "pass"}, {"name": "test_a", "file": "tests/t.py", "status": "fail"}]}`), "test 2: tests/t.py::test_a twice"},
		{"a test without a name", doc(`{"version": 1, "status": "pass", "tests": [{"file": "tests/t.py", "status": "pass"}]}`), "test 1: name is empty"},
		{"a test of another status", doc(`{"version": 1, "status": "pass", "tests": [{"name": "test_a", "file": "tests/t.py", "status": "xfail"}]}`), `test 1: status "xfail"`},
		{"a long message", doc(`{"version": 1, "status": "error", "message": "` + strings.Repeat("m", MaxTextBytes+1) + `", "tests": []}`), "message is 262145 bytes"},
		{"a negative line", doc(`{"version": 1, "status": "error", "kind": "syntax", "line": -1, "tests": []}`), "line -1"},
		{"too large", strings.Repeat(" ", MaxStreamBytes+1), "more than 8388608"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseStream([]byte(tt.stream))
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "results stream: ") {
				t.Errorf("error %v, want one with %q", err, tt.want)
			}
		})
	}
}

// What was read before a bad line is kept: a time-out still names its
// test.
func TestParseStreamKeepsWhatCameBefore(t *testing.T) {
	s, err := ParseStream([]byte(collectedAB + `{"start": "test_b"}` + "\n" + "Traceback (most recent call last):\n"))
	if err == nil || s.Running != "test_b" || !s.Started("test_b") || !s.Finished {
		t.Errorf("%+v, %v", s, err)
	}
}

func TestParseStreamBlankLines(t *testing.T) {
	s, err := ParseStream([]byte("\n" + collectedAB + "  \n" + `{"start": "test_a"}` + "\r\n" + okDoc + "\n\n"))
	if err != nil || s.Results == nil || s.Running != "" {
		t.Errorf("%+v, %v", s, err)
	}
}

func record(job int) string {
	return string(Record{Job: job, Duration: 12500 * time.Microsecond, Stdout: []byte("hi")}.Line())
}

func TestParseRecords(t *testing.T) {
	tests := []struct {
		name, stdout string
		done         []bool
		err          string
	}{
		{"all", record(0) + record(1) + record(2), []bool{true, true, true}, ""},
		{"out of order", record(2) + record(0), []bool{true, false, true}, ""},
		{"cut short", record(0) + `{"job": 1, "exit_co`, []bool{true, false, false}, "line 2: JSON cut short"},
		{"nothing", "", []bool{false, false, false}, ""},
		{"garbage ends the reading", record(0) + "Traceback (most recent call last):\n" + record(1), []bool{true, false, false}, "line 2: not JSON"},
		{"a job twice", record(0) + record(0) + record(1), []bool{true, false, false}, "line 2: a second record of job 0"},
		{"no such job", record(7), []bool{false, false, false}, "line 1: a record of job 7 in a batch of 3"},
		{"a negative job", record(-1), []bool{false, false, false}, "job -1"},
		{"a blank line", record(0) + "\n" + record(1), []bool{true, false, false}, "line 2: JSON cut short"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, done, err := ParseRecords([]byte(tt.stdout), 3)
			if !reflect.DeepEqual(done, tt.done) {
				t.Fatalf("done %v, want %v", done, tt.done)
			}
			if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
				t.Errorf("error %v, want %q", err, tt.err)
			}
			for i := range done {
				if done[i] && (string(recs[i].Stdout) != "hi" || recs[i].Duration != 12500*time.Microsecond || recs[i].Job != i) {
					t.Errorf("job %d: %+v", i, recs[i])
				}
			}
		})
	}
}

func TestParseRecordRefuses(t *testing.T) {
	good := strings.TrimSuffix(record(0), "\n")
	with := func(key, value string) string {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(good), &m); err != nil {
			t.Fatal(err)
		}
		if value == "" {
			delete(m, key)
		} else {
			m[key] = json.RawMessage(value)
		}
		b, _ := json.Marshal(m)
		return string(b)
	}
	tests := []struct{ name, line, want string }{
		{"no job", with("job", ""), `no "job"`},
		{"no stdout", with("stdout", ""), `no "stdout"`},
		{"an unknown field", good[:len(good)-1] + `, "verdict": "pass"}`, `unknown field "verdict"`},
		{"a field twice", good[:len(good)-1] + `, "exit_code": 0}`, `field "exit_code" twice`},
		{"an exit code past 255", with("exit_code", "300"), "exit code 300"},
		{"a fraction of a job", with("job", "1.5"), "job is number 1.5, not int"},
		{"a negative time", with("cpu_ms", "-1"), "cpu_ms is -1"},
		{"a time past a day", with("duration_ms", "1e12"), "duration_ms is 1e+12"},
		{"a number too large", with("ready_ms", "1e400"), "ready_ms is number 1e400"},
		{"not base64", with("stderr", `"%%%"`), "illegal base64"},
		{"a flag of a string", with("busy", `"yes"`), "busy is string, not bool"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ParseRecord([]byte(tt.line)); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one with %q (%s)", err, tt.want, tt.line)
			}
		})
	}
	if _, err := ParseRecord(bytes.Repeat([]byte(" "), MaxRecordBytes+1)); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("a huge record: %v", err)
	}
}
