import pytest

import accounts
from drillkit import learnerside


def fail_with_key_error():
    return {}["missing"]


def test_insufficient_funds_error_is_an_exception():
    assert issubclass(accounts.InsufficientFundsError, Exception)


def insufficient_funds(balance, amount):
    """An InsufficientFundsError made by the learner's own __init__."""
    return learnerside.call(accounts.InsufficientFundsError, balance, amount)


def test_insufficient_funds_error_keeps_balance_and_amount():
    error = insufficient_funds(20, 50)
    assert (error.balance, error.amount) == (20, 50)


def test_insufficient_funds_error_message():
    assert str(insufficient_funds(20, 50)) == "cannot withdraw 50 from a balance of 20"
    assert str(insufficient_funds(0, 7)) == "cannot withdraw 7 from a balance of 0"


@pytest.mark.parametrize("text, expected", [("12", 12), (" 12 ", 12), ("-3", -3), ("0", 0)])
def test_parse_amount(text, expected):
    assert accounts.parse_amount(text) == expected


@pytest.mark.parametrize("text", ["twelve", "", "1.5", "12 apples"])
def test_parse_amount_of_bad_text_is_none(text):
    assert (accounts.parse_amount(text), accounts.parse_amount(" 8 ")) == (None, 8)


@pytest.mark.parametrize("balance, amount, expected", [(100, 30, 70), (50, 50, 0), (0.5, 0.25, 0.25)])
def test_withdraw(balance, amount, expected):
    assert accounts.withdraw(balance, amount) == expected


def test_withdraw_more_than_the_balance_raises_insufficient_funds():
    with pytest.raises(accounts.InsufficientFundsError) as caught:
        accounts.withdraw(20, 50)
    assert (caught.value.balance, caught.value.amount) == (20, 50)
    assert str(caught.value) == "cannot withdraw 50 from a balance of 20"


@pytest.mark.parametrize("amount", [0, -10])
def test_withdraw_rejects_amounts_of_zero_or_less(amount):
    with pytest.raises(ValueError):
        accounts.withdraw(100, amount)


def test_withdraw_all():
    assert accounts.withdraw_all(100, [30, 50]) == (20, [])


def test_withdraw_all_skips_amounts_that_would_overdraw():
    assert accounts.withdraw_all(100, [30, 200, 50]) == (20, [200])
    assert accounts.withdraw_all(10, [20, 30, 10, 1]) == (0, [20, 30, 1])


def test_withdraw_all_with_no_amounts():
    assert accounts.withdraw_all(40, []) == (40, [])


@pytest.mark.hidden
def test_withdraw_all_lets_an_invalid_amount_through():
    """withdraw_all must catch only InsufficientFundsError: an amount of 0 or less must still raise ValueError."""
    with pytest.raises(ValueError):
        accounts.withdraw_all(100, [10, -5, 20])
    with pytest.raises(ValueError):
        accounts.withdraw_all(100, [0])


def test_run_logged_when_the_action_succeeds():
    log = learnerside.shared_list()
    assert accounts.run_logged(log, lambda: 42) == 42
    assert list(log) == ["start", "ok", "end"]


def test_run_logged_appends_to_the_log_it_is_given():
    log = learnerside.shared_list(["earlier"])
    accounts.run_logged(log, lambda: None)
    assert list(log) == ["earlier", "start", "ok", "end"]


def test_run_logged_when_the_action_fails():
    log = learnerside.shared_list()
    with pytest.raises(ZeroDivisionError):
        accounts.run_logged(log, lambda: 1 / 0)
    assert list(log) == ["start", "failed: ZeroDivisionError", "end"]


def test_run_logged_passes_on_any_kind_of_exception():
    log = learnerside.shared_list()
    with pytest.raises(KeyError):
        accounts.run_logged(log, fail_with_key_error)
    assert list(log) == ["start", "failed: KeyError", "end"]
    log = learnerside.shared_list()
    with pytest.raises(accounts.InsufficientFundsError):
        accounts.run_logged(log, lambda: accounts.withdraw(1, 2))
    assert list(log) == ["start", "failed: InsufficientFundsError", "end"]
