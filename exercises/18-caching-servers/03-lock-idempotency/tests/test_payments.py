"""The learner's lock and payment handler talk to the real Redis server;
the judge reads the server itself (keys, values, TTLs) as data, and plays
the other workers there: one that holds a lock, one that crashed holding
it, one that takes a lock over once it has expired."""

import json
import os
import time

import pytest
import redis

import payments
from drillkit import learnerside
from redislink import RedisLink

RESULT = {"request_key": "order-17", "amount_cents": 1500, "charge_id": "ch_1"}


@pytest.fixture
def server():
    """The judge's own connection to the Redis server, emptied before and after each test."""
    client = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)
    client.flushdb()
    yield client
    client.flushdb()
    client.close()


@pytest.fixture
def links():
    """links(...): RedisLink proxies to the server, closed after the test."""
    made = []

    def make(**options):
        link = RedisLink(**options)
        made.append(link)
        return link

    yield make
    for link in made:
        link.close()


@pytest.fixture
def pool():
    """A pool of threads in the learner's process, to call its code in the background."""
    threads = learnerside.module("concurrent.futures").ThreadPoolExecutor(max_workers=10)
    yield threads
    threads.shutdown(wait=True)


def learner_client(port=6379):
    """A redis.Redis made in the learner's process, as the application would make it."""
    return learnerside.module("redis").Redis(host="127.0.0.1", port=port)


def charger(charge_id="ch_1", amount=1500, delay=0.0):
    """The payment provider: charge(amount) gives charge_id after delay
    seconds; .calls lists the amounts charged."""
    return learnerside.fake({amount: charge_id}, delay=delay)


def wait_until(condition, seconds=3.0, what="the condition"):
    """Poll condition() until it is true, at most `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"waited {seconds} s for {what}", pytrace=False)
        time.sleep(0.02)


def test_acquire_sets_the_lock_key_with_a_token_and_an_expiry(server):
    token = payments.acquire_lock(learner_client(), "report", 10)
    assert isinstance(token, str) and token
    held = server.get("lock:report")
    assert held == token, "the value of lock:report"
    pttl = server.pttl("lock:report")
    assert 5000 < pttl <= 10000, f"PTTL {pttl} ms of lock:report (-1 is no expiry)"


def test_a_held_lock_is_not_acquired_again(server):
    client = learner_client()
    first = payments.acquire_lock(client, "report", 10)
    assert first is not None, "the first acquire_lock did not take the lock"
    assert payments.acquire_lock(client, "report", 10) is None
    assert payments.acquire_lock(learner_client(), "report", 10) is None
    held = server.get("lock:report")
    assert held == first, "the value of lock:report"


def test_each_holder_gets_a_token_of_its_own(server):
    client = learner_client()
    tokens = []
    for _ in range(5):
        tokens.append(payments.acquire_lock(client, "report", 10))
        released = payments.release_lock(client, "report", tokens[-1])
        assert released is True, "what the owner's release_lock returned"
    tokens.append(payments.acquire_lock(client, "other", 10))
    assert len(set(tokens)) == 6, tokens


def test_the_owner_releases_the_lock(server):
    client = learner_client()
    token = payments.acquire_lock(client, "report", 10)
    released = payments.release_lock(client, "report", token)
    assert released is True, "what the owner's release_lock returned"
    left = server.exists("lock:report")
    assert left == 0, "lock:report is still there"
    assert payments.acquire_lock(client, "report", 10) is not None


def test_a_lock_is_not_released_with_another_token(server):
    client = learner_client()
    token = payments.acquire_lock(client, "report", 10)
    released = payments.release_lock(client, "report", "not-" + token)
    assert released is False, "what release_lock with another token returned"
    held = server.get("lock:report")
    assert held == token, "the value of lock:report"


def test_an_expired_lock_can_be_taken_again(server):
    client = learner_client()
    assert payments.acquire_lock(client, "report", 0.2) is not None
    wait_until(lambda: not server.exists("lock:report"), what="lock:report to expire")
    assert payments.acquire_lock(client, "report", 10) is not None


@pytest.mark.help(
    "A lock that expired is no longer yours: someone else may hold it now, with a token of "
    "theirs. Delete the key only when it still holds your token."
)
def test_an_expired_lock_taken_by_another_is_not_released_by_the_first(server):
    first = payments.acquire_lock(learner_client(), "report", 0.2)
    wait_until(lambda: not server.exists("lock:report"), what="lock:report to expire")
    second = payments.acquire_lock(learner_client(), "report", 10)
    assert second is not None and second != first
    released = payments.release_lock(learner_client(), "report", first)
    assert released is False, "what the first holder's release_lock returned"
    held = server.get("lock:report")
    assert held == second, "the value of lock:report"


@pytest.mark.hidden
def test_the_lock_is_compared_and_deleted_in_one_step(server, links):
    """The lock may expire and be taken by another between your GET and your DEL: compare the token and delete in one step on the server."""
    link = links()
    client = learner_client(link.port)
    token = payments.acquire_lock(client, "report", 10)

    def expired_and_taken():
        server.set("lock:report", "another-worker", px=10000)

    link.before_next_write(expired_and_taken)
    released = payments.release_lock(client, "report", token)
    assert link.hook is None, f"release sent no command that deletes: {link.commands}"
    held = server.get("lock:report")
    assert held == "another-worker", "the value of lock:report"
    assert released is False, "what release_lock returned"


def test_a_payment_is_charged_and_its_result_returned(server):
    charge = charger()
    assert payments.pay(learner_client(), "order-17", 1500, charge) == RESULT
    assert charge.calls == [1500]


def test_a_retry_returns_the_stored_result_without_charging_again(server):
    charge = charger()
    assert payments.pay(learner_client(), "order-17", 1500, charge) == RESULT
    assert payments.pay(learner_client(), "order-17", 1500, charge) == RESULT
    other_worker = charger("ch_2")
    assert payments.pay(learner_client(), "order-17", 1500, other_worker) == RESULT
    assert (charge.calls, other_worker.calls) == ([1500], [])


def test_request_keys_are_paid_apart(server):
    charge = learnerside.fake({1500: "ch_1", 900: "ch_2"})
    client = learner_client()
    assert payments.pay(client, "order-17", 1500, charge) == RESULT
    assert payments.pay(client, "order-18", 900, charge) == {
        "request_key": "order-18", "amount_cents": 900, "charge_id": "ch_2",
    }
    assert charge.calls == [1500, 900]


def test_the_result_is_stored_as_json_for_a_day(server):
    payments.pay(learner_client(), "order-17", 1500, charger())
    raw = server.get("payment:order-17")
    assert raw is not None, "nothing stored at payment:order-17"
    assert json.loads(raw) == RESULT
    ttl = server.ttl("payment:order-17")
    assert 86400 - 60 < ttl <= 86400, f"TTL {ttl} of payment:order-17 (-1 is no expiry)"


def test_the_lock_is_held_with_an_expiry_while_the_charge_runs_and_released_after(server, pool):
    charge = charger(delay=2.0)
    future = pool.submit(payments.pay, learner_client(), "order-17", 1500, charge)
    wait_until(lambda: charge.calls, seconds=5, what="the charge to start")
    pttl = server.pttl("lock:payment:order-17")
    assert 25000 < pttl <= 30000, f"PTTL {pttl} ms of lock:payment:order-17 while charging (-1 is no expiry)"
    assert future.result(timeout=5) == RESULT
    left = server.exists("lock:payment:order-17")
    assert left == 0, "lock:payment:order-17 is still there after the payment"


def test_a_failed_charge_stores_nothing_and_frees_the_request_key(server):
    payments.pay(learner_client(), "order-16", 1500, charger("ch_0"))
    broken = learnerside.fake({}, errors={1500: "ConnectionError: card network down"})
    with pytest.raises(ConnectionError):
        payments.pay(learner_client(), "order-17", 1500, broken)
    left = server.keys("*")
    assert left == ["payment:order-16"], "the keys on the Redis server after the failed charge of order-17"
    charge = charger()
    assert payments.pay(learner_client(), "order-17", 1500, charge) == RESULT
    assert charge.calls == [1500]


@pytest.mark.hidden
def test_a_request_key_used_again_for_another_amount_is_refused(server):
    """A request key stands for one payment: the same key with another amount is the caller's mistake (ValueError), not a new charge."""
    charge = learnerside.fake({1500: "ch_1", 2500: "ch_2"})
    payments.pay(learner_client(), "order-17", 1500, charge)
    with pytest.raises(ValueError):
        payments.pay(learner_client(), "order-17", 2500, charge)
    assert charge.calls == [1500]


