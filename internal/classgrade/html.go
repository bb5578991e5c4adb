package classgrade

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"time"

	"github.com/drill-dev/drill/internal/grade"
)

//go:embed report.html.tmpl
var pageText string

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"pct": func(x float64) string { return fmt.Sprintf("%.0f%%", x*100) },
	"secs": func(ms int64) string {
		return (time.Duration(ms) * time.Millisecond).Round(10 * time.Millisecond).String()
	},
}).Parse(pageText))

// pageData is what the page shows, its figures worked out here so the
// template only lays them out.
type pageData struct {
	Exercise  string
	Generated string
	Summary   Summary
	Bins      []bin
	BinMax    int
	Tests     []testBar
	Kinds     []kindBar
	Slowest   []Row
	Learners  []learner
	Skipped   []Skip
	Unmatched []string
}

type bin struct {
	Label    string // "30-40%"
	Count    int
	X, Y, H  int // the bar, in the SVG's units
	LabelX   int
	CountY   int
	Interval int // the bin's index
}

type testBar struct {
	TestStat
	Width int // the bar's width, of 200
}

type kindBar struct {
	KindCount
	Width int
}

type learner struct {
	Row
	Anchor   string // the id of the learner's failures, "" when all passed
	Failures []failure
}

type failure struct{ Test, Message string }

// WriteHTML writes the class's report as one page that needs nothing
// else: no script, no network, styles and SVG charts inline, every text
// escaped by html/template. generated is when the grades were made.
func WriteHTML(w io.Writer, c *Class, generated time.Time) error {
	d := pageData{Exercise: c.Exercise, Generated: generated.Format("2006-01-02 15:04"), Summary: c.Summary(),
		Slowest: Slowest(c.Rows, 10), Skipped: c.Skipped, Unmatched: c.Unmatched}
	hist := c.Histogram()
	for _, n := range hist {
		d.BinMax = max(d.BinMax, n)
	}
	const plotH, barW, gap, top = 150, 44, 6, 20
	for i, n := range hist {
		h := 0
		if d.BinMax > 0 {
			h = n * plotH / d.BinMax
		}
		x := 40 + i*(barW+gap)
		d.Bins = append(d.Bins, bin{Label: fmt.Sprintf("%d–%d%%", i*10, i*10+10), Count: n, X: x, Y: top + plotH - h, H: h,
			LabelX: x + barW/2, CountY: top + plotH - h - 4, Interval: i})
	}
	for _, t := range c.Tests() {
		d.Tests = append(d.Tests, testBar{t, int(t.Share() * 200)})
	}
	kinds := c.ErrorKinds()
	total := max(len(c.Rows), 1)
	for _, k := range kinds {
		d.Kinds = append(d.Kinds, kindBar{k, k.Count * 200 / total})
	}
	for i, r := range c.Rows {
		l := learner{Row: r}
		if r.Status != grade.Pass {
			l.Anchor = fmt.Sprintf("s%d", i+1)
			if r.Result != nil {
				for _, t := range r.Result.Tests {
					if t.Status != grade.Pass {
						l.Failures = append(l.Failures, failure{t.Name, t.Message})
					}
				}
			}
		}
		d.Learners = append(d.Learners, l)
	}
	return page.Execute(w, d)
}
