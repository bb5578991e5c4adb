# A broken split_bill: the hidden tests check that the learner's tests catch it.


def split_bill(total_cents, people):
    if people < 1:
        raise ValueError("at least one person must pay")
    if total_cents < 0:
        raise ValueError("the total cannot be negative")
    return [total_cents // people] * people
