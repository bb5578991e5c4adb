package classgrade

import (
	"strings"
	"testing"

	"github.com/drill-dev/drill/internal/grade"
)

func TestClassFigures(t *testing.T) {
	res := func(statuses ...grade.Status) *grade.Result {
		r := &grade.Result{Status: grade.Pass}
		for i, s := range statuses {
			msg := ""
			if s != grade.Pass {
				r.Status, msg = grade.Fail, "assert 1 == 2\n +  where 1 = f()"
				if i == 1 && len(statuses) == 3 && statuses[0] == grade.Pass {
					msg = "assert 'x' == 'y'"
				}
			}
			r.Tests = append(r.Tests, grade.Test{Name: []string{"test_a", "test_b", "test_c"}[i], Status: s, Message: msg})
		}
		return r
	}
	const P, F = grade.Pass, grade.Fail
	c := &Class{Exercise: "e", Skipped: []Skip{{"c/x", "hidden"}}, Kept: 1, Rows: []Row{
		RowOf("ann", res(P, P, P)),
		RowOf("bob", res(P, F, P)),
		RowOf("cat", res(F, F, P)),
		RowOf("dan", res(P, F, F)),
		RowOf("eve", &grade.Result{Status: grade.Error, ErrorKind: grade.KindSyntax, Message: "x"}),
		{Submission: "fay", Status: grade.Error, Kind: KindArchive, Message: "archive refused"},
		{Submission: "gus", Status: grade.Error, Kind: KindArchive, Message: "archive refused"},
		{Submission: "hal", Status: Missing, Kind: KindMissing},
	}}
	if got, want := c.Summary(), (Summary{Submissions: 7, Passed: 1, Failed: 3, Errored: 3, Missing: 1, Skipped: 1, Kept: 1}); got != want {
		t.Errorf("Summary = %+v, want %+v", got, want)
	}
	var tests []string
	for _, s := range c.Tests() {
		tests = append(tests, s.Name+" "+strings.Repeat("x", s.Failed)+"/"+strings.Repeat("x", s.Ran)+" "+s.Message)
	}
	want := []string{"test_b xxx/xxxx assert 'x' == 'y'", "test_a x/xxxx assert 1 == 2", "test_c x/xxxx assert 1 == 2"}
	if strings.Join(tests, "\n") != strings.Join(want, "\n") {
		t.Errorf("Tests:\n%s\nwant (worst first, ties in file order, the commonest message's first line):\n%s", strings.Join(tests, "\n"), strings.Join(want, "\n"))
	}
	var kinds []string
	for _, k := range c.ErrorKinds() {
		kinds = append(kinds, k.Kind+"="+strings.Repeat("x", k.Count))
	}
	if got := strings.Join(kinds, ","); got != "archive=xx,syntax=x,missing=x" {
		t.Errorf("ErrorKinds %s", got)
	}
	// ann 1; bob 0.6667; cat, dan 0.3333; eve, fay, gus 0; hal missing.
	if got := c.Histogram(); got != [10]int{0: 3, 3: 2, 6: 1, 9: 1} {
		t.Errorf("Histogram %v", got)
	}
}
