package bank

import (
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
	tmpl, ok := scaffolds[runtime]
	if !ok {
		return nil, fmt.Errorf("no scaffold for runtime %q", runtime)
	}
	_, exName, _ := strings.Cut(p.ID, "/")
	module := moduleName(exName)
	// Go's raw strings cannot hold a backquote, so the templates write
	// Markdown's code fence as @fence@.
	r := strings.NewReplacer("@module@", module, "@Module@", className(module), "@marker@", Marker, "@fence@", "```")
	var files []File
	if p.NewSection {
		secName, _, _ := strings.Cut(p.ID, "/")
		files = append(files, File{
			Path: path.Join(p.SectionDir, "section.toml"),
			Data: []byte("title = " + strconv.Quote(titleOf(secName)) + "\nsummary = \"\"\n"),
		})
	}
	for _, f := range tmpl {
		files = append(files, File{Path: path.Join(p.Dir, r.Replace(f.path)), Data: []byte(r.Replace(f.text))})
	}
	return files, nil
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

// scaffoldFile is a file of a scaffold, its path relative to the exercise.
type scaffoldFile struct{ path, text string }

// scaffolds are each runtime's example exercise. @module@ is the exercise's module, @Module@ that as a class
// name, @marker@ the Marker.
var scaffolds = map[string][]scaffoldFile{
	"python": {
		{"exercise.toml", `format = 1
title = "@marker@: a short title, as drill list shows it"
runtime = "python"
difficulty = "easy"
time_limit = "10s"
files = ["@module@.py"]
hints = [
  "@marker@: a first nudge that names the idea without giving the answer away.",
  "@marker@: a second hint, a little further on. Give as many as the exercise needs, in order.",
]
`},
		{"README.md", `# @marker@: the title

@marker@: what the learner learns here, and the one idea they need, in a
paragraph or two. This file is the task as the learner reads it: say what
to do, never how.

## Your task

@marker@: what to write, precisely. This scaffold's example, a function
that totals prices, shows the shape of an exercise; replace it with yours.

Write ` + "`total(prices)`" + ` in ` + "`@module@.py`" + `: the sum of a list of prices,
rounded to cents. No prices total ` + "`0`" + `.

## Example

@fence@python
>>> from @module@ import total
>>> total([1.10, 2.20])
3.3
>>> total([])
0
@fence@

## What is checked

@marker@: the cases the tests try, in words. Here: several prices, one
price, sums that need rounding, and no prices at all.
`},
		{"starter/@module@.py", `# @marker@: the learner's starting point. It must run, and fail the tests.
def total(prices):
    return None
`},
		{"solution/@module@.py", `# @marker@: the reference solution. It must pass every test, well within
# the time limit.
def total(prices):
    return round(sum(prices), 2)
`},
		{"wrong/forgets-no-prices/@module@.py", `# @marker@: a known-wrong solution, with one common mistake, in a
# directory named for it (wrong/off-by-one/). validate checks that the tests
# catch it. Here: no prices give None instead of 0.
def total(prices):
    if not prices:
        return None
    return round(sum(prices), 2)
`},
		{"tests/test_@module@.py", `# @marker@: the tests. Every def test_... must report a result, or the run
# is an error. A failed assert shows the learner both sides, so compare
# whole values: assert actual == expected. A test marked hidden shows only
# its name and its docstring's first line, which should be a hint.
import pytest

from @module@ import total


def test_two_prices():
    assert total([1.10, 2.20]) == 3.3


@pytest.mark.parametrize("prices, expected", [([5], 5), ([0.1, 0.2], 0.3), ([9.99, 0.01, 10], 20)])
def test_totals_are_rounded_to_cents(prices, expected):
    assert total(prices) == expected


@pytest.mark.hidden
def test_no_prices_total_zero():
    """An empty list of prices totals 0: try total([])."""
    assert total([]) == 0
`},
	},
	"django": {
		{"exercise.toml", `format = 1
title = "@marker@: a short title, as drill list shows it"
runtime = "django"
difficulty = "medium"
time_limit = "20s"
files = ["@module@/views.py"]
hints = [
  "@marker@: a first nudge that names the idea without giving the answer away.",
  "@marker@: a second hint, a little further on. Give as many as the exercise needs, in order.",
]
`},
		{"README.md", `# @marker@: the title

@marker@: what the learner learns here, and the one idea they need, in a
paragraph or two. This file is the task as the learner reads it: say what
to do, never how.

## Your task

@marker@: what to write, precisely. This scaffold's example, a JSON list of
books, shows the shape of a Django exercise; replace it with yours.

Write the view ` + "`book_list`" + ` in ` + "`@module@/views.py`" + `: ` + "`GET /books/`" + ` answers
with every book's title and author, ordered by title, in one database
query however many books there are.

## Example

@fence@
GET /books/

{"books": [{"title": "A Wizard of Earthsea", "author": "Ursula K. Le Guin"},
           {"title": "Dune", "author": "Frank Herbert"}]}
@fence@

## What is checked

@marker@: the cases the tests try, in words. Here: the list and its order,
an empty list, and the number of queries.
`},
		{"starter/project/__init__.py", ""},
		{"starter/project/settings.py", `# A minimal Django project for this exercise (you don't need to change it).
SECRET_KEY = "drill-exercise-not-secret"
DEBUG = True
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "@module@",
]

MIDDLEWARE = [
    "django.middleware.common.CommonMiddleware",
]

ROOT_URLCONF = "project.urls"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/tmp/db.sqlite3",
    }
}

USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
`},
		{"starter/project/urls.py", `from django.urls import path

from @module@ import views

urlpatterns = [
    path("books/", views.book_list, name="book-list"),
]
`},
		{"starter/@module@/__init__.py", ""},
		{"starter/@module@/apps.py", `from django.apps import AppConfig


class @Module@Config(AppConfig):
    name = "@module@"
`},
		{"starter/@module@/models.py", `from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="books")
`},
		{"starter/@module@/views.py", `# @marker@: the learner's starting point. It must run, and fail the tests.
from django.http import JsonResponse

from @module@.models import Book


def book_list(request):
    """GET /books/: {"books": [{"title": ..., "author": ...}, ...]}, by title."""
    return JsonResponse({"books": None})
`},
		{"solution/@module@/views.py", `# @marker@: the reference solution. It must pass every test, well within
# the time limit.
from django.http import JsonResponse

from @module@.models import Book


def book_list(request):
    """GET /books/: {"books": [{"title": ..., "author": ...}, ...]}, by title."""
    books = Book.objects.select_related("author").order_by("title")
    return JsonResponse({"books": [{"title": b.title, "author": b.author.name} for b in books]})
`},
		{"wrong/query-per-book/@module@/views.py", `# @marker@: a known-wrong solution, with one common mistake, in a
# directory named for it (wrong/off-by-one/). validate checks that the tests
# catch it. Here: each book's author is fetched with a query of its own.
from django.http import JsonResponse

from @module@.models import Book


def book_list(request):
    """GET /books/: {"books": [{"title": ..., "author": ...}, ...]}, by title."""
    books = Book.objects.order_by("title")
    return JsonResponse({"books": [{"title": b.title, "author": b.author.name} for b in books]})
`},
		{"tests/pytest.ini", `[pytest]
DJANGO_SETTINGS_MODULE = project.settings
addopts = --nomigrations
`},
		{"tests/test_views.py", `# @marker@: the tests. Every def test_... must report a result, or the run
# is an error. pytest-django's fixtures are there: client (the test client),
# django_assert_num_queries, rf, admin_client. A test marked hidden shows
# only its name and its docstring's first line, which should be a hint.
import pytest

from @module@.models import Author, Book

pytestmark = pytest.mark.django_db


def make_books():
    herbert = Author.objects.create(name="Frank Herbert")
    le_guin = Author.objects.create(name="Ursula K. Le Guin")
    Book.objects.create(title="Dune", author=herbert)
    Book.objects.create(title="A Wizard of Earthsea", author=le_guin)


def test_the_list_gives_each_book_and_its_author_by_title(client):
    make_books()
    response = client.get("/books/")
    assert response.status_code == 200
    assert response.json() == {"books": [
        {"title": "A Wizard of Earthsea", "author": "Ursula K. Le Guin"},
        {"title": "Dune", "author": "Frank Herbert"},
    ]}


def test_no_books_give_an_empty_list(client):
    assert client.get("/books/").json() == {"books": []}


@pytest.mark.hidden
def test_one_query_however_many_books(client, django_assert_num_queries):
    """The list should take one query, authors included: look at select_related()."""
    make_books()
    for i in range(20):
        Book.objects.create(title=f"Book {i}", author=Author.objects.create(name=f"Author {i}"))
    with django_assert_num_queries(1):
        response = client.get("/books/")
    assert len(response.json()["books"]) == 22
`},
	},
}
