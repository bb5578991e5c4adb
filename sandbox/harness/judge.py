"""The judge: pytest on the hidden tests, with drill's plugin (Recorder).

It runs in the job's child of the batch (uid 10001, see batch.py) and never
imports, executes, unpickles or evals anything the learner wrote: the
learner's modules, and for Django everything that loads them, are proxies
of a learner process (remote.py), and only data crosses. Its own pytest
collection is the list of the tests expected; what the learner's code
returns is its answer, and nothing it says about the tests is believed.

The job's archive holds the learner's editable files, the exercise's
support files and the hidden tests under tests/. The tests are unpacked
into /judge (the judge's alone); everything else is written by the zygote
into /work, where the learner process runs.

The results stream, on the child's standard output, is JSON lines:

    {"collect": "<test file>"} as pytest imports a test file (and asks the
                               learner process for the learner's modules)
    {"collected": [<node id>, ...]}  when collection is done: every test, in
                               file order, each of which must have a result
    {"start": "<test id>"}     as each test begins (so a time-out can name it)
    {"results": {...}}         once, at the very end: the results document

Everything else the judge prints (pytest's own report; what the learner
process printed, written on) goes to its standard error, which drill
bounds, so it can never be mistaken for a results line.
"""

import difflib
import io
import os
import re
import reprlib
import tarfile
import textwrap

import pytest

import batch
import remote
from drillkit import files as drillfiles
from drillkit import learnerside

TESTS = "tests"  # in the judge's directory, its working directory (batch.main)
# Bytes of files per message to the zygote: base64 makes them a third
# larger, within the codec's 8 MiB.
FILES_PER_MESSAGE = 4 << 20
JOB_COPY = "job"  # beside it: the learner's files as the job brought them
OUTPUT_LIMIT = remote.OUTPUT_LIMIT
MESSAGE_LIMIT = 4096
# The modules of the django runtime that load the learner's project, and
# so live in the learner process with it.
DJANGO_SIDE = ("django", "rest_framework", "rest_framework_simplejwt", "freezegun")
# Django's modules whose classes the tests name (isinstance(field,
# models.DecimalField)): taken before any learner code runs (remote.Learner).
DJANGO_PINNED = ("django.db.models",)


# Errors of the learner process's that say in their message what happened.
REMOTE_ERRORS = (remote.LearnerDied, remote.StaleObject, remote.ProtocolError, remote.NotSent)


def run_job(job, archive, learners, plugins):
    """Run one job: unpack the tests into /judge and hand the rest to the
    zygote (learners: procs.Learners) for /work, run the tests, and write
    the results stream to standard output."""
    learner_files = list(job.get("learner_files", []))
    emit, close, _ = batch.results_stream()
    files = split_archive(archive, TESTS)
    for part in in_parts(files, FILES_PER_MESSAGE):
        learners.write_files(part)
    keep_copy(files, JOB_COPY)
    settings = django_settings_module()
    learner = remote.Learner(learners, learner_files, batch.oom_kills, DJANGO_PINNED if settings else ())
    remote.set_current(learner)
    # drillkit's helpers act in the learner process, and read the job's
    # files as drill sent them, whatever the learner's code does to /work.
    learnerside._import = remote.inside
    drillfiles._root = JOB_COPY
    names = top_level_names(files)
    if settings:
        names |= set(DJANGO_SIDE)
    remote.install_finder(learner, names)
    doc = syntax_check(learner, learner_files) or run_pytest(learner, emit, plugins, settings)
    emit({"results": doc})
    close()


def split_archive(data, tests_dir):
    """Unpack the archive's tests/ into tests_dir; return its other regular
    files as {relative path: bytes}. The archive is drill's (trusted); the
    data filter still refuses links out and absolute paths."""
    files = {}
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        members = tar.getmembers()
        tests = [m for m in members if m.name == TESTS or m.name.startswith(TESTS + "/")]
        tar.extractall(os.path.dirname(os.path.abspath(tests_dir)), members=tests, filter="data")
        for m in members:
            if m.isfile() and m not in tests:
                files[m.name] = tar.extractfile(m).read()
    return files


def in_parts(files, size):
    """files ({path: bytes}) as dicts of at most size bytes each (a file
    larger goes alone): one message of the zygote's channel each."""
    part, used = {}, 0
    for rel, data in files.items():
        if part and used + len(data) > size:
            yield part
            part, used = {}, 0
        part[rel] = data
        used += len(data)
    if part:
        yield part


