package bank

import (
	"errors"
	"path"
	"strings"
	"testing"
	"testing/fstest"
)

func TestPlace(t *testing.T) {
	existing := fstest.MapFS{
		"01-basics/section.toml":           {Data: []byte(`title = "Basics"`)},
		"01-basics/01-hello/exercise.toml": {},
		"01-basics/02-sum/exercise.toml":   {},
		"03-sql/section.toml":              {},
		"03-sql/09-select/exercise.toml":   {},
		"004-wide/section.toml":            {},
		"004-wide/007-one/exercise.toml":   {},
		"notes.txt":                        {},
	}
	tests := []struct {
		name, id string
		want     Placement
		wantErr  string
	}{
		{"after the last exercise of its section", "basics/loops",
			Placement{ID: "basics/loops", SectionDir: "01-basics", Dir: "01-basics/03-loops"}, ""},
		{"numbers continue from the last", "sql/joins",
			Placement{ID: "sql/joins", SectionDir: "03-sql", Dir: "03-sql/10-joins"}, ""},
		{"as wide as the others", "wide/two",
			Placement{ID: "wide/two", SectionDir: "004-wide", Dir: "004-wide/008-two"}, ""},
		{"a new section after the last", "web/intro",
			Placement{ID: "web/intro", SectionDir: "005-web", NewSection: true, Dir: "005-web/01-intro"}, ""},
		{"numbers given", "07-web/05-intro",
			Placement{ID: "web/intro", SectionDir: "07-web", NewSection: true, Dir: "07-web/05-intro"}, ""},
		{"an existing section by its number and name", "01-basics/05-loops",
			Placement{ID: "basics/loops", SectionDir: "01-basics", Dir: "01-basics/05-loops"}, ""},
		{"slashes around", "/sql/joins/",
			Placement{ID: "sql/joins", SectionDir: "03-sql", Dir: "03-sql/10-joins"}, ""},
		{"already there", "basics/sum", Placement{}, "exercise basics/sum already exists in 01-basics/02-sum"},
		{"already there under another number", "basics/04-hello", Placement{}, "already exists in 01-basics/01-hello"},
		{"a number that is taken", "basics/02-loops", Placement{}, "number 02 is taken by 01-basics/02-sum"},
		{"the section's number is another", "04-sql/joins", Placement{}, "section sql is 03-sql, not number 04"},
		{"no section", "joins", Placement{}, "give the new exercise as SECTION/EXERCISE"},
		{"too deep", "sql/joins/inner", Placement{}, "give the new exercise as SECTION/EXERCISE"},
		{"capitals", "sql/Joins", Placement{}, `"Joins" is not a name of lower-case letters`},
		{"a space", "my sql/joins", Placement{}, `"my sql" is not a name`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Place(existing, tt.id)
			if tt.wantErr != "" {
				var be *Error
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &be) {
					t.Fatalf("Place(%q) = %+v, %v; want a *bank.Error containing %q", tt.id, got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Place(%q) = %+v, %v; want %+v", tt.id, got, err, tt.want)
			}
		})
	}
}

func TestPlaceInAnEmptyBank(t *testing.T) {
	got, err := Place(fstest.MapFS{}, "python-basics/variables")
	want := Placement{ID: "python-basics/variables", SectionDir: "01-python-basics", NewSection: true, Dir: "01-python-basics/01-variables"}
	if err != nil || got != want {
		t.Errorf("Place = %+v, %v; want %+v", got, err, want)
	}
}

// A scaffold is an exercise the loader accepts, with the marker in every
// part the author must write.
func TestScaffold(t *testing.T) {
	tests := []struct {
		runtime, id string
		module      string
		files       []string // the exercise's editable files
	}{
		{"python", "web-basics/price-total", "price_total", []string{"price_total.py"}},
		{"django", "web-basics/books-api", "books_api", []string{"books_api/views.py"}},
		{"python", "web-basics/json", "ex_json", []string{"ex_json.py"}},
		{"django", "web-basics/2fa", "ex_2fa", []string{"ex_2fa/views.py"}},
	}
	for _, tt := range tests {
		t.Run(tt.runtime+" "+tt.id, func(t *testing.T) {
			p, err := Place(fstest.MapFS{}, tt.id)
			if err != nil {
				t.Fatal(err)
			}
			files, err := Scaffold(p, tt.runtime)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			for _, f := range files {
				fsys[f.Path] = &fstest.MapFile{Data: f.Data}
			}
			b, err := Load(fsys, opts)
			if err != nil {
				t.Fatalf("the scaffold does not load: %v", err)
			}
			ex, err := b.Exercise(p.ID)
			if err != nil {
				t.Fatal(err)
			}
			if ex.Runtime != tt.runtime || strings.Join(ex.Files, ",") != strings.Join(tt.files, ",") || len(ex.Wrong) != 1 {
				t.Errorf("loaded as %+v", ex)
			}
			if sec := string(fsys[path.Join(p.SectionDir, "section.toml")].Data); !strings.Contains(sec, `title = "Web basics"`) {
				t.Errorf("section.toml = %q", sec)
			}
			// Every part the author writes says so.
			for _, part := range []string{"exercise.toml", "README.md", "starter/" + tt.files[0], "solution/" + tt.files[0],
				"wrong/" + ex.Wrong[0] + "/" + tt.files[0]} {
				if data := fsys[path.Join(ex.Dir, part)]; data == nil || !strings.Contains(string(data.Data), Marker) {
					t.Errorf("%s lacks the marker", part)
				}
			}
			tests, _ := b.Tests(ex)
			if len(tests) == 0 || !strings.Contains(string(tests[len(tests)-1].Data), Marker) {
				t.Errorf("the tests lack the marker")
			}
			for _, f := range files {
				for _, ph := range []string{"@module@", "@Module@", "@marker@", "@fence@"} {
					if strings.Contains(f.Path+string(f.Data), ph) {
						t.Errorf("%s: the placeholder %s is left", f.Path, ph)
					}
				}
			}
		})
	}
	if _, err := Scaffold(Placement{ID: "a/b", SectionDir: "01-a", Dir: "01-a/01-b"}, "ruby"); err == nil {
		t.Error("a scaffold for an unknown runtime")
	}
}

func TestModuleName(t *testing.T) {
	for name, want := range map[string]string{
		"variables": "variables", "price-total": "price_total", "3d-shapes": "ex_3d_shapes",
		"class": "ex_class", "json": "ex_json", "tests": "ex_tests", "auth": "ex_auth", "strings": "strings",
	} {
		if got := moduleName(name); got != want {
			t.Errorf("moduleName(%q) = %q, want %q", name, got, want)
		}
	}
}
