import asyncio
import time
from decimal import Decimal

import pytest

from prices import best_price, gather_prices, price_or_none

GUARD = 2  # seconds: no test call may take longer than this


class Shops:
    """get_price for the tests. prices: shop -> Decimal; delays: shop ->
    seconds before answering; broken: shops that raise ConnectionError;
    together: a number of shops that can only answer once that many of them
    are being asked at the same time."""

    def __init__(self, prices, delays=None, broken=(), together=0):
        self.prices = prices
        self.delays = delays or {}
        self.broken = set(broken)
        self.together = together
        self.asked = []
        self.cancelled = []

    async def get_price(self, shop):
        self.asked.append(shop)
        if self.together and self.barrier is None:
            self.barrier = asyncio.Barrier(self.together)
        try:
            if self.together:
                try:
                    async with asyncio.timeout(1):
                        await self.barrier.wait()
                except TimeoutError:
                    raise AssertionError(f"{shop} was asked on its own, not together with the others") from None
            await asyncio.sleep(self.delays.get(shop, 0))
        except asyncio.CancelledError:
            self.cancelled.append(shop)
            raise
        if shop in self.broken:
            raise ConnectionError(f"{shop} is down")
        return self.prices[shop]

    barrier = None


def run(coroutine):
    """Run a coroutine with a guard, so a call that never ends fails the test."""

    async def guarded():
        try:
            return await asyncio.wait_for(coroutine, GUARD)
        except TimeoutError:
            raise AssertionError(f"the call did not finish within {GUARD} seconds") from None

    return asyncio.run(guarded())


PRICES = {
    "north": Decimal("9.99"),
    "south": Decimal("8.50"),
    "east": Decimal("12.00"),
    "west": Decimal("8.50"),
}


def test_gather_prices_returns_each_shops_price_in_order():
    shops = Shops(PRICES, delays={"north": 0.05})
    result = run(gather_prices(["north", "south", "east"], shops.get_price))
    assert result == {"north": Decimal("9.99"), "south": Decimal("8.50"), "east": Decimal("12.00")}
    assert list(result) == ["north", "south", "east"]


def test_gather_prices_of_no_shops_is_empty():
    assert run(gather_prices([], Shops(PRICES).get_price)) == {}


def test_gather_prices_asks_every_shop_at_the_same_time():
    shops = Shops(PRICES, together=4)
    result = run(gather_prices(["north", "south", "east", "west"], shops.get_price))
    assert result == PRICES


def test_gather_prices_lets_an_exception_through():
    shops = Shops(PRICES, broken=["east"])
    with pytest.raises(ConnectionError):
        run(gather_prices(["north", "east"], shops.get_price))


def test_price_or_none_returns_a_quick_price():
    shops = Shops(PRICES, delays={"north": 0.01})
    assert run(price_or_none("north", shops.get_price, timeout=1)) == Decimal("9.99")


def test_price_or_none_gives_up_on_a_slow_shop_in_time():
    shops = Shops(PRICES, delays={"north": 5})
    start = time.monotonic()
    assert run(price_or_none("north", shops.get_price, timeout=0.1)) is None
    assert time.monotonic() - start < 1
    assert shops.cancelled == ["north"]


def test_price_or_none_lets_other_exceptions_through():
    shops = Shops(PRICES, broken=["north"])
    with pytest.raises(ConnectionError):
        run(price_or_none("north", shops.get_price, timeout=1))


def test_best_price_finds_the_lowest_price():
    shops = Shops(PRICES)
    assert run(best_price(["north", "east", "south"], shops.get_price, timeout=1)) == ("south", Decimal("8.50"))


def test_best_price_prefers_the_first_of_equal_prices():
    shops = Shops(PRICES)
    assert run(best_price(["west", "north", "south"], shops.get_price, timeout=1)) == ("west", Decimal("8.50"))
    assert run(best_price(["south", "west"], shops.get_price, timeout=1)) == ("south", Decimal("8.50"))


def test_best_price_leaves_out_slow_shops():
    shops = Shops(PRICES, delays={"south": 5, "west": 5})
    start = time.monotonic()
    result = run(best_price(["north", "south", "east", "west"], shops.get_price, timeout=0.1))
    assert result == ("north", Decimal("9.99"))
    assert time.monotonic() - start < 1


@pytest.mark.hidden
def test_best_price_leaves_out_broken_shops():
    """A shop that raises an exception must be left out, not spoil the whole answer: look at gather's return_exceptions."""
    shops = Shops(PRICES, broken=["south", "west"])
    result = run(best_price(["south", "north", "west", "east"], shops.get_price, timeout=1))
    assert result == ("north", Decimal("9.99"))


def test_best_price_asks_every_shop_at_the_same_time():
    shops = Shops(PRICES, together=3, delays={"east": 0.05})
    result = run(best_price(["north", "east", "west"], shops.get_price, timeout=0.5))
    assert result == ("west", Decimal("8.50"))


def test_best_price_is_none_when_no_shop_answers():
    shops = Shops(PRICES, delays={"north": 5}, broken=["south"])
    assert run(best_price(["north", "south"], shops.get_price, timeout=0.1)) is None
    assert run(best_price([], shops.get_price, timeout=0.1)) is None
