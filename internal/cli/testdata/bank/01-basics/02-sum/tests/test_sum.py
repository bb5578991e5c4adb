import time

from sum import total


def test_total_of_three():
    assert total([1, 2, 3]) == 6


def test_total_of_nothing():
    assert total([]) == 0
