"""wire.py: the codec only ever lets data through, exactly, within its
limits, and the Channel frames it over a socket."""

import datetime
import decimal
import json
import math
import os
import signal
import socket
import struct
import sys
import threading
import tracemalloc
import uuid
import zoneinfo
from datetime import date, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import wire  # noqa: E402
from wire import LIMITS, Channel, Limits, Ref, WireError, decode, encode  # noqa: E402

# No example database on disk (these tests live inside the harness, which
# is copied into the images), and no deadlines on a shared machine.
# WIRE_FUZZ_EXAMPLES=N fuzzes longer.
fuzz = settings(
    database=None,
    deadline=None,
    max_examples=int(os.environ.get("WIRE_FUZZ_EXAMPLES", 200)),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def same(a, b):
    """a and b are the same data: equal, of exactly the same types all the
    way down, floats to the sign of zero (any NaN is a NaN), Decimals to
    their digits, datetimes to their offset, timezone name and fold."""
    t = type(a)
    if t is not type(b):
        return False
    if t is float:
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
    if t is list or t is tuple:
        return len(a) == len(b) and all(map(same, a, b))
    if t is dict:
        # Order too: the codec keeps it.
        return len(a) == len(b) and all(
            same(ka, kb) and same(va, vb) for (ka, va), (kb, vb) in zip(a.items(), b.items())
        )
    if t is set or t is frozenset:
        return len(a) == len(b) and all(any(same(x, y) for y in b) for x in a)
    if t is Decimal:
        return str(a) == str(b)
    if t is datetime.datetime or t is time:
        return a.isoformat() == b.isoformat() and a.fold == b.fold and same(a.tzinfo, b.tzinfo)
    if t is timezone:
        return a.__getinitargs__() == b.__getinitargs__()
    if t is Ref:
        return a.tag == b.tag and a.id == b.id and same(a.info, b.info)
    return a == b


DATA_TYPES = (
    type(None), bool, int, float, str, bytes, Decimal, date, time, datetime.datetime,
    timedelta, timezone, uuid.UUID,
)


def is_data(v, refs=True):
    """v is made of data types only (Refs too, if refs)."""
    t = type(v)
    if t in (list, tuple, set, frozenset):
        return all(is_data(x, refs) for x in v)
    if t is dict:
        return all(is_data(k, refs) and is_data(x, refs) for k, x in v.items())
    if t is Ref:
        return refs and type(v.tag) is str and type(v.id) is int and is_data(v.info, refs=False)
    if t in (time, datetime.datetime):
        return v.tzinfo is None or type(v.tzinfo) is timezone
    return t in DATA_TYPES


# Strategies: every kind of data, nested.

offsets = st.timedeltas(min_value=timedelta(hours=-24) + timedelta.resolution,
                        max_value=timedelta(hours=24) - timedelta.resolution)
timezones = st.one_of(
    st.just(timezone.utc),
    st.builds(timezone, offsets),
    st.builds(timezone, offsets, st.text(max_size=6)),
)
folded = st.integers(0, 1)
ints = st.one_of(
    st.integers(),
    st.integers(-(2**64), 2**64),
    # Beyond Python's 4300-digit limit on decimal strings.
    st.builds(lambda e, s: s * 7**e, st.integers(0, 12_000), st.sampled_from([1, -1])),
)
texts = st.text(st.characters(), max_size=20)  # surrogates included
hashable_scalars = st.one_of(
    st.none(),
    st.booleans(),
    ints,
    st.floats(allow_nan=False),
    texts,
    st.binary(max_size=20),
    st.decimals(allow_nan=False),
    st.dates(),
    st.builds(lambda t, f: t.replace(fold=f), st.times(timezones=st.none() | timezones), folded),
    st.builds(lambda d, f: d.replace(fold=f), st.datetimes(timezones=st.none() | timezones), folded),
    st.timedeltas(),
    timezones,
    st.uuids(),
)
scalars = st.one_of(hashable_scalars, st.floats(), st.decimals())  # NaN, sNaN
hashables = st.recursive(
    hashable_scalars,
    lambda c: st.lists(c, max_size=4).map(tuple) | st.frozensets(c, max_size=4),
    max_leaves=8,
)


def containers(children):
    return st.one_of(
        st.lists(children, max_size=5),
        st.lists(children, max_size=5).map(tuple),
        st.dictionaries(texts, children, max_size=5),
        st.dictionaries(hashables, children, max_size=5),
        st.sets(hashables, max_size=5),
        st.frozensets(hashables, max_size=5),
    )


# Long enough for the codec to look at them in bulk first.
long_containers = st.one_of(
    st.lists(st.one_of(st.integers(), ints, st.booleans()), min_size=17, max_size=24),
    st.lists(st.integers(-5, 5), min_size=17, max_size=24).map(tuple),
    st.lists(ints, min_size=17, max_size=24),
    st.lists(texts, min_size=17, max_size=24),
    st.lists(st.floats(), min_size=17, max_size=24),
    st.lists(st.one_of(st.none(), st.floats(), texts), min_size=17, max_size=24),
    st.sets(ints, min_size=17, max_size=24),
    st.dictionaries(texts, st.integers(), min_size=17, max_size=24),
    st.dictionaries(st.integers() | texts, ints, min_size=17, max_size=24),
    st.dictionaries(st.integers(), st.integers(), min_size=17, max_size=24),
    st.dictionaries(st.floats(allow_nan=False), texts, min_size=17, max_size=24),
)
plain_data = st.recursive(scalars | long_containers, containers, max_leaves=20)
ref_ids = st.integers(-(2**63) + 1, 2**63 - 1)
refs = st.builds(Ref, texts, ref_ids, plain_data)
data = st.recursive(scalars | long_containers | refs, containers, max_leaves=20)


# Round trips.


@fuzz
@given(data)
def test_every_data_value_comes_back_exactly(v):
    got = decode(encode(v))
    assert same(got, v), (v, got)


@pytest.mark.parametrize(
    "v",
    [
        2**63 - 1, -(2**63) + 1, 2**63, -(2**63), 10**5000, -(2**100_000),
        float("nan"), float("inf"), float("-inf"), -0.0, 0.0, 1e308, 5e-324,
        "", "\ud800", "\udfff\ud800", "\x00\n\"\\", "日本語 ✓ 🎉",
        b"", bytes(range(256)),
        [], (), {}, set(), frozenset(),
        [True, 1, 1.0, "1", None],
        {"a": 1, 1: "a", (1, "a"): [1], frozenset({1}): {}, False: 2.5, None: None},
        {"z": 1, "a": 2, "m": 3},
        Decimal("1.50"), Decimal("-0"), Decimal("1E+2"), Decimal("-sNaN12"), Decimal("NaN"),
        Decimal("Infinity"), Decimal("-1e-999999"), Decimal("12345678901234567890.123456789"),
        date(1, 1, 1), date(9999, 12, 31),
        datetime.datetime(2024, 3, 31, 2, 30, fold=1),
        datetime.datetime(1, 1, 1, tzinfo=timezone.utc),
        datetime.datetime(2024, 1, 1, 12, 0, 0, 1, tzinfo=timezone(timedelta(hours=-5), "EST")),
        datetime.datetime(2024, 1, 1, tzinfo=timezone(timedelta(hours=1, seconds=1, microseconds=1))),
        datetime.datetime(2024, 1, 1, tzinfo=timezone(timedelta(0), "UTC")),
        time(0, 0), time(23, 59, 59, 999999, tzinfo=timezone(timedelta(hours=23, minutes=59)), fold=1),
        timedelta(0), timedelta(days=-999999999), timedelta(days=999999999, seconds=86399, microseconds=999999),
        timezone.utc, timezone(timedelta(minutes=-90), "x"), timezone(timedelta(hours=-23, minutes=-59)),
        uuid.UUID(int=0), uuid.UUID(int=2**128 - 1), uuid.uuid4(),
        Ref("L", 0, None), Ref("J", -(2**63) + 1, {"type": "Money", "mro": ("Money", "object")}),
        [[[[]]]], ({"k": [({1, 2},)]},),
        # Long enough to be looked at in bulk.
        [0] * 20 + [10**5000], [-(10**5000)] * 20, {**{str(i): i for i in range(20)}, "big": 10**5000},
        [1.5] * 20 + [Decimal(1)], ["s"] * 20 + [b"b"], [None] * 20 + [()], {i: i for i in range(20)},
    ],
    ids=lambda v: type(v).__name__,  # repr() refuses ints of over 4300 digits
)
def test_examples_come_back_exactly(v):
    got = decode(encode(v))
    assert same(got, v), got


def test_tuples_lists_sets_and_frozensets_stay_apart():
    got = decode(encode([[1], (1,), {1}, frozenset({1}), {"1": 1}, {1: 1}]))
    assert [type(x) for x in got] == [list, tuple, set, frozenset, dict, dict]


def test_utc_comes_back_as_the_utc_singleton():
    assert decode(encode(timezone.utc)) is timezone.utc
    assert decode(encode(datetime.datetime(2024, 1, 1, tzinfo=timezone.utc))).tzinfo is timezone.utc


def test_a_decimal_context_that_writes_a_small_e_does_not_change_the_message():
    with decimal.localcontext() as ctx:
        ctx.capitals = 0
        assert str(Decimal("1E+2")) == "1e+2"
        message = encode(Decimal("1E+2"))
        assert same(decode(message), Decimal("1E+2"))
    assert same(decode(message), Decimal("1E+2"))


def test_the_encoding_is_json_with_tagged_arrays():
    assert encode(["a", 1, (2,), {"k": None}]) == b'["L","a",1,["T",2],{"k":null}]'
    assert encode(b"\x00") == b'["B","AA=="]'
    assert encode(2**64) == b'["I","10000000000000000"]'
    assert encode(Ref("L", 3, "Money")) == b'["R","L",3,"Money"]'


# Refs.


def test_ref_is_immutable_hashable_and_equal_by_tag_and_id():
    r = Ref("L", 1, {"type": "Money"})
    with pytest.raises(AttributeError):
        r.id = 2
    with pytest.raises(AttributeError):
        del r.tag
    assert r == Ref("L", 1, {"other": "info"}) and hash(r) == hash(Ref("L", 1))
    assert r != Ref("J", 1) and r != Ref("L", 2) and r != ("L", 1)
    assert {r: 1}[Ref("L", 1)] == 1
    assert repr(r) == "Ref('L', 1, {'type': 'Money'})"
    # Info is never compared: this one raises when it is.
    assert Ref("L", 1, Decimal("sNaN")) == Ref("L", 1, Decimal("sNaN"))


@pytest.mark.parametrize("tag, id_", [(1, 1), ("L", "1"), ("L", True), ("L", 1.0), ("L", 2**63), ("L", -(2**63))])
def test_ref_takes_a_str_tag_and_an_int_id_within_64_bits(tag, id_):
    with pytest.raises(TypeError):
        Ref(tag, id_)


class Money:
    def __init__(self, cents):
        self.cents = cents


def test_objects_that_are_not_data_become_refs_through_to_ref_and_back_through_from_ref():
    table = {}

    def to_ref(obj):
        table[len(table)] = obj
        return Ref("L", len(table) - 1, {"type": type(obj).__name__})

    m, n = Money(1), Money(2)
    message = encode({"pay": [m, (n, 3)], "by": {m: "key"}}, to_ref)
    assert same(decode(message), {"pay": [Ref("L", 0, {"type": "Money"}), (Ref("L", 1, {"type": "Money"}), 3)],
                                  "by": {Ref("L", 2, {"type": "Money"}): "key"}})
    got = decode(message, from_ref=lambda r: table[r.id])
    assert got["pay"][0] is m and got["pay"][1][0] is n and list(got["by"]) == [m]


def test_without_to_ref_an_object_that_is_not_data_is_refused_by_name():
    with pytest.raises(WireError, match=r"^a value of type Money \(not data: it stays in your process\)$"):
        encode([1, {"k": Money(1)}])


def test_to_ref_raising_type_error_refuses_the_value():
    def to_ref(obj):
        raise TypeError("no")

    with pytest.raises(WireError, match="a value of type Money"):
        encode(Money(1), to_ref)


def test_to_ref_must_return_a_ref():
    with pytest.raises(TypeError, match="to_ref must return a Ref"):
        encode(Money(1), lambda obj: ("L", 1))


def test_a_refs_info_is_plain_data():
    with pytest.raises(WireError, match="a value of type Money"):
        encode(Ref("L", 1, [Money(1)]), lambda obj: Ref("L", 2))
    with pytest.raises(WireError, match="reference inside a reference"):
        encode(Ref("L", 1, [Ref("L", 2)]))
    with pytest.raises(WireError, match="reference inside a reference"):
        decode(b'["R","L",1,["L",["R","L",2,null]]]')


def test_a_ref_whose_slots_were_changed_behind_its_back_is_refused():
    r = Ref("L", 1)
    object.__setattr__(r, "id", "1")
    with pytest.raises(WireError, match="reference whose tag"):
        encode(r)
    object.__setattr__(r, "id", 2**63)
    with pytest.raises(WireError, match="reference whose tag"):
        encode(r)


# What is not data: subclasses with lying methods, and other objects.

calls = []


def liar(base, **extra):
    """A subclass of base whose every method that the codec could call
    records the call and lies."""

    def lie(name, result):
        def method(self, *args, **kwargs):
            calls.append(name)
            return result

        return method

    body = {
        name: lie(name, result)
        for name, result in [
            ("__eq__", True), ("__ne__", False), ("__hash__", 0), ("__repr__", "5"), ("__str__", "5"),
            ("__format__", "5"), ("__iter__", iter([1])), ("__len__", 1), ("__bool__", True),
            ("__int__", 5), ("__float__", 5.0), ("__index__", 5), ("__lt__", True), ("__gt__", True),
            ("__getitem__", 5), ("__contains__", True), ("keys", ["k"]), ("items", [("k", 5)]),
            ("values", [5]), ("isoformat", "2024-01-01"), ("__reduce__", (int, (5,))),
            ("__getinitargs__", (timedelta(0),)), ("encode", b"5"), ("decode", "5"),
        ]
    }
    body.update(extra)
    return type("Lying" + base.__name__.capitalize(), (base,), body)


SUBCLASSED = [
    (int, (7,)), (float, (7.0,)), (str, ("7",)), (bytes, (b"7",)), (list, ([7],)), (tuple, ((7,),)),
    (dict, ({"k": 7},)), (set, ({7},)), (frozenset, ({7},)), (Decimal, ("7",)), (date, (2024, 1, 1)),
    (datetime.datetime, (2024, 1, 1)), (time, (7,)), (timedelta, (7,)), (uuid.UUID, ("0" * 32,)),
]


@pytest.mark.parametrize("base, args", SUBCLASSED, ids=lambda x: getattr(x, "__name__", ""))
def test_a_subclass_is_not_its_base_and_none_of_its_methods_run(base, args):
    cls = liar(base)
    obj = cls(*args)
    values = [[1, obj], [1] * 20 + [obj], {**{str(i): i for i in range(20)}, "x": obj}, {obj: 1}, {1: obj}]
    value = {"v": [obj, (obj,)], "k": {obj: 1}}
    calls.clear()
    for v in values:
        with pytest.raises(WireError, match=f"^a value of type {cls.__name__} "):
            encode(v)
    got = decode(encode(value, lambda o: Ref("L", 9, type(o).__name__)))
    r = Ref("L", 9, cls.__name__)
    assert same(got, {"v": [r, (r,)], "k": {r: 1}})
    assert calls == []


def test_a_metaclass_cannot_run_code_or_change_the_name_in_the_message():
    class Meta(type):
        def __hash__(cls):
            raise AssertionError("hashed")

        def __eq__(cls, other):
            raise AssertionError("compared")

        @property
        def __name__(cls):
            raise AssertionError("named")

    class Weird(metaclass=Meta):
        pass

    with pytest.raises(WireError, match="a value of type Weird "):
        encode([Weird()] * 20 + [1])
    assert same(decode(encode([Weird()] * 20, lambda o: Ref("L", 1))), [Ref("L", 1)] * 20)


def test_keys_and_elements_whose_hash_and_eq_fail_are_never_hashed_or_compared():
    class Touchy:
        armed = False

        def __hash__(self):
            if Touchy.armed:
                raise AssertionError("hashed")
            return 1

        def __eq__(self, other):
            if Touchy.armed:
                raise AssertionError("compared")
            return self is other

    a, b = Touchy(), Touchy()
    value = {"d": {a: 1, b: 2}, "s": {a, b}, "f": frozenset({a})}
    Touchy.armed = True
    got = decode(encode(value, lambda o: Ref("L", id(o))))
    assert same(got["d"], {Ref("L", id(a)): 1, Ref("L", id(b)): 2})
    assert got["s"] == {Ref("L", id(a)), Ref("L", id(b))}


class Tz(datetime.tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=1)


@pytest.mark.parametrize(
    "v",
    [
        object(), Money, len, lambda: 1, math, 1j, range(3), ..., NotImplemented, bytearray(b"x"),
        memoryview(b"x"), iter([]), Exception("x"), datetime.datetime(2024, 1, 1, tzinfo=zoneinfo.ZoneInfo("UTC")),
        datetime.datetime(2024, 1, 1, tzinfo=Tz()), time(1, tzinfo=Tz()), Tz(),
    ],
    ids=repr,
)
def test_other_objects_are_not_data(v):
    with pytest.raises(WireError, match=r"\(not data: it stays in your process\)"):
        encode(v)
    assert decode(encode(v, lambda o: Ref("L", 1))) == Ref("L", 1)


def test_a_uuid_whose_int_was_changed_behind_its_back_is_not_data():
    u = uuid.uuid4()
    object.__setattr__(u, "int", liar(int)(5))
    with pytest.raises(WireError, match="a value of type UUID"):
        encode(u)


# Limits.


WRAPS = {
    "list": lambda v: [v],
    "tuple": lambda v: (v,),
    "dict": lambda v: {"k": v},
    "mapping": lambda v: {1: v},
    "frozenset": lambda v: frozenset({v}),
    "ref": lambda v: [v],  # lists in a Ref (a Ref in a Ref's info is refused)
}


def nested(kind, depth, leaf=1):
    """depth levels of kind's containers around leaf."""
    v = leaf
    for _ in range(depth - 1 if kind == "ref" else depth):
        v = WRAPS[kind](v)
    return Ref("L", 1, v) if kind == "ref" else v


@pytest.mark.parametrize("kind", WRAPS)
def test_depth_is_limited_the_same_way_on_both_sides(kind):
    deep = Limits(max_depth=200)
    ok = nested(kind, 64, leaf=b"x")  # a tagged scalar at the bottom adds no level
    assert same(decode(encode(ok)), ok)
    over = nested(kind, 65)
    with pytest.raises(WireError, match="^a value nested deeper than 64 levels$"):
        encode(over)
    with pytest.raises(WireError, match="^a value nested deeper than 64 levels$"):
        decode(encode(over, limits=deep))
    small = Limits(max_depth=3)
    assert same(decode(encode(nested(kind, 3), limits=small), limits=small), nested(kind, 3))
    with pytest.raises(WireError, match="deeper than 3 levels"):
        decode(encode(nested(kind, 4)), limits=small)


def test_cycles_are_a_wire_error_not_a_recursion_error():
    a = [1]
    a.append(a)
    d = {}
    d["self"] = [d]
    t = ([],)
    t[0].append(t)
    for v in (a, d, t, {"x": (a,)}):
        with pytest.raises(WireError, match="^a value that contains itself$"):
            encode(v)
    info = []
    info.append(info)
    with pytest.raises(WireError, match="contains itself"):
        encode(Ref("L", 1, info))


def test_items_are_limited_the_same_way_on_both_sides():
    assert len(decode(encode(list(range(100_000))))) == 100_000
    assert len(decode(encode({str(i): i for i in range(50_000)}))) == 50_000
    big = Limits(max_items=10**6)
    for v in ([0] * 100_001, {str(i): i for i in range(50_001)}, [[1, 2]] * 33_334, {i: 0 for i in range(50_001)},
              [Ref("L", 1, 1)] * 50_001):
        with pytest.raises(WireError, match="^a value of more than 100000 items$"):
            encode(v)
        with pytest.raises(WireError, match="^a value of more than 100000 items$"):
            decode(encode(v, limits=big))


def test_bytes_are_limited_on_both_sides():
    small = Limits(max_bytes=100)
    assert len(encode("x" * 98, limits=small)) == 100
    with pytest.raises(WireError, match="^a value too big to send: 101 bytes, over the limit of 100$"):
        encode("x" * 99, limits=small)
    with pytest.raises(WireError, match="over the limit of 100$"):
        decode(b'"' + b"x" * 99 + b'"', limits=small)
    with pytest.raises(WireError, match="too big"):
        encode(1 << 500, limits=small)
    with pytest.raises(WireError, match="too big"):
        encode([bytes(101)], limits=small)


@pytest.mark.parametrize(
    "kwargs",
    [{"max_bytes": 0}, {"max_bytes": 1 << 32}, {"max_depth": 0}, {"max_depth": 201}, {"max_items": 0},
     {"max_items": True}, {"max_bytes": 1.5}],
)
def test_limits_out_of_range_are_refused(kwargs):
    with pytest.raises(ValueError):
        Limits(**kwargs)


def test_limits_are_immutable_with_the_contracts_defaults():
    assert (LIMITS.max_bytes, LIMITS.max_depth, LIMITS.max_items) == (8 << 20, 64, 100_000)
    with pytest.raises(AttributeError):
        LIMITS.max_depth = 1000


def test_a_bomb_of_small_values_is_refused_before_it_is_parsed():
    # 6 MiB of empty dicts: parsed, some 2 million of them would take 200 MiB.
    bomb = b"[" + b"{}," * (2 << 20) + b"{}]"
    tracemalloc.start()
    try:
        with pytest.raises(WireError, match="more than 100000 items"):
            decode(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 3 * len(bomb)


def test_a_message_of_big_strings_full_of_commas_is_not_taken_for_a_bomb():
    v = ["[{,:" * 300_000, "x"]
    assert same(decode(encode(v)), v)


class CPUTimeUp(Exception):
    pass


@pytest.fixture
def cpu_seconds():
    """cpu_seconds(n): fail once the process has used n more seconds of CPU
    (not of the wall clock, which a busy machine stretches): the cases here
    take milliseconds, and minutes or hours if done in quadratic time."""

    def up(signum, frame):
        raise CPUTimeUp()

    old = signal.signal(signal.SIGPROF, up)
    yield lambda n: signal.setitimer(signal.ITIMER_PROF, n)
    signal.setitimer(signal.ITIMER_PROF, 0)
    signal.signal(signal.SIGPROF, old)


def test_a_string_left_open_does_not_make_the_bomb_check_quadratic(cpu_seconds):
    # Enough commas for the exact count, and a quote in each escape.
    bomb = b'"' + b'\\"' * 1_500_000 + b"," * 1_100_000
    cpu_seconds(30)
    with pytest.raises(WireError, match="malformed"):
        decode(bomb)


M61 = 2**61 - 1  # ints that are multiples of it all hash to 0


@pytest.mark.parametrize(
    "message",
    [
        "[\"S\"," + ",".join(str(k * M61) for k in range(1, 100_001)) + "]",
        "[\"F\"," + ",".join(str(-k * M61) for k in range(1, 100_001)) + "]",
        "[\"M\"," + ",".join(f"[\"T\",{k * M61}],0" for k in range(1, 30_001)) + "]",
        "[\"S\"," + ",".join(["1"] * 100_000) + "]",
    ],
    ids=["set", "frozenset", "dict of tuples", "duplicates"],
)
def test_sets_and_dicts_made_to_collide_in_hashing_are_refused_quickly(cpu_seconds, message):
    cpu_seconds(30)
    with pytest.raises(WireError, match="too many of its elements hash alike"):
        decode(message.encode())


def test_sets_and_dicts_with_a_few_colliding_hashes_are_data():
    v = [{-1, -2} | set(range(5000)), {(a, b, c): 0 for a in (-1, -2) for b in (-1, -2) for c in range(2000)},
         frozenset(tuple(-1 - (i >> j & 1) for j in range(10)) for i in range(1024)) | frozenset(range(2000))]
    assert same(decode(encode(v)), v)


def test_nesting_deeper_than_json_can_parse_is_a_wire_error():
    for bomb in (b"[" * 1_000_000, b'{"a":' * 300_000):
        with pytest.raises(WireError):
            decode(bomb)


# Decoding bytes from someone else: data or a WireError, nothing else.

TAGS = ["L", "T", "S", "F", "M", "R", "I", "B", "D", "U", "d", "t", "dt", "td", "tz"]
json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), texts,
    st.sampled_from(TAGS + ["00ff", "-1f", "AAAA", "AA==", "1.5", "sNaN", "0" * 32, "2024-01-31", "12:00:00",
                            "2024-01-31T12:00:00+01:00", "x"]),
)
json_values = st.recursive(
    json_scalars,
    lambda c: st.one_of(
        st.lists(c, max_size=6),
        st.builds(lambda tag, rest: [tag, *rest], st.sampled_from(TAGS), st.lists(c, max_size=5)),
        st.dictionaries(texts, c, max_size=4),
    ),
    max_leaves=25,
)


