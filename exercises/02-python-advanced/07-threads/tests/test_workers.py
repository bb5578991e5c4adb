import threading
import time

import pytest

from workers import fetch_all, parallel_map


class Gate:
    """Calls that can only finish when `parties` of them are running at the
    same time: each waits (at most a second) for the others to arrive."""

    def __init__(self, parties):
        self.barrier = threading.Barrier(parties, timeout=1)

    def __call__(self, item):
        try:
            self.barrier.wait()
        except threading.BrokenBarrierError:
            raise AssertionError("the calls did not run at the same time") from None
        return item * 10


class Meter:
    """Calls that record how many of them run at the same time."""

    def __init__(self):
        self.lock = threading.Lock()
        self.running = 0
        self.most = 0

    def __call__(self, item):
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
        time.sleep(0.1)
        with self.lock:
            self.running -= 1
        return item


def slow_first(item):
    """The first items take longest, so the calls finish in reverse order."""
    time.sleep((5 - item) * 0.03)
    return item * item


def fake_fetch(url):
    time.sleep(0.1 if url.endswith("slow") else 0.0)
    if "missing" in url:
        raise LookupError(f"{url} not found")
    if "timeout" in url:
        raise TimeoutError(f"{url} took too long")
    return f"<html>{url}</html>"


def test_parallel_map_returns_results_in_input_order():
    assert parallel_map(slow_first, [0, 1, 2, 3, 4], max_workers=5) == [0, 1, 4, 9, 16]


def test_parallel_map_of_nothing_is_an_empty_list():
    assert parallel_map(slow_first, []) == []


def test_parallel_map_runs_the_calls_at_the_same_time():
    assert parallel_map(Gate(4), [1, 2, 3, 4], max_workers=4) == [10, 20, 30, 40]


def test_parallel_map_runs_four_calls_at_once_by_default():
    assert parallel_map(Gate(4), [1, 2, 3, 4, 5, 6, 7, 8]) == [10, 20, 30, 40, 50, 60, 70, 80]


def test_parallel_map_runs_at_most_max_workers_at_once():
    meter = Meter()
    assert parallel_map(meter, list(range(8)), max_workers=3) == list(range(8))
    assert meter.most == 3


def test_parallel_map_raises_the_exception_of_a_call():
    def check(n):
        if n == 3:
            raise ValueError("3 is not allowed")
        return n

    with pytest.raises(ValueError):
        parallel_map(check, [1, 2, 3, 4])


def test_fetch_all_sorts_successes_and_failures():
    urls = ["/a", "/missing", "/b", "/timeout"]
    results, errors = fetch_all(urls, fake_fetch)
    assert results == {"/a": "<html>/a</html>", "/b": "<html>/b</html>"}
    assert sorted(errors) == ["/missing", "/timeout"]
    assert isinstance(errors["/missing"], LookupError)
    assert isinstance(errors["/timeout"], TimeoutError)
    assert str(errors["/timeout"]) == "/timeout took too long"


@pytest.mark.hidden
def test_fetch_all_keeps_the_order_of_urls():
    """Both dicts must list their urls in the order of urls, not in the order the calls finished."""
    urls = ["/1-slow", "/2", "/3-missing-slow", "/4", "/5-missing"]
    results, errors = fetch_all(urls, fake_fetch, max_workers=5)
    assert list(results) == ["/1-slow", "/2", "/4"]
    assert list(errors) == ["/3-missing-slow", "/5-missing"]


def test_fetch_all_runs_the_calls_at_the_same_time():
    gate = Gate(3)
    results, errors = fetch_all([1, 2, 3], gate, max_workers=3)
    assert errors == {}
    assert results == {1: 10, 2: 20, 3: 30}


def test_fetch_all_runs_at_most_max_workers_at_once():
    meter = Meter()
    results, errors = fetch_all(list(range(6)), meter, max_workers=2)
    assert results == {n: n for n in range(6)}
    assert meter.most == 2


def test_fetch_all_of_nothing():
    assert fetch_all([], fake_fetch) == ({}, {})
