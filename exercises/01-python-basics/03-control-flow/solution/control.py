def grade(score):
    """The letter grade "A" to "F" for a score from 0 to 100."""
    if score < 0 or score > 100:
        raise ValueError(f"score must be between 0 and 100, not {score}")
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    else:
        return "F"


def fizzbuzz(n):
    """["1", "2", "Fizz", "4", "Buzz", ...] for the numbers 1 to n."""
    out = []
    for i in range(1, n + 1):
        if i % 15 == 0:
            out.append("FizzBuzz")
        elif i % 3 == 0:
            out.append("Fizz")
        elif i % 5 == 0:
            out.append("Buzz")
        else:
            out.append(str(i))
    return out


def first_negative(numbers):
    """The index of the first negative number, or -1."""
    for index, number in enumerate(numbers):
        if number < 0:
            return index
    return -1


def collatz_steps(n):
    """How many steps from n to 1."""
    if n < 1:
        raise ValueError(f"n must be a positive whole number, not {n}")
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps
