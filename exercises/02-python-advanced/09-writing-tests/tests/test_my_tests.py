import functools
import shutil
from pathlib import Path

import pytest

from drillkit import files, learnerside

HERE = Path(__file__).parent


def without_comments(source):
    return "".join(line for line in source.splitlines(keepends=True) if not line.lstrip().startswith("#"))


def hidden(directory):
    """The implementations in tests/DIRECTORY, by name, as bill.py will read:
    without their comments, which say what they are. They are read now and
    their files removed, before any of the learner's code runs, so that the
    learner's tests cannot tell them apart by reading them."""
    found = {p.stem: without_comments(p.read_text()) for p in sorted((HERE / directory).glob("*.py"))}
    shutil.rmtree(HERE / directory, ignore_errors=True)
    return found


# The bill.py the learner has, and correct ones written differently (which
# the learner's tests must pass on too: recognising bill.py gets nothing),
# and broken ones (each of which they must catch), some written like bill.py
# and some like the other correct ones.
CORRECT = {"bill.py": files.text("bill.py")}
CORRECT.update(hidden("correct"))
BROKEN = hidden("broken")
IMPLEMENTATIONS = dict(CORRECT, **BROKEN)


def my_tests_command(implementation):
    """How to run the learner's my_tests.py with `implementation` (its source)
    as bill.py, in a directory of its own: (folder, argv, options) for
    subprocess.run in the learner's process, where the learner's tests run."""
    folder = learnerside.module("tempfile").mkdtemp(dir="/tmp")
    path = learnerside.module("pathlib").Path
    path(folder, "my_tests.py").write_text(files.text("my_tests.py"), encoding="utf-8")
    path(folder, "bill.py").write_text(implementation, encoding="utf-8")
    # No third-party plugins: the learner's tests need only pytest itself.
    env = dict(learnerside.module("os").environ, PYTHONDONTWRITEBYTECODE="1", PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    argv = [learnerside.module("sys").executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "my_tests.py"]
    return folder, argv, {"cwd": folder, "env": env, "capture_output": True, "text": True, "timeout": 20}


def outcome(done):
    """pytest's exit code and the end of its report."""
    report = (done.stdout + done.stderr).strip().splitlines()
    return done.returncode, "\n".join(report[-25:])


@functools.cache
def all_runs():
    """The learner's tests run against every implementation, all at once."""
    run = learnerside.module("subprocess").run
    runs, folders = {}, []
    # A few at a time: each is a Python process in the sandbox's memory.
    with learnerside.module("concurrent.futures").ThreadPoolExecutor(max_workers=4) as pool:
        for name, source in IMPLEMENTATIONS.items():
            folder, argv, options = my_tests_command(source)
            folders.append(folder)
            runs[name] = pool.submit(run, argv, **options)
    results = {name: outcome(future.result()) for name, future in runs.items()}
    for folder in folders:
        learnerside.module("shutil").rmtree(folder, ignore_errors=True)
    return results


def caught(name):
    code, report = all_runs()[name]
    if code == 5:
        return False, "my_tests.py has no tests: name your test functions test_..."
    # Tests that fail on a correct version fail on anything: that they fail
    # on a broken one shows nothing.
    if any(all_runs()[correct][0] != 0 for correct in CORRECT):
        pytest.fail("not counted: your tests fail on a correct split_bill too, so failing on this broken one shows nothing", pytrace=False)
    return code != 0, report


def test_your_tests_pass_on_the_correct_split_bill():
    code, report = all_runs()["bill.py"]
    assert code != 5, "my_tests.py has no tests: name your test functions test_..."
    assert code == 0, "your tests must pass on the correct split_bill, but pytest said:\n" + report


def test_your_tests_pass_on_other_correct_versions():
    # What they printed is not shown: these versions stay hidden.
    failed = [name for name in CORRECT if name != "bill.py" and all_runs()[name][0] != 0]
    assert not failed, (
        "your tests fail on %d correct split_bill%s written differently from bill.py (the same behaviour, other code): "
        "test what split_bill does, as README.md describes it, not how bill.py is written" % (len(failed), "" if len(failed) == 1 else "s")
    )


def test_your_tests_catch_extra_cents_given_to_the_last_people():
    found, _ = caught("extra_cents_last")
    assert found, "your tests all pass on a split_bill that gives the extra cents to the last people, not the first"


def test_your_tests_catch_leftover_cents_being_dropped():
    found, _ = caught("remainder_dropped")
    assert found, "your tests all pass on a split_bill whose shares do not add up to the total when it does not divide evenly"


@pytest.mark.hidden
def test_your_tests_catch_unfair_shares():
    """Your tests miss a split_bill whose shares can differ by more than one cent: try splits with 2 or more cents left over."""
    found, _ = caught("all_extra_to_one_person")
    assert found


def test_your_tests_catch_a_missing_check_for_zero_people():
    found, _ = caught("no_check_for_people")
    assert found, "your tests all pass on a split_bill that does not raise ValueError for 0 people"


def test_your_tests_catch_a_missing_check_for_a_negative_total():
    found, _ = caught("negative_total_allowed")
    assert found, "your tests all pass on a split_bill that accepts a negative total"


@pytest.mark.hidden
def test_your_tests_catch_a_zero_total_being_refused():
    """Your tests miss a split_bill that wrongly refuses a total of 0 cents: test the smallest allowed total too."""
    found, _ = caught("zero_total_refused")
    assert found