def keep_copy(files, directory):
    """Write files ({relative path: bytes}, drill's) under directory."""
    for rel, data in files.items():
        path = os.path.join(directory, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)


def top_level_names(files):
    """The names by which the job's own modules are imported: each
    top-level .py file's and directory's."""
    names = set()
    for rel in files:
        first, sep, _ = rel.partition("/")
        if sep:
            names.add(first)
        elif first.endswith(".py"):
            names.add(first[:-3])
    return names


def error_doc(message, **extra):
    doc = {"version": 1, "status": "error", "message": clip(message, MESSAGE_LIMIT), "tests": []}
    doc.update(extra)
    return doc


def syntax_check(learner, learner_files):
    """The learner process compiles each learner .py file, so a syntax error
    names file and line (and no test runs)."""
    found = learner.request("syntax", learner_files)
    if type(found) is not dict or type(found.get("file")) is not str:
        return None
    rel = found["file"]
    if found.get("kind") == "missing_file":
        return error_doc("%s is missing" % rel, kind="missing_file", file=rel)
    lineno = found.get("line") if type(found.get("line")) is int else None
    lines = ["%s, line %s" % (rel, lineno) if lineno else rel]
    text = found.get("text")
    if type(text) is str and text:
        text = text.rstrip("\n")
        stripped = text.lstrip()
        lines.append("    " + stripped)
        offset = found.get("offset")
        if type(offset) is int and offset:
            col = max(0, offset - 1 - (len(text) - len(stripped)))
            lines.append("    " + " " * min(col, 200) + "^")
    name = found.get("name") if found.get("name") in ("SyntaxError", "IndentationError", "TabError") else "SyntaxError"
    lines.append("%s: %s" % (name, str(found.get("msg", ""))[:500]))
    return error_doc("\n".join(lines), kind="syntax", file=rel, line=lineno)


def django_settings_module():
    ini = os.path.join(TESTS, "pytest.ini")
    if not os.path.exists(ini):
        return None
    import configparser

    cp = configparser.ConfigParser()
    cp.read(ini)
    return cp.get("pytest", "DJANGO_SETTINGS_MODULE", fallback=None)


def describe_exception(exc):
    """One learner-facing line for an exception: where in the learner's files
    it happened (the deepest frame there), what it was, and the source line."""
    where = learner_frame(exc)
    head = exception_head(exc)
    if where is None:
        return head
    rel, lineno, line = where
    out = "%s, line %d: %s" % (rel, lineno, head)
    if line:
        out += "\n    " + line.strip()
    return out


INPUT_MESSAGE = "your code asked for keyboard input; the tests give none: take the value as a parameter"


def exception_head(exc):
    """What an exception says, in the learner's terms: its type and message
    (without the blank lines some messages begin with); for a read of
    standard input, which no test can answer, what to do instead; for an
    exception whose __str__ fails, that it does."""
    if isinstance(exc, REMOTE_ERRORS):
        return str(exc)
    name = type(exc).__name__
    text, failure = safe_str(exc)
    if failure is not None:
        return "%s (its message cannot be shown: its __str__ raised %s)" % (name, failure)
    if isinstance(exc, remote.Mirror) and type(exc).__name__ == "NoKeyboardInput":
        return INPUT_MESSAGE
    text = text.strip()
    return "%s: %s" % (name, text) if text else name


def safe_str(exc):
    """str(exc), and None; or "", and what str() raised (its type and
    message, if that can be shown)."""
    failed = getattr(exc, "__drill_str_failed__", None)
    if failed is not None:
        # The learner process said its __str__ failed, and how.
        return "", failed
    try:
        return str(exc), None
    except BaseException as e:  # noqa: BLE001 - the learner's __str__ may raise anything
        try:
            return "", "%s: %s" % (type(e).__name__, e)
        except BaseException:  # noqa: BLE001
            return "", type(e).__name__


def needs_own_words(exc):
    """Whether pytest's text for exc would mislead the learner: a read of
    standard input, or a message that cannot be shown."""
    if isinstance(exc, REMOTE_ERRORS):
        return True
    return (isinstance(exc, remote.Mirror) and type(exc).__name__ == "NoKeyboardInput") or safe_str(exc)[1] is not None


