def total(numbers):
    return numbers[0] if numbers else 0  # WRONG: only the first number
