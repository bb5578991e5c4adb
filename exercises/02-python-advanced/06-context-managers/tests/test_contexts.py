import pytest

from contexts import Transaction, ignored, override


class OutOfStock(Exception):
    pass


def test_a_transaction_commits_when_the_block_succeeds():
    stock = {"pen": 10, "ink": 2}
    transaction = Transaction(stock)
    with transaction as draft:
        draft["pen"] -= 3
        draft["pad"] = 5
        del draft["ink"]
    assert stock == {"pen": 7, "pad": 5}
    assert transaction.committed is True


def test_the_draft_is_a_copy_until_the_end():
    stock = {"pen": 10}
    with Transaction(stock) as draft:
        draft["pen"] = 0
        assert stock == {"pen": 10}
        assert draft is not stock


def test_a_transaction_keeps_the_same_store_object():
    stock = {"pen": 10}
    before = stock
    with Transaction(stock) as draft:
        draft["pen"] = 1
    assert stock is before
    assert before == {"pen": 1}


def test_a_failed_block_rolls_back_and_the_error_reaches_the_caller():
    stock = {"pen": 10, "ink": 2}
    transaction = Transaction(stock)
    with pytest.raises(OutOfStock):
        with transaction as draft:
            draft["pen"] -= 3
            del draft["ink"]
            raise OutOfStock("ink")
    assert stock == {"pen": 10, "ink": 2}
    assert transaction.committed is False


def test_override_sets_values_inside_the_block():
    settings = {"DEBUG": False, "NAME": "shop"}
    with override(settings, DEBUG=True, CACHE="off") as inside:
        assert inside is settings
        assert settings == {"DEBUG": True, "NAME": "shop", "CACHE": "off"}


def test_override_restores_old_values_and_removes_new_keys():
    settings = {"DEBUG": False, "NAME": "shop"}
    with override(settings, DEBUG=True, CACHE="off"):
        pass
    assert settings == {"DEBUG": False, "NAME": "shop"}


@pytest.mark.hidden
def test_override_restores_even_when_the_block_raises():
    """Settings must be put back even if the block raises: the clean-up after yield needs try/finally."""
    settings = {"DEBUG": False}
    with pytest.raises(ZeroDivisionError):
        with override(settings, DEBUG=True, CACHE="off"):
            1 / 0
    assert settings == {"DEBUG": False}


def test_override_restores_a_value_of_none():
    settings = {"EMAIL": None}
    with override(settings, EMAIL="ops@example.com"):
        assert settings["EMAIL"] == "ops@example.com"
    assert settings == {"EMAIL": None}


def test_nested_overrides_unwind_in_order():
    settings = {"LEVEL": "info"}
    with override(settings, LEVEL="debug"):
        with override(settings, LEVEL="trace"):
            assert settings["LEVEL"] == "trace"
        assert settings["LEVEL"] == "debug"
    assert settings == {"LEVEL": "info"}


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
    with pytest.raises(ZeroDivisionError):
        with ignored(KeyError):
            1 / 0


def test_ignored_without_an_exception_has_no_error():
    done = []
    with ignored(KeyError) as result:
        done.append(True)
    assert done == [True]
    assert result.error is None


def test_the_block_stops_at_the_ignored_exception():
    steps = []
    with ignored(KeyError):
        steps.append(1)
        raise KeyError("x")
        steps.append(2)  # never reached
    assert steps == [1]
