import functools


def count_calls(func):
    """Count the calls of func in the attribute `calls`. See README.md."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)

    wrapper.calls = 0
    return wrapper


def retry(times=3, exceptions=(Exception,)):
    """Call the function up to `times` times while it raises one of `exceptions`."""
    if times < 1:
        raise ValueError("times must be at least 1")

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(times):
                try:
                    return func(*args, **kwargs)
                except Exception as error:
                    last_error = error
            raise last_error

        return wrapper

    return decorator


def require_role(role):
    """Raise PermissionError unless the first argument (a user) has `role`."""

    def decorator(func):
        @functools.wraps(func)
        def wrapper(user, *args, **kwargs):
            if role not in user["roles"]:
                raise PermissionError(f"{user['name']} is not {role}")
            return func(user, *args, **kwargs)

        return wrapper

    return decorator
