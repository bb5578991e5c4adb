package grade

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/drill-dev/drill/internal/bank"
)

// notUTF8 is the Result for a learner file that is not UTF-8 text, or nil.
// Python reads source, and drillkit.sql reads queries, as UTF-8; a file
// saved in another encoding (PowerShell's ">" and Notepad's "Unicode" write
// UTF-16, older Windows editors Latin-1) would otherwise fail with a message
// about null bytes or a codec, far from its cause.
func notUTF8(ex *bank.Exercise, file string, data []byte) *Result {
	guess, line := encodingOf(data)
	if guess == "" {
		return nil
	}
	where := ""
	if line > 0 {
		where = fmt.Sprintf(", from line %d", line)
	}
	return Refuse(ex, KindEncoding, file, "%s is not UTF-8 (it looks like %s%s); save it as UTF-8", file, guess, where)
}

// encodingOf guesses the encoding of data that is not UTF-8, and the line
// of its first byte that UTF-8 does not allow (0 when that says nothing, as
// in UTF-16); "" for UTF-8 (with or without its byte order mark).
func encodingOf(data []byte) (guess string, line int) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return "UTF-32", 0
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return "UTF-16", 0
	case utf16WithoutMark(data):
		return "UTF-16", 0
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return "Latin-1 or Windows-1252", 1 + bytes.Count(data[:i], []byte("\n"))
		}
		i += n
	}
	return "", 0
}

// utf16WithoutMark says whether data is UTF-16 without a byte order mark:
// text in Latin letters has a zero byte in every other place.
func utf16WithoutMark(data []byte) bool {
	if len(data) < 2 {
		return false
	}
	var zeros [2]int
	for i, b := range data {
		if b == 0 {
			zeros[i%2]++
		}
	}
	half := len(data) / 2
	return max(zeros[0], zeros[1]) >= max(1, half*3/4) && min(zeros[0], zeros[1]) <= half/4
}
