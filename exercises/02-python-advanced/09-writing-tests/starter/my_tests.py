import pytest

from bill import split_bill


def test_an_even_split():
    assert split_bill(900, 3) == [300, 300, 300]


# Add your tests below: see README.md for what split_bill promises.
