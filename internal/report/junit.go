package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// JUnitSuite is a group of cases in a JUnit report.
type JUnitSuite struct {
	Name  string
	Cases []JUnitCase
}

// JUnitCase is one case of a JUnit report: for drill, an exercise checked
// or a bank file with problems.
type JUnitCase struct {
	Class string // the group a CI system files the case under
	Name  string
	Time  time.Duration
	// Failure says what is wrong, one problem per line; "" is a pass.
	Failure string
	// Output is shown with the case whether or not it passed: warnings.
	Output string
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Class   string        `xml:"classname,attr"`
	Name    string        `xml:"name,attr"`
	Time    string        `xml:"time,attr"`
	Failure *junitFailure `xml:"failure,omitempty"`
	Output  string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// JUnit writes suites as a JUnit XML report, the format CI systems
// (GitHub Actions' test reporters, GitLab, Jenkins) show test by test.
func JUnit(w io.Writer, suites []JUnitSuite) error {
	doc := junitSuites{}
	var total time.Duration
	for _, s := range suites {
		js := junitSuite{Name: s.Name, Tests: len(s.Cases), Cases: []junitCase{}}
		var suiteTime time.Duration
		for _, c := range s.Cases {
			jc := junitCase{Class: c.Class, Name: c.Name, Time: seconds(c.Time), Output: c.Output}
			if c.Failure != "" {
				// The message attribute is what a CI system shows in a list:
				// the first problem, and how many more there are.
				lines := strings.Split(strings.TrimRight(c.Failure, "\n"), "\n")
				msg := lines[0]
				if len(lines) > 1 {
					msg += fmt.Sprintf(" (and %d more)", len(lines)-1)
				}
				jc.Failure = &junitFailure{Message: msg, Type: "invalid", Text: c.Failure}
				js.Failures++
			}
			suiteTime += c.Time
			js.Cases = append(js.Cases, jc)
		}
		js.Time = seconds(suiteTime)
		total += suiteTime
		doc.Tests += js.Tests
		doc.Failures += js.Failures
		doc.Suites = append(doc.Suites, js)
	}
	doc.Time = seconds(total)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.3f", d.Seconds()) }
