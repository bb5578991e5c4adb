import ast

import pytest

import catalog
import pg
from drillkit import files, learnerside

HOSTILE = "Bobby'); DROP TABLE books; --"
FORMATS = "100%s pure %(year)s {title} \\'"


@pytest.fixture
def judge():
    """The judge's connection, with a fresh, empty books table."""
    conn = pg.connect()
    pg.end_other_sessions(conn)
    conn.execute("DROP TABLE IF EXISTS books")
    pg.run_script(conn, "tests/schema.sql")
    yield conn
    conn.close()


@pytest.fixture
def conn(judge):
    """A psycopg connection made in the learner's process, as the
    functions get it (not in autocommit mode)."""
    made = learnerside.module("psycopg").connect()
    yield made
    made.close()


def stored(judge):
    """Every committed book, as (id, title, author, year), by id."""
    return judge.execute("SELECT id, title, author, year FROM books ORDER BY id").fetchall()


def seed(judge, books):
    """Store books (title, author, year) as the judge, by id order."""
    with judge.cursor() as cur:
        cur.executemany("INSERT INTO books (title, author, year) VALUES (%s, %s, %s)", books)


SHELF = [
    ("The Dispossessed", "Ursula K. Le Guin", 1974),
    ("A Wizard of Earthsea", "Ursula K. Le Guin", 1968),
    ("The Left Hand of Darkness", "Ursula K. Le Guin", 1969),
    ("Ubik", "Philip K. Dick", 1969),
    ("Always Coming Home", "Ursula K. Le Guin", 1985),
    ("The Lathe of Heaven", "Ursula K. Le Guin", 1971),
    ("O'Brien's Guide", "Flann O'Brien", 1939),
    ("At Swim-Two-Birds", "Flann O'Brien", 1939),
]


def as_dict(book_id):
    title, author, year = SHELF[book_id - 1]
    return {"id": book_id, "title": title, "author": author, "year": year}


class TestAddBook:
    def test_a_book_is_stored_committed_and_its_id_returned(self, judge, conn):
        assert catalog.add_book(conn, "Ubik", "Philip K. Dick", 1969) == 1
        assert stored(judge) == [(1, "Ubik", "Philip K. Dick", 1969)]

    def test_each_new_book_gets_the_next_id(self, judge, conn):
        seed(judge, SHELF[:3])
        assert catalog.add_book(conn, "Kindred", "Octavia E. Butler", 1979) == 4
        assert catalog.add_book(conn, "Dawn", "Octavia E. Butler", 1987) == 5
        assert stored(judge)[3:] == [(4, "Kindred", "Octavia E. Butler", 1979), (5, "Dawn", "Octavia E. Butler", 1987)]

    def test_a_quote_in_a_name_is_stored_as_it_is(self, judge, conn):
        book_id = catalog.add_book(conn, "O'Brien's Guide", "Flann O'Brien", 1939)
        assert stored(judge) == [(book_id, "O'Brien's Guide", "Flann O'Brien", 1939)]

    def test_sql_in_a_title_is_stored_as_data(self, judge, conn):
        book_id = catalog.add_book(conn, HOSTILE, "x', 'y', 1); DELETE FROM books; --", 2001)
        assert stored(judge) == [(book_id, HOSTILE, "x', 'y', 1); DELETE FROM books; --", 2001)]

    def test_percent_signs_and_braces_in_a_title_are_stored_as_data(self, judge, conn):
        book_id = catalog.add_book(conn, FORMATS, "{author}", 2020)
        assert stored(judge) == [(book_id, FORMATS, "{author}", 2020)]


