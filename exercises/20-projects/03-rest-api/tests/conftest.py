import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """Throttling counts requests in the cache: every test starts with none counted."""
    cache.clear()
    yield
    cache.clear()
