"""The wire between the judge and the learner process: framing and a codec
through which only data crosses.

This is drill's trust boundary. The judge decodes what the learner process
sends; decoding never runs code of the value's (no pickle, no eval, no
method of a learner's class), only ever yields the exact types below, and
is bounded in bytes, nesting depth and item count. Encoding takes exact
types only: a subclass of int or dict is not data, whatever its methods
say, so it crosses as a reference (a Ref) to the object that stays where
it is, or not at all.

Data: None, bool, int, float, str, bytes, list, tuple, dict, set,
frozenset, decimal.Decimal, datetime.date, datetime.time,
datetime.datetime (naive, or with a datetime.timezone: a fixed offset),
datetime.timedelta, datetime.timezone, uuid.UUID, and Ref.

A message is UTF-8 JSON in Python's dialect (NaN, Infinity and -Infinity
are numbers; lone surrogates pass), so that the C json module does the bulk
of the work. JSON's own values stand for themselves (a number with a
fraction or an exponent is a float, any other an int), a JSON object is a
dict whose keys are all str, and every JSON array is tagged by its first
element:

    ["L", v, ...]            list
    ["T", v, ...]            tuple
    ["S", v, ...]            set
    ["F", v, ...]            frozenset
    ["M", k, v, k, v, ...]   dict with a key that is not a str
    ["I", "-1f"]             int beyond +-2**63, in hex (decimal strings
                             are limited to 4300 digits, and slow)
    ["B", "base64"]          bytes
    ["D", "1.50"]            Decimal, as str() writes it (exponent "E")
    ["U", "32 hex digits"]   UUID
    ["d", "2024-01-31"]      date, in isoformat
    ["t", iso, fold, name]   time, in isoformat; name: its timezone's name
    ["dt", iso, fold, name]  datetime, likewise (name null when unnamed)
    ["td", days, seconds, microseconds]   timedelta
    ["tz", microseconds, name]            timezone: its offset and name
    ["R", tag, id, info]     Ref

Depth counts containers (list, tuple, set, frozenset, dict, Ref) nested in
one another; items count the elements of lists, tuples and sets, the keys
and values of dicts, and the info of Refs, over the whole message.

A frame on a Channel is a 4-byte big-endian length, then that many bytes of
message.
"""

import array
import binascii
import datetime
import decimal
import json
import os
import re
import socket
import struct
import uuid
from collections import Counter
from itertools import repeat
from operator import is_

__all__ = ["WireError", "Ref", "Limits", "LIMITS", "encode", "decode", "Channel"]


# Ints at or beyond this go as hex: json writes and reads ints in decimal,
# which Python refuses past 4300 digits and does in quadratic time.
_BIG = 1 << 63


class WireError(ValueError):
    """A message that is malformed, over a limit, or holds a value that is
    not data. str() says which, in plain words a learner can read."""


class Ref:
    """A reference to an object that stays in one process: tag (str) says
    whose ("L" learner, "J" judge), id (an int within +-2**63) which; info
    is data about it. Raises TypeError for another tag or id.
    Immutable; equal and hashed by tag and id (so info, which may hold a
    NaN or a Decimal that raises when compared, is never compared)."""

    __slots__ = ("tag", "id", "info")

    def __init__(self, tag, id, info=None):
        if type(tag) is not str or type(id) is not int or not -_BIG < id < _BIG:
            raise TypeError("Ref(tag, id, info) takes a str tag and an int id within +-2**63")
        object.__setattr__(self, "tag", tag)
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "info", info)

    def __setattr__(self, name, value):
        raise AttributeError("a Ref cannot be changed")

    def __delattr__(self, name):
        raise AttributeError("a Ref cannot be changed")

    def __eq__(self, other):
        if type(other) is not Ref:
            return NotImplemented
        return self.tag == other.tag and self.id == other.id

    def __hash__(self):
        return hash((self.tag, self.id))

    def __repr__(self):
        return f"Ref({self.tag!r}, {self.id!r}, {self.info!r})"


