import pytest

from drillkit import learnerside
from notify import EmailNotifier, Notifier, SmsNotifier, UrgentEmailNotifier, broadcast


def test_email_text_has_headers_and_message():
    email = EmailNotifier("shop@example.com")
    text = email.format("ada@example.com", "Your order has shipped.")
    assert text == "To: ada@example.com\nFrom: shop@example.com\n\nYour order has shipped."


def test_send_returns_the_text_and_records_it():
    email = EmailNotifier("shop@example.com")
    first = email.send("ada@example.com", "one")
    second = email.send("bob@example.com", "two")
    assert first == "To: ada@example.com\nFrom: shop@example.com\n\none"
    assert email.sent == [first, second]


def test_notifier_is_abstract():
    with pytest.raises(TypeError):
        Notifier("shop")


@pytest.mark.hidden
def test_a_subclass_without_format_cannot_be_created():
    """A subclass that does not define format must fail when created (TypeError): make format an @abstractmethod of an ABC."""
    Pigeon = learnerside.subclass(Notifier, "Pigeon")
    with pytest.raises(TypeError):
        Pigeon("shop")


def test_a_short_sms_is_sender_and_message():
    sms = SmsNotifier("Shop")
    assert sms.send("+44 7700 900123", "Shipped!") == "Shop: Shipped!"


def test_sms_default_limit_is_160_characters():
    sms = SmsNotifier("Shop")
    assert sms.max_length == 160
    assert sms.sender == "Shop"
    text = sms.format("+44 7700 900123", "x" * 500)
    assert len(text) == 160
    assert text == "Shop: " + "x" * 151 + "..."


def test_an_sms_exactly_at_the_limit_is_not_cut():
    sms = SmsNotifier("Shop", max_length=20)
    message = "a" * 14  # "Shop: " is 6 characters
    assert sms.format("+1", message) == "Shop: " + message


def test_an_sms_one_over_the_limit_is_cut_with_dots():
    sms = SmsNotifier("Shop", max_length=20)
    assert sms.format("+1", "Your order has shipped.") == "Shop: Your order ..."
    assert sms.format("+1", "a" * 15) == "Shop: " + "a" * 11 + "..."


def test_urgent_email_is_an_email_notifier():
    urgent = UrgentEmailNotifier("ops@example.com")
    assert isinstance(urgent, EmailNotifier)
    assert isinstance(urgent, Notifier)
    assert urgent.sender == "ops@example.com"


def test_urgent_email_prefixes_the_message():
    urgent = UrgentEmailNotifier("ops@example.com")
    text = urgent.send("ada@example.com", "Disk full")
    assert text == "To: ada@example.com\nFrom: ops@example.com\n\nURGENT: Disk full"
    assert urgent.sent == [text]


def test_urgent_email_reuses_the_email_format():
    original = EmailNotifier.format

    def shouting(self, recipient, message):
        return original(self, recipient, message).upper()

    EmailNotifier.format = learnerside.method(shouting)
    try:
        text = UrgentEmailNotifier("ops").format("ada", "hi")
    finally:
        EmailNotifier.format = original
    assert text == "TO: ADA\nFROM: OPS\n\nURGENT: HI"


def test_each_notifier_keeps_its_own_sent_list():
    a = EmailNotifier("a@example.com")
    b = SmsNotifier("B")
    a.send("x", "hello")
    assert b.sent == []
    assert len(a.sent) == 1


def test_broadcast_uses_each_notifiers_own_format():
    email = EmailNotifier("shop@example.com")
    sms = SmsNotifier("Shop", max_length=12)
    urgent = UrgentEmailNotifier("ops@example.com")
    texts = broadcast([sms, email, urgent], "ada", "Sale today")
    assert texts == [
        "Shop: Sal...",
        "To: ada\nFrom: shop@example.com\n\nSale today",
        "To: ada\nFrom: ops@example.com\n\nURGENT: Sale today",
    ]
    assert sms.sent == ["Shop: Sal..."]


def test_broadcast_works_with_any_notifier_subclass():
    def shout_format(self, recipient, message):
        return f"{recipient.upper()}! {message.upper()}!"

    Shout = learnerside.subclass(Notifier, "Shout", format=shout_format)
    shout = Shout("me")
    assert broadcast([shout], "ada", "hi") == ["ADA! HI!"]
    assert shout.sent == ["ADA! HI!"]
    assert broadcast([], "ada", "hi") == []
