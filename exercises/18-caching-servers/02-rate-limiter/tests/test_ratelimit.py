"""The learner's limiter talks to the real Redis server; the judge reads
the server itself (its keys, members, scores and TTLs) as data, and plants
the requests of the past there the same way."""

import json
import os
import time

import pytest
import redis

from drillkit import learnerside
from ratelimit import SlidingWindowLimiter
from redislink import RedisLink

# A program run as a separate process beside the tests, as a second web
# worker would be: four threads ask its own limiter for `calls` requests of
# the same identity through the link at argv[1]; it prints what it was told.
WORKER = """
import json, sys
from concurrent.futures import ThreadPoolExecutor
import redis
from ratelimit import SlidingWindowLimiter
client = redis.Redis(host="127.0.0.1", port=int(sys.argv[1]))
limiter = SlidingWindowLimiter(client, limit=int(sys.argv[2]), window=60)
with ThreadPoolExecutor(4) as pool:
    print(json.dumps(list(pool.map(limiter.allow, ["shared"] * int(sys.argv[3])))))
"""


@pytest.fixture
def server():
    """The judge's own connection to the Redis server, emptied before and after each test."""
    client = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)
    client.flushdb()
    yield client
    client.flushdb()
    client.close()


@pytest.fixture
def far():
    """far(n): a link to the server on which the first commands of n
    connections are answered together, once all n have come, and every
    reply comes 20 ms late, as over a network: the requests arrive at the
    same instant, and each has time to send its next command before any of
    them hears back."""
    made = []

    def make(gather):
        link = RedisLink(delay=0.02, gather=gather)
        made.append(link)
        return link

    yield make
    for link in made:
        link.close()


def learner_client(port=6379):
    """A redis.Redis made in the learner's process, as the application would make it."""
    return learnerside.module("redis").Redis(host="127.0.0.1", port=port)


def limiter(limit, window, port=6379):
    return SlidingWindowLimiter(learner_client(port), limit, window)


def at_once(function, args, threads=20):
    """function(arg) for every arg, from `threads` threads of the learner's
    process at the same time: the results, in the order of args."""
    pool = learnerside.module("concurrent.futures").ThreadPoolExecutor(max_workers=threads)
    with pool:
        return list(pool.map(function, args))


def test_the_limit_is_let_through_and_the_rest_refused(server):
    alice = limiter(3, 60)
    assert [alice.allow("alice") for _ in range(5)] == [True, True, True, False, False]


def test_each_identity_has_a_limit_of_its_own(server):
    shared = limiter(2, 60)
    asked = ["alice", "bob", "alice", "alice", "bob", "bob", "carol"]
    assert [shared.allow(who) for who in asked] == [True, True, True, False, True, False, True]


def test_each_allowed_request_is_a_member_of_a_sorted_set_scored_by_its_time(server):
    alice = limiter(5, 60)
    before = time.time()
    assert [alice.allow("alice") for _ in range(3)] == [True, True, True]
    after = time.time()
    kind = server.type("ratelimit:alice")
    assert kind == "zset", "the type of the key ratelimit:alice"
    entries = server.zrange("ratelimit:alice", 0, -1, withscores=True)
    assert len({member for member, _ in entries}) == 3, entries
    for member, score in entries:
        assert before - 1 <= score <= after + 1, f"{member} is scored {score}, not the time of its request"


@pytest.mark.parametrize("limit, window", [(3, 60), (4, 10)])
def test_the_key_expires_a_window_after_the_last_request(server, limit, window):
    limited = limiter(limit, window)
    assert limited.allow("alice") is True
    ttl = server.ttl("ratelimit:alice")
    assert window - 5 < ttl <= window, f"TTL {ttl} of ratelimit:alice (-1 is no expiry, -2 no such key), not {window}"


@pytest.mark.help(
    "Add a request to the sorted set only when it is let through: a refused one that is counted "
    "keeps a client that retries refused for ever."
)
def test_refused_requests_are_not_recorded(server):
    alice = limiter(3, 60)
    assert [alice.allow("alice") for _ in range(7)] == [True] * 3 + [False] * 4
    recorded = server.zcard("ratelimit:alice")
    assert recorded == 3, "requests recorded in ratelimit:alice"


@pytest.mark.parametrize("window", [60, 10])
def test_requests_older_than_the_window_no_longer_count(server, window):
    now = time.time()
    server.zadd("ratelimit:carol", {"long-ago": now - 5 * window, "just-out": now - window - 1, "recent": now - window / 2})
    carol = limiter(3, window)
    assert [carol.allow("carol") for _ in range(3)] == [True, True, False]
    stale = server.zrangebyscore("ratelimit:carol", "-inf", now - window)
    assert stale == [], "requests older than the window still in ratelimit:carol"
    recorded = server.zcard("ratelimit:carol")
    assert recorded == 3, "requests recorded in ratelimit:carol"


@pytest.mark.hidden
def test_requests_inside_the_window_count_even_from_a_minute_before(server):
    """The window slides: requests 50, 40 and 30 seconds ago are all in the last 60 seconds, whatever the clock's minute."""
    now = time.time()
    server.zadd("ratelimit:dave", {"a": now - 50, "b": now - 40, "c": now - 30})
    dave = limiter(3, 60)
    assert dave.allow("dave") is False
    assert limiter(4, 60).allow("dave") is True


@pytest.mark.help(
    "Twenty callers at once, on a Redis 20 ms away: each reads the count before any has added "
    "its request. Counting and adding must be one step on the server (a Lua script, or a "
    "MULTI/EXEC transaction that adds first and takes back what is over the limit)."
)
def test_twenty_requests_at_once_let_exactly_the_limit_through(server, far):
    alice = limiter(5, 60, port=far(20).port)
    allowed = at_once(alice.allow, ["alice"] * 20).count(True)
    assert allowed == 5, "requests let through of 20 at once"
    recorded = server.zcard("ratelimit:alice")
    assert recorded == 5, "requests recorded in ratelimit:alice"


def test_requests_at_once_from_several_identities(server, far):
    shared = limiter(3, 60, port=far(24).port)
    asked = ["alice", "bob", "carol", "dave"] * 6
    results = at_once(shared.allow, asked, threads=24)
    allowed = {who: sum(1 for w, ok in zip(asked, results) if w == who and ok) for who in set(asked)}
    assert allowed == {"alice": 3, "bob": 3, "carol": 3, "dave": 3}


@pytest.mark.hidden
def test_three_processes_share_one_limit(server, far):
    """Three worker processes with clients of their own, all at once: the limit holds for all of them together, not each."""
    link = far(12)
    subprocess = learnerside.module("subprocess")
    python = learnerside.module("sys").executable
    workers = [
        subprocess.Popen(
            [python, "-c", WORKER, str(link.port), "7", "6"],
            cwd="/work", stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for _ in range(3)
    ]
    told = []
    for worker in workers:
        out, err = worker.communicate(timeout=30)
        assert worker.returncode == 0, err
        told += json.loads(out)
    assert len(told) == 18
    allowed = told.count(True)
    assert allowed == 7, "requests let through of 18 from three processes"
    recorded = server.zcard("ratelimit:shared")
    assert recorded == 7, "requests recorded in ratelimit:shared"
