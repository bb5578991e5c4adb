package report

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Visible returns s with every character a terminal would act on instead
// of showing written out as an escape, so that text from a learner or a
// bank (messages, output, names, hints, READMEs) can say anything but
// cannot move the cursor, clear the screen, set the window title or the
// clipboard, hide what follows, or reorder a line. Newline and tab are
// kept. Escaped, in Go's notation: the C0 controls and DEL (\x1b, \r,
// \a), the C1 controls (\u009b, the one-character CSI), the bidirectional
// formatting characters of Unicode's UAX #9 (\u202e: the "Trojan Source"
// reordering), and bytes that are not UTF-8 (\xff), which some terminals
// read as C1 controls. Backslashes are left as they are: a traceback's
// '\n' stays readable, so the result is not always reversible, but every
// printable character of s is in it, in order.
func Visible(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || escaped(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case escaped(r):
			q := strconv.QuoteRune(r) // '\x1b', '\r', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// escaped says whether Visible writes r out as an escape.
func escaped(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return true
	case r == 0x061c || r == 0x200e || r == 0x200f: // ALM, LRM, RLM
		return true
	case r >= 0x202a && r <= 0x202e: // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI, RLI, FSI, PDI
		return true
	}
	return false
}

// csvFormulaStart holds the characters that make a spreadsheet read a
// cell as a formula when it starts with one (OWASP, "CSV Injection").
const csvFormulaStart = "=+-@\t\r"

// CSVCell is s as a cell of a CSV file a person opens in a spreadsheet:
// made Visible, and, as OWASP's "CSV Injection" page recommends, prefixed
// with a single quote when it starts with a character that would make
// Excel, LibreOffice or Google Sheets run it as a formula (=, +, -, @,
// tab, carriage return). The spreadsheet shows the text; the quote is the
// only change.
func CSVCell(s string) string {
	s = Visible(s)
	if s != "" && strings.IndexByte(csvFormulaStart, s[0]) >= 0 {
		return "'" + s
	}
	return s
}
