import pytest

import pg
import products
from drillkit import files, learnerside

# The products the tests know, by id (tests/load.sql); 20 000 others match
# none of the searches.
RED = [1, 3, 6]


@pytest.fixture(scope="module")
def db():
    """The judge's connection to the filled table, after the learner's
    index.sql ran; (connection, what went wrong running index.sql or None)."""
    conn = pg.connect()
    conn.execute("DROP TABLE IF EXISTS products")
    pg.run_script(conn, "tests/schema.sql")
    pg.run_script(conn, "tests/load.sql")
    problem = None
    learner = learnerside.module("psycopg").connect(autocommit=True)
    try:
        learner.execute(files.text("index.sql"))
    except Exception as e:
        problem = "%s: %s" % (type(e).__name__, e)
    finally:
        learner.close()
    yield conn, problem
    conn.close()


@pytest.fixture
def judge(db):
    return db[0]


@pytest.fixture
def conn(db):
    """A connection in the learner's process, in autocommit mode, as the
    functions get it."""
    made = learnerside.module("psycopg").connect(autocommit=True)
    yield made
    made.close()


def attrs_of(judge, product_id):
    return judge.execute("SELECT attrs FROM products WHERE id = %s", (product_id,)).fetchone()[0]


class TestReading:
    def test_the_colour_as_text(self, conn):
        assert [products.colour(conn, i) for i in (1, 2, 4, 7)] == ["red", "blue", "teal", "Red"]

    def test_no_colour_is_none(self, conn):
        assert products.colour(conn, 5) is None
        assert products.colour(conn, 999999) is None
        assert products.colour(conn, 3) == "red"

    @pytest.mark.hidden
    def test_a_colour_of_json_null_is_none(self, conn):
        """A JSON null read as text is SQL NULL with ->>, but the text 'null' if you cast the JSONB."""
        assert products.colour(conn, 8) is None
        assert products.colour(conn, 6) == "red"

    def test_the_size_as_a_dict(self, conn):
        assert products.size(conn, 3) == {"width": 20, "height": 45}
        assert products.size(conn, 4) == {"width": 120, "height": 1}

    def test_no_size_is_none(self, conn):
        assert products.size(conn, 5) is None
        assert products.size(conn, 999999) is None
        assert products.size(conn, 1) == {"width": 9, "height": 10}


class TestMatching:
    def test_products_of_a_colour(self, conn):
        assert products.matching(conn, {"colour": "red"}) == RED

    def test_containment_is_exact_about_letter_case(self, conn):
        assert products.matching(conn, {"colour": "Red"}) == [7]

    def test_products_with_a_tag_among_their_tags(self, conn):
        assert products.matching(conn, {"tags": ["sale"]}) == [1, 4, 5]

    def test_every_part_of_the_search_must_match(self, conn):
        assert products.matching(conn, {"colour": "red", "tags": ["sale"]}) == [1]
        assert products.matching(conn, {"tags": ["kitchen", "sale"]}) == [1]

    def test_a_nested_object_matches_the_keys_it_names(self, conn):
        assert products.matching(conn, {"size": {"width": 9}}) == [1, 2]

    def test_nothing_matches_an_unknown_value(self, conn):
        assert products.matching(conn, {"colour": "purple"}) == []
        assert products.matching(conn, {"colour": "red"}) != []

    def test_quotes_in_a_search_are_only_data(self, conn):
        assert products.matching(conn, {"colour": "red' OR 'x'='x"}) == []
        assert products.matching(conn, {"colour": "red\"}' OR '1'='1"}) == []
        assert products.matching(conn, {"tags": ["O'Neill"]}) == []
        assert products.matching(conn, {"tags": ["O'Keeffe"]}) == [6]


class TestSearchIndex:
    def test_index_sql_runs(self, db):
        if db[1] is not None:
            pytest.fail("index.sql did not run: " + db[1], pytrace=False)

    def test_the_planner_answers_containment_from_a_gin_index(self, judge):
        nodes = pg.plan_nodes(judge, "SELECT id FROM products WHERE attrs @> {}::jsonb", '{"colour": "teal"}')
        used = [n.get("Index Name") for n in nodes if n["Node Type"] == "Bitmap Index Scan"]
        assert [name for name in used if name in pg.gin_indexes(judge)] != [], [n["Node Type"] for n in nodes]

    @pytest.mark.help("Search with attrs @> %s and the dict as Jsonb(wanted): containment is what the GIN index answers. Filtering in Python, or key by key with ->>, reads every product.")
    def test_matching_goes_through_the_index(self, judge, conn):
        before = sum(pg.gin_indexes(judge).values())
        assert products.matching(conn, {"colour": "teal", "tags": ["sale"]}) == [4]
        # The learner's session reports its statistics when it next goes
        # idle; this asks it to do so at once.
        conn.execute("SELECT pg_stat_force_next_flush()")
        after = sum(pg.gin_indexes(judge).values())
        assert after > before, "the GIN index was scanned %d times before matching() and as often after it" % before


class TestCheaperThan:
    def test_products_with_a_variant_below_the_price(self, conn):
        assert products.cheaper_than(conn, 1000) == [1, 2, 8]

    def test_any_variant_counts_not_only_the_first(self, conn):
        assert products.cheaper_than(conn, 3000) == [1, 2, 5, 6, 8]

    def test_the_price_itself_is_not_below(self, conn):
        assert products.cheaper_than(conn, 800) == [8]
        assert products.cheaper_than(conn, 801) == [1, 8]

    def test_nothing_is_cheaper_than_the_cheapest(self, conn):
        assert products.cheaper_than(conn, 300) == []
        assert products.cheaper_than(conn, 301) == [8]


class TestSetStock:
    def test_a_warehouse_is_added_to_the_stock(self, judge, conn):
        new = products.set_stock(conn, 3, "south", 2)
        assert new["stock"] == {"north": 4, "south": 2}
        assert attrs_of(judge, 3) == new

    def test_every_other_key_is_kept(self, judge, conn):
        products.set_stock(conn, 7, "north", 0)
        assert attrs_of(judge, 7) == {
            "colour": "Red",
            "tags": ["Sale"],
            "size": {"width": 45, "height": 90},
            "variants": [{"sku": "CH", "price": 7000}],
            "stock": {"north": 0, "south": 2},
        }

    @pytest.mark.hidden
    def test_a_product_without_stock_gets_one(self, judge, conn):
        """jsonb_set adds the last key of its path when missing, but not the keys before it."""
        new = products.set_stock(conn, 5, "north", 7)
        assert new == {
            "tags": ["sale", "digital"],
            "variants": [{"sku": "GIFT-50", "price": 5000}, {"sku": "GIFT-25", "price": 2500}],
            "stock": {"north": 7},
        }
        assert attrs_of(judge, 5) == new

    def test_a_warehouse_name_is_only_data(self, judge, conn):
        name = "east'}'); DROP TABLE products; --"
        products.set_stock(conn, 6, name, 3)
        assert attrs_of(judge, 6)["stock"] == {name: 3}

    def test_an_unknown_product_is_a_lookup_error(self, conn):
        with pytest.raises(LookupError):
            products.set_stock(conn, 999999, "north", 1)
