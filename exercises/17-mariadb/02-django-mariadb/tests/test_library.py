import os

import MySQLdb
import pytest
from django.apps import apps
from django.db import DataError, IntegrityError, connection, transaction
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.state import ProjectState

from library import queries
from library.models import Book

pytestmark = pytest.mark.django_db

TEST_DATABASE = "test_drill"  # Django's test database for NAME = "drill"


def on_mariadb():
    assert connection.vendor == "mysql", "the project's database is %s, not MariaDB" % connection.vendor


def judge_rows(sql, args=None):
    """Rows the judge reads itself from the test database, as data."""
    on_mariadb()
    conn = MySQLdb.connect(user="drill", database=TEST_DATABASE, unix_socket=os.environ["MYSQL_UNIX_PORT"])
    try:
        cursor = conn.cursor()
        cursor.execute(sql, args)
        return list(cursor.fetchall())
    finally:
        conn.close()


def session(variable):
    """A variable of the learner's own database session (the project's
    connection settings at work)."""
    on_mariadb()
    cursor = connection.cursor()
    try:
        cursor.execute("SELECT @@SESSION." + variable)
        return cursor.fetchone()[0]
    finally:
        cursor.close()


def tag_model():
    assert "tag" in [m.__name__.lower() for m in apps.get_app_config("library").get_models()], "there is no Tag model yet"
    return apps.get_model("library", "Tag")


def shelf():
    """Books with the tags Go, go and Python."""
    Tag = tag_model()
    go, lower_go, python = (Tag.objects.create(name=n) for n in ("Go", "go", "Python"))
    books = {
        "The Go Programming Language": [go],
        "Go: the board game": [lower_go],
        "Fluent Python": [python],
        "Concurrency in Go": [go, python],
        "Let's go outside": [lower_go],
    }
    for number, (title, tags) in enumerate(books.items()):
        book = Book.objects.create(title=title, isbn="97800000000%02d" % number)
        book.tags.set(tags)


class TestSettings:
    def test_the_project_runs_on_mariadb(self):
        on_mariadb()
        assert (connection.mysql_is_mariadb, connection.settings_dict["NAME"]) == (True, TEST_DATABASE)

    def test_connections_speak_utf8mb4(self):
        assert session("character_set_connection") == "utf8mb4"

    @pytest.mark.help("MySQLdb's charset \"utf8\" is MariaDB's utf8mb3: at most three bytes a character, and an emoji takes four. OPTIONS = {\"charset\": \"utf8mb4\"}.")
    def test_a_title_with_an_emoji_is_stored(self):
        book = Book.objects.create(title="Reading list \N{BOOKS}", isbn="9780000000001")
        assert Book.objects.get(pk=book.pk).title == "Reading list \N{BOOKS}"

    def test_connections_are_strict(self):
        modes = session("sql_mode").split(",")
        assert "STRICT_TRANS_TABLES" in modes or "STRICT_ALL_TABLES" in modes, modes

    @pytest.mark.help("SQLite stores a string of any length in a CharField; MariaDB in strict mode refuses one longer than max_length, and without it cuts it short. Keep strict mode in OPTIONS' init_command.")
    def test_a_title_too_long_is_an_error_not_cut_short(self):
        Book.objects.create(title="T" * 200, isbn="9780000000002")
        with pytest.raises(DataError):
            with transaction.atomic():
                Book.objects.create(title="T" * 201, isbn="9780000000003")
        assert list(Book.objects.values_list("isbn", flat=True)) == ["9780000000002"]


class TestMigration:
    def test_both_migrations_made_the_test_database(self):
        rows = judge_rows("SELECT app, name FROM django_migrations WHERE app = 'library' ORDER BY id")
        assert rows == [("library", "0001_initial"), ("library", "0002_tags")]

    def test_the_migration_made_the_tag_tables(self):
        rows = judge_rows(
            "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = %s ORDER BY TABLE_NAME", (TEST_DATABASE,)
        )
        assert [name for (name,) in rows if name.startswith("library_")] == ["library_book", "library_book_tags", "library_tag"]

    def test_the_migrations_match_the_models(self):
        tag_model()
        # What `makemigrations --check` does: compare the migrations with the models.
        loader = MigrationLoader(None, ignore_no_migrations=True)
        detector = MigrationAutodetector(loader.project_state(), ProjectState.from_apps(apps))
        changes = detector.changes(graph=loader.graph)
        missing = [op.describe() for migration in changes.get("library", []) for op in migration.operations]
        assert missing == [], "makemigrations would still write a migration for these changes"


class TestTags:
    def test_tags_that_differ_in_letter_case_are_two_tags(self):
        Tag = tag_model()
        Tag.objects.create(name="Go")
        Tag.objects.create(name="go")
        assert sorted(Tag.objects.values_list("name", flat=True)) == ["Go", "go"]

    def test_a_tag_name_is_unique(self):
        Tag = tag_model()
        Tag.objects.create(name="Go")
        with pytest.raises(IntegrityError):
            with transaction.atomic():
                Tag.objects.create(name="Go")

    @pytest.mark.help("MariaDB's default collation makes = ignore letter case (SQLite's does not): give the tag's name a binary collation, db_collation=\"utf8mb4_bin\", in the model and the migration.")
    def test_books_with_a_tag_in_its_exact_letters(self):
        shelf()
        assert queries.books_tagged("Go") == ["Concurrency in Go", "The Go Programming Language"]
        assert queries.books_tagged("go") == ["Go: the board game", "Let's go outside"]

    def test_a_tag_in_other_letters_or_unknown_finds_nothing(self):
        shelf()
        assert queries.books_tagged("GO") == []
        assert queries.books_tagged("Rust") == []
        assert queries.books_tagged("Python") == ["Concurrency in Go", "Fluent Python"]
