"""The judge's side of the judge/learner split: learner objects as proxies.

In the judge, the learner's modules (and, for Django, everything that loads
them) are proxies of objects in the learner process (learner.py). Only data
crosses (wire.py); any other learner object stays there and is a Proxy
here: attribute access, calls, iteration, len, item access, with-blocks,
isinstance and issubclass, arithmetic and comparisons between two learner
objects are requests to the learner process. What it answers is data or
another handle, never an object of its making in this process.

What the judge trusts, and why:
- a Proxy never equals judge data (`f() == 5` is False when f returns an
  object whose __eq__ says yes to everything), and is never ordered against
  it: only values the learner's code returns as data compare with values;
- a learner exception class is a class made here (Mirror), named as the
  learner's, derived from the builtin exceptions in its MRO but always from
  Exception: so pytest.raises(ValueError) and pytest.raises(bank.Overdrawn)
  work, and nothing the learner raises can end the judge (SystemExit,
  pytest's Exit and KeyboardInterrupt come as plain Exceptions);
- a judge function handed to learner code (a callback, a monkeypatched
  function) is a reference, and any other judge object an opaque token the
  learner's code can only keep and give back; what it is called with is data and handles; an
  exception it raises is remembered (failed_callbacks), so learner code that
  swallows a failed assertion in it does not pass the test.
- everything the learner process sends is bounded by the codec, and the
  fields of its messages are checked here, never used as code.
"""

import builtins
import errno
import os
import selectors
import sys
import types
import weakref

import wire

# Captured output kept per test, in characters; what is beyond it is
# counted, not kept. All of it is also written on to this process's
# stderr, which drill bounds (a flood is drill's output verdict).
OUTPUT_LIMIT = 4096
# Handles the judge let go of are released in batches of this many.
RELEASE_BATCH = 256
MAX_TEXT = 4000


class RemoteError(BaseException):
    """What went wrong with the learner process itself, not in the learner's
    code: never an Exception, so that no `pytest.raises(Exception)` or
    `except Exception` of a test takes it for the error the test expects."""


class LearnerDied(RemoteError):
    """The learner process ended during a request; str() says how, in the
    learner's terms. The next request starts a fresh one."""


class StaleObject(RemoteError):
    """A handle of a learner process that has since ended."""


class ProtocolError(RemoteError):
    """The learner process answered with something that is not an answer."""


class NotSent(RemoteError):
    """The learner's code gave a value the codec refuses (learner.NotSent)."""


_current = None


def current():
    """The Learner of this job (set by the judge's plugin)."""
    if _current is None:
        raise RuntimeError("no learner process in this job")
    return _current


def set_current(learner):
    global _current
    _current = learner


def inside(name):
    """A proxy of the module called name, imported in the learner process:
    what a test uses to act where the learner's code runs (its sqlite3, its
    asyncio, drill's learner-side helpers)."""
    return current().module(name)


