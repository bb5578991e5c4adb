package cli_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A class of submissions of basics/hello graded in the real sandbox: right
// ones, wrong ones, and ones written to break the grader. Each is a row of
// its own; none stops the others; nothing is left behind.
func TestDockerGradeAClass(t *testing.T) {
	c := requireDocker(t)
	bankDir, err := filepath.Abs("testdata/bank")
	if err != nil {
		t.Fatal(err)
	}
	const right = "def hello(name):\n    return f'Hello, {name}!'\n"
	type want struct {
		status, passed, total, score string
		message                      string // contained in the row's message
	}
	class := []struct {
		name string
		code string // hello.py; "" for none
		want want
	}{
		{"ann", right, want{"pass", "2", "2", "1", ""}},
		{"ben", "def hello(name):\n    return 'Hello, ' + name + '!'\n", want{"pass", "2", "2", "1", ""}},
		{"cat", "def hello(name):\n    return 'Hello, {}!'.format(name)\n", want{"pass", "2", "2", "1", ""}},
		{"dan", "def hello(name):\n    return 'Hello, %s!' % name\n", want{"pass", "2", "2", "1", ""}},
		{"eve", "def hello(name):\n    return ''.join(['Hello, ', name, '!'])\n", want{"pass", "2", "2", "1", ""}},
		{"fay", "def hello(name):\n    print('called with', name)\n    return f'Hello, {name}!'\n", want{"pass", "2", "2", "1", ""}},
		{"gus", "GREETING = 'Hello, {}!'\n\n\ndef hello(name):\n    return GREETING.format(name)\n", want{"pass", "2", "2", "1", ""}},
		{"hal", "import subprocess\nsubprocess.Popen(['sleep', '600'], start_new_session=True)\n" + right, want{"pass", "2", "2", "1", ""}},
		{"ivy", "def hello(name):\n    return None\n", want{"fail", "0", "2", "0", "failed: test_hello_greets_by_name, test_hello_greets_anyone"}},
		{"jay", "def hello(name):\n    return f'Hello {name}!'\n", want{"fail", "0", "2", "0", "failed: test_hello_greets_by_name"}},
		{"kim", "def hello(name):\n    return 'Hello, Ann!'\n", want{"fail", "1", "2", "0.5", "failed: test_hello_greets_anyone"}},
		{"lou", "def hello(name):\n    raise ValueError(name)\n", want{"fail", "0", "2", "0", "failed: "}},
		{"mia", "def hello(name)\n    return name\n", want{"error", "0", "0", "0", "syntax error: hello.py, line 1"}},
		{"ned", "GREETING = undefined_name\n", want{"error", "0", "0", "0", "your code failed to load: hello.py, line 1: NameError"}},
		{"oli", "def hello(name):\n    while True:\n        pass\n", want{"error", "0", "0", "0", "time limit exceeded: time limit of 3s of CPU time exceeded while running test_hello_greets_by_name: look for a loop that never ends or work that grows too fast"}},
		{"pam", "import os\n\ndef hello(name):\n    os._exit(0)\n", want{"fail", "0", "2", "0", "failed: test_hello_greets_by_name, test_hello_greets_anyone"}},
		{"quin", "", want{"error", "0", "0", "0", "a file is missing: hello.py is missing from the submission"}},
		{"ray", "", want{"error", "0", "0", "0", "the submission directory is empty"}},
		{"sam", "# " + strings.Repeat("x", 3<<20) + "\n", want{"error", "0", "0", "0", "a file is too large: hello.py is 3.0 MiB"}},
		{"tia", "import os\n\ndef hello(name):\n    while True:\n        try:\n            os.fork()\n        except OSError:\n            pass\n", want{"error", "0", "0", "0", "time limit exceeded"}},
		{"uma", "import ctypes\n\ndef hello(name):\n    return ctypes.string_at(0)\n", want{"fail", "0", "2", "0", "failed: test_hello_greets_by_name, test_hello_greets_anyone"}},
		{"vic", "def hello(name):\n    blocks = [b'x' * (64 << 20) for _ in range(64)]\n    return len(blocks)\n", want{"fail", "0", "2", "0", "failed: test_hello_greets_by_name, test_hello_greets_anyone"}},
		{"wes", "", want{"error", "0", "0", "0", "hello.py is not a regular file (a symbolic link, which drill does not follow)"}},
		// The container's streams are docker-init's, root's: refused.
		{"xia", "def hello(name):\n    with open('/proc/1/fd/2', 'wb') as f:\n        while True:\n            f.write(b'y' * 65536)\n", want{"fail", "0", "2", "0", "failed: test_hello_greets_by_name, test_hello_greets_anyone"}},
	}
	root := t.TempDir()
	dir := filepath.Join(root, "class")
	for _, s := range class {
		sub := filepath.Join(dir, s.name)
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if s.code != "" {
			write(t, filepath.Join(sub, "hello.py"), s.code)
		}
	}
	write(t, filepath.Join(dir, "quin", "greeting.py"), right)
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "wes", "hello.py")); err != nil {
		t.Fatal(err)
	}

	r := drill(t, root, "--bank", bankDir, "grade", "--exercise", "basics/hello", "--out", "grades.csv", "class")
	if r.code != 1 {
		t.Errorf("exit code %d, want 1\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	f, err := os.Open(filepath.Join(root, "grades.csv"))
	if err != nil {
		t.Fatalf("no CSV: %v\n%s%s", err, r.stdout, r.stderr)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "submission,status,passed,total,score,message" {
		t.Errorf("header %q", got)
	}
	if len(rows) != len(class)+1 {
		t.Fatalf("%d rows for %d submissions:\n%v", len(rows)-1, len(class), rows)
	}
	for i, s := range class {
		row := rows[i+1]
		w := s.want
		if row[0] != filepath.Join("class", s.name) || row[1] != w.status || row[2] != w.passed || row[3] != w.total || row[4] != w.score ||
			!strings.Contains(row[5], w.message) || (w.message == "" && row[5] != "") {
			t.Errorf("row %d = %q, want class/%s %+v", i+1, row, s.name, w)
		}
	}
	for _, line := range []string{"24 submissions of basics/hello: 8 passed, 8 failed, 8 errored", "slowest: "} {
		if !strings.Contains(r.stdout, line) {
			t.Errorf("the summary lacks %q:\n%s", line, r.stdout)
		}
	}
	noSandboxLeft(t, c, r.pid)
}

// The scaffolds of drill new work in the real sandbox: validate names
// only the parts still to write, and accepts the exercise once they are.
func TestDockerNewScaffolds(t *testing.T) {
	c := requireDocker(t)
	bankDir := filepath.Join(t.TempDir(), "bank")
	for _, args := range [][]string{{"new", "web/prices"}, {"new", "--runtime", "django", "web/books"}} {
		if r := drill(t, t.TempDir(), append([]string{"--bank", bankDir}, args...)...); r.code != 0 {
			t.Fatalf("drill %v: %d\n%s", args, r.code, r.stderr)
		}
	}
	r := drill(t, bankDir, "--bank", bankDir, "validate")
	expect(t, r, 1, "FAIL web/prices", "FAIL web/books", "2 exercises: 0 valid, 2 invalid")
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(line, "     - ") && !strings.Contains(line, "still has the scaffold's TODO(author)") {
			t.Errorf("a problem other than what is left to write: %s", line)
		}
	}
	noSandboxLeft(t, c, r.pid)

	// The author writes each part; here, the marked lines of code go and
	// the marked text loses its marker.
	err := filepath.Walk(bankDir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var kept []string
		for _, l := range strings.Split(string(data), "\n") {
			if strings.HasSuffix(p, ".py") && strings.Contains(l, "TODO(author)") {
				continue
			}
			kept = append(kept, strings.ReplaceAll(l, "TODO(author): ", ""))
		}
		return os.WriteFile(p, []byte(strings.Join(kept, "\n")), info.Mode())
	})
	if err != nil {
		t.Fatal(err)
	}
	r = drill(t, bankDir, "--bank", bankDir, "validate")
	expect(t, r, 0, "ok   web/prices  (starter 0/5 passed, solution 5/5", "ok   web/books  (starter 0/3 passed, solution 3/3", "2 exercises: 2 valid, 0 invalid")
	noSandboxLeft(t, c, r.pid)
}
