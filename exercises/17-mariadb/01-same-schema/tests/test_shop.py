from datetime import date

import MySQLdb
import pytest

import maria
import shop


def learner_error(name):
    """A MySQLdb exception class as the learner's process has it."""
    return getattr(maria.learnerside.module("MySQLdb"), name)


@pytest.fixture
def made():
    """The judge's connection after the learner's schema.sql ran on an
    empty database; (connection, its error as text or None)."""
    conn = maria.connect()
    maria.start_clean(conn)
    problem = maria.run_learner_script("schema.sql")
    yield conn, problem
    conn.close()


@pytest.fixture
def judge(made):
    conn, problem = made
    if problem is not None:
        pytest.fail("schema.sql did not run: " + problem, pytrace=False)
    return conn


@pytest.fixture
def conn(judge):
    made = maria.learner_connection()
    yield made
    made.close()


def customers(judge):
    return maria.run(judge, "SELECT id, email, name FROM customers ORDER BY id")


def columns(judge, table):
    """{column: (type, length, nullable, extra)} of a table the learner made."""
    rows = maria.run(
        judge,
        "SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE, EXTRA"
        " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'drill' AND TABLE_NAME = %s",
        (table,),
    )
    return {name: (kind, length, nullable, extra) for name, kind, length, nullable, extra in rows}


class TestSchema:
    def test_schema_sql_runs(self, made):
        if made[1] is not None:
            pytest.fail("schema.sql did not run: " + made[1], pytrace=False)

    def test_the_four_tables_are_innodb(self, judge):
        rows = maria.run(judge, "SELECT TABLE_NAME, ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'drill' ORDER BY TABLE_NAME")
        assert rows == [("customers", "InnoDB"), ("orders", "InnoDB"), ("products", "InnoDB"), ("settings", "InnoDB")]

    def test_the_columns_are_those_of_the_postgresql_schema(self, judge):
        assert {table: columns(judge, table) for table in maria.TABLES} == {
            "customers": {
                "id": ("int", None, "NO", "auto_increment"),
                "email": ("varchar", 100, "NO", ""),
                "name": ("varchar", 50, "NO", ""),
            },
            "products": {
                "sku": ("varchar", 20, "NO", ""),
                "name": ("varchar", 100, "NO", ""),
                "price": ("int", None, "NO", ""),
                "stock": ("int", None, "NO", ""),
            },
            "orders": {
                "id": ("int", None, "NO", "auto_increment"),
                "customer_id": ("int", None, "NO", ""),
                "placed_on": ("date", None, "NO", ""),
            },
            "settings": {
                "key": ("varchar", 50, "NO", ""),
                "value": ("text", 65535, "NO", ""),
            },
        }

    def test_two_customers_cannot_share_an_email(self, judge):
        maria.run(judge, "INSERT INTO customers (email, name) VALUES ('ana@example.com', 'Ana')")
        with pytest.raises(MySQLdb.IntegrityError):
            maria.run(judge, "INSERT INTO customers (email, name) VALUES ('ana@example.com', 'Ana again')")

    def test_prices_and_stock_are_checked(self, judge):
        for price, stock in ((0, 1), (-5, 1), (100, -1)):
            with pytest.raises(MySQLdb.OperationalError):
                maria.run(judge, "INSERT INTO products VALUES ('PEN', 'Pen', %s, %s)", (price, stock))
        maria.run(judge, "INSERT INTO products (sku, name, price) VALUES ('PEN', 'Pen', 1)")
        assert maria.run(judge, "SELECT sku, name, price, stock FROM products") == [("PEN", "Pen", 1, 0)]

    def test_an_order_needs_a_customer_and_goes_with_it(self, judge):
        with pytest.raises(MySQLdb.IntegrityError):
            maria.run(judge, "INSERT INTO orders (customer_id, placed_on) VALUES (99, '2025-01-01')")
        maria.run(judge, "INSERT INTO customers (email, name) VALUES ('ana@example.com', 'Ana')")
        maria.run(judge, "INSERT INTO orders (customer_id, placed_on) VALUES (1, '2025-01-01')")
        maria.run(judge, "DELETE FROM customers WHERE id = 1")
        assert maria.run(judge, "SELECT COUNT(*) FROM orders") == [(0,)]


