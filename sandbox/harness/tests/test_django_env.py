"""judgekit.django_fixtures and learnerkit.django, on the host, on the tiny
project in testdata/djproject.

Each case runs pytest in a process of its own (Django is set up once per
process) with the plugin, and with learner_django() replaced by the real
learnerkit.django module in that process: the proxy layer's stand-in, so
that what is tested is the semantics pytest-django gives. A conftest
written beside the inner tests records each test's outcome and message.
"""

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
HARNESS = os.path.dirname(HERE)
PROJECT = os.path.join(HERE, "testdata", "djproject")

BLOCKED = (
    'RuntimeError: Database access not allowed, use the "django_db" mark, '
    'or the "db" or "transactional_db" fixtures to enable it.'
)

RECORDER = '''
import json
import os

import judgekit.django_fixtures
import learnerkit.django

judgekit.django_fixtures.learner_django = {learner}

_results = {{}}
_order = []


def _record(name, outcome, report):
    entry = _results.setdefault(name, {{"outcome": "passed", "message": "", "crash": ""}})
    if outcome != "passed":
        entry["outcome"] = outcome
        entry["message"] += report.longreprtext
        crash = getattr(report.longrepr, "reprcrash", None)
        entry["crash"] = crash.message if crash is not None else ""


def pytest_runtest_logstart(nodeid, location):
    _order.append(nodeid.split("::", 1)[1])


def pytest_runtest_logreport(report):
    name = report.nodeid.split("::", 1)[1]
    if report.failed:
        _record(name, "failed" if report.when == "call" else "error", report)
    else:
        _record(name, "passed", report)


def pytest_collectreport(report):
    if report.failed:
        _record(report.nodeid, "error", report)


def pytest_sessionfinish(session):
    with open(os.environ["DRILL_TEST_RESULTS"], "w") as f:
        json.dump({{"results": _results, "order": _order}}, f)
'''

# The stand-in for the proxy layer: learnerkit.django itself, here.
IN_PROCESS = "lambda: learnerkit.django"


def run_inner(tmp_path, tests, settings="project.settings", addopts="", args=(), learner=IN_PROCESS):
    """Run pytest with the plugin on tests ({file name: source}) against a
    copy of the project; returns (results by test name, run order, the
    completed process)."""
    work = tmp_path / "work"
    shutil.copytree(PROJECT, work)
    (work / "tests").mkdir()
    ini = "[pytest]\n"
    if settings:
        ini += "DJANGO_SETTINGS_MODULE = %s\n" % settings
    if addopts:
        ini += "addopts = %s\n" % addopts
    (work / "tests" / "pytest.ini").write_text(ini)
    (work / "tests" / "conftest.py").write_text(RECORDER.format(learner=learner))
    for name, source in tests.items():
        (work / "tests" / name).write_text(textwrap.dedent(source))
    results = tmp_path / "results.json"
    env = dict(os.environ)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(
        PYTHONPATH=os.pathsep.join([HARNESS, str(work)]),
        PYTHONDONTWRITEBYTECODE="1",
        PYTEST_DISABLE_PLUGIN_AUTOLOAD="1",
        DRILL_TEST_RESULTS=str(results),
    )
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "judgekit.django_fixtures", "-p", "no:cacheprovider", *args, "tests"],
        cwd=work, env=env, capture_output=True, text=True, timeout=300,
    )
    if not results.exists():
        pytest.fail("the inner run wrote no results:\n" + done.stdout + done.stderr)
    doc = json.loads(results.read_text())
    return doc["results"], doc["order"], done


