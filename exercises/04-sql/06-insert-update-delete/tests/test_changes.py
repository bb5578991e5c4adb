import pytest

from drillkit import sql


def after(seed="tests/seed.sql"):
    """The database after the learner's script has run on the seed."""
    db = sql.database(seed)
    sql.script(db, "changes.sql")
    return db


def products(db):
    return db.execute("SELECT id, name, category, price, stock FROM products ORDER BY id").fetchall()


def product(db, name):
    rows = db.execute(
        "SELECT name, category, price, stock FROM products WHERE name = ?", (name,)
    ).fetchall()
    return rows[0] if len(rows) == 1 else (rows or None)


def test_the_desk_lamp_is_added():
    assert product(after(), "Desk lamp") == ("Desk lamp", "home", 24.5, 10)


def test_the_desk_lamp_gets_an_id_from_the_database():
    db = after()
    ids = [row[0] for row in db.execute("SELECT id FROM products WHERE name = 'Desk lamp'")]
    assert ids == [11]


def test_books_cost_ten_percent_more_rounded_to_cents():
    db = after()
    assert product(db, "Dune") == ("Dune", "book", 10.45, 3)
    assert product(db, "Ubik") == ("Ubik", "book", 7.92, 0)


def test_a_book_without_a_price_stays_without_one():
    assert product(after(), "Foundation") == ("Foundation", "book", None, 5)


def test_products_that_are_not_books_keep_their_price():
    db = after()
    assert product(db, "Pencil") == ("Pencil", "stationery", 1.2, 40)
    assert product(db, "Eraser") == ("Eraser", "stationery", 0.8, 0)


def test_products_without_a_category_go_to_misc():
    assert product(after(), "Poster") == ("Poster", "misc", 5.0, 2)


def test_out_of_stock_products_never_ordered_are_deleted():
    db = after()
    gone = [name for name in ("Hyperion", "Notebook", "Stool") if product(db, name) is not None]
    assert gone == []


def test_out_of_stock_products_that_were_ordered_stay():
    db = after()
    assert product(db, "Neuromancer") == ("Neuromancer", "book", 8.8, 0)
    assert product(db, "Eraser") == ("Eraser", "stationery", 0.8, 0)


def test_order_lines_are_untouched():
    db = after()
    assert db.execute("SELECT COUNT(*) FROM order_items").fetchone() == (4,)


def test_the_whole_products_table_afterwards():
    expected = [
        (1, "Dune", "book", 10.45, 3),
        (2, "Neuromancer", "book", 8.8, 0),
        (3, "Foundation", "book", None, 5),
        (6, "Pencil", "stationery", 1.2, 40),
        (8, "Poster", "misc", 5.0, 2),
        (9, "Ubik", "book", 7.92, 0),
        (10, "Eraser", "stationery", 0.8, 0),
        (11, "Desk lamp", "home", 24.5, 10),
    ]
    assert products(after()) == expected


@pytest.mark.hidden
def test_the_script_works_for_another_shop():
    """The script must work on any shop's data: choose rows with WHERE conditions, and let the database pick the new id."""
    expected = [
        (11, "Emma", "book", 22.0, 0),
        (14, "Mug", "home", 6.0, 0),
        (15, "Beloved", "book", 4.4, 7),
        (16, "Tote bag", "misc", None, 9),
        (30, "Lamp shade", "home", 12.0, 1),
        (31, "Desk lamp", "home", 24.5, 10),
    ]
    assert products(after("tests/seed_other.sql")) == expected
