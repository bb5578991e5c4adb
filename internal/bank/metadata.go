package bank

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/drill-dev/drill/internal/safefs"
)

// errMissing is a file or key that is not there.
var errMissing = errors.New("missing")

// The most drill reads of a bank's file, in bytes: a bank from someone
// else must not make drill read without end (a link to /dev/zero is
// refused as a link; a huge file is refused by its size).
const (
	MaxMetadata = 64 << 10 // exercise.toml, section.toml
	MaxFile     = 4 << 20  // any other file: README, starter, tests, ...
)

func maxSize(name string) int64 {
	if base := path.Base(name); base == "exercise.toml" || base == "section.toml" {
		return MaxMetadata
	}
	return MaxFile
}

// readFile reads a bank file of at most max bytes; what stops it is an
// *Error naming the file (or the link on the way to it).
func readFile(fsys fs.FS, name string, max int64) ([]byte, error) {
	data, err := safefs.ReadFile(fsys, name, max)
	if err != nil {
		return nil, fileError(name, err)
	}
	return data, nil
}

// fileError is an *Error for what stopped drill reading the bank file name.
func fileError(name string, err error) error {
	var ke *safefs.KindError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &Error{File: name, Err: errMissing}
	case errors.As(err, &ke):
		return kindProblem(ke.Path, ke.Mode)
	case errors.Is(err, safefs.ErrTooLarge):
		return tooLarge(name, maxSize(name))
	}
	return &Error{File: name, Err: err}
}

func kindProblem(name string, mode fs.FileMode) error {
	return &Error{File: name, Err: fmt.Errorf("%s; a bank holds only regular files and directories", safefs.Describe(mode))}
}

func tooLarge(name string, max int64) error {
	return &Error{File: name, Err: fmt.Errorf("larger than %d KiB, the most drill reads of a bank's file", max>>10)}
}

// sectionFile is section.toml.
type sectionFile struct {
	Title   string `toml:"title"`
	Summary string `toml:"summary"` // for the bank's readers; drill shows the title
}

// exerciseFile is exercise.toml.
type exerciseFile struct {
	Format     int      `toml:"format"`
	Title      string   `toml:"title"`
	Runtime    string   `toml:"runtime"`
	Difficulty string   `toml:"difficulty"`
	TimeLimit  string   `toml:"time_limit"`
	Files      []string `toml:"files"`
	Hints      []string `toml:"hints"`
	Services   []string `toml:"services"` // optional
}

// decodeStrict decodes a TOML file into v; a key v has no field for is an
// error, as is any of the required keys missing. parsed is false when the
// file could not be read into v at all.
func decodeStrict(fsys fs.FS, file string, v any, required ...string) (errs []error, parsed bool) {
	data, err := readFile(fsys, file, MaxMetadata)
	if err != nil {
		return []error{err}, false
	}
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(v)
	if err != nil {
		return []error{decodeError(file, err)}, false
	}
	for _, k := range md.Undecoded() {
		errs = append(errs, &Error{File: file, Key: k.String(), Err: errors.New("unknown key")})
	}
	for _, k := range required {
		if !md.IsDefined(k) {
			errs = append(errs, &Error{File: file, Key: k, Err: errMissing})
		}
	}
	return errs, true
}

// decodeError is an *Error for a TOML file that could not be read into its
// fields: a value of the wrong type names its key and says, in an author's
// words, what it is and what it must be; other errors are the TOML
// parser's, which name the line.
func decodeError(file string, err error) error {
	// BurntSushi/toml says a value has the wrong type in an error of text
	// alone.
	if m := typeMismatch.FindStringSubmatch(err.Error()); m != nil {
		return &Error{File: file, Key: m[2], Err: fmt.Errorf("line %s: the value is %s; it must be %s", m[1], typeWords(m[3], false), typeWords(m[4], true))}
	}
	return &Error{File: file, Err: err}
}

var typeMismatch = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]+)"\): incompatible types: TOML value has type (\S+); destination has type (\S+)$`)

// typeWords names a TOML value's or a field's type as an author would,
// with an example if asked.
func typeWords(t string, example bool) string {
	words, eg := "of type "+t, ""
	switch {
	case t == "string":
		words, eg = "a string", `"text"`
	case t == "slice" || strings.HasPrefix(t, "[]"):
		words, eg = "a list", `["a", "b"]`
	case t == "integer" || strings.HasPrefix(t, "int"):
		words, eg = "a whole number", "1"
	case strings.HasPrefix(t, "float"):
		words, eg = "a number with a decimal point", "1.5"
	case t == "bool":
		words, eg = "true or false", "true"
	case strings.HasPrefix(t, "map"):
		words = "a table"
	}
	if example && eg != "" {
		return words + ", such as " + eg
	}
	return words
}

