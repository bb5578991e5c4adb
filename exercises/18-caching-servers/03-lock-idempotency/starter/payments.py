import json  # noqa: F401
import secrets  # noqa: F401

LOCK_TTL = 30  # seconds a payment's lock lasts: longer than any charge takes
RESULT_TTL = 24 * 60 * 60  # seconds a payment's result is kept for retries


class PaymentInProgress(Exception):
    """Another call is processing a payment with this request key right now."""


def acquire_lock(client, name, ttl):
    """Take the lock lock:{name} for ttl seconds (0.2 is a fine ttl). Return
    the token that proves we hold it, or None if someone else holds it."""
    return None


def release_lock(client, name, token):
    """Release lock:{name} if token still holds it. True if it was released,
    False if it had expired or belongs to someone else (left alone)."""
    return False


def pay(client, request_key, amount_cents, charge):
    """Charge amount_cents once per request key, however often and however
    concurrently this is called: the first call charges (charge(amount_cents)
    gives the charge's id) and stores the result; a retry returns it; a call
    while another is charging raises PaymentInProgress."""
    return {"request_key": request_key, "amount_cents": amount_cents, "charge_id": charge(amount_cents)}
