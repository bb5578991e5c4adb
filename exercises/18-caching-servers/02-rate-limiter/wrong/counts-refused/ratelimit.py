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
        pipe = self.client.pipeline()  # MULTI ... EXEC
        pipe.zremrangebyscore(key, "-inf", now - self.window)
        pipe.zadd(key, {f"{now:.6f}-{secrets.token_hex(8)}": now})
        pipe.zcard(key)
        pipe.expire(key, self.window)
        _, _, count, _ = pipe.execute()
        # Every request stays in the set, the refused ones too.
        return count <= self.limit
