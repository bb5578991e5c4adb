"""The judge's proxies against a real learner process (forked here, one
uid: the uid split is tested in the sandbox)."""

import os
import socket
import sys
import textwrap

import pytest

import learner
import remote
import wire


class Proc:
    def __init__(self, chan, out_fd, pid):
        self.chan, self.out_fd, self.pid = chan, out_fd, pid


class ForkSpawner:
    """Learner processes forked from this one, serving from directory."""

    def __init__(self, directory, names):
        self.directory, self.names = directory, names
        self.pids = []

    def spawn(self):
        judge_end, learner_end = socket.socketpair()
        out_r, out_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                judge_end.close()
                os.close(out_r)
                os.dup2(out_w, 1)
                os.dup2(out_w, 2)
                sys.stdout = open(1, "w", closefd=False)
                sys.stderr = open(2, "w", closefd=False)
                # A fork of the judge: the zygote's children have none of
                # its finders.
                sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, remote.Finder)]
                for name in [n for n in sys.modules if n.partition(".")[0] in self.names]:
                    del sys.modules[name]
                os.chdir(self.directory)
                sys.path.insert(0, self.directory)
                learner.WORK = self.directory
                learner.serve(wire.Channel(learner_end))
            finally:
                os._exit(0)
        learner_end.close()
        os.close(out_w)
        self.pids.append(pid)
        return Proc(wire.Channel(judge_end), out_r, pid)

    def kill(self):
        pass

    def wait(self, pid, timeout):
        _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status):
            return {"signal": os.WTERMSIG(status)}
        return {"exit": os.WEXITSTATUS(status)}


@pytest.fixture
def work(tmp_path, monkeypatch):
    saved = sys.modules.copy(), list(sys.meta_path)
    yield tmp_path
    sys.modules.clear()
    sys.modules.update(saved[0])
    sys.meta_path[:] = saved[1]


def make(work, files, names=None):
    for rel, text in files.items():
        p = work / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text))
    tops = names or {rel.split("/")[0].removesuffix(".py") for rel in files}
    spawner = ForkSpawner(str(work), tops)
    judge = remote.Learner(spawner, list(files))
    remote.install_finder(judge, tops)
    remote.set_current(judge)
    return judge


def test_values_cross_as_data(work):
    make(work, {"calc.py": """
        from decimal import Decimal
        quantity = 3
        def total(q, p):
            return round(q * p, 2)
        def mixed():
            return {"a": [1, (2, 3)], "b": {4}, "c": Decimal("1.5"), "d": b"x", "e": None}
    """})
    import calc

    assert type(calc.quantity) is int and calc.quantity == 3
    assert calc.total(3, 19.99) == 59.97
    assert calc.mixed() == {"a": [1, (2, 3)], "b": {4}, "c": __import__("decimal").Decimal("1.5"), "d": b"x", "e": None}


def test_a_lying_object_never_equals_a_value(work):
    make(work, {"liar.py": """
        class Yes:
            def __eq__(self, other): return True
            def __ne__(self, other): return False
            def __hash__(self): return 0
            def __bool__(self): return True
        class Five(int):
            def __eq__(self, other): return True
        def f(): return Yes()
        def g(): return Five(4)
    """})
    import liar

    assert not (liar.f() == 5)
    assert liar.f() != 5
    assert not (liar.g() == 5)
    assert not (5 == liar.g())
    with pytest.raises(TypeError):
        liar.f() < 5


def test_objects_work_through_handles(work):
    make(work, {"shop.py": """
        class Cart:
            def __init__(self):
                self.items = []
            def add(self, name, price):
                self.items.append((name, price))
                return self
            def __len__(self):
                return len(self.items)
            def __iter__(self):
                return iter(self.items)
            def __getitem__(self, i):
                return self.items[i]
            def __contains__(self, name):
                return any(n == name for n, _ in self.items)
            def __enter__(self):
                return self
            def __exit__(self, *exc):
                self.items.clear()
        class Money:
            def __init__(self, cents): self.cents = cents
            def __eq__(self, other): return isinstance(other, Money) and other.cents == self.cents
            def __add__(self, other): return Money(self.cents + other.cents)
            def __repr__(self): return "Money(%d)" % self.cents
    """})
    import shop
    from shop import Cart, Money

    cart = Cart()
    assert cart.add("pen", 2) is cart
    cart.add("ink", 3)
    assert len(cart) == 2
    assert list(cart) == [("pen", 2), ("ink", 3)]
    assert cart[1] == ("ink", 3)
    assert "pen" in cart and "cup" not in cart
    assert isinstance(cart, shop.Cart) and not isinstance(cart, Money)
    assert Money(2) + Money(3) == Money(5)
    assert repr(Money(7)) == "Money(7)"
    with cart as c:
        assert len(c) == 2
    assert len(cart) == 0
    cart.note = "gift"
    assert cart.note == "gift"


