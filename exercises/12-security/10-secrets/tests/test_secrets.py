import logging
import re

import pytest

from drillkit import files, learnerside
from payments import transport

KEY = "sk_live_9fT2xQw7LmZ3pR8vK1yN4bJd"
LEARNER_FILES = ["project/settings.py", "payments/gateway.py", "payments/views.py"]
KEY_IN_CODE = re.compile(r"sk_(live|test)_[A-Za-z0-9]{8,}")


class FakeProvider:
    """Stands in for transport.post: `post` records each call and answers with `reply`."""

    def __init__(self, reply):
        self.reply = reply
        self.calls = []

    def post(self, url, headers, data):
        self.calls.append({"url": url, "headers": dict(headers), "data": dict(data)})
        return self.reply


SUCCEEDED = {"id": "ch_3NtQ8", "status": "succeeded"}
DECLINED = {"id": "ch_3NtQ9", "status": "failed", "error": "card declined"}


def set_up(settings, monkeypatch, reply=SUCCEEDED, key=KEY):
    """The key in the settings and a fake provider in place of transport.post;
    with reply None, the provider cannot be reached: post raises the
    learner's process's own TransportError."""
    settings.PAYMENTS_API_KEY = key
    provider = FakeProvider(reply)
    if reply is None:
        unreachable = learnerside.call(transport.TransportError, "connection timed out")
        monkeypatch.setattr(transport, "post", learnerside.module("unittest.mock").Mock(side_effect=unreachable))
    else:
        monkeypatch.setattr(transport, "post", provider.post)
    return provider


def pay(client, amount="1250", card="tok_visa"):
    return client.post("/pay/", {"amount": amount, "card": card})


def as_text(response):
    return "".join(f"{name}: {value}\n" for name, value in response.headers.items()) + response.content.decode()


def every_answer(client, settings, monkeypatch):
    """The answers (headers and body) to a successful, a declined and an
    unreachable payment, a bad request and the status page."""
    answers = {}
    for name, reply in [("paid", SUCCEEDED), ("declined", DECLINED), ("unreachable", None)]:
        set_up(settings, monkeypatch, reply)
        answers[name] = as_text(pay(client))
    answers["bad amount"] = as_text(pay(client, amount="lots"))
    answers["status page"] = as_text(client.get("/payments/status/"))
    return answers


def holds_the_key(text):
    # All of the key but its last four characters (which may be shown).
    return KEY[:-4] in text


# --- it still works ------------------------------------------------------------


def test_a_payment_goes_through_with_the_key(client, settings, monkeypatch):
    provider = set_up(settings, monkeypatch)
    response = pay(client)
    assert response.status_code == 200
    assert response.json() == {"status": "paid", "charge": "ch_3NtQ8"}
    assert len(provider.calls) == 1
    call = provider.calls[0]
    assert call["url"] == "https://api.payments.example/v1/charges"
    assert call["headers"]["Authorization"] == f"Bearer {KEY}"
    assert call["data"] == {"amount": 1250, "currency": "eur", "source": "tok_visa"}


def test_payments_are_still_logged(client, settings, monkeypatch):
    set_up(settings, monkeypatch)
    # The learner's code logs in its own process: the records are caught there.
    with learnerside.logs(logging.INFO) as logs:
        pay(client)
    assert "Charging 1250 cents" in logs.text
    assert "ch_3NtQ8" in logs.text


def test_a_declined_card_gives_502_with_the_reason(client, settings, monkeypatch):
    set_up(settings, monkeypatch, DECLINED)
    response = pay(client)
    assert response.status_code == 502
    assert "card declined" in response.json()["error"]


def test_an_unreachable_provider_gives_502(client, settings, monkeypatch):
    set_up(settings, monkeypatch, None)
    assert pay(client).status_code == 502


def test_a_bad_amount_gives_400_without_calling_the_provider(client, settings, monkeypatch):
    provider = set_up(settings, monkeypatch)
    assert pay(client, amount="lots").status_code == 400
    assert pay(client, amount="-5").status_code == 400
    assert provider.calls == []


def test_the_status_page_shows_the_set_up(client, settings, monkeypatch):
    set_up(settings, monkeypatch)
    data = client.get("/payments/status/").json()
    assert (data["provider"], data["configured"]) == ("https://api.payments.example/v1/charges", True)
    settings.PAYMENTS_API_KEY = ""
    assert client.get("/payments/status/").json()["configured"] is False


# --- the key stays secret -------------------------------------------------------


def test_the_status_page_shows_only_the_last_four_characters_of_the_key(client, settings, monkeypatch):
    set_up(settings, monkeypatch)
    assert client.get("/payments/status/").json()["api_key"] == "****4bJd"


def test_a_short_key_is_not_shown_at_all(client, settings, monkeypatch):
    set_up(settings, monkeypatch, key="sk_abc12345")
    assert client.get("/payments/status/").json()["api_key"] == "****"
    settings.PAYMENTS_API_KEY = ""
    assert client.get("/payments/status/").json()["api_key"] == "****"


def test_the_key_is_in_no_answer(client, settings, monkeypatch):
    answers = every_answer(client, settings, monkeypatch)
    leaks = {name: text for name, text in answers.items() if holds_the_key(text)}
    assert leaks == {}


def test_the_key_is_in_no_log_message(client, settings, monkeypatch):
    with learnerside.logs(logging.DEBUG) as logs:
        every_answer(client, settings, monkeypatch)
    assert logs.records, "nothing was logged at all"
    leaks = [line for line in logs.text.splitlines() if holds_the_key(line)]
    assert leaks == []


def test_the_key_is_read_from_the_environment(monkeypatch):
    # The settings are read in the learner's process, from its environment.
    environ = learnerside.module("os").environ
    run_path = learnerside.module("runpy").run_path
    monkeypatch.setitem(environ, "PAYMENTS_API_KEY", "sk_test_fromTheEnvironment42")
    assert run_path("project/settings.py")["PAYMENTS_API_KEY"] == "sk_test_fromTheEnvironment42"
    monkeypatch.delitem(environ, "PAYMENTS_API_KEY")
    assert run_path("project/settings.py")["PAYMENTS_API_KEY"] == ""


@pytest.mark.hidden
def test_no_key_is_written_in_the_code():
    """No API key may be written anywhere in the code, not even as a default for a missing environment variable."""
    for name in LEARNER_FILES:
        found = KEY_IN_CODE.search(files.text(name))
        assert found is None, f"{name} holds a key: {found.group(0)}"