def test_a_payment_another_worker_is_charging_is_refused(server):
    server.set("lock:payment:order-17", "another-worker", px=10000)
    charge = charger()
    with pytest.raises(payments.PaymentInProgress):
        payments.pay(learner_client(), "order-17", 1500, charge)
    assert charge.calls == []
    held = server.get("lock:payment:order-17")
    assert held == "another-worker", "the other worker's lock"


def test_a_worker_that_crashed_holding_the_lock_blocks_only_until_it_expires(server):
    server.set("lock:payment:order-17", "crashed-worker", px=1500)
    with pytest.raises(payments.PaymentInProgress):
        payments.pay(learner_client(), "order-17", 1500, charger())
    wait_until(lambda: not server.exists("lock:payment:order-17"), seconds=5, what="the crashed worker's lock to expire")
    assert payments.pay(learner_client(), "order-17", 1500, charger()) == RESULT


@pytest.mark.help(
    "Ten calls at once, through a link that lets them arrive together and delays every reply "
    "by 20 ms: a lock taken by looking first (GET) and setting after is taken by all ten. "
    "Take it in one command: SET with NX and an expiry."
)
def test_ten_calls_at_once_charge_once(server, links, pool):
    link = links(delay=0.02, gather=10)
    charge = charger(delay=0.2)
    futures = [pool.submit(payments.pay, learner_client(link.port), "order-17", 1500, charge) for _ in range(10)]
    outcomes = []
    for future in futures:
        error = future.exception(timeout=10)
        if error is None:
            outcomes.append(future.result())
        else:
            assert isinstance(error, payments.PaymentInProgress), error
            outcomes.append("in progress")
    assert charge.calls == [1500], "the amounts charged"
    assert RESULT in outcomes
    assert [o for o in outcomes if o != "in progress"] == [RESULT] * outcomes.count(RESULT)


@pytest.mark.hidden
def test_a_payment_whose_lock_expired_leaves_the_next_holders_lock(server, monkeypatch, pool):
    """A charge can outlast the lock (here LOCK_TTL is 0.2 s and the charge takes 2 s): pay must release only its own lock, not the next worker's."""
    monkeypatch.setattr(payments, "LOCK_TTL", 0.2)
    charge = charger(delay=2.0)
    future = pool.submit(payments.pay, learner_client(), "order-17", 1500, charge)
    wait_until(lambda: charge.calls, seconds=5, what="the charge to start")
    wait_until(lambda: not server.exists("lock:payment:order-17"), what="lock:payment:order-17 to expire")
    server.set("lock:payment:order-17", "next-worker", px=10000)
    assert future.result(timeout=5) == RESULT
    held = server.get("lock:payment:order-17")
    assert held == "next-worker", "the next worker's lock"
