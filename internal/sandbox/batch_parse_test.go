package sandbox

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseBatch(t *testing.T) {
	rec := func(job int, extra string) string {
		return `{"job": ` + string(rune('0'+job)) + `, "exit_code": 0, "duration_ms": 12.5, "stdout": "aGk=", "stderr": ""` + extra + "}\n"
	}
	tests := []struct {
		name   string
		stdout string
		done   []bool
	}{
		{"all", rec(0, "") + rec(1, "") + rec(2, ""), []bool{true, true, true}},
		{"out of order", rec(2, "") + rec(0, ""), []bool{true, false, true}},
		{"cut short", rec(0, "") + `{"job": 1, "exit_co`, []bool{true, false, false}},
		{"nothing", "", []bool{false, false, false}},
		{"garbage ends the reading", rec(0, "") + "Traceback (most recent call last):\n" + rec(1, ""), []bool{true, false, false}},
		{"a job twice", rec(0, "") + rec(0, "") + rec(1, ""), []bool{true, false, false}},
		{"no such job", rec(7, ""), []bool{false, false, false}},
		{"no job number", `{"exit_code": 0}` + "\n", []bool{false, false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			outs, done := parseBatch([]byte(tt.stdout), 3)
			for i := range done {
				if done[i] != tt.done[i] {
					t.Fatalf("done %v, want %v", done, tt.done)
				}
				if done[i] && (string(outs[i].Stdout) != "hi" || outs[i].Duration != 12500*time.Microsecond) {
					t.Errorf("job %d: %+v", i, outs[i])
				}
			}
		})
	}
}

func TestParseBatchRecord(t *testing.T) {
	line := `{"job": 0, "exit_code": 137, "cpu_exceeded": true, "wall_exceeded": true, "busy": true, "oom_killed": true, "output_exceeded": true, "duration_ms": 3000, "cpu_ms": 1500, "ready_ms": 250, "stdout": "", "stderr": "eHk="}`
	outs, done := parseBatch([]byte(line), 1)
	want := Outcome{Stdout: []byte{}, Stderr: []byte("xy"), ExitCode: 137, CPUExceeded: true, WallExceeded: true, Busy: true, OOMKilled: true, OutputExceeded: true,
		Duration: 3 * time.Second, CPUTime: 1500 * time.Millisecond, ReadyTime: 250 * time.Millisecond}
	if !done[0] || !reflect.DeepEqual(outs[0], want) {
		t.Errorf("got %+v, want %+v", outs[0], want)
	}
}

func TestBatchInput(t *testing.T) {
	d := &Docker{limits: DefaultLimits}
	a := Job{Runtime: "python", Files: []File{{Path: "a.py", Data: []byte("a")}}, Header: []byte(`{"n": 1}` + "\n"), TimeLimit: 3 * time.Second}
	b := Job{Runtime: "python", Files: []File{{Path: "b.py", Data: []byte("bb")}}, TimeLimit: 5 * time.Second}
	input, limit, err := d.batchInput([]Job{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if want := WallCap(3*time.Second) + WallCap(5*time.Second) + 2*batchSlack + startSlack; limit != want {
		t.Errorf("limit %s, want %s", limit, want)
	}
	header, archives, _ := bytes.Cut(input, []byte("\n"))
	var h batchHeader
	if err := json.Unmarshal(header, &h); err != nil {
		t.Fatal(err)
	}
	if len(h.Jobs) != 2 || string(h.Jobs[0].Job) != `{"n":1}` || string(h.Jobs[1].Job) != "{}" {
		t.Errorf("headers: %s", header)
	}
	// Each job's own limits: CPU seconds, and the wall clock at WallFactor.
	if h.Jobs[0].CPULimit != 3 || h.Jobs[0].WallLim != 11 || h.Jobs[0].WallCap != 32 || h.Jobs[1].CPULimit != 5 || h.Jobs[1].WallLim != 17 || h.Jobs[1].WallCap != 52 {
		t.Errorf("limits: %s", header)
	}
	if h.Jobs[0].Size+h.Jobs[1].Size != len(archives) || h.StdoutLimit != DefaultLimits.Stdout || h.StderrLimit != DefaultLimits.Stderr {
		t.Errorf("sizes %d + %d of %d bytes, limits %d %d", h.Jobs[0].Size, h.Jobs[1].Size, len(archives), h.StdoutLimit, h.StderrLimit)
	}

	if _, _, err := d.batchInput([]Job{a, {Runtime: "django"}}); err == nil || !strings.Contains(err.Error(), "one runtime") {
		t.Errorf("mixed runtimes: %v", err)
	}
	if _, _, err := d.batchInput([]Job{a, {Runtime: "python", Header: []byte("not json")}}); err == nil {
		t.Error("a header that is not JSON was accepted")
	}
}
