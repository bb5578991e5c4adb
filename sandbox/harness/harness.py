"""drill's in-container harness.

It runs as an unprivileged user with no capabilities, started by the watchdog
(see watchdog), in a sandbox whose root filesystem is read-only. drill streams the jobs to it on standard
input: one JSON line (for each job its header, its time limits and the size
of its archive), then each job's tar archive of the learner's editable
files, the exercise's support files, and the hidden tests under tests/.

Each job runs in a child forked from the warmed-up harness: it unpacks the
job into /work (a tmpfs), checks the learner's Python files for syntax
errors, runs pytest with a small plugin that records every test, and writes
what happened to its standard output as JSON lines:

    {"collect": "<test file>"} as pytest imports a test file (and the learner's
                               code with it)
    {"start": "<test id>"}     as each test begins (so a time-out can name it)
    {"results": {...}}         once, at the very end: the results document

Everything else that anybody prints (pytest's own report, the learner's
prints outside a test) goes to its standard error, so it can never be
mistaken for a results line. The parent keeps the job's time (CPU time, and
the wall clock as a safety net), its output caps and its memory verdict, and
writes one record per job to standard output (see batch.py). drill trusts
the results document only if the child exited normally and every test it
expects appears in it.
"""

import difflib
import importlib
import io
import os
import reprlib
import sys
import tarfile
import textwrap
import traceback

import pytest

import batch
from batch import results_stream

WORK = "/work"
TESTS = "tests"
OUTPUT_LIMIT = 4096  # characters of captured output kept per test
MESSAGE_LIMIT = 4096


def main():
    batch.main(prepare)


def prepare():
    """Warm the judge up (see warm_up); returns the job function the batch
    runs in each job's child."""
    plugins, _ = warm_up()

    def job(job, archive, learners):
        run_job(job, archive, plugins)

    return job


def run_job(job, archive, plugins):
    """Run one job, in the child run_child forked: unpack its archive into
    /work, run its tests, and write the results stream to standard output.
    Its time is kept by the parent."""
    learner_files = job.get("learner_files", [])
    emit, close, _ = results_stream()
    unpack(archive, WORK)
    os.chdir(WORK)
    sys.path.insert(0, WORK)

    doc = syntax_check(learner_files) or preflight(learner_files) or run_pytest(learner_files, emit, plugins)
    emit({"results": doc})
    close()


# What pytest itself imports as it runs (its debugging plugin, at
# configure), loaded before the job comes. What learner code imports is the
# zygote's to load (zygote.py).
WARM_MODULES = ("pdb", "xml.etree.ElementTree")


def warm_up():
    """Import what jobs need, and name the pytest plugins to load: pytest is
    told not to scan every installed package for plugins, which costs more
    than the tests of a small exercise. Returns the plugins and the modules
    that could not be imported."""
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    plugins = []
    for module in ("pytest_subtests.plugin", "pytest_django.plugin"):
        try:
            __import__(module)
        except ImportError:
            continue
        plugins.append(module)
    import _pytest.config

    modules = ["_pytest." + name for name in _pytest.config.default_plugins] + list(WARM_MODULES)
    missing = []
    for module in modules:
        try:
            importlib.import_module(module)
        except Exception:  # noqa: BLE001 - a module not loaded now is loaded by the job
            missing.append(module)
    return plugins, missing


def unpack(data, dest):
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(dest, filter="data")


def error_doc(message, **extra):
    doc = {"version": 1, "status": "error", "message": clip(message, MESSAGE_LIMIT), "tests": []}
    doc.update(extra)
    return doc


def syntax_check(learner_files):
    """Compile each learner .py file, so a syntax error names file and line."""
    for rel in learner_files:
        if not rel.endswith(".py"):
            continue
        try:
            with open(os.path.join(WORK, rel), "rb") as f:
                source = f.read()
            compile(source, rel, "exec")
        except FileNotFoundError:
            return error_doc("%s is missing" % rel, kind="missing_file", file=rel)
        except SyntaxError as e:
            lines = ["%s, line %s" % (rel, e.lineno) if e.lineno else rel]
            if e.text:
                text = e.text.rstrip("\n")
                stripped = text.lstrip()
                lines.append("    " + stripped)
                if e.offset:
                    col = max(0, e.offset - 1 - (len(text) - len(stripped)))
                    lines.append("    " + " " * col + "^")
            lines.append("%s: %s" % (type(e).__name__, e.msg))
            return error_doc("\n".join(lines), kind="syntax", file=rel, line=e.lineno)
    return None


