package bank

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

var opts = Options{Runtimes: []string{"python", "django"}}

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
		{"wrong type", replace(`time_limit = "10s"`, `time_limit = 10`), toml + ": toml: line 5 (last key \"time_limit\")"},
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
