from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from rest_framework.test import APIClient

from wallet.models import Account

pytestmark = pytest.mark.django_db


def make_users():
    ada = User.objects.create_user("ada", email="ada@example.com", password="correct horse battery staple",
                                   first_name="Ada", last_name="Lovelace")
    bob = User.objects.create_user("bob", email="bob@example.com", password="tr0ub4dor&3")
    return ada, bob


def make_account(owner, nickname="Savings", balance="250.00"):
    return Account.objects.create(owner=owner, nickname=nickname, currency="EUR", balance=Decimal(balance))


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user=user)
    return client


def reload(obj):
    obj.refresh_from_db()
    return obj


# --- it still works ---------------------------------------------------------


def test_you_can_read_your_profile():
    ada, _ = make_users()
    response = api(ada).get("/api/me/")
    assert response.status_code == 200
    data = response.json()
    assert (data["id"], data["username"], data["email"]) == (ada.id, "ada", "ada@example.com")
    assert (data["first_name"], data["last_name"]) == ("Ada", "Lovelace")


def test_you_can_change_your_name_and_email():
    ada, _ = make_users()
    response = api(ada).patch("/api/me/", {"first_name": "Augusta Ada", "email": "ada@new.example"}, format="json")
    assert response.status_code == 200
    assert response.json()["email"] == "ada@new.example"
    ada = reload(ada)
    assert (ada.first_name, ada.email) == ("Augusta Ada", "ada@new.example")


def test_you_can_open_an_account():
    ada, _ = make_users()
    response = api(ada).post("/api/accounts/", {"nickname": "Holidays", "currency": "GBP"}, format="json")
    assert response.status_code == 201
    data = response.json()
    assert (data["nickname"], data["currency"], data["balance"], data["owner"]) == ("Holidays", "GBP", "0.00", ada.id)
    account = Account.objects.get(pk=data["id"])
    assert (account.owner, account.nickname, account.balance, account.verified) == (ada, "Holidays", Decimal("0"), False)


def test_an_account_with_an_unknown_currency_is_refused():
    ada, _ = make_users()
    response = api(ada).post("/api/accounts/", {"nickname": "Coins", "currency": "XYZ"}, format="json")
    assert response.status_code == 400
    assert Account.objects.count() == 0


def test_you_can_list_and_rename_your_accounts():
    ada, bob = make_users()
    account = make_account(ada)
    make_account(bob, "Bob's")
    client = api(ada)
    listed = client.get("/api/accounts/").json()
    assert [(a["id"], a["nickname"], a["balance"]) for a in listed] == [(account.id, "Savings", "250.00")]
    response = client.patch(f"/api/accounts/{account.id}/", {"nickname": "Rainy days"}, format="json")
    assert response.status_code == 200
    assert reload(account).nickname == "Rainy days"


def test_the_api_needs_a_login():
    make_users()
    assert api().get("/api/me/").status_code in (401, 403)
    assert api().get("/api/accounts/").status_code in (401, 403)


# --- attacks ------------------------------------------------------------------


def test_the_profile_shows_only_the_five_profile_fields():
    ada, _ = make_users()
    data = api(ada).get("/api/me/").json()
    assert sorted(data) == ["email", "first_name", "id", "last_name", "username"]


@pytest.mark.parametrize(
    "change",
    [{"is_staff": True}, {"is_superuser": True}, {"is_staff": True, "is_superuser": True, "first_name": "Ada"}],
    ids=["is_staff", "is_superuser", "both-with-a-real-change"],
)
def test_you_cannot_make_yourself_an_administrator(change):
    ada, _ = make_users()
    response = api(ada).patch("/api/me/", change, format="json")
    assert response.status_code in (200, 400)
    ada = reload(ada)
    assert (ada.is_staff, ada.is_superuser) == (False, False)


def test_you_cannot_put_yourself_in_a_group_or_change_your_username():
    ada, _ = make_users()
    admins = Group.objects.create(name="admins")
    response = api(ada).patch("/api/me/", {"groups": [admins.id], "username": "root"}, format="json")
    assert response.status_code in (200, 400)
    ada = reload(ada)
    assert ada.username == "ada"
    assert list(ada.groups.all()) == []


@pytest.mark.hidden
def test_the_password_hash_can_neither_be_read_nor_written():
    """The profile must never show the password (not even hashed), nor let PATCH replace it."""
    ada, _ = make_users()
    stored = ada.password
    client = api(ada)
    assert stored not in client.get("/api/me/").content.decode()
    response = client.patch("/api/me/", {"password": "plain-text-now"}, format="json")
    assert stored not in response.content.decode()
    assert reload(ada).password == stored


def test_opening_an_account_cannot_set_its_balance_or_owner():
    ada, bob = make_users()
    response = api(ada).post(
        "/api/accounts/",
        {"nickname": "Jackpot", "currency": "EUR", "balance": "1000000.00", "verified": True, "owner": bob.id},
        format="json",
    )
    assert response.status_code in (201, 400)
    assert [(a.owner, a.balance, a.verified) for a in Account.objects.all()] in ([], [(ada, Decimal("0"), False)])


def test_you_cannot_change_the_balance_or_verify_an_account():
    ada, _ = make_users()
    account = make_account(ada)
    response = api(ada).patch(f"/api/accounts/{account.id}/", {"balance": "999999.00", "verified": True}, format="json")
    assert response.status_code in (200, 400)
    account = reload(account)
    assert (account.balance, account.verified) == (Decimal("250.00"), False)


def test_you_cannot_hand_your_account_to_someone_else():
    ada, bob = make_users()
    account = make_account(ada)
    response = api(ada).patch(f"/api/accounts/{account.id}/", {"owner": bob.id, "nickname": "Gift"}, format="json")
    assert response.status_code in (200, 400)
    assert reload(account).owner == ada
