// Package bank loads an exercise bank: sections and exercises laid out as
// directories with TOML metadata, from the embedded bank or one on disk.
package bank

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Format is the version of exercise.toml this build understands.
const Format = 1

// Difficulties are the accepted values of exercise.toml's difficulty.
var Difficulties = []string{"easy", "medium", "hard"}

// Bank is a loaded exercise bank. Its files are read through FS, which is
// either the embedded bank or a safefs.FS of a bank on disk, so that no
// link in a bank from someone else leads drill out of it.
type Bank struct {
	FS       fs.FS
	Sections []*Section
}

// Section is a group of exercises, in order.
type Section struct {
	ID        string // "python-basics"
	Dir       string // "01-python-basics"
	Title     string
	Exercises []*Exercise
}

// Exercise is one exercise's metadata and where its files live.
type Exercise struct {
	ID      string // "python-basics/variables"
	Section *Section
	Dir     string // "01-python-basics/01-variables", within the bank's FS
	Title   string
	Runtime string
	// Services are the servers the exercise's sandbox starts (exercise.toml's
	// optional services), as listed: "postgres", "redis".
	Services   []string
	Difficulty string
	TimeLimit  time.Duration
	Files      []string // learner-editable files, relative to the exercise
	Hints      []string
	// Wrong names the known-wrong solutions, wrong/NAME/: common mistakes
	// the tests must catch.
	Wrong []string
}

// Options says what a bank may refer to.
type Options struct {
	// Runtimes are the sandbox runtimes an exercise may name; Services the
	// servers it may ask for.
	Runtimes, Services []string
}

var orderedName = regexp.MustCompile(`^([0-9]+)-([a-z0-9][a-z0-9-]*)$`)

// Load reads and checks every section and exercise of the bank in fsys.
// All problems found are returned together, each an *Error naming the file
// and, where there is one, the key; the bank returned with them holds the
// exercises that are sound, so that validate can go on with those.
func Load(fsys fs.FS, opts Options) (*Bank, error) {
	b := &Bank{FS: fsys}
	dirs, errs, err := orderedDirs(fsys, ".")
	if err != nil {
		return nil, &Error{File: ".", Err: err}
	}
	if len(dirs) == 0 {
		return nil, &Error{File: ".", Err: errors.New("no sections (directories named like 01-python-basics)")}
	}
	seen := map[string]string{}
	for _, d := range dirs {
		s, serrs := loadSection(fsys, d, opts)
		errs = append(errs, serrs...)
		if s == nil {
			continue
		}
		for _, e := range s.Exercises {
			if prev, dup := seen[e.ID]; dup {
				errs = append(errs, &Error{File: e.Dir, Err: fmt.Errorf("exercise id %q is also used by %s", e.ID, prev)})
			}
			seen[e.ID] = e.Dir
		}
		b.Sections = append(b.Sections, s)
	}
	return b, errors.Join(errs...)
}

// orderedDir is a directory named NN-name.
type orderedDir struct {
	path  string
	name  string
	order int
}

// orderedDirs lists the directories named NN-name in dir, in order. An
// entry so named that is a link or a special file is a problem: drill
// would otherwise pass over a section or an exercise without a word.
func orderedDirs(fsys fs.FS, dir string) ([]orderedDir, []error, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, nil, err
	}
	var out []orderedDir
	var problems []error
	for _, ent := range entries {
		m := orderedName.FindStringSubmatch(ent.Name())
		if m == nil || ent.Type().IsRegular() {
			continue
		}
		if !ent.IsDir() {
			problems = append(problems, kindProblem(path.Join(dir, ent.Name()), ent.Type()))
			continue
		}
		n, _ := strconv.Atoi(m[1])
		out = append(out, orderedDir{path: path.Join(dir, ent.Name()), name: m[2], order: n})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].order != out[j].order {
			return out[i].order < out[j].order
		}
		return out[i].path < out[j].path
	})
	return out, problems, nil
}

// All returns every exercise in bank order.
func (b *Bank) All() []*Exercise {
	var out []*Exercise
	for _, s := range b.Sections {
		out = append(out, s.Exercises...)
	}
	return out
}

// ErrUnknownExercise is wrapped by Exercise when no exercise has the id.
var ErrUnknownExercise = errors.New("unknown exercise")

// Exercise finds an exercise by its id.
func (b *Bank) Exercise(id string) (*Exercise, error) {
	id = strings.Trim(id, "/")
	for _, e := range b.All() {
		if e.ID == id {
			return e, nil
		}
	}
	var near []string
	for _, e := range b.All() {
		if strings.Contains(e.ID, id) || strings.HasSuffix(e.ID, "/"+path.Base(id)) {
			near = append(near, e.ID)
		}
	}
	if len(near) > 0 {
		return nil, fmt.Errorf("%w %q (did you mean %s?)", ErrUnknownExercise, id, strings.Join(near, ", "))
	}
	return nil, fmt.Errorf("%w %q (drill list shows them all)", ErrUnknownExercise, id)
}

// ByDir finds the exercise whose directory, relative to a workspace or bank
// root, is dir or contains it.
func (b *Bank) ByDir(dir string) (*Exercise, bool) {
	dir = path.Clean(dir)
	for _, e := range b.All() {
		if dir == e.Dir || strings.HasPrefix(dir, e.Dir+"/") {
			return e, true
		}
	}
	return nil, false
}

// Error is a problem with a bank file, naming the file and, when the
// problem is one key's value, the key.
type Error struct {
	File string
	Key  string
	Err  error
}

func (e *Error) Error() string {
	if e.Key != "" {
		return fmt.Sprintf("%s: %s: %v", e.File, e.Key, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }
