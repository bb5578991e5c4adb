"""pytest-django's fixtures, mark and options, for the judge, backed by the
learner process.

pytest-django cannot run in the judge: it imports Django, and Django loads
the learner's project. This plugin gives tests the same names and meaning
and does the Django side through learnerkit.django in the learner process.
What the bank uses: the django_db mark (with databases=), the client,
settings, django_assert_num_queries and django_assert_max_num_queries
fixtures, and DJANGO_SETTINGS_MODULE and --nomigrations in pytest.ini; and
beside them db, transactional_db, django_db_reset_sequences,
django_db_serialized_rollback, django_db_setup, rf, django_user_model,
django_username_field, admin_user and admin_client.

Verdicts stay the judge's: a query count is compared here, from the number
the learner process reports, and the failure message is made here.

The settings module comes from --ds, else the DJANGO_SETTINGS_MODULE
environment variable, else DJANGO_SETTINGS_MODULE in the ini file, as in
pytest-django. Django is set up in the learner process at pytest_configure
(the test files import the learner's models when collected); without a
settings module the plugin does nothing until a test asks for Django.
"""

import contextlib
import functools
import os

import pytest

SETTINGS_ENV = "DJANGO_SETTINGS_MODULE"
NO_SETTINGS = (
    "this test uses Django, but no settings module is named: "
    "set DJANGO_SETTINGS_MODULE in the tests' pytest.ini"
)
DJANGO_DB_MARK = (
    "django_db(transaction=False, reset_sequences=False, databases=None, serialized_rollback=False): "
    "the test uses the Django test database, rolled back after it; transaction=True flushes the "
    "tables instead (real transactions), reset_sequences=True also resets the id sequences, "
    "databases names the aliases the test may use (default: 'default' only; '__all__' for all), "
    "serialized_rollback=True restores the data the migrations made."
)

_settings_key = pytest.StashKey()  # the settings module of this run, or None


def learner_django():
    """learnerkit.django in the learner process (a proxy of the module)."""
    import remote

    return remote.inside("learnerkit.django")


def pytest_addoption(parser):
    group = parser.getgroup("django")
    group.addoption(
        "--reuse-db", action="store_true", dest="reuse_db", default=False,
        help="Re-use the test databases if they exist, and keep them after the run.",
    )
    group.addoption(
        "--create-db", action="store_true", dest="create_db", default=False,
        help="Re-create the test databases even with --reuse-db.",
    )
    group.addoption("--ds", action="store", dest="ds", default=None, help="Set DJANGO_SETTINGS_MODULE.")
    group.addoption(
        "--nomigrations", "--no-migrations", action="store_true", dest="nomigrations", default=False,
        help="Make the test databases' tables from the models, without running migrations.",
    )
    group.addoption(
        "--migrations", action="store_false", dest="nomigrations", default=False,
        help="Run the migrations to make the test databases (the default).",
    )
    parser.addini(SETTINGS_ENV, "Django settings module of the learner's project.")


def settings_module(config):
    """The dotted name of the run's settings module, or None."""
    return config.getoption("ds") or os.environ.get(SETTINGS_ENV) or config.getini(SETTINGS_ENV) or None


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    config.addinivalue_line("markers", DJANGO_DB_MARK)
    module = settings_module(config)
    config.stash[_settings_key] = module
    if module:
        learner_django().setup(module)


def django_db_args(marker):
    """(transaction, reset_sequences, databases, serialized_rollback) of a
    django_db mark; TypeError for arguments it does not take."""

    def arguments(transaction=False, reset_sequences=False, databases=None, serialized_rollback=False):
        return transaction, reset_sequences, databases, serialized_rollback

    return arguments(*marker.args, **marker.kwargs)


def run_order(item):
    """pytest-django's order: tests rolled back first, then transactional
    ones (which empty the tables), then those without the database."""
    marker = item.get_closest_marker("django_db")
    names = getattr(item, "fixturenames", ())
    transactional = uses_db = False
    if marker is not None:
        transaction, reset_sequences, _, _ = django_db_args(marker)
        uses_db = True
        transactional = transaction or reset_sequences
    if transactional or "transactional_db" in names:
        return 1
    if uses_db or "db" in names:
        return 0
    return 2


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    if config.stash.get(_settings_key, None):
        items.sort(key=run_order)


@pytest.fixture(autouse=True, scope="session")
def django_test_environment(request):
    """Django's test environment on in the learner process before the first
    test's fixtures, whatever their scope."""
    module = request.config.stash[_settings_key]
    if module:
        learner_django().setup_test_environment(module)


@pytest.fixture(autouse=True)
def _django_test(request, django_test_environment):
    """Each test begins with Django ready in the learner process (set up
    again there if an earlier test ended that process) and an empty mail
    outbox."""
    module = request.config.stash[_settings_key]
    if module:
        learner_django().begin_test(module)


@pytest.fixture()
def _django(request, _django_test):
    """learnerkit.django, for a fixture that needs Django."""
    if not request.config.stash[_settings_key]:
        pytest.fail(NO_SETTINGS, pytrace=False)
    return learner_django()


