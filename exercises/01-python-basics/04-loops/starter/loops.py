# Write the six functions described in README.md.


def fizzbuzz(n):
    """["1", "2", "Fizz", "4", "Buzz", ...] for the numbers 1 to n."""
    return None


def countdown(n):
    """[n, n - 1, ..., 1]."""
    return None


def numbered(items):
    """["1. tea", "2. milk"] for ["tea", "milk"]."""
    return None


def first_negative(numbers):
    """The index of the first negative number, or -1."""
    return None


def total_until_blank(lines):
    """The sum of the numbers, skipping # comments and stopping at a blank line."""
    return None


def collatz_steps(n):
    """How many steps from n to 1."""
    return None
