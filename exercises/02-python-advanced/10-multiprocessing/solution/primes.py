import os
from concurrent.futures import ProcessPoolExecutor

from primality import is_prime

MAX_WORKERS = 16


def chunked(items, size):
    """items (a list) cut into lists of `size` items, in order; the last may be shorter."""
    if size < 1:
        raise ValueError(f"a chunk needs at least one item, not {size}")
    return [items[start:start + size] for start in range(0, len(items), size)]


def check_chunk(numbers):
    """Runs in a worker process: (its pid, [is_prime(n) for n in numbers])."""
    # A function defined at the top of a module: the pool sends it to its
    # workers by name, so a lambda or a nested function would not do.
    return os.getpid(), [is_prime(n) for n in numbers]


def find_primes(numbers, workers=4, chunk_size=50):
    """(flags, pids): flags[i] is is_prime(numbers[i]); pids[k] is the pid of
    the worker process that checked chunk k. See README.md."""
    if not 1 <= workers <= MAX_WORKERS:
        raise ValueError(f"workers must be between 1 and {MAX_WORKERS}, not {workers}")
    chunks = chunked(list(numbers), chunk_size)
    if not chunks:
        return [], []
    flags, pids = [], []
    # Leaving the with block waits for the workers and stops them, also
    # when a chunk raised.
    with ProcessPoolExecutor(max_workers=workers) as pool:
        # map gives the results in the order of chunks, and raises a chunk's
        # exception here, in the caller, when its result is reached.
        for pid, answers in pool.map(check_chunk, chunks):
            pids.append(pid)
            flags.extend(answers)
    return flags, pids