@pytest.fixture(scope="session")
def django_db_setup(request):
    """How the test databases are made (migrations, keepdb, verbosity, as
    --nomigrations, --reuse-db, --create-db and -v say). The learner process
    makes them at its first database test; they are destroyed at the end
    of the run unless kept."""
    config = request.config
    options = {
        "migrations": not config.getvalue("nomigrations"),
        "keepdb": config.getvalue("reuse_db") and not config.getvalue("create_db"),
        "verbosity": config.option.verbose,
    }
    yield options
    if not options["keepdb"] and config.stash[_settings_key]:
        try:
            learner_django().teardown_databases(verbosity=options["verbosity"])
        except Exception as exc:  # noqa: BLE001 - as pytest-django: a warning, not a test's failure
            request.node.warn(pytest.PytestWarning("Error when trying to teardown test databases: %r" % exc))


@pytest.fixture()
def _django_db_helper(request, django_db_setup, _django):
    marker = request.node.get_closest_marker("django_db")
    if marker is not None:
        transaction, reset_sequences, databases, serialized_rollback = django_db_args(marker)
    else:
        transaction, reset_sequences, databases, serialized_rollback = False, False, None, False
    names = request.fixturenames
    reset_sequences = reset_sequences or "django_db_reset_sequences" in names
    _django.begin_database_test(
        transactional=transaction or reset_sequences or "transactional_db" in names,
        reset_sequences=reset_sequences,
        databases=databases,
        serialized_rollback=serialized_rollback or "django_db_serialized_rollback" in names,
        **django_db_setup,
    )
    yield
    _django.end_database_test()


@pytest.fixture(autouse=True)
def _django_db_marker(request):
    """The django_db mark asks for the database."""
    if request.node.get_closest_marker("django_db") is not None:
        request.getfixturevalue("_django_db_helper")


@pytest.fixture()
def db(_django_db_helper):
    """The Django test database; what the test did is rolled back after it."""


@pytest.fixture()
def transactional_db(_django_db_helper):
    """The Django test database with real transactions; the tables are
    flushed after the test. Wins over db."""


@pytest.fixture()
def django_db_reset_sequences(_django_db_helper, transactional_db):
    """transactional_db, with the id sequences reset before the test."""


@pytest.fixture()
def django_db_serialized_rollback(_django_db_helper, db):
    """The database's contents after migrating, restored after the test."""


@pytest.fixture()
def settings(_django):
    """django.conf.settings; what the test assigns or deletes is undone
    after it."""
    wrapper = _django.SettingsWrapper()
    yield wrapper
    wrapper.finalize()


@pytest.fixture()
def client(_django):
    """A django.test.Client."""
    return _django.client()


@pytest.fixture()
def rf(_django):
    """A django.test.RequestFactory."""
    return _django.request_factory()


@pytest.fixture()
def django_user_model(db, _django):
    """The project's user model class."""
    return _django.user_model()


@pytest.fixture()
def django_username_field(django_user_model):
    """The name of the user model's username field."""
    return django_user_model.USERNAME_FIELD


@pytest.fixture()
def admin_user(db, _django):
    """A superuser "admin" with password "password"."""
    return _django.admin_user()


@pytest.fixture()
def admin_client(admin_user, _django):
    """A django.test.Client logged in as admin_user."""
    return _django.client(admin_user)


@contextlib.contextmanager
def assert_num_queries(config, kit, num, exact=True, connection=None, info=None, *, using=None):
    """Fail the test, with pytest-django's message, unless the with-block ran
    num queries (exact) or at most num, on connection, on the connection of
    alias using, or on the default one. Gives the capture (len() and
    captured_queries, from the learner process)."""
    if connection is not None and using is not None:
        raise ValueError('The "connection" and "using" parameter cannot be used together')
    context = kit.capture_queries(connection=connection, using=using)
    with context:
        yield context
        performed = len(context)
        if (performed == num) if exact else (performed <= num):
            return
        message = "Expected to perform %d queries %sbut %s done" % (
            num, "" if exact else "or less ", "1 was" if performed == 1 else "%d were" % performed,
        )
        if info:
            message += "\n%s" % (info,)
        if config.getoption("verbose") > 0:
            sqls = [str(query["sql"]) for query in context.captured_queries]
            message += "\n\nQueries:\n========\n\n" + "\n\n".join(sqls)
        else:
            message += " (add -v option to show queries)"
        pytest.fail(message)


@pytest.fixture()
def django_assert_num_queries(pytestconfig, _django):
    """assert_num_queries(num, connection=None, info=None, using=None): the
    with-block must run exactly num queries."""
    return functools.partial(assert_num_queries, pytestconfig, _django)


@pytest.fixture()
def django_assert_max_num_queries(pytestconfig, _django):
    """As django_assert_num_queries, for at most num queries."""
    return functools.partial(assert_num_queries, pytestconfig, _django, exact=False)
