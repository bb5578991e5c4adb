import pytest
from django.contrib.auth.models import User

from shop.models import Product

pytestmark = pytest.mark.django_db

PUBLIC = ["Desk lamp", "Floor lamp", "Notebook", "O'Neill's mug", "Pencil case"]
HIDDEN = ["Lamp prototype", "Withdrawn stapler"]


@pytest.fixture(autouse=True)
def shop():
    for name in PUBLIC:
        Product.objects.create(name=name)
    for name in HIDDEN:
        Product.objects.create(name=name, public=False)
    User.objects.create(username="admin", password="pbkdf2_sha256$600000$salt$not-a-real-hash")


def search(client, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    return response.json()["results"]


def test_search_finds_public_products_by_name(client):
    assert search(client, "lamp") == ["Desk lamp", "Floor lamp"]


def test_search_ignores_letter_case(client):
    assert search(client, "LAMP") == ["Desk lamp", "Floor lamp"]
    assert search(client, "nOtE") == ["Notebook"]


def test_an_empty_search_lists_every_public_product_by_name(client):
    assert search(client, "") == PUBLIC


def test_products_that_are_not_public_are_never_found(client):
    assert search(client, "prototype") == []
    assert search(client, "stapler") == []


def test_a_name_with_a_quote_can_be_found(client):
    assert search(client, "O'Neill") == ["O'Neill's mug"]
    assert search(client, "'s mug") == ["O'Neill's mug"]


@pytest.mark.parametrize(
    "attack",
    [
        "%' OR 1=1 --",
        "' OR '1'='1",
        "%' OR public = 0 OR name LIKE '",
        "x' OR 'a'='a' --",
        "x'/**/OR/**/public=0/**/OR/**/'a'='",
    ],
)
def test_an_or_attack_finds_nothing(client, attack):
    assert search(client, attack) == []


@pytest.mark.hidden
def test_a_union_attack_cannot_read_the_users_table(client):
    """A UNION SELECT typed into the search box must be searched for as text, and find nothing."""
    results = search(client, "' UNION SELECT username FROM auth_user --")
    assert "admin" not in results
    assert results == []
    results = search(client, "' UNION SELECT password FROM auth_user WHERE '%'='")
    assert results == []


def test_a_second_statement_is_only_searched_for(client):
    assert search(client, "'; DELETE FROM shop_product; --") == []
    assert Product.objects.count() == len(PUBLIC) + len(HIDDEN)
    assert search(client, "lamp") == ["Desk lamp", "Floor lamp"]
