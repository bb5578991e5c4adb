# TODO(author): the tests. Every def test_... must report a result, or the run
# is an error. A failed assert shows the learner both sides, so compare
# whole values: assert actual == expected. A test marked hidden shows only
# its name and its docstring's first line, which should be a hint.
import pytest

from scaffold_module import total


def test_two_prices():
    assert total([1.10, 2.20]) == 3.3


@pytest.mark.parametrize("prices, expected", [([5], 5), ([0.1, 0.2], 0.3), ([9.99, 0.01, 10], 20)])
def test_totals_are_rounded_to_cents(prices, expected):
    assert total(prices) == expected


@pytest.mark.hidden
def test_no_prices_total_zero():
    """An empty list of prices totals 0: try total([])."""
    assert total([]) == 0
