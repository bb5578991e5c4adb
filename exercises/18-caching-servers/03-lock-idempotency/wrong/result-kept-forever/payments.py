import json
import secrets

LOCK_TTL = 30  # seconds a payment's lock lasts: longer than any charge takes
RESULT_TTL = 24 * 60 * 60  # seconds a payment's result is kept for retries


class PaymentInProgress(Exception):
    """Another call is processing a payment with this request key right now."""


# Delete the lock only if it still holds our token, in one step on the
# server: a GET, a compare here and a DEL would leave a gap in which the
# lock expires, someone else takes it, and our DEL removes theirs.
RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
    return redis.call('DEL', KEYS[1])
end
return 0
"""


def acquire_lock(client, name, ttl):
    """Take the lock lock:{name} for ttl seconds (0.2 is a fine ttl). Return
    the token that proves we hold it, or None if someone else holds it."""
    token = secrets.token_hex(16)
    # NX: only if nobody holds it; PX: it expires even if we crash holding it.
    if client.set(f"lock:{name}", token, nx=True, px=max(1, int(ttl * 1000))):
        return token
    return None


def release_lock(client, name, token):
    """Release lock:{name} if token still holds it. True if it was released,
    False if it had expired or belongs to someone else (left alone)."""
    return client.eval(RELEASE, 1, f"lock:{name}", token) == 1


def stored(client, request_key, amount_cents):
    """The stored result of the payment with this request key, or None."""
    raw = client.get(f"payment:{request_key}")
    if raw is None:
        return None
    result = json.loads(raw)
    if result["amount_cents"] != amount_cents:
        raise ValueError(
            f"request key {request_key!r} was used for {result['amount_cents']} cents, not {amount_cents}"
        )
    return result


def pay(client, request_key, amount_cents, charge):
    """Charge amount_cents once per request key, however often and however
    concurrently this is called: the first call charges (charge(amount_cents)
    gives the charge's id) and stores the result; a retry returns it; a call
    while another is charging raises PaymentInProgress."""
    result = stored(client, request_key, amount_cents)
    if result is not None:
        return result
    token = acquire_lock(client, f"payment:{request_key}", LOCK_TTL)
    if token is None:
        raise PaymentInProgress(request_key)
    try:
        # The holder before us may have finished between our look and our lock.
        result = stored(client, request_key, amount_cents)
        if result is not None:
            return result
        result = {"request_key": request_key, "amount_cents": amount_cents, "charge_id": charge(amount_cents)}
        client.set(f"payment:{request_key}", json.dumps(result))
        return result
    finally:
        release_lock(client, f"payment:{request_key}", token)
