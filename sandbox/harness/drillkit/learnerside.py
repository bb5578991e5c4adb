"""Objects a test needs beside the learner's code, in the learner's process.

    from drillkit import learnerside

    def test_top_scores_leaves_the_given_list_unchanged():
        scores = learnerside.shared_list([50, 90, 70])
        assert lists.top_scores(scores, 2) == [90, 70]
        assert list(scores) == [50, 90, 70]

drill runs the hidden tests in a judge process and the learner's code in a
process of its own (docs/authoring.md, "Tests and the boundary"). Only data
crosses between them (None, bool, int, float, str, bytes, list, tuple,
dict, set, frozenset, Decimal, the datetime types and UUID, exact types
only); any other learner object reaches a test as a handle, and a list or
dict a test passes to the learner's code arrives there as a copy. So a test
that needs something to live where the learner's code runs asks for it
here: a list the learner's function changes in place, an io.BytesIO, a
subclass of the learner's class, an identity check, the learner process's
log records. Each function returns a handle on an object made in the
learner's process (by drillkit.probe there, or the standard library).

module() is the one seam: under the split the judge's harness replaces
_import with its proxy for the learner process's modules. Today's harness
runs tests and learner's code in one process, where module() is a plain
import, so a test written with these helpers runs the same under both.
"""

import importlib
import logging

_import = importlib.import_module


def module(name):
    """The module `name` as the learner's process has it:
    module("io").BytesIO(b"...") is a BytesIO the learner's code can read,
    module("operator").add(a, b) is a + b worked out there."""
    return _import(name)


def _probe():
    return module("drillkit.probe")


def same(a, b):
    """Whether a and b are one object: `a is b`, decided in the learner's process."""
    return _probe().same(a, b)


def call(function, *args, **kwargs):
    """function(*args, **kwargs) called in the learner's process, for a
    learner exception class: learnerside.call(accounts.Error, 20, 50) is an
    instance made by the learner's __init__."""
    return _probe().call(function, args, kwargs)


def shared_list(items=()):
    """A list in the learner's process, which the learner's code changes in
    place: read it back with list(shared)."""
    return _probe().SharedList(items)


def shared_dict(mapping=(), **items):
    """A dict in the learner's process, which the learner's code changes in
    place: read it back with dict(shared)."""
    return _probe().SharedDict(mapping, **items)


def held(cm):
    """cm (a learner's context manager) with its `as` value kept in the
    learner's process, so that a with block changes that very value:

        with learnerside.held(Transaction(stock)) as draft:
            draft["pen"] -= 3
    """
    return _probe().Held(cm)


def method(function):
    """function(self, *args) as a method of a class in the learner's process:
    EmailNotifier.format = learnerside.method(shouting)."""
    return _probe().method(function)


def subclass(bases, name, **methods):
    """A class `name` made in the learner's process from bases (a class or a
    tuple), with each keyword a method: function(self, ...) of the test's."""
    return _probe().subclass(bases, name, methods)


def watched(values):
    """An iterator in the learner's process over values; its `taken` lists
    every value it has handed out, to check that code reads lazily."""
    return _probe().Watched(list(values))


def logs(level=logging.NOTSET):
    """A context manager that records what is logged in the learner's
    process (at level or above) while it is open; then `.text` is every
    record as "LEVEL logger: message" with its traceback, and `.records`
    is a list of dicts (name, levelno, levelname, message, exc_type)."""
    return _probe().Logs(level)


def fake(answers, delays=None, errors=None, delay=0.0, together=0, timeout=1.0):
    """A callable in the learner's process standing in for a slow, failing
    or busy service: fake(key) waits delays.get(key, delay) seconds, then
    raises errors[key] ("LookupError: not found", a builtin exception) or
    returns answers[key]. With together=n each call first waits, at most
    timeout seconds, until n calls run at once. `.calls` lists the keys
    asked for, `.most` how many calls ran at the same time."""
    return _probe().Fake(answers, delays, errors, delay, together, timeout)


def async_fake(answers, delays=None, errors=None, together=0, timeout=1.0):
    """fake()'s asynchronous twin: `await f.call(key)`; `.asked` lists the
    keys asked for, `.cancelled` those whose call was cancelled."""
    return _probe().AsyncFake(answers, delays, errors, together, timeout)


def run_async(coroutine, guard=2.0):
    """Run a coroutine (what calling the learner's async function gave) to its
    end in the learner's process; longer than guard seconds is an AssertionError."""
    return _probe().run_async(coroutine, guard)
