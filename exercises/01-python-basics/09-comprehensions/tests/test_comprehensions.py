import ast

import pytest

import comprehensions
from drillkit import files

FUNCTIONS = [
    "squares_of_evens", "pass_fail", "name_lengths", "in_stock_prices",
    "unique_domains", "flatten", "transpose",
]
COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def functions_without_a_comprehension():
    tree = ast.parse(files.text("comprehensions.py"))
    missing = []
    for name in FUNCTIONS:
        defs = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name]
        if not defs or not any(isinstance(n, COMPREHENSIONS) for n in ast.walk(defs[0])):
            missing.append(name)
    return missing


def test_each_function_is_written_with_a_comprehension():
    assert functions_without_a_comprehension() == []


@pytest.mark.parametrize(
    "numbers, expected",
    [
        ([1, 2, 3, 4], [4, 16]),
        ([6, 5, 0, -2], [36, 0, 4]),
        ([1, 3, 5], []),
        ([], []),
    ],
)
def test_squares_of_evens(numbers, expected):
    assert comprehensions.squares_of_evens(numbers) == expected


@pytest.mark.parametrize(
    "scores, expected",
    [
        ([72, 49, 50], ["pass", "fail", "pass"]),
        ([0, 100], ["fail", "pass"]),
        ([49.5], ["fail"]),
        ([], []),
    ],
)
def test_pass_fail(scores, expected):
    assert comprehensions.pass_fail(scores) == expected


def test_name_lengths():
    assert comprehensions.name_lengths(["Ada", "Grace"]) == {"Ada": 3, "Grace": 5}
    assert comprehensions.name_lengths(["", "Al"]) == {"": 0, "Al": 2}
    assert comprehensions.name_lengths([]) == {}


def test_in_stock_prices():
    products = [
        {"name": "pen", "price": 1.5, "stock": 3},
        {"name": "ink", "price": 4.0, "stock": 0},
        {"name": "pad", "price": 2.25, "stock": 1},
        {"name": "cap", "price": 0.5, "stock": -1},
    ]
    assert comprehensions.in_stock_prices(products) == {"pen": 1.5, "pad": 2.25}


def test_in_stock_prices_with_nothing_in_stock():
    assert comprehensions.in_stock_prices([{"name": "ink", "price": 4.0, "stock": 0}]) == {}
    assert comprehensions.in_stock_prices([]) == {}


def test_unique_domains():
    emails = ["ann@example.com", "bob@example.com", "cy@test.org"]
    assert comprehensions.unique_domains(emails) == {"example.com", "test.org"}


def test_unique_domains_are_lower_case():
    emails = ["ann@Example.com", "bob@EXAMPLE.COM", "cy@test.ORG", "Dee@test.org"]
    assert comprehensions.unique_domains(emails) == {"example.com", "test.org"}


def test_unique_domains_of_no_emails_is_an_empty_set():
    assert comprehensions.unique_domains([]) == set()


@pytest.mark.parametrize(
    "rows, expected",
    [
        ([[1, 2], [], [3]], [1, 2, 3]),
        ([["a"], ["b", "c"], ["d"]], ["a", "b", "c", "d"]),
        ([[], []], []),
        ([], []),
    ],
)
def test_flatten(rows, expected):
    assert comprehensions.flatten(rows) == expected


@pytest.mark.parametrize(
    "matrix, expected",
    [
        ([[1, 2], [3, 4]], [[1, 3], [2, 4]]),
        ([[1, 2, 3], [4, 5, 6]], [[1, 4], [2, 5], [3, 6]]),
        ([[1], [2], [3]], [[1, 2, 3]]),
        ([[7]], [[7]]),
        ([], []),
    ],
)
def test_transpose(matrix, expected):
    assert comprehensions.transpose(matrix) == expected
