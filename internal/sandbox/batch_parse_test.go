package sandbox

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/drill-dev/drill/internal/wire"
)

// A record becomes the job's Outcome; the reading of records is wire's.
func TestParseBatchRecord(t *testing.T) {
	rec := wire.Record{Job: 1, ExitCode: 137, CPUExceeded: true, WallExceeded: true, Busy: true, OOMKilled: true, OutputExceeded: true,
		Duration: 3 * time.Second, CPUTime: 1500 * time.Millisecond, ReadyTime: 250 * time.Millisecond, Stderr: []byte("xy")}
	outs, done := parseBatch(append(rec.Line(), "garbage\n"...), 2)
	want := Outcome{Stdout: []byte{}, Stderr: []byte("xy"), ExitCode: 137, CPUExceeded: true, WallExceeded: true, Busy: true, OOMKilled: true, OutputExceeded: true,
		Duration: 3 * time.Second, CPUTime: 1500 * time.Millisecond, ReadyTime: 250 * time.Millisecond}
	if done[0] || !done[1] || !reflect.DeepEqual(outs[1], want) {
		t.Errorf("done %v, got %+v, want %+v", done, outs[1], want)
	}
}

func TestBatchInput(t *testing.T) {
	d := &Docker{limits: DefaultLimits}
	a := Job{Runtime: "python", Files: []File{{Path: "a.py", Data: []byte("a")}}, Spec: wire.JobSpec{LearnerFiles: []string{"a.py"}}, TimeLimit: 3 * time.Second}
	b := Job{Runtime: "python", Files: []File{{Path: "b.py", Data: []byte("bb")}}, TimeLimit: 5 * time.Second}
	input, limit, err := d.batchInput([]Job{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if want := WallCap(3*time.Second) + WallCap(5*time.Second) + 2*batchSlack + startSlack; limit != want {
		t.Errorf("limit %s, want %s", limit, want)
	}
	header, archives, _ := bytes.Cut(input, []byte("\n"))
	var h struct {
		Jobs []map[string]any `json:"jobs"`
	}
	if err := json.Unmarshal(header, &h); err != nil || len(h.Jobs) != 2 {
		t.Fatalf("%v: %s", err, header)
	}
	// Each job's own limits: CPU seconds, and the wall clock at WallFactor.
	for i, want := range []map[string]any{
		{"job": map[string]any{"learner_files": []any{"a.py"}}, "cpu_limit_seconds": 3.0, "wall_limit_seconds": 11.0, "wall_cap_seconds": 32.0},
		{"job": map[string]any{"learner_files": []any{}}, "cpu_limit_seconds": 5.0, "wall_limit_seconds": 17.0, "wall_cap_seconds": 52.0},
	} {
		want["size"] = h.Jobs[i]["size"]
		if !reflect.DeepEqual(h.Jobs[i], want) {
			t.Errorf("job %d: %v, want %v", i, h.Jobs[i], want)
		}
	}
	if h.Jobs[0]["size"].(float64)+h.Jobs[1]["size"].(float64) != float64(len(archives)) {
		t.Errorf("sizes %v + %v of %d bytes", h.Jobs[0]["size"], h.Jobs[1]["size"], len(archives))
	}
	if _, _, err := d.batchInput([]Job{a, {Runtime: "django"}}); err == nil || !strings.Contains(err.Error(), "one runtime") {
		t.Errorf("mixed runtimes: %v", err)
	}
}