MAIN = {
    "test_main.py": '''
    import json

    import pytest
    from django.conf import settings as django_settings
    from django.core import mail
    from django.db import connection, transaction

    from shop.models import Product


    # The first test to run: its module fixture is set up before any
    # function-scoped one.
    @pytest.fixture(scope="module")
    def allowed_hosts_at_module_setup():
        return list(django_settings.ALLOWED_HOSTS)


    @pytest.mark.django_db
    def test_the_test_environment_is_on_before_module_fixtures(allowed_hosts_at_module_setup):
        assert "testserver" in allowed_hosts_at_module_setup


    @pytest.mark.django_db
    def test_a_write():
        Product.objects.create(name="lamp")
        assert sorted(Product.objects.values_list("name", flat=True)) == ["lamp", "seeded"]


    @pytest.mark.django_db
    def test_b_the_write_was_rolled_back():
        assert list(Product.objects.values_list("name", flat=True)) == ["seeded"]


    @pytest.mark.django_db
    def test_a_test_runs_in_an_atomic_block():
        assert connection.in_atomic_block


    @pytest.mark.django_db
    def test_a_durable_atomic_block_works():
        with transaction.atomic(durable=True):
            Product.objects.create(name="durable")


    def test_database_access_without_the_mark():
        Product.objects.count()


    def test_the_db_fixture(db):
        assert Product.objects.count() == 1


    @pytest.mark.django_db(transaction=True)
    def test_transactional_a():
        assert not connection.in_atomic_block
        Product.objects.create(name="committed")


    @pytest.mark.django_db(transaction=True)
    def test_transactional_b_the_tables_were_flushed():
        assert not Product.objects.filter(name="committed").exists()


    @pytest.mark.django_db(reset_sequences=True)
    def test_transactional_c_the_sequences_were_reset():
        assert Product.objects.create(name="first").pk == 1


    @pytest.mark.django_db(transaction=True, serialized_rollback=True)
    def test_transactional_d_what_the_migrations_made_is_back():
        assert list(Product.objects.values_list("name", flat=True)) == ["seeded"]


    @pytest.mark.django_db(databases=["default", "other"])
    def test_a_database_named_in_the_mark():
        assert Product.objects.using("other").count() == 1


    @pytest.mark.django_db
    def test_a_database_not_named_in_the_mark():
        Product.objects.using("other").count()


    def test_settings_changed(settings):
        settings.GREETING = "changed"
        del settings.FAREWELL
        assert (settings.GREETING, django_settings.GREETING) == ("changed", "changed")
        assert not hasattr(django_settings, "FAREWELL")


    def test_settings_restored():
        assert (django_settings.GREETING, django_settings.FAREWELL) == ("hello", "bye")


    def test_the_client_sees_the_settings(client, settings):
        settings.GREETING = "hi"
        assert client.get("/greeting/").content == b"hi"


    @pytest.mark.django_db
    def test_the_client_reads_the_database(client):
        Product.objects.create(name="desk")
        response = client.get("/products/")
        assert response.status_code == 200
        assert json.loads(response.content) == {"names": ["desk", "seeded"]}


    def test_the_admin_client(admin_client, admin_user):
        assert admin_user.is_superuser and admin_user.check_password("password")
        assert admin_client.get("/whoami/").content == b"admin"


    def test_the_request_factory(rf):
        assert rf.get("/somewhere/").path == "/somewhere/"


    def test_the_user_model(django_user_model, django_username_field):
        assert (django_user_model.__name__, django_username_field) == ("User", "username")


    @pytest.mark.django_db
    def test_num_queries_as_expected(django_assert_num_queries):
        with django_assert_num_queries(1) as captured:
            Product.objects.count()
        assert captured.captured_queries[0]["sql"].startswith("SELECT")


    @pytest.mark.django_db
    def test_num_queries_too_many(django_assert_num_queries):
        with django_assert_num_queries(1):
            Product.objects.count()
            Product.objects.count()


    @pytest.mark.django_db
    def test_num_queries_one_too_many_with_info(django_assert_num_queries):
        with django_assert_num_queries(0, info="none expected"):
            Product.objects.count()


    @pytest.mark.django_db
    def test_max_num_queries(django_assert_max_num_queries):
        with django_assert_max_num_queries(2):
            Product.objects.count()
        with django_assert_max_num_queries(1):
            Product.objects.count()
            Product.objects.count()


    @pytest.mark.django_db(databases=["default", "other"])
    def test_num_queries_of_another_database(django_assert_num_queries):
        with django_assert_num_queries(1, using="other"):
            Product.objects.using("other").count()
            Product.objects.count()


    def test_num_queries_connection_and_using(django_assert_num_queries):
        with django_assert_num_queries(1, connection=connection, using="other"):
            pass


    def test_mail_a_sent():
        mail.send_mail("subject", "body", "a@example.com", ["b@example.com"])
        assert len(mail.outbox) == 1


    def test_mail_b_the_outbox_is_emptied():
        assert mail.outbox == []


    def test_debug_is_off():
        assert django_settings.DEBUG is False
    ''',
    "test_import_queries.py": '''
    from shop.models import Product

    COUNT = Product.objects.count()


    def test_never_runs():
        pass
    ''',
}


