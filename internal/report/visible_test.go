package report

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestVisible(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text is kept", "assert 2 == 3\n\tin f()", "assert 2 == 3\n\tin f()"},
		{"unicode is kept", "café ✓ 日本 \ufffd", "café ✓ 日本 \ufffd"},
		{"backslashes are kept", `'\n' != "\\"`, `'\n' != "\\"`},
		{"window title (OSC 0)", "\x1b]0;all graded\x07", `\x1b]0;all graded\a`},
		{"clipboard (OSC 52)", "\x1b]52;c;Y3VybA==\x07", `\x1b]52;c;Y3VybA==\a`},
		{"erase the line and write over it", "error\r\x1b[Kpass", `error\r\x1b[Kpass`},
		{"clear the screen", "hint\x1b[2J\x1b[H", `hint\x1b[2J\x1b[H`},
		{"NUL, backspace, DEL", "a\x00b\bc\x7f", `a\x00b\bc\x7f`},
		{"C1 CSI, one character", "x\u009b31m", `x\u009b31m`},
		{"bidi override (Trojan Source)", "ok\u202e}\u2066", `ok\u202e}\u2066`},
		{"marks LRM, RLM, ALM", "\u200e\u200f\u061c", `\u200e\u200f\u061c`},
		{"bytes that are not UTF-8", "a\xffb\xc3", `a\xffb\xc3`},
		{"vertical tab and form feed", "\v\f", `\v\f`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Visible(tt.in); got != tt.want {
				t.Errorf("Visible(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCSVCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"class/ann", "class/ann"},
		{"", ""},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+1", "'+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", `\r=1`}, // made visible first: it no longer starts with CR
		{"a=1", "a=1"},
		{"failed: \x1b[8m", `failed: \x1b[8m`},
	}
	for _, tt := range tests {
		if got := CSVCell(tt.in); got != tt.want {
			t.Errorf("CSVCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Whatever the text, Visible leaves no control character but newline and
// tab, no bidi control and no invalid UTF-8; it keeps every character it
// does not escape, in order; and text it leaves alone it returns as is.
func FuzzVisible(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b]0;t\x07", "a\r\nb", "\u202e\u2066x", "\xff\xfe", "\u009b", "é\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Visible(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Visible(%q) = %q: not valid UTF-8", s, got)
		}
		for _, r := range got {
			if escaped(r) {
				t.Fatalf("Visible(%q) = %q: still holds %U", s, got, r)
			}
		}
		// Every character kept is in the output, in order.
		rest := got
		for i, r := range s {
			if r == utf8.RuneError || escaped(r) {
				continue
			}
			j := strings.IndexRune(rest, r)
			if j < 0 {
				t.Fatalf("Visible(%q) = %q: lost %q at byte %d", s, got, r, i)
			}
			rest = rest[j+utf8.RuneLen(r):]
		}
		if Visible(got) != got {
			t.Fatalf("Visible is not idempotent on %q", s)
		}
		if len(got) < len(s) {
			t.Fatalf("Visible(%q) = %q: shorter than its input", s, got)
		}
	})
}
