package bank

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

var opts = Options{Runtimes: []string{"python", "django"}, Services: []string{"postgres", "redis"}}

const goodTOML = `format = 1
title = "Variables"
runtime = "python"
difficulty = "easy"
time_limit = "10s"
files = ["variables.py"]
hints = ["first", "second"]
`

// goodBank is a valid two-exercise bank; tests break one thing at a time.
func goodBank() fstest.MapFS {
	ex := func(dir string) fstest.MapFS {
		return fstest.MapFS{
			dir + "/exercise.toml":           {Data: []byte(goodTOML)},
			dir + "/README.md":               {Data: []byte("# Task")},
			dir + "/starter/variables.py":    {Data: []byte("x = None\n")},
			dir + "/solution/variables.py":   {Data: []byte("x = 1\n")},
			dir + "/tests/test_variables.py": {Data: []byte("def test_x(): pass\n")},
			dir + "/wrong/zero/variables.py": {Data: []byte("x = 0\n")},
		}
	}
	fsys := fstest.MapFS{"01-basics/section.toml": {Data: []byte(`title = "Basics"`)}}
	for _, part := range []fstest.MapFS{ex("01-basics/02-variables"), ex("01-basics/10-more")} {
		for k, v := range part {
			fsys[k] = v
		}
	}
	return fsys
}

func TestLoadGoodBank(t *testing.T) {
	b, err := Load(goodBank(), opts)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range b.All() {
		ids = append(ids, e.ID)
	}
	if got, want := strings.Join(ids, ","), "basics/variables,basics/more"; got != want {
		t.Errorf("ids in order = %s, want %s (numeric order, not lexical)", got, want)
	}
	e, err := b.Exercise("basics/more")
	if err != nil {
		t.Fatal(err)
	}
	if e.TimeLimit.Seconds() != 10 || e.Runtime != "python" || len(e.Hints) != 2 || e.Section.Title != "Basics" || len(e.Wrong) != 1 {
		t.Errorf("exercise loaded as %+v", e)
	}
	if _, err := b.Exercise("basics/nope"); !errors.Is(err, ErrUnknownExercise) {
		t.Errorf("unknown id: err = %v", err)
	}
	if ex, ok := b.ByDir("01-basics/10-more/sub"); !ok || ex.ID != "basics/more" {
		t.Errorf("ByDir = %v, %v", ex, ok)
	}
}

func TestLoadErrors(t *testing.T) {
	const toml = "01-basics/02-variables/exercise.toml"
	replace := func(old, new string) func(fstest.MapFS) {
		return func(fsys fstest.MapFS) {
			fsys[toml] = &fstest.MapFile{Data: []byte(strings.Replace(goodTOML, old, new, 1))}
		}
	}
	tests := []struct {
		name   string
		break_ func(fstest.MapFS)
		want   string // file and key, as the message must name them
	}{
		{"unknown key", replace("format = 1", "format = 1\ncolour = \"red\""), toml + ": colour: unknown key"},
		{"missing field", replace(`title = "Variables"`, ""), toml + ": title: missing"},
		{"bad duration", replace(`"10s"`, `"ten seconds"`), toml + ": time_limit: \"ten seconds\" is not a duration"},
		{"duration out of range", replace(`"10s"`, `"2h"`), toml + ": time_limit: 2h0m0s is outside"},
		{"unknown runtime", replace(`"python"`, `"ruby"`), toml + `: runtime: unknown runtime "ruby"`},
		{"bad difficulty", replace(`"easy"`, `"trivial"`), toml + `: difficulty: "trivial" is not one of`},
		{"unsupported format", replace("format = 1", "format = 2"), toml + ": format: version 2 is not supported"},
		{"too few hints", replace(`["first", "second"]`, `["only"]`), toml + ": hints: at least 2 hints"},
		{"wrong type", replace(`time_limit = "10s"`, `time_limit = 10`), toml + ": time_limit: line 5: the value is a whole number; it must be a string, such as \"text\""},
		{"a string for a list", replace(`files = ["variables.py"]`, `files = "variables.py"`), toml + `: files: line 6: the value is a string; it must be a list, such as ["a", "b"]`},
		{"a list for a string", replace(`runtime = "python"`, `runtime = ["python"]`), toml + `: runtime: line 3: the value is a list; it must be a string, such as "text"`},
		{"syntax error", replace(`title = "Variables"`, `title = "Variables`), toml + ": toml: line 2"},
		{"unclean path", replace(`["variables.py"]`, `["../escape.py"]`), toml + `: files[0]: "../escape.py" is not a clean relative path`},
		{"reserved path", replace(`["variables.py"]`, `["tests/x.py"]`), toml + `: files[0]: "tests/x.py" is reserved`},
		{"missing starter file", func(f fstest.MapFS) { delete(f, "01-basics/02-variables/starter/variables.py") },
			toml + ": files[0]: variables.py is missing from starter/"},
		{"missing solution file", func(f fstest.MapFS) { delete(f, "01-basics/02-variables/solution/variables.py") },
			toml + ": files[0]: variables.py is missing from solution/"},
		{"missing exercise.toml", func(f fstest.MapFS) { delete(f, toml) }, toml + ": missing"},
		{"missing README", func(f fstest.MapFS) { delete(f, "01-basics/02-variables/README.md") },
			"01-basics/02-variables/README.md: missing"},
		{"no tests", func(f fstest.MapFS) { delete(f, "01-basics/02-variables/tests/test_variables.py") },
			"01-basics/02-variables/tests: no test files"},
		{"no wrong solution", func(f fstest.MapFS) { delete(f, "01-basics/02-variables/wrong/zero/variables.py") },
			"01-basics/02-variables/wrong: no known-wrong solutions"},
		{"stray file in a wrong solution", func(f fstest.MapFS) {
			f["01-basics/02-variables/wrong/zero/notes.txt"] = &fstest.MapFile{Data: []byte("x")}
		}, "01-basics/02-variables/wrong/zero/notes.txt: not one of the exercise's files"},
		{"missing section.toml", func(f fstest.MapFS) { delete(f, "01-basics/section.toml") }, "01-basics/section.toml: missing"},
		{"unknown section key", func(f fstest.MapFS) {
			f["01-basics/section.toml"] = &fstest.MapFile{Data: []byte("title = \"B\"\nauthor = \"x\"")}
		}, "01-basics/section.toml: author: unknown key"},
		{"duplicate id", func(f fstest.MapFS) {
			for k, v := range f {
				if strings.HasPrefix(k, "01-basics/10-more/") {
					f[strings.Replace(k, "10-more", "11-more", 1)] = v
				}
			}
		}, `01-basics/11-more: exercise id "basics/more" is also used by 01-basics/10-more`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := goodBank()
			tt.break_(fsys)
			_, err := Load(fsys, opts)
			if err == nil {
				t.Fatal("Load accepted a broken bank")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q\nwant it to contain %q", err, tt.want)
			}
			var be *Error
			if !errors.As(err, &be) {
				t.Errorf("error %T is not a *bank.Error", err)
			}
		})
	}
}