class Learner:
    """The judge's connection to the learner process of a job.

    spawner gives learner processes (procs.Learners): spawner.spawn()
    returns an object with .chan (a wire.Channel), .out_fd (their stdout and
    stderr) and .pid; spawner.wait(pid, seconds) says how one ended (a dict:
    exit or signal); spawner.kill() ends every learner process.
    learner_files are the learner's own files (relative paths)."""

    def __init__(self, spawner, learner_files=(), oom_kills=lambda: None, pinned_modules=()):
        self.spawner = spawner
        # Library modules (Django's) whose classes and functions the judge
        # takes from a fresh learner process, before any learner code ran
        # there: `models.DecimalField = models.FloatField` in a learner's
        # file then changes nothing the tests see.
        self.pinned_modules = list(pinned_modules)
        self.pinned = {}
        self.oom_kills = oom_kills  # the OOM killer's count of the sandbox, or None
        self.oom_before = None
        self.learner_files = list(learner_files)
        self.names = frozenset()  # the learner side's top-level module names
        self.proc = None
        self.generation = 0
        self.proxies = weakref.WeakValueDictionary()  # handle id -> Proxy
        self.mirrors = {}  # (module, qualname) -> Mirror class
        self.mirror_refs = {}  # Mirror class -> handle id (this generation)
        self.callbacks = {}  # id -> judge function
        self.callback_ids = {}  # id(function) -> id
        self.released = set()
        self.failed_callbacks = []
        self.output = []
        self.output_size = 0
        self.output_cut = False
        self.death = None  # how the last learner process ended, if it did
        self.selector = None
        self.pidfd = -1

    # --- processes

    def _process(self):
        if self.proc is None:
            self.oom_before = self.oom_kills()
            self.proc = self.spawner.spawn()
            self.generation += 1
            self.proxies = weakref.WeakValueDictionary()
            self.mirror_refs = {}
            self.released = set()
            self.selector = selectors.DefaultSelector()
            self.selector.register(self.proc.chan.fileno(), selectors.EVENT_READ, "chan")
            os.set_blocking(self.proc.out_fd, False)
            self.selector.register(self.proc.out_fd, selectors.EVENT_READ, "out")
            # Its end, even if a process it forked keeps the channel open.
            self.pidfd = os.pidfd_open(self.proc.pid)
            self.selector.register(self.pidfd, selectors.EVENT_READ, "end")
            self._send(["learner_files", self.learner_files])
            self._wait()
            self.pinned = {}
            if self.pinned_modules:
                self._send(["snapshot", self.pinned_modules])
                pinned = self._wait()
                self.pinned = pinned if type(pinned) is dict else {}
        return self.proc

    def _died(self):
        proc, self.proc = self.proc, None
        self._drain(proc.out_fd)
        self.selector.close()
        os.close(self.pidfd)
        try:
            proc.chan.sock.close()
        except (AttributeError, OSError):
            pass
        try:
            os.close(proc.out_fd)
        except OSError:
            pass
        status = self.spawner.wait(proc.pid, 1.0)
        oom = self.oom_kills()
        if status.get("signal") == 9 and oom is not None and self.oom_before is not None and oom > self.oom_before:
            self.death = "your code ran out of memory: the process running it was killed at the sandbox's memory limit%s" % memory_limit()
        else:
            self.death = describe_end(status)
        # What it forked (and may still hold its ends) goes with it.
        self.spawner.kill()
        return LearnerDied(self.death)

    def end(self):
        """Let the learner process go (it ends when its channel closes)."""
        if self.proc is not None:
            proc, self.proc = self.proc, None
            self.selector.close()
            os.close(self.pidfd)
            proc.chan.sock.close()
            os.close(proc.out_fd)

    # --- output

    def _drain(self, fd):
        while True:
            try:
                data = os.read(fd, 65536)
            except BlockingIOError:
                return
            except OSError as e:
                if e.errno == errno.EBADF:
                    return
                raise
            if not data:
                return
            os.write(2, data)
            room = OUTPUT_LIMIT - self.output_size
            if room > 0:
                self.output.append(data[:room])
                self.output_size += min(room, len(data))
            if len(data) > max(room, 0):
                self.output_cut = True

    def take_output(self):
        """What the learner process printed since the last call, as text cut
        at OUTPUT_LIMIT bytes, and whether it was cut."""
        if self.proc is not None:
            self._drain(self.proc.out_fd)
        text = b"".join(self.output).decode("utf-8", "replace")
        cut = self.output_cut
        self.output, self.output_size, self.output_cut = [], 0, False
        return text, cut

    # --- requests

    def request(self, op, *args):
        """Send [op, *args] and return the answer's value, raising what the
        learner's code raised (see Mirror), LearnerDied if its process
        ended, ProtocolError if it answered nonsense."""
        self._process()
        if len(self.released) >= RELEASE_BATCH:
            ids, self.released = self.released, set()
            self._send(["release", sorted(ids)])
            self._wait()
        self._send([op, *args])
        return self._wait()

    def _send(self, message):
        try:
            self.proc.chan.send(message, self.to_ref)
        except (BrokenPipeError, ConnectionResetError):
            raise self._died() from None

    def _wait(self):
        while True:
            message = self._receive()
            kind = message[0] if type(message) is list and message else None
            if kind == "ok" and len(message) == 2:
                return message[1]
            if kind == "raise" and len(message) == 2:
                raise self.exception(message[1])
            if kind == "callback" and len(message) == 4:
                self._send(self.run_callback(*message[1:]))
                continue
            self.end()
            raise ProtocolError("your code's process sent something that is not an answer")

    def _receive(self):
        proc = self.proc
        while True:
            for key, _ in self.selector.select():
                if key.data == "out":
                    self._drain(proc.out_fd)
                    continue
                if key.data == "end":
                    raise self._died()
                try:
                    return proc.chan.recv(self.from_ref)
                except (EOFError, ConnectionResetError):
                    raise self._died() from None
                except wire.WireError as e:
                    self.end()
                    raise ProtocolError("your code's process sent %s" % e) from None

    def exception_for_learner(self, exc):
        """What learner code gets for an exception of the judge's: the
        learner's own exception object if it came from there, else a
        builtin one of the same name and message made there."""
        proxy = getattr(exc, "__drill_proxy__", None)
        if isinstance(proxy, Proxy):
            return proxy
        name = type(exc).__name__ if getattr(builtins, type(exc).__name__, None) is type(exc) else "Exception"
        return self.request("exception", name, str(exc)[:MAX_TEXT])

    def run_callback(self, ident, args, kwargs):
        fn = self.callbacks.get(ident) if type(ident) is int else None
        if fn is None or type(args) is not list or type(kwargs) is not dict or not all(type(k) is str for k in kwargs):
            return ["raise", {"class": "TypeError", "message": "not a call of a function of the tests"}]
        try:
            return ["ok", fn(*args, **kwargs)]
        except BaseException as e:  # noqa: BLE001 - reported to the learner's code
            if isinstance(e, AssertionError) or not isinstance(e, Exception):
                # A failed check (an assert, pytest.fail) is the test's,
                # whatever the learner's code does with it.
                self.failed_callbacks.append(e)
            proxy = getattr(e, "__drill_proxy__", None)
            if isinstance(proxy, Proxy):
                return ["raise", {"object": proxy}]
            return ["raise", {"class": type(e).__name__, "message": str(e)[:MAX_TEXT]}]

    # --- references

    def to_ref(self, obj):
        """How a judge object is sent: a learner object as its handle, a
        judge function as a callback reference; anything else is not sent
        (TypeError)."""
        if isinstance(obj, Proxy):
            return wire.Ref("L", obj._drill_handle(), None)
        if isinstance(obj, BaseException) and isinstance(getattr(obj, "__drill_proxy__", None), Proxy):
            return wire.Ref("L", obj.__drill_proxy__._drill_handle(), None)
        if isinstance(obj, type) and obj in self.mirror_refs:
            return wire.Ref("L", self.mirror_refs[obj], None)
        name = getattr(obj, "__name__", None)
        if type(name) is str and getattr(builtins, name, None) is obj and (isinstance(obj, type) or type(obj) is type(len)):
            # A builtin (ValueError, len): the learner process's own.
            return wire.Ref("B", 0, name)
        if callable(obj) and not isinstance(obj, type):
            ident = self.callback_ids.get(id(obj))
            if ident is None or self.callbacks[ident] is not obj:
                ident = len(self.callbacks) + 1
                self.callbacks[ident] = obj
                self.callback_ids[id(obj)] = ident
            return wire.Ref("J", ident, None)
        # Any other object of the judge's (a sentinel, a fake): an opaque
        # token, which the learner's code can keep and give back, and
        # nothing else.
        ident = self.callback_ids.get(id(obj))
        if ident is None or self.callbacks[ident] is not obj:
            ident = len(self.callbacks) + 1
            self.callbacks[ident] = obj
            self.callback_ids[id(obj)] = ident
        return wire.Ref("O", ident, type(obj).__name__[:100])

    def from_ref(self, ref):
        if ref.tag in ("J", "O"):
            obj = self.callbacks.get(ref.id, self.callbacks)
            if obj is self.callbacks:
                raise wire.WireError("a reference to nothing of the tests")
            return obj
        if ref.tag != "L":
            raise wire.WireError("a reference of an unknown kind")
        info = ref.info if type(ref.info) is dict else {}
        if info.get("kind") == "class" and type(info.get("mro")) is list:
            cls = self.mirror(info)
            self.mirror_refs[cls] = ref.id
            return cls
        if info.get("kind") == "object" and type(info.get("mro")) is list:
            # An exception object of the learner's, as a value: the judge's
            # exception for it, as if raised.
            return self.exception({"class": self.mirror(info), "message": info.get("message"), "str_failed": info.get("str_failed"),
                                   "ref": self._proxy(ref.id, info), "where": []})
        return self._proxy(ref.id, info)

    def _proxy(self, ident, info):
        proxy = self.proxies.get(ident)
        if proxy is None:
            # A handle the judge let go of, and is given again before the
            # release was sent: it is not to be released after all.
            self.released.discard(ident)
            proxy = Proxy._drill_new(self, ident, info, None)
            self.proxies[ident] = proxy
        return proxy

    def release(self, ident, generation):
        if generation == self.generation and self.proc is not None and ident not in self.proxies:
            self.released.add(ident)

    # --- modules

    def module(self, name, path=None):
        """A proxy of the module name, imported in the learner process."""
        proxy = self.request("import", name)
        if isinstance(proxy, Proxy):
            object.__setattr__(proxy, "_drill_path", (name,))
        return proxy

    # --- exceptions

    def mirror(self, info):
        """The judge's class for a learner exception class (info: its
        module, name and MRO), made once per name."""
        mro = [e for e in info["mro"] if type(e) is list and len(e) == 2 and all(type(x) is str for x in e)]
        if not mro:
            return Exception
        return self._mirror(mro)

    def _mirror(self, mro):
        module, name = (x[:200] for x in mro[0])
        if module == "builtins":
            cls = getattr(builtins, name, None)
            if isinstance(cls, type) and issubclass(cls, Exception):
                return cls
            if cls is BaseException:
                return Exception
        elif module.partition(".")[0] in sys.stdlib_module_names and module.partition(".")[0] not in self.names:
            # The standard library's exceptions (sqlite3.IntegrityError,
            # json.JSONDecodeError) are the judge's own classes.
            cls = stdlib_class(module, name)
            if cls is not None:
                return cls
        if (module, name) == ("learner", "NotSent"):
            return NotSent
        key = (module, name)
        cls = self.mirrors.get(key)
        if cls is None:
            base = self._mirror(mro[1:]) if len(mro) > 1 else Exception
            bases = (base,) if issubclass(base, Mirror) else (Mirror, base)
            cls = type(name.rpartition(".")[2] or "Error", bases, {"__module__": module, "__qualname__": name, "_drill_learner": self})
            self.mirrors[key] = cls
        return cls

    def exception(self, info):
        """The exception to raise here for what the learner's code raised."""
        if type(info) is not dict:
            return ProtocolError("your code's process sent a malformed exception")
        cls_info = info.get("class")
        cls = cls_info if isinstance(cls_info, type) and issubclass(cls_info, BaseException) else Exception
        if not issubclass(cls, (Exception, NotSent)):
            cls = Exception
        message = info.get("message") if type(info.get("message")) is str else ""
        ref = info.get("ref")
        proxy = ref if isinstance(ref, Proxy) else None
        if isinstance(ref, BaseException) and isinstance(getattr(ref, "__drill_proxy__", None), Proxy):
            # Made already, as the exception object crossed (from_ref).
            exc = ref
        elif issubclass(cls, Mirror):
            exc = BaseException.__new__(cls)
            exc.args = (message,)
            exc.__drill_message__ = message
        else:
            # A builtin or standard one: made here from its message alone
            # (its arguments could be anything).
            try:
                exc = cls(message)
            except Exception:  # noqa: BLE001 - one that takes other arguments (JSONDecodeError)
                exc = cls.__new__(cls)
                exc.args = (message,)
        if proxy is not None:
            exc.__drill_proxy__ = proxy
        if type(info.get("str_failed")) is str:
            exc.__drill_str_failed__ = info["str_failed"][:MAX_TEXT]
        where = info.get("where")
        exc.__drill_where__ = [w for w in where if valid_frame(w)] if type(where) is list else []
        return exc


