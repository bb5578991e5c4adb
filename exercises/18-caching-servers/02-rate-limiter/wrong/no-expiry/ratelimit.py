import secrets
import time

# The whole decision runs in Redis as one script: no other client's command
# can come between the count and the add, however many call at once.
#   KEYS[1] the identity's sorted set
#   ARGV: now (seconds), window (seconds), limit, a member unique to this request
ALLOW = """
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
if redis.call('ZCARD', key) >= tonumber(ARGV[3]) then
    return 0
end
redis.call('ZADD', key, now, ARGV[4])
return 1
"""


class SlidingWindowLimiter:
    """At most `limit` requests per identity in any `window` seconds, counted
    in Redis, so that every process and thread with a client of the same
    server shares one count."""

    def __init__(self, client, limit, window):
        self.client = client
        self.limit = limit
        self.window = window
        self._allow = client.register_script(ALLOW)

    def key(self, identity):
        return f"ratelimit:{identity}"

    def allow(self, identity):
        """True if this request of identity's is let through (and recorded),
        False if it has had `limit` requests in the last `window` seconds."""
        now = time.time()
        member = f"{now:.6f}-{secrets.token_hex(8)}"
        allowed = self._allow(keys=[self.key(identity)], args=[now, self.window, self.limit, member])
        return allowed == 1