@pytest.fixture(scope="module")
def main_run(tmp_path_factory):
    # A test file that cannot be imported would stop pytest before any test.
    return run_inner(tmp_path_factory.mktemp("main"), MAIN, args=("--continue-on-collection-errors",))


def outcome(results, name):
    return results[name]["outcome"], results[name]["message"]


@pytest.mark.parametrize(
    "name",
    [
        "test_a_write",
        "test_b_the_write_was_rolled_back",
        "test_a_test_runs_in_an_atomic_block",
        "test_a_durable_atomic_block_works",
        "test_the_db_fixture",
        "test_transactional_a",
        "test_transactional_b_the_tables_were_flushed",
        "test_transactional_c_the_sequences_were_reset",
        "test_transactional_d_what_the_migrations_made_is_back",
        "test_a_database_named_in_the_mark",
        "test_settings_changed",
        "test_settings_restored",
        "test_the_client_sees_the_settings",
        "test_the_client_reads_the_database",
        "test_the_admin_client",
        "test_the_request_factory",
        "test_the_user_model",
        "test_num_queries_as_expected",
        "test_num_queries_of_another_database",
        "test_mail_a_sent",
        "test_mail_b_the_outbox_is_emptied",
        "test_debug_is_off",
        "test_the_test_environment_is_on_before_module_fixtures",
    ],
)
def test_what_pytest_django_passes_passes(main_run, name):
    status, message = outcome(main_run[0], name)
    assert status == "passed", message


def test_database_access_without_the_mark_says_how_to_get_it(main_run):
    status, message = outcome(main_run[0], "test_database_access_without_the_mark")
    assert status == "failed"
    assert BLOCKED in message


def test_a_query_at_import_is_blocked(main_run):
    status, message = outcome(main_run[0], "test_import_queries.py")
    assert status == "error"
    assert BLOCKED in message


def test_a_database_not_named_in_the_mark_is_refused(main_run):
    status, message = outcome(main_run[0], "test_a_database_not_named_in_the_mark")
    assert status == "failed"
    assert "Database queries to 'other' are not allowed in this test" in message


@pytest.mark.parametrize(
    "name, expected",
    [
        ("test_num_queries_too_many", "Failed: Expected to perform 1 queries but 2 were done (add -v option to show queries)"),
        ("test_num_queries_one_too_many_with_info", "Failed: Expected to perform 0 queries but 1 was done\nnone expected (add -v option to show queries)"),
        ("test_max_num_queries", "Failed: Expected to perform 1 queries or less but 2 were done (add -v option to show queries)"),
        ("test_num_queries_connection_and_using", 'ValueError: The "connection" and "using" parameter cannot be used together'),
    ],
)
def test_query_counts_fail_with_pytest_djangos_messages(main_run, name, expected):
    assert main_run[0][name]["outcome"] == "failed"
    assert main_run[0][name]["crash"] == expected


def test_database_tests_run_first_then_transactional_then_the_rest(main_run):
    order = main_run[1]
    first_transactional = order.index("test_transactional_a")
    assert order[first_transactional + 1] == "test_transactional_b_the_tables_were_flushed"
    assert all(name not in order[first_transactional:] for name in ("test_a_write", "test_the_db_fixture", "test_max_num_queries"))
    assert all(name not in order[:first_transactional] for name in ("test_settings_changed", "test_debug_is_off"))
    # Stable within a group: file order.
    assert order.index("test_a_write") < order.index("test_b_the_write_was_rolled_back")
    assert order.index("test_mail_a_sent") < order.index("test_mail_b_the_outbox_is_emptied")


NO_MIGRATIONS = {
    "test_nomigrations.py": '''
    import pytest

    from shop.models import Product


    @pytest.mark.django_db
    def test_the_tables_come_from_the_models():
        assert Product.objects.count() == 0


    @pytest.mark.django_db
    def test_verbose_lists_the_queries(django_assert_num_queries):
        with django_assert_num_queries(0):
            Product.objects.filter(name="x").count()
    ''',
}


def test_nomigrations_makes_the_tables_from_the_models_and_v_lists_queries(tmp_path):
    results, _, _ = run_inner(tmp_path, NO_MIGRATIONS, addopts="--nomigrations", args=("-v",))
    assert outcome(results, "test_the_tables_come_from_the_models")[0] == "passed", results
    failure = results["test_verbose_lists_the_queries"]
    assert failure["outcome"] == "failed"
    assert failure["crash"].startswith("Failed: Expected to perform 0 queries but 1 was done\n\nQueries:\n========\n\nSELECT COUNT(*)")
    assert "add -v option" not in failure["crash"]