def stdlib_class(module, name):
    """The judge's own exception class module.name of the standard library,
    or None."""
    import importlib

    try:
        obj = importlib.import_module(module)
        for part in name.split("."):
            obj = getattr(obj, part)
    except Exception:  # noqa: BLE001 - not one of the judge's
        return None
    return obj if isinstance(obj, type) and issubclass(obj, Exception) else None


def valid_frame(w):
    return type(w) is list and len(w) == 3 and type(w[0]) is str and type(w[1]) is int and type(w[2]) is str


def memory_limit():
    """ " of N MiB", the sandbox's memory limit from its cgroup, or ""."""
    for path in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            with open(path) as f:
                return " of %d MiB" % (int(f.read().strip()) >> 20)
        except (OSError, ValueError):
            continue
    return ""


def describe_end(status):
    """How a learner process ended, from the zygote's status answer."""
    status = status if type(status) is dict else {}
    if type(status.get("exit")) is int:
        return "your code ended the process running it (exit code %d: os._exit, or a crash)" % status["exit"]
    if type(status.get("signal")) is int:
        sig = status["signal"]
        if sig == 9:
            return "the process running your code was killed (signal 9: out of memory, or killed by your code)"
        return "the process running your code was killed by signal %d" % sig
    return "the process running your code ended"