def decodes_to_data_or_refuses(message):
    try:
        v = decode(message)
    except WireError as e:
        assert str(e)
        return None
    assert is_data(v)
    return v


@fuzz
@given(st.binary(max_size=200))
def test_arbitrary_bytes_decode_to_data_or_a_wire_error(message):
    decodes_to_data_or_refuses(message)


@fuzz
@given(json_values)
def test_arbitrary_json_decodes_to_data_or_a_wire_error(v):
    decodes_to_data_or_refuses(json.dumps(v).encode())


@fuzz
@given(data, st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255), st.sampled_from("rid")), min_size=1,
                      max_size=6))
def test_mutated_messages_decode_to_data_or_a_wire_error(v, edits):
    message = bytearray(encode(v))
    for at, byte, how in edits:
        i = at % (len(message) + 1)
        if how == "r" and i < len(message):
            message[i] = byte
        elif how == "i":
            message.insert(i, byte)
        elif i < len(message):
            del message[i]
    decodes_to_data_or_refuses(bytes(message))


@pytest.mark.parametrize(
    "message",
    [
        b"", b" ", b"[", b"[]", b"[1]", b'["X"]', b'["L"', b"{1:2}", b'{"a":1,}', b"\xff", b'"\xed\xa0"',
        b"1" * 5000, b"-", b"nan", b"[NaN,]",
        b'["I"]', b'["I","0x10"]', b'["I","1_0"]', b'["I"," 10"]', b'["I","10",1]', b'["I",16]', b'["I",""]',
        b'["B","!!"]', b'["B","AAA"]', b'["B","\xc3\xa9"]', b'["B",1]',
        b'["D"," 1"]', b'["D","1_0"]', b'["D","inf"]', b'["D","\xd9\xa1"]', b'["D","1e+2"]', b'["D","1e99999999999999999999"]',
        b'["D",1]', b'["D","x"]',
        b'["U","0"]', b'["U","' + b"0" * 31 + b'G"]', b'["U","' + b"F" * 32 + b'"]', b'["U","{' + b"0" * 30 + b'}"]',
        b'["d","20240131"]', b'["d","2024-02-30"]', b'["d","2024-W01-1"]', b'["d",20240131]',
        b'["dt","2024-01-01 00:00:00",0,null]', b'["dt","2024-01-01T00:00:00",2,null]',
        b'["dt","2024-01-01T00:00:00",true,null]', b'["dt","2024-01-01T00:00:00",0,"CET"]',
        b'["dt","2024-01-01T00:00:00+01:00",0,1]', b'["dt","2024-01-01T00:00:00"]', b'["dt","2024-01-01",0,null]',
        b'["t","25:00:00",0,null]', b'["t","12:00",0,null]', b'["t","12:00:00",0,"x"]',
        b'["td",0,86400,0]', b'["td",0,0,1000000]', b'["td",1000000000,0,0]', b'["td",0,0]', b'["td",true,0,0]',
        b'["td",' + b"9" * 400 + b',0,0]',
        b'["tz",86400000000,null]', b'["tz",0,1]', b'["tz",0]', b'["tz",' + b"9" * 400 + b',null]',
        b'["S",["L"]]', b'["S",{}]', b'["F",["S"]]', b'["S",["D","sNaN"]]', b'["M",["L"],1]', b'["M",1]',
        b'["M",["S"],1]', b'["M",["T",["L"]],1]',
        b'["R","L",1]', b'["R",1,1,null]', b'["R","L",true,null]', b'["R","L",1.0,null]', b'["R","L",9223372036854775808,null]', b'["R","L",1,null,2]',
        b'["L",' * 70 + b"1" + b"]" * 70,
    ],
    ids=lambda m: repr(m[:40]),
)
def test_malformed_messages_are_wire_errors(message):
    with pytest.raises(WireError):
        decode(message)


