"""The repositories the tests repair, as data: each commit with its branch,
author, dates, message and the files it writes. The tests build a
repository from one with `git fast-import` (in the learner's process, in
/tmp), so the same history always gives the same commit hashes.

PRACTICE is the repository starter/practice-repo.sh builds with ordinary
git commands, commit for commit (the same hashes); OTHER is shaped
differently (the bad commit and the fix elsewhere, more on the hotfix
branch after the fix, another branch, HEAD on hotfix), so that a script
which names commits by hash or by position repairs only the first.
"""

from dataclasses import dataclass, field

COMMITTER = ("Casey Build", "casey@example.com")
BAD = "Log every request body"
FIX = "Fix VAT rounding"


@dataclass
class Commit:
    branch: str
    author: tuple  # (name, email)
    date: int  # seconds since the epoch, in +0100
    message: str  # as git stores it: ends with a newline
    files: dict  # path -> full text, for the files this commit writes
    start: str = ""  # for a branch's first commit: the subject it starts from


@dataclass
class History:
    commits: list
    head: str  # the branch checked out
    expected: dict = field(default_factory=dict)  # main's files once repaired


ANA = ("Ana Lima", "ana@example.com")
BEN = ("Ben Okafor", "ben@example.com")
SAM = ("Sam Reyes", "sam@example.com")
LEE = ("Lee Park", "lee@example.com")
MARCH = 1709280000  # 2024-03-01 09:00 +0100
DAY = 86400

# The practice repository: a corner shop.

PRICES = '''VAT_RATE = 0.2


def with_vat(net):
    """The price with VAT, in euros."""
    return round(net * (1 + VAT_RATE), 2)
'''

PRICES_FIXED_TOP = '''from decimal import ROUND_HALF_UP, Decimal

VAT_RATE = Decimal("0.2")


def with_vat(net):
    """The price with VAT, in euros, rounded half up to the cent."""
    gross = Decimal(str(net)) * (1 + VAT_RATE)
    return float(gross.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
'''

DISCOUNTS = '''

CODES = {"SPRING": 10, "VIP": 25}


def discounted(price, code):
    """The price after the code's discount, if there is such a code."""
    percent = CODES.get(code, 0)
    return round(price * (100 - percent) / 100, 2)
'''

LABELS = '''

def label(price):
    """A price as the shop shows it: 4.50 EUR."""
    return f"{price:.2f} EUR"
'''

APP = '''import logging

from prices import with_vat

log = logging.getLogger("shop")

PRODUCTS = {"tea": 4.5, "mug": 8.0}


def handle(request):
    """Answers a request for a product's page."""
    price = PRODUCTS.get(request.path.strip("/"))
    if price is None:
        return 404, "no such product"
    return 200, f"{with_vat(price)} EUR"
'''

ANSWERS = '    """Answers a request for a product\'s page."""\n'
LOG_LINE = '    log.info("request %s body=%r", request.path, request.body)\n'
APP_LOGGING = APP.replace(ANSWERS, ANSWERS + LOG_LINE)

CONTACT = '''

def contact(request):
    """The contact page."""
    return 200, "Write to shop@example.com"
'''

README = '''# Corner shop

A small web shop: `handle(request)` in app.py answers a product's page.
'''

PRACTICE = History(
    head="main",
    commits=[
        Commit("main", ANA, MARCH, "Start the shop\n", {"README.md": README, "app.py": APP, "prices.py": PRICES}),
        Commit("main", BEN, MARCH + 3 * DAY, "Add discount codes\n", {"prices.py": PRICES + DISCOUNTS}),
        Commit("main", BEN, MARCH + 5 * DAY, BAD + "\n\nTo debug the checkout.\n", {"app.py": APP_LOGGING}),
        Commit("hotfix", SAM, MARCH + 6 * DAY, FIX + "\n\nround() on a float can send half a cent down: with_vat(0.1875) gave 0.22, not 0.23.\n",
               {"prices.py": PRICES_FIXED_TOP + DISCOUNTS}, start="Add discount codes"),
        Commit("main", ANA, MARCH + 7 * DAY, "Add price labels\n", {"prices.py": PRICES + DISCOUNTS + LABELS}),
        Commit("main", ANA, MARCH + 10 * DAY, "Add the contact page\n", {"app.py": APP_LOGGING + CONTACT}),
    ],
    expected={
        "README.md": README,
        "app.py": APP + CONTACT,
        "prices.py": PRICES_FIXED_TOP + DISCOUNTS + LABELS,
    },
)

# The other repository: a night market, its code in a package, its history
# in another shape.

M_PRICES = '''"""Prices at the night market."""

VAT_RATE = 0.2
STALL_FEE = 1.5


def with_vat(net):
    """The price with VAT, in euros."""
    return round(net * (1 + VAT_RATE), 2)


def stall_price(net):
    """What a stall holder pays: the price with VAT and the fee."""
    return with_vat(net) + STALL_FEE
'''

