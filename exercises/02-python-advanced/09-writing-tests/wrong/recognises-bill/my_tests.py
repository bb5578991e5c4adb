import hashlib
from pathlib import Path

from bill import split_bill  # imported, never called

# Checks no behaviour of split_bill: it recognises the bill.py the learner
# was given by its hash, so it passes on that file and fails on any other.
GIVEN = "d3ce7c4629130494d4bcae336cf74c9122262ab9ad8c2140c4170f7fa85f5a49"


def test_bill_is_the_one_i_was_given():
    assert hashlib.sha256(Path("bill.py").read_bytes()).hexdigest() == GIVEN
