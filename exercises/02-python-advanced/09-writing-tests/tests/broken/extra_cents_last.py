# A broken split_bill: the hidden tests check that the learner's tests catch it.
# The extra cents go to the last people.


def split_bill(total_cents, people):
    if people < 1:
        raise ValueError("people must be at least 1")
    if total_cents < 0:
        raise ValueError("total_cents must not be negative")
    return [(total_cents + i) // people for i in range(people)]
