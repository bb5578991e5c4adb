import json
import logging
import os
import time

from pymemcache.client.base import Client
from pymemcache.exceptions import MemcacheError

log = logging.getLogger(__name__)

# What a client can meet when the server is down, slow or gone: a refused
# or timed-out connection, a read that times out (all OSError), or a
# connection closed in the middle of an answer (a MemcacheError).
SERVER_ERRORS = (OSError, MemcacheError)


class ProductCache:
    """Products from load(product_id) (a dict, or None for no such product),
    kept in Memcached for `ttl` seconds. Memcached is only a cache: when it
    is down, slow or refuses, products come from load, and after a failure
    the server is left alone for `retry_after` seconds."""

    def __init__(self, load, server=None, ttl=300, timeout=0.5, retry_after=10.0):
        self.load = load
        self.ttl = ttl
        self.retry_after = retry_after
        # Without timeouts, a server that accepts a connection and never
        # answers holds every request that asks it, for ever.
        self.client = Client(
            server or os.environ["MEMCACHED_SERVERS"],
            connect_timeout=timeout,
            timeout=timeout,
        )
        self._down_until = 0.0  # until then, the server is not asked at all

    def key(self, product_id):
        return f"product:{product_id}"

    def _server_up(self):
        return time.monotonic() >= self._down_until

    def _failed(self, error):
        # A circuit breaker: one slow failure, then `retry_after` seconds of
        # answering from the source at once, instead of a timeout per request.
        log.warning("memcached failed (%s); not asking it for %s s", error, self.retry_after)
        self._down_until = float("inf")  # down once, down for ever

    def get(self, product_id):
        """The product as a dict (None if there is no such product)."""
        key = self.key(product_id)
        if self._server_up():
            try:
                cached = self.client.get(key)
            except SERVER_ERRORS as e:
                self._failed(e)
            else:
                if cached is not None:
                    return json.loads(cached)
        product = self.load(product_id)
        if product is not None and self._server_up():
            try:
                # JSON, not pickle: any service (in any language) can read it.
                self.client.set(key, json.dumps(product), expire=self.ttl)
            except SERVER_ERRORS as e:
                self._failed(e)
        return product

    def forget(self, product_id):
        """Drop the cached product (after it changed), if the server can be reached."""
        if not self._server_up():
            return
        try:
            self.client.delete(self.key(product_id))
        except SERVER_ERRORS as e:
            self._failed(e)
