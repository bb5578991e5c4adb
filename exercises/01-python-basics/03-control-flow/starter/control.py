# Write the four functions described in README.md.


def grade(score):
    """The letter grade "A" to "F" for a score from 0 to 100."""
    return None


def fizzbuzz(n):
    """["1", "2", "Fizz", "4", "Buzz", ...] for the numbers 1 to n."""
    return None


def first_negative(numbers):
    """The index of the first negative number, or -1."""
    return None


def collatz_steps(n):
    """How many steps from n to 1."""
    return None
