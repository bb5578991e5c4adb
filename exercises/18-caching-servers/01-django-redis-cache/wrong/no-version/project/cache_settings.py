# Django's cache, imported by project/settings.py: the Redis server every
# process of the project shares.
import os

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        # The keys are KEY_PREFIX:VERSION:key. The prefix keeps this
        # project's keys apart from other users of the same server; the
        # version is raised when what is cached changes shape, so that the
        # new code never reads entries the old release wrote (both run side
        # by side while a deploy rolls out).
        "KEY_PREFIX": "catalog",
    }
}
