package classgrade

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/drill-dev/drill/internal/grade"
	"github.com/drill-dev/drill/internal/report"
)

// Missing is the status of a learner on the roster with no submission.
const Missing grade.Status = "missing"

// Row is one learner's line in a class's grades: a submission's grade, a
// submission refused with the reason, or a learner on the roster who
// handed nothing in.
type Row struct {
	// Submission is where the submission is, as the rows show it: the path
	// as given, then the entry inside a class folder or archive
	// ("class.zip/ann"); for a missing learner, the roster's id.
	Submission string `json:"submission"`
	// Learner is the learner's id on the roster, when there is one.
	Learner string       `json:"learner,omitempty"`
	Status  grade.Status `json:"status"`
	Passed  int          `json:"passed"`
	Total   int          `json:"total"`
	// Score is Passed/Total, 0 for a submission that could not be graded.
	Score   float64 `json:"score"`
	Message string  `json:"message,omitempty"`
	// Kind is what kind of error an error row is: grade's kinds
	// (grade.KindSyntax...) or this package's (KindArchive...).
	Kind       string `json:"kind,omitempty"`
	DurationMS int64  `json:"duration_ms"`
	// Result is the whole grading Result; nil when the submission never
	// reached the grader (no such directory).
	Result *grade.Result `json:"result,omitempty"`
}

// RowOf is the row of a submission's Result.
func RowOf(submission string, r *grade.Result) Row {
	g := Row{Submission: submission, Status: r.Status, DurationMS: r.DurationMS, Result: r}
	if r.Status == grade.Error {
		g.Message = report.ErrorTitle(r.ErrorKind) + ": " + flatten(r.Message)
		g.Kind = r.ErrorKind
		return g
	}
	passed, failed := r.Counts()
	g.Passed, g.Total = passed, passed+failed
	if g.Total > 0 {
		g.Score = math.Round(float64(passed)/float64(g.Total)*10000) / 10000
	}
	var names []string
	for _, t := range r.Tests {
		if t.Status != grade.Pass {
			names = append(names, t.Name)
		}
	}
	if len(names) > 0 {
		const shown = 5
		g.Message = "failed: " + strings.Join(names[:min(len(names), shown)], ", ")
		if len(names) > shown {
			g.Message += fmt.Sprintf(" and %d more", len(names)-shown)
		}
	}
	return g
}

// flatten makes a message fit on one line of a table: its lines joined,
// without the blank ones and the ^ markers under a syntax error, and cut
// short when long.
func flatten(msg string) string {
	var parts []string
	for _, l := range strings.Split(msg, "\n") {
		l = strings.TrimSpace(l)
		if strings.Trim(l, "^~ ") != "" {
			parts = append(parts, l)
		}
	}
	s := strings.Join(parts, " | ")
	if r := []rune(s); len(r) > 300 {
		s = string(r[:300]) + "..."
	}
	return s
}

// WriteCSV writes grades as CSV, one row per submission after a header.
// The text cells (submission, message) come from learners, and a grader
// opens the table in a spreadsheet: each is a report.CSVCell.
func WriteCSV(w io.Writer, grades []Row) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"submission", "status", "passed", "total", "score", "message"})
	for _, g := range grades {
		_ = cw.Write([]string{report.CSVCell(g.Submission), string(g.Status), strconv.Itoa(g.Passed), strconv.Itoa(g.Total),
			strconv.FormatFloat(g.Score, 'f', -1, 64), report.CSVCell(g.Message)})
	}
	cw.Flush()
	return cw.Error()
}

// gradescopeResults is Gradescope's results.json, as its autograder
// specification describes it.
type gradescopeResults struct {
	Score         float64          `json:"score"`
	ExecutionTime float64          `json:"execution_time"` // seconds
	Output        string           `json:"output,omitempty"`
	Tests         []gradescopeTest `json:"tests"`
}

type gradescopeTest struct {
	Name     string  `json:"name"`
	Status   string  `json:"status"` // passed or failed
	Score    float64 `json:"score"`
	MaxScore float64 `json:"max_score"`
	Output   string  `json:"output,omitempty"`
}

// WriteGradescope writes a row as Gradescope's results.json: a point per
// test, so the score is the number of tests passed. A test's output is
// what the learner would see from drill check: a hidden test's message is
// already the learner-safe hint.
func WriteGradescope(w io.Writer, g Row) error {
	doc := gradescopeResults{
		Score:         float64(g.Passed),
		ExecutionTime: float64(g.DurationMS) / 1000,
		Tests:         []gradescopeTest{},
	}
	if g.Status == grade.Error {
		doc.Output = g.Message
		if g.Result != nil {
			doc.Output = report.ErrorTitle(g.Result.ErrorKind) + "\n\n" + g.Result.Message
		}
	}
	if g.Result != nil {
		for _, t := range g.Result.Tests {
			gt := gradescopeTest{Name: t.Name, Status: "failed", MaxScore: 1, Output: t.Message}
			if t.Status == grade.Pass {
				gt.Status, gt.Score = "passed", 1
			}
			doc.Tests = append(doc.Tests, gt)
		}
	}
	return report.JSON(w, doc)
}

// Slowest returns up to n rows that took longest, slowest first.
func Slowest(grades []Row, n int) []Row {
	var out []Row
	for _, g := range grades {
		if g.DurationMS > 0 {
			out = append(out, g)
		}
	}
	slices.SortStableFunc(out, func(a, b Row) int { return int(b.DurationMS - a.DurationMS) })
	return out[:min(len(out), n)]
}
