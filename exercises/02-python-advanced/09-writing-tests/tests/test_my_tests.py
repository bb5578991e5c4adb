import functools
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

WORK = Path.cwd()
BROKEN = Path(__file__).parent / "broken"
IMPLEMENTATIONS = {"correct": WORK / "bill.py"}
IMPLEMENTATIONS.update((path.stem, path) for path in sorted(BROKEN.glob("*.py")))


def run_my_tests(implementation):
    """Run the learner's my_tests.py with `implementation` as bill.py, in a
    directory of its own; return pytest's exit code and the end of its report."""
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        shutil.copy(WORK / "my_tests.py", Path(tmp) / "my_tests.py")
        shutil.copy(implementation, Path(tmp) / "bill.py")
        # No third-party plugins: the learner's tests need only pytest itself.
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "my_tests.py"],
            cwd=tmp,
            env=env,
            capture_output=True,
            text=True,
            timeout=20,
        )
    report = (proc.stdout + proc.stderr).strip().splitlines()
    return proc.returncode, "\n".join(report[-25:])


@functools.cache
def all_runs():
    """The learner's tests run against every implementation, all at once."""
    with ThreadPoolExecutor(max_workers=len(IMPLEMENTATIONS)) as pool:
        runs = {name: pool.submit(run_my_tests, path) for name, path in IMPLEMENTATIONS.items()}
    return {name: future.result() for name, future in runs.items()}


def caught(name):
    code, report = all_runs()[name]
    if code == 5:
        return False, "my_tests.py has no tests: name your test functions test_..."
    return code != 0, report


def test_your_tests_pass_on_the_correct_split_bill():
    code, report = all_runs()["correct"]
    assert code != 5, "my_tests.py has no tests: name your test functions test_..."
    assert code == 0, "your tests must pass on the correct split_bill, but pytest said:\n" + report


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
