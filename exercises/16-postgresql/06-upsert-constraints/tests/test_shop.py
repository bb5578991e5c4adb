import psycopg
import pytest

import pg
import upserts
from drillkit import files, learnerside

TABLES = "featured, order_lines, orders, product_tags, products, customers"


@pytest.fixture
def judge():
    """The judge's connection, after the learner's schema.sql made the
    tables afresh (on a connection of the learner's process)."""
    conn = pg.connect()
    pg.end_other_sessions(conn)
    conn.execute("DROP TABLE IF EXISTS %s CASCADE" % TABLES)
    maker = learnerside.module("psycopg").connect(autocommit=True)
    try:
        maker.execute(files.text("schema.sql"))
    except Exception as e:
        pytest.fail("schema.sql did not run: %s: %s" % (type(e).__name__, e), pytrace=False)
    finally:
        maker.close()
    yield conn
    pg.end_other_sessions(conn)
    conn.close()


@pytest.fixture
def shop(judge):
    """The judge's connection to a shop with two customers, three products,
    tags, an order of Ana's and three featured products."""
    judge.execute("INSERT INTO customers (email, name) VALUES ('ana@example.com', 'Ana'), ('ben@example.com', 'Ben')")
    judge.execute(
        "INSERT INTO products (sku, name, price, stock) VALUES"
        " ('MUG', 'Mug', 900, 10), ('LAMP', 'Lamp', 3500, 2), ('RUG', 'Rug', 12000, 0)"
    )
    judge.execute("INSERT INTO product_tags (sku, tag) VALUES ('MUG', 'kitchen'), ('RUG', 'sale')")
    (order_id,) = judge.execute("INSERT INTO orders (customer_id) VALUES (1) RETURNING id").fetchone()
    judge.execute("INSERT INTO order_lines (order_id, sku, quantity) VALUES (%s, 'MUG', 2), (%s, 'LAMP', 1)", (order_id, order_id))
    judge.execute("INSERT INTO featured (slot, sku) VALUES (1, 'MUG'), (2, 'LAMP'), (3, 'RUG')")
    return judge


@pytest.fixture
def conn(judge):
    """A connection of the learner's process, not in autocommit mode."""
    made = learnerside.module("psycopg").connect()
    yield made
    made.close()


@pytest.fixture
def holder(judge):
    """A second connection of the judge's, not in autocommit mode: a
    transaction that has not committed yet while the learner's code runs."""
    conn = pg.connect(autocommit=False)
    yield conn
    conn.rollback()
    conn.close()


@pytest.fixture
def pool():
    """A thread in the learner's process, where the learner's code runs
    while the judge's transaction is open."""
    executor = learnerside.module("concurrent.futures").ThreadPoolExecutor(max_workers=1)
    yield executor
    executor.shutdown(wait=False, cancel_futures=True)


def rows(judge, query):
    return judge.execute(query).fetchall()


