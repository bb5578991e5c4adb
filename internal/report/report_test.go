package report

import (
	"strings"
	"testing"

	"github.com/drill-dev/drill/internal/grade"
)

func TestText(t *testing.T) {
	tests := []struct {
		name   string
		result grade.Result
		want   string
	}{
		{"mixed", grade.Result{Exercise: "a/b", Status: grade.Fail, Tests: []grade.Test{
			{Name: "test_ok", Status: grade.Pass, Output: "not shown for a pass"},
			{Name: "test_bad", Status: grade.Fail, Message: "assert 1 == 2\n+ where 1 = f()", Output: "debug\n", OutputTruncated: true},
			{Name: "test_skipped", Status: grade.Skip, Message: "skipped: a skipped test does not count as passed"},
		}}, `  ✓ test_ok
  ✗ test_bad
      assert 1 == 2
      + where 1 = f()
      printed:
        debug
        [output truncated]
  - test_skipped (skipped)
      skipped: a skipped test does not count as passed
a/b: 1 passed, 2 failed
`},
		{"error", grade.Result{Exercise: "a/b", Status: grade.Error, ErrorKind: grade.KindSyntax,
			Message: "x.py, line 2\n    def f(\n         ^\nSyntaxError: '(' was never closed"}, `✗ a/b: syntax error
    x.py, line 2
        def f(
             ^
    SyntaxError: '(' was never closed
`},
		{"control characters from the sandbox are shown, not obeyed", grade.Result{Exercise: "a/b", Status: grade.Fail, Tests: []grade.Test{
			{Name: "test_x[\x1b[2J]", Status: grade.Fail, Message: "assert 1\r\x1b[32mpass", Output: "\x1b]52;c;Y3VybA==\x07\u202e\n"},
		}}, `  ✗ test_x[\x1b[2J]
      assert 1\r\x1b[32mpass
      printed:
        \x1b]52;c;Y3VybA==\a\u202e
a/b: 0 passed, 1 failed
`},
		{"an error's message is shown, not obeyed", grade.Result{Exercise: "a/b", Status: grade.Error, ErrorKind: grade.KindImport,
			Message: "RuntimeError: \x1b]0;all graded\x07\x1b[8m"}, "✗ a/b: your code failed to load\n    RuntimeError: \\x1b]0;all graded\\a\\x1b[8m\n"},
		{"time-out", grade.Result{Exercise: "a/b", Status: grade.Error, ErrorKind: grade.KindTimeout, Message: "time limit of 3s exceeded"},
			"✗ a/b: time limit exceeded\n    time limit of 3s exceeded\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := Text(&b, &tt.result, Style{}); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", b.String(), tt.want)
			}
		})
	}
}

// In watch mode only the first failures are shown in full: the screen is
// small and the learner fixes one thing at a time.
func TestTextDetailedLimit(t *testing.T) {
	r := &grade.Result{Exercise: "a/b", Status: grade.Fail, Tests: []grade.Test{
		{Name: "t1", Status: grade.Fail, Message: "m1"},
		{Name: "t2", Status: grade.Pass},
		{Name: "t3", Status: grade.Fail, Message: "m3"},
		{Name: "t4", Status: grade.Fail, Message: "m4"},
	}}
	var b strings.Builder
	if err := Text(&b, r, Style{Detailed: 2}); err != nil {
		t.Fatal(err)
	}
	want := `  ✗ t1
      m1
  ✓ t2
  ✗ t3
      m3
  ✗ t4
  (1 more failing tests shown by name only: fix the ones above first, or see all with drill check)
a/b: 1 passed, 3 failed
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestTextColourOnlyWhenAsked(t *testing.T) {
	r := &grade.Result{Exercise: "a/b", Status: grade.Pass, Tests: []grade.Test{{Name: "t", Status: grade.Pass}}}
	var plain, coloured strings.Builder
	Text(&plain, r, Style{})
	Text(&coloured, r, Style{Color: true})
	if strings.Contains(plain.String(), "\x1b[") {
		t.Error("colour without Color")
	}
	if !strings.Contains(coloured.String(), "\x1b[32m") {
		t.Errorf("no green with Color: %q", coloured.String())
	}
}