class Mirror:
    """The base of every class mirrored from a learner exception class: its
    message is the learner's str() of it, and its attributes are read from
    the learner's exception object."""

    def __new__(cls, *args, **kwargs):
        # Made by the tests (raise bank.Refused("no") in a fake): made by
        # the learner's class, in its process, so that the learner's code
        # catches its own exception.
        learner = cls.__dict__.get("_drill_learner") or getattr(cls, "_drill_learner", None)
        if learner is not None and cls in learner.mirror_refs and learner.proc is not None:
            exc = learner.request("call", cls, list(args), kwargs)
            if isinstance(exc, cls):
                return exc
        exc = BaseException.__new__(cls)
        exc.args = args
        exc.__drill_message__ = str(args[0]) if len(args) == 1 else str(args) if args else ""
        return exc

    def __init__(self, *args, **kwargs):
        pass

    def __str__(self):
        return getattr(self, "__drill_message__", "")

    def __getattr__(self, name):
        proxy = self.__dict__.get("__drill_proxy__")
        if proxy is None or name.startswith("__drill"):
            raise AttributeError(name)
        return getattr(proxy, name)


def _binary(name, reflected=False):
    def op(self, other):
        if reflected:
            return self._drill_request("op", name, other, self)
        return self._drill_request("op", name, self, other)
    op.__name__ = "__%s__" % name.strip("_")
    return op


