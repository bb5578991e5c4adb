package bank

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Marker marks each place of a scaffold that the author must write.
// validate rejects an exercise that still holds one, so a scaffold cannot
// pass for a finished exercise.
const Marker = "TODO(author)"

// Placement is where a new exercise goes in a bank.
type Placement struct {
	ID         string // "sql/joins"
	SectionDir string // "04-sql"
	// NewSection: the section does not exist yet, and gets a section.toml.
	NewSection bool
	Dir        string // "04-sql/06-joins"
}

// Place decides where the exercise id goes in the bank in fsys. Each part
// of "section/exercise" may carry its number ("04-sql/06-joins"); without
// one, an exercise goes after the last of its section, and a new section
// after the last section. An existing section is found by name.
func Place(fsys fs.FS, id string) (Placement, error) {
	bad := func(format string, args ...any) (Placement, error) {
		return Placement{}, &Error{File: id, Err: fmt.Errorf(format, args...)}
	}
	secPart, exPart, ok := strings.Cut(strings.Trim(id, "/"), "/")
	if !ok || strings.Contains(exPart, "/") {
		return bad("give the new exercise as SECTION/EXERCISE, for example sql/joins")
	}
	secNum, secName, err := splitOrdered(secPart)
	if err != nil {
		return bad("%v", err)
	}
	exNum, exName, err := splitOrdered(exPart)
	if err != nil {
		return bad("%v", err)
	}
	sections, _, err := orderedDirs(fsys, ".")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return Placement{}, err
	}
	p := Placement{ID: secName + "/" + exName}
	if i := slices.IndexFunc(sections, func(d orderedDir) bool { return d.name == secName }); i >= 0 {
		p.SectionDir = sections[i].path
		if secNum != "" && prefix(sections[i].path) != secNum {
			return bad("section %s is %s, not number %s", secName, sections[i].path, secNum)
		}
	} else {
		if secNum, err = number(secNum, sections); err != nil {
			return bad("%v", err)
		}
		p.SectionDir, p.NewSection = secNum+"-"+secName, true
	}
	var exercises []orderedDir
	if !p.NewSection {
		if exercises, _, err = orderedDirs(fsys, p.SectionDir); err != nil {
			return Placement{}, err
		}
	}
	if i := slices.IndexFunc(exercises, func(d orderedDir) bool { return d.name == exName }); i >= 0 {
		return bad("exercise %s already exists in %s", p.ID, exercises[i].path)
	}
	if exNum, err = number(exNum, exercises); err != nil {
		return bad("%v", err)
	}
	p.Dir = path.Join(p.SectionDir, exNum+"-"+exName)
	return p, nil
}

// splitOrdered splits "06-joins" into "06" and "joins", and takes "joins"
// as it is.
func splitOrdered(part string) (num, name string, err error) {
	if m := orderedName.FindStringSubmatch(part); m != nil {
		return m[1], m[2], nil
	}
	if orderedName.MatchString("1-" + part) {
		return "", part, nil
	}
	return "", "", fmt.Errorf("%q is not a name of lower-case letters, digits and dashes, such as sql or 06-joins", part)
}

// number is num, checked to be free among dirs, or else the number after
// the last of them, as wide as theirs.
func number(num string, dirs []orderedDir) (string, error) {
	if num != "" {
		for _, d := range dirs {
			if prefix(d.path) == num {
				return "", fmt.Errorf("number %s is taken by %s", num, d.path)
			}
		}
		return num, nil
	}
	if len(dirs) == 0 {
		return "01", nil
	}
	last := dirs[len(dirs)-1]
	width := len(prefix(last.path))
	return fmt.Sprintf("%0*d", width, last.order+1), nil
}

// prefix is the number of a directory named NN-name.
func prefix(dir string) string {
	num, _, _ := strings.Cut(path.Base(dir), "-")
	return num
}

// Scaffold returns the files of a new exercise at p, paths relative to the
// bank: a small exercise of the runtime that works (its starter fails, its
// solution passes, its known-wrong solution fails), with Marker at every
// part the author replaces with their own. A new section gets a
// section.toml titled after its name.
func Scaffold(p Placement, runtime string) ([]File, error) {
	root := path.Join("scaffolds", runtime)
	if _, err := fs.Stat(scaffolds, root); err != nil {
		return nil, fmt.Errorf("no scaffold for runtime %q", runtime)
	}
	_, exName, _ := strings.Cut(p.ID, "/")
	module := moduleName(exName)
	r := strings.NewReplacer(scaffoldModule, module, scaffoldClass, className(module))
	var files []File
	if p.NewSection {
		secName, _, _ := strings.Cut(p.ID, "/")
		files = append(files, File{
			Path: path.Join(p.SectionDir, "section.toml"),
			Data: []byte("title = " + strconv.Quote(titleOf(secName)) + "\nsummary = \"\"\n"),
		})
	}
	err := fs.WalkDir(scaffolds, root, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(scaffolds, name)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(name, root+"/")
		files = append(files, File{Path: path.Join(p.Dir, r.Replace(rel)), Data: []byte(r.Replace(string(data)))})
		return nil
	})
	return files, err
}

// reserved names cannot be a learner's module: Python keywords, what the
// sandbox and Django put on the import path, and standard modules that an
// exercise's file of the same name would hide from the tests.
var reserved = []string{
	"and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
	"except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
	"not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
	"tests", "project", "conftest", "drillkit", "pytest", "django", "rest_framework",
	"admin", "auth", "contenttypes", "sessions", "messages", "staticfiles",
	"abc", "array", "ast", "bisect", "calendar", "code", "collections", "copy", "csv", "dataclasses",
	"datetime", "decimal", "email", "enum", "functools", "glob", "hashlib", "heapq", "html", "http",
	"inspect", "io", "itertools", "json", "logging", "math", "operator", "os", "pathlib", "queue",
	"random", "re", "secrets", "select", "shutil", "signal", "socket", "sqlite3", "statistics",
	"string", "struct", "sys", "tempfile", "time", "token", "types", "typing", "unittest", "urllib",
	"uuid",
}

// moduleName is the Python module (and Django app) an exercise's file is
// named after: its name with dashes as underscores, prefixed where that
// would not import or would hide another module.
func moduleName(name string) string {
	m := strings.ReplaceAll(name, "-", "_")
	if m[0] >= '0' && m[0] <= '9' || slices.Contains(reserved, m) {
		m = "ex_" + m
	}
	return m
}

// className is a module name as a class name: books_api -> BooksApi.
func className(module string) string {
	var b strings.Builder
	for _, part := range strings.Split(module, "_") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// titleOf makes a title of a name: web-security -> Web security.
func titleOf(name string) string {
	t := strings.ReplaceAll(name, "-", " ")
	return strings.ToUpper(t[:1]) + t[1:]
}

// scaffolds holds each runtime's example exercise, scaffolds/RUNTIME/, as
// real files that editors and linters read: its module is scaffold_module
// (ScaffoldModule as a class name), in file names and text alike, which
// Scaffold renames after the exercise.
//
//go:embed all:scaffolds
var scaffolds embed.FS

// Names in the scaffolds that Scaffold replaces with the exercise's own.
const (
	scaffoldModule = "scaffold_module"
	scaffoldClass  = "ScaffoldModule"
)