func loadSection(fsys fs.FS, d orderedDir, opts Options) (*Section, []error) {
	file := path.Join(d.path, "section.toml")
	var sf sectionFile
	errs, _ := decodeStrict(fsys, file, &sf, "title")
	s := &Section{ID: d.name, Dir: d.path, Title: sf.Title}
	if len(errs) == 0 && strings.TrimSpace(sf.Title) == "" {
		errs = append(errs, &Error{File: file, Key: "title", Err: errors.New("empty")})
	}
	dirs, problems, err := orderedDirs(fsys, d.path)
	if err != nil {
		return nil, append(errs, &Error{File: d.path, Err: err})
	}
	errs = append(errs, problems...)
	if len(dirs) == 0 {
		errs = append(errs, &Error{File: d.path, Err: errors.New("no exercises (directories named like 01-variables)")})
	}
	for _, ed := range dirs {
		e, eerrs := loadExercise(fsys, s, ed, opts)
		errs = append(errs, eerrs...)
		if e != nil {
			s.Exercises = append(s.Exercises, e)
		}
	}
	return s, errs
}

func loadExercise(fsys fs.FS, s *Section, d orderedDir, opts Options) (*Exercise, []error) {
	// A link or a special file anywhere in the exercise is refused before
	// anything of it is read; its other problems can wait until it is gone.
	if errs := checkTree(fsys, d.path); len(errs) > 0 {
		return nil, errs
	}
	file := path.Join(d.path, "exercise.toml")
	var ef exerciseFile
	errs, parsed := decodeStrict(fsys, file, &ef, "format", "title", "runtime", "difficulty", "time_limit", "files", "hints")
	// A missing key has been reported; checking its empty value would only
	// repeat that.
	if !parsed || hasMissingKey(errs) {
		return nil, errs
	}
	bad := func(key, format string, args ...any) {
		errs = append(errs, &Error{File: file, Key: key, Err: fmt.Errorf(format, args...)})
	}
	if ef.Format != Format {
		bad("format", "version %d is not supported (this drill reads version %d)", ef.Format, Format)
	}
	if strings.TrimSpace(ef.Title) == "" {
		bad("title", "empty")
	}
	if !slices.Contains(opts.Runtimes, ef.Runtime) {
		bad("runtime", "unknown runtime %q (known: %s)", ef.Runtime, strings.Join(opts.Runtimes, ", "))
	}
	for i, name := range ef.Services {
		key := fmt.Sprintf("services[%d]", i)
		switch {
		case !slices.Contains(opts.Services, name):
			bad(key, "unknown service %q (known: %s)", name, strings.Join(opts.Services, ", "))
		case slices.Contains(ef.Services[:i], name):
			bad(key, "%q is listed twice", name)
		}
	}
	if !slices.Contains(Difficulties, ef.Difficulty) {
		bad("difficulty", "%q is not one of %s", ef.Difficulty, strings.Join(Difficulties, ", "))
	}
	limit, err := time.ParseDuration(ef.TimeLimit)
	switch {
	case err != nil:
		bad("time_limit", "%q is not a duration such as \"10s\"", ef.TimeLimit)
	case limit < time.Second || limit > 10*time.Minute:
		bad("time_limit", "%s is outside 1s to 10m", limit)
	}
	if len(ef.Hints) < 2 {
		bad("hints", "at least 2 hints are needed, found %d", len(ef.Hints))
	}
	for i, h := range ef.Hints {
		if strings.TrimSpace(h) == "" {
			bad(fmt.Sprintf("hints[%d]", i), "empty")
		}
	}
	if len(ef.Files) == 0 {
		bad("files", "no learner-editable files listed")
	}
	for i, f := range ef.Files {
		key := fmt.Sprintf("files[%d]", i)
		if slices.Contains(ef.Files[:i], f) {
			bad(key, "%q is listed twice", f)
			continue
		}
		if !fs.ValidPath(f) || f == "." || path.Clean(f) != f {
			bad(key, "%q is not a clean relative path", f)
			continue
		}
		if f == "tests" || strings.HasPrefix(f, "tests/") || f == "README.md" {
			bad(key, "%q is reserved for drill", f)
			continue
		}
		for _, dir := range []string{"starter", "solution"} {
			if !isFile(fsys, path.Join(d.path, dir, f)) {
				bad(key, "%s is missing from %s/", f, dir)
			}
		}
	}
	if readme := path.Join(d.path, "README.md"); !isFile(fsys, readme) {
		errs = append(errs, &Error{File: readme, Err: errMissing})
	}
	wrong, werrs := loadWrong(fsys, d.path, ef.Files)
	errs = append(errs, werrs...)
	if tests, _ := fs.Glob(fsys, path.Join(d.path, "tests", "*.py")); !slices.ContainsFunc(tests, IsTestFile) {
		errs = append(errs, &Error{File: path.Join(d.path, "tests"), Err: errors.New("no test files (tests/test_*.py or tests/*_test.py)")})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return &Exercise{
		ID:         s.ID + "/" + d.name,
		Section:    s,
		Dir:        d.path,
		Title:      ef.Title,
		Runtime:    ef.Runtime,
		Services:   ef.Services,
		Difficulty: ef.Difficulty,
		TimeLimit:  limit,
		Files:      ef.Files,
		Hints:      ef.Hints,
		Wrong:      wrong,
	}, nil
}

// loadWrong finds the known-wrong solutions, wrong/NAME/: each holds some
// of the editable files and nothing else; there must be at least one.
func loadWrong(fsys fs.FS, dir string, files []string) ([]string, []error) {
	wdir := path.Join(dir, "wrong")
	entries, err := fs.ReadDir(fsys, wdir)
	if err != nil || len(entries) == 0 {
		return nil, []error{&Error{File: wdir, Err: errors.New("no known-wrong solutions: add at least one wrong/NAME/ with a common mistake")}}
	}
	var names []string
	var errs []error
	for _, ent := range entries {
		p := path.Join(wdir, ent.Name())
		if !ent.IsDir() {
			errs = append(errs, &Error{File: p, Err: errors.New("not a directory (wrong/NAME/ holds one wrong solution)")})
			continue
		}
		n := 0
		err := fs.WalkDir(fsys, p, func(f string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel := strings.TrimPrefix(f, p+"/")
			if !slices.Contains(files, rel) {
				errs = append(errs, &Error{File: f, Err: errors.New("not one of the exercise's files")})
			}
			n++
			return nil
		})
		if err != nil {
			errs = append(errs, &Error{File: p, Err: err})
		}
		if n == 0 {
			errs = append(errs, &Error{File: p, Err: errors.New("empty")})
		}
		names = append(names, ent.Name())
	}
	return names, errs
}

// checkTree walks an exercise directory for what drill cannot or will not
// read: names that are not UTF-8 (Go's file systems, and so drill, cannot
// open them), links and special files (a bank holds only regular files
// and directories; a link could lead anywhere on the machine that reads
// the bank), and files larger than drill reads of a bank. __pycache__ is
// never read.
func checkTree(fsys fs.FS, dir string) []error {
	var errs []error
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, fileError(p, err))
			return nil
		}
		if !utf8.ValidString(d.Name()) {
			errs = append(errs, &Error{File: strings.ToValidUTF8(p, "?"), Err: fmt.Errorf("the name %q is not UTF-8: rename it", d.Name())})
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir() && d.Name() == "__pycache__":
			return fs.SkipDir
		case d.IsDir():
			return nil
		case !d.Type().IsRegular():
			errs = append(errs, kindProblem(p, d.Type()))
			return nil
		}
		info, err := d.Info()
		if err != nil {
			errs = append(errs, fileError(p, err))
			return nil
		}
		if max := maxSize(p); info.Size() > max {
			errs = append(errs, tooLarge(p, max))
		}
		return nil
	})
	if err != nil {
		errs = append(errs, fileError(dir, err))
	}
	return errs
}

func hasMissingKey(errs []error) bool {
	for _, err := range errs {
		if e, ok := err.(*Error); ok && e.Key != "" && e.Err == errMissing {
			return true
		}
	}
	return false
}

func isFile(fsys fs.FS, name string) bool {
	st, err := fs.Stat(fsys, name)
	return err == nil && st.Mode().IsRegular()
}

// IsTestFile says whether a file of an exercise's tests/ holds tests, by
// pytest's default python_files: test_*.py and *_test.py. Other files there
// are support files (conftest.py, helper modules, data).
func IsTestFile(p string) bool {
	base := path.Base(p)
	return strings.HasSuffix(base, ".py") && (strings.HasPrefix(base, "test_") || strings.HasSuffix(base, "_test.py"))
}
