"""What pytest-django does to a test run, done in the learner process.

The judge's plugin (judgekit.django_fixtures) gives tests pytest-django's
fixtures and marks and calls these functions to act where Django and the
learner's project live. Django and the standard library only: no pytest.

Per process: setup(module) (the judge's pytest_configure, before the test
files import the learner's models), setup_test_environment(module) (at the
first test); per test: begin_test(module), which also does both in a fresh
learner process, and for a database test begin_database_test(...) and,
after it, end_database_test(). The learner's errors (a settings module
that does not import, a model or migration that does not load) are raised
as they are.
"""

import os
import types

BLOCKED = (
    'Database access not allowed, use the "django_db" mark, '
    'or the "db" or "transactional_db" fixtures to enable it.'
)

_state = types.SimpleNamespace(
    settings_module=None,  # the module Django was set up with in this process
    setup_failure=None,  # what setup raised (Django cannot be set up twice)
    environment=False,  # whether setup_test_environment ran
    databases=None,  # what setup_databases returned, for teardown_databases
    databases_failure=None,  # what creating the test databases raised
    test=None,  # (case class, case) of the open database test
)


def _refuse_connection(*args, **kwargs):
    raise RuntimeError(BLOCKED)


class _Blocker:
    """Database access on or off, as a stack: block() and unblock() each push
    a state, restore() goes back one. It swaps BaseDatabaseWrapper's
    ensure_connection, the one way every backend opens a connection (and
    checks one is open), so a query outside a database test raises
    RuntimeError(BLOCKED)."""

    def __init__(self):
        self._real = None
        self._history = []

    def _wrapper_class(self):
        from django.db.backends.base.base import BaseDatabaseWrapper

        if self._real is None:
            self._real = BaseDatabaseWrapper.ensure_connection
        return BaseDatabaseWrapper

    def block(self):
        cls = self._wrapper_class()
        self._history.append(cls.ensure_connection)
        cls.ensure_connection = _refuse_connection

    def unblock(self):
        cls = self._wrapper_class()
        self._history.append(cls.ensure_connection)
        cls.ensure_connection = self._real

    def restore(self):
        self._wrapper_class().ensure_connection = self._history.pop()


_blocker = _Blocker()


def setup(settings_module):
    """Load settings_module (a dotted name) and set Django up, then block
    database access, as pytest-django does before collecting tests (which
    import the learner's models). A second call with the same module does
    nothing, or raises again what the first raised; with another module it
    is a ValueError: one process holds one Django project."""
    if _state.settings_module is not None:
        if settings_module != _state.settings_module:
            raise ValueError(
                "Django is set up with %s in this process, not %s" % (_state.settings_module, settings_module)
            )
        return
    if _state.setup_failure is not None:
        raise _state.setup_failure
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    try:
        import django
        from django.conf import settings

        settings.DATABASES  # noqa: B018 - loads the settings module, raising what it raises
        django.setup()
    except BaseException as e:
        _state.setup_failure = e
        raise
    _state.settings_module = settings_module
    _blocker.block()


def setup_test_environment(settings_module):
    """Django set up with settings_module (if this process is not), and its
    test environment on, once per process: DEBUG off, mail kept in
    django.core.mail.outbox, "testserver" an allowed host."""
    setup(settings_module)
    if not _state.environment:
        from django.test.utils import setup_test_environment as start

        start(debug=False)
        _state.environment = True


def begin_test(settings_module):
    """Before each test: setup_test_environment(settings_module) (nothing to
    do but in a fresh learner process, after a test ended the last one),
    and the mail outbox emptied."""
    setup_test_environment(settings_module)
    from django.core import mail

    del mail.outbox[:]


class _NoMigrations:
    """A MIGRATION_MODULES that says no app has migrations, so the test
    databases get their tables from the models (migrate's run_syncdb), as
    pytest-django's --nomigrations does."""

    def __contains__(self, app_label):
        return True

    def __getitem__(self, app_label):
        return None


def _ensure_databases(migrations, keepdb, verbosity):
    """Create the test databases once per process (in memory for SQLite,
    else test_NAME) and migrate them, or, without migrations, make the
    tables from the models. A failure is raised again on every later call:
    a half-made database is not tried twice."""
    if _state.databases_failure is not None:
        raise _state.databases_failure
    if _state.databases is not None:
        return
    from django.conf import settings
    from django.test.utils import setup_databases

    if not migrations:
        settings.MIGRATION_MODULES = _NoMigrations()
    _blocker.unblock()
    try:
        _state.databases = setup_databases(verbosity=verbosity, interactive=False, keepdb=keepdb)
    except BaseException as e:
        _state.databases_failure = e
        raise
    finally:
        _blocker.restore()


def teardown_databases(verbosity=0):
    """Destroy the test databases this process created, if it did (the
    judge does not ask when they are to be kept)."""
    if _state.databases is None:
        return
    from django.test.utils import teardown_databases as destroy

    created, _state.databases = _state.databases, None
    _blocker.unblock()
    try:
        destroy(created, verbosity=verbosity)
    finally:
        _blocker.restore()


