#!/bin/sh
# Builds this exercise's practice repository in a new folder, to try your
# repair.sh on:
#
#     sh practice-repo.sh /tmp/shop
#     cd /tmp/shop && bash /path/to/repair.sh
#
# Every commit has a fixed author, committer and date, so the repository
# comes out the same, with the same commit hashes, every time. Run it again
# into another new folder to start over.
set -eu
repo=${1:?usage: sh practice-repo.sh NEW-FOLDER}
if [ -e "$repo" ]; then
    echo "$repo already exists: give a folder that does not exist yet" >&2
    exit 1
fi
git init --quiet --initial-branch=main "$repo"
cd "$repo"
git config user.name "Robin Repair"
git config user.email robin@example.com
git config commit.gpgsign false
git config core.autocrlf false

export GIT_COMMITTER_NAME="Casey Build" GIT_COMMITTER_EMAIL=casey@example.com

# commit DATE AUTHOR MESSAGE...: commits every change, by AUTHOR, at DATE
# (seconds since 1970, in the time zone +0100). Each -m is a paragraph.
commit() {
    date=$1 author=$2
    shift 2
    git add --all
    GIT_AUTHOR_DATE="$date +0100" GIT_COMMITTER_DATE="$date +0100" \
        git commit --quiet --no-verify --author="$author" "$@"
}

# Start the shop
cat > README.md <<'EOF'
# Corner shop

A small web shop: `handle(request)` in app.py answers a product's page.
EOF
cat > app.py <<'EOF'
import logging

from prices import with_vat

log = logging.getLogger("shop")

PRODUCTS = {"tea": 4.5, "mug": 8.0}


def handle(request):
    """Answers a request for a product's page."""
    price = PRODUCTS.get(request.path.strip("/"))
    if price is None:
        return 404, "no such product"
    return 200, f"{with_vat(price)} EUR"
EOF
cat > prices.py <<'EOF'
VAT_RATE = 0.2


def with_vat(net):
    """The price with VAT, in euros."""
    return round(net * (1 + VAT_RATE), 2)
EOF
commit 1709280000 'Ana Lima <ana@example.com>' -m 'Start the shop'

# Add discount codes
cat > prices.py <<'EOF'
VAT_RATE = 0.2


def with_vat(net):
    """The price with VAT, in euros."""
    return round(net * (1 + VAT_RATE), 2)


CODES = {"SPRING": 10, "VIP": 25}


def discounted(price, code):
    """The price after the code's discount, if there is such a code."""
    percent = CODES.get(code, 0)
    return round(price * (100 - percent) / 100, 2)
EOF
commit 1709539200 'Ben Okafor <ben@example.com>' -m 'Add discount codes'

# Log every request body
cat > app.py <<'EOF'
import logging

from prices import with_vat

log = logging.getLogger("shop")

PRODUCTS = {"tea": 4.5, "mug": 8.0}


def handle(request):
    """Answers a request for a product's page."""
    log.info("request %s body=%r", request.path, request.body)
    price = PRODUCTS.get(request.path.strip("/"))
    if price is None:
        return 404, "no such product"
    return 200, f"{with_vat(price)} EUR"
EOF
commit 1709712000 'Ben Okafor <ben@example.com>' -m 'Log every request body' -m 'To debug the checkout.'

# Fix VAT rounding
git switch --quiet --create hotfix "$(git log --format=%H --grep='Add discount codes' --fixed-strings -n 1)"
cat > prices.py <<'EOF'
from decimal import ROUND_HALF_UP, Decimal

VAT_RATE = Decimal("0.2")


def with_vat(net):
    """The price with VAT, in euros, rounded half up to the cent."""
    gross = Decimal(str(net)) * (1 + VAT_RATE)
    return float(gross.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


CODES = {"SPRING": 10, "VIP": 25}


def discounted(price, code):
    """The price after the code's discount, if there is such a code."""
    percent = CODES.get(code, 0)
    return round(price * (100 - percent) / 100, 2)
EOF
commit 1709798400 'Sam Reyes <sam@example.com>' -m 'Fix VAT rounding' -m 'round() on a float can send half a cent down: with_vat(0.1875) gave 0.22, not 0.23.'

# Add price labels
git switch --quiet main
cat > prices.py <<'EOF'
VAT_RATE = 0.2


def with_vat(net):
    """The price with VAT, in euros."""
    return round(net * (1 + VAT_RATE), 2)


CODES = {"SPRING": 10, "VIP": 25}


def discounted(price, code):
    """The price after the code's discount, if there is such a code."""
    percent = CODES.get(code, 0)
    return round(price * (100 - percent) / 100, 2)


def label(price):
    """A price as the shop shows it: 4.50 EUR."""
    return f"{price:.2f} EUR"
EOF
commit 1709884800 'Ana Lima <ana@example.com>' -m 'Add price labels'

# Add the contact page
cat > app.py <<'EOF'
import logging

from prices import with_vat

log = logging.getLogger("shop")

PRODUCTS = {"tea": 4.5, "mug": 8.0}


def handle(request):
    """Answers a request for a product's page."""
    log.info("request %s body=%r", request.path, request.body)
    price = PRODUCTS.get(request.path.strip("/"))
    if price is None:
        return 404, "no such product"
    return 200, f"{with_vat(price)} EUR"


def contact(request):
    """The contact page."""
    return 200, "Write to shop@example.com"
EOF
commit 1710144000 'Ana Lima <ana@example.com>' -m 'Add the contact page'

echo "practice repository made in $repo:"
git log --oneline --graph --all
