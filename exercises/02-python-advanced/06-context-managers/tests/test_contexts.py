import pytest

from contexts import Transaction, ignored, override
from drillkit import learnerside

# The stores and settings are dicts in the learner's process (shared_dict), so
# that what the learner's code does to them can be seen; held() keeps the
# draft a Transaction hands out there too, so the with block changes it.


def test_a_transaction_commits_when_the_block_succeeds():
    stock = learnerside.shared_dict({"pen": 10, "ink": 2})
    transaction = Transaction(stock)
    with learnerside.held(transaction) as draft:
        draft["pen"] -= 3
        draft["pad"] = 5
        del draft["ink"]
    assert dict(stock) == {"pen": 7, "pad": 5}
    assert transaction.committed is True


def test_the_draft_is_a_copy_until_the_end():
    stock = learnerside.shared_dict({"pen": 10})
    with learnerside.held(Transaction(stock)) as draft:
        draft["pen"] = 0
        assert dict(stock) == {"pen": 10}
        assert not learnerside.same(draft, stock), "the draft must be a copy of the store, not the store itself"


def test_a_transaction_keeps_the_same_store_object():
    stock = learnerside.shared_dict({"pen": 10})
    with learnerside.held(Transaction(stock)) as draft:
        draft["pen"] = 1
        assert dict(stock) == {"pen": 10}
    assert dict(stock) == {"pen": 1}


def test_a_failed_block_rolls_back_and_the_error_reaches_the_caller():
    stock = learnerside.shared_dict({"pen": 10, "ink": 2})
    transaction = Transaction(stock)
    with pytest.raises(RuntimeError):
        with learnerside.held(transaction) as draft:
            draft["pen"] -= 3
            del draft["ink"]
            raise RuntimeError("out of ink")
    assert dict(stock) == {"pen": 10, "ink": 2}
    assert transaction.committed is False


def test_override_sets_values_inside_the_block():
    settings = learnerside.shared_dict({"DEBUG": False, "NAME": "shop"})
    with override(settings, DEBUG=True, CACHE="off") as inside:
        assert learnerside.same(inside, settings), "override must give the settings dict itself"
        assert dict(settings) == {"DEBUG": True, "NAME": "shop", "CACHE": "off"}


def test_override_restores_old_values_and_removes_new_keys():
    settings = learnerside.shared_dict({"DEBUG": False, "NAME": "shop"})
    with override(settings, DEBUG=True, CACHE="off"):
        assert dict(settings) == {"DEBUG": True, "NAME": "shop", "CACHE": "off"}
    assert dict(settings) == {"DEBUG": False, "NAME": "shop"}


@pytest.mark.hidden
def test_override_restores_even_when_the_block_raises():
    """Settings must be put back even if the block raises: the clean-up after yield needs try/finally."""
    settings = learnerside.shared_dict({"DEBUG": False})
    with pytest.raises(ZeroDivisionError):
        with override(settings, DEBUG=True, CACHE="off"):
            assert settings["DEBUG"] is True
            1 / 0
    assert dict(settings) == {"DEBUG": False}


def test_override_restores_a_value_of_none():
    settings = learnerside.shared_dict({"EMAIL": None})
    with override(settings, EMAIL="ops@example.com"):
        assert settings["EMAIL"] == "ops@example.com"
    assert dict(settings) == {"EMAIL": None}


def test_nested_overrides_unwind_in_order():
    settings = learnerside.shared_dict({"LEVEL": "info"})
    with override(settings, LEVEL="debug"):
        with override(settings, LEVEL="trace"):
            assert settings["LEVEL"] == "trace"
        assert settings["LEVEL"] == "debug"
    assert dict(settings) == {"LEVEL": "info"}


def test_ignored_swallows_the_given_exceptions_and_keeps_them():
    with ignored(KeyError, ValueError) as result:
        {}["missing"]
    assert isinstance(result.error, KeyError)
    with ignored(KeyError, ValueError) as result:
        int("x")
    assert isinstance(result.error, ValueError)


def test_ignored_swallows_subclasses_too():
    with ignored(LookupError) as result:
        [][1]
    assert isinstance(result.error, IndexError)


def test_ignored_lets_other_exceptions_through():
    with ignored(KeyError):
        raise KeyError("swallowed")
    with pytest.raises(ZeroDivisionError):
        with ignored(KeyError):
            1 / 0


def test_ignored_without_an_exception_has_no_error():
    done = []
    with ignored(KeyError) as result:
        done.append(True)
    assert done == [True]
    assert result.error is None
    with ignored(KeyError) as result:
        raise KeyError("x")
    assert isinstance(result.error, KeyError)


def test_the_block_stops_at_the_ignored_exception():
    steps = []
    with ignored(KeyError):
        steps.append(1)
        raise KeyError("x")
        steps.append(2)  # never reached
    assert steps == [1]