def test_exceptions_are_mirrored(work):
    make(work, {"bank.py": """
        class Overdrawn(ValueError):
            def __init__(self, short):
                super().__init__("short by %d" % short)
                self.short = short
        def withdraw(balance, amount):
            if amount > balance:
                raise Overdrawn(amount - balance)
            return balance - amount
        def missing():
            return {}["x"]
        def leave():
            raise SystemExit(0)
    """})
    import bank

    with pytest.raises(bank.Overdrawn) as info:
        bank.withdraw(1, 5)
    assert str(info.value) == "short by 4"
    assert info.value.short == 4
    assert isinstance(info.value, ValueError)
    assert info.value.__drill_where__[-1][:2] == ["bank.py", 8]
    with pytest.raises(ValueError):
        bank.withdraw(0, 1)
    with pytest.raises(KeyError):
        bank.missing()
    with pytest.raises(Exception) as info:
        bank.leave()
    assert type(info.value).__name__ == "SystemExit" and not isinstance(info.value, SystemExit)
    with pytest.raises(AttributeError):
        bank.nothing
    assert not hasattr(bank, "nothing")


def test_callbacks_and_monkeypatch(work, monkeypatch):
    make(work, {"notify.py": """
        def send(to, text):
            raise RuntimeError("no network in a test")
        def welcome(user):
            send(user, "hello " + user)
            return "sent"
        def apply(fn, values):
            return [fn(v) for v in values]
        def swallow(fn):
            try:
                fn()
            except Exception:
                return "swallowed"
    """})
    import notify

    sent = []
    monkeypatch.setattr(notify, "send", lambda to, text: sent.append((to, text)))
    assert notify.welcome("ann") == "sent"
    assert sent == [("ann", "hello ann")]
    assert notify.apply(lambda v: v * 2, [1, 2]) == [2, 4]

    def check():
        assert False, "called"

    judge = remote.current()
    assert notify.swallow(check) == "swallowed"
    assert len(judge.failed_callbacks) == 1


def test_a_crash_is_one_requests_error_and_the_next_runs_fresh(work):
    judge = make(work, {"crash.py": """
        import os
        state = []
        def die():
            os._exit(3)
        def add(x):
            state.append(x)
            return len(state)
    """})
    import crash

    assert crash.add(1) == 1
    with pytest.raises(remote.LearnerDied, match="exit code 3"):
        crash.die()
    # A fresh process: the module is imported again.
    assert crash.add(1) == 1
    assert judge.generation == 2


def test_output_is_kept_per_call_and_bounded(work):
    judge = make(work, {"talk.py": """
        import sys
        def say(n):
            print("x" * n)
            sys.stderr.write("err\\n")
            return n
    """})
    import talk

    assert talk.say(3) == 3
    text, cut = judge.take_output()
    assert text == "xxx\nerr\n" and not cut
    assert talk.say(200_000) == 200_000
    text, cut = judge.take_output()
    assert len(text) == remote.OUTPUT_LIMIT and cut


def test_packages_and_submodules(work):
    make(work, {"app/__init__.py": "", "app/models.py": "NAME = 'm'\n", "app/views.py": "from app.models import NAME\nVIEW = NAME + 'v'\n"})
    import app.views
    from app import models
    from app.models import NAME

    assert app.views.VIEW == "mv"
    assert models.NAME == "m" == NAME


def test_judge_objects_cross_as_opaque_tokens(work):
    make(work, {"take.py": """
        def ident(x):
            return x
        def use(x):
            return x.secret
        def get(d, key, default):
            return d.get(key, default)
    """})
    import take

    class Thing:
        secret = 42

    thing = Thing()
    assert take.ident(thing) is thing
    with pytest.raises(TypeError, match="object of the tests"):
        take.use(thing)
    missing = object()
    assert take.get({"a": 1}, "b", missing) is missing
    assert take.ident(x for x in (1, 2)) == [1, 2]


def test_standard_exceptions_are_the_judges_own(work):
    make(work, {"db.py": """
        import sqlite3, json
        def clash():
            c = sqlite3.connect(":memory:")
            c.execute("CREATE TABLE t (x UNIQUE)")
            c.execute("INSERT INTO t VALUES (1)")
            c.execute("INSERT INTO t VALUES (1)")
        def parse():
            return json.loads("{")
    """})
    import json
    import sqlite3

    import db

    with pytest.raises(sqlite3.IntegrityError):
        db.clash()
    with pytest.raises(json.JSONDecodeError):
        db.parse()


