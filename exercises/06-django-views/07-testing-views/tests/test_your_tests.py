import functools
import re
from pathlib import Path

import pytest

from drillkit import files, learnerside

HERE = Path(__file__).parent
VIEWS = "books/views.py"
TESTS = "books/tests.py"


def versions(directory):
    """The views.py files in tests/DIRECTORY, by name."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted((HERE / directory).glob("*.py"))}


# The views the learner has, correct ones written differently (function views
# that update in the database, class-based views), which the learner's tests
# must pass on too, so that recognising views.py gets nothing; and broken
# ones, each with one bug, which the tests must catch.
CORRECT = {"views.py": files.text(VIEWS)}
CORRECT.update(versions("correct"))
BROKEN = versions("broken")
IMPLEMENTATIONS = dict(CORRECT, **BROKEN)


def project_template():
    """The project as the job brought it (support files and the learner's
    tests.py), written once into a folder of the learner's process."""
    folder = learnerside.module("tempfile").mkdtemp(dir="/tmp")
    path = learnerside.module("pathlib").Path
    for name in files.names():
        target = path(folder, name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(files.text(name), encoding="utf-8")
    return folder


def outcome(done):
    """Django's exit status, how many tests it ran, and the end of its report."""
    report = (done.stdout + done.stderr).strip()
    ran = re.findall(r"^Ran (\d+) tests?", report, re.MULTILINE)
    return done.returncode, int(ran[-1]) if ran else None, "\n".join(report.splitlines()[-30:])


@functools.cache
def all_runs():
    """`python manage.py test books` with each views.py, all at once: the
    learner's tests run in the learner's process's children, never here."""
    os = learnerside.module("os")
    shutil = learnerside.module("shutil")
    template = project_template()
    env = {key: value for key, value in dict(os.environ).items() if key not in ("DJANGO_SETTINGS_MODULE", "PYTHONPATH")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    argv = [learnerside.module("sys").executable, "manage.py", "test", "books", "--noinput"]
    run = learnerside.module("subprocess").run
    mkdtemp = learnerside.module("tempfile").mkdtemp
    runs, folders = {}, [template]
    # A few at a time: each is a Django process in the sandbox's memory.
    with learnerside.module("concurrent.futures").ThreadPoolExecutor(max_workers=3) as pool:
        for name, source in IMPLEMENTATIONS.items():
            # A folder whose name says nothing of the version in it.
            folder = os.path.join(mkdtemp(dir="/tmp"), "project")
            folders.append(os.path.dirname(folder))
            shutil.copytree(template, folder)
            learnerside.module("pathlib").Path(folder, VIEWS).write_text(source, encoding="utf-8")
            runs[name] = pool.submit(run, argv, cwd=folder, env=env, capture_output=True, text=True, timeout=60)
        results = {name: outcome(future.result()) for name, future in runs.items()}
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
    return results


def no_tests(ran):
    return not ran


def caught(name):
    """Whether the learner's tests fail on the broken views `name`."""
    code, ran, report = all_runs()[name]
    if no_tests(ran):
        pytest.fail("Django's test runner found no tests in books/tests.py: write them as test_... methods "
                    "of a class that inherits from django.test.TestCase", pytrace=False)
    # Tests that fail on correct views fail on anything: that they fail on a
    # broken one shows nothing.
    if any(all_runs()[correct][0] != 0 for correct in CORRECT):
        pytest.fail("not counted: your tests fail on correct views too, so failing on these broken ones shows nothing",
                    pytrace=False)
    return code != 0


def test_your_tests_pass_on_the_views_you_were_given():
    code, ran, report = all_runs()["views.py"]
    if no_tests(ran):
        pytest.fail("Django's test runner found no tests in books/tests.py: write them as test_... methods "
                    "of a class that inherits from django.test.TestCase", pytrace=False)
    assert code == 0, "your tests must pass on the views of books/views.py, but `python manage.py test books` said:\n" + report


def test_your_tests_pass_on_other_correct_views():
    # What they printed is not shown: these views stay hidden.
    failed = len([name for name in CORRECT if name != "views.py" and all_runs()[name][0] != 0])
    assert failed == 0, (
        "your tests fail on %d correct version%s of the views written differently from books/views.py (the same "
        "behaviour, other code): test what the views do, as README.md describes it, not how views.py is written"
        % (failed, "" if failed == 1 else "s")
    )


def test_your_tests_catch_books_listed_in_the_order_they_were_added():
    found = caught("listed_by_id")
    assert found, "your tests all pass on a list that shows the books in the order they were added, not by title"


@pytest.mark.hidden
def test_your_tests_catch_an_author_filter_that_wants_the_whole_name():
    """Your tests miss an author filter that keeps only the exact name: try part of a name, in another case."""
    found = caught("author_must_match_exactly")
    assert found


def test_your_tests_catch_ten_books_a_page():
    found = caught("ten_a_page")
    assert found, "your tests all pass on a list that shows ten books a page, not five"


@pytest.mark.hidden
def test_your_tests_catch_a_page_past_the_end_showing_the_last_page():
    """Your tests miss a list that shows its last page for a page number past the end, where README.md asks for a 404."""
    found = caught("page_past_the_end_shows_the_last")
    assert found


def test_your_tests_catch_a_missing_book_crashing_its_page():
    found = caught("missing_book_crashes")
    assert found, "your tests all pass on a book page that crashes for a book that does not exist, instead of answering 404"


def test_your_tests_catch_a_book_from_the_future_being_saved():
    found = caught("future_year_accepted")
    assert found, "your tests all pass on a form that saves a book whose year is after this year"


def test_your_tests_catch_a_saved_book_that_is_not_redirected():
    found = caught("saved_book_rendered_not_redirected")
    assert found, (
        "your tests all pass on a form that shows the new book's page itself after saving, instead of redirecting to it"
    )


@pytest.mark.hidden
def test_your_tests_catch_borrowing_when_no_copy_is_left():
    """Your tests miss a borrow view that lets a book with no copies left be borrowed: borrow the last copy, then once more."""
    found = caught("borrows_when_none_left")
    assert found


def test_your_tests_catch_borrowing_with_a_get():
    found = caught("borrows_on_get")
    assert found, "your tests all pass on a borrow view that also borrows on a GET request"


@pytest.mark.hidden
def test_your_tests_catch_a_borrow_that_is_never_saved():
    """Your tests miss a borrow view that takes a copy but never saves it: read the book again from the database after borrowing."""
    found = caught("borrow_not_saved")
    assert found
