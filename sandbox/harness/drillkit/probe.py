"""Objects that live in the learner's process, for tests that need them there.

Tests do not import this module: they use drillkit.learnerside, which asks
the learner's process for it (see that module for why). Everything here is
plain standard library and keeps no state outside the objects it makes, so
that it can run beside code nobody trusts: what it gives back to a test is
data (lists, dicts, numbers, text) or an object the test holds as a handle.
"""

import asyncio
import builtins
import copy
import logging
import threading
import time
import types


def same(a, b):
    """Whether a and b are one object (a Cell counts as what it holds)."""
    return _unwrap(a) is _unwrap(b)


def call(function, args, kwargs):
    """function(*args, **kwargs), called here."""
    return function(*args, **kwargs)


class SharedList(list):
    """A list that the learner's code changes in place. Its copies are plain
    lists, so that code which copies its argument returns ordinary data."""

    def __copy__(self):
        return list(self)

    def __deepcopy__(self, memo):
        return copy.deepcopy(list(self), memo)


class SharedDict(dict):
    """A dict that the learner's code changes in place; its copies are plain dicts."""

    def __copy__(self):
        return dict(self)

    def __deepcopy__(self, memo):
        return copy.deepcopy(dict(self), memo)


class Cell:
    """Holds a value here and passes item access, iteration and attribute
    access on to it, so that a test changes this very value, even when it
    is a plain dict or list."""

    def __init__(self, value):
        self._value = value

    def __getitem__(self, key):
        return self._value[key]

    def __setitem__(self, key, value):
        self._value[key] = value

    def __delitem__(self, key):
        del self._value[key]

    def __contains__(self, key):
        return key in self._value

    def __iter__(self):
        return iter(self._value)

    def __len__(self):
        return len(self._value)

    def __getattr__(self, name):
        return getattr(self._value, name)

    def __repr__(self):
        return "Cell(%r)" % (self._value,)


class Held:
    """A context manager around cm whose `as` value is a Cell: the value
    cm's __enter__ gives stays here, so a test's with block changes it."""

    def __init__(self, cm):
        self._cm = cm

    def __enter__(self):
        return Cell(self._cm.__enter__())

    def __exit__(self, exc_type, exc_value, traceback):
        return self._cm.__exit__(exc_type, exc_value, traceback)


def method(function):
    """A function to put in a class here: called as a method, it calls
    function(self, *args, **kwargs). A test's function set on a class
    directly would not get self, as functions of the test's own are not
    functions here."""

    def bound(self, *args, **kwargs):
        return function(self, *args, **kwargs)

    bound.__name__ = bound.__qualname__ = "method"
    return bound


def subclass(bases, name, methods):
    """A new class `name` here, deriving from bases (a class or a tuple of
    them), with each of methods ({name: function}) as a method."""
    if not isinstance(bases, tuple):
        bases = (bases,)

    def body(namespace):
        namespace["__qualname__"] = name
        for method_name, function in methods.items():
            namespace[method_name] = method(function)

    return types.new_class(name, bases, exec_body=body)


class Watched:
    """An iterator over values that records in `taken` each value handed out."""

    def __init__(self, values):
        self._values = iter(values)
        self.taken = []

    def __iter__(self):
        return self

    def __next__(self):
        value = next(self._values)
        self.taken.append(value)
        return value