@pytest.mark.parametrize(
    "message, value",
    [
        (b"NaN", float("nan")), (b"-Infinity", float("-inf")), (b'"\\ud800"', "\ud800"), (b' {"a" : 1} ', {"a": 1}),
        (b'["S",1,1]', {1}), (b'["M","a",1]', {"a": 1}),
    ],
)
def test_what_json_and_the_tags_allow_besides_the_encoders_own_output_is_still_data(message, value):
    assert same(decode(message), value)


def test_json_scalars_keep_their_types():
    assert [type(x) for x in decode(b'["L",true,1,1.0,"1",null]')] == [bool, int, float, str, type(None)]


def test_decode_takes_any_bytes_like_object():
    message = encode([1, "a"])
    for m in (message, bytearray(message), memoryview(message)):
        assert decode(m) == [1, "a"]


# The Channel.


@pytest.fixture
def pair():
    a, b = socket.socketpair()
    # A bug that waits for bytes never sent fails here instead of hanging.
    a.settimeout(60)
    b.settimeout(60)
    yield a, b
    a.close()
    b.close()


def test_a_channel_frames_messages_as_a_length_and_the_message(pair):
    a, b = pair
    Channel(a).send(["call", 1])
    message = encode(["call", 1])
    assert b.recv(100) == struct.pack(">I", len(message)) + message
    b.sendall(struct.pack(">I", len(message)) + message)
    assert Channel(a).recv() == ["call", 1]