class Limits:
    """Bounds on one message: max_bytes of encoded message (under 4 GiB, the
    frame header's reach), max_depth of nested containers (at most 200:
    the codec recurses with each level), max_items over the whole message.
    Raises ValueError for bounds out of those ranges."""

    __slots__ = ("max_bytes", "max_depth", "max_items")

    def __init__(self, max_bytes=8 << 20, max_depth=64, max_items=100_000):
        for name, value, top in (
            ("max_bytes", max_bytes, (1 << 32) - 1),
            ("max_depth", max_depth, 200),
            ("max_items", max_items, 1 << 40),
        ):
            if type(value) is not int or not 1 <= value <= top:
                raise ValueError(f"Limits: {name} must be an int from 1 to {top}, not {value!r}")
            object.__setattr__(self, name, value)

    def __setattr__(self, name, value):
        raise AttributeError("Limits cannot be changed")

    def __repr__(self):
        return f"Limits(max_bytes={self.max_bytes}, max_depth={self.max_depth}, max_items={self.max_items})"


LIMITS = Limits()

_date, _time, _datetime = datetime.date, datetime.time, datetime.datetime
_timedelta, _timezone = datetime.timedelta, datetime.timezone
_Decimal, _UUID = decimal.Decimal, uuid.UUID

_json_encode = json.JSONEncoder(
    ensure_ascii=False, check_circular=False, allow_nan=True, separators=(",", ":")
).encode
_json_decode = json.JSONDecoder().decode


def _type_name(t):
    # type's own __name__ slot: a metaclass cannot put code in the way.
    name = type.__dict__["__name__"].__get__(t)
    return name if len(name) <= 80 else name[:77] + "..."


def _not_data(v):
    return WireError(f"a value of type {_type_name(type(v))} (not data: it stays in your process)")


def _too_many(limit):
    return WireError(f"a value of more than {limit} items")


def _too_big(size, limit):
    return WireError(f"a value too big to send: {size} bytes, over the limit of {limit}")


def _deep(limit):
    return WireError(f"a value nested deeper than {limit} levels")


# Containers longer than this are first looked at in bulk, in C.
_BULK = 16


def _plain(xs):
    """Whether every one of xs (a non-empty collection) stands for itself in
    JSON: all of one plain type, and ints within JSON's range. Types are
    compared by identity: comparing or hashing one could run a metaclass's
    code."""
    t = type(next(iter(xs)))
    if not (t is str or t is int or t is float or t is bool or t is type(None)):
        return False
    if not all(map(is_, map(type, xs), repeat(t))):
        return False
    return t is not int or (-_BIG < min(xs) and max(xs) < _BIG)


class _Deep(Exception):
    """Depth exceeded while encoding; carries the containers on the way
    down, so that a value that contains itself can be told apart."""

    def __init__(self):
        self.path = []


def encode(value, to_ref=None, limits=LIMITS):
    """The message (bytes) for value. Exact data types only; any other
    object becomes to_ref(obj), which must return a Ref. Raises WireError
    for a value that is not data (to_ref None or raising TypeError), over a
    limit, or that contains itself; TypeError if to_ref returns a non-Ref.
    Calls no method of the value's: not __hash__, __eq__, __iter__ or
    anything else."""
    t = type(value)
    if not (t is str or t is float or t is bool or value is None or (t is int and -_BIG < value < _BIG)):
        try:
            value = _Encoder(to_ref, limits).value(value, 1)
        except RecursionError:
            # Within max_depth, but the caller was already deep in the stack.
            raise _deep(limits.max_depth) from None
        except _Deep as e:
            seen = set()
            for c in e.path:
                if id(c) in seen:
                    raise WireError("a value that contains itself") from None
                seen.add(id(c))
            raise _deep(limits.max_depth) from None
    data = _json_encode(value).encode("utf-8", "surrogatepass")
    if len(data) > limits.max_bytes:
        raise _too_big(len(data), limits.max_bytes)
    return data


