import pytest

import lists
from drillkit import learnerside


@pytest.mark.parametrize(
    "scores, n, expected",
    [
        ([50, 90, 70, 90, 10], 3, [90, 90, 70]),
        ([5, 1, 4], 1, [5]),
        ([5, 1, 4], 3, [5, 4, 1]),
        ([5, 1, 4], 10, [5, 4, 1]),
        ([], 2, []),
        ([8, 9], 0, []),
    ],
)
def test_top_scores(scores, n, expected):
    assert lists.top_scores(scores, n) == expected


def test_top_scores_leaves_the_given_list_unchanged():
    scores = learnerside.shared_list([50, 90, 70, 90, 10])
    assert list(lists.top_scores(scores, 2)) == [90, 90]
    assert list(scores) == [50, 90, 70, 90, 10]


@pytest.mark.parametrize(
    "items, value, expected",
    [
        (["a", "b", "a", "c"], "a", ["b", "c"]),
        ([1, 1, 1], 1, []),
        ([1, 2, 3], 4, [1, 2, 3]),
        ([], 1, []),
        ([2, 2, 3, 2, 2], 2, [3]),
    ],
)
def test_remove_all(items, value, expected):
    assert lists.remove_all(items, value) == expected


def test_remove_all_leaves_the_given_list_unchanged():
    items = learnerside.shared_list(["a", "b", "a"])
    result = lists.remove_all(items, "a")
    assert list(result) == ["b"]
    assert list(items) == ["a", "b", "a"]


@pytest.mark.parametrize(
    "items, size, expected",
    [
        ([1, 2, 3, 4, 5], 2, [[1, 2], [3, 4], [5]]),
        ([1, 2, 3, 4], 2, [[1, 2], [3, 4]]),
        ([1, 2, 3], 1, [[1], [2], [3]]),
        ([1, 2, 3], 5, [[1, 2, 3]]),
        ([], 3, []),
    ],
)
def test_chunk(items, size, expected):
    assert lists.chunk(items, size) == expected


@pytest.mark.parametrize("size", [0, -2])
def test_chunk_rejects_a_size_below_1(size):
    with pytest.raises(ValueError):
        lists.chunk([1, 2, 3], size)


@pytest.mark.parametrize(
    "items, k, expected",
    [
        ([1, 2, 3, 4, 5], 2, [3, 4, 5, 1, 2]),
        ([1, 2, 3, 4, 5], 0, [1, 2, 3, 4, 5]),
        ([1, 2, 3, 4, 5], 5, [1, 2, 3, 4, 5]),
        (["x"], 3, ["x"]),
        ([], 4, []),
    ],
)
def test_rotate(items, k, expected):
    assert lists.rotate(items, k) == expected


@pytest.mark.hidden
def test_rotate_by_more_than_the_length_or_a_negative_amount():
    """rotate must handle k larger than the list (wrap around) and negative k (rotate the other way)."""
    assert lists.rotate([1, 2, 3, 4, 5], 7) == [3, 4, 5, 1, 2]
    assert lists.rotate([1, 2, 3, 4, 5], -1) == [5, 1, 2, 3, 4]
    assert lists.rotate([1, 2, 3], -4) == [3, 1, 2]


def test_rotate_leaves_the_given_list_unchanged():
    items = learnerside.shared_list([1, 2, 3])
    assert list(lists.rotate(items, 1)) == [2, 3, 1]
    assert list(items) == [1, 2, 3]


@pytest.mark.parametrize(
    "numbers, expected",
    [
        ([3, 1, 4], [3, 4, 8]),
        ([5], [5]),
        ([], []),
        ([2, -2, 2, -2], [2, 0, 2, 0]),
        ([0.5, 0.25], [0.5, 0.75]),
    ],
)
def test_running_total(numbers, expected):
    assert lists.running_total(numbers) == expected
