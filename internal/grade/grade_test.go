package grade

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/learnerfiles"
	"github.com/drill-dev/drill/internal/sandbox"
	"github.com/drill-dev/drill/internal/wire"
)

// twoRuntimes is a bank with an exercise in each runtime.
func twoRuntimes(t *testing.T) *bank.Bank {
	t.Helper()
	fsys := fstest.MapFS{"01-s/section.toml": {Data: []byte(`title = "S"`)}}
	for _, rt := range []string{"python", "django"} {
		dir := "01-s/0" + map[string]string{"python": "1", "django": "2"}[rt] + "-" + rt
		fsys[dir+"/exercise.toml"] = &fstest.MapFile{Data: []byte(fmt.Sprintf(`format = 1
title = "T"
runtime = %q
difficulty = "easy"
time_limit = "3s"
files = ["a.py"]
hints = ["one", "two"]
`, rt))}
		fsys[dir+"/README.md"] = &fstest.MapFile{Data: []byte("# T")}
		fsys[dir+"/starter/a.py"] = &fstest.MapFile{Data: []byte("x = 0\n")}
		fsys[dir+"/solution/a.py"] = &fstest.MapFile{Data: []byte("x = 1\n")}
		fsys[dir+"/wrong/two/a.py"] = &fstest.MapFile{Data: []byte("x = 2\n")}
		fsys[dir+"/tests/test_a.py"] = &fstest.MapFile{Data: []byte("def test_x(): pass\n")}
	}
	b, err := bank.Load(fsys, bank.Options{Runtimes: []string{"python", "django"}})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// batcher records how it was asked to run jobs, and answers each with a
// passing document whose test is named after the learner's a.py.
type batcher struct {
	batches [][]string // each call: the a.py of each job
	single  int
}

func name(job sandbox.Job) string {
	for _, f := range job.Files {
		if f.Path == "a.py" {
			return strings.TrimSpace(string(f.Data))
		}
	}
	return "?"
}

func outcome(job sandbox.Job) sandbox.Outcome {
	var b wire.StreamBuilder
	return sandbox.Outcome{Stdout: b.Run(wire.Test{Name: "test_x", File: "tests/test_a.py", Status: wire.Pass, Message: name(job)}).Bytes()}
}

func (r *batcher) Run(ctx context.Context, job sandbox.Job) (sandbox.Outcome, error) {
	r.single++
	return outcome(job), nil
}

func (r *batcher) RunBatch(ctx context.Context, jobs []sandbox.Job) ([]sandbox.Outcome, error) {
	var names []string
	var outs []sandbox.Outcome
	for _, job := range jobs {
		names = append(names, job.Runtime+":"+name(job))
		outs = append(outs, outcome(job))
	}
	r.batches = append(r.batches, names)
	return outs, nil
}

// onlyRun is a runner that cannot batch.
type onlyRun struct{ single int }

func (r *onlyRun) Run(ctx context.Context, job sandbox.Job) (sandbox.Outcome, error) {
	r.single++
	return outcome(job), nil
}

func TestGradeTrusted(t *testing.T) {
	b := twoRuntimes(t)
	py, err := b.Exercise("s/python")
	if err != nil {
		t.Fatal(err)
	}
	dj, err := b.Exercise("s/django")
	if err != nil {
		t.Fatal(err)
	}
	file := func(s string) map[string][]byte { return map[string][]byte{"a.py": []byte(s)} }
	trials := []Trial{
		{py, file("x = 0")},
		{dj, file("x = 10")},
		{py, map[string][]byte{}}, // a.py missing: refused, never run
		{py, file("x = 1")},
		{dj, file("x = 11")},
		{py, map[string][]byte{"a.py": make([]byte, learnerfiles.MaxSize+1)}},
	}
	batches, single := &batcher{}, &onlyRun{}
	for _, runner := range []sandbox.Runner{batches, single} {
		results, err := GradeTrusted(context.Background(), runner, b, trials)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"pass x = 0", "pass x = 10", "error missing_file", "pass x = 1", "pass x = 11", "error too_large"}
		for i, r := range results {
			got := string(r.Status) + " " + r.ErrorKind
			if r.Status == Pass {
				got = "pass " + r.Tests[0].Message
			}
			if got != want[i] || r.Exercise != trials[i].Exercise.ID {
				t.Errorf("%T, trial %d: %q of %s, want %q", runner, i, got, r.Exercise, want[i])
			}
		}
	}
	// A runner that can batch gets one batch per runtime; one that cannot,
	// each job on its own. Refused trials never reach either.
	want := "[[python:x = 0 python:x = 1] [django:x = 10 django:x = 11]]"
	if got := fmt.Sprint(batches.batches); got != want || batches.single != 0 {
		t.Errorf("batches %s and %d single runs, want %s", got, batches.single, want)
	}
	if single.single != 4 {
		t.Errorf("%d single runs, want 4", single.single)
	}
}

func TestLF(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a.py", "def f():\r\n    return '''x\r\ny'''\r\n", "def f():\n    return '''x\ny'''\n"},
		{"db/q.sql", "SELECT 1;\r\nSELECT 2;\r\n", "SELECT 1;\nSELECT 2;\n"},
		{"templates/list.html", "<ul>\r\n</ul>", "<ul>\n</ul>"},
		{"a.py", "unix\nonly\n", "unix\nonly\n"},
		// A lone CR is the learner's, not a line ending to change.
		{"a.py", "s = 'a\rb'\n", "s = 'a\rb'\n"},
		// RFC 4180's CSV ends lines with CRLF: data is left as it is.
		{"data.csv", "a,b\r\n1,2\r\n", "a,b\r\n1,2\r\n"},
		{"Dockerfile", "FROM x\r\n", "FROM x\r\n"},
	}
	for _, tt := range tests {
		if got := string(LF(tt.name, []byte(tt.in))); got != tt.want {
			t.Errorf("LF(%q, %q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// A learner's CRLF file goes to the sandbox as the LF one would.
func TestBuildJobCRLF(t *testing.T) {
	b := twoRuntimes(t)
	ex, err := b.Exercise("s/python")
	if err != nil {
		t.Fatal(err)
	}
	lf, err := buildJob(b, ex, map[string][]byte{"a.py": []byte("x = '''1\n2'''\n")})
	if err != nil {
		t.Fatal(err)
	}
	crlf, err := buildJob(b, ex, map[string][]byte{"a.py": []byte("x = '''1\r\n2'''\r\n")})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(lf.Files) != fmt.Sprint(crlf.Files) {
		t.Errorf("a CRLF a.py makes the job %q, the LF one %q", crlf.Files, lf.Files)
	}
}