def root_cause(exc):
    """The exception at the end of exc's __cause__ chain (import failures
    of a test module come wrapped), each link followed once."""
    seen = set()
    while getattr(exc, "__cause__", None) is not None and id(exc) not in seen:
        seen.add(id(exc))
        exc = exc.__cause__
    return exc


def helper_modules(tests_dir):
    """The modules under tests/ that are neither test files nor conftest.py,
    by the names the tests import them by: that of the file, inside its
    packages (directories with an __init__.py)."""
    names = []
    top = os.path.dirname(tests_dir)
    for dirpath, dirs, files in os.walk(tests_dir):
        dirs.sort()
        for f in sorted(files):
            if not f.endswith(".py") or f == "conftest.py" or is_test_file(f):
                continue
            parts = [] if f == "__init__.py" else [f[:-3]]
            d = dirpath
            while os.path.exists(os.path.join(d, "__init__.py")) and d != top:
                parts.insert(0, os.path.basename(d))
                d = os.path.dirname(d)
            if parts:
                names.append(".".join(parts))
    return names


def is_test_file(name):
    """pytest's default python_files: test_*.py and *_test.py."""
    return name.endswith(".py") and (name.startswith("test_") or name.endswith("_test.py"))


def learner_frame(exc):
    """The deepest frame in the learner's files of an exception raised by
    their code, as (file, line, source), or None. The learner process says
    where (remote.Learner.exception): only a message depends on it."""
    frames = getattr(exc, "__drill_where__", None) or []
    return tuple(frames[-1]) if frames else None


def clip(text, limit):
    if len(text) <= limit:
        return text
    return text[:limit] + "\n[... truncated]"


# A collected test's status until a report of its call says otherwise.
NOT_RUN = "not run"


