"""The learner process's side of the judge/learner split.

A learner process (uid 10002, forked by the zygote) imports and runs the
learner's code, and nothing else, when the judge asks. serve() answers the
judge's requests on a wire.Channel until it ends. Each request is a list
[op, ...]; the answer is ["ok", value] or ["raise", exception-info]. While
it works, learner code may call a judge function it was handed: that is a
["callback", id, args, kwargs] sent to the judge, whose answer comes back
on the same channel (with, possibly, nested requests of the judge's first).

Objects that are not data stay here; the judge gets Ref("L", id, info).
Nothing here is trusted by the judge: learner code shares this process and
can change any of it. The judge's safety is in what it accepts (remote.py).
"""

import builtins
import importlib
import io
import operator
import os
import sys
import traceback
import types

import wire

WORK = "/work"
# What a repr or an exception's message may cost to send; the judge cuts
# again at its own limits.
TEXT_LIMIT = 4000
FRAME_LIMIT = 30

OPERATORS = {
    name: getattr(operator, name)
    for name in (
        "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul", "lshift", "rshift",
        "and_", "or_", "xor", "lt", "le", "eq", "ne", "gt", "ge", "neg", "pos", "abs", "invert",
    )
}


class Callback:
    """A judge function handed to learner code: calling it asks the judge."""

    def __init__(self, server, ident):
        self._server, self._id = server, ident

    def __call__(self, *args, **kwargs):
        return self._server.call_judge(self._id, list(args), kwargs)

    def __repr__(self):
        return "<function of the tests>"


class JudgeObject:
    """An object of the tests' that is neither a value nor a function: the
    learner's code can keep it and give it back, and nothing else."""

    __slots__ = ("_id", "_type")

    def __init__(self, ident, type_name):
        object.__setattr__(self, "_id", ident)
        object.__setattr__(self, "_type", type_name)

    def __getattr__(self, name):
        raise TypeError("%s is an object of the tests: your code can pass it on, not use it" % self._type)

    def __repr__(self):
        return "<%s of the tests>" % self._type


class NotSent(Exception):
    """A value the codec refuses (too large, too deep, cyclic), told as
    such: never a ValueError, which a test may expect of the learner's code."""


class JudgeError(Exception):
    """An exception a judge function raised that is not a builtin one."""


class Server:
    """The object table and the request loop. learner_files are the paths
    (relative to /work) of the learner's own files: tracebacks show their
    frames only."""

    def __init__(self, chan, learner_files=()):
        self.chan = chan
        self.objects = {}  # handle id -> object (kept alive while the judge holds it)
        self.handles = {}  # id(object) -> handle id
        self.next_id = 1
        self.learner_files = set(learner_files)

    # --- references

    def to_ref(self, obj):
        if type(obj) is Callback and obj._server is self:
            return wire.Ref("J", obj._id, None)
        if type(obj) is JudgeObject:
            return wire.Ref("O", obj._id, None)
        hid = self.handles.get(id(obj))
        if hid is None or self.objects.get(hid) is not obj:
            hid = self.next_id
            self.next_id += 1
            self.objects[hid] = obj
            self.handles[id(obj)] = hid
        return wire.Ref("L", hid, describe(obj))

    def from_ref(self, ref):
        if ref.tag == "L":
            try:
                return self.objects[ref.id]
            except KeyError:
                raise wire.WireError("unknown handle %d" % ref.id) from None
        if ref.tag == "J":
            return Callback(self, ref.id)
        if ref.tag == "O":
            return JudgeObject(ref.id, ref.info if type(ref.info) is str else "object")
        if ref.tag == "B" and type(ref.info) is str and hasattr(builtins, ref.info):
            return getattr(builtins, ref.info)
        raise wire.WireError("unknown reference kind %r" % ref.tag)

    # --- the loop

    def serve(self):
        """Answer requests until the judge closes the channel."""
        while True:
            try:
                request = self.chan.recv(self.from_ref)
            except EOFError:
                return
            except wire.WireError as e:
                # A whole frame that names what is not here: an answer
                # keeps the channel in step.
                self.reply(["raise", self.exception_info(e)])
                continue
            self.reply(self.answer(request))

    def reply(self, answer):
        try:
            self.chan.send(answer, self.to_ref)
        except wire.WireError as e:
            # A value the codec refuses (too large, too deep, cyclic) is the
            # learner's error, told in its words.
            refused = NotSent("your code gave the tests %s, which cannot be sent to them" % e)
            self.chan.send(["raise", self.exception_info(refused)], self.to_ref)

    def answer(self, request):
        try:
            op, args = request[0], request[1:]
            value = OPS[op](self, *args)
        except BaseException as e:  # noqa: BLE001 - everything the learner's code raises goes back
            return ["raise", self.exception_info(e)]
        flush()
        return ["ok", value]

    def call_judge(self, ident, args, kwargs):
        flush()
        try:
            self.chan.send(["callback", ident, args, kwargs], self.to_ref)
        except wire.WireError as e:
            raise TypeError("a function of the tests can be given values and your objects only: %s" % e) from None
        while True:
            message = self.chan.recv(self.from_ref)
            if message[0] == "ok":
                return message[1]
            if message[0] == "raise":
                info = message[1]
                if isinstance(info.get("object"), BaseException):
                    raise info["object"]
                cls = getattr(builtins, info.get("class", ""), None)
                if not (isinstance(cls, type) and issubclass(cls, Exception)):
                    cls = JudgeError
                raise cls(info.get("message", ""))
            self.reply(self.answer(message))

    # --- exceptions

    def exception_info(self, exc):
        flush()
        message, failed = message_of(exc)
        return {
            "ref": self.to_ref(exc),
            "class": self.to_ref(type(exc)),
            "message": message,
            "str_failed": failed,
            "where": self.where(exc),
        }

    def where(self, exc):
        """The learner's frames of exc's traceback, innermost last, as
        [file, line, source] lists."""
        frames = []
        try:
            for fr in traceback.extract_tb(exc.__traceback__)[-FRAME_LIMIT:]:
                rel = os.path.relpath(os.path.abspath(fr.filename), WORK)
                if rel in self.learner_files:
                    frames.append([rel, int(fr.lineno or 0), (fr.line or "")[:200]])
        except Exception:  # noqa: BLE001 - a traceback the learner's code mangled
            return []
        return frames


def flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001 - a stream the learner's code replaced
            pass


def text(value):
    """An exact str of at most TEXT_LIMIT characters (str.__str__ copies a
    str subclass into a plain str)."""
    return str.__str__(value)[:TEXT_LIMIT]


def message_of(exc):
    """str(exc) as an exact str, and None; or "", and what str() raised."""
    try:
        return text(str(exc)), None
    except BaseException as e:  # noqa: BLE001 - the learner's __str__ may raise anything
        try:
            return "", text("%s: %s" % (type(e).__name__, e))
        except BaseException:  # noqa: BLE001
            return "", text(type(e).__name__)


def class_name(cls):
    return text(type.__dict__["__qualname__"].__get__(cls))


def class_module(cls):
    module = cls.__dict__.get("__module__", "builtins")
    return module[:200] if type(module) is str else "?"


def describe(obj):
    """What the judge is told of a learner object: its kind, and for a class
    its name and, for an exception class, its method resolution order."""
    try:
        if isinstance(obj, type):
            info = {"kind": "class", "name": class_name(obj), "module": class_module(obj)}
            if issubclass(obj, BaseException):
                info["mro"] = [[class_module(c), class_name(c)] for c in type.__dict__["__mro__"].__get__(obj)[:-1]]
            return info
        cls = type(obj)
        if cls is type(sys):
            return {"kind": "module", "name": text(obj.__name__)}
        info = {"kind": "object", "type": class_name(cls), "module": class_module(cls)}
        if isinstance(obj, BaseException):
            info["mro"] = [[class_module(c), class_name(c)] for c in type.__dict__["__mro__"].__get__(cls)[:-1]]
            info["message"], info["str_failed"] = message_of(obj)
        return info
    except Exception:  # noqa: BLE001 - whatever the learner's classes do
        return {"kind": "object", "type": "?", "module": "?"}


def op_import(server, name):
    return importlib.import_module(name)


def op_call(server, fn, args, kwargs):
    return fn(*args, **kwargs)


def op_next(server, it):
    try:
        return [True, next(it)]
    except StopIteration:
        return [False, None]


def op_exit(server, cm, exc):
    if exc is None:
        return bool(cm.__exit__(None, None, None))
    return bool(cm.__exit__(type(exc), exc, exc.__traceback__))


def op_release(server, ids):
    for hid in ids:
        obj = server.objects.pop(hid, None)
        if obj is not None and server.handles.get(id(obj)) == hid:
            del server.handles[id(obj)]
    return None


