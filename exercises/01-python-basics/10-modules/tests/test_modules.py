import ast
import json

import pytest

import receipt
import shop
import shop.pricing
import shop.stock
from drillkit import files, learnerside


def run_python(*args):
    """Run a new Python process where the learner's files are; its standard output."""
    python = learnerside.module("sys").executable
    done = learnerside.module("subprocess").run([python, *args], capture_output=True, text=True, timeout=5)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_tax_rate_is_20_percent():
    assert shop.pricing.TAX_RATE == 0.2


@pytest.mark.parametrize("amount, expected", [(10, 12.0), (3, 3.6), (0, 0), (19.99, 23.99), (0.05, 0.06)])
def test_apply_tax_uses_the_tax_rate_by_default(amount, expected):
    assert shop.pricing.apply_tax(amount) == expected


@pytest.mark.parametrize("amount, rate, expected", [(10, 0.05, 10.5), (100, 0, 100), (8, 0.25, 10.0)])
def test_apply_tax_with_another_rate(amount, rate, expected):
    assert shop.pricing.apply_tax(amount, rate) == expected
    assert shop.pricing.apply_tax(amount, rate=rate) == expected


@pytest.mark.parametrize("amount, expected", [(3.6, "$3.60"), (1234.5, "$1234.50"), (0, "$0.00"), (2.999, "$3.00")])
def test_format_price(amount, expected):
    assert shop.pricing.format_price(amount) == expected


def test_the_package_offers_its_functions_directly():
    public = {"apply_tax": shop.pricing, "format_price": shop.pricing, "packs_needed": shop.stock}
    missing = [
        name for name, module in public.items()
        if not learnerside.same(getattr(shop, name, None), getattr(module, name))
    ]
    assert missing == []


def test_the_package_functions_work():
    assert shop.packs_needed(10, 4) == 3
    assert shop.apply_tax(10) == 12.0
    assert shop.format_price(12) == "$12.00"


STAR_IMPORT = """
import json
before = set(dir())
from shop import *
print(json.dumps(sorted(set(dir()) - before - {"before"})))
"""


def test_star_import_gives_exactly_the_three_functions():
    names = json.loads(run_python("-c", STAR_IMPORT))
    assert names == ["apply_tax", "format_price", "packs_needed"]


@pytest.mark.parametrize(
    "name, amount, expected",
    [("notebook", 3, "notebook: $3.60"), ("lamp", 19.99, "lamp: $23.99"), ("sample", 0, "sample: $0.00")],
)
def test_receipt_line(name, amount, expected):
    assert receipt.receipt_line(name, amount) == expected


@pytest.mark.hidden
def test_receipt_uses_the_shop_package():
    """receipt.py must import apply_tax and format_price from the shop package instead of writing its own."""
    tree = ast.parse(files.text("receipt.py"))
    defined = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    assert defined & {"apply_tax", "format_price"} == set()
    imports_shop = any(
        (isinstance(n, ast.ImportFrom) and (n.module or "").split(".")[0] == "shop")
        or (isinstance(n, ast.Import) and any(a.name.split(".")[0] == "shop" for a in n.names))
        for n in ast.walk(tree)
    )
    assert imports_shop


def test_running_receipt_py_prints_a_line():
    assert run_python("receipt.py") == "notebook: $3.60\n"


def test_importing_receipt_prints_nothing():
    assert run_python("-c", "import receipt") == ""