class Recorder:
    """The pytest plugin: one entry per collected test, in collection (file)
    order, with its outcome, a learner-facing message and its output."""

    def __init__(self, learner, emit):
        self.learner = learner
        self.emit = emit
        self.tests = {}
        self.collect_errors = []
        self.exceptions = {}

    @pytest.hookimpl(tryfirst=True)
    def pytest_load_initial_conftests(self, early_config, parser, args):
        # pytest rewrites asserts only in test files and conftest.py; a
        # helper module of the tests must show a failed assert's values too.
        # This is the first moment the rewriting hook exists, and before
        # any conftest imports a helper.
        names = helper_modules(os.path.abspath(TESTS))
        if names:
            pytest.register_assert_rewrite(*names)

    def pytest_configure(self, config):
        config.addinivalue_line(
            "markers",
            "hidden: on failure show only the test's name and the first line of its docstring",
        )
        config.addinivalue_line(
            "markers",
            "help(message): a message for the learner, shown when the test fails",
        )

    def pytest_assertrepr_compare(self, config, op, left, right):
        return unified_explanation(op, left, right)

    def pytest_collection_finish(self, session):
        # drill expects exactly these tests in the results, in this order.
        items = file_order(session.items)
        for item in items:
            doc = getattr(getattr(item, "obj", None), "__doc__", None) or ""
            self.tests[item.nodeid] = {
                "name": test_name(item.nodeid),
                "file": item.nodeid.split("::")[0],
                # A test passes only on a passing report of its call: one
                # cut short (pytest.exit, a session ended early) does not.
                "status": NOT_RUN,
                "message": "",
                "output": "",
                "output_truncated": False,
                "hidden": item.get_closest_marker("hidden") is not None,
                "_help": help_message(item),
                "_doc": doc.strip().splitlines()[0] if doc.strip() else "",
                "_failures": [],
            }
        self.emit({"collected": [item.nodeid for item in items]})

    def pytest_exception_interact(self, node, call, report):
        # Reached before pytest_collectreport for collection errors. pytest
        # wraps import failures of a test module; the learner wants the
        # original error.
        exc = root_cause(call.excinfo.value) if call.excinfo else None
        if exc is not None:
            self.exceptions[report.nodeid] = exc

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item, call):
        # A test's exception is gone by the time its report is logged.
        if call.excinfo is not None:
            self.exceptions[item.nodeid] = call.excinfo.value
        return (yield)

    def pytest_internalerror(self, excrepr, excinfo):
        # A BaseException that is not an Exception (SystemExit,
        # KeyboardInterrupt) raised by the learner's code at import time
        # ends the session here.
        if excinfo is not None:
            self.collect_errors.append({
                "file": "",
                "message": clip(describe_exception(excinfo.value), MESSAGE_LIMIT),
            })

    def pytest_collectreport(self, report):
        if not report.failed:
            return
        exc = self.exceptions.get(report.nodeid)
        if exc is not None and not isinstance(exc, SyntaxError):
            message = describe_exception(exc)
        else:
            message = error_lines(report.longreprtext) or report.longreprtext
        self.collect_errors.append({"file": report.nodeid, "message": clip(message, MESSAGE_LIMIT)})

    def pytest_collectstart(self, collector):
        if isinstance(collector, pytest.Module):
            self.emit({"collect": collector.nodeid})

    def pytest_runtest_logstart(self, nodeid, location):
        self.emit({"start": test_name(nodeid)})
        # What the learner's process printed before this test is no test's.
        self.learner.take_output()

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item):
        # A judge function that the learner's code called and that failed
        # (an assert in a callback) fails the test, even if the learner's
        # code caught what it raised.
        before = len(self.learner.failed_callbacks)
        result = yield
        failed = self.learner.failed_callbacks[before:]
        if failed:
            raise failed[0]
        return result

    def pytest_runtest_logfinish(self, nodeid, location):
        entry = self.tests.get(nodeid)
        if entry is not None:
            # The test's output: what the learner's process printed while
            # it ran (the judge's own prints are pytest's, not shown).
            entry["output"], entry["output_truncated"] = self.learner.take_output()

    @pytest.hookimpl(wrapper=True)
    def pytest_report_teststatus(self, report, config):
        # No progress letters: while a unittest subTest is reported, the
        # test's output is being captured, and its letter would be taken for
        # the learner's. (pytest's own report goes to stderr, unread.)
        status = yield
        if status:
            category, _, word = status
            return category, "", word
        return status

    def pytest_runtest_logreport(self, report):
        entry = self.tests.get(report.nodeid)
        if entry is None:
            return
        # A sub-test (unittest's subTest, the subtests fixture) is reported
        # inside its test, under the test's id, with its parameters.
        subtest = getattr(report, "context", None) is not None and hasattr(report, "sub_test_description")
        if report.skipped and not subtest and entry["status"] in (NOT_RUN, "pass"):
            entry["status"] = "skip"
            return
        if not report.failed:
            if report.passed and report.when == "call" and not subtest and entry["status"] == NOT_RUN:
                entry["status"] = "pass"
            return
        if entry["status"] in (NOT_RUN, "pass", "skip"):
            died = isinstance(self.exceptions.get(report.nodeid), remote.LearnerDied)
            entry["status"] = "fail" if report.when == "call" and not died else "error"
        if entry["hidden"]:
            return
        message = self.failure_message(report)
        if subtest:
            message = "%s %s" % (report.sub_test_description(), message)
        entry["_failures"].append(message)

    def failure_message(self, report):
        """What the learner is told of one failed report: the assertion with
        its values, or the exception and where in their code it was raised."""
        message = error_lines(report.longreprtext) or report.longreprtext
        exc = self.exceptions.get(report.nodeid)
        if exc is not None and needs_own_words(exc):
            return describe_exception(exc)
        if exc is None or isinstance(exc, AssertionError):
            return message
        where = learner_frame(exc)
        if where is not None:
            message = "%s\n(raised at %s, line %d)" % (message, where[0], where[1])
        return message

    def document(self, exit_code):
        tests = []
        for entry in self.tests.values():
            entry = dict(entry)
            failures = entry.pop("_failures")
            doc, help_text = entry.pop("_doc"), entry.pop("_help")
            if entry["hidden"]:
                # What a hidden test printed is what the learner's code saw
                # of its inputs (or of its source): hidden too.
                entry["output"], entry["output_truncated"] = "", False
            if entry["status"] == NOT_RUN:
                entry["status"] = "error"
                entry["message"] = "this test did not finish: the test run ended before it did (pytest.exit, or something else that ends the run)"
            elif entry["status"] in ("fail", "error"):
                if entry["hidden"]:
                    entry["message"] = (doc or "This test failed; its details are hidden.") + help_text
                elif failures:
                    entry["message"] = clip(failure_text(failures), MESSAGE_LIMIT) + help_text
            tests.append(entry)
        doc = {"version": 1, "status": "pass", "message": "", "tests": tests, "pytest_exit": int(exit_code)}
        if self.collect_errors:
            doc["status"] = "error"
            doc["kind"] = "import"
            doc["message"] = "\n\n".join(e["message"] for e in self.collect_errors)
        elif not tests:
            doc["status"] = "error"
            doc["message"] = "no tests were collected (pytest exit code %d)" % int(exit_code)
        elif any(t["status"] in ("fail", "error") for t in tests):
            doc["status"] = "fail"
        elif int(exit_code) != 0:
            doc["status"] = "error"
            doc["message"] = "pytest ended with exit code %d" % int(exit_code)
        return doc


