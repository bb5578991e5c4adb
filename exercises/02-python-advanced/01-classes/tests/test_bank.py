import pytest

from bank import Account
from drillkit import learnerside


def test_a_new_account_has_its_owner_and_balance():
    account = Account("Ada", 150)
    assert account.owner == "Ada"
    assert account.balance == 150


def test_the_starting_balance_defaults_to_zero():
    assert Account("Bob").balance == 0


def test_a_negative_starting_balance_is_refused():
    with pytest.raises(ValueError):
        Account("Eve", -1)


def test_deposit_adds_and_returns_the_new_balance():
    account = Account("Ada", 100)
    assert account.deposit(50) == 150
    assert account.deposit(1) == 151
    assert account.balance == 151


def test_withdraw_takes_away_and_returns_the_new_balance():
    account = Account("Ada", 100)
    assert account.withdraw(30) == 70
    assert account.balance == 70


def test_the_whole_balance_can_be_withdrawn():
    account = Account("Ada", 100)
    assert account.withdraw(100) == 0


@pytest.mark.parametrize("amount", [0, -5])
def test_a_deposit_that_is_not_positive_is_refused(amount):
    account = Account("Ada", 100)
    with pytest.raises(ValueError):
        account.deposit(amount)
    assert account.balance == 100
    assert account.history == []


@pytest.mark.parametrize("amount", [0, -5, 101])
def test_a_withdrawal_that_is_not_positive_or_too_large_is_refused(amount):
    account = Account("Ada", 100)
    with pytest.raises(ValueError):
        account.withdraw(amount)
    assert account.balance == 100
    assert account.history == []


def test_the_balance_is_read_only():
    account = Account("Ada", 100)
    with pytest.raises(AttributeError):
        account.balance = 1_000_000
    assert account.balance == 100


def test_history_lists_deposits_and_withdrawals_in_order():
    account = Account("Ada", 100)
    account.deposit(50)
    account.withdraw(30)
    account.deposit(5)
    assert account.history == [("deposit", 50), ("withdraw", 30), ("deposit", 5)]


@pytest.mark.hidden
def test_each_account_has_its_own_history():
    """Two accounts must not share one history list: create the list in __init__, not in the class body."""
    ada = Account("Ada", 100)
    bob = Account("Bob", 100)
    ada.deposit(10)
    assert bob.history == []
    assert ada.history == [("deposit", 10)]


def test_a_transfer_moves_money_between_accounts():
    ada = Account("Ada", 100)
    bob = Account("Bob", 5)
    ada.transfer_to(bob, 20)
    assert (ada.balance, bob.balance) == (80, 25)
    assert ada.history == [("withdraw", 20)]
    assert bob.history == [("deposit", 20)]


def test_a_refused_transfer_changes_neither_account():
    ada = Account("Ada", 100)
    bob = Account("Bob", 5)
    with pytest.raises(ValueError):
        ada.transfer_to(bob, 101)
    assert (ada.balance, bob.balance) == (100, 5)
    assert (ada.history, bob.history) == ([], [])


def test_from_string_creates_an_account():
    account = Account.from_string("Ada:150")
    assert isinstance(account, Account)
    assert (account.owner, account.balance) == ("Ada", 150)


def test_from_string_is_a_class_method_that_works_for_subclasses():
    Savings = learnerside.subclass(Account, "Savings")
    account = Savings.from_string("Bob:7")
    assert isinstance(account, Savings), "Savings.from_string must make a Savings: build the account with cls(...)"
    assert account.balance == 7


def test_repr_shows_owner_and_balance():
    account = Account("Ada", 100)
    account.deposit(50)
    assert repr(account) == "Account('Ada', 150)"