// Every field wrong in the ways a person gets it wrong: each is an error
// that names the file and the key.
func TestLoadEveryFieldWrong(t *testing.T) {
	const toml = "01-basics/02-variables/exercise.toml"
	tests := []struct{ old, new, want string }{
		{"format = 1", "", "format: missing"},
		{"format = 1", `format = "1"`, "format"},
		{"format = 1", "format = 0", "format: version 0 is not supported"},
		{"format = 1", "format = 1.5", "format"},
		{`title = "Variables"`, `title = ""`, "title: empty"},
		{`title = "Variables"`, `title = "   "`, "title: empty"},
		{`title = "Variables"`, `title = 3`, "title"},
		{`runtime = "python"`, `runtime = "Python"`, `runtime: unknown runtime "Python"`},
		{`runtime = "python"`, `runtime = ""`, `runtime: unknown runtime ""`},
		{`runtime = "python"`, `runtime = ["python"]`, "runtime"},
		{`runtime = "python"`, "runtime = \"python\"\nservices = [\"mongodb\"]", `services[0]: unknown service "mongodb" (known: postgres, redis)`},
		{`runtime = "python"`, "runtime = \"python\"\nservices = [\"redis\", \"Redis\"]", `services[1]: unknown service "Redis"`},
		{`runtime = "python"`, "runtime = \"python\"\nservices = [\"redis\", \"redis\"]", `services[1]: "redis" is listed twice`},
		{`runtime = "python"`, "runtime = \"python\"\nservices = \"redis\"", "services"},
		{`difficulty = "easy"`, `difficulty = "Easy"`, `difficulty: "Easy" is not one of easy, medium, hard`},
		{`difficulty = "easy"`, `difficulty = 1`, "difficulty"},
		{`time_limit = "10s"`, `time_limit = "10"`, `time_limit: "10" is not a duration`},
		{`time_limit = "10s"`, `time_limit = "-5s"`, "time_limit: -5s is outside 1s to 10m"},
		{`time_limit = "10s"`, `time_limit = "0s"`, "time_limit: 0s is outside"},
		{`time_limit = "10s"`, `time_limit = "500ms"`, "time_limit: 500ms is outside"},
		{`time_limit = "10s"`, `time_limit = "11m"`, "time_limit: 11m0s is outside"},
		{`time_limit = "10s"`, `time_limit = ""`, `time_limit: "" is not a duration`},
		{`files = ["variables.py"]`, `files = []`, "files: no learner-editable files"},
		{`files = ["variables.py"]`, `files = "variables.py"`, "files"},
		{`files = ["variables.py"]`, `files = [1]`, "files"},
		{`files = ["variables.py"]`, `files = ["/etc/passwd"]`, `files[0]: "/etc/passwd" is not a clean relative path`},
		{`files = ["variables.py"]`, `files = ["./variables.py"]`, `files[0]: "./variables.py" is not a clean relative path`},
		{`files = ["variables.py"]`, `files = ["a/../variables.py"]`, `files[0]: "a/../variables.py" is not a clean relative path`},
		{`files = ["variables.py"]`, `files = ["lib/"]`, `files[0]: "lib/" is not a clean relative path`},
		{`files = ["variables.py"]`, `files = ["variables.py", "variables.py"]`, `files[1]: "variables.py" is listed twice`},
		{`files = ["variables.py"]`, `files = ["README.md"]`, `files[0]: "README.md" is reserved`},
		{`files = ["variables.py"]`, `files = ["other.py"]`, "files[0]: other.py is missing from starter/"},
		{`hints = ["first", "second"]`, `hints = []`, "hints: at least 2 hints are needed, found 0"},
		{`hints = ["first", "second"]`, `hints = ["first", ""]`, "hints[1]: empty"},
		{`hints = ["first", "second"]`, `hints = "first"`, "hints"},
		{`hints = ["first", "second"]`, `hints = [1, 2]`, "hints"},
		{`hints = ["first", "second"]`, `hint = ["first", "second"]`, "hint: unknown key"},
		{`time_limit = "10s"`, `time-limit = "10s"`, "time-limit: unknown key"},
		{"format = 1", "format = 1\n[extra]\nkey = 1", "extra.key: unknown key"},
	}
	for _, tt := range tests {
		t.Run(tt.new, func(t *testing.T) {
			fsys := goodBank()
			if !strings.Contains(goodTOML, tt.old) {
				t.Fatalf("%q is not in the good exercise.toml", tt.old)
			}
			fsys[toml] = &fstest.MapFile{Data: []byte(strings.Replace(goodTOML, tt.old, tt.new, 1))}
			_, err := Load(fsys, opts)
			if err == nil || !strings.Contains(err.Error(), toml+": ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v\nwant it to name %s and contain %q", err, toml, tt.want)
			}
		})
	}
}

