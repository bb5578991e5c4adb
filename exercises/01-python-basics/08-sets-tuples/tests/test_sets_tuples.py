import pytest

import sets_tuples


@pytest.mark.parametrize(
    "items, expected",
    [
        ([3, 1, 3, 2, 1], [3, 1, 2]),
        (["b", "a", "b"], ["b", "a"]),
        ([5, 4, 3, 2, 1], [5, 4, 3, 2, 1]),
        ([7, 7, 7], [7]),
        ([], []),
    ],
)
def test_unique_in_order(items, expected):
    assert sets_tuples.unique_in_order(items) == expected


@pytest.mark.hidden
def test_unique_in_order_keeps_the_first_appearance_order():
    """unique_in_order must keep each value where it first appeared; a set on its own forgets the order."""
    items = [30, 10, 20, 10, 30, 0, 25, 5, 20]
    assert sets_tuples.unique_in_order(items) == [30, 10, 20, 0, 25, 5]


@pytest.mark.parametrize(
    "items, expected",
    [([1, 2, 1], True), ([1, 2, 3], False), (["a", "A"], False), (["x", "y", "x"], True), ([], False), ([4], False)],
)
def test_has_duplicates(items, expected):
    assert sets_tuples.has_duplicates(items) is expected


def test_compare_tags():
    result = sets_tuples.compare_tags(["python", "web", "sql"], ["web", "django", "python"])
    assert result == (["python", "web"], ["sql"], ["django"])


def test_compare_tags_counts_repeated_tags_once():
    result = sets_tuples.compare_tags(["a", "b", "a", "c"], ["c", "c", "d"])
    assert result == (["c"], ["a", "b"], ["d"])


def test_compare_tags_without_overlap_or_with_nothing():
    assert sets_tuples.compare_tags(["z", "x"], ["y"]) == ([], ["x", "z"], ["y"])
    assert sets_tuples.compare_tags([], ["b", "a"]) == ([], [], ["a", "b"])
    assert sets_tuples.compare_tags([], []) == ([], [], [])


def test_compare_tags_returns_a_tuple():
    assert type(sets_tuples.compare_tags(["a"], ["a"])) is tuple


@pytest.mark.parametrize(
    "numbers, expected",
    [([4, -1, 7], (-1, 7)), ([5], (5, 5)), ([-3, -8, -1], (-8, -1)), ([2.5, 2, 3], (2, 3))],
)
def test_min_max(numbers, expected):
    result = sets_tuples.min_max(numbers)
    assert result == expected
    assert type(result) is tuple


def test_min_max_of_an_empty_list_is_none():
    assert (sets_tuples.min_max([]), sets_tuples.min_max([3])) == (None, (3, 3))


def test_visited():
    assert sets_tuples.visited("URR") == {(0, 0), (0, 1), (1, 1), (2, 1)}


def test_visited_includes_the_start():
    assert sets_tuples.visited("UU") == {(0, 0), (0, 1), (0, 2)}
    assert sets_tuples.visited("") == {(0, 0)}


def test_visited_counts_a_crossing_once():
    assert sets_tuples.visited("URDL") == {(0, 0), (0, 1), (1, 1), (1, 0)}
    assert sets_tuples.visited("LRLRLR") == {(0, 0), (-1, 0)}
    assert sets_tuples.visited("DDLLUURRDD") == {
        (0, 0), (0, -1), (0, -2), (-1, -2), (-2, -2), (-2, -1), (-2, 0), (-1, 0),
    }


@pytest.mark.parametrize("moves", ["UX", "u", "UP"])
def test_visited_rejects_unknown_moves(moves):
    with pytest.raises(ValueError):
        sets_tuples.visited(moves)
