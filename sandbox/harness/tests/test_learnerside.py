"""drillkit.learnerside and drillkit.probe, as today's harness runs them: in
one process, where learnerside.module() is a plain import. Run on the host:

    python3 -m pytest sandbox/tests
"""

import asyncio
import copy
import logging
from abc import ABC, abstractmethod

import pytest

from drillkit import learnerside


def test_module_is_the_module_of_that_name():
    import operator

    assert learnerside.module("operator") is operator


def test_a_shared_list_is_changed_in_place_and_its_copies_are_plain_lists():
    shared = learnerside.shared_list([3, 1, 2])

    def sort_in_place(items):
        items.sort()

    sort_in_place(shared)
    assert list(shared) == [1, 2, 3]
    assert type(copy.copy(shared)) is list
    assert type(copy.deepcopy(shared)) is list
    assert type(shared[:]) is list


def test_a_shared_dict_takes_a_mapping_and_keywords_and_copies_to_plain_dicts():
    shared = learnerside.shared_dict({"a": 1}, b=2)
    shared["c"] = 3
    assert dict(shared) == {"a": 1, "b": 2, "c": 3}
    assert type(copy.copy(shared)) is dict
    assert type(copy.deepcopy(shared)) is dict
    assert type(shared.copy()) is dict


class Draft:
    """A context manager that hands out a copy and keeps what the block made of it."""

    def __init__(self, store):
        self.store = store
        self.exited_with = "not yet"

    def __enter__(self):
        self.draft = dict(self.store)
        return self.draft

    def __exit__(self, exc_type, exc_value, traceback):
        self.exited_with = exc_type
        if exc_type is None:
            self.store.update(self.draft)
        return False


def test_held_keeps_the_value_the_context_manager_gives():
    store = {"pen": 10, "ink": 2}
    cm = Draft(store)
    with learnerside.held(cm) as draft:
        draft["pen"] -= 3
        del draft["ink"]
        draft["pad"] = 1
        assert ("pad" in draft, len(draft), sorted(draft)) == (True, 2, ["pad", "pen"])
        assert draft.get("pen") == 7
        assert learnerside.same(draft, cm.draft) is True
        assert learnerside.same(draft, store) is False
    assert cm.draft == {"pen": 7, "pad": 1}
    assert cm.exited_with is None


def test_held_passes_an_exception_to_the_context_managers_exit():
    cm = Draft({})
    with pytest.raises(LookupError):
        with learnerside.held(cm):
            raise LookupError("gone")
    assert cm.exited_with is LookupError


def test_same_is_identity():
    a, b = [1], [1]
    assert (learnerside.same(a, a), learnerside.same(a, b)) == (True, False)


def test_call_calls_with_args_and_kwargs():
    assert learnerside.call(dict, [("a", 1)], b=2) == {"a": 1, "b": 2}


class Greeter:
    def greet(self, name):
        return "Hello, %s" % name

    def shout(self, name):
        return self.greet(name).upper()


def test_method_gives_the_function_self():
    seen = []

    def greet(self, name):
        seen.append(self)
        return "Hi, %s" % name

    original = Greeter.greet
    Greeter.greet = learnerside.method(greet)
    try:
        greeter = Greeter()
        assert greeter.shout("ada") == "HI, ADA"
    finally:
        Greeter.greet = original
    assert seen == [greeter]


class Shape(ABC):
    @abstractmethod
    def area(self):
        """The area."""

    def describe(self):
        return "area %s" % self.area()


def test_subclass_makes_a_class_with_the_methods_given():
    Square = learnerside.subclass(Shape, "Square", area=lambda self: 4)
    assert (Square.__name__, Square().describe()) == ("Square", "area 4")
    assert isinstance(Square(), Shape)


def test_a_subclass_without_the_abstract_method_cannot_be_made():
    Blob = learnerside.subclass(Shape, "Blob")
    with pytest.raises(TypeError):
        Blob()


def test_subclass_takes_several_bases_in_order():
    class Loud(Greeter):
        def greet(self, name):
            return super().greet(name) + "!"

    Both = learnerside.subclass((Loud, Greeter), "Both")
    assert Both().greet("ada") == "Hello, ada!"


def test_watched_records_what_was_taken():
    values = learnerside.watched(range(5))
    assert next(values) == 0
    assert next(values) == 1
    assert values.taken == [0, 1]
    assert list(values) == [2, 3, 4]
    assert values.taken == [0, 1, 2, 3, 4]


def test_logs_records_what_reaches_the_root_logger_with_tracebacks():
    logger = logging.getLogger("drill.test.logs")
    root_level = logging.getLogger().level
    with learnerside.logs(logging.INFO) as logs:
        logger.debug("too quiet")
        logger.info("charging %d cents", 1250)
        try:
            1 / 0
        except ZeroDivisionError:
            logger.exception("failed")
    logger.error("after the block")
    assert [(r["levelname"], r["message"], r["exc_type"]) for r in logs.records] == [
        ("INFO", "charging 1250 cents", None),
        ("ERROR", "failed", "ZeroDivisionError"),
    ]
    assert "INFO drill.test.logs: charging 1250 cents" in logs.text
    assert "ZeroDivisionError: division by zero" in logs.text
    assert logging.getLogger().level == root_level


def test_a_fake_answers_raises_and_records_calls():
    fake = learnerside.fake({"/a": "page a"}, errors={"/b": "LookupError: /b not found"})
    assert fake("/a") == "page a"
    with pytest.raises(LookupError, match="/b not found"):
        fake("/b")
    assert fake.calls == ["/a", "/b"]


def test_a_fake_only_names_builtin_exceptions():
    fake = learnerside.fake({}, errors={"x": "SystemExitNot: no"})
    with pytest.raises(ValueError):
        fake("x")


def test_a_fake_counts_the_calls_running_at_once():
    from concurrent.futures import ThreadPoolExecutor

    fake = learnerside.fake({n: n for n in range(6)}, delay=0.05, together=3, timeout=30)
    with ThreadPoolExecutor(max_workers=3) as pool:
        assert list(pool.map(fake, range(6))) == list(range(6))
    assert fake.most == 3


def test_a_fake_waiting_for_others_that_never_come_fails():
    fake = learnerside.fake({1: 1}, together=2, timeout=0.05)
    with pytest.raises(AssertionError, match="at the same time"):
        fake(1)


def test_an_async_fake_and_run_async():
    fake = learnerside.async_fake({"north": 9, "south": 8}, delays={"slow": 5}, together=2, timeout=30)

    async def both():
        return await asyncio.gather(fake.call("north"), fake.call("south"))

    assert learnerside.run_async(both()) == [9, 8]
    assert fake.asked == ["north", "south"]


def test_an_async_fake_records_cancelled_calls():
    fake = learnerside.async_fake({"slow": 1}, delays={"slow": 5})

    async def give_up():
        try:
            return await asyncio.wait_for(fake.call("slow"), 0.05)
        except TimeoutError:
            return None

    assert learnerside.run_async(give_up()) is None
    assert fake.cancelled == ["slow"]


def test_run_async_stops_a_coroutine_at_the_guard():
    with pytest.raises(AssertionError, match="did not finish within 0.05 seconds"):
        learnerside.run_async(asyncio.sleep(60), guard=0.05)
