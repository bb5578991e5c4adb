import hmac

from django.conf import settings
from django.http import JsonResponse


def known_key(key):
    # compare_digest takes as long for a near miss as for a far one, so the
    # time of the answer does not tell an attacker how close a guess was.
    return any(hmac.compare_digest(key.encode(), valid.encode()) for valid in settings.API_KEYS)


class AccessMiddleware:
    """Turns away blocked addresses, and /api/ requests without a valid
    API key (see README.md)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.META.get("REMOTE_ADDR") in settings.BLOCKED_IPS:
            return JsonResponse({"error": "forbidden"}, status=403)
        if request.path.startswith("/api"):
            key = request.headers.get("X-API-Key", "")
            if not key:
                return JsonResponse({"error": "API key required"}, status=401)
            if not known_key(key):
                return JsonResponse({"error": "invalid API key"}, status=403)
        return self.get_response(request)