def _test_case_class(transactional, reset_sequences, databases, serialized_rollback):
    """A Django test case class for one test, as pytest-django makes it: a
    TestCase (each test in atomic blocks, rolled back after it), or a
    TransactionTestCase (the tables flushed after it)."""
    import django
    import django.test
    from django.db import transaction

    base = django.test.TransactionTestCase if transactional else django.test.TestCase
    attrs = {
        "reset_sequences": reset_sequences,
        "serialized_rollback": serialized_rollback,
        "runTest": lambda self: None,
    }
    if databases is not None:
        attrs["databases"] = databases
    if not transactional:
        # Django 3.2 and 4.0 refuse durable atomic blocks inside a TestCase
        # unless told; later versions know their own test transactions.
        durability = (3, 2) <= django.VERSION < (4, 1)

        # TestCase's class setup opens a class-wide transaction and runs
        # setUpTestData; pytest-django skips both, and so do we: a test's
        # own atomic blocks are what is rolled back.
        def setUpClass(cls):
            super(django.test.TestCase, cls).setUpClass()
            if durability:
                transaction.Atomic._ensure_durability = False

        def tearDownClass(cls):
            if durability:
                transaction.Atomic._ensure_durability = True
            super(django.test.TestCase, cls).tearDownClass()

        attrs["setUpClass"] = classmethod(setUpClass)
        attrs["tearDownClass"] = classmethod(tearDownClass)
    return type("DrillDatabaseTest", (base,), attrs)


def _end_class(case_class):
    try:
        case_class.tearDownClass()
    finally:
        case_class.doClassCleanups()


def begin_database_test(
    transactional=False,
    reset_sequences=False,
    databases=None,
    serialized_rollback=False,
    migrations=True,
    keepdb=False,
    verbosity=0,
):
    """Open a test's database: the test databases made if this process has
    none yet (migrations, keepdb and verbosity as pytest-django's
    --nomigrations, --reuse-db and -v), access unblocked, and the test
    wrapped as pytest-django wraps it. transactional: flush the tables
    after the test instead of rolling back (the caller sets it for
    reset_sequences too); databases: the aliases the test may use (a list,
    or "__all__"; None is "default" only). Django's errors are raised."""
    if _state.test is not None:
        raise RuntimeError("a database test is open already: end_database_test() was not called")
    _ensure_databases(migrations, keepdb, verbosity)
    case_class = _test_case_class(transactional, reset_sequences, databases, serialized_rollback)
    _blocker.unblock()
    try:
        case_class.setUpClass()
        try:
            case = case_class()
            case._pre_setup()
        except BaseException:
            _end_class(case_class)
            raise
    except BaseException:
        _blocker.restore()
        raise
    _state.test = (case_class, case)


def end_database_test():
    """Close the open database test: roll back (or flush) what it did,
    checking deferred constraints first as Django does, and block database
    access again. Raises what Django raises (a broken foreign key, say),
    after cleaning up. Nothing to do when no database test is open."""
    if _state.test is None:
        return
    case_class, case = _state.test
    _state.test = None
    try:
        case._post_teardown()
    finally:
        try:
            _end_class(case_class)
        finally:
            _blocker.restore()


class SettingsWrapper:
    """django.conf.settings for one test (the `settings` fixture): reading
    reads the settings; each assignment or deletion is an override_settings
    of its own, and finalize() undoes them all, the last first."""

    def __init__(self):
        object.__setattr__(self, "_overrides", [])

    def __getattr__(self, name):
        from django.conf import settings

        return getattr(settings, name)

    def __setattr__(self, name, value):
        from django.test import override_settings

        override = override_settings(**{name: value})
        override.enable()
        self._overrides.append(override)

    def __delattr__(self, name):
        from django.conf import settings
        from django.test import override_settings

        override = override_settings()
        override.enable()
        delattr(settings, name)
        self._overrides.append(override)

    def finalize(self):
        while self._overrides:
            self._overrides.pop().disable()


def client(user=None):
    """A django.test.Client; logged in as user (force_login) if given."""
    from django.test import Client

    made = Client()
    if user is not None:
        made.force_login(user)
    return made


def request_factory():
    """A django.test.RequestFactory."""
    from django.test import RequestFactory

    return RequestFactory()


def user_model():
    """The project's user model class (get_user_model())."""
    from django.contrib.auth import get_user_model

    return get_user_model()


def admin_user():
    """The user called "admin" ("admin@example.com" where the username is
    the e-mail), made a superuser with password "password" if there is
    none, as pytest-django's admin_user. Needs an open database test."""
    model = user_model()
    field = model.USERNAME_FIELD
    username = "admin@example.com" if field == "email" else "admin"
    try:
        # What the authentication backend looks users up by.
        return model._default_manager.get_by_natural_key(username)
    except model.DoesNotExist:
        fields = {field: username, "password": "password"}
        if "email" in model.REQUIRED_FIELDS:
            fields["email"] = "admin@example.com"
        return model._default_manager.create_superuser(**fields)


def capture_queries(connection=None, using=None):
    """A django.test.utils.CaptureQueriesContext of connection, or of the
    connection of alias using, or of the default one: len() of it is the
    number of queries run inside its with-block, captured_queries their
    SQL and time."""
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.test.utils import CaptureQueriesContext

    return CaptureQueriesContext(connection if connection is not None else connections[using or DEFAULT_DB_ALIAS])
