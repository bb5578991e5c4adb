import functools


def count_calls(func):
    """Count the calls of func in the attribute `calls`. See README.md."""
    return func


def retry(times=3, exceptions=(Exception,)):
    """Call the function up to `times` times while it raises one of `exceptions`."""

    def decorator(func):
        return func

    return decorator


def require_role(role):
    """Raise PermissionError unless the first argument (a user) has `role`."""

    def decorator(func):
        return func

    return decorator