def test_messages_arrive_in_order_with_refs_both_ways(pair):
    a, b = pair
    ca, cb = Channel(a), Channel(b)
    m = Money(5)
    ca.send(["ok", m], to_ref=lambda o: Ref("L", 7, "Money"))
    ca.send(["ok", 2])
    assert cb.recv(from_ref=lambda r: ("proxy", r.id)) == ["ok", ("proxy", 7)]
    assert cb.recv() == ["ok", 2]
    assert ca.fileno() == a.fileno()


def test_a_big_message_crosses_in_many_pieces(pair):
    a, b = pair
    v = ["x" * 1000] * 7000
    sender = threading.Thread(target=Channel(a).send, args=(v,))
    sender.start()
    try:
        assert Channel(b).recv() == v
    finally:
        sender.join()


def test_a_clean_close_between_frames_is_eof(pair):
    a, b = pair
    Channel(a).send(1)
    a.close()
    cb = Channel(b)
    assert cb.recv() == 1
    with pytest.raises(EOFError):
        cb.recv()


def test_a_peer_that_went_away_with_our_message_unread_is_eof(pair):
    a, b = pair
    Channel(a).send("never read")
    b.close()
    with pytest.raises(EOFError):
        Channel(a).recv()


@pytest.mark.parametrize("sent", [b"\x00\x00", b"\x00\x00\x00\x05", b"\x00\x00\x00\x05[1"])
def test_a_close_inside_a_frame_is_a_wire_error(pair, sent):
    a, b = pair
    a.sendall(sent)
    a.close()
    with pytest.raises(WireError, match="cut short"):
        Channel(b).recv()