def file_order(items):
    """Collected items in the order their test files define them. pytest
    runs a unittest.TestCase's tests in name order; here they are in
    definition order, inherited ones first, as pytest orders the tests of
    other classes."""
    import _pytest.unittest

    out = []
    start = 0
    while start < len(items):
        parent = items[start].parent
        end = start
        while end < len(items) and items[end].parent is parent:
            end += 1
        group = items[start:end]
        if isinstance(parent, _pytest.unittest.UnitTestCase):
            place = {}
            for klass in reversed(parent.obj.__mro__):
                for name in vars(klass):
                    place.setdefault(name, len(place))
            group.sort(key=lambda item: place.get(item.name, len(place)))
        out.extend(group)
        start = end
    return out


# How many of a test's failures (its failed sub-tests, a failed teardown)
# are shown in full; the rest are counted.
SHOWN_FAILURES = 3


def failure_text(failures):
    shown = failures[:SHOWN_FAILURES]
    text = "\n\n".join(shown)
    more = len(failures) - len(shown)
    if more:
        text += "\n\n(and %d more failed case%s)" % (more, "" if more == 1 else "s")
    return text


def help_message(item):
    marker = item.get_closest_marker("help")
    if marker is None or not marker.args:
        return ""
    return "\nhelp: " + str(marker.args[0])


# Long values compare better as a unified diff than as pytest's own
# character-by-character explanation.
DIFF_MIN_LEN = 60
DIFF_MIN_ITEMS = 4


# A learner's wrong answer can be huge (a list of millions, a text of
# megabytes), and computed in a moment: reporting it must cost little more.
# At most this many lines or items are compared and shown, each item's repr
# cut at REPR_LIMIT characters.
DIFF_MAX = 200
REPR_LIMIT = 200


def unified_explanation(op, left, right):
    """For `assert actual == expected` on long strings or sequences: a
    unified diff of their first DIFF_MAX lines or items, expected lines
    with -, actual lines with +; for other large containers, their sizes.
    Bounded in time and memory whatever the values' size."""
    if op != "==":
        return None
    cut = ""
    if isinstance(left, str) and isinstance(right, str):
        if "\n" not in left[:DIFF_MAX * REPR_LIMIT] + right[:DIFF_MAX * REPR_LIMIT] and max(len(left), len(right)) < DIFF_MIN_LEN:
            return None
        actual, expected = left[:DIFF_MAX * REPR_LIMIT].splitlines(), right[:DIFF_MAX * REPR_LIMIT].splitlines()
        if len(actual) <= 1 and len(expected) <= 1:
            # One long line: compare it word by word.
            actual, expected = left[:DIFF_MAX * REPR_LIMIT].split(" "), right[:DIFF_MAX * REPR_LIMIT].split(" ")
        if max(len(left), len(right)) > DIFF_MAX * REPR_LIMIT or max(len(actual), len(expected)) > DIFF_MAX:
            cut = "(the texts are %d and %d characters long: their first %d lines or words are compared)" % (
                len(left), len(right), DIFF_MAX)
    elif isinstance(left, (list, tuple)) and isinstance(right, (list, tuple)):
        if max(len(left), len(right)) < DIFF_MIN_ITEMS:
            return None
        actual = [short(x, REPR_LIMIT) for x in left[:DIFF_MAX]]
        expected = [short(x, REPR_LIMIT) for x in right[:DIFF_MAX]]
        if max(len(left), len(right)) > DIFF_MAX:
            cut = "(%d and %d items: their first %d are compared)" % (len(left), len(right), DIFF_MAX)
    elif isinstance(left, (dict, set, frozenset, list, tuple, str, bytes)) and max(sized(left), sized(right)) > DIFF_MAX:
        return ["%s == %s" % (short(left), short(right)), "",
                "(values of %d and %d items, too large to compare in full)" % (sized(left), sized(right))]
    else:
        return None
    diff = list(difflib.unified_diff(expected[:DIFF_MAX], actual[:DIFF_MAX], "expected", "actual", lineterm="", n=2))
    head = ["%s == %s" % (short(left), short(right))]
    if cut:
        head.append(cut)
    return head + ["", "Diff (- expected, + actual):"] + diff