def test_sql_in_the_learner_process(work):
    (work / "tests").mkdir()
    make(work, {"query.sql": "SELECT name FROM t ORDER BY name;\n"})
    from drillkit import sql

    seed = work / "tests" / "seed.sql"
    seed.write_text("CREATE TABLE t (name TEXT); INSERT INTO t VALUES ('b'), ('a');")
    from drillkit import files

    files._root = str(work)
    result = sql.run(sql.database(str(seed)), "query.sql")
    assert result.columns == ["name"] and result.rows == [("a",), ("b",)]


def test_keyboard_input_is_refused_in_words(work):
    make(work, {"ask.py": "def ask():\n    return input('name? ')\n"})
    import ask

    with pytest.raises(EOFError) as info:
        ask.ask()
    assert type(info.value).__name__ == "NoKeyboardInput"
    assert "keyboard input" in str(info.value)


def test_values_the_codec_refuses_are_the_learners_error(work):
    make(work, {"big.py": """
        def deep():
            v = []
            for _ in range(1000):
                v = [v]
            return v
        def cyclic():
            v = []
            v.append(v)
            return v
        def ok():
            return 1
    """})
    import big

    for fn in (big.deep, big.cyclic):
        with pytest.raises(remote.NotSent, match="deeper|contains itself"):
            fn()
    assert big.ok() == 1


def test_a_fork_that_keeps_the_channel_does_not_hide_a_death(work):
    make(work, {"forker.py": """
        import os, time
        def leave():
            if os.fork() == 0:
                time.sleep(30)
                os._exit(0)
            os._exit(5)
    """})
    import forker

    with pytest.raises(remote.LearnerDied, match="exit code 5"):
        forker.leave()


def test_a_handle_let_go_and_given_again_stays(work):
    make(work, {"keep.py": """
        class Box:
            pass
        box = Box()
        def get():
            return box
    """})
    import keep

    # CPython lets a proxy go at once (reference counts): its handle is
    # queued for release; the box is then given again before the queue goes
    # out, and must stay usable after it has.
    b = keep.get()
    del b
    box = keep.get()
    for _ in range(remote.RELEASE_BATCH + 1):
        other = keep.Box()
        del other
    assert isinstance(box, keep.Box)
    assert keep.get() is keep.get()
    assert isinstance(keep.get(), keep.Box)


def test_builtins_cross_as_the_learners_own(work):
    make(work, {"retry.py": """
        def catch(fn, kind):
            try:
                fn()
            except kind as e:
                return "caught " + type(e).__name__
        def apply(fn, v):
            return fn(v)
    """})
    import retry

    def boom():
        raise ValueError("x")

    assert retry.catch(boom, ValueError) == "caught ValueError"
    assert retry.apply(len, [1, 2]) == 2


def test_exception_objects_as_values_and_through_callbacks(work):
    make(work, {"errs.py": """
        class Refused(Exception):
            def __init__(self, why):
                super().__init__(why)
                self.why = why
        def results():
            return [LookupError("/missing"), Refused("no")]
        def run(fn):
            try:
                fn()
            except Refused as e:
                return "refused: " + e.why
        def retry(fn, times):
            for i in range(times):
                try:
                    return fn(i)
                except ConnectionError:
                    pass
            return None
    """})
    import errs

    found = errs.results()
    assert isinstance(found[0], LookupError) and str(found[0]) == "/missing"
    assert isinstance(found[1], errs.Refused) and found[1].why == "no"

    def refuse():
        raise errs.Refused("twice")

    assert errs.run(refuse) == "refused: twice"

    def flaky(i):
        if i < 2:
            raise ConnectionError("attempt %d" % i)
        return i

    judge = remote.current()
    assert errs.retry(flaky, 5) == 2
    # The tests' own exceptions, raised on purpose, are no failed check.
    assert judge.failed_callbacks == []


def test_a_crash_is_never_the_exception_a_test_expects(work):
    make(work, {"quit.py": "import os\n\ndef f():\n    os._exit(1)\n\ndef huge():\n    return list(range(200_000))\n"})
    import quit

    with pytest.raises(remote.LearnerDied):
        with pytest.raises(Exception):
            quit.f()
    with pytest.raises(remote.NotSent):
        with pytest.raises(ValueError):
            quit.huge()


def test_pinned_library_names_are_taken_before_learner_code(work):
    judge = make(work, {
        "libmod.py": "class Real:\n    pass\n\nclass Fake:\n    pass\n",
        "cheat.py": "import libmod\n\nlibmod.Real = libmod.Fake\n\ndef make():\n    return libmod.Fake()\n",
    })
    judge.pinned_modules = ["libmod"]
    import cheat
    import libmod

    assert not isinstance(cheat.make(), libmod.Real)
    assert isinstance(cheat.make(), libmod.Fake)
