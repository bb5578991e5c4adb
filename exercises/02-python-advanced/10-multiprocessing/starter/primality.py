"""The work to spread over processes (don't change this file)."""


def is_prime(n):
    """Whether the whole number n (0 or more) is a prime.

    It tries every odd divisor up to the square root of n: slow on purpose,
    so that checking a big number keeps a CPU busy for milliseconds. It
    raises TypeError for anything but an int and ValueError for a negative
    number.
    """
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"is_prime needs a whole number, not {n!r}")
    if n < 0:
        raise ValueError(f"is_prime needs a number of 0 or more, not {n}")
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    divisor = 3
    while divisor * divisor <= n:
        if n % divisor == 0:
            return False
        divisor += 2
    return True
