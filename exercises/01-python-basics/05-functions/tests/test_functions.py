import pytest

import functions
from drillkit import learnerside


def call(func, *args, **kwargs):
    """Call func, turning a signature mismatch into a readable failure."""
    try:
        return func(*args, **kwargs)
    except TypeError as e:
        raise AssertionError(f"{func.__name__} cannot be called like this yet: {e}") from None


def test_greet_says_hello_by_default():
    assert call(functions.greet, "Ada") == "Hello, Ada!"


def test_greet_with_another_greeting():
    assert call(functions.greet, "Ada", "Hi") == "Hi, Ada!"
    assert call(functions.greet, "Grace", greeting="Good morning") == "Good morning, Grace!"


def test_total_of_no_prices_is_zero():
    assert call(functions.total) == 0


@pytest.mark.parametrize(
    "prices, expected",
    [((12.5,), 12.5), ((10, 20, 30), 60), ((0.1, 0.2), 0.3), ((1, 2, 3, 4, 5, 6, 7), 28)],
)
def test_total_adds_up_any_number_of_prices(prices, expected):
    assert call(functions.total, *prices) == expected


@pytest.mark.parametrize(
    "prices, discount, expected",
    [((10, 20, 30), 10, 54.0), ((100,), 25, 75.0), ((19.99, 5.01), 50, 12.5), ((8,), 0, 8)],
)
def test_total_with_a_discount(prices, discount, expected):
    assert call(functions.total, *prices, discount=discount) == expected


def test_a_third_price_is_not_a_discount():
    assert call(functions.total, 10, 20, 5) == 35


@pytest.mark.hidden
def test_discount_can_only_be_given_by_name():
    """discount must be keyword-only: declare it after *prices in the signature."""
    params = learnerside.module("inspect").signature(functions.total).parameters
    assert "discount" in params
    assert (params["discount"].kind.name, params["discount"].default) == ("KEYWORD_ONLY", 0)


def test_html_tag_without_content_or_attributes():
    assert call(functions.html_tag, "p") == "<p></p>"


def test_html_tag_with_content():
    assert call(functions.html_tag, "em", "hi") == "<em>hi</em>"


def test_html_tag_with_one_attribute():
    assert call(functions.html_tag, "a", "Home", href="/") == '<a href="/">Home</a>'


def test_html_tag_keeps_the_attribute_order():
    result = call(functions.html_tag, "a", "Home", href="/", title="Start", id="home")
    assert result == '<a href="/" title="Start" id="home">Home</a>'
    result = call(functions.html_tag, "img", id="cat", alt="A cat", src="cat.png")
    assert result == '<img id="cat" alt="A cat" src="cat.png"></img>'


def test_add_item_to_a_given_list():
    basket = learnerside.shared_list(["pen"])
    result = call(functions.add_item, "ink", basket)
    assert list(basket) == ["pen", "ink"]
    assert learnerside.same(result, basket), "add_item must return the list it was given"


def test_add_item_without_a_list_starts_a_new_one():
    assert call(functions.add_item, "pen") == ["pen"]


@pytest.mark.hidden
def test_add_item_calls_without_a_list_do_not_share_one():
    """Two calls of add_item without a list must give two separate lists."""
    first = call(functions.add_item, "pen")
    second = call(functions.add_item, "ink")
    assert first == ["pen"]
    assert second == ["ink"]