def preflight(learner_files):
    """Set Django up before pytest does, so an error in the learner's models
    is reported with its file and line instead of as a pytest usage error."""
    settings = django_settings_module()
    if not settings:
        return None
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    try:
        import django

        django.setup()
    except Exception as e:  # noqa: BLE001 - any failure here is the learner's to see
        return error_doc(describe_exception(e, learner_files), kind="import")
    return None


def django_settings_module():
    ini = os.path.join(WORK, TESTS, "pytest.ini")
    if not os.path.exists(ini):
        return None
    import configparser

    cp = configparser.ConfigParser()
    cp.read(ini)
    return cp.get("pytest", "DJANGO_SETTINGS_MODULE", fallback=None)


def describe_exception(exc, learner_files):
    """One learner-facing line for an exception: where in the learner's files
    it happened (the deepest frame there), what it was, and the source line."""
    where = learner_frame(traceback.extract_tb(exc.__traceback__), learner_files)
    head = exception_head(exc)
    if where is None:
        return head
    rel, lineno, line = where
    out = "%s, line %d: %s" % (rel, lineno, head)
    if line:
        out += "\n    " + line.strip()
    return out


INPUT_MESSAGE = "your code asked for keyboard input; the tests give none: take the value as a parameter"


class NoKeyboardInput(EOFError):
    """Raised when the code under test reads standard input (input(),
    sys.stdin): nobody types during a check. An EOFError, as input() raises
    at the end of its input, so code written to handle that still does."""

    def __init__(self):
        super().__init__(INPUT_MESSAGE)


class NoKeyboard(io.TextIOBase):
    """Standard input during a job: every read raises NoKeyboardInput."""

    def readable(self):
        return True

    def read(self, size=-1):
        raise NoKeyboardInput()

    def readline(self, size=-1):
        raise NoKeyboardInput()

    def readlines(self, hint=-1):
        raise NoKeyboardInput()

    def fileno(self):
        raise io.UnsupportedOperation("standard input has no file descriptor during a check")


def exception_head(exc):
    """What an exception says, in the learner's terms: its type and message
    (without the blank lines some messages begin with); for a read of
    standard input, which no test can answer, what to do instead; for an
    exception whose __str__ fails, that it does."""
    name = type(exc).__name__
    text, failure = safe_str(exc)
    if failure is not None:
        return "%s (its message cannot be shown: its __str__ raised %s)" % (name, failure)
    if isinstance(exc, NoKeyboardInput):
        return INPUT_MESSAGE
    text = text.strip()
    return "%s: %s" % (name, text) if text else name


def safe_str(exc):
    """str(exc), and None; or "", and what str() raised (its type and
    message, if that can be shown)."""
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
    return isinstance(exc, NoKeyboardInput) or safe_str(exc)[1] is not None


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
    for dirpath, dirs, files in os.walk(tests_dir):
        dirs.sort()
        for f in sorted(files):
            if not f.endswith(".py") or f == "conftest.py" or is_test_file(f):
                continue
            parts = [] if f == "__init__.py" else [f[:-3]]
            d = dirpath
            while os.path.exists(os.path.join(d, "__init__.py")) and d != WORK:
                parts.insert(0, os.path.basename(d))
                d = os.path.dirname(d)
            if parts:
                names.append(".".join(parts))
    return names


def is_test_file(name):
    """pytest's default python_files: test_*.py and *_test.py."""
    return name.endswith(".py") and (name.startswith("test_") or name.endswith("_test.py"))


def learner_frame(frames, learner_files):
    found = None
    for fr in frames:
        rel = os.path.relpath(os.path.abspath(fr.filename), WORK)
        if rel in learner_files:
            found = (rel, fr.lineno, fr.line)
    return found


def clip(text, limit):
    if len(text) <= limit:
        return text
    return text[:limit] + "\n[... truncated]"


# A collected test's status until a report of its call says otherwise.
NOT_RUN = "not run"


