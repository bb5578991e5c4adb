import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from bank.models import Account, Payee

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)


def make_customers():
    """alice (100 euros, payees bob and mallory), bob (20 euros), mallory (0 euros)."""
    customers = {}
    for username, balance in [("alice", 100), ("bob", 20), ("mallory", 0)]:
        user = User.objects.create_user(username)
        Account.objects.create(owner=user, balance=balance)
        customers[username] = user
    Payee.objects.create(owner=customers["alice"], username="bob")
    Payee.objects.create(owner=customers["alice"], username="mallory")
    return customers


def browser(user):
    """A logged-in browser session that checks CSRF tokens, as a real one does."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def account_page(client):
    response = client.get("/transfer/")
    assert response.status_code == 200
    return response.content.decode()


def token_in(html):
    """The CSRF token in a piece of HTML, or "" if it has none."""
    match = TOKEN.search(html)
    return match.group(1) if match else ""


def form_posting_to(html, action):
    """The inside of the <form> whose action is `action`, or None."""
    for attrs, body in FORM.findall(html):
        if re.search(r'action="%s"' % re.escape(action), attrs) and re.search(r'method="post"', attrs, re.I):
            return body
    return None


def submit(client, action, data):
    """Post a form from the account page the way a browser does: with the CSRF
    token that the page gave (if it gave one)."""
    token = token_in(account_page(client))
    if token:
        data = dict(data, csrfmiddlewaretoken=token)
    return client.post(action, data)


def balances():
    return {account.owner.username: account.balance for account in Account.objects.select_related("owner")}


def payees_of(user):
    return sorted(Payee.objects.filter(owner=user).values_list("username", flat=True))


def test_the_account_page_shows_the_balance_and_the_payees():
    customers = make_customers()
    html = account_page(browser(customers["alice"]))
    assert '<strong class="balance">100</strong>' in html
    assert "bob" in html
    assert "mallory" in html


def test_sending_money_with_the_form_works():
    customers = make_customers()
    response = submit(browser(customers["alice"]), "/transfer/", {"to": "bob", "amount": "30"})
    assert response.status_code == 302
    assert balances() == {"alice": 70, "bob": 50, "mallory": 0}


def test_a_transfer_that_is_not_possible_is_refused():
    customers = make_customers()
    client = browser(customers["alice"])
    response = submit(client, "/transfer/", {"to": "bob", "amount": "500"})
    assert response.status_code == 400
    assert "too low" in response.content.decode()
    response = submit(client, "/transfer/", {"to": "nobody", "amount": "5"})
    assert response.status_code == 400
    assert balances() == {"alice": 100, "bob": 20, "mallory": 0}


def test_removing_a_payee_with_its_button_works():
    customers = make_customers()
    mallory = Payee.objects.get(owner=customers["alice"], username="mallory")
    response = submit(browser(customers["alice"]), f"/payees/{mallory.id}/remove/", {})
    assert response.status_code == 302
    assert payees_of(customers["alice"]) == ["bob"]


def test_a_visitor_who_is_not_logged_in_is_sent_to_the_login_page():
    make_customers()
    response = Client(enforce_csrf_checks=True).get("/transfer/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_the_transfer_form_carries_a_csrf_token():
    customers = make_customers()
    form = form_posting_to(account_page(browser(customers["alice"])), "/transfer/")
    assert form is not None, 'the page has no <form method="post" action="/transfer/">'
    assert token_in(form) != "", "the transfer form has no hidden csrfmiddlewaretoken field"


def test_a_forged_transfer_without_a_token_is_refused():
    customers = make_customers()
    alice = browser(customers["alice"])
    account_page(alice)  # alice has the bank open in another tab
    # evil.example makes alice's browser post a form to the bank:
    response = alice.post("/transfer/", {"to": "mallory", "amount": "100"})
    assert response.status_code == 403
    assert balances() == {"alice": 100, "bob": 20, "mallory": 0}


def test_a_forged_transfer_with_the_attackers_own_token_is_refused():
    customers = make_customers()
    stolen = token_in(account_page(browser(customers["mallory"])))
    alice = browser(customers["alice"])
    account_page(alice)
    response = alice.post("/transfer/", {"to": "mallory", "amount": "100", "csrfmiddlewaretoken": stolen or "x" * 32})
    assert response.status_code == 403
    assert balances() == {"alice": 100, "bob": 20, "mallory": 0}


def test_a_forged_removal_without_a_token_is_refused():
    customers = make_customers()
    bob = Payee.objects.get(owner=customers["alice"], username="bob")
    alice = browser(customers["alice"])
    account_page(alice)
    response = alice.post(f"/payees/{bob.id}/remove/", {})
    assert response.status_code == 403
    assert payees_of(customers["alice"]) == ["bob", "mallory"]


def test_a_link_or_image_cannot_remove_a_payee():
    customers = make_customers()
    bob = Payee.objects.get(owner=customers["alice"], username="bob")
    # <img src="https://bank.example/payees/1/remove/"> on any web page:
    response = browser(customers["alice"]).get(f"/payees/{bob.id}/remove/")
    assert payees_of(customers["alice"]) == ["bob", "mallory"]
    assert response.status_code == 405


@pytest.mark.hidden
def test_each_remove_button_is_a_form_that_posts_with_a_token():
    """Each payee's Remove must be a small <form method="post"> with {% csrf_token %}, not a link."""
    customers = make_customers()
    html = account_page(browser(customers["alice"]))
    for payee in Payee.objects.filter(owner=customers["alice"]):
        form = form_posting_to(html, f"/payees/{payee.id}/remove/")
        assert form is not None, f'no <form method="post" action="/payees/{payee.id}/remove/">'
        assert token_in(form) != ""