class TestConstraints:
    def test_schema_sql_makes_the_tables(self, judge):
        names = rows(judge, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        assert [name for (name,) in names] == ["customers", "featured", "order_lines", "orders", "product_tags", "products"]

    def test_two_customers_cannot_share_an_email(self, shop):
        with pytest.raises(psycopg.errors.UniqueViolation):
            shop.execute("INSERT INTO customers (email, name) VALUES ('ana@example.com', 'Another Ana')")
        shop.execute("INSERT INTO customers (email, name) VALUES ('cy@example.com', 'Cy')")

    @pytest.mark.parametrize("price", [0, -100])
    def test_a_price_must_be_positive(self, shop, price):
        with pytest.raises(psycopg.errors.CheckViolation):
            shop.execute("INSERT INTO products (sku, name, price) VALUES ('PEN', 'Pen', %s)", (price,))
        shop.execute("INSERT INTO products (sku, name, price) VALUES ('PEN', 'Pen', 1)")

    def test_stock_never_goes_below_zero(self, shop):
        with pytest.raises(psycopg.errors.CheckViolation):
            shop.execute("UPDATE products SET stock = stock - 3 WHERE sku = 'LAMP'")
        shop.execute("UPDATE products SET stock = stock - 2 WHERE sku = 'LAMP'")
        assert rows(shop, "SELECT stock FROM products WHERE sku = 'LAMP'") == [(0,)]

    def test_a_product_has_each_tag_once_and_tags_need_a_product(self, shop):
        with pytest.raises(psycopg.errors.UniqueViolation):
            shop.execute("INSERT INTO product_tags (sku, tag) VALUES ('MUG', 'kitchen')")
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            shop.execute("INSERT INTO product_tags (sku, tag) VALUES ('NOPE', 'kitchen')")
        shop.execute("INSERT INTO product_tags (sku, tag) VALUES ('LAMP', 'kitchen')")

    def test_an_order_needs_a_customer(self, shop):
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            shop.execute("INSERT INTO orders (customer_id) VALUES (99)")

    def test_an_order_line_needs_a_positive_quantity_of_a_known_product_once(self, shop):
        with pytest.raises(psycopg.errors.CheckViolation):
            shop.execute("INSERT INTO order_lines (order_id, sku, quantity) VALUES (1, 'RUG', 0)")
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            shop.execute("INSERT INTO order_lines (order_id, sku, quantity) VALUES (1, 'NOPE', 1)")
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            shop.execute("INSERT INTO order_lines (order_id, sku, quantity) VALUES (99, 'RUG', 1)")
        with pytest.raises(psycopg.errors.UniqueViolation):
            shop.execute("INSERT INTO order_lines (order_id, sku, quantity) VALUES (1, 'MUG', 1)")

    def test_deleting_a_customer_deletes_their_orders_and_lines(self, shop):
        shop.execute("DELETE FROM customers WHERE email = 'ana@example.com'")
        assert rows(shop, "SELECT count(*) FROM orders") == [(0,)]
        assert rows(shop, "SELECT count(*) FROM order_lines") == [(0,)]
        assert rows(shop, "SELECT name FROM customers") == [("Ben",)]

    def test_a_product_that_was_ordered_cannot_be_deleted(self, shop):
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            shop.execute("DELETE FROM products WHERE sku = 'MUG'")
        assert rows(shop, "SELECT count(*) FROM order_lines") == [(2,)]

    def test_deleting_a_product_never_ordered_deletes_its_tags_and_slot(self, shop):
        shop.execute("DELETE FROM products WHERE sku = 'RUG'")
        assert rows(shop, "SELECT sku, tag FROM product_tags") == [("MUG", "kitchen")]
        assert rows(shop, "SELECT slot, sku FROM featured ORDER BY slot") == [(1, "MUG"), (2, "LAMP")]

    def test_two_products_cannot_share_a_featured_slot(self, shop):
        with pytest.raises(psycopg.errors.UniqueViolation):
            shop.execute("INSERT INTO featured (slot, sku) VALUES (2, 'RUG')")

    @pytest.mark.help(
        "PostgreSQL checks a UNIQUE constraint row by row as an UPDATE goes, so moving slot 1 to 2 "
        "collides with the old 2 before that row moves on. A DEFERRABLE constraint is checked when the "
        "statement ends (or, deferred, at COMMIT)."
    )
    def test_every_slot_can_move_down_in_one_update(self, shop):
        shop.execute("UPDATE featured SET slot = slot + 1")
        assert rows(shop, "SELECT slot, sku FROM featured ORDER BY slot") == [(2, "MUG"), (3, "LAMP"), (4, "RUG")]
        with pytest.raises(psycopg.errors.UniqueViolation):
            shop.execute("UPDATE featured SET slot = 3 WHERE sku = 'MUG'")


class TestSaveCustomer:
    def test_a_new_customer_is_added_and_its_id_returned(self, shop, conn):
        assert upserts.save_customer(conn, "cy@example.com", "Cy") == 3
        assert rows(shop, "SELECT id, email, name FROM customers ORDER BY id")[2:] == [(3, "cy@example.com", "Cy")]

    def test_a_known_email_renames_that_customer(self, shop, conn):
        assert upserts.save_customer(conn, "ben@example.com", "Benjamin") == 2
        assert rows(shop, "SELECT id, email, name FROM customers ORDER BY id") == [
            (1, "ana@example.com", "Ana"),
            (2, "ben@example.com", "Benjamin"),
        ]


class TestReceiveStock:
    def test_a_new_product_starts_with_the_delivery(self, shop, conn):
        assert upserts.receive_stock(conn, "PEN", "Pen", 150, 40) == 40
        assert rows(shop, "SELECT sku, name, price, stock FROM products WHERE sku = 'PEN'") == [("PEN", "Pen", 150, 40)]

    def test_a_known_product_adds_the_delivery_to_its_stock(self, shop, conn):
        assert upserts.receive_stock(conn, "MUG", "Mug (large)", 950, 5) == 15
        assert upserts.receive_stock(conn, "MUG", "Mug (large)", 950, 1) == 16
        assert rows(shop, "SELECT sku, name, price, stock FROM products WHERE sku = 'MUG'") == [("MUG", "Mug (large)", 950, 16)]

    def test_a_bad_price_is_refused_and_changes_nothing(self, shop, conn):
        with pytest.raises(learnerside.module("psycopg").errors.CheckViolation):
            upserts.receive_stock(conn, "MUG", "Mug", 0, 5)
        assert rows(shop, "SELECT price, stock FROM products WHERE sku = 'MUG'") == [(900, 10)]
        assert upserts.receive_stock(conn, "LAMP", "Lamp", 3500, 1) == 3

    @pytest.mark.hidden
    def test_a_delivery_waits_for_another_that_adds_the_same_new_product(self, shop, conn, holder, pool):
        """Checking first and inserting after is a race: let INSERT ... ON CONFLICT decide in one statement."""
        holder.execute("INSERT INTO products (sku, name, price, stock) VALUES ('INK', 'Ink', 300, 7)")
        future = pool.submit(upserts.receive_stock, conn, "INK", "Ink", 300, 5)
        assert pg.wait_for_waiting(shop, 1, exclude={holder.info.backend_pid}) == 1
        holder.commit()
        assert future.result(timeout=pg.PATIENCE) == 12
        assert rows(shop, "SELECT stock FROM products WHERE sku = 'INK'") == [(12,)]


class TestTagProduct:
    def test_a_new_tag_is_added(self, shop, conn):
        assert upserts.tag_product(conn, "LAMP", "light") is True
        assert rows(shop, "SELECT sku, tag FROM product_tags WHERE sku = 'LAMP'") == [("LAMP", "light")]

    def test_a_tag_the_product_has_is_no_error_and_no_second_row(self, shop, conn):
        assert upserts.tag_product(conn, "MUG", "kitchen") is False
        assert upserts.tag_product(conn, "MUG", "sale") is True
        assert rows(shop, "SELECT tag FROM product_tags WHERE sku = 'MUG' ORDER BY tag") == [("kitchen",), ("sale",)]

    def test_an_unknown_product_cannot_be_tagged(self, shop, conn):
        with pytest.raises(learnerside.module("psycopg").errors.ForeignKeyViolation):
            upserts.tag_product(conn, "NOPE", "sale")
        assert upserts.tag_product(conn, "RUG", "rare") is True