class _Encoder:
    """One encode: value(v, depth) is v as JSON-ready Python objects, where
    depth is the level v has if it is a container (the top is 1)."""

    __slots__ = ("to_ref", "max_depth", "max_items", "max_bytes", "items", "in_info")

    def __init__(self, to_ref, limits):
        self.to_ref = to_ref
        self.max_depth = limits.max_depth
        self.max_items = limits.max_items
        self.max_bytes = limits.max_bytes
        self.items = 0
        self.in_info = False

    def value(self, v, depth):
        t = type(v)
        # Most common first; `is` throughout, since hashing or comparing a
        # type could run a metaclass's code.
        if t is str or t is float or t is bool or v is None:
            return v
        if t is int:
            return v if -_BIG < v < _BIG else self.bigint(v)
        if t is list:
            return self.seq("L", v, depth)
        if t is dict:
            return self.mapping(v, depth)
        if t is tuple:
            return self.seq("T", v, depth)
        if t is Ref:
            return self.ref(v, depth)
        if t is bytes:
            if len(v) // 3 * 4 > self.max_bytes:
                raise _too_big(len(v) // 3 * 4, self.max_bytes)
            return ["B", binascii.b2a_base64(v, newline=False).decode("ascii")]
        if t is set:
            return self.seq("S", v, depth)
        if t is frozenset:
            return self.seq("F", v, depth)
        if t is _Decimal:
            # The context's `capitals` may write the exponent "e".
            return ["D", str(v).replace("e", "E")]
        if t is _datetime or t is _time:
            return self.clock(v, depth)
        if t is _date:
            return ["d", v.isoformat()]
        if t is _timedelta:
            return ["td", v.days, v.seconds, v.microseconds]
        if t is _timezone:
            args = v.__getinitargs__()
            off = args[0]
            us = (off.days * 86400 + off.seconds) * 1_000_000 + off.microseconds
            return ["tz", us, args[1] if len(args) > 1 else None]
        if t is _UUID:
            n = v.int
            # Slots can be set behind UUID's back (object.__setattr__).
            if type(n) is int and 0 <= n < 1 << 128:
                return ["U", format(n, "032x")]
        return self.other(v, depth)

    def bigint(self, v):
        if v.bit_length() // 4 > self.max_bytes:
            raise _too_big(v.bit_length() // 4, self.max_bytes)
        return ["I", format(v, "x")]

    def clock(self, v, depth):
        tz = v.tzinfo
        name = None
        if tz is not None:
            if type(tz) is not _timezone:
                return self.other(v, depth)
            args = tz.__getinitargs__()
            if len(args) > 1:
                name = args[1]
        return ["dt" if type(v) is _datetime else "t", v.isoformat(), v.fold, name]

    def seq(self, tag, v, depth):
        if depth > self.max_depth:
            raise _Deep()
        self.items += len(v)
        if self.items > self.max_items:
            raise _too_many(self.max_items)
        out = [tag]
        if len(v) > _BULK and _plain(v):
            out += v
            return out
        add = out.append
        d1 = depth + 1
        try:
            for x in v:
                t = type(x)
                if t is str or t is float or t is bool or x is None or (t is int and -_BIG < x < _BIG):
                    add(x)
                else:
                    add(self.value(x, d1))
        except _Deep as e:
            e.path.append(v)
            raise
        return out

    def mapping(self, v, depth):
        if depth > self.max_depth:
            raise _Deep()
        self.items += 2 * len(v)
        if self.items > self.max_items:
            raise _too_many(self.max_items)
        if len(v) > _BULK and all(map(is_, map(type, v), repeat(str))) and _plain(v.values()):
            return v
        out = {}
        d1 = depth + 1
        try:
            for k, x in v.items():
                if type(k) is not str:
                    return self.pairs(v, out, d1)
                t = type(x)
                if t is str or t is float or t is bool or x is None or (t is int and -_BIG < x < _BIG):
                    out[k] = x
                else:
                    out[k] = self.value(x, d1)
        except _Deep as e:
            e.path.append(v)
            raise
        return out

    def pairs(self, v, done, d1):
        """The "M" form of dict v, whose first entries are encoded in done."""
        out = ["M"]
        for k, x in done.items():
            out += (k, x)
        skip = len(done)
        for k, x in v.items():
            if skip:
                skip -= 1
                continue
            out += (self.value(k, d1), self.value(x, d1))
        return out

    def ref(self, r, depth):
        if self.in_info:
            raise WireError("a reference inside a reference's info (info is plain data)")
        tag, id_, info = r.tag, r.id, r.info
        # Slots can be set behind Ref's back (object.__setattr__).
        if type(tag) is not str or type(id_) is not int or not -_BIG < id_ < _BIG:
            raise WireError("a reference whose tag is not a str or whose id is not an int within +-2**63")
        if depth > self.max_depth:
            raise _Deep()
        self.items += 1
        if self.items > self.max_items:
            raise _too_many(self.max_items)
        if info is not None:
            self.in_info = True
            try:
                info = self.value(info, depth + 1)
            except _Deep as e:
                e.path.append(r)
                raise
            self.in_info = False
        return ["R", tag, id_, info]

    def other(self, v, depth):
        if self.to_ref is None or self.in_info:
            raise _not_data(v)
        try:
            r = self.to_ref(v)
        except TypeError:
            raise _not_data(v) from None
        if type(r) is not Ref:
            raise TypeError(f"to_ref must return a Ref, not {type(r).__name__}")
        return self.ref(r, depth)


# A bound on the JSON values in a message, checked before json parses it,
# so that memory stays in proportion to max_items rather than max_bytes.
# Outside strings, every JSON value but the first follows one of these
# bytes, and an empty container has one that none follows.
_NOT_STRUCTURE = bytes(c for c in range(256) if c not in b",:[{")
# A string, or one left open, to the end: were a search to fail at an
# opening quote, it would try again at each quote inside, in quadratic time.
_JSON_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+(?:"|\\?\Z)', re.DOTALL)
# What the encoder writes has at most 5 JSON values for each item and the
# top value (a datetime: array, tag, isoformat, fold, name), so at most 10
# of those bytes.
_VALUES_PER_ITEM = 10

_HEX = re.compile(r"-?[0-9a-f]+")
_UUID_HEX = re.compile(r"[0-9a-f]{32}")


def decode(data, from_ref=None, limits=LIMITS):
    """The value a message (bytes-like) holds, its refs replaced by
    from_ref(ref) (kept as Ref if from_ref is None). Raises WireError for a
    message that is malformed or over a limit, and nothing else, whatever
    the bytes (from_ref's own exceptions apart); in time and memory linear
    in its size. What from_ref returns is hashed where it is a set element
    or dict key."""
    if type(data) is not bytes and type(data) is not bytearray:
        data = bytes(data)
    if len(data) > limits.max_bytes:
        raise _too_big(len(data), limits.max_bytes)
    bound = _VALUES_PER_ITEM * (limits.max_items + 1)
    if len(data) > bound and (
        len(data.translate(None, _NOT_STRUCTURE)) > bound
        and len(_JSON_STRING.sub(b"", data).translate(None, _NOT_STRUCTURE)) > bound
    ):
        raise _too_many(limits.max_items)
    try:
        text = str(data, "utf-8", "surrogatepass")
    except UnicodeDecodeError:
        raise WireError("a malformed message: not UTF-8 text") from None
    try:
        v = _json_decode(text)
    except RecursionError:
        raise _deep(limits.max_depth) from None
    except ValueError as e:
        # JSONDecodeError, or an int of more digits than Python converts.
        raise WireError(f"a malformed message: {str(e)[:200]}") from None
    t = type(v)
    if t is list or t is dict:
        try:
            return _Decoder(from_ref, limits).value(v, 1)
        except RecursionError:
            # Within max_depth, but the caller was already deep in the stack.
            raise _deep(limits.max_depth) from None
    return v


def _malformed(what):
    return WireError(f"a malformed message: {what}")


class _Decoder:
    """One decode: value(v, depth) is the data that the JSON array or
    object v stands for, depth being its level if it is a container."""

    __slots__ = ("from_ref", "max_depth", "max_items", "items", "in_info")

    def __init__(self, from_ref, limits):
        self.from_ref = from_ref
        self.max_depth = limits.max_depth
        self.max_items = limits.max_items
        self.items = 0
        self.in_info = False

    def enter(self, depth, n):
        if depth > self.max_depth:
            raise _deep(self.max_depth)
        self.items += n
        if self.items > self.max_items:
            raise _too_many(self.max_items)

    def value(self, v, depth):
        if type(v) is dict:
            return self.as_dict(v, depth)
        if not v or type(v[0]) is not str:
            raise _malformed("an array without a tag")
        f = _TAGS.get(v[0])
        if f is None:
            raise _malformed(f"an unknown tag {v[0][:20]!r}")
        return f(self, v, depth)

    def items_of(self, v, depth):
        """v's elements after the tag, decoded, as a list (v itself)."""
        self.enter(depth, len(v) - 1)
        del v[0]
        # json made every element, so hashing their types is safe here.
        if len(v) > _BULK and list not in (kinds := set(map(type, v))) and dict not in kinds:
            return v
        d1 = depth + 1
        for i, x in enumerate(v):
            t = type(x)
            if t is list or t is dict:
                v[i] = self.value(x, d1)
        return v

    def as_tuple(self, v, depth):
        return tuple(self.items_of(v, depth))

    def as_set(self, v, depth):
        elements = self.items_of(v, depth)
        try:
            _check_hashes(elements)
            return set(elements)
        except TypeError:
            raise _malformed("a set element that cannot be in a set") from None

    def as_frozenset(self, v, depth):
        elements = self.items_of(v, depth)
        try:
            _check_hashes(elements)
            return frozenset(elements)
        except TypeError:
            raise _malformed("a set element that cannot be in a set") from None

    def as_dict(self, v, depth):
        self.enter(depth, 2 * len(v))
        if len(v) > _BULK and list not in (kinds := set(map(type, v.values()))) and dict not in kinds:
            return v
        d1 = depth + 1
        for k, x in v.items():
            t = type(x)
            if t is list or t is dict:
                # Replacing a value does not disturb the iteration.
                v[k] = self.value(x, d1)
        return v

    def as_mapping(self, v, depth):
        if len(v) % 2 != 1:
            raise _malformed("a dict with a key and no value")
        self.items_of(v, depth)
        out = {}
        it = iter(v)
        try:
            _check_hashes(v[::2])
            for k in it:
                out[k] = next(it)
        except TypeError:
            raise _malformed("a dict key that cannot be a key") from None
        return out

    def as_ref(self, v, depth):
        if len(v) != 4 or type(v[1]) is not str or type(v[2]) is not int or not -_BIG < v[2] < _BIG:
            raise _malformed("a reference that is not a tag, an id and info")
        if self.in_info:
            raise _malformed("a reference inside a reference's info")
        self.enter(depth, 1)
        info = v[3]
        t = type(info)
        if t is list or t is dict:
            self.in_info = True
            info = self.value(info, depth + 1)
            self.in_info = False
        r = Ref(v[1], v[2], info)
        return r if self.from_ref is None else self.from_ref(r)

    def as_bigint(self, v, depth):
        s = _payload(v, "int")
        if not _HEX.fullmatch(s):
            raise _malformed("an int that is not in hex")
        return int(s, 16)

    def as_bytes(self, v, depth):
        try:
            return binascii.a2b_base64(_payload(v, "bytes"), strict_mode=True)
        except ValueError:  # binascii.Error, or a str that is not ASCII
            raise _malformed("bytes that are not in base64") from None

    def as_decimal(self, v, depth):
        s = _payload(v, "Decimal")
        try:
            d = _Decimal(s)
        except (ArithmeticError, ValueError):
            raise _malformed("a Decimal that is not one") from None
        # Decimal() also takes spaces, "_", "inf" and other digits than
        # 0-9; and a context without traps makes NaN of anything.
        if str(d).replace("e", "E") != s:
            raise _malformed("a Decimal that is not one")
        return d

    def as_uuid(self, v, depth):
        s = _payload(v, "UUID")
        if not _UUID_HEX.fullmatch(s):
            raise _malformed("a UUID that is not 32 hex digits")
        return _UUID(int=int(s, 16))

    def as_date(self, v, depth):
        return _iso(_date, _payload(v, "date"))

    def as_clock(self, v, depth):
        kind = _datetime if v[0] == "dt" else _time
        if len(v) != 4 or type(v[1]) is not str or type(v[2]) is not int or not 0 <= v[2] <= 1:
            raise _malformed(f"a {kind.__name__} that is not isoformat, fold and name")
        x = _iso(kind, v[1])
        name = v[3]
        if name is not None:
            if type(name) is not str or x.tzinfo is None:
                raise _malformed(f"a {kind.__name__} with a timezone name but no timezone")
            x = x.replace(tzinfo=_timezone(x.utcoffset(), name))
        return x.replace(fold=1) if v[2] else x

    def as_timedelta(self, v, depth):
        if len(v) != 4 or not all(type(n) is int for n in v[1:]):
            raise _malformed("a timedelta that is not days, seconds and microseconds")
        try:
            d = _timedelta(v[1], v[2], v[3])
        except OverflowError:
            raise _malformed("a timedelta out of range") from None
        if (d.days, d.seconds, d.microseconds) != (v[1], v[2], v[3]):
            raise _malformed("a timedelta that is not days, seconds and microseconds")
        return d

    def as_timezone(self, v, depth):
        if len(v) != 3 or type(v[1]) is not int or not (v[2] is None or type(v[2]) is str):
            raise _malformed("a timezone that is not an offset and a name")
        try:
            off = _timedelta(microseconds=v[1])
            return _timezone(off) if v[2] is None else _timezone(off, v[2])
        except (OverflowError, ValueError):
            raise _malformed("a timezone offset out of range") from None


def _check_hashes(keys):
    """Refuses set elements or dict keys (a list) that would take time
    quadratic in their number to put in a set or dict: many unequal ones
    that hash alike, as a sender can make ints and what holds them do. The
    encoder never sends duplicates, so groups of equal hashes stay small."""
    n = len(keys)
    # n * n within the budget: nothing to look at.
    if n > 1024 and sum(g * g for g in Counter(map(hash, keys)).values()) > 32 * n + (1 << 20):
        raise _malformed("a set or dict too slow to build: too many of its elements hash alike")


def _payload(v, what):
    if len(v) != 2 or type(v[1]) is not str:
        raise _malformed(f"a {what} that is not one string")
    return v[1]


def _iso(kind, s):
    """kind (date, time or datetime) from its own isoformat, and only that."""
    try:
        x = kind.fromisoformat(s)
    except ValueError:
        x = None
    if x is None or x.isoformat() != s:
        raise _malformed(f"a {kind.__name__} that is not in isoformat")
    return x


_TAGS = {
    "L": _Decoder.items_of,
    "T": _Decoder.as_tuple,
    "S": _Decoder.as_set,
    "F": _Decoder.as_frozenset,
    "M": _Decoder.as_mapping,
    "R": _Decoder.as_ref,
    "I": _Decoder.as_bigint,
    "B": _Decoder.as_bytes,
    "D": _Decoder.as_decimal,
    "U": _Decoder.as_uuid,
    "d": _Decoder.as_date,
    "t": _Decoder.as_clock,
    "dt": _Decoder.as_clock,
    "td": _Decoder.as_timedelta,
    "tz": _Decoder.as_timezone,
}

_HEADER = struct.Struct(">I")
_FD_SIZE = array.array("i").itemsize


class Channel:
    """Messages over a connected stream socket (a unix socket, to pass
    descriptors), each a frame: a 4-byte big-endian length, then the
    message. send and recv raise WireError as encode and decode do; recv
    also for a frame announced longer than max_bytes (before reading it:
    the channel is out of step after that) and for one cut short by the
    other side closing; EOFError when the other side closed between frames.
    Other socket errors (OSError) pass through."""

    def __init__(self, sock, limits=LIMITS):
        self.sock = sock
        self.limits = limits

    def fileno(self):
        return self.sock.fileno()

    def send(self, value, to_ref=None):
        data = encode(value, to_ref, self.limits)
        self.sock.sendall(_HEADER.pack(len(data)) + data)

    def recv(self, from_ref=None):
        try:
            head = self.sock.recv(4)
        except ConnectionResetError:
            head = b""
        return decode(self._payload(head), from_ref, self.limits)

    def send_fds(self, value, fds):
        """send value with the descriptors fds (ints, still the caller's to
        close) attached (SCM_RIGHTS)."""
        data = encode(value, None, self.limits)
        frame = _HEADER.pack(len(data)) + data
        if not fds:
            self.sock.sendall(frame)
            return
        sent = self.sock.sendmsg([frame], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds))])
        if sent < len(frame):
            self.sock.sendall(memoryview(frame)[sent:])

    def recv_fds(self, maxfds):
        """(value, fds): a message and the descriptors sent with it (new
        ones, the caller's to close; [] if none came). More than maxfds is
        a WireError; on any error, those that came are closed."""
        fds = array.array("i")
        try:
            # The descriptors ride on the frame's first bytes.
            head, anc, flags, _ = self.sock.recvmsg(4, socket.CMSG_SPACE(maxfds * _FD_SIZE))
        except ConnectionResetError:
            head, anc, flags = b"", [], 0
        try:
            for level, kind, payload in anc:
                if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                    fds.frombytes(payload[: len(payload) - len(payload) % _FD_SIZE])
            data = self._payload(head)
            # Checked once the frame is read, so that the channel stays in step.
            if flags & socket.MSG_CTRUNC:
                raise WireError(f"a message with more than {maxfds} descriptors")
            value = decode(data, None, self.limits)
        except BaseException:
            for fd in fds:
                os.close(fd)
            raise
        return value, list(fds)

    def _payload(self, head):
        """The message of the frame whose first bytes are head (none: the
        other side closed, EOFError)."""
        if not head:
            raise EOFError("the other side closed the connection")
        n = _HEADER.unpack(self._fill(head, 4))[0]
        if n > self.limits.max_bytes:
            raise _too_big(n, self.limits.max_bytes)
        return self._fill(b"", n)

    def _fill(self, got, n):
        """got and as many bytes more from the socket as make n; the other
        side closing first is a WireError."""
        have = len(got)
        if have == n:
            return got
        buf = bytearray(n)
        buf[:have] = got
        view = memoryview(buf)
        while have < n:
            try:
                k = self.sock.recv_into(view[have:])
            except ConnectionResetError:
                k = 0
            if not k:
                raise WireError(f"a message cut short: the other side closed after {have} of {n} bytes")
            have += k
        return buf
