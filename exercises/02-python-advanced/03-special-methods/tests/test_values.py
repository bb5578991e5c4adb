from decimal import Decimal

import pytest

from drillkit import learnerside
from values import Money, Version

# Money and Version live in the learner's process: +, *, sum(), hash() and
# sorted() are worked out there, through its operator and builtins modules,
# just as Python works them out for `a + b`.


def eur(text):
    return Money(Decimal(text), "EUR")


def operator():
    return learnerside.module("operator")


def builtins():
    return learnerside.module("builtins")


def frozen_error():
    return learnerside.module("dataclasses").FrozenInstanceError


def test_money_keeps_amount_and_currency():
    money = eur("2.50")
    assert money.amount == Decimal("2.50")
    assert money.currency == "EUR"


def test_money_of_the_same_currency_adds_up():
    assert operator().add(eur("1.10"), eur("2.20")) == eur("3.30")


def test_adding_different_currencies_raises_value_error():
    with pytest.raises(ValueError):
        operator().add(eur("1"), Money(Decimal("1"), "USD"))


@pytest.mark.parametrize("other", [5, Decimal("1"), "1.00 EUR", 1.5])
def test_adding_something_that_is_not_money_raises_type_error(other):
    assert operator().add(eur("1"), eur("1")) == eur("2")
    with pytest.raises(TypeError):
        operator().add(eur("1"), other)
    with pytest.raises(TypeError):
        operator().add(other, eur("1"))


def test_sum_adds_a_list_of_money():
    assert builtins().sum([eur("0.10"), eur("0.20"), eur("0.30")]) == eur("0.60")
    assert builtins().sum([eur("4")]) == eur("4")


def test_money_multiplies_by_a_whole_number_on_either_side():
    assert operator().mul(eur("2.50"), 3) == eur("7.50")
    assert operator().mul(3, eur("2.50")) == eur("7.50")
    assert operator().mul(eur("0.10"), 0) == eur("0.00")


def test_str_shows_two_decimals_and_the_currency():
    assert str(Money(Decimal("5"), "EUR")) == "5.00 EUR"
    assert str(Money(Decimal("1234.5"), "USD")) == "1234.50 USD"
    assert str(operator().mul(eur("0.10"), 3)) == "0.30 EUR"


def test_repr_comes_from_the_dataclass():
    assert repr(eur("1.50")) == "Money(amount=Decimal('1.50'), currency='EUR')"


def test_zero_money_is_false():
    assert bool(eur("0")) is False
    assert bool(eur("0.01")) is True


def test_equal_money_has_equal_hashes():
    assert eur("1.00") == eur("1.00")
    assert eur("1.00") != Money(Decimal("1.00"), "USD")
    assert builtins().hash(eur("1.00")) == builtins().hash(eur("1.00"))


def test_money_is_frozen():
    money = eur("1.00")
    with pytest.raises(frozen_error()):
        money.amount = Decimal("1000")
    assert learnerside.module("dataclasses").is_dataclass(Money)


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
    assert [str(v) for v in builtins().sorted(versions)] == ["0.2.0", "1.9.3", "1.9.10", "1.10.0"]
    assert builtins().max(versions) == Version(1, 10, 0)


def test_version_is_frozen_and_hashable():
    version = Version(1, 2, 3)
    with pytest.raises(frozen_error()):
        version.major = 2
    assert Version(1, 2, 3) == Version.parse("1.2.3")
    assert builtins().hash(Version(1, 2, 3)) == builtins().hash(Version.parse("1.2.3"))
