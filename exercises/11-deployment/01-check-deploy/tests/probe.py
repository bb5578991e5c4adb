"""Run as a separate process with DJANGO_SETTINGS_MODULE set: sets Django up
and prints, as one JSON document, some settings and the responses to a few
requests (or the error that stopped Django from starting)."""

import json
import sys

SETTINGS = [
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "INSTALLED_APPS",
    "MIDDLEWARE",
    "ROOT_URLCONF",
    "DATABASES",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
]

REQUESTS = {
    "https": {"secure": True, "HTTP_HOST": "shop.example.com"},
    "http": {"secure": False, "HTTP_HOST": "shop.example.com"},
    "proxied https": {"secure": False, "HTTP_HOST": "shop.example.com", "HTTP_X_FORWARDED_PROTO": "https"},
    "proxied http": {"secure": False, "HTTP_HOST": "shop.example.com", "HTTP_X_FORWARDED_PROTO": "http"},
    "other host": {"secure": True, "HTTP_HOST": "evil.example.com"},
}


def main():
    try:
        import django

        django.setup()
        from django.conf import settings

        values = {name: getattr(settings, name, None) for name in SETTINGS}
    except Exception as e:  # noqa: BLE001 - reported to the test
        print(json.dumps({"error": "%s: %s" % (type(e).__name__, e)}))
        return
    from django.test import Client

    client = Client()
    responses = {}
    for name, extra in REQUESTS.items():
        response = client.get("/", **extra)
        responses[name] = {
            "status": response.status_code,
            "location": response.get("Location"),
            "hsts": response.get("Strict-Transport-Security"),
            "body": response.content.decode(errors="replace") if response.status_code == 200 else None,
        }
    print(json.dumps({"settings": values, "responses": responses}, default=str))


if __name__ == "__main__":
    sys.exit(main())
