package classgrade

import (
	"cmp"
	"slices"
	"strings"

	"github.com/drill-dev/drill/internal/grade"
	"github.com/drill-dev/drill/internal/report"
)

// Summary counts a class's rows by status.
type Summary struct {
	Submissions int `json:"submissions"` // rows of submissions: passed + failed + errored
	Passed      int `json:"passed"`
	Failed      int `json:"failed"`
	Errored     int `json:"errored"`
	Missing     int `json:"missing"` // on the roster, no submission
	Skipped     int `json:"skipped"` // entries of class folders that are no submission
	Kept        int `json:"kept"`    // rows kept from the journal
}

// Summary counts the class's rows.
func (c *Class) Summary() Summary {
	s := Summary{Skipped: len(c.Skipped), Kept: c.Kept}
	for _, r := range c.Rows {
		switch r.Status {
		case grade.Pass:
			s.Passed++
		case grade.Fail:
			s.Failed++
		case Missing:
			s.Missing++
			continue
		default:
			s.Errored++
		}
		s.Submissions++
	}
	return s
}

// TestStat is how the class did on one test.
type TestStat struct {
	Name string `json:"name"`
	// Ran is how many submissions' tests ran (rows pass or fail); Failed,
	// how many of those did not pass this one.
	Ran    int `json:"ran"`
	Failed int `json:"failed"`
	// Message is the most common first line of the failures' messages,
	// and Common how many failures had it.
	Message string `json:"message,omitempty"`
	Common  int    `json:"common,omitempty"`
}

// Share is the part of the class whose tests ran that failed the test,
// from 0 to 1.
func (t TestStat) Share() float64 {
	if t.Ran == 0 {
		return 0
	}
	return float64(t.Failed) / float64(t.Ran)
}

// Tests is how the class did on each test, worst first (ties in the order
// of the tests).
func (c *Class) Tests() []TestStat {
	var stats []*TestStat
	byName := map[string]*TestStat{}
	messages := map[string]map[string]int{}
	order := map[string][]string{} // messages in the order first seen
	for _, r := range c.Rows {
		if r.Result == nil || (r.Status != grade.Pass && r.Status != grade.Fail) {
			continue
		}
		for _, t := range r.Result.Tests {
			s := byName[t.Name]
			if s == nil {
				s = &TestStat{Name: t.Name}
				byName[t.Name], messages[t.Name] = s, map[string]int{}
				stats = append(stats, s)
			}
			s.Ran++
			if t.Status == grade.Pass {
				continue
			}
			s.Failed++
			m := firstLine(t.Message)
			if messages[t.Name][m] == 0 {
				order[t.Name] = append(order[t.Name], m)
			}
			messages[t.Name][m]++
		}
	}
	out := make([]TestStat, 0, len(stats))
	for _, s := range stats {
		for _, m := range order[s.Name] {
			if n := messages[s.Name][m]; n > s.Common {
				s.Message, s.Common = m, n
			}
		}
		out = append(out, *s)
	}
	slices.SortStableFunc(out, func(a, b TestStat) int { return cmp.Compare(b.Share(), a.Share()) })
	return out
}

// KindCount is how many error rows are of one kind.
type KindCount struct {
	Kind  string `json:"kind"`
	Title string `json:"title"` // for people: "syntax error"
	Count int    `json:"count"`
}

// ErrorKinds counts the error and missing rows by kind, most first.
func (c *Class) ErrorKinds() []KindCount {
	var out []KindCount
	for _, r := range c.Rows {
		if r.Status != grade.Error && r.Status != Missing {
			continue
		}
		i := slices.IndexFunc(out, func(k KindCount) bool { return k.Kind == r.Kind })
		if i < 0 {
			out = append(out, KindCount{Kind: r.Kind, Title: kindTitle(r.Kind)})
			i = len(out) - 1
		}
		out[i].Count++
	}
	slices.SortStableFunc(out, func(a, b KindCount) int { return cmp.Compare(b.Count, a.Count) })
	return out
}

func kindTitle(kind string) string {
	switch kind {
	case KindArchive:
		return "archive refused"
	case KindNotFound:
		return "no such file or folder"
	case KindLink:
		return "a symbolic link"
	case KindUnreadable:
		return "unreadable"
	case KindEmpty:
		return "empty"
	case KindMissing:
		return "missing: no submission"
	case KindUnwritable:
		return "results not written"
	case "sandbox":
		return "the sandbox failed"
	}
	return report.ErrorTitle(kind)
}

// Histogram counts the submissions' scores (missing learners left out) in
// bins tenths wide: bin i holds scores from i/10 up to (i+1)/10, the last
// one 1 as well.
func (c *Class) Histogram() [10]int {
	var h [10]int
	for _, r := range c.Rows {
		if r.Status != Missing {
			h[min(int(r.Score*10), 9)]++
		}
	}
	return h
}

// firstLine is a message's first non-blank line, cut to fit a table.
func firstLine(msg string) string {
	for _, l := range strings.Split(msg, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			if r := []rune(l); len(r) > 100 {
				return string(r[:100]) + "..."
			}
			return l
		}
	}
	return ""
}
