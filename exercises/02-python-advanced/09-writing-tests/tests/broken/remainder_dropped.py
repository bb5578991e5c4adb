# A broken split_bill: the hidden tests check that the learner's tests catch it.
# The cents that do not divide evenly are lost.


def split_bill(total_cents: int, people: int) -> list:
    """Each person's share is the rest of the bill shared by those left."""
    if total_cents < 0 or people <= 0:
        raise ValueError(f"cannot split {total_cents} cents between {people} people")
    shares = []
    for _ in range(people):
        shares.append(total_cents // people)
    return shares
