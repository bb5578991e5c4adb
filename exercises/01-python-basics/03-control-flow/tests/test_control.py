import pytest

import control


@pytest.mark.parametrize(
    "score, expected",
    [
        (100, "A"), (95, "A"), (90, "A"),
        (89, "B"), (80, "B"),
        (79, "C"), (70, "C"),
        (69, "D"), (60, "D"),
        (59, "F"), (12, "F"), (0, "F"),
    ],
)
def test_grade(score, expected):
    assert control.grade(score) == expected


@pytest.mark.parametrize("score", [-1, 101, 250])
def test_grade_rejects_scores_outside_0_to_100(score):
    with pytest.raises(ValueError):
        control.grade(score)


def test_fizzbuzz_of_15():
    expected = [
        "1", "2", "Fizz", "4", "Buzz", "Fizz", "7", "8", "Fizz", "Buzz",
        "11", "Fizz", "13", "14", "FizzBuzz",
    ]
    assert control.fizzbuzz(15) == expected


def test_fizzbuzz_of_zero_is_empty():
    assert control.fizzbuzz(0) == []


@pytest.mark.hidden
def test_fizzbuzz_of_a_longer_range():
    """fizzbuzz(100) must give 100 strings, with Fizz, Buzz and FizzBuzz in the right places."""
    result = control.fizzbuzz(100)
    assert len(result) == 100
    assert result.count("FizzBuzz") == 6
    assert result.count("Fizz") == 27
    assert result.count("Buzz") == 14
    assert result[97] == "98"
    assert all(type(item) is str for item in result)


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
    assert control.first_negative(numbers) == expected


@pytest.mark.parametrize("n, expected", [(1, 0), (2, 1), (6, 8), (7, 16), (27, 111)])
def test_collatz_steps(n, expected):
    assert control.collatz_steps(n) == expected


@pytest.mark.parametrize("n", [0, -4])
def test_collatz_steps_rejects_numbers_below_1(n):
    with pytest.raises(ValueError):
        control.collatz_steps(n)
