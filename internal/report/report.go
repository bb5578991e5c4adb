// Package report renders grading Results for people (text, with colour on
// a terminal) and for programs (JSON).
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"

	"github.com/drill-dev/drill/internal/grade"
)

// Style says how text output looks.
type Style struct {
	Color bool
	// Detailed is how many failing tests are shown in full (message and
	// output); the rest by name only. 0 shows every one.
	Detailed int
}

func (s Style) paint(attr color.Attribute, text string) string {
	if !s.Color {
		return text
	}
	c := color.New(attr)
	c.EnableColor()
	return c.Sprint(text)
}

// Mark is the sign for a pass or a failure.
func (s Style) Mark(pass bool) string {
	if pass {
		return s.paint(color.FgGreen, "✓")
	}
	return s.paint(color.FgRed, "✗")
}

// Heading is a title line.
func (s Style) Heading(text string) string { return s.paint(color.Bold, text) }

// JSON writes v (a Result, or a list of them) as one indented JSON document.
func JSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// Text writes the result for a learner: a line per test, the message and
// output of each test that did not pass, then one summary line. What the
// sandbox said (names, messages, output) is shown Visible.
func Text(w io.Writer, r *grade.Result, s Style) error {
	var b strings.Builder
	if r.Status == grade.Error {
		fmt.Fprintf(&b, "%s %s: %s\n", s.Mark(false), Visible(r.Exercise), ErrorTitle(r.ErrorKind))
		b.WriteString(indent(Visible(r.Message), "    "))
		b.WriteString("\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	detailed, hidden := 0, 0
	for _, t := range r.Tests {
		name := Visible(t.Name)
		if t.Status != grade.Pass && s.Detailed > 0 && detailed >= s.Detailed {
			fmt.Fprintf(&b, "  %s %s\n", s.Mark(false), name)
			hidden++
			continue
		}
		switch t.Status {
		case grade.Pass:
			fmt.Fprintf(&b, "  %s %s\n", s.Mark(true), name)
			continue
		case grade.Skip:
			fmt.Fprintf(&b, "  %s %s (skipped)\n", s.paint(color.FgYellow, "-"), name)
		default:
			fmt.Fprintf(&b, "  %s %s\n", s.Mark(false), name)
		}
		detailed++
		if t.Message != "" {
			b.WriteString(indent(Visible(t.Message), "      "))
			b.WriteString("\n")
		}
		if t.Output != "" {
			b.WriteString(s.paint(color.Faint, "      printed:"))
			b.WriteString("\n")
			b.WriteString(indent(Visible(strings.TrimRight(t.Output, "\n")), "        "))
			b.WriteString("\n")
			if t.OutputTruncated {
				b.WriteString(s.paint(color.Faint, "        [output truncated]"))
				b.WriteString("\n")
			}
		}
	}
	if hidden > 0 {
		fmt.Fprintf(&b, "  (%d more failing tests shown by name only: fix the ones above first, or see all with drill check)\n", hidden)
	}
	passed, failed := r.Counts()
	summary := fmt.Sprintf("%d passed, %d failed", passed, failed)
	if r.Status == grade.Pass {
		summary = s.paint(color.FgGreen, summary)
	} else {
		summary = s.paint(color.FgRed, summary)
	}
	fmt.Fprintf(&b, "%s: %s\n", Visible(r.Exercise), summary)
	_, err := io.WriteString(w, b.String())
	return err
}

// ErrorTitle names a kind of error for a learner.
func ErrorTitle(kind string) string {
	switch kind {
	case grade.KindSyntax:
		return "syntax error"
	case grade.KindImport:
		return "your code failed to load"
	case grade.KindMissingFile:
		return "a file is missing"
	case grade.KindTooLarge:
		return "a file is too large"
	case grade.KindEncoding:
		return "a file is not UTF-8"
	case grade.KindTimeout:
		return "time limit exceeded"
	case grade.KindMemory:
		return "memory limit exceeded"
	case grade.KindOutput:
		return "output limit exceeded"
	case grade.KindBusy:
		return "the machine was too busy"
	default:
		return "the tests could not run"
	}
}

func indent(text, prefix string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}
