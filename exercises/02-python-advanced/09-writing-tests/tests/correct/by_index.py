# A correct split_bill written differently from bill.py: the learner's tests
# must pass on it too, so that recognising bill.py's text gets nothing.


def _check(total_cents, people):
    if people < 1:
        raise ValueError("people must be at least 1")
    if total_cents < 0:
        raise ValueError("total_cents must not be negative")


def split_bill(total_cents, people):
    _check(total_cents, people)
    return [(total_cents + people - 1 - i) // people for i in range(people)]
