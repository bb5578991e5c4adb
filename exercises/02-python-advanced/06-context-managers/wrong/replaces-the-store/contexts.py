from contextlib import contextmanager


class Transaction:
    """Changes to a copy of `store`, applied only if the block succeeds."""

    def __init__(self, store):
        self.store = store
        self.committed = False

    def __enter__(self):
        self.draft = dict(self.store)
        return self.draft

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is None:
            self.store = self.draft
            self.committed = True
        # None: an exception from the block goes on to the caller.
        return None


_MISSING = object()


@contextmanager
def override(settings, **values):
    """Set values in settings for the block; put everything back afterwards."""
    saved = {key: settings.get(key, _MISSING) for key in values}
    settings.update(values)
    try:
        yield settings
    finally:
        for key, old in saved.items():
            if old is _MISSING:
                settings.pop(key, None)
            else:
                settings[key] = old


class ignored:
    """Swallow exceptions of the given types; keep the one swallowed in .error."""

    def __init__(self, *exceptions):
        self.exceptions = exceptions
        self.error = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is not None and issubclass(exc_type, self.exceptions):
            self.error = exc_value
            return True
        return None
