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


def countdown(n):
    """[n, n - 1, ..., 1]."""
    out = []
    for i in range(n, 0, -1):
        out.append(i)
    return out


def numbered(items):
    """["1. tea", "2. milk"] for ["tea", "milk"]."""
    out = []
    for position, item in enumerate(items, start=1):
        out.append(f"{position}. {item}")
    return out


def first_negative(numbers):
    """The index of the first negative number, or -1."""
    for index, number in enumerate(numbers):
        if number < 0:
            return index
    return -1


def total_until_blank(lines):
    """The sum of the numbers, skipping # comments and stopping at a blank line."""
    total = 0
    for line in lines:
        line = line.strip()
        if line == "":
            break
        if line.startswith("#"):
            continue
        total += int(line)
    return total


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