def test_an_oversized_frame_is_refused_from_its_header_alone(pair):
    a, b = pair
    a.sendall(struct.pack(">I", LIMITS.max_bytes + 1))
    # Nothing more is sent and a stays open: reading on would wait forever.
    with pytest.raises(WireError, match=f"{LIMITS.max_bytes + 1} bytes, over the limit of {LIMITS.max_bytes}"):
        Channel(b).recv()
    small = Limits(max_bytes=10)
    a.sendall(struct.pack(">I", 11))
    with pytest.raises(WireError, match="over the limit of 10"):
        Channel(b, small).recv()


def test_a_message_over_the_limit_is_never_sent(pair):
    a, b = pair
    with pytest.raises(WireError):
        Channel(a, Limits(max_bytes=10)).send("x" * 20)
    with pytest.raises(WireError):
        Channel(a).send(Money(1))
    b.setblocking(False)
    with pytest.raises(BlockingIOError):
        b.recv(1)


def test_a_malformed_message_leaves_the_channel_in_step(pair):
    a, b = pair
    a.sendall(struct.pack(">I", 4) + b'["X"')
    Channel(a).send("next")
    cb = Channel(b)
    with pytest.raises(WireError, match="malformed"):
        cb.recv()
    assert cb.recv() == "next"


def open_fds():
    return len(os.listdir("/proc/self/fd"))


