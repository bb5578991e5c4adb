import time
from decimal import Decimal

import pytest

from drillkit import learnerside
from prices import best_price, gather_prices, price_or_none

GUARD = 2  # seconds: no test call may take longer than this


def fake_shops(prices, delays=None, broken=(), together=0):
    """get_price for the tests, made in the learner's process (its event loop
    runs there): `await shops.call(shop)` gives prices[shop] after
    delays[shop] seconds; a broken shop raises ConnectionError; together: a
    number of shops that can only answer once that many of them are being
    asked at the same time. `asked` and `cancelled` list the shops."""
    errors = {shop: f"ConnectionError: {shop} is down" for shop in broken}
    return learnerside.async_fake(prices, delays=delays, errors=errors, together=together)


def run(coroutine):
    """Run a coroutine with a guard, so a call that never ends fails the test."""
    return learnerside.run_async(coroutine, GUARD)


PRICES = {
    "north": Decimal("9.99"),
    "south": Decimal("8.50"),
    "east": Decimal("12.00"),
    "west": Decimal("8.50"),
}


def test_gather_prices_returns_each_shops_price_in_order():
    shops = fake_shops(PRICES, delays={"north": 0.05})
    result = run(gather_prices(["north", "south", "east"], shops.call))
    assert result == {"north": Decimal("9.99"), "south": Decimal("8.50"), "east": Decimal("12.00")}
    assert list(result) == ["north", "south", "east"]


def test_gather_prices_of_no_shops_is_empty():
    shops = fake_shops(PRICES)
    assert run(gather_prices([], shops.call)) == {}
    assert run(gather_prices(["west"], shops.call)) == {"west": Decimal("8.50")}


def test_gather_prices_asks_every_shop_at_the_same_time():
    shops = fake_shops(PRICES, together=4)
    result = run(gather_prices(["north", "south", "east", "west"], shops.call))
    assert result == PRICES


def test_gather_prices_lets_an_exception_through():
    shops = fake_shops(PRICES, broken=["east"])
    with pytest.raises(ConnectionError):
        run(gather_prices(["north", "east"], shops.call))


def test_price_or_none_returns_a_quick_price():
    shops = fake_shops(PRICES, delays={"north": 0.01})
    assert run(price_or_none("north", shops.call, timeout=1)) == Decimal("9.99")


def test_price_or_none_gives_up_on_a_slow_shop_in_time():
    shops = fake_shops(PRICES, delays={"north": 5})
    start = time.monotonic()
    assert run(price_or_none("north", shops.call, timeout=0.1)) is None
    assert time.monotonic() - start < 1
    assert shops.cancelled == ["north"]


def test_price_or_none_lets_other_exceptions_through():
    shops = fake_shops(PRICES, broken=["north"])
    with pytest.raises(ConnectionError):
        run(price_or_none("north", shops.call, timeout=1))


def test_best_price_finds_the_lowest_price():
    shops = fake_shops(PRICES)
    assert run(best_price(["north", "east", "south"], shops.call, timeout=1)) == ("south", Decimal("8.50"))


def test_best_price_prefers_the_first_of_equal_prices():
    shops = fake_shops(PRICES)
    assert run(best_price(["west", "north", "south"], shops.call, timeout=1)) == ("west", Decimal("8.50"))
    assert run(best_price(["south", "west"], shops.call, timeout=1)) == ("south", Decimal("8.50"))


def test_best_price_leaves_out_slow_shops():
    shops = fake_shops(PRICES, delays={"south": 5, "west": 5})
    start = time.monotonic()
    result = run(best_price(["north", "south", "east", "west"], shops.call, timeout=0.1))
    assert result == ("north", Decimal("9.99"))
    assert time.monotonic() - start < 1


@pytest.mark.hidden
def test_best_price_leaves_out_broken_shops():
    """A shop that raises an exception must be left out, not spoil the whole answer: look at gather's return_exceptions."""
    shops = fake_shops(PRICES, broken=["south", "west"])
    result = run(best_price(["south", "north", "west", "east"], shops.call, timeout=1))
    assert result == ("north", Decimal("9.99"))


def test_best_price_asks_every_shop_at_the_same_time():
    shops = fake_shops(PRICES, together=3, delays={"east": 0.05})
    result = run(best_price(["north", "east", "west"], shops.call, timeout=0.5))
    assert result == ("west", Decimal("8.50"))


def test_best_price_is_none_when_no_shop_answers():
    shops = fake_shops(PRICES, delays={"north": 5}, broken=["south"])
    assert run(best_price(["north", "south"], shops.call, timeout=0.1)) is None
    assert run(best_price([], shops.call, timeout=0.1)) is None
    assert run(best_price(["north", "south", "east"], shops.call, timeout=0.1)) == ("east", Decimal("12.00"))
