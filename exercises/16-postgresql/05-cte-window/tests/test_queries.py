from datetime import date

import pytest

import pg
from drillkit import learnerside


@pytest.fixture
def judge():
    conn = pg.connect()
    pg.fill(conn, "tests/seed.sql")
    yield conn
    conn.close()


@pytest.fixture
def learner(judge):
    """A connection of the learner's process, in autocommit mode, where the
    learner's queries run."""
    conn = learnerside.module("psycopg").connect(autocommit=True)
    yield conn
    conn.close()


class TestOrgChart:
    def test_the_columns(self, learner):
        assert pg.run(learner, "org_chart.sql", root=4).columns == ["id", "name", "depth", "path"]

    def test_everyone_under_the_head_at_every_level(self, learner):
        assert pg.run(learner, "org_chart.sql", root=1).rows == [
            (1, "Ana", 0, "Ana"),
            (2, "Ben", 1, "Ana > Ben"),
            (4, "Dora", 2, "Ana > Ben > Dora"),
            (6, "Fay", 3, "Ana > Ben > Dora > Fay"),
            (11, "Kim", 3, "Ana > Ben > Dora > Kim"),
            (5, "Eli", 2, "Ana > Ben > Eli"),
            (10, "Jo", 2, "Ana > Ben > Jo"),
            (3, "Chen", 1, "Ana > Chen"),
            (7, "Gus", 2, "Ana > Chen > Gus"),
            (8, "Hal", 3, "Ana > Chen > Gus > Hal"),
            (9, "Ida", 2, "Ana > Chen > Ida"),
        ]

    def test_a_team_in_the_middle_starts_at_its_manager(self, learner):
        assert pg.run(learner, "org_chart.sql", root=3).rows == [
            (3, "Chen", 0, "Chen"),
            (7, "Gus", 1, "Chen > Gus"),
            (8, "Hal", 2, "Chen > Gus > Hal"),
            (9, "Ida", 1, "Chen > Ida"),
        ]

    def test_someone_with_no_reports_is_a_team_of_one(self, learner):
        assert pg.run(learner, "org_chart.sql", root=8).rows == [(8, "Hal", 0, "Hal")]

    def test_an_unknown_manager_has_no_team(self, learner):
        assert pg.run(learner, "org_chart.sql", root=99).rows == []
        assert pg.run(learner, "org_chart.sql", root=4).rows != []


class TestTopSellers:
    def test_the_columns(self, learner):
        assert pg.run(learner, "top_sellers.sql", year=2025).columns == ["dept", "name", "total", "rank"]

    @pytest.mark.help("RANK() gives equal totals the same rank and then skips: 1, 2, 2, 4. ROW_NUMBER() never ties; DENSE_RANK() does not skip.")
    def test_the_three_best_of_each_department_with_ties(self, learner):
        assert pg.run(learner, "top_sellers.sql", year=2025).rows == [
            ("board", "Ana", 500, 1),
            ("sales", "Dora", 9000, 1),
            ("sales", "Eli", 7000, 2),
            ("sales", "Jo", 7000, 2),
            ("tech", "Gus", 6000, 1),
            ("tech", "Hal", 6000, 1),
            ("tech", "Ida", 2000, 3),
        ]

    def test_only_the_sales_of_the_year_count(self, learner):
        assert pg.run(learner, "top_sellers.sql", year=2024).rows == [
            ("sales", "Eli", 12000, 1),
            ("sales", "Dora", 500, 2),
            ("tech", "Chen", 9000, 1),
        ]

    def test_a_year_without_sales_has_no_sellers(self, learner):
        assert pg.run(learner, "top_sellers.sql", year=2019).rows == []


class TestRunningTotals:
    def test_the_columns(self, learner):
        assert pg.run(learner, "running_totals.sql", employee=4).columns == ["sold_on", "amount", "running_total", "change"]

    @pytest.mark.help("Two sales on one day are peers of an ORDER BY sold_on window, and the default frame (RANGE) takes all peers: order the window by sold_on and id, with ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW.")
    def test_each_sale_with_the_total_so_far_and_the_change(self, learner):
        assert pg.run(learner, "running_totals.sql", employee=4).rows == [
            (date(2024, 12, 20), 500, 500, None),
            (date(2025, 1, 5), 1000, 1500, 500),
            (date(2025, 1, 5), 2000, 3500, 1000),
            (date(2025, 2, 10), 3000, 6500, 1000),
            (date(2025, 3, 1), 3000, 9500, 0),
        ]

    def test_only_the_employees_own_sales(self, learner):
        assert pg.run(learner, "running_totals.sql", employee=5).rows == [
            (date(2024, 6, 1), 12000, 12000, None),
            (date(2025, 1, 10), 7000, 19000, -5000),
        ]

    def test_an_employee_without_sales_has_no_rows(self, learner):
        assert pg.run(learner, "running_totals.sql", employee=2).rows == []
        assert pg.run(learner, "running_totals.sql", employee=1).rows == [(date(2025, 7, 7), 500, 500, None)]


@pytest.mark.hidden
def test_the_queries_work_for_another_company(judge, learner):
    """Each query must compute its answer from the tables and the parameters, for any company."""
    pg.fill(judge, "tests/seed_other.sql")
    assert pg.run(learner, "org_chart.sql", root=20).rows == [
        (20, "Zoe", 0, "Zoe"),
        (24, "Val", 1, "Zoe > Val"),
        (25, "Uma", 2, "Zoe > Val > Uma"),
        (21, "Yan", 1, "Zoe > Yan"),
        (22, "Xia", 2, "Zoe > Yan > Xia"),
        (23, "Wil", 3, "Zoe > Yan > Xia > Wil"),
    ]
    assert pg.run(learner, "top_sellers.sql", year=2023).rows == [
        ("field", "Uma", 1100, 1),
        ("field", "Val", 1100, 1),
        ("field", "Wil", 1100, 1),
        ("ops", "Xia", 60, 1),
        ("ops", "Yan", 50, 2),
    ]
    assert pg.run(learner, "running_totals.sql", employee=23).rows == [
        (date(2023, 2, 1), 700, 700, None),
        (date(2023, 2, 2), 300, 1000, -400),
        (date(2023, 2, 2), 100, 1100, -200),
    ]
