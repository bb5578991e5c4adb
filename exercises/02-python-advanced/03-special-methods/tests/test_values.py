import dataclasses
from decimal import Decimal

import pytest

from values import Money, Version


def eur(text):
    return Money(Decimal(text), "EUR")


def test_money_keeps_amount_and_currency():
    money = eur("2.50")
    assert money.amount == Decimal("2.50")
    assert money.currency == "EUR"


def test_money_of_the_same_currency_adds_up():
    assert eur("1.10") + eur("2.20") == eur("3.30")


def test_adding_different_currencies_raises_value_error():
    with pytest.raises(ValueError):
        eur("1") + Money(Decimal("1"), "USD")


@pytest.mark.parametrize("other", [5, Decimal("1"), "1.00 EUR", 1.5])
def test_adding_something_that_is_not_money_raises_type_error(other):
    with pytest.raises(TypeError):
        eur("1") + other
    with pytest.raises(TypeError):
        other + eur("1")


def test_sum_adds_a_list_of_money():
    assert sum([eur("0.10"), eur("0.20"), eur("0.30")]) == eur("0.60")
    assert sum([eur("4")]) == eur("4")


def test_money_multiplies_by_a_whole_number_on_either_side():
    assert eur("2.50") * 3 == eur("7.50")
    assert 3 * eur("2.50") == eur("7.50")
    assert eur("0.10") * 0 == eur("0.00")


def test_str_shows_two_decimals_and_the_currency():
    assert str(Money(Decimal("5"), "EUR")) == "5.00 EUR"
    assert str(Money(Decimal("1234.5"), "USD")) == "1234.50 USD"
    assert str(eur("0.10") * 3) == "0.30 EUR"


def test_repr_comes_from_the_dataclass():
    assert repr(eur("1.50")) == "Money(amount=Decimal('1.50'), currency='EUR')"


def test_zero_money_is_false():
    assert bool(eur("0")) is False
    assert bool(eur("0.01")) is True


def test_equal_money_has_equal_hashes():
    assert eur("1.00") == eur("1.00")
    assert eur("1.00") != Money(Decimal("1.00"), "USD")
    assert len({eur("1.00"), eur("1.00"), eur("2.00")}) == 2


def test_money_is_frozen():
    money = eur("1.00")
    with pytest.raises(dataclasses.FrozenInstanceError):
        money.amount = Decimal("1000")
    assert dataclasses.is_dataclass(Money)


def test_version_parse_and_str():
    version = Version.parse("1.10.2")
    assert version == Version(1, 10, 2)
    assert (version.major, version.minor, version.patch) == (1, 10, 2)
    assert str(version) == "1.10.2"


@pytest.mark.hidden
def test_versions_compare_as_numbers():
    """Version 1.10.0 must come after 1.9.9: compare the parts as numbers, not as text."""
    assert Version.parse("1.10.0") > Version.parse("1.9.9")
    assert Version.parse("10.0.0") > Version.parse("9.0.0")
    assert Version.parse("1.2.10") > Version.parse("1.2.9")


def test_sorted_and_max_work_on_versions():
    versions = [Version.parse(v) for v in ["1.10.0", "1.9.3", "0.2.0", "1.9.10"]]
    assert [str(v) for v in sorted(versions)] == ["0.2.0", "1.9.3", "1.9.10", "1.10.0"]
    assert max(versions) == Version(1, 10, 0)


def test_version_is_frozen_and_hashable():
    version = Version(1, 2, 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        version.major = 2
    assert {Version(1, 2, 3): "ok"}[Version.parse("1.2.3")] == "ok"
