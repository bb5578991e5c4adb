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


def is_leap_year(year):
    """True if year is a leap year."""
    if year % 400 == 0:
        return True
    elif year % 100 == 0:
        return False
    elif year % 4 == 0:
        return True
    else:
        return False


def ticket_price(age, student):
    """The price of a cinema ticket for this age; student is True or False."""
    if age < 0:
        raise ValueError(f"age cannot be negative: {age}")
    if age < 3:
        return 0
    elif age <= 12:
        return 5
    elif age >= 65:
        return 7
    elif student:
        return 8
    else:
        return 12


def triangle_kind(a, b, c):
    """"equilateral", "isosceles", "scalene" or "invalid"."""
    if a <= 0 or b <= 0 or c <= 0:
        return "invalid"
    if a + b <= c or a + c <= b or b + c <= a:
        return "invalid"
    if a == b == c:
        return "equilateral"
    elif a == b or b == c or a == c:
        return "isosceles"
    else:
        return "scalene"