def op_syntax(server, files):
    """Compile each learner .py file; the first syntax error, as data."""
    for rel in files:
        if not rel.endswith(".py"):
            continue
        try:
            with open(os.path.join(WORK, rel), "rb") as f:
                source = f.read()
        except FileNotFoundError:
            return {"kind": "missing_file", "file": rel}
        try:
            compile(source, rel, "exec")
        except SyntaxError as e:
            return {"kind": "syntax", "file": rel, "line": e.lineno, "offset": e.offset,
                    "text": e.text, "name": type(e).__name__, "msg": str(e.msg)}
    return None


def op_snapshot(server, names):
    """The classes and functions each module of names holds, by attribute
    ({module: {attribute: object}}), for the judge to keep: asked of a
    fresh learner process, before any learner code has run in it. A module
    that cannot be imported yet (one that needs Django set up) is left out."""
    found = {}
    for name in names:
        try:
            module = importlib.import_module(name)
        except Exception:  # noqa: BLE001 - not importable before the job's setup
            continue
        # Classes and plain functions only, told by their real type: a lazy
        # object (Django's settings) is never asked anything.
        found[name] = {attr: value for attr, value in vars(module).items()
                       if type(attr) is str and not attr.startswith("_")
                       and (issubclass(type(value), type) or type(value) in (types.FunctionType, types.BuiltinFunctionType))}
    return found


def op_learner_files(server, files):
    server.learner_files = set(files)


def op_exception(server, name, message):
    """A builtin exception, made here: what the judge passes to a learner's
    __exit__ for an exception of its own."""
    cls = getattr(builtins, name, None)
    if not (isinstance(cls, type) and issubclass(cls, BaseException)):
        cls = JudgeError
    return cls(message)


OPS = {
    "import": op_import,
    "getattr": lambda s, obj, name: getattr(obj, name),
    "setattr": lambda s, obj, name, value: setattr(obj, name, value),
    "delattr": lambda s, obj, name: delattr(obj, name),
    "call": op_call,
    "iter": lambda s, obj: iter(obj),
    "next": op_next,
    "len": lambda s, obj: len(obj),
    "getitem": lambda s, obj, key: obj[key],
    "setitem": lambda s, obj, key, value: operator.setitem(obj, key, value),
    "delitem": lambda s, obj, key: operator.delitem(obj, key),
    "contains": lambda s, obj, item: item in obj,
    "bool": lambda s, obj: bool(obj),
    "str": lambda s, obj: text(str(obj)),
    "repr": lambda s, obj: text(repr(obj)),
    "int": lambda s, obj: int.__index__(int(obj)) if type(int(obj)) is not bool else int(obj),
    "float": lambda s, obj: float.__float__(float(obj)),
    "index": lambda s, obj: int(operator.index(obj)),
    "hash": lambda s, obj: hash(obj),
    "op": lambda s, name, *operands: OPERATORS[name](*operands),
    "isinstance": lambda s, obj, cls: isinstance(obj, cls),
    "issubclass": lambda s, cls, base: issubclass(cls, base),
    "dir": lambda s, obj: [text(n) for n in dir(obj)][:10000],
    "enter": lambda s, cm: cm.__enter__(),
    "exit": op_exit,
    "release": op_release,
    "syntax": op_syntax,
    "learner_files": op_learner_files,
    "snapshot": op_snapshot,
    "exception": op_exception,
}


INPUT_MESSAGE = "your code asked for keyboard input; the tests give none: take the value as a parameter"


class NoKeyboardInput(EOFError):
    """Raised when the code under test reads standard input (input(),
    sys.stdin): nobody types during a check. An EOFError, as input() raises
    at the end of its input, so code written to handle that still does."""

    def __init__(self):
        super().__init__(INPUT_MESSAGE)


class NoKeyboard(io.TextIOBase):
    """Standard input during a job: every read raises NoKeyboardInput."""

    def readable(self):
        return True

    def read(self, size=-1):
        raise NoKeyboardInput()

    def readline(self, size=-1):
        raise NoKeyboardInput()

    def readlines(self, hint=-1):
        raise NoKeyboardInput()

    def fileno(self):
        raise io.UnsupportedOperation("standard input has no file descriptor during a check")


def serve(chan, learner_files=()):
    """Serve the judge on chan until it closes it (the zygote's child calls
    this with /work as its working directory and first path entry, its
    standard input /dev/null)."""
    sys.stdin = NoKeyboard()
    Server(chan, learner_files).serve()
