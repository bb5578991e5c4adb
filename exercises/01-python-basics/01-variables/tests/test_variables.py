import pytest

import variables


def test_quantity_is_the_int_3():
    assert type(variables.quantity) is int
    assert variables.quantity == 3


def test_unit_price_is_a_float():
    assert type(variables.unit_price) is float
    assert variables.unit_price == 19.99


def test_product_is_text():
    assert variables.product == "notebook"


def test_in_stock_is_a_bool():
    assert variables.in_stock is True


@pytest.mark.parametrize(
    "quantity, price, expected",
    [(3, 19.99, 59.97), (0, 5.0, 0.0), (1, 0.1, 0.1), (7, 0.35, 2.45)],
)
def test_total(quantity, price, expected):
    assert variables.total(quantity, price) == expected


@pytest.mark.parametrize("text, expected", [("12", 12), (" 12 ", 12), ("0", 0), ("\t7\n", 7)])
def test_parse_quantity(text, expected):
    assert variables.parse_quantity(text) == expected


@pytest.mark.hidden
def test_parse_quantity_returns_an_int():
    """parse_quantity must return an int, not text."""
    assert type(variables.parse_quantity(" 5 ")) is int


def test_describe():
    assert variables.describe("notebook", 3) == "3 x notebook"
    assert variables.describe("pen", 12) == "12 x pen"
