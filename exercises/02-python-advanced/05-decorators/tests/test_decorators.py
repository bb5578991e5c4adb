import pytest

from decorators import count_calls, require_role, retry
from drillkit import learnerside

ADA = {"name": "ada", "roles": {"admin", "staff"}}
BOB = {"name": "bob", "roles": {"staff"}}
EVE = {"name": "eve", "roles": set()}


def flaky(failures, error=ConnectionError):
    """A function that raises `error` for its first `failures` calls, then
    returns "data"; `attempts` lists the arguments of every call."""
    attempts = []

    def fetch(url, timeout=1):
        """Fetch a url."""
        attempts.append((url, timeout))
        if len(attempts) <= failures:
            raise error(f"attempt {len(attempts)} failed")
        return "data"

    return fetch, attempts


def test_count_calls_counts_from_zero():
    @count_calls
    def ping():
        return "pong"

    assert ping.calls == 0
    assert ping() == "pong"
    assert ping() == "pong"
    assert ping.calls == 2


def test_count_calls_passes_arguments_through():
    @count_calls
    def add(a, b, *, c=0):
        return a + b + c

    assert add(1, 2) == 3
    assert add(1, 2, c=10) == 13
    assert add.calls == 2


def test_each_function_has_its_own_count():
    @count_calls
    def one():
        pass

    @count_calls
    def two():
        pass

    one()
    one()
    two()
    assert (one.calls, two.calls) == (2, 1)


@pytest.mark.hidden
def test_decorated_functions_keep_their_name_and_docstring():
    """Every wrapper must keep the decorated function's __name__ and __doc__: use functools.wraps."""
    # A function of the learner's process, whose name and docstring are its own there.
    dedent = learnerside.module("textwrap").dedent
    for decorator in (count_calls, retry(times=2), require_role("admin")):
        decorated = decorator(dedent)
        assert learnerside.same(decorated.__wrapped__, dedent)
        assert decorated.__name__ == "dedent"
        assert decorated.__doc__ == dedent.__doc__


def test_retry_returns_the_first_success():
    fetch, attempts = flaky(failures=2)
    fetch = retry(times=3, exceptions=(ConnectionError,))(fetch)
    assert fetch("https://example.com", timeout=5) == "data"
    assert attempts == [("https://example.com", 5)] * 3


def test_retry_does_not_call_again_after_a_success():
    fetch, attempts = flaky(failures=0)
    fetch = retry(times=5)(fetch)
    assert fetch("u") == "data"
    assert len(attempts) == 1
    fetch, attempts = flaky(failures=1)
    fetch = retry(times=5)(fetch)
    assert fetch("u") == "data"
    assert len(attempts) == 2


def test_retry_raises_the_last_error_after_all_attempts_fail():
    fetch, attempts = flaky(failures=10)
    fetch = retry(times=3, exceptions=(ConnectionError,))(fetch)
    with pytest.raises(ConnectionError) as error:
        fetch("u")
    assert str(error.value) == "attempt 3 failed"
    assert len(attempts) == 3


def test_retry_with_one_time_calls_once():
    fetch, attempts = flaky(failures=1)
    fetch = retry(times=1)(fetch)
    with pytest.raises(ConnectionError):
        fetch("u")
    assert len(attempts) == 1
    fetch, attempts = flaky(failures=1)
    assert retry(times=2)(fetch)("u") == "data"
    assert len(attempts) == 2


def test_retry_defaults_to_three_attempts_for_any_exception():
    fetch, attempts = flaky(failures=5, error=RuntimeError)
    fetch = retry()(fetch)
    with pytest.raises(RuntimeError):
        fetch("u")
    assert len(attempts) == 3


def test_retry_does_not_retry_other_exceptions():
    fetch, attempts = flaky(failures=1, error=KeyError)
    fetch = retry(times=3, exceptions=(ConnectionError, TimeoutError))(fetch)
    with pytest.raises(KeyError):
        fetch("u")
    assert len(attempts) == 1
    fetch, attempts = flaky(failures=1, error=TimeoutError)
    assert retry(times=3, exceptions=(ConnectionError, TimeoutError))(fetch)("u") == "data"
    assert len(attempts) == 2


@pytest.mark.parametrize("times", [0, -1])
def test_retry_refuses_fewer_than_one_time(times):
    with pytest.raises(ValueError):
        retry(times=times)


def test_require_role_lets_the_right_user_through():
    @require_role("admin")
    def delete_user(user, username, *, reason=""):
        return f"{user['name']} deleted {username} {reason}".strip()

    assert delete_user(ADA, "eve") == "ada deleted eve"
    assert delete_user(ADA, "eve", reason="spam") == "ada deleted eve spam"


def test_require_role_refuses_other_users():
    called = []

    @require_role("admin")
    def delete_user(user, username):
        called.append(username)

    with pytest.raises(PermissionError):
        delete_user(BOB, "eve")
    with pytest.raises(PermissionError):
        delete_user(EVE, "bob")
    assert called == []


def test_require_role_and_count_calls_combine():
    @require_role("staff")
    @count_calls
    def report(user):
        return "report"

    assert report(BOB) == "report"
    with pytest.raises(PermissionError):
        report(EVE)
    assert report.__wrapped__.calls == 1
