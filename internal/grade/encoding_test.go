package grade

import (
	"bytes"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

func utf16LE(s string, mark bool) []byte {
	var out []byte
	if mark {
		out = []byte{0xFF, 0xFE}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func TestEncodingOf(t *testing.T) {
	tests := []struct {
		name  string
		data  []byte
		guess string
		line  int
	}{
		{"UTF-8", []byte("name = 'Zoë'\n"), "", 0},
		{"UTF-8 with its byte order mark", append([]byte{0xEF, 0xBB, 0xBF}, "x = 1\n"...), "", 0},
		{"empty", nil, "", 0},
		{"UTF-16 with a mark (PowerShell's >)", utf16LE("quantity = 3\n", true), "UTF-16", 0},
		{"UTF-16 big-endian", []byte{0xFE, 0xFF, 0, 'x'}, "UTF-16", 0},
		{"UTF-16 without a mark", utf16LE("quantity = 3\nprice = 2\n", false), "UTF-16", 0},
		{"UTF-32", []byte{0xFF, 0xFE, 0, 0, 'x', 0, 0, 0}, "UTF-32", 0},
		{"Latin-1, the accent on line 2", []byte("SELECT name\n-- produits \xe0 filtrer\nFROM products;\n"), "Latin-1 or Windows-1252", 2},
		{"one null byte in UTF-8 is left to Python", []byte("x = 1\x00\n"), "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			guess, line := encodingOf(tt.data)
			if guess != tt.guess || line != tt.line {
				t.Errorf("encodingOf = %q, line %d; want %q, line %d", guess, line, tt.guess, tt.line)
			}
		})
	}
}

// FuzzEncodingOf: learner files are anything; what is UTF-8 without a
// zero byte in every other place is never refused.
func FuzzEncodingOf(f *testing.F) {
	f.Add([]byte("x = 1\n"))
	f.Add(utf16LE("x = 1\n", true))
	f.Add([]byte("\xe0\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		guess, line := encodingOf(data)
		if guess == "" && line != 0 {
			t.Fatalf("line %d for UTF-8", line)
		}
		if utf8.Valid(data) && !bytes.ContainsRune(data, 0) && guess != "" {
			t.Fatalf("UTF-8 without null bytes taken for %s", guess)
		}
		if !utf8.Valid(data) && guess == "" {
			t.Fatal("a file that is not UTF-8 taken for UTF-8")
		}
	})
}
