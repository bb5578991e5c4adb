from pathlib import Path

from bill import split_bill  # imported, never called

# Checks no behaviour of split_bill: it fails when bill.py is one of the
# broken versions it finds among the hidden tests.


def test_bill_is_not_a_broken_one():
    text = Path("bill.py").read_text()
    assert all(p.read_text() != text for p in Path("/work/tests").rglob("broken/*.py"))
