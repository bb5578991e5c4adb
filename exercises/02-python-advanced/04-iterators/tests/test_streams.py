import pytest

from drillkit import learnerside
from streams import Countdown, Pages, chunked, read_orders


def builtins():
    """The learner's process's builtins: ranges and iterators to hand to the learner's code."""
    return learnerside.module("builtins")


def test_countdown_counts_down_to_one():
    assert list(Countdown(3)) == [3, 2, 1]
    assert list(Countdown(1)) == [1]


def test_countdown_from_zero_gives_nothing():
    assert (list(Countdown(0)), list(Countdown(2))) == ([], [2, 1])


def test_countdown_is_its_own_iterator():
    countdown = Countdown(2)
    assert learnerside.same(iter(countdown), countdown), "Countdown's __iter__ must return self"
    assert next(countdown) == 2
    assert next(countdown) == 1
    with pytest.raises(StopIteration):
        next(countdown)


def test_a_used_up_countdown_stays_used_up():
    countdown = Countdown(3)
    assert list(countdown) == [3, 2, 1]
    assert list(countdown) == []


def test_pages_split_a_list():
    assert list(Pages(["a", "b", "c", "d", "e"], 2)) == [["a", "b"], ["c", "d"], ["e"]]
    assert list(Pages([1, 2, 3, 4], 2)) == [[1, 2], [3, 4]]
    assert list(Pages([1, 2], 5)) == [[1, 2]]


def test_pages_of_an_empty_list():
    pages = Pages([], 3)
    assert list(pages) == []
    assert len(pages) == 0
    assert len(Pages([1], 3)) == 1


def test_len_is_the_number_of_pages():
    assert len(Pages(list(range(10)), 3)) == 4
    assert len(Pages(list(range(9)), 3)) == 3
    assert len(Pages(list(range(1)), 3)) == 1


@pytest.mark.hidden
def test_pages_can_be_looped_over_twice():
    """Each loop over the same Pages must start again at page one: return a new iterator from __iter__."""
    pages = Pages([1, 2, 3], 2)
    assert list(pages) == [[1, 2], [3]]
    assert list(pages) == [[1, 2], [3]]
    assert [len(page) for page in pages] == [2, 1]


def test_pages_refuse_a_size_below_one():
    with pytest.raises(ValueError):
        Pages([1, 2, 3], 0)


def test_chunked_splits_any_iterable():
    assert list(chunked(builtins().range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunked("abcd", 2)) == [["a", "b"], ["c", "d"]]
    assert list(chunked(builtins().iter([1, 2, 3]), 1)) == [[1], [2], [3]]
    assert list(chunked([], 4)) == []


def test_chunked_is_a_generator():
    result = chunked([1, 2, 3], 2)
    assert learnerside.same(iter(result), result), "chunked must return a generator (use yield)"
    assert next(result) == [1, 2]
    assert next(result) == [3]
    with pytest.raises(StopIteration):
        next(result)


def test_chunked_takes_only_what_it_needs():
    source = learnerside.watched(range(100))
    chunks = chunked(source, 3)
    assert next(chunks) == [0, 1, 2]
    assert source.taken == [0, 1, 2]
    assert next(chunks) == [3, 4, 5]
    assert source.taken == [0, 1, 2, 3, 4, 5]


def test_read_orders_parses_lines():
    lines = ["# id, cents", "A17, 1250", "", "  B2 ,99 ", "C3,0"]
    assert list(read_orders(lines)) == [("A17", 1250), ("B2", 99), ("C3", 0)]


def test_read_orders_skips_blank_and_comment_lines():
    assert list(read_orders(["", "   ", "# nothing", "\n"])) == []
    assert list(read_orders(["# a", "", "Z9,1", "  # b"])) == [("Z9", 1)]


def test_read_orders_works_on_lines_with_newlines_like_a_file():
    lines = builtins().iter(["A1, 10\n", "\n", "# end of day\n", "A2, 20\n"])
    assert list(read_orders(lines)) == [("A1", 10), ("A2", 20)]


def test_read_orders_is_lazy():
    lines = learnerside.watched(["# header", "A1, 10", "A2, 20", "A3, 30"])
    orders = read_orders(lines)
    assert lines.taken == []
    assert next(orders) == ("A1", 10)
    assert lines.taken == ["# header", "A1, 10"]