class TestCustomers:
    def test_new_customers_get_the_next_ids(self, judge, conn):
        assert shop.add_customer(conn, "ana@example.com", "Ana") == 1
        assert shop.add_customer(conn, "ben@example.com", "Ben") == 2
        assert customers(judge) == [(1, "ana@example.com", "Ana"), (2, "ben@example.com", "Ben")]

    def test_a_name_of_fifty_characters_fits(self, judge, conn):
        shop.add_customer(conn, "long@example.com", "L" * 50)
        assert customers(judge) == [(1, "long@example.com", "L" * 50)]

    @pytest.mark.help("In strict mode (MariaDB's default, keep it) a value too long for its column is an error, not a silent cut. The column must be VARCHAR(50), as in the PostgreSQL schema.")
    def test_a_name_too_long_is_an_error_not_cut_short(self, judge, conn):
        with pytest.raises(learner_error("DataError")):
            shop.add_customer(conn, "long@example.com", "L" * 51)
        assert customers(judge) == []
        assert shop.add_customer(conn, "short@example.com", "S") >= 1

    def test_an_email_in_other_letters_is_taken_too(self, judge, conn):
        shop.add_customer(conn, "ana@example.com", "Ana")
        with pytest.raises(learner_error("IntegrityError")):
            shop.add_customer(conn, "ANA@Example.com", "Ana again")
        assert customers(judge) == [(1, "ana@example.com", "Ana")]

    def test_saving_a_new_customer_adds_it(self, judge, conn):
        shop.add_customer(conn, "ana@example.com", "Ana")
        assert shop.save_customer(conn, "ben@example.com", "Ben") == 2
        assert customers(judge)[1:] == [(2, "ben@example.com", "Ben")]

    def test_saving_a_known_customer_renames_it_and_gives_its_id(self, judge, conn):
        shop.add_customer(conn, "ana@example.com", "Ana")
        shop.add_customer(conn, "ben@example.com", "Ben")
        assert shop.save_customer(conn, "ana@example.com", "Ana Lima") == 1
        assert customers(judge) == [(1, "ana@example.com", "Ana Lima"), (2, "ben@example.com", "Ben")]

    @pytest.mark.hidden
    def test_saving_a_customer_unchanged_still_gives_its_id(self, judge, conn):
        """When ON DUPLICATE KEY UPDATE changes nothing, lastrowid is 0: id = LAST_INSERT_ID(id) sets it."""
        shop.add_customer(conn, "ana@example.com", "Ana")
        shop.add_customer(conn, "ben@example.com", "Ben")
        assert shop.save_customer(conn, "ben@example.com", "Ben") == 2
        assert shop.save_customer(conn, "ana@example.com", "Ana") == 1


class TestStock:
    def test_a_new_product_starts_with_the_delivery(self, judge, conn):
        assert shop.receive_stock(conn, "MUG", "Mug", 900, 10) == 10
        assert maria.run(judge, "SELECT sku, name, price, stock FROM products") == [("MUG", "Mug", 900, 10)]

    def test_a_known_product_adds_the_delivery(self, judge, conn):
        shop.receive_stock(conn, "MUG", "Mug", 900, 10)
        assert shop.receive_stock(conn, "MUG", "Mug (large)", 950, 5) == 15
        assert shop.receive_stock(conn, "MUG", "Mug (large)", 950, 1) == 16
        assert maria.run(judge, "SELECT sku, name, price, stock FROM products") == [("MUG", "Mug (large)", 950, 16)]

    def test_a_bad_price_changes_nothing(self, judge, conn):
        shop.receive_stock(conn, "MUG", "Mug", 900, 10)
        with pytest.raises(learner_error("OperationalError")):
            shop.receive_stock(conn, "MUG", "Mug", 0, 5)
        assert maria.run(judge, "SELECT price, stock FROM products") == [(900, 10)]
        assert shop.receive_stock(conn, "MUG", "Mug", 900, 1) == 11


class TestOrders:
    def test_an_order_is_added_with_its_day(self, judge, conn):
        shop.add_customer(conn, "ana@example.com", "Ana")
        assert shop.add_order(conn, 1, "2025-02-28") == 1
        assert shop.add_order(conn, 1, "2024-02-29") == 2
        assert maria.run(judge, "SELECT id, customer_id, placed_on FROM orders ORDER BY id") == [
            (1, 1, date(2025, 2, 28)),
            (2, 1, date(2024, 2, 29)),
        ]

    @pytest.mark.parametrize("day", ["2025-02-30", "2025-13-01", "2025-04-31", "tomorrow"])
    def test_a_day_that_does_not_exist_is_an_error(self, judge, conn, day):
        shop.add_customer(conn, "ana@example.com", "Ana")
        with pytest.raises(learner_error("OperationalError")):
            shop.add_order(conn, 1, day)
        assert maria.run(judge, "SELECT COUNT(*) FROM orders") == [(0,)]
        assert shop.add_order(conn, 1, "2025-03-01") >= 1

    def test_an_order_of_an_unknown_customer_is_an_error(self, judge, conn):
        with pytest.raises(learner_error("IntegrityError")):
            shop.add_order(conn, 42, "2025-03-01")


class TestSettings:
    def test_a_setting_is_stored_and_read(self, judge, conn):
        shop.set_setting(conn, "theme", "dark")
        assert maria.run(judge, "SELECT `key`, `value` FROM settings") == [("theme", "dark")]
        assert shop.get_setting(conn, "theme") == "dark"

    def test_a_setting_is_replaced(self, judge, conn):
        shop.set_setting(conn, "theme", "dark")
        shop.set_setting(conn, "theme", "light")
        assert maria.run(judge, "SELECT `key`, `value` FROM settings") == [("theme", "light")]
        assert shop.get_setting(conn, "theme") == "light"

    def test_a_missing_setting_is_none(self, conn):
        assert shop.get_setting(conn, "nothing") is None
        shop.set_setting(conn, "it's", "quoted \"value\"; --")
        assert shop.get_setting(conn, "it's") == "quoted \"value\"; --"