func TestLoadReportsEveryProblem(t *testing.T) {
	fsys := goodBank()
	fsys["01-basics/02-variables/exercise.toml"] = &fstest.MapFile{Data: []byte(strings.NewReplacer(`"10s"`, `"x"`, `"python"`, `"ruby"`).Replace(goodTOML))}
	_, err := Load(fsys, opts)
	for _, want := range []string{"time_limit", "runtime"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not mention %s", err, want)
		}
	}
}

func TestEmptyBank(t *testing.T) {
	if _, err := Load(fstest.MapFS{"README.md": {}}, opts); err == nil || !strings.Contains(err.Error(), "no sections") {
		t.Errorf("err = %v", err)
	}
}

// FuzzExerciseTOML: exercise.toml comes from banks drill did not write; no
// content may crash the loader, and a rejected file always gets an *Error.
func FuzzExerciseTOML(f *testing.F) {
	f.Add([]byte(goodTOML))
	f.Add([]byte("format = 1\nhints = [1, 2]\n"))
	f.Add([]byte("[table]\nkey = 'v'\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := goodBank()
		fsys["01-basics/02-variables/exercise.toml"] = &fstest.MapFile{Data: data}
		b, err := Load(fsys, opts)
		if err != nil {
			var be *Error
			if !errors.As(err, &be) {
				t.Fatalf("error %T is not a *bank.Error: %v", err, err)
			}
			return
		}
		if len(b.All()) != 2 {
			t.Fatalf("accepted bank has %d exercises", len(b.All()))
		}
	})
}

// A bank on disk may hold file names that are not UTF-8 (made on a system
// with another encoding). Go's file systems cannot open them, so the loader
// names each one.
func TestNonUTF8FileNames(t *testing.T) {
	dir := t.TempDir()
	for name, f := range goodBank() {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "01-basics/02-variables/starter/caf\xe9.txt"), []byte("menu"), 0o644); err != nil {
		t.Skipf("this file system refuses non-UTF-8 names: %v", err)
	}
	_, err := Load(os.DirFS(dir), opts)
	want := `01-basics/02-variables/starter/caf?.txt: the name "caf\xe9.txt" is not UTF-8: rename it`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want %s", err, want)
	}
}

// An exercise's servers are read as listed; without the key, none.
func TestLoadServices(t *testing.T) {
	const toml = "01-basics/02-variables/exercise.toml"
	for _, tt := range []struct {
		line string
		want []string
	}{
		{"", nil},
		{"\nservices = []", []string{}},
		{"\nservices = [\"redis\", \"postgres\"]", []string{"redis", "postgres"}},
	} {
		fsys := goodBank()
		fsys[toml] = &fstest.MapFile{Data: []byte(strings.Replace(goodTOML, `runtime = "python"`, `runtime = "python"`+tt.line, 1))}
		b, err := Load(fsys, opts)
		if err != nil {
			t.Fatalf("%q: %v", tt.line, err)
		}
		e, _ := b.Exercise("basics/variables")
		if len(e.Services) != len(tt.want) || (len(tt.want) > 0 && !slices.Equal(e.Services, tt.want)) {
			t.Errorf("%q: services %v, want %v", tt.line, e.Services, tt.want)
		}
	}
}
