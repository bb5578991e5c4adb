import logging

from django.conf import settings

# Call transport.post(...) through the module, as below (the tests replace it).
from payments import transport

logger = logging.getLogger(__name__)


class PaymentError(Exception):
    """The payment did not go through."""


def mask_secret(value):
    """Enough of a secret to tell which one it is: "****" and its last four
    characters, or just "****" when it is too short to show any of it."""
    if len(value) < 12:
        return "****"
    return "****" + value[-4:]


def auth_headers():
    return {
        "Authorization": f"Bearer {settings.PAYMENTS_API_KEY}",
        "Content-Type": "application/json",
    }


def charge(amount_cents, card_token):
    """Charge amount_cents to a card; return the provider's charge id."""
    url = settings.PAYMENTS_API_URL
    data = {"amount": amount_cents, "currency": "eur", "source": card_token}
    # The headers hold the key: they go to the provider and nowhere else,
    # neither into the logs nor into error messages.
    logger.info("Charging %s cents: POST %s (key %s)", amount_cents, url, mask_secret(settings.PAYMENTS_API_KEY))
    try:
        reply = transport.post(url, auth_headers(), data)
    except transport.TransportError as exc:
        raise PaymentError(f"could not reach {url}") from exc
    if reply.get("status") != "succeeded":
        raise PaymentError(f"the provider refused the charge: {reply.get('error')}")
    logger.info("Charge %s succeeded", reply["id"])
    return reply["id"]
