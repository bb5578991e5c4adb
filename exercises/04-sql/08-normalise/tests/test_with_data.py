import pytest

from drillkit import learnerside
from normal import count, loaded, rebuild, reference, sheet


def integrity_error():
    """sqlite3.IntegrityError as the learner's process has it, where the database is."""
    return learnerside.module("sqlite3").IntegrityError


def test_each_customer_is_stored_once():
    db = loaded()
    emails = [row[0] for row in db.execute("SELECT email FROM customers ORDER BY email")]
    assert emails == ["ana@example.com", "ben@example.com", "sam.lee@example.com", "sam@example.org"]


def test_each_product_is_stored_once():
    db = loaded()
    skus = [row[0] for row in db.execute("SELECT sku FROM products ORDER BY sku")]
    assert skus == ["KETTLE", "MUG-BLU", "MUG-RED", "TEA-50"]


def test_each_order_is_stored_once():
    db = loaded()
    orders = db.execute("SELECT id, placed_on FROM orders ORDER BY id").fetchall()
    assert orders == [
        (1001, "2024-04-01"),
        (1002, "2024-04-02"),
        (1003, "2024-04-02"),
        (1004, "2024-04-05"),
        (1005, "2024-04-06"),
    ]


def test_each_row_of_the_sheet_is_one_order_line():
    assert count(loaded(), "order_lines") == 9


def test_the_tables_put_back_together_give_the_sheet():
    db = loaded()
    assert rebuild(db) == sheet(db)


def test_an_email_cannot_belong_to_two_customers():
    db = loaded()
    db.execute("INSERT INTO customers (email, name, city) VALUES ('new@example.com', 'New Person', NULL)")
    with pytest.raises(integrity_error()):
        db.execute("INSERT INTO customers (email, name, city) VALUES ('ana@example.com', 'Ana Silva', 'Porto')")


def test_a_sku_cannot_belong_to_two_products():
    db = loaded()
    db.execute("INSERT INTO products (sku, name, unit_price) VALUES ('NEW-1', 'New thing', 1.0)")
    with pytest.raises(integrity_error()):
        db.execute("INSERT INTO products (sku, name, unit_price) VALUES ('KETTLE', 'Kettle', 25.0)")


def test_an_order_lists_a_product_only_once():
    db = loaded()
    lo = reference(db, "order_lines", "orders")
    lp = reference(db, "order_lines", "products")
    assert None not in (lo, lp)
    order = db.execute('SELECT "%s" FROM orders WHERE id = 1004' % lo[1]).fetchone()[0]
    product = db.execute('SELECT "%s" FROM products WHERE sku = \'MUG-RED\'' % lp[1]).fetchone()[0]
    insert = 'INSERT INTO order_lines ("%s", "%s", quantity) VALUES (?, ?, 1)' % (lo[0], lp[0])
    db.execute(insert, (order, product))
    with pytest.raises(integrity_error()):
        db.execute(insert, (order, product))


@pytest.mark.hidden
def test_another_sheet_is_normalised_too():
    """load.sql must work for any sheet: read everything from the sheet table, never type rows in."""
    db = loaded("tests/seed_other.sql")
    counts = {t: count(db, t) for t in ("customers", "products", "orders", "order_lines")}
    assert counts == {"customers": 3, "products": 3, "orders": 4, "order_lines": 6}
    assert rebuild(db) == sheet(db)