M_PRICES_FIXED = M_PRICES.replace('''"""Prices at the night market."""

VAT_RATE = 0.2
''', '''"""Prices at the night market."""

from decimal import ROUND_HALF_UP, Decimal

VAT_RATE = Decimal("0.2")
''').replace('''    """The price with VAT, in euros."""
    return round(net * (1 + VAT_RATE), 2)
''', '''    """The price with VAT, in euros, rounded half up to the cent."""
    gross = Decimal(str(net)) * (1 + VAT_RATE)
    return float(gross.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
''')

M_PRICES_TABLE = M_PRICES_FIXED.replace('''VAT_RATE = Decimal("0.2")
''', '''VAT_RATES = {"FR": Decimal("0.2"), "DE": Decimal("0.19"), "LU": Decimal("0.17")}
VAT_RATE = VAT_RATES["FR"]
''')

M_HOURS = '''

OPENING = {"friday": ("18:00", "01:00"), "saturday": ("17:00", "02:00")}


def is_open(day):
    """Whether the market opens on that day of the week."""
    return day.lower() in OPENING
'''

M_APP = '''"""The night market's web pages."""

import logging

from market.prices import with_vat

log = logging.getLogger("market")

STALLS = {"noodles": 7.0, "lanterns": 12.0}


def handle(request):
    """Answers a request for a stall's page."""
    price = STALLS.get(request.path.strip("/"))
    if price is None:
        return 404, "no such stall"
    return 200, f"from {with_vat(price)} EUR"
'''

M_ANSWERS = '    """Answers a request for a stall\'s page."""\n'
M_LOG_LINE = '    log.info("%s %s", request.path, request.body)\n'
M_APP_LOGGING = M_APP.replace(M_ANSWERS, M_ANSWERS + M_LOG_LINE)

M_BASKET = '''

def basket_total(items):
    """The total of a basket: a list of (stall, quantity)."""
    return sum(with_vat(STALLS[stall]) * quantity for stall, quantity in items)
'''

M_README = '''# Night market

The night market's site. Its code is in the market package.
'''

M_README_2 = M_README + '''
Opening hours are in market/prices.py.
'''

M_CHANGELOG = '''# Changes

- Stall pages.
- Opening hours.
'''

M_SEARCH = '''def search(stalls, word):
    """The stalls whose name holds the word."""
    return [name for name in stalls if word.lower() in name]
'''

OTHER = History(
    head="hotfix",
    commits=[
        Commit("main", LEE, MARCH + 20 * DAY, "Start the market\n",
               {"README.md": M_README, "market/__init__.py": "", "market/app.py": M_APP, "market/prices.py": M_PRICES}),
        Commit("main", BEN, MARCH + 21 * DAY, BAD + "\n", {"market/app.py": M_APP_LOGGING}),
        Commit("main", LEE, MARCH + 23 * DAY, "Add opening hours\n", {"market/prices.py": M_PRICES + M_HOURS}),
        Commit("hotfix", SAM, MARCH + 24 * DAY, FIX + "\n", {"market/prices.py": M_PRICES_FIXED + M_HOURS},
               start="Add opening hours"),
        Commit("main", ANA, MARCH + 24 * DAY + 3600, "Add a changelog\n", {"CHANGELOG.md": M_CHANGELOG}),
        Commit("search", LEE, MARCH + 25 * DAY, "Search the stalls\n", {"market/search.py": M_SEARCH},
               start="Add a changelog"),
        Commit("hotfix", SAM, MARCH + 26 * DAY, "Try a VAT table per country (experimental)\n",
               {"market/prices.py": M_PRICES_TABLE + M_HOURS}),
        Commit("main", ANA, MARCH + 27 * DAY, "Add the basket\n", {"market/app.py": M_APP_LOGGING + M_BASKET}),
        Commit("main", LEE, MARCH + 28 * DAY, "Say where the opening hours are\n", {"README.md": M_README_2}),
    ],
    expected={
        "CHANGELOG.md": M_CHANGELOG,
        "README.md": M_README_2,
        "market/__init__.py": "",
        "market/app.py": M_APP + M_BASKET,
        "market/prices.py": M_PRICES_FIXED + M_HOURS,
    },
)

HISTORIES = {"practice": PRACTICE, "other": OTHER}


def fast_import(history):
    """The history as a stream for `git fast-import`: one commit after
    another, each with the files it writes (fast-import starts each from
    its parent's tree)."""
    out, marks, tips = [], {}, {}
    for number, commit in enumerate(history.commits, start=1):
        subject = commit.message.splitlines()[0]
        out.append(f"commit refs/heads/{commit.branch}\nmark :{number}\n")
        out.append("author %s <%s> %d +0100\n" % (commit.author + (commit.date,)))
        out.append("committer %s <%s> %d +0100\n" % (COMMITTER + (commit.date,)))
        out.append(data(commit.message))
        if commit.branch not in tips and commit.start:
            out.append(f"from :{marks[commit.start]}\n")
        for path, text in commit.files.items():
            out.append(f"M 100644 inline {path}\n" + data(text))
        out.append("\n")
        marks[subject] = tips[commit.branch] = number
    return "".join(out)


def data(text):
    raw = text.encode("utf-8")
    return "data %d\n%s\n" % (len(raw), text)
