import pytest

import pg
import wallet
from drillkit import learnerside


@pytest.fixture
def judge():
    """The judge's connection, with a fresh accounts table."""
    conn = pg.connect()
    pg.end_other_sessions(conn)
    conn.execute("DROP TABLE IF EXISTS accounts")
    pg.run_script(conn, "tests/schema.sql")
    conn.execute("INSERT INTO accounts VALUES (1, 'Ana', 100), (2, 'Ben', 60), (3, 'Chen', 1000), (4, 'Dora', 0)")
    yield conn
    pg.end_other_sessions(conn)
    conn.close()


@pytest.fixture
def holder(judge):
    """A second connection of the judge's, not in autocommit mode: the
    transaction that holds a row while the learner's code runs."""
    conn = pg.connect(autocommit=False)
    yield conn
    conn.rollback()
    conn.close()


@pytest.fixture
def pool():
    """Threads in the learner's process, where withdraw() runs at the same
    time as itself and as the judge's transaction."""
    executor = learnerside.module("concurrent.futures").ThreadPoolExecutor(max_workers=4)
    yield executor
    executor.shutdown(wait=False, cancel_futures=True)


def balance(judge, account_id):
    return judge.execute("SELECT balance FROM accounts WHERE id = %s", (account_id,)).fetchone()[0]


def outcome(future):
    """What a withdrawal in a learner thread came to: its new balance, or
    "insufficient" for InsufficientFunds."""
    try:
        return future.result(timeout=pg.PATIENCE)
    except wallet.InsufficientFunds:
        return "insufficient"


def holder_pid(holder):
    return holder.info.backend_pid


class TestOneWithdrawal:
    def test_a_withdrawal_returns_the_new_balance(self, judge):
        assert wallet.withdraw(1, 30) == 70

    def test_a_withdrawal_is_committed(self, judge):
        wallet.withdraw(3, 250)
        assert balance(judge, 3) == 750

    def test_the_whole_balance_can_be_withdrawn(self, judge):
        assert wallet.withdraw(2, 60) == 0
        assert balance(judge, 2) == 0

    def test_more_than_the_balance_is_refused_and_changes_nothing(self, judge):
        with pytest.raises(wallet.InsufficientFunds):
            wallet.withdraw(2, 61)
        with pytest.raises(wallet.InsufficientFunds):
            wallet.withdraw(4, 1)
        assert (balance(judge, 2), balance(judge, 4)) == (60, 0)

    def test_an_unknown_account_is_a_lookup_error(self, judge):
        with pytest.raises(LookupError):
            wallet.withdraw(99, 10)

    @pytest.mark.parametrize("amount", [0, -5, 2.5, "10", None, True])
    def test_an_amount_that_is_not_a_positive_whole_number_is_refused(self, judge, amount):
        with pytest.raises(ValueError):
            wallet.withdraw(1, amount)
        assert balance(judge, 1) == 100

    def test_no_connection_is_left_open(self, judge):
        wallet.withdraw(1, 10)
        with pytest.raises(wallet.InsufficientFunds):
            wallet.withdraw(4, 10)
        with pytest.raises(LookupError):
            wallet.withdraw(99, 10)
        assert pg.wait_for_no_sessions(judge) == []


class TestConcurrentWithdrawals:
    @pytest.mark.help(
        "withdraw() read the balance, then another transaction committed a change, then withdraw() wrote "
        "the balance it had computed from the old value: a lost update. Lock the row when you read it "
        "(SELECT ... FOR UPDATE in the same transaction as the UPDATE), or let one UPDATE do the "
        "arithmetic, or retry a REPEATABLE READ transaction that failed to serialize."
    )
    def test_a_change_committed_while_withdraw_waits_is_not_lost(self, judge, holder, pool):
        # Another transaction takes 50 from the account and has not
        # committed yet: its row lock is held while withdraw() runs.
        holder.execute("UPDATE accounts SET balance = balance - 50 WHERE id = 1")
        future = pool.submit(wallet.withdraw, 1, 30)
        assert pg.wait_for_waiting(judge, 1, exclude={holder_pid(holder)}) == 1
        holder.commit()
        assert outcome(future) == 20
        assert balance(judge, 1) == 20

    def test_two_withdrawals_at_once_both_count(self, judge, holder, pool):
        # The judge holds the row while two withdrawals start, so that both
        # are under way at the same time; then it lets go.
        holder.execute("SELECT balance FROM accounts WHERE id = 1 FOR UPDATE")
        first = pool.submit(wallet.withdraw, 1, 30)
        second = pool.submit(wallet.withdraw, 1, 50)
        assert pg.wait_for_waiting(judge, 2, exclude={holder_pid(holder)}) == 2
        holder.commit()
        assert sorted([outcome(first), outcome(second)]) in ([20, 50], [20, 70])
        assert balance(judge, 1) == 20

    @pytest.mark.hidden
    def test_two_withdrawals_that_fit_only_once_let_one_through(self, judge, holder, pool):
        """60 cents, two withdrawals of 40 at once: one must be refused, and the balance never goes below zero."""
        holder.execute("SELECT balance FROM accounts WHERE id = 2 FOR UPDATE")
        first = pool.submit(wallet.withdraw, 2, 40)
        second = pool.submit(wallet.withdraw, 2, 40)
        assert pg.wait_for_waiting(judge, 2, exclude={holder_pid(holder)}) == 2
        holder.commit()
        assert sorted([outcome(first), outcome(second)], key=str) == [20, "insufficient"]
        assert balance(judge, 2) == 20

    def test_many_withdrawals_from_four_threads_all_count(self, judge, pool):
        futures = [pool.submit(wallet.withdraw, 3, 1) for _ in range(40)]
        results = [outcome(future) for future in futures]
        assert sorted(results) == list(range(960, 1000))
        assert balance(judge, 3) == 960

    @pytest.mark.hidden
    def test_a_withdrawal_waits_for_another_account_holder_only_on_its_own_row(self, judge, holder, pool):
        """withdraw() must lock only the row of its account, not the table: others go on meanwhile."""
        holder.execute("SELECT balance FROM accounts WHERE id = 1 FOR UPDATE")
        assert outcome(pool.submit(wallet.withdraw, 3, 100)) == 900
        holder.commit()
        assert balance(judge, 1) == 100