def _ordering(name):
    def op(self, other):
        if not isinstance(other, Proxy):
            # The learner's object is never ordered against a value of the
            # tests: its __lt__ would decide.
            return NotImplemented
        return self._drill_request("op", name, self, other)
    return op


class Proxy:
    # A learner object, in the judge. Every dunder is a request to the
    # learner process; names of its own begin with _drill so that no
    # learner attribute is hidden.
    __slots__ = ("_drill_learner", "_drill_id", "_drill_gen", "_drill_info", "_drill_path", "__weakref__")

    @classmethod
    def _drill_new(cls, learner, ident, info, path):
        self = object.__new__(cls)
        object.__setattr__(self, "_drill_learner", learner)
        object.__setattr__(self, "_drill_id", ident)
        object.__setattr__(self, "_drill_gen", learner.generation)
        object.__setattr__(self, "_drill_info", info)
        object.__setattr__(self, "_drill_path", path)
        weakref.finalize(self, learner.release, ident, learner.generation)
        return self

    def _drill_handle(self):
        """This object's handle in the current learner process: one reached
        from a module by attributes is found again after a crash; any other
        belonged to the process that ended."""
        learner = self._drill_learner
        learner._process()
        if self._drill_gen == learner.generation:
            return self._drill_id
        path = self._drill_path
        if path is None:
            raise StaleObject("this object was made by your code in a process that has since ended (an earlier test crashed it)")
        obj = learner.request("import", path[0])
        for name in path[1:]:
            obj = getattr(obj, name)
        if not isinstance(obj, Proxy):
            raise StaleObject("%s is no longer an object of your code's" % ".".join(path))
        object.__setattr__(self, "_drill_id", obj._drill_id)
        object.__setattr__(self, "_drill_gen", learner.generation)
        return self._drill_id

    def _drill_request(self, op, *args):
        self._drill_handle()
        return self._drill_learner.request(op, *args)

    def __getattr__(self, name):
        if name.startswith("_drill"):
            raise AttributeError(name)
        if self._drill_info.get("kind") == "module":
            if name == "__spec__":
                # The import system keeps its own notes on a package's spec
                # while it imports a submodule: the learner process has its own.
                return None
            learner = self._drill_learner
            learner._process()
            pinned = learner.pinned.get(self._drill_info.get("name"))
            if type(pinned) is dict and name in pinned:
                return pinned[name]
        value = self._drill_request("getattr", self, name)
        if isinstance(value, Proxy) and self._drill_path is not None and value._drill_path is None:
            object.__setattr__(value, "_drill_path", self._drill_path + (name,))
        return value

    def __setattr__(self, name, value):
        if self._drill_info.get("kind") == "module" and isinstance(value, Proxy) and value._drill_info.get("kind") == "module":
            # The import system tells a package about its submodule: the
            # learner process's own import did that already.
            return
        self._drill_request("setattr", self, name, value)

    def __delattr__(self, name):
        self._drill_request("delattr", self, name)

    def __call__(self, *args, **kwargs):
        # A generator of the tests' (bulk_create(Item() for ...)) is given
        # as the list of what it yields.
        args = [list(a) if isinstance(a, types.GeneratorType) else a for a in args]
        kwargs = {k: list(v) if isinstance(v, types.GeneratorType) else v for k, v in kwargs.items()}
        return self._drill_request("call", self, args, kwargs)

    def __iter__(self):
        return self._drill_request("iter", self)

    def __next__(self):
        more, value = self._drill_request("next", self)
        if not more:
            raise StopIteration
        return value

    def __len__(self):
        return self._drill_request("len", self)

    def __getitem__(self, key):
        return self._drill_request("getitem", self, key)

    def __setitem__(self, key, value):
        self._drill_request("setitem", self, key, value)

    def __delitem__(self, key):
        self._drill_request("delitem", self, key)

    def __contains__(self, item):
        return self._drill_request("contains", self, item)

    def __bool__(self):
        return self._drill_request("bool", self)

    def __str__(self):
        return self._drill_request("str", self)

    def __repr__(self):
        try:
            return self._drill_request("repr", self)
        except (LearnerDied, StaleObject, ProtocolError):
            raise
        except Exception as e:  # noqa: BLE001 - the learner's __repr__ may fail
            return "<%s object (its repr raised %s)>" % (self._drill_info.get("type", "?"), type(e).__name__)

    def __format__(self, spec):
        return str(self) if not spec else self._drill_request("call", self.__format__, [spec], {})

    def __int__(self):
        return self._drill_request("int", self)

    def __float__(self):
        return self._drill_request("float", self)

    def __index__(self):
        return self._drill_request("index", self)

    def __hash__(self):
        return object.__hash__(self)

    def __eq__(self, other):
        if not isinstance(other, Proxy):
            # Never equal to a value: an object whose __eq__ says yes to
            # everything cannot pass `assert f() == 5`.
            return False
        return self._drill_request("op", "eq", self, other)

    def __ne__(self, other):
        if not isinstance(other, Proxy):
            return True
        return self._drill_request("op", "ne", self, other)

    __lt__, __le__, __gt__, __ge__ = (_ordering(n) for n in ("lt", "le", "gt", "ge"))
    __add__, __sub__, __mul__, __truediv__, __floordiv__, __mod__, __pow__, __matmul__ = (
        _binary(n) for n in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul"))
    __lshift__, __rshift__, __and__, __or__, __xor__ = (_binary(n) for n in ("lshift", "rshift", "and_", "or_", "xor"))
    __radd__, __rsub__, __rmul__, __rtruediv__, __rfloordiv__, __rmod__, __rpow__, __rmatmul__ = (
        _binary(n, True) for n in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul"))
    __rlshift__, __rrshift__, __rand__, __ror__, __rxor__ = (_binary(n, True) for n in ("lshift", "rshift", "and_", "or_", "xor"))

    def __neg__(self):
        return self._drill_request("op", "neg", self)

    def __pos__(self):
        return self._drill_request("op", "pos", self)

    def __abs__(self):
        return self._drill_request("op", "abs", self)

    def __invert__(self):
        return self._drill_request("op", "invert", self)

    def __enter__(self):
        return self._drill_request("enter", self)

    def __exit__(self, exc_type, exc, tb):
        if exc is not None:
            exc = self._drill_learner.exception_for_learner(exc)
        return self._drill_request("exit", self, exc)

    def __instancecheck__(self, obj):
        try:
            return self._drill_request("isinstance", obj, self)
        except wire.WireError:
            return False

    def __subclasscheck__(self, cls):
        try:
            return self._drill_request("issubclass", cls, self)
        except wire.WireError:
            return False

    def __dir__(self):
        return self._drill_request("dir", self)


class Finder:
    """A meta path finder that makes `import X` of a learner-side module
    (names: top-level names) a proxy of X imported in the learner process.
    Put first on sys.meta_path, so that no other finder ever loads such a
    module in the judge."""

    def __init__(self, learner, names):
        self.learner, self.names = learner, frozenset(names)

    def find_spec(self, fullname, path=None, target=None):
        if fullname.partition(".")[0] not in self.names:
            return None
        import importlib.machinery

        return importlib.machinery.ModuleSpec(fullname, self, is_package=True)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        # importlib takes what sys.modules holds after this: the proxy.
        sys.modules[module.__name__] = self.learner.module(module.__name__)


def install_finder(learner, names):
    """Make the learner-side modules names importable in the judge only as
    proxies; any already imported here is forgotten first."""
    for name in list(sys.modules):
        if name.partition(".")[0] in names:
            del sys.modules[name]
    learner.names = frozenset(names)
    sys.meta_path.insert(0, Finder(learner, names))
