# Django's cache, imported by project/settings.py.
#
# Today an in-memory cache: each process has its own, so a second web
# worker never sees what the first cached, and a change that one process
# invalidates stays stale in the others.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    }
}
