import os
from concurrent.futures import ProcessPoolExecutor

from primality import is_prime

MAX_WORKERS = 16


def chunked(items, size):
    """items (a list) cut into lists of `size` items, in order; the last may be shorter."""
    return [items]


def check_chunk(numbers):
    """Runs in a worker process: (its pid, [is_prime(n) for n in numbers])."""
    return None


def find_primes(numbers, workers=4, chunk_size=50):
    """(flags, pids): flags[i] is is_prime(numbers[i]); pids[k] is the pid of
    the worker process that checked chunk k. See README.md."""
    return [is_prime(n) for n in numbers], []
