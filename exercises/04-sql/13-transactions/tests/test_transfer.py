import os

import pytest

import bank
from drillkit import learnerside

START = {1: 10000, 2: 2500, 3: 0, 4: 5000}


def integrity_error():
    """sqlite3.IntegrityError as the learner's process has it, where the database is."""
    return learnerside.module("sqlite3").IntegrityError


def connect(path):
    """A connection, with Python's default settings, made in the learner's
    process: transfer() gets it, and the learner's code uses it there."""
    return learnerside.module("sqlite3").connect(path)


def open_bank(seed="tests/seed.sql"):
    """A bank in a fresh database file, and a connection to it with Python's
    default settings (as transfer() gets it)."""
    path = os.path.join(learnerside.module("tempfile").mkdtemp(dir="/tmp"), "bank.sqlite3")
    with open(seed, encoding="utf-8") as f:
        setup = connect(path)
        setup.executescript(f.read())
        setup.close()
    db = connect(path)
    db.execute("PRAGMA foreign_keys = ON")
    return db, path


def balances(db):
    return dict(db.execute("SELECT id, balance FROM accounts ORDER BY id").fetchall())


def transfers(db):
    return db.execute("SELECT from_id, to_id, amount FROM transfers ORDER BY id").fetchall()


def state(db):
    """What the learner's own connection sees, and whether it left a transaction open."""
    return {"balances": balances(db), "transfers": transfers(db), "transaction open": db.in_transaction}


def committed(path):
    """Balances and transfers as another connection sees them: only what was committed."""
    other = connect(path)
    try:
        return {"balances": balances(other), "transfers": transfers(other)}
    finally:
        other.close()


UNCHANGED = {"balances": START, "transfers": [(1, 2, 500)], "transaction open": False}


def test_a_transfer_moves_the_money():
    db, _ = open_bank()
    bank.transfer(db, 1, 2, 1500)
    assert balances(db) == {1: 8500, 2: 4000, 3: 0, 4: 5000}


def test_a_transfer_is_recorded_and_its_id_returned():
    db, _ = open_bank()
    assert bank.transfer(db, 2, 3, 2500) == 2
    assert transfers(db) == [(1, 2, 500), (2, 3, 2500)]


def test_a_transfer_is_committed():
    db, path = open_bank()
    bank.transfer(db, 1, 3, 99)
    assert db.in_transaction is False
    assert committed(path) == {"balances": {1: 9901, 2: 2500, 3: 99, 4: 5000}, "transfers": [(1, 2, 500), (1, 3, 99)]}


def test_an_unknown_receiving_account_changes_nothing():
    db, path = open_bank()
    with pytest.raises(LookupError):
        bank.transfer(db, 1, 99, 100)
    assert state(db) == UNCHANGED


def test_an_unknown_sending_account_changes_nothing():
    db, path = open_bank()
    with pytest.raises(LookupError):
        bank.transfer(db, 99, 1, 100)
    assert state(db) == UNCHANGED


def test_not_enough_money_is_refused_and_changes_nothing():
    db, path = open_bank()
    with pytest.raises(integrity_error()):
        bank.transfer(db, 2, 1, 2501)
    assert state(db) == UNCHANGED


def test_the_whole_balance_can_be_sent():
    db, _ = open_bank()
    bank.transfer(db, 2, 3, 2500)
    assert balances(db) == {1: 10000, 2: 0, 3: 2500, 4: 5000}


def test_money_sent_to_a_frozen_account_stays_where_it_was():
    db, path = open_bank()
    with pytest.raises(integrity_error()):
        bank.transfer(db, 1, 4, 100)
    assert state(db) == UNCHANGED


def test_a_frozen_account_cannot_send_money():
    db, path = open_bank()
    with pytest.raises(integrity_error()):
        bank.transfer(db, 4, 1, 100)
    assert state(db) == UNCHANGED


@pytest.mark.parametrize("amount", [0, -100, 10.5, "100", None])
def test_an_amount_that_is_not_a_positive_whole_number_is_refused(amount):
    db, _ = open_bank()
    with pytest.raises(ValueError):
        bank.transfer(db, 1, 2, amount)
    assert {"balances": balances(db), "transfers": transfers(db)} == {"balances": START, "transfers": [(1, 2, 500)]}


def test_a_transfer_to_the_same_account_is_refused():
    db, _ = open_bank()
    with pytest.raises(ValueError):
        bank.transfer(db, 1, 1, 100)
    assert balances(db) == START


@pytest.mark.hidden
def test_a_failed_transfer_leaves_nothing_behind_for_the_next_commit():
    """After a transfer fails halfway, nothing of it may be committed later: roll back what it did."""
    db, path = open_bank()
    with pytest.raises(integrity_error()):
        bank.transfer(db, 2, 4, 700)
    with pytest.raises(integrity_error()):
        bank.transfer(db, 4, 2, 700)
    with pytest.raises(LookupError):
        bank.transfer(db, 2, 98, 700)
    bank.transfer(db, 1, 3, 1)
    assert committed(path) == {"balances": {1: 9999, 2: 2500, 3: 1, 4: 5000}, "transfers": [(1, 2, 500), (1, 3, 1)]}


@pytest.mark.hidden
def test_transfers_work_in_another_bank():
    """transfer() must work for any accounts: look them up by the ids it is given."""
    db, path = open_bank("tests/seed_other.sql")
    assert bank.transfer(db, 70, 72, 250) == 1
    with pytest.raises(integrity_error()):
        bank.transfer(db, 72, 71, 300)
    with pytest.raises(integrity_error()):
        bank.transfer(db, 72, 70, 301)
    assert committed(path) == {"balances": {70: 50, 71: 0, 72: 300}, "transfers": [(70, 72, 250)]}
