import os

import pytest

import textfiles
from drillkit import learnerside

ORDERS = "name,qty,price\npen,3,1.50\npad, 2 , 4.25\n"

# The learner's code reads and writes these files, so they are made and read
# in the learner's process, where the learner's code can reach them.


def new_dir():
    """A fresh, empty directory under /tmp."""
    return learnerside.module("tempfile").mkdtemp(prefix="drill-files-", dir="/tmp")


def make_file(text, name="data.txt"):
    """A file holding text, in a fresh directory; its path."""
    path = os.path.join(new_dir(), name)
    with learnerside.module("builtins").open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return path


def contents(path):
    with learnerside.module("builtins").open(path, encoding="utf-8", newline="") as f:
        return f.read()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("one\ntwo\nthree\n", 3),
        ("one\ntwo", 2),
        ("one\n\n   \ntwo\n\n", 2),
        ("", 0),
        ("\n\n", 0),
    ],
)
def test_count_lines_counts_the_non_blank_lines(text, expected):
    assert textfiles.count_lines(make_file(text)) == expected


def test_count_lines_of_a_missing_file_is_0():
    assert textfiles.count_lines(os.path.join(new_dir(), "missing.txt")) == 0


def test_write_lines_puts_each_line_on_its_own_line():
    path = os.path.join(new_dir(), "out.txt")
    textfiles.write_lines(path, ["alpha", "beta", "gamma"])
    assert contents(path) == "alpha\nbeta\ngamma\n"


def test_write_lines_replaces_what_was_there():
    path = make_file("old line 1\nold line 2\nold line 3\n")
    textfiles.write_lines(path, ["new"])
    assert contents(path) == "new\n"


def test_write_lines_of_no_lines_leaves_an_empty_file():
    path = make_file("something\n")
    textfiles.write_lines(path, [])
    assert contents(path) == ""


def test_write_lines_keeps_text_beyond_ascii():
    path = os.path.join(new_dir(), "out.txt")
    textfiles.write_lines(path, ["café", "naïve ✓"])
    assert contents(path) == "café\nnaïve ✓\n"


def test_append_line_adds_to_the_end():
    path = make_file("first\n")
    textfiles.append_line(path, "second")
    textfiles.append_line(path, "third")
    assert contents(path) == "first\nsecond\nthird\n"


def test_append_line_creates_a_missing_file():
    path = os.path.join(new_dir(), "log.txt")
    textfiles.append_line(path, "hello")
    assert contents(path) == "hello\n"


def test_read_csv():
    expected = [
        {"name": "pen", "qty": "3", "price": "1.50"},
        {"name": "pad", "qty": "2", "price": "4.25"},
    ]
    assert textfiles.read_csv(make_file(ORDERS, "orders.csv")) == expected


def test_read_csv_strips_spaces_and_skips_blank_lines():
    text = " city , country\n\nOslo,Norway\n   \n  Lima ,  Peru\n\n"
    expected = [{"city": "Oslo", "country": "Norway"}, {"city": "Lima", "country": "Peru"}]
    assert textfiles.read_csv(make_file(text, "cities.csv")) == expected


def test_read_csv_without_records():
    assert textfiles.read_csv(make_file("name,qty,price\n", "orders.csv")) == []
    assert textfiles.read_csv(make_file("", "empty.csv")) == []


def test_read_csv_of_a_file_without_a_final_line_break():
    assert textfiles.read_csv(make_file("a,b\n1,2", "x.csv")) == [{"a": "1", "b": "2"}]


def test_write_report():
    orders = make_file(ORDERS, "orders.csv")
    report = os.path.join(new_dir(), "report.txt")
    assert textfiles.write_report(orders, report) == 2
    assert contents(report) == "pen: 4.50\npad: 8.50\nTOTAL: 13.00\n"


@pytest.mark.hidden
def test_write_report_with_more_orders_and_blank_lines():
    """write_report must skip blank lines, total every order with two decimals and end with the TOTAL line."""
    orders = make_file("name,qty,price\nlamp,1,19.99\n\nink, 10 ,0.3\nbox,0,5\n", "orders.csv")
    report = os.path.join(new_dir(), "report.txt")
    assert textfiles.write_report(orders, report) == 3
    assert contents(report) == "lamp: 19.99\nink: 3.00\nbox: 0.00\nTOTAL: 22.99\n"


def test_write_report_without_orders():
    orders = make_file("name,qty,price\n", "orders.csv")
    report = make_file("an old report\n", "report.txt")
    assert textfiles.write_report(orders, report) == 0
    assert contents(report) == "TOTAL: 0.00\n"