class Recorder:
    """The pytest plugin: one entry per collected test, in collection (file)
    order, with its outcome, a learner-facing message and its output."""

    def __init__(self, learner_files, emit):
        self.learner_files = learner_files
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
        names = helper_modules(os.path.join(WORK, TESTS))
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
        for item in session.items:
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
                "message": clip(describe_exception(excinfo.value, self.learner_files), MESSAGE_LIMIT),
            })

    def pytest_collectreport(self, report):
        if not report.failed:
            return
        exc = self.exceptions.get(report.nodeid)
        if exc is not None and not isinstance(exc, SyntaxError):
            message = describe_exception(exc, self.learner_files)
        else:
            message = error_lines(report.longreprtext) or report.longreprtext
        self.collect_errors.append({"file": report.nodeid, "message": clip(message, MESSAGE_LIMIT)})

    def pytest_collectstart(self, collector):
        if isinstance(collector, pytest.Module):
            self.emit({"collect": collector.nodeid})

    def pytest_runtest_logstart(self, nodeid, location):
        self.emit({"start": test_name(nodeid)})

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
        if not subtest:
            # Each phase's report carries the output of the phases before
            # it. Keep no more than is shown: a flood can be tens of MB.
            entry["output"], entry["output_truncated"] = captured(report)
        if report.skipped and not subtest and entry["status"] in (NOT_RUN, "pass"):
            entry["status"] = "skip"
            return
        if not report.failed:
            if report.passed and report.when == "call" and not subtest and entry["status"] == NOT_RUN:
                entry["status"] = "pass"
            return
        if entry["status"] in (NOT_RUN, "pass", "skip"):
            entry["status"] = "fail" if report.when == "call" else "error"
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
            return describe_exception(exc, self.learner_files)
        if exc is None or isinstance(exc, AssertionError):
            return message
        where = learner_frame(traceback.extract_tb(exc.__traceback__), self.learner_files)
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


def captured(report):
    """The test's captured stdout and stderr, cut at OUTPUT_LIMIT."""
    parts, size, cut = [], 0, False
    for title, content in report.sections:
        if not title.startswith("Captured std"):
            continue
        room = OUTPUT_LIMIT - size
        if len(content) > room:
            content, cut = content[:room], True
        parts.append(content)
        size += len(content)
    return "".join(parts), cut


def test_name(nodeid):
    """tests/test_x.py::TestA::test_b[1] -> TestA::test_b[1]"""
    return nodeid.split("::", 1)[1] if "::" in nodeid else nodeid


def error_lines(longrepr):
    """The "E   " lines of a pytest failure: the assertion with its expected
    and actual values, or the exception raised."""
    lines = textwrap.dedent("\n".join(ln[1:] for ln in longrepr.splitlines() if ln.startswith("E "))).strip()
    if lines.startswith("AssertionError: "):
        lines = lines[len("AssertionError: "):]
    return lines


class TeeBytes(io.BytesIO):
    """The bytes of a test's captured stream, each also written on to the
    stream it replaces, as soon as written."""

    def __init__(self, other):
        super().__init__()
        self.other = other

    def write(self, data):
        n = super().write(data)
        target = getattr(self.other, "buffer", None)
        if target is not None:
            target.write(data)
        else:
            self.other.write(bytes(data).decode("utf-8", "replace"))
        self.other.flush()
        return n


def tee_capture_io():
    """pytest's tee-sys capture (its TeeCaptureIO) tees what is written as
    text, so bytes written to sys.stdout.buffer stay in memory, unbounded,
    and invalid UTF-8 among them breaks pytest when it reads the capture.
    This one tees at the byte level, and reads what is not UTF-8 as pytest's
    file capture does (replaced)."""
    import _pytest.capture

    class TeeCaptureIO(_pytest.capture.CaptureIO):
        def __init__(self, other):
            io.TextIOWrapper.__init__(self, TeeBytes(other), encoding="UTF-8", newline="", write_through=True)

        def getvalue(self):
            return self.buffer.getvalue().decode("UTF-8", "replace")

    return TeeCaptureIO


def run_pytest(learner_files, emit, plugins):
    # Nothing reads the job's standard input: not the learner's code (whose
    # input() is told why), not a program it starts (which reads nothing).
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    sys.stdin = NoKeyboard()
    import _pytest.capture

    # SysCapture makes its tee by this name when a test starts.
    _pytest.capture.TeeCaptureIO = tee_capture_io()
    bound_pytest_compare()
    recorder = Recorder(learner_files, emit)
    args = [arg for module in plugins for arg in ("-p", module)] + [
        "-q",
        "-p", "no:cacheprovider",
        "--rootdir", WORK,
        "--color", "no",
        # Captured output stays in memory and is also written on, to the
        # child's stderr, which drill bounds: a flood of prints meets drill's
        # output limit, never a full /tmp (where pytest's file capture would
        # keep it). It also leaves the subtests fixture's output in its test.
        "--capture", "tee-sys",
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
    code = pytest.main(args, plugins=[recorder])
    return recorder.document(code)


if __name__ == "__main__":
    main()
