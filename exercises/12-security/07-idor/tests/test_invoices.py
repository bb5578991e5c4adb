from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.test import Client

from billing.models import Invoice

pytestmark = pytest.mark.django_db


def make_invoices():
    """alice has A-1 and A-2, bob has B-1; carol is an accountant (staff)."""
    alice = User.objects.create_user("alice")
    bob = User.objects.create_user("bob")
    carol = User.objects.create_user("carol", is_staff=True)
    a1 = Invoice.objects.create(owner=alice, number="A-1", customer_name="Alice Smith",
                                address="1 Elm Street", amount=Decimal("120.00"))
    a2 = Invoice.objects.create(owner=alice, number="A-2", customer_name="Alice Smith",
                                address="1 Elm Street", amount=Decimal("30.50"), paid=True)
    b1 = Invoice.objects.create(owner=bob, number="B-1", customer_name="Bob Jones",
                                address="7 Oak Road", amount=Decimal("75.25"))
    return {"alice": alice, "bob": bob, "carol": carol, "A-1": a1, "A-2": a2, "B-1": b1}


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def is_paid(invoice):
    invoice.refresh_from_db()
    return invoice.paid


def test_the_list_shows_your_own_invoices():
    data = make_invoices()
    response = logged_in(data["alice"]).get("/invoices/")
    assert response.status_code == 200
    assert [invoice["number"] for invoice in response.json()["invoices"]] == ["A-1", "A-2"]


def test_you_can_see_your_own_invoice():
    data = make_invoices()
    response = logged_in(data["alice"]).get(f"/invoices/{data['A-1'].id}/")
    assert response.status_code == 200
    assert response.json() == {
        "id": data["A-1"].id,
        "number": "A-1",
        "customer_name": "Alice Smith",
        "address": "1 Elm Street",
        "amount": "120.00",
        "paid": False,
    }


def test_you_can_pay_your_own_invoice():
    data = make_invoices()
    response = logged_in(data["bob"]).post(f"/invoices/{data['B-1'].id}/pay/")
    assert response.status_code == 200
    assert response.json()["paid"] is True
    assert is_paid(data["B-1"])


def test_an_accountant_can_see_every_customers_invoices():
    data = make_invoices()
    carol = logged_in(data["carol"])
    for number in ["A-1", "A-2", "B-1"]:
        response = carol.get(f"/invoices/{data[number].id}/")
        assert response.status_code == 200
        assert response.json()["number"] == number


def test_an_invoice_that_does_not_exist_gives_404():
    data = make_invoices()
    alice = logged_in(data["alice"])
    assert alice.get("/invoices/9999/").status_code == 404
    assert alice.post("/invoices/9999/pay/").status_code == 404


def test_paying_needs_a_post_and_a_login():
    data = make_invoices()
    assert logged_in(data["alice"]).get(f"/invoices/{data['A-1'].id}/pay/").status_code == 405
    response = Client().get(f"/invoices/{data['A-1'].id}/")
    assert response.status_code == 302
    assert not is_paid(data["A-1"])


def test_you_cannot_see_another_customers_invoice():
    data = make_invoices()
    response = logged_in(data["alice"]).get(f"/invoices/{data['B-1'].id}/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "Bob Jones" not in content
    assert "7 Oak Road" not in content


def test_you_cannot_pay_another_customers_invoice():
    data = make_invoices()
    response = logged_in(data["alice"]).post(f"/invoices/{data['B-1'].id}/pay/")
    assert response.status_code == 404
    assert not is_paid(data["B-1"])


def test_an_accountant_cannot_pay_a_customers_invoice():
    data = make_invoices()
    response = logged_in(data["carol"]).post(f"/invoices/{data['A-1'].id}/pay/")
    assert response.status_code == 404
    assert not is_paid(data["A-1"])


@pytest.mark.hidden
def test_trying_every_id_finds_only_your_own_invoices():
    """Counting through the ids must find only the user's own invoices; every other id looks like a missing one (404)."""
    data = make_invoices()
    bob = logged_in(data["bob"])
    found = {}
    for invoice_id in range(1, max(Invoice.objects.values_list("id", flat=True)) + 3):
        response = bob.get(f"/invoices/{invoice_id}/")
        found[invoice_id] = response.json()["number"] if response.status_code == 200 else response.status_code
    expected = {invoice_id: 404 for invoice_id in found}
    expected[data["B-1"].id] = "B-1"
    assert found == expected