class Logs(logging.Handler):
    """While a with block runs, the records of every logger that reaches the
    root logger here, at `level` or above (the root logger is set to level
    for the block, as pytest's caplog.at_level does)."""

    def __init__(self, level=logging.NOTSET):
        super().__init__(level)
        self._records = []
        self._formatter = logging.Formatter("%(levelname)s %(name)s: %(message)s")
        self._root_level = None

    def emit(self, record):
        self._records.append(record)

    def __enter__(self):
        root = logging.getLogger()
        self._root_level = root.level
        if self.level != logging.NOTSET:
            root.setLevel(self.level)
        root.addHandler(self)
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        root = logging.getLogger()
        root.removeHandler(self)
        root.setLevel(self._root_level)
        return None

    @property
    def records(self):
        """[{"name", "levelno", "levelname", "message", "exc_type"}] of each
        record: exc_type is the name of the exception logged with it, or None."""
        return [
            {
                "name": record.name,
                "levelno": record.levelno,
                "levelname": record.levelname,
                "message": record.getMessage(),
                "exc_type": record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else None,
            }
            for record in self._records
        ]

    @property
    def text(self):
        """Every record as "LEVEL logger: message", with its traceback if it has one."""
        return "\n".join(self._formatter.format(record) for record in self._records)


def _error(text):
    """The exception "Name: message" stands for; Name is a builtin exception."""
    name, _, message = text.partition(":")
    kind = getattr(builtins, name.strip(), None)
    if not (isinstance(kind, type) and issubclass(kind, BaseException)):
        raise ValueError("%r is not a builtin exception" % name)
    return kind(message.strip())


class Fake:
    """A callable standing in for a slow, failing or busy service. fake(key)
    waits delays.get(key, delay) seconds, then raises errors[key] ("Name:
    message", Name a builtin exception) or returns answers[key]. With
    together=n, each call first waits (at most `timeout` seconds, else an
    AssertionError) until n calls run at once. `calls` lists the keys asked
    for; `most` is how many calls ran at the same time, at most."""

    def __init__(self, answers, delays=None, errors=None, delay=0.0, together=0, timeout=1.0):
        self.answers = dict(answers)
        self.delays = dict(delays or {})
        self.errors = dict(errors or {})
        self.delay = delay
        self.calls = []
        self.most = 0
        self._running = 0
        self._lock = threading.Lock()
        self._barrier = threading.Barrier(together, timeout=timeout) if together else None

    def __call__(self, key):
        with self._lock:
            self.calls.append(key)
            self._running += 1
            self.most = max(self.most, self._running)
        try:
            if self._barrier is not None:
                try:
                    self._barrier.wait()
                except threading.BrokenBarrierError:
                    raise AssertionError("the calls did not run at the same time") from None
            time.sleep(self.delays.get(key, self.delay))
        finally:
            with self._lock:
                self._running -= 1
        if key in self.errors:
            raise _error(self.errors[key])
        return self.answers[key]


class AsyncFake:
    """Fake's asynchronous twin: `await fake.call(key)`. A call that is
    cancelled while it waits is recorded in `cancelled`; `asked` lists the
    keys asked for."""

    def __init__(self, answers, delays=None, errors=None, together=0, timeout=1.0):
        self.answers = dict(answers)
        self.delays = dict(delays or {})
        self.errors = dict(errors or {})
        self.together = together
        self.timeout = timeout
        self.asked = []
        self.cancelled = []
        self._barrier = None

    async def call(self, key):
        self.asked.append(key)
        if self.together and self._barrier is None:
            self._barrier = asyncio.Barrier(self.together)
        try:
            if self.together:
                try:
                    async with asyncio.timeout(self.timeout):
                        await self._barrier.wait()
                except TimeoutError:
                    raise AssertionError("%s was asked on its own, not together with the others" % key) from None
            await asyncio.sleep(self.delays.get(key, 0))
        except asyncio.CancelledError:
            self.cancelled.append(key)
            raise
        if key in self.errors:
            raise _error(self.errors[key])
        return self.answers[key]


def run_async(coroutine, guard):
    """Run coroutine to its end in a new event loop; one that takes longer
    than guard seconds is an AssertionError."""

    async def guarded():
        try:
            return await asyncio.wait_for(coroutine, guard)
        except TimeoutError:
            raise AssertionError("the call did not finish within %s seconds" % guard) from None

    return asyncio.run(guarded())


def _unwrap(value):
    return value._value if isinstance(value, Cell) else value
