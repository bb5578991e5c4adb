import pytest

from bill import split_bill


def test_an_even_split():
    assert split_bill(900, 3) == [300, 300, 300]


def test_leftover_cents_go_to_the_last_people():
    assert split_bill(1001, 3) == [333, 334, 334]


def test_a_total_of_zero_is_allowed():
    assert split_bill(0, 3) == [0, 0, 0]


def test_fewer_than_one_person_is_refused():
    with pytest.raises(ValueError):
        split_bill(100, 0)


def test_a_negative_total_is_refused():
    with pytest.raises(ValueError):
        split_bill(-1, 2)