def test_descriptors_cross_with_a_message(pair):
    a, b = pair
    r, w = os.pipe()
    try:
        Channel(a).send_fds({"pid": 42}, [r, w])
        value, fds = Channel(b).recv_fds(2)
        assert value == {"pid": 42} and len(fds) == 2 and not {r, w} & set(fds)
        os.write(fds[1], b"through the copy")
        assert os.read(r, 100) == b"through the copy"
        for fd in fds:
            os.close(fd)
    finally:
        os.close(r)
        os.close(w)


def test_a_message_without_descriptors_gives_none_and_eof_is_eof(pair):
    a, b = pair
    Channel(a).send_fds("no fds", [])
    Channel(a).send("plain")
    cb = Channel(b)
    assert cb.recv_fds(2) == ("no fds", [])
    assert cb.recv_fds(2) == ("plain", [])
    a.close()
    with pytest.raises(EOFError):
        cb.recv_fds(2)


def test_descriptors_beyond_maxfds_are_refused_and_none_is_left_open(pair):
    a, b = pair
    r, w = os.pipe()
    try:
        before = open_fds()
        Channel(a).send_fds("three", [r, w, r])
        Channel(a).send("next")
        cb = Channel(b)
        with pytest.raises(WireError, match="more than 2 descriptors"):
            cb.recv_fds(2)
        assert open_fds() == before
        assert cb.recv() == "next"
    finally:
        os.close(r)
        os.close(w)


def test_descriptors_that_come_with_a_malformed_message_are_closed(pair):
    a, b = pair
    r, w = os.pipe()
    try:
        before = open_fds()
        a.sendmsg([struct.pack(">I", 1) + b"["], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, struct.pack("i", r))])
        with pytest.raises(WireError, match="malformed"):
            Channel(b).recv_fds(1)
        assert open_fds() == before
    finally:
        os.close(r)
        os.close(w)


def test_plain_recv_drops_descriptors_it_was_not_asked_for(pair):
    a, b = pair
    r, w = os.pipe()
    try:
        before = open_fds()
        Channel(a).send_fds("with fds", [r, w])
        assert Channel(b).recv() == "with fds"
        assert open_fds() == before
    finally:
        os.close(r)
        os.close(w)


def test_the_module_exports_the_contracts_names():
    assert set(wire.__all__) == {"WireError", "Ref", "Limits", "LIMITS", "encode", "decode", "Channel"}
    assert issubclass(WireError, ValueError)
