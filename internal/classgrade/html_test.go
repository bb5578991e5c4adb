package classgrade

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/drill-dev/drill/internal/grade"
)

// The page escapes what learners wrote and needs nothing from elsewhere.
func TestWriteHTML(t *testing.T) {
	c := &Class{Exercise: "basics/hello", Rows: []Row{
		RowOf(`c/<script>alert(1)</script>`, &grade.Result{Status: grade.Fail, DurationMS: 1200, Tests: []grade.Test{
			{Name: "test_a", Status: grade.Fail, Message: `assert '<img src=x onerror=alert(2)>' == 'y'`},
			{Name: "test_b", Status: grade.Pass},
		}}),
		RowOf("c/ann", &grade.Result{Status: grade.Pass, DurationMS: 900, Tests: []grade.Test{{Name: "test_a", Status: grade.Pass}, {Name: "test_b", Status: grade.Pass}}}),
		{Submission: "bob", Learner: "bob", Status: Missing, Kind: KindMissing, Message: "no submission"},
	}}
	var b strings.Builder
	if err := WriteHTML(&b, c, time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<script", "<img", "http://", "https://", ` src="`} {
		if strings.Contains(page, bad) {
			t.Errorf("the page has %q", bad)
		}
	}
	for _, want := range []string{
		`<li data-figure="submissions"><b>2</b>`, `<li data-figure="missing" class="missing"><b>1</b>`,
		`data-test="test_a" data-failed="1" data-ran="2"`,
		`<g class="bin" data-bin="5" data-count="1">`, `<g class="bin" data-bin="9" data-count="1">`,
		`data-kind="missing" data-count="1"`,
		`href="#s1">c/&lt;script&gt;alert(1)&lt;/script&gt;</a>`, `<section class="failures" id="s1">`,
		`&lt;img src=x onerror=alert(2)&gt;`, "graded 2025-03-01 09:30",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if n := len(regexp.MustCompile(`<tr class="learner"`).FindAllString(page, -1)); n != 3 {
		t.Errorf("%d learners' rows, want 3", n)
	}
}
