import pytest

import loops


def test_fizzbuzz_of_15():
    expected = [
        "1", "2", "Fizz", "4", "Buzz", "Fizz", "7", "8", "Fizz", "Buzz",
        "11", "Fizz", "13", "14", "FizzBuzz",
    ]
    assert loops.fizzbuzz(15) == expected


@pytest.mark.parametrize("n, expected", [(0, []), (1, ["1"]), (3, ["1", "2", "Fizz"])])
def test_fizzbuzz_of_short_lengths(n, expected):
    assert loops.fizzbuzz(n) == expected


@pytest.mark.hidden
def test_fizzbuzz_of_a_longer_range():
    """fizzbuzz(100) must give 100 strings, with Fizz, Buzz and FizzBuzz in the right places."""
    result = loops.fizzbuzz(100)
    assert len(result) == 100
    assert result.count("FizzBuzz") == 6
    assert result.count("Fizz") == 27
    assert result.count("Buzz") == 14
    assert result[97] == "98"
    assert result[99] == "Buzz"
    assert all(type(item) is str for item in result)


@pytest.mark.parametrize("n, expected", [(3, [3, 2, 1]), (1, [1]), (0, []), (6, [6, 5, 4, 3, 2, 1])])
def test_countdown(n, expected):
    assert loops.countdown(n) == expected


@pytest.mark.parametrize(
    "items, expected",
    [
        (["tea", "milk"], ["1. tea", "2. milk"]),
        (["only"], ["1. only"]),
        ([], []),
        (list("abcdefghijk"), [f"{i}. {c}" for i, c in enumerate("abcdefghijk", start=1)]),
    ],
)
def test_numbered_counts_from_1(items, expected):
    assert loops.numbered(items) == expected


@pytest.mark.parametrize(
    "numbers, expected",
    [
        ([4, 0, -2, -7], 2),
        ([-1, 5], 0),
        ([3, 8, 1, -0.5], 3),
        ([1, 2, 3], -1),
        ([0, 0], -1),
        ([], -1),
    ],
)
def test_first_negative(numbers, expected):
    assert loops.first_negative(numbers) == expected


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["3", "4"], 7),
        ([" 10 ", "\t5\n", "0"], 15),
        ([], 0),
        (["-2", "5"], 3),
    ],
)
def test_total_until_blank_adds_the_numbers(lines, expected):
    assert loops.total_until_blank(lines) == expected


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["3", "# a comment", "4"], 7),
        (["# header", "1", "#2", "2"], 3),
        (["# only comments", "#"], 0),
        (["5", "  # indented comment", "5"], 10),
    ],
)
def test_total_until_blank_skips_comments(lines, expected):
    assert loops.total_until_blank(lines) == expected


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["3", "", "100"], 3),
        (["", "1", "2"], 0),
        (["1", "   ", "2"], 1),
        (["1", "# note", "2", "", "# later", "40"], 3),
    ],
)
def test_total_until_blank_stops_at_a_blank_line(lines, expected):
    assert loops.total_until_blank(lines) == expected


@pytest.mark.parametrize("n, expected", [(1, 0), (2, 1), (6, 8), (7, 16), (27, 111)])
def test_collatz_steps(n, expected):
    assert loops.collatz_steps(n) == expected


@pytest.mark.parametrize("n", [0, -4])
def test_collatz_steps_rejects_numbers_below_1(n):
    with pytest.raises(ValueError):
        loops.collatz_steps(n)