def bound_pytest_compare():
    """pytest calls every plugin's pytest_assertrepr_compare, its own too,
    whose diff of two huge values (pprint and ndiff) can take minutes and
    gigabytes. For values past DIFF_MAX, its own is skipped: drill's
    (unified_explanation) says what matters in bounded time."""
    import _pytest.assertion.util as util

    full = util.assertrepr_compare

    def bounded(config, op, left, right, **kw):
        if too_large(left) or too_large(right):
            return None
        return full(config, op, left, right, **kw)

    util.assertrepr_compare = bounded


def too_large(value):
    if isinstance(value, (str, bytes)):
        return len(value) > DIFF_MAX * REPR_LIMIT
    if isinstance(value, (list, tuple, dict, set, frozenset)):
        return len(value) > DIFF_MAX
    return False


def sized(value):
    try:
        return len(value)
    except Exception:  # noqa: BLE001 - the learner's __len__ may fail
        return 0


REPR = reprlib.Repr(maxlevel=4, maxtuple=12, maxlist=12, maxarray=12, maxdict=8, maxset=12,
                    maxfrozenset=12, maxdeque=12, maxstring=REPR_LIMIT, maxlong=REPR_LIMIT, maxother=REPR_LIMIT)


def short(value, limit=40):
    """A repr of value of at most limit characters, in time that does not
    grow with its size (reprlib), and never failing."""
    try:
        text = REPR.repr(value)
    except Exception as e:  # noqa: BLE001 - the learner's __repr__ may fail
        text = "<%s whose repr raised %s>" % (type(value).__name__, type(e).__name__)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def test_name(nodeid):
    """tests/test_x.py::TestA::test_b[1] -> TestA::test_b[1]"""
    return nodeid.split("::", 1)[1] if "::" in nodeid else nodeid


def error_lines(longrepr):
    """The "E   " lines of a pytest failure: the assertion with its expected
    and actual values, or the exception raised. pytest's note on a long
    comparison it cut short tells how to see the rest with its own flags,
    which a learner has none of: it says only how much was left out."""
    lines = textwrap.dedent("\n".join(ln[1:] for ln in longrepr.splitlines() if ln.startswith("E "))).strip()
    if lines.startswith("AssertionError: "):
        lines = lines[len("AssertionError: "):]
    return TRUNCATED.sub(lambda m: "...(%s more line%s not shown)" % (m.group(1), m.group(2)), lines)


# pytest's words (_pytest/assertion/truncate.py) for a comparison cut short.
TRUNCATED = re.compile(r"\.\.\.Full output truncated \((\d+) line(s?) hidden\), use '-vv' to show")


def run_pytest(learner, emit, plugins, settings):
    bound_pytest_compare()
    recorder = Recorder(learner, emit)
    if settings:
        # pytest-django's fixtures and marks, backed by the learner process.
        plugins = list(plugins) + ["judgekit.django_fixtures"]
    args = [arg for module in plugins for arg in ("-p", module)] + [
        "-q",
        "-p", "no:cacheprovider",
        "--rootdir", os.getcwd(),
        "--color", "no",
        # The judge's own prints stay in memory; the learner's come from
        # its process (remote.Learner.take_output).
        "--capture", "sys",
        "-o", "console_output_style=classic",
        "-W", "ignore::DeprecationWarning",
        # pytest's own report goes to stderr, which drill bounds; captured
        # output is reported per test, truncated, instead.
        "--no-summary",
        "--show-capture=no",
        "--no-header",
        # Whole values in a failed assert, up to pytest's bound for this
        # level (2400 characters): level 2 has none, and a huge wrong value
        # would cost more to show than to compute.
        "-o", "verbosity_assertions=1",
        TESTS,
    ]
    try:
        code = pytest.main(args, plugins=[recorder])
    finally:
        learner.end()
    return recorder.document(code)