class TestAddBooks:
    def test_every_book_is_stored_and_the_count_returned(self, judge, conn):
        books = [{"title": t, "author": a, "year": y} for t, a, y in SHELF[:4]]
        assert catalog.add_books(conn, books) == 4
        assert stored(judge) == [(i + 1, *book) for i, book in enumerate(SHELF[:4])]

    def test_no_books_store_nothing(self, judge, conn):
        assert catalog.add_books(conn, []) == 0
        assert stored(judge) == []

    def test_hostile_values_in_a_batch_are_stored_as_data(self, judge, conn):
        books = [
            {"title": HOSTILE, "author": "Robert", "year": 2007},
            {"title": FORMATS, "author": "%(author)s", "year": 2008},
        ]
        assert catalog.add_books(conn, books) == 2
        assert stored(judge) == [(1, HOSTILE, "Robert", 2007), (2, FORMATS, "%(author)s", 2008)]

    def test_a_bad_book_stores_none_of_the_batch(self, judge, conn):
        books = [
            {"title": "Kindred", "author": "Octavia E. Butler", "year": 1979},
            {"title": "No year", "author": "Nobody", "year": None},
            {"title": "Dawn", "author": "Octavia E. Butler", "year": 1987},
        ]
        with pytest.raises(learnerside.module("psycopg").errors.NotNullViolation):
            catalog.add_books(conn, books)
        assert stored(judge) == []

    @pytest.mark.hidden
    def test_the_connection_works_again_after_a_bad_batch(self, judge, conn):
        """After a statement fails, the connection refuses everything until the transaction is rolled back."""
        with pytest.raises(learnerside.module("psycopg").errors.NotNullViolation):
            catalog.add_books(conn, [{"title": "No year", "author": "Nobody", "year": None}])
        book_id = catalog.add_book(conn, "Kindred", "Octavia E. Butler", 1979)
        assert stored(judge) == [(book_id, "Kindred", "Octavia E. Butler", 1979)]

    @pytest.mark.help("Give the whole list to one cursor.executemany(sql, books) with named placeholders such as %(title)s: psycopg sends it in one batch.")
    def test_the_batch_is_one_executemany(self):
        calls = [
            node.func.attr
            for node in ast.walk(ast.parse(files.text("catalog.py")))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        ]
        assert "executemany" in calls


class TestBooksBy:
    def test_an_authors_books_oldest_first_as_dicts(self, judge, conn):
        seed(judge, SHELF)
        assert catalog.books_by(conn, "Ursula K. Le Guin") == [as_dict(i) for i in (2, 3, 6, 1, 5)]

    def test_books_of_the_same_year_are_by_title(self, judge, conn):
        seed(judge, SHELF)
        assert catalog.books_by(conn, "Flann O'Brien") == [as_dict(8), as_dict(7)]

    def test_an_unknown_author_has_no_books(self, judge, conn):
        seed(judge, SHELF)
        assert catalog.books_by(conn, "Nobody") == []
        assert catalog.books_by(conn, "ursula k. le guin") == []

    def test_an_or_attack_finds_nothing(self, judge, conn):
        seed(judge, SHELF)
        assert catalog.books_by(conn, "' OR '1'='1") == []
        assert catalog.books_by(conn, "x' OR author LIKE '%") == []

    @pytest.mark.hidden
    def test_a_read_leaves_no_transaction_open(self, judge, conn):
        """psycopg opens a transaction before the first statement, SELECT too: end it before returning."""
        seed(judge, SHELF)
        assert catalog.books_by(conn, "Philip K. Dick") == [as_dict(4)]
        assert catalog.books_with_ids(conn, [4]) == [as_dict(4)]
        assert pg.open_transactions(judge) == 0


class TestBooksWithIds:
    def test_the_books_with_these_ids_by_id(self, judge, conn):
        seed(judge, SHELF)
        assert catalog.books_with_ids(conn, [7, 2, 4]) == [as_dict(2), as_dict(4), as_dict(7)]

    def test_ids_of_no_book_are_left_out(self, judge, conn):
        seed(judge, SHELF)
        assert catalog.books_with_ids(conn, [99, 3, -1]) == [as_dict(3)]

    def test_no_ids_give_no_books(self, judge, conn):
        seed(judge, SHELF)
        assert catalog.books_with_ids(conn, []) == []

    @pytest.mark.parametrize("attack", ["0) OR (1=1", "0 OR 1=1", "0) UNION SELECT 1, current_user, '', 0 --"])
    def test_an_id_that_is_really_sql_finds_nothing(self, judge, attack):
        seed(judge, SHELF)
        conn = learnerside.module("psycopg").connect()
        try:
            found = catalog.books_with_ids(conn, [attack])
        except Exception:
            found = []  # refused: as good as nothing found
        finally:
            conn.close()
        assert found == []
        assert len(stored(judge)) == len(SHELF)


@pytest.mark.hidden
def test_the_functions_work_on_other_books(judge, conn):
    """Every function must use the values it is given, as parameters, on any data."""
    seed(judge, [("Solaris", "Stanisław Lem", 1961), ("Eden", "Stanisław Lem", 1959)])
    assert catalog.add_book(conn, "Fiasco", "Stanisław Lem", 1986) == 3
    assert catalog.add_books(conn, [{"title": "Tales", "author": "Lem's Robot", "year": 1964}]) == 1
    assert catalog.books_by(conn, "Stanisław Lem") == [
        {"id": 2, "title": "Eden", "author": "Stanisław Lem", "year": 1959},
        {"id": 1, "title": "Solaris", "author": "Stanisław Lem", "year": 1961},
        {"id": 3, "title": "Fiasco", "author": "Stanisław Lem", "year": 1986},
    ]
    assert catalog.books_with_ids(conn, [4]) == [{"id": 4, "title": "Tales", "author": "Lem's Robot", "year": 1964}]
