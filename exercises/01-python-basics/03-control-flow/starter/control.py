# Write the four functions described in README.md.


def grade(score):
    """The letter grade "A" to "F" for a score from 0 to 100."""
    return None


def is_leap_year(year):
    """True if year is a leap year."""
    return None


def ticket_price(age, student):
    """The price of a cinema ticket for this age; student is True or False."""
    return None


def triangle_kind(a, b, c):
    """"equilateral", "isosceles", "scalene" or "invalid"."""
    return None
