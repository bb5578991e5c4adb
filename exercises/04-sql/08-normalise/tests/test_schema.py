from normal import FACTS, TABLES, columns, foreign_keys, key_columns, primary_key, tables, with_schema


def referenced_tables(db, table):
    return sorted(target for target, _, _ in foreign_keys(db, table))


def test_the_four_tables_exist():
    assert tables(with_schema()) == TABLES


def test_every_table_has_a_primary_key():
    db = with_schema()
    assert [t for t in TABLES if not primary_key(db, t)] == []


def test_the_order_number_is_the_primary_key_of_orders():
    assert primary_key(with_schema(), "orders") == ["id"]


def test_each_table_has_the_facts_it_should_hold():
    db = with_schema()
    missing = {t: sorted(FACTS[t] - set(columns(db, t))) for t in TABLES}
    assert {t: cols for t, cols in missing.items() if cols} == {}


def test_no_table_holds_facts_that_belong_elsewhere():
    db = with_schema()
    extra = {t: sorted(set(columns(db, t)) - FACTS[t] - key_columns(db, t)) for t in TABLES}
    assert {t: cols for t, cols in extra.items() if cols} == {}


def test_an_order_refers_to_its_customer():
    assert referenced_tables(with_schema(), "orders") == ["customers"]


def test_an_order_line_refers_to_its_order_and_its_product():
    assert referenced_tables(with_schema(), "order_lines") == ["orders", "products"]