BAD_MIGRATION = {
    "test_bad_migration.py": '''
    import pytest


    @pytest.mark.django_db
    def test_one():
        pass


    @pytest.mark.django_db
    def test_two():
        pass


    def test_without_the_database():
        pass
    ''',
}


def test_a_failing_migration_is_every_database_tests_error_in_the_learners_words(tmp_path):
    results, _, _ = run_inner(tmp_path, BAD_MIGRATION, settings="project.bad_migration_settings")
    for name in ("test_one", "test_two"):
        status, message = outcome(results, name)
        assert status == "error"
        assert "ValueError: the data migration cannot fill the table" in message
        assert "bad_migrations/0001_initial.py" in message
    assert outcome(results, "test_without_the_database")[0] == "passed"


WITHOUT_SETTINGS = {
    "test_plain.py": '''
    import pytest


    def test_plain():
        pass


    def test_the_client(client):
        pass


    @pytest.mark.django_db
    def test_the_database():
        pass
    ''',
}


def test_without_a_settings_module_nothing_reaches_the_learner_until_a_test_asks(tmp_path):
    learner = "lambda: (_ for _ in ()).throw(AssertionError('the learner process was asked'))"
    results, _, _ = run_inner(tmp_path, WITHOUT_SETTINGS, settings=None, learner=learner)
    assert outcome(results, "test_plain")[0] == "passed"
    for name in ("test_the_client", "test_the_database"):
        status, message = outcome(results, name)
        assert status == "error"
        assert "no settings module is named: set DJANGO_SETTINGS_MODULE" in message
        assert "the learner process was asked" not in message


def run_learnerkit(tmp_path, script):
    """Run a Python script with learnerkit importable, in a copy of the
    project; returns its standard output, as JSON."""
    work = tmp_path / "work"
    shutil.copytree(PROJECT, work)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([HARNESS, str(work)]), PYTHONDONTWRITEBYTECODE="1")
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)], cwd=work, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_setup_raises_the_learners_error_as_it_is_and_again_on_a_second_call(tmp_path):
    got = run_learnerkit(tmp_path, '''
        import json
        import traceback

        from learnerkit import django as kit

        seen = []
        for _ in range(2):
            try:
                kit.setup("project.broken_settings")
            except Exception as e:
                frames = [f.filename for f in traceback.extract_tb(e.__traceback__)]
                seen.append([type(e).__name__, str(e), any(f.endswith("brokenapp/models.py") for f in frames)])
        print(json.dumps(seen))
    ''')
    assert got == [["NameError", "name 'undefined_length' is not defined", True]] * 2


def test_setup_is_once_per_process(tmp_path):
    got = run_learnerkit(tmp_path, '''
        import json

        from learnerkit import django as kit

        kit.setup("project.settings")
        kit.setup("project.settings")
        try:
            kit.setup("project.bad_migration_settings")
        except ValueError as e:
            print(json.dumps(str(e)))
    ''')
    assert got == "Django is set up with project.settings in this process, not project.bad_migration_settings"


def test_end_database_test_rolls_back_even_when_a_deferred_constraint_fails(tmp_path):
    # Django checks deferred constraints before rolling back; the failure is
    # raised, and the next test still starts clean.
    got = run_learnerkit(tmp_path, '''
        import json

        from learnerkit import django as kit

        kit.begin_test("project.settings")
        kit.begin_database_test()
        from django.db import connection
        from shop.models import Product
        from django.contrib.auth.models import User

        user = User.objects.create(username="u")
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO auth_user_groups (user_id, group_id) VALUES (%s, 999)", [user.pk])
        try:
            kit.end_database_test()
            raised = None
        except Exception as e:
            raised = type(e).__name__
        kit.begin_test("project.settings")
        kit.begin_database_test()
        left = [User.objects.count(), Product.objects.count()]
        kit.end_database_test()
        try:
            Product.objects.count()
            blocked = False
        except RuntimeError:
            blocked = True
        print(json.dumps([raised, left, blocked]))
    ''')
    assert got == ["IntegrityError", [0, 1], True]
