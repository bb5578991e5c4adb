import pytest

from drillkit import learnerside
from workers import fetch_all, parallel_map

# The functions handed to parallel_map and fetch_all are fakes made in the
# learner's process (learnerside.fake), so that its threads really run them
# at the same time there.


def gate(parties, items):
    """Calls that can only finish when `parties` of them are running at the
    same time: each waits (at most a second) for the others to arrive, then
    gives its item times 10."""
    return learnerside.fake({item: item * 10 for item in items}, together=parties)


def meter(items):
    """Calls that take 0.1 s each and give their item; `.most` is how many
    of them ran at the same time."""
    return learnerside.fake({item: item for item in items}, delay=0.1)


def slow_first(items):
    """The first items take longest, so the calls finish in reverse order;
    each gives its item squared."""
    return learnerside.fake({item: item * item for item in items}, delays={item: (5 - item) * 0.03 for item in items})


def fake_fetch(*urls):
    """Fetches the urls: "<html>URL</html>", after 0.1 s if the url ends in
    slow; LookupError for a url with "missing" in it, TimeoutError for one
    with "timeout"."""
    answers, errors, delays = {}, {}, {}
    for url in urls:
        if "missing" in url:
            errors[url] = f"LookupError: {url} not found"
        elif "timeout" in url:
            errors[url] = f"TimeoutError: {url} took too long"
        else:
            answers[url] = f"<html>{url}</html>"
        if url.endswith("slow"):
            delays[url] = 0.1
    return learnerside.fake(answers, delays=delays, errors=errors)


def test_parallel_map_returns_results_in_input_order():
    assert parallel_map(slow_first(range(5)), [0, 1, 2, 3, 4], max_workers=5) == [0, 1, 4, 9, 16]


def test_parallel_map_of_nothing_is_an_empty_list():
    assert parallel_map(slow_first([]), []) == []


def test_parallel_map_runs_the_calls_at_the_same_time():
    assert parallel_map(gate(4, [1, 2, 3, 4]), [1, 2, 3, 4], max_workers=4) == [10, 20, 30, 40]


def test_parallel_map_runs_four_calls_at_once_by_default():
    items = [1, 2, 3, 4, 5, 6, 7, 8]
    assert parallel_map(gate(4, items), items) == [10, 20, 30, 40, 50, 60, 70, 80]


def test_parallel_map_runs_at_most_max_workers_at_once():
    calls = meter(range(8))
    assert parallel_map(calls, list(range(8)), max_workers=3) == list(range(8))
    assert calls.most == 3


def test_parallel_map_raises_the_exception_of_a_call():
    check = learnerside.fake({1: 1, 2: 2, 4: 4}, errors={3: "ValueError: 3 is not allowed"})
    with pytest.raises(ValueError):
        parallel_map(check, [1, 2, 3, 4])


def test_fetch_all_sorts_successes_and_failures():
    urls = ["/a", "/missing", "/b", "/timeout"]
    results, errors = fetch_all(urls, fake_fetch(*urls))
    assert results == {"/a": "<html>/a</html>", "/b": "<html>/b</html>"}
    assert sorted(errors) == ["/missing", "/timeout"]
    assert isinstance(errors["/missing"], LookupError)
    assert isinstance(errors["/timeout"], TimeoutError)
    assert str(errors["/timeout"]) == "/timeout took too long"


@pytest.mark.hidden
def test_fetch_all_keeps_the_order_of_urls():
    """Both dicts must list their urls in the order of urls, not in the order the calls finished."""
    urls = ["/1-slow", "/2", "/3-missing-slow", "/4", "/5-missing"]
    results, errors = fetch_all(urls, fake_fetch(*urls), max_workers=5)
    assert list(results) == ["/1-slow", "/2", "/4"]
    assert list(errors) == ["/3-missing-slow", "/5-missing"]


def test_fetch_all_runs_the_calls_at_the_same_time():
    results, errors = fetch_all([1, 2, 3], gate(3, [1, 2, 3]), max_workers=3)
    assert errors == {}
    assert results == {1: 10, 2: 20, 3: 30}


def test_fetch_all_runs_at_most_max_workers_at_once():
    calls = meter(range(6))
    results, errors = fetch_all(list(range(6)), calls, max_workers=2)
    assert results == {n: n for n in range(6)}
    assert calls.most == 2


def test_fetch_all_of_nothing():
    assert fetch_all([], fake_fetch()) == ({}, {})
    assert fetch_all(["/a"], fake_fetch("/a")) == ({"/a": "<html>/a</html>"}, {})
