# gunicorn's configuration. gunicorn runs this file as Python and reads its
# settings from the module-level names: `workers = 3` sets the number of
# worker processes. Other names (like the helper below) are ignored.
import os


def positive_int(name, default):
    """A whole number > 0 from the environment variable name, or default
    when it is not set. Anything else stops gunicorn with a clear error."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {raw!r}") from None
    if value < 1:
        raise ValueError(f"{name} must be at least 1, not {value}")
    return value


# Every interface: inside a container, 127.0.0.1 can't be reached from
# outside. The platform says which port to listen on.
bind = f"0.0.0.0:{positive_int('PORT', 8000)}"

# The classic rule of thumb for sync workers, 2 per CPU + 1, with a cap so
# a big machine doesn't start more processes than memory allows.
# WEB_CONCURRENCY lets whoever runs the app decide.
workers = positive_int("WEB_CONCURRENCY", min(2 * (os.cpu_count() or 1) + 1, 12))

timeout = 30  # a worker silent for 30 s is killed and replaced
graceful_timeout = 30  # on restart, 30 s to finish the requests in hand
keepalive = 5  # seconds to wait for the next request on a connection

# Logs to standard output and error, where the container platform collects them.
accesslog = "-"
errorlog = "-"

# Replace each worker after about 1000 requests (the jitter spreads the
# restarts), so a slow memory leak can't grow for ever.
max_requests = 1000
max_requests_jitter = 100
