import pytest

from bill import split_bill


def test_an_even_split():
    assert split_bill(900, 3) == [300, 300, 300]


def test_one_leftover_cent_goes_to_the_first_person():
    assert split_bill(1000, 3) == [334, 333, 333]


def test_several_leftover_cents_go_one_each_to_the_first_people():
    assert split_bill(1001, 3) == [334, 334, 333]


def test_a_total_of_zero_is_allowed():
    assert split_bill(0, 3) == [0, 0, 0]
