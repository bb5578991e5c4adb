import logging

from django.conf import settings

# Call transport.post(...) through the module, as below (the tests replace it).
from payments import transport

logger = logging.getLogger(__name__)


class PaymentError(Exception):
    """The payment did not go through."""


def auth_headers():
    return {
        "Authorization": f"Bearer {settings.PAYMENTS_API_KEY}",
        "Content-Type": "application/json",
    }


def charge(amount_cents, card_token):
    """Charge amount_cents to a card; return the provider's charge id."""
    url = settings.PAYMENTS_API_URL
    headers = auth_headers()
    data = {"amount": amount_cents, "currency": "eur", "source": card_token}
    logger.info("Charging %s cents: POST %s headers=%s data=%s", amount_cents, url, headers, data)
    try:
        reply = transport.post(url, headers, data)
    except transport.TransportError as exc:
        raise PaymentError(f"could not reach {url} with headers {headers}: {exc}") from exc
    if reply.get("status") != "succeeded":
        raise PaymentError(f"the provider refused the charge (sent {headers}): {reply.get('error')}")
    logger.info("Charge %s succeeded", reply["id"])
    return reply["id"]
