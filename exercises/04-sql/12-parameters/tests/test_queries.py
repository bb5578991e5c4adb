import pytest

import queries
from drillkit import sql

PUBLIC = ["100% cotton tee", "Desk lamp", "Floor lamp", "Notebook", "O'Neill's mug", "snake_case mug"]


def shop(seed="tests/seed.sql"):
    return sql.database(seed)


def counts(db):
    return {t: db.execute("SELECT COUNT(*) FROM %s" % t).fetchone()[0] for t in ("users", "products", "reviews")}


class TestFindUser:
    def test_finds_a_user_by_username(self):
        assert queries.find_user(shop(), "ana") == (2, "ana", "ana@example.com")

    def test_letter_case_matters_in_a_username(self):
        assert queries.find_user(shop(), "Ana") == (3, "Ana", "ana.b@example.com")

    def test_an_unknown_username_gives_none(self):
        assert queries.find_user(shop(), "nobody") is None
        assert queries.find_user(shop(), "ana") is not None

    def test_an_or_attack_finds_nobody(self):
        assert queries.find_user(shop(), "' OR '1'='1") is None
        assert queries.find_user(shop(), "admin' --") is None
        assert queries.find_user(shop(), "admin") is not None

    def test_a_union_attack_reads_no_password_hash(self):
        found = queries.find_user(shop(), "x' UNION SELECT id, password_hash, email FROM users --")
        assert found is None
        assert queries.find_user(shop(), "ana") == (2, "ana", "ana@example.com")


class TestSearchProducts:
    def test_finds_public_products_by_part_of_the_name(self):
        assert queries.search_products(shop(), "lamp") == ["Desk lamp", "Floor lamp"]

    def test_the_search_ignores_letter_case(self):
        assert queries.search_products(shop(), "LAMP") == ["Desk lamp", "Floor lamp"]

    def test_an_empty_search_lists_every_public_product(self):
        assert queries.search_products(shop(), "") == PUBLIC

    def test_a_name_with_a_quote_can_be_found(self):
        assert queries.search_products(shop(), "O'Neill") == ["O'Neill's mug"]

    def test_an_or_attack_finds_nothing(self):
        assert queries.search_products(shop(), "' OR 1=1 --") == []
        assert queries.search_products(shop(), "%') OR public = 0 OR ('") == []

    def test_a_union_attack_reads_no_password_hash(self):
        found = queries.search_products(shop(), "x')) > 0 UNION SELECT password_hash FROM users --")
        assert found == []

    def test_a_second_statement_is_only_searched_for(self):
        db = shop()
        assert queries.search_products(db, "'; DELETE FROM products; --") == []
        assert counts(db)["products"] == 7

    @pytest.mark.hidden
    def test_percent_and_underscore_are_searched_for_literally(self):
        """A search for % or _ must find only names containing that character: in LIKE they are wildcards."""
        assert queries.search_products(shop(), "%") == ["100% cotton tee"]
        assert queries.search_products(shop(), "_") == ["snake_case mug"]


class TestAddReview:
    def test_a_review_is_stored_and_its_id_returned(self):
        db = shop()
        new_id = queries.add_review(db, 2, "ben", "Tall and bright.")
        assert new_id == 2
        assert db.execute("SELECT product_id, author, body FROM reviews WHERE id = 2").fetchone() == (
            2,
            "ben",
            "Tall and bright.",
        )

    def test_quotes_and_sql_in_a_review_are_stored_exactly(self):
        db = shop()
        body = "It's great'); DROP TABLE reviews; --"
        author = "x', (SELECT password_hash FROM users WHERE id = 1)) --"
        new_id = queries.add_review(db, 1, author, body)
        assert db.execute("SELECT author, body FROM reviews WHERE id = ?", (new_id,)).fetchone() == (author, body)
        assert counts(db) == {"users": 3, "products": 7, "reviews": 2}


class TestProductsByIds:
    def test_names_of_the_products_with_these_ids(self):
        assert queries.products_by_ids(shop(), [7, 1, 3]) == ["Desk lamp", "Notebook", "O'Neill's mug"]

    def test_a_product_that_is_not_public_is_left_out(self):
        assert queries.products_by_ids(shop(), [6, 2]) == ["Floor lamp"]

    def test_no_ids_give_no_names(self):
        assert queries.products_by_ids(shop(), []) == []

    def test_an_id_that_is_really_an_attack_finds_nothing(self):
        assert queries.products_by_ids(shop(), ["0) OR (1=1"]) == []
        found = queries.products_by_ids(shop(), ["0) UNION SELECT password_hash FROM users --"])
        assert found == []


@pytest.mark.hidden
def test_the_functions_work_for_another_shop():
    """Every function must work on any shop's data, with values passed as parameters."""
    db = shop("tests/seed_other.sql")
    assert queries.find_user(db, "o'hara") == (41, "o'hara", "oh@example.net")
    assert queries.search_products(db, "tea") == ["Steam iron", "TEA towel", "Tea cup"]
    assert queries.search_products(db, "%") == ["50% off sticker"]
    assert queries.products_by_ids(db, [51, 54, 50]) == ["Steam iron", "Tea cup"]
    assert queries.add_review(db, 52, "o'hara", "Dries well.") == 10
