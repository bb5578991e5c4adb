// Package wire is the contract between drill and the harness in its
// sandbox (sandbox/harness): every byte that crosses, in one place.
//
// drill to the sandbox, on its standard input:
//
//	WatchdogLine       "WALL CPU\n", read by the watchdog (root), not the harness
//	Header.Line        one JSON line: each job's spec, limits and archive size
//	archives           each job's tar archive, Entry.Size bytes, in order
//
// The harness's batch parent to drill, on standard output: one Record line
// per job (ParseRecords). Inside each Record, Stdout is the job's results
// stream, JSON lines written by the job's judge (ParseStream):
//
//	{"collect": "tests/test_x.py"}      pytest begins to import a test file
//	{"collected": ["tests/test_x.py::test_a", ...]}   collection finished, in file order
//	{"start": "test_a"}                 a test begins
//	{"results": {...}}                  the Results document, last
//
// What comes back was written in a sandbox where learner code ran, so its
// parsers trust nothing: sizes and counts are bounded (the Max constants),
// an object may have only the keys its type names (exactly, in lower case;
// no key twice), required keys must be there, values must be among those
// the harness writes, and every error says which line and which field.
//
// Shared fixtures in sandbox/harness/testdata/wire are the same messages,
// read by this package's tests and by the harness's.
//
// The package depends on nothing of drill's: sandbox and grade use it.
package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Bounds on what the harness may send. A message past one is an error.
const (
	// MaxStreamBytes is the most of a job's results stream read (drill's
	// sandbox keeps 4 MiB).
	MaxStreamBytes = 8 << 20
	// MaxRecordBytes is the longest record line: a job's two streams in
	// base64, and its figures.
	MaxRecordBytes = 16 << 20
	// MaxTests is the most tests a document or a collection may hold.
	MaxTests = 10_000
	// MaxNameBytes bounds a test's name, id or file (pytest's ids of
	// parameters can be long, but not this long).
	MaxNameBytes = 16 << 10
	// MaxTextBytes bounds a message or a test's output (the harness clips
	// both to 4096 characters and a marker).
	MaxTextBytes = 256 << 10
	// maxDepth is the deepest nesting of arrays and objects allowed: the
	// deepest message (a stream line, its document, its tests, a test) is 4.
	maxDepth = 8
)

// decodeStrict decodes data, one JSON object, into v, which must be a
// pointer to a struct whose fields all have lower-case json tags. Every
// object in data may hold only keys of [a-z0-9_] (so that encoding/json's
// case-insensitive matching of keys matches exactly), none twice, and
// only those v names; required are the keys the top-level object must
// have; nothing may follow the value. It returns the keys of the
// top-level object.
func decodeStrict(data []byte, v any, required ...string) (map[string]bool, error) {
	keys, err := checkKeys(data)
	if err != nil {
		return nil, err
	}
	if keys == nil {
		return nil, errors.New("not a JSON object")
	}
	for _, k := range required {
		if !keys[k] {
			return nil, fmt.Errorf("no %q", k)
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return nil, plainJSONError(err)
	}
	return keys, nil
}

// plainJSONError is err without encoding/json's "json: " prefix, which says
// nothing to someone reading drill's message.
func plainJSONError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return fmt.Errorf("%s is %s, not %s", te.Field, te.Value, te.Type)
	}
	msg, ok := bytes.CutPrefix([]byte(err.Error()), []byte("json: "))
	if !ok {
		return err
	}
	return errors.New(string(msg))
}

// checkKeys checks the shape of data, one JSON value (see decodeStrict),
// and returns the keys of its top-level object (nil if it is no object).
func checkKeys(data []byte) (map[string]bool, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // numbers are only skipped here; as float64 a huge one would be an error
	keys, err := checkValue(dec, 0)
	if err != nil {
		return nil, notJSON(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("more after the JSON value")
	}
	return keys, nil
}

// notJSON words the decoder's errors of syntax for a reader of drill's
// messages.
func notJSON(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("not JSON at byte %d: %v", se.Offset, plainJSONError(err))
	}
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return errors.New("JSON cut short")
	}
	return err
}

// checkValue reads one value from dec and checks the keys of every object
// in it; for an object, it returns its keys.
func checkValue(dec *json.Decoder, depth int) (map[string]bool, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	delim, ok := tok.(json.Delim)
	if !ok {
		return nil, nil
	}
	if depth >= maxDepth {
		return nil, fmt.Errorf("nested more than %d deep", maxDepth)
	}
	var keys map[string]bool
	if delim == '{' {
		keys = map[string]bool{}
	}
	for dec.More() {
		if keys != nil {
			tok, err := dec.Token()
			if err != nil {
				return nil, err
			}
			key, _ := tok.(string)
			if !plainKey(key) {
				return nil, fmt.Errorf("unknown field %.40q", key)
			}
			if keys[key] {
				return nil, fmt.Errorf("field %q twice", key)
			}
			keys[key] = true
		}
		if _, err := checkValue(dec, depth+1); err != nil {
			return nil, err
		}
	}
	if _, err := dec.Token(); err != nil { // the closing ] or }
		return nil, err
	}
	return keys, nil
}

// plainKey says whether key is made of [a-z0-9_], as every key of the wire
// format is.
func plainKey(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// checkText is nil if s, the field named what, is at most limit bytes.
func checkText(what, s string, limit int) error {
	if len(s) > limit {
		return fmt.Errorf("%s is %d bytes, more than %d", what, len(s), limit)
	}
	return nil
}

// checkName is nil if s, the field named what, is a name: not empty, at
// most MaxNameBytes.
func checkName(what, s string) error {
	if s == "" {
		return fmt.Errorf("%s is empty", what)
	}
	return checkText(what, s, MaxNameBytes)
}

// lines calls fn with each line of data and its number (from 1), without
// the newline; a last line without one counts. It stops at fn's first
// error, which it returns with the line's number.
func lines(data []byte, fn func(n int, line []byte) error) error {
	for n := 1; len(data) > 0; n++ {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		data = rest
		if err := fn(n, line); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return nil
}
