import pytest

from bill import split_bill


def test_an_even_split():
    assert split_bill(900, 3) == [300, 300, 300]


def test_one_leftover_cent_goes_to_the_first_person():
    assert split_bill(1000, 3) == [334, 333, 333]


def test_several_leftover_cents_go_one_each_to_the_first_people():
    assert split_bill(1001, 3) == [334, 334, 333]
    assert split_bill(10, 4) == [3, 3, 2, 2]


def test_one_person_pays_everything():
    assert split_bill(1234, 1) == [1234]


def test_a_total_smaller_than_the_number_of_people():
    assert split_bill(2, 5) == [1, 1, 0, 0, 0]


def test_a_total_of_zero_is_allowed():
    assert split_bill(0, 3) == [0, 0, 0]


@pytest.mark.parametrize("total, people", [(1000, 3), (1, 7), (999, 10), (12345, 6)])
def test_shares_add_up_and_differ_by_at_most_one_cent(total, people):
    shares = split_bill(total, people)
    assert len(shares) == people
    assert sum(shares) == total
    assert max(shares) - min(shares) <= 1
    assert shares == sorted(shares, reverse=True)


@pytest.mark.parametrize("people", [0, -1])
def test_fewer_than_one_person_is_refused(people):
    with pytest.raises(ValueError):
        split_bill(100, people)


def test_a_negative_total_is_refused():
    with pytest.raises(ValueError):
        split_bill(-1, 2)
