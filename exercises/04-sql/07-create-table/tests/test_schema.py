import pytest

from drillkit import learnerside, sql


def integrity_error():
    """sqlite3.IntegrityError as the learner's process has it, where the database is."""
    return learnerside.module("sqlite3").IntegrityError


def fresh():
    """An empty database (foreign keys on) with the learner's tables."""
    db = sql.database()
    sql.script(db, "schema.sql")
    return db


def seeded(seed="tests/seed.sql"):
    """The learner's tables with a library's good rows in them."""
    db = fresh()
    with open(seed, encoding="utf-8") as f:
        rows = f.read()
    try:
        db.executescript(rows)
    except learnerside.module("sqlite3").Error as e:
        raise AssertionError("rows that should fit were refused: %s" % e) from None
    return db


def columns(db, table):
    return [row[1] for row in db.execute("PRAGMA table_info(%s)" % table)]


def add_author(db, name="Test Author", email="test@example.org"):
    return db.execute("INSERT INTO authors (name, email) VALUES (?, ?)", (name, email)).lastrowid


def add_book(db, title="Test", author_id=1, isbn=None, pages=100, price=5.0):
    return db.execute(
        "INSERT INTO books (title, author_id, isbn, pages, price) VALUES (?, ?, ?, ?, ?)",
        (title, author_id, isbn, pages, price),
    ).lastrowid


def test_authors_has_the_columns_id_name_and_email():
    assert columns(fresh(), "authors") == ["id", "name", "email"]


def test_books_has_the_columns_id_title_author_id_isbn_pages_and_price():
    assert columns(fresh(), "books") == ["id", "title", "author_id", "isbn", "pages", "price"]


def test_good_rows_fit():
    db = seeded()
    assert db.execute("SELECT COUNT(*) FROM authors").fetchone() == (3,)
    assert db.execute("SELECT COUNT(*) FROM books").fetchone() == (5,)


def test_ids_are_given_by_the_database():
    db = seeded()
    assert add_author(db, "Mary Shelley", "mary@example.org") == 4
    assert add_book(db, "Frankenstein", author_id=4) == 6


def test_an_author_needs_a_name():
    db = seeded()
    with pytest.raises(integrity_error()):
        db.execute("INSERT INTO authors (email) VALUES ('nobody@example.org')")


def test_an_author_needs_an_email():
    db = seeded()
    with pytest.raises(integrity_error()):
        db.execute("INSERT INTO authors (name) VALUES ('Anonymous')")


def test_two_authors_cannot_share_an_email():
    db = seeded()
    add_author(db, "Ursula", "ursula.2@example.org")
    with pytest.raises(integrity_error()):
        add_author(db, "Someone else", "ursula@example.org")


def test_a_book_needs_a_title():
    db = seeded()
    with pytest.raises(integrity_error()):
        add_book(db, title=None)


def test_a_book_needs_an_author():
    db = seeded()
    with pytest.raises(integrity_error()):
        add_book(db, author_id=None)


@pytest.mark.hidden
def test_a_book_cannot_point_to_an_author_who_does_not_exist():
    """author_id must refer to an existing author: make the database check it for you."""
    db = seeded()
    add_book(db, author_id=3)
    with pytest.raises(integrity_error()):
        add_book(db, author_id=99)


def test_an_author_who_has_books_cannot_be_deleted():
    db = seeded()
    db.execute("DELETE FROM authors WHERE id = 3")
    with pytest.raises(integrity_error()):
        db.execute("DELETE FROM authors WHERE id = 1")


def test_many_books_may_have_no_isbn_but_no_two_the_same():
    db = seeded()
    add_book(db, "No ISBN one", isbn=None)
    add_book(db, "No ISBN two", isbn=None)
    with pytest.raises(integrity_error()):
        add_book(db, "Copy", isbn="978-0807083697")


def test_pages_may_be_unknown_but_never_zero_or_less():
    db = seeded()
    add_book(db, "Unknown length", pages=None)
    add_book(db, "One page", pages=1)
    with pytest.raises(integrity_error()):
        add_book(db, "Empty", pages=0)
    with pytest.raises(integrity_error()):
        add_book(db, "Negative", pages=-5)


def test_a_price_is_required_and_may_be_zero_but_not_negative():
    db = seeded()
    add_book(db, "Free", price=0)
    with pytest.raises(integrity_error()):
        add_book(db, "Minus", price=-0.01)
    with pytest.raises(integrity_error()):
        add_book(db, "No price", price=None)


@pytest.mark.hidden
def test_another_librarys_data_fits():
    """Rows without an ISBN or page count, free books and authors who share a name must all fit."""
    db = seeded("tests/seed_other.sql")
    assert db.execute("SELECT COUNT(*) FROM authors").fetchone() == (3,)
    assert db.execute("SELECT COUNT(*) FROM books").fetchone() == (4,)
