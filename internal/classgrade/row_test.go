package classgrade

import (
	"strings"
	"testing"

	"github.com/drill-dev/drill/internal/grade"
)

func testsOf(statuses ...grade.Status) []grade.Test {
	var out []grade.Test
	for i, s := range statuses {
		out = append(out, grade.Test{Name: "test_" + string(rune('a'+i)), Status: s, Message: "assert 1 == 2"})
	}
	return out
}

func TestRowOf(t *testing.T) {
	const F, P = grade.Fail, grade.Pass
	tests := []struct {
		name   string
		result grade.Result
		want   Row
	}{
		{"pass", grade.Result{Status: grade.Pass, DurationMS: 900, Tests: testsOf(P, P)},
			Row{Status: grade.Pass, Passed: 2, Total: 2, Score: 1, DurationMS: 900}},
		{"fail: the failing tests named", grade.Result{Status: grade.Fail, Tests: testsOf(P, F, P)},
			Row{Status: grade.Fail, Passed: 2, Total: 3, Score: 0.6667, Message: "failed: test_b"}},
		{"fail: at most five named", grade.Result{Status: grade.Fail, Tests: testsOf(F, F, F, F, F, F, F, P)},
			Row{Status: grade.Fail, Passed: 1, Total: 8, Score: 0.125, Message: "failed: test_a, test_b, test_c, test_d, test_e and 2 more"}},
		{"a skipped test is not passed", grade.Result{Status: grade.Fail, Tests: testsOf(P, grade.Skip)},
			Row{Status: grade.Fail, Passed: 1, Total: 2, Score: 0.5, Message: "failed: test_b"}},
		{"error: one line", grade.Result{Status: grade.Error, ErrorKind: grade.KindSyntax, DurationMS: 300,
			Message: "x.py, line 2\n    def f(\n         ^\nSyntaxError: '(' was never closed\n"},
			Row{Status: grade.Error, Kind: grade.KindSyntax, DurationMS: 300, Message: "syntax error: x.py, line 2 | def f( | SyntaxError: '(' was never closed"}},
		{"error: a long message is cut", grade.Result{Status: grade.Error, ErrorKind: grade.KindHarness, Message: strings.Repeat("é", 400)},
			Row{Status: grade.Error, Kind: grade.KindHarness, Message: "the tests could not run: " + strings.Repeat("é", 300) + "..."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := RowOf("sub", &tt.result)
			tt.want.Submission, tt.want.Result = "sub", &tt.result
			if got != tt.want {
				t.Errorf("RowOf =\n%+v, want\n%+v", got, tt.want)
			}
		})
	}
}

func TestWriteCSV(t *testing.T) {
	var b strings.Builder
	err := WriteCSV(&b, []Row{
		{Submission: "class/ann", Status: grade.Pass, Passed: 3, Total: 3, Score: 1},
		{Submission: "class/bo, jr", Status: grade.Fail, Passed: 2, Total: 3, Score: 0.6667, Message: `failed: test_x["a"]`},
		{Submission: "gone", Status: grade.Error, Message: "no such directory"},
		{Submission: "class/=cmd", Status: grade.Error, Message: "-2+3 \x1b]0;all graded\x07"},
		{Submission: "@eve", Status: grade.Fail, Message: "=HYPERLINK(\"http://x\")"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `submission,status,passed,total,score,message
class/ann,pass,3,3,1,
"class/bo, jr",fail,2,3,0.6667,"failed: test_x[""a""]"
gone,error,0,0,0,no such directory
class/=cmd,error,0,0,0,'-2+3 \x1b]0;all graded\a
'@eve,fail,0,0,0,"'=HYPERLINK(""http://x"")"
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestWriteGradescope(t *testing.T) {
	tests := []struct {
		name string
		row  Row
		want string
	}{
		{"tests, a hidden one's hint", RowOf("s", &grade.Result{Status: grade.Fail, DurationMS: 1234, Tests: []grade.Test{
			{Name: "test_ok", Status: grade.Pass},
			{Name: "test_secret", Status: grade.Fail, Hidden: true, Message: "Try an empty list."},
		}}), `{
  "score": 1,
  "execution_time": 1.234,
  "tests": [
    {
      "name": "test_ok",
      "status": "passed",
      "score": 1,
      "max_score": 1
    },
    {
      "name": "test_secret",
      "status": "failed",
      "score": 0,
      "max_score": 1,
      "output": "Try an empty list."
    }
  ]
}
`},
		{"an error of the run", RowOf("s", &grade.Result{Status: grade.Error, ErrorKind: grade.KindTimeout, Message: "time limit of 3s exceeded"}), `{
  "score": 0,
  "execution_time": 0,
  "output": "time limit exceeded\n\ntime limit of 3s exceeded",
  "tests": []
}
`},
		{"no submission at all", Row{Submission: "s", Status: grade.Error, Message: "the submission directory is empty"}, `{
  "score": 0,
  "execution_time": 0,
  "output": "the submission directory is empty",
  "tests": []
}
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := WriteGradescope(&b, tt.row); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", b.String(), tt.want)
			}
		})
	}
}

func TestSlowest(t *testing.T) {
	rows := []Row{{Submission: "a", DurationMS: 100}, {Submission: "b"}, {Submission: "c", DurationMS: 3000},
		{Submission: "d", DurationMS: 100}, {Submission: "e", DurationMS: 200}}
	var got []string
	for _, g := range Slowest(rows, 3) {
		got = append(got, g.Submission)
	}
	if strings.Join(got, ",") != "c,e,a" {
		t.Errorf("Slowest = %v, want c,e,a (ties in order, never one that did not run)", got)
	}
}
